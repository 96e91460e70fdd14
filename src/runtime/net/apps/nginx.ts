import { VirtualFs } from '../../shell/vfs.js';
import { imageFiles } from '../../images/image-files.js';
import { NGINX_FILES_MTIME, NGINX_VERSION } from '../../images/nginx-files.js';
import { nginxServers, serverForPort } from './nginx-config.js';
import { header, httpDate, splitTarget, type HttpApp, type HttpResponse, type ServerLogLine, type ServerView } from './types.js';

/**
 * nginx with the image's stock configuration (default.conf): `location /` serves files from
 * /usr/share/nginx/html with `index index.html index.htm`, no autoindex. What it does per request,
 * as the static, index and core modules do:
 * - a URI ending in `/` tries index.html then index.htm; none there → 403 if the directory exists
 *   ("directory index … is forbidden"), else 404;
 * - a directory without the slash → 301 to `http://<Host>/<dir>/` (absolute_redirect, port 80 omitted);
 * - methods other than GET/HEAD/POST → 405 Not Allowed; POST to an existing file → 405 as well
 *   (the static module serves files only for GET/HEAD), POST to a missing one → 404;
 * - a missing file → 404 with an `open() … failed` error-log line (log_not_found is on).
 * Every request ends with an access-log line in the image's `main` format on stdout (access.log is
 * a symlink to /dev/stdout), error-log lines go to stderr (error.log → /dev/stderr).
 */
const STOCK_ROOT = '/usr/share/nginx/html';
const WORKER_PID = 29;

const MIME: Record<string, string> = {
  html: 'text/html',
  htm: 'text/html',
  shtml: 'text/html',
  css: 'text/css',
  xml: 'text/xml',
  txt: 'text/plain',
  js: 'application/javascript',
  json: 'application/json',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  ico: 'image/x-icon',
};

const TITLES: Record<number, string> = { 301: '301 Moved Permanently', 403: '403 Forbidden', 404: '404 Not Found', 405: '405 Not Allowed' };
const REASONS: Record<number, string> = { 200: 'OK', 301: 'Moved Permanently', 403: 'Forbidden', 404: 'Not Found', 405: 'Not Allowed' };

/** nginx's built-in error page (CRLF line endings). */
export function nginxErrorPage(status: number, version = NGINX_VERSION): string {
  const t = TITLES[status];
  return `<html>\r\n<head><title>${t}</title></head>\r\n<body>\r\n<center><h1>${t}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

/** `[01/Jan/2025:00:00:00 +0000]`'s inside: nginx's $time_local in the container's zone (UTC). */
export function nginxTimeLocal(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  return `${p(d.getUTCDate())}/${mon}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

function errorLogTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace(/-/g, '/').replace('T', ' ');
}

function decode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

