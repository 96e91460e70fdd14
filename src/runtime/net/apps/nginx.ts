import { VirtualFs } from '../../shell/vfs.js';
import { imageFiles } from '../../images/image-files.js';
import { NGINX_FILES_MTIME, NGINX_VERSION } from '../../images/nginx-files.js';
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
const ROOT = '/usr/share/nginx/html';
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
export function nginxErrorPage(status: number): string {
  const t = TITLES[status];
  return `<html>\r\n<head><title>${t}</title></head>\r\n<body>\r\n<center><h1>${t}</h1></center>\r\n<hr><center>nginx/${NGINX_VERSION}</center>\r\n</body>\r\n</html>\r\n`;
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
  if (!readable) response = errorResponse(405, now);
  else if (uri.endsWith('/')) {
    const dir = ROOT + uri.replace(/\/+$/, '');
    const index = ['index.html', 'index.htm'].map((n) => `${dir}/${n}`).find((p) => fs.isFile(p));
    if (index) response = req.method === 'POST' ? errorResponse(405, now) : fileResponse(fs, index, view, now);
    else if (fs.isDir(dir || '/')) {
      error(`directory index of "${dir}/" is forbidden`);
      response = errorResponse(403, now);
    } else {
      error(`"${dir}/index.html" is not found (2: No such file or directory)`);
      response = errorResponse(404, now);
    }
  } else {
    const file = ROOT + uri;
    if (fs.isFile(file)) response = req.method === 'POST' ? errorResponse(405, now) : fileResponse(fs, file, view, now);
    else if (fs.isDir(file)) {
      const host = (header(req, 'host') ?? 'localhost').replace(/:\d+$/, '');
      response = errorResponse(301, now, `http://${host}${rawPath}/`);
    } else {
      error(`open() "${file}" failed (2: No such file or directory)`);
      response = errorResponse(404, now);
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

function base(now: number): Array<[string, string]> {
  return [
    ['Server', `nginx/${NGINX_VERSION}`],
    ['Date', httpDate(now)],
  ];
}

function errorResponse(status: number, now: number, location?: string): HttpResponse {
  const body = nginxErrorPage(status);
  const headers: Array<[string, string]> = [...base(now), ['Content-Type', 'text/html'], ['Content-Length', String(body.length)]];
  if (location) headers.push(['Location', location]);
  headers.push(['Connection', 'keep-alive']);
  return { status, reason: REASONS[status], headers, body };
}

/**
 * A static file: Last-Modified and the ETag (`"<mtime hex>-<size hex>"`) come from the file's mtime —
 * the package's build time for the image's pages; files from volumes or written in the container
 * are dated when the pod started (mtimes are not tracked).
 */
function fileResponse(fs: VirtualFs, path: string, view: ServerView, now: number): HttpResponse {
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
      ...base(now),
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

