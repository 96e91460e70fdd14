import { podAddresses } from '../interfaces.js';
import { canonicalHeaderKey, goError, goLogPrefix, goJson, goResponse, header, splitTarget, type HttpApp, type HttpRequest, type ServerView } from './types.js';

/**
 * The two whoami programs the labs run. traefik/whoami (Go) and sixeyed/whoami (courselabs' fork of
 * an older traefik/whoami, labs/docker/whoami/app.go) answer alike, with differences that show:
 * - `/`: sixeyed prints only non-loopback `IP:` lines and stops after them when WHOAMI_MODE=q;
 *   traefik prints every address (loopback first) and appends the environment for `?env=true`;
 * - `/api`: both list every address; traefik adds `remoteAddr` (and `environ` for `?env=true`);
 * - neither logs requests (traefik only with `-verbose`).
 * Routes: `/`, `/api`, `/health` (GET answers the current status, 200), `/bench` (`1`), `/data`
 * (`?size=&unit=`: `|-ABC…|` filler), anything else falls to `/` (Go's ServeMux).
 */
export function whoamiApp(flavour: 'traefik' | 'sixeyed'): HttpApp {
  return (req, view, now) => {
    const { path, query } = splitTarget(req.path);
    const head = req.method === 'HEAD';
    const reply = (status: number, headers: Array<[string, string]>, body: string) => ({ response: goResponse(status, headers, body, now, { head }), log: [] });
    switch (path) {
      case '/api':
        return reply(200, [['Content-Type', 'application/json']], apiBody(flavour, req, view, query) + '\n');
      case '/health':
        return reply(200, [], '');
      case '/bench':
        return reply(200, [['Connection', 'keep-alive'], ['Content-Type', 'text/plain']], '1');
      case '/data':
        return reply(200, [], filler(flavour, query));
      case '/echo':
        // A websocket endpoint: a plain GET fails the upgrade the way gorilla/websocket answers it.
        return {
          response: goError(400, 'Bad Request', now, head),
          log: [{ stream: 'stderr', line: `${goLogPrefix(now)}websocket: the client is not using the websocket protocol: 'upgrade' token not found in 'Connection' header` }],
        };
      default:
        return reply(200, [], rootBody(flavour, req, view, query));
    }
  };
}

/** The request as Go's Request.Write prints it: request line, Host, User-Agent, the rest sorted. */
function requestText(req: HttpRequest): string {
  const host = header(req, 'host') ?? '';
  // Request.Write supplies Go's own User-Agent when the request had none.
  const ua = header(req, 'user-agent') ?? 'Go-http-client/1.1';
  const rest = req.headers
    .filter(([k]) => !['host', 'user-agent', 'content-length', 'transfer-encoding', 'trailer'].includes(k.toLowerCase()))
    .map(([k, v]) => [canonicalHeaderKey(k), v] as [string, string])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let out = `${req.method} ${req.path} HTTP/1.1\r\nHost: ${host}\r\nUser-Agent: ${ua}\r\n`;
  if (req.body) out += `Content-Length: ${Buffer.byteLength(req.body)}\r\n`;
  for (const [k, v] of rest) out += `${k}: ${v}\r\n`;
  return `${out}\r\n${req.body ?? ''}`;
}

function rootBody(flavour: 'traefik' | 'sixeyed', req: HttpRequest, view: ServerView, query: URLSearchParams): string {
  let body = '';
  const name = view.env.get('WHOAMI_NAME');
  if (name) body += `Name: ${name}\n`;
  body += `Hostname: ${view.pod.metadata.name}\n`;
  for (const ip of podAddresses(view.pod, flavour === 'traefik')) body += `IP: ${ip}\n`;
  if (flavour === 'sixeyed' && view.env.get('WHOAMI_MODE') === 'q') return body;
  body += `RemoteAddr: ${req.clientIP}:${req.clientPort}\n`;
  body += requestText(req);
  if (flavour === 'traefik' && parseBool(query.get('env'))) for (const [k, v] of view.env) body += `${k}=${v}\n`;
  return body;
}

function apiBody(flavour: 'traefik' | 'sixeyed', req: HttpRequest, view: ServerView, query: URLSearchParams): string {
  const headers: Record<string, string[]> = {};
  for (const [k, v] of req.headers) {
    if (k.toLowerCase() === 'host') continue;
    (headers[canonicalHeaderKey(k)] ??= []).push(v);
  }
  const sorted = Object.fromEntries(Object.keys(headers).sort().map((k) => [k, headers[k]]));
  const data: Record<string, unknown> = { hostname: view.pod.metadata.name, ip: podAddresses(view.pod) };
  if (Object.keys(sorted).length) data.headers = sorted;
  data.url = req.path;
  data.host = header(req, 'host') ?? '';
  data.method = req.method;
  const name = view.env.get('WHOAMI_NAME');
  if (name) data.name = name;
  if (flavour === 'traefik') {
    data.remoteAddr = `${req.clientIP}:${req.clientPort}`;
    if (parseBool(query.get('env'))) data.environ = Object.fromEntries([...view.env].sort(([a], [b]) => (a < b ? -1 : 1)));
  }
  return goJson(data);
}

/** Go's strconv.ParseBool truths. */
function parseBool(v: string | null): boolean {
  return v !== null && ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v);
}

const UNITS: Record<string, number> = { kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4 };
/** Bodies above this are cut short: the simulation keeps whole responses in memory. */
const MAX_DATA = 8 * 1024 * 1024;

/** `/data`'s body: `|`, then `-ABC…Z` repeated by position, then `|`. */
function filler(flavour: 'traefik' | 'sixeyed', query: URLSearchParams): string {
  const raw = query.get('size') ?? '';
  let size = /^[+-]?\d+$/.test(raw) ? Number(raw) : 1;
  if (size < 0) size = 0;
  size *= UNITS[(query.get('unit') ?? '').toLowerCase()] ?? 1;
  size = Math.min(size, MAX_DATA);
  // traefik's reader stops one byte short of `size` and so sends nothing for size 1.
  if (flavour === 'traefik' && size <= 1) return '';
  const charset = '-ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const chars = Array.from({ length: size }, (_, i) => charset[i % charset.length]);
  if (size > 0) chars[0] = chars[size - 1] = '|';
  return chars.join('');
}
