import type { KubeObject } from '../../api/types.js';
import type { LogLine } from '../../api/snapshot.js';
import type { VirtualFs } from '../shell/vfs.js';
import { connect, type Connection, type NetContext } from '../net/connect.js';
import { serveRequest, type HttpResponse } from '../net/http-apps.js';
import { logLineTime, type ServerLogs } from '../net/server-logs.js';
import { listenersOf } from '../net/listeners.js';

export interface Fetch {
  conn: Connection;
  response?: HttpResponse;
  host: string;
  port: number;
  /**
   * For an https request: 'plain' when the port does not speak TLS (the handshake reads an HTTP
   * answer), 'rejected' when the client refused the server's certificate, 'ok' after a handshake.
   */
  tls?: 'plain' | 'rejected' | 'ok';
  /** The certificate (chain) the server presented, as PEM. */
  serverCertificate?: string;
}

/** An https request: the client judges the server's certificate before anything is sent. */
export interface TlsClient {
  /** true to go on with the request. */
  accept(certPem: string): boolean;
}

/** The serving container as the runtime knows it: its instance, files, environment and log so far. */
export interface ServerContainer {
  containerID?: string;
  fs?: VirtualFs;
  env: Map<string, string>;
  log: LogLine[];
}

/** Where an in-pod HTTP client reaches, plus what the server says. */
export interface ClientContext extends NetContext {
  now: number;
  /** The environment a server container started with (whoami reads WHOAMI_NAME/WHOAMI_MODE). */
  serverEnv(pod: KubeObject, container: string): Map<string, string>;
  /** The server container's view (files, log); without it servers see only their image's files. */
  server?(pod: KubeObject, container: { name: string; image: string }): ServerContainer;
  /** Collects what servers log while answering (access lines), for the runtime record. */
  serverLogs?: ServerLogs;
}

/** Splits `http://host[:port]/path`; a bare `host` or IP means http://host/. */
export function parseUrl(url: string): { scheme: string; host: string; port: number; path: string } | undefined {
  const m = url.match(/^(?:([a-z]+):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)/i);
  if (!m) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  const rest = m[4] || '/';
  return { scheme, host: m[2], port, path: rest.startsWith('/') ? rest : `/${rest}` };
}

/**
 * One HTTP request from the client pod, headers in the order the client sends them. The server's
 * log lines (nginx's access log, kuard's request log) go to ctx.serverLogs, stamped with now.
 */
export function fetchHttp(ctx: ClientContext, url: { host: string; port: number; path: string }, method: string, headers: Array<[string, string]>, body?: string, tls?: TlsClient): Fetch {
  const conn = connect(ctx, url.host, url.port);
  if (conn.kind !== 'ok') return { conn, host: url.host, port: url.port };
  const server = ctx.server?.(conn.pod, conn.container) ?? { env: ctx.serverEnv(conn.pod, conn.container.name), log: [] };
  const secure = listenersOf(conn.container.image, server.fs).find((l) => l.port === conn.port)?.tls;
  const base = { conn, host: url.host, port: url.port };
  if (tls && !secure) return { ...base, tls: 'plain' };
  if (tls && secure && !tls.accept(secure.certPem)) return { ...base, tls: 'rejected', serverCertificate: secure.certPem };
  const pending = server.containerID && ctx.serverLogs ? ctx.serverLogs.pending(server.containerID) : [];
  const served = serveRequest(
    { image: conn.container.image, pod: conn.pod, container: conn.container.name, env: server.env, fs: server.fs, log: [...server.log, ...pending] },
    { method, path: url.path, headers, clientIP: conn.clientIP, clientPort: conn.clientPort, body, port: conn.port, tls: Boolean(tls) },
    ctx.now,
  );
  if (server.containerID && ctx.serverLogs) {
    const start = pending.length;
    ctx.serverLogs.add(server.containerID, served.log.map((l, i) => ({ time: logLineTime(ctx.now, start + i), stream: l.stream, line: l.line })));
  }
  return { ...base, response: served.response, ...(tls ? { tls: 'ok' as const, serverCertificate: secure!.certPem } : {}) };
}
