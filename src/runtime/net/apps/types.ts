import type { KubeObject } from '../../../api/types.js';
import type { LogLine } from '../../../api/snapshot.js';
import type { VirtualFs } from '../../shell/vfs.js';

export interface HttpRequest {
  method: string;
  /** The request target as sent: path plus query (`/data?size=3`). */
  path: string;
  /** Headers in the order the client sent them (Host first). */
  headers: Array<[string, string]>;
  clientIP: string;
  clientPort: number;
  body?: string;
  /** The server port the request arrived on, and whether it came over TLS. */
  port?: number;
  tls?: boolean;
}

export interface HttpResponse {
  status: number;
  reason: string;
  headers: Array<[string, string]>;
  body: string;
}

/** What the serving container is: its pod, environment, files and the log it has written so far. */
export interface ServerView {
  image: string;
  pod: KubeObject;
  /** The serving container's name in the pod spec. */
  container?: string;
  env: Map<string, string>;
  /** The container's file view; servers without one see an empty root. */
  fs?: VirtualFs;
  /** Lines the container has written so far (start-up lines, earlier requests). */
  log: LogLine[];
}

/** A line a server writes while answering (the caller stamps the time). */
export interface ServerLogLine {
  stream: 'stdout' | 'stderr';
  line: string;
}

export interface Served {
  response: HttpResponse;
  log: ServerLogLine[];
}

/** One application's request handler. */
export type HttpApp = (req: HttpRequest, view: ServerView, now: number) => Served;

/** An HTTP Date header value (`Wed, 01 Jan 2025 00:00:00 GMT`). */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

export function header(req: HttpRequest, name: string): string | undefined {
  return req.headers.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
}

/** The path without its query, and the parsed query. */
export function splitTarget(target: string): { path: string; query: URLSearchParams } {
  const q = target.indexOf('?');
  return q < 0 ? { path: target, query: new URLSearchParams() } : { path: target.slice(0, q), query: new URLSearchParams(target.slice(q + 1)) };
}

/** Go's encoding/json output: like JSON.stringify but with <, > and & escaped as json.Marshal does. */
export function goJson(value: unknown, indent?: string): string {
  return JSON.stringify(value, null, indent)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Go's log package prefix (log.LstdFlags): `2025/01/01 00:00:00 ` in the container's zone (UTC). */
export function goLogPrefix(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} `;
}

/** Go's http.Header canonical form: `user-agent` → `User-Agent`. */
export function canonicalHeaderKey(k: string): string {
  return k
    .split('-')
    .map((w) => (w ? w[0].toUpperCase() + w.slice(1).toLowerCase() : w))
    .join('-');
}

/**
 * A Go net/http response's headers: the handler's headers sorted by name, then Date, then
 * Content-Length, then a sniffed Content-Type when the handler set none (the server's "extra" headers).
 */
export function goResponse(status: number, handlerHeaders: Array<[string, string]>, body: string, now: number, opts: { sniff?: boolean; head?: boolean } = {}): HttpResponse {
  const sorted = [...handlerHeaders].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const headers: Array<[string, string]> = [...sorted, ['Date', httpDate(now)]];
  // A body that does not fit the server's 2 KiB buffer goes out chunked, without a length.
  const chunked = !handlerHeaders.some(([k]) => k === 'Content-Length') && Buffer.byteLength(body) > 2048;
  if (!chunked && !handlerHeaders.some(([k]) => k === 'Content-Length')) headers.push(['Content-Length', String(Buffer.byteLength(body))]);
  if (opts.sniff !== false && body.length > 0 && !handlerHeaders.some(([k]) => k === 'Content-Type')) headers.push(['Content-Type', sniff(body)]);
  if (chunked) headers.push(['Transfer-Encoding', 'chunked']);
  return { status, reason: REASONS[status] ?? '', headers, body: opts.head ? '' : body };
}

/** http.DetectContentType for the texts these servers write. */
function sniff(body: string): string {
  const t = body.trimStart().toLowerCase();
  if (t.startsWith('<!doctype html') || t.startsWith('<html') || t.startsWith('<pre') || t.startsWith('<a ')) return 'text/html; charset=utf-8';
  return 'text/plain; charset=utf-8';
}

/** Go's http.Error: the message plus a newline, as plain text that must not be sniffed. */
export function goError(status: number, message: string, now: number, head = false): HttpResponse {
  return goResponse(status, [['Content-Type', 'text/plain; charset=utf-8'], ['X-Content-Type-Options', 'nosniff']], `${message}\n`, now, { head });
}

export const REASONS: Record<number, string> = {
  200: 'OK',
  301: 'Moved Permanently',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};