export const nginx: HttpApp = (req, view, now) => {
  const fs = view.fs ?? new VirtualFs(imageFiles(view.image).files);
  // The server block for the port (conf.d), else the stock default.conf's root and index.
  const server = serverForPort(nginxServers(fs), req.port ?? 80);
  const ROOT = server?.root.replace(/\/+$/, '') ?? STOCK_ROOT;
  const indexes = server?.index ?? ['index.html', 'index.htm'];
  // The image's NGINX_VERSION (`1.27.3`, `1.9.1-1~jessie`) is the version nginx reports.
  const version = (view.env.get('NGINX_VERSION') ?? NGINX_VERSION).replace(/-.*$/, '');
  const sslPort = server?.listens.some((l) => l.port === (req.port ?? 80) && l.ssl) ?? false;
  const { path: rawPath } = splitTarget(req.path);
  const uri = decode(rawPath);
  // nginx counts connections from 1 in the order it accepts them; each request here is a connection.
  const conn = view.log.filter((l) => l.stream === 'stdout' && / HTTP\/1\.[01]" \d{3} /.test(l.line)).length + 1;
  const log: ServerLogLine[] = [];
  const error = (message: string) => {
    const host = header(req, 'host');
    log.push({ stream: 'stderr', line: `${errorLogTime(now)} [error] ${WORKER_PID}#${WORKER_PID}: *${conn} ${message}, client: ${req.clientIP}, server: localhost, request: "${req.method} ${req.path} HTTP/1.1"${host !== undefined ? `, host: "${host}"` : ''}` });
  };
  const readable = req.method === 'GET' || req.method === 'HEAD' || req.method === 'POST';
  let response: HttpResponse;
  if (sslPort && !req.tls) {
    // nginx's answer to plain HTTP on a `listen … ssl` port (a 497 internally, sent as 400).
    const body = `<html>\r\n<head><title>400 The plain HTTP request was sent to HTTPS port</title></head>\r\n<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n<center>The plain HTTP request was sent to HTTPS port</center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
    response = { status: 400, reason: 'Bad Request', headers: [...base(now, version), ['Content-Type', 'text/html'], ['Content-Length', String(body.length)], ['Connection', 'close']], body };
  } else if (!readable) response = errorResponse(405, now, version);
  else if (uri.endsWith('/')) {
    const dir = ROOT + uri.replace(/\/+$/, '');
    const index = indexes.map((n) => `${dir}/${n}`).find((p) => fs.isFile(p));
    if (index) response = req.method === 'POST' ? errorResponse(405, now, version) : fileResponse(fs, index, view, now, version);
    else if (fs.isDir(dir || '/')) {
      error(`directory index of "${dir}/" is forbidden`);
      response = errorResponse(403, now, version);
    } else {
      error(`"${dir}/index.html" is not found (2: No such file or directory)`);
      response = errorResponse(404, now, version);
    }
  } else {
    const file = ROOT + uri;
    if (fs.isFile(file)) response = req.method === 'POST' ? errorResponse(405, now, version) : fileResponse(fs, file, view, now, version);
    else if (fs.isDir(file)) {
      const host = (header(req, 'host') ?? 'localhost').replace(/:\d+$/, '');
      response = errorResponse(301, now, version, `http://${host}${rawPath}/`);
    } else {
      error(`open() "${file}" failed (2: No such file or directory)`);
      response = errorResponse(404, now, version);
    }
  }
  if (req.method === 'HEAD') response = { ...response, body: '' };
  const bytes = Buffer.byteLength(response.body);
  const q = (v: string | undefined) => (v === undefined || v === '' ? '-' : v.replace(/"/g, '\\x22'));
  log.push({
    stream: 'stdout',
    line: `${req.clientIP} - - [${nginxTimeLocal(now)}] "${req.method} ${req.path} HTTP/1.1" ${response.status} ${bytes} "${q(header(req, 'referer'))}" "${q(header(req, 'user-agent'))}" "${q(header(req, 'x-forwarded-for'))}"`,
  });
  return { response, log };
};

function base(now: number, version: string): Array<[string, string]> {
  return [
    ['Server', `nginx/${version}`],
    ['Date', httpDate(now)],
  ];
}

function errorResponse(status: number, now: number, version: string, location?: string): HttpResponse {
  const body = nginxErrorPage(status, version);
  const headers: Array<[string, string]> = [...base(now, version), ['Content-Type', 'text/html'], ['Content-Length', String(body.length)]];
  if (location) headers.push(['Location', location]);
  headers.push(['Connection', 'keep-alive']);
  return { status, reason: REASONS[status], headers, body };
}

/**
 * A static file: Last-Modified and the ETag (`"<mtime hex>-<size hex>"`) come from the file's mtime —
 * the package's build time for the image's pages; files from volumes or written in the container
 * are dated when the pod started (mtimes are not tracked).
 */
function fileResponse(fs: VirtualFs, path: string, view: ServerView, now: number, version: string): HttpResponse {
  const body = fs.readFile(path);
  const packaged = imageFiles(view.image).files[path] === body;
  const started = Date.parse(view.pod.status?.startTime ?? '');
  const mtime = packaged ? NGINX_FILES_MTIME : Number.isNaN(started) ? now : started;
  const size = Buffer.byteLength(body);
  const ext = path.slice(path.lastIndexOf('/') + 1).includes('.') ? path.slice(path.lastIndexOf('.') + 1).toLowerCase() : '';
  return {
    status: 200,
    reason: 'OK',
    headers: [
      ...base(now, version),
      ['Content-Type', MIME[ext] ?? 'application/octet-stream'],
      ['Content-Length', String(size)],
      ['Last-Modified', httpDate(mtime)],
      ['Connection', 'keep-alive'],
      ['ETag', `"${Math.floor(mtime / 1000).toString(16)}-${size.toString(16)}"`],
      ['Accept-Ranges', 'bytes'],
    ],
    body,
  };
}

