import type { KubeObject } from '../../api/types.js';
import { connect, type Connection, type NetContext } from '../net/connect.js';
import { serve, type HttpResponse } from '../net/http-apps.js';

export interface Fetch {
  conn: Connection;
  response?: HttpResponse;
  host: string;
  port: number;
}

/** Where an in-pod HTTP client reaches, plus what the server says. */
export interface ClientContext extends NetContext {
  now: number;
  /** The environment a server container started with (whoami reads WHOAMI_NAME/WHOAMI_MODE). */
  serverEnv(pod: KubeObject, container: string): Map<string, string>;
}

/** Splits `http://host[:port]/path`; a bare `host` or IP means http://host/. */
export function parseUrl(url: string): { scheme: string; host: string; port: number; path: string } | undefined {
  const m = url.match(/^(?:([a-z]+):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)/i);
  if (!m) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  return { scheme, host: m[2], port, path: m[4] || '/' };
}

/** One HTTP request from the client pod, headers in the order the client sends them. */
export function fetchHttp(ctx: ClientContext, url: { host: string; port: number; path: string }, method: string, headers: Array<[string, string]>, body?: string): Fetch {
  const conn = connect(ctx, url.host, url.port);
  if (conn.kind !== 'ok') return { conn, host: url.host, port: url.port };
  const response = serve(conn.container.image, conn.pod, ctx.serverEnv(conn.pod, conn.container.name), { method, path: url.path, headers, clientIP: conn.clientIP, clientPort: conn.clientPort, ...(body ? { body } : {}) }, ctx.now);
  return { conn, response, host: url.host, port: url.port };
}
