import { kuardVersion } from '../../../api/images.js';
import { VirtualFs } from '../../shell/vfs.js';
import { imageFiles } from '../../images/image-files.js';
import { podAddresses } from '../interfaces.js';
import { canonicalHeaderKey, goError, goJson, goLogPrefix, goResponse, header, httpDate, splitTarget, type HttpApp, type HttpRequest, type ServerLogLine, type ServerView } from './types.js';

/**
 * kuard (kubernetes-up-and-running/kuard, Go 1.12, julienschmidt/httprouter v1.2.0) on :8080.
 * Every request is logged first (`log.Printf("%s %s %s", RemoteAddr, Method, URL)`, to stderr like all
 * of Go's log output); the first page render also logs `Loading template for index.html`.
 * Routes, also under the prefixes /a, /b and /c: `/` and `/-/*` (the single-page app's HTML shell
 * with the page context as JSON), `/healthy` and `/ready` (`ok`, text/plain — what probes hit),
 * `/healthy/api` and `/ready/api` (probe status JSON), `/env/api` (command line and environment as
 * JSON), `/fs/*` (Go's http.FileServer over the container's root). httprouter answers GET routes only:
 * any other method (HEAD too) gets 405 with `Allow: GET`; unknown paths get Go's `404 page not found`.
 * Not modelled: /metrics, /mem, /dns, /keygen, /memq and the static bundle.
 */
const PREFIXES = ['/a', '/b', '/c'];
const NO_CACHE: Array<[string, string]> = [
  ['Cache-Control', 'no-cache, private, max-age=0'],
  ['Expires', 'Thu, 01 Jan 1970 00:00:00 UTC'],
  ['Pragma', 'no-cache'],
];

export const kuard: HttpApp = (req, view, now) => {
  const log: ServerLogLine[] = [{ stream: 'stderr', line: `${goLogPrefix(now)}${req.clientIP}:${req.clientPort} ${req.method} ${req.path}` }];
  const { path: full } = splitTarget(req.path);
  const prefix = PREFIXES.find((p) => full === p || full.startsWith(`${p}/`)) ?? '';
  const path = full.slice(prefix.length);
  const route = routeOf(path);
  const head = req.method === 'HEAD';
  if (!route) return { response: goError(404, '404 page not found', now, head), log };
  if (req.method !== 'GET') {
    const allow = route === 'probe-api' ? 'GET, PUT' : 'GET';
    return { response: goResponse(405, [['Allow', allow], ['Content-Type', 'text/plain; charset=utf-8'], ['X-Content-Type-Options', 'nosniff']], 'Method Not Allowed\n', now, { head }), log };
  }
  if (route === 'redirect') {
    const to = path.endsWith('/') ? path.slice(0, -1) : `${path}/`;
    const body = `<a href="${prefix}${to}">Moved Permanently</a>.\n\n`;
    return { response: goResponse(301, [['Content-Type', 'text/html; charset=utf-8'], ['Location', prefix + to]], body, now), log };
  }
  if (route === 'page') {
    if (!view.log.some((l) => l.line.endsWith(' Loading template for index.html'))) log.push({ stream: 'stderr', line: `${goLogPrefix(now)}Loading template for index.html` });
    const body = indexPage(pageContext(req, view, prefix));
    return { response: goResponse(200, [['Content-Length', String(Buffer.byteLength(body))], ['Content-Type', 'text/html']], body, now), log };
  }
  if (route === 'probe') return { response: goResponse(200, [['Content-Type', 'text/plain']], 'ok', now), log };
  if (route === 'probe-api') return { response: goResponse(200, [...NO_CACHE, ['Content-Type', 'application/json']], goJson({ probePath: '', failNext: 0, history: [] }) + '\n', now), log };
  if (route === 'env') return { response: goResponse(200, [...NO_CACHE, ['Content-Type', 'application/json']], envApi(view) + '\n', now), log };
  return { response: fileServer(path.slice('/fs'.length), view, now), log };
};

type Route = 'page' | 'probe' | 'probe-api' | 'env' | 'fs' | 'redirect';

function routeOf(path: string): Route | undefined {
  if (path === '/' || path.startsWith('/-/')) return 'page';
  if (path === '/healthy' || path === '/ready') return 'probe';
  if (path === '/healthy/api' || path === '/ready/api') return 'probe-api';
  if (path === '/env/api') return 'env';
  if (path.startsWith('/fs/')) return 'fs';
  // httprouter's RedirectTrailingSlash.
  if (['/healthy/', '/ready/', '/env/api/', '/healthy/api/', '/ready/api/', '/fs'].includes(path)) return 'redirect';
  return undefined;
}

/** The page context kuard embeds in its HTML (pkg/app: getPageContext). */
function pageContext(req: HttpRequest, view: ServerView, urlBase: string): Record<string, unknown> {
  const version = kuardVersion(view.image);
  return {
    urlBase,
    hostname: view.pod.metadata.name,
    addrs: podAddresses(view.pod, false),
    version,
    versionColor: `hsl(${fnv32a(version) % 360},100%,50%)`,
    requestDump: dumpRequest(req),
    requestProto: 'HTTP/1.1',
    requestAddr: `${req.clientIP}:${req.clientPort}`,
  };
}

/** httputil.DumpRequest(r, false), trimmed: request line, Host, the other headers sorted. */
function dumpRequest(req: HttpRequest): string {
  const rest = req.headers
    .filter(([k]) => !['host', 'transfer-encoding', 'trailer'].includes(k.toLowerCase()))
    .map(([k, v]) => [canonicalHeaderKey(k), v] as [string, string])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [`${req.method} ${req.path} HTTP/1.1`, `Host: ${header(req, 'host') ?? ''}`, ...rest.map(([k, v]) => `${k}: ${v}`)].join('\r\n');
}

function fnv32a(s: string): number {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(s)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h >>> 0;
}

/** sitedata/templates/index.html with the page context filled in. */
function indexPage(ctx: Record<string, unknown>): string {
  return `<!doctype html>

<html lang="en">
<head>
  <meta charset="utf-8">

  <title>KUAR Demo</title>

  <link rel="stylesheet" href="/static/css/bootstrap.min.css">
  <link rel="stylesheet" href="/static/css/styles.css">

  <script>
var pageContext = ${goJson(ctx)}
  </script>
</head>

<!-- SVG Icons - Generated by IcoMoon - https://icomoon.io/app -->
<svg style="position: absolute; width: 0; height: 0; overflow: hidden;" version="1.1" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
<defs>
<symbol id="icon-power" viewBox="0 0 32 32">
<title>power</title>
<path class="path1" d="M12 0l-12 16h12l-8 16 28-20h-16l12-12z"></path>
</symbol>
<symbol id="icon-notification" viewBox="0 0 32 32">
<title>notification</title>
<path class="path1" d="M16 3c-3.472 0-6.737 1.352-9.192 3.808s-3.808 5.72-3.808 9.192c0 3.472 1.352 6.737 3.808 9.192s5.72 3.808 9.192 3.808c3.472 0 6.737-1.352 9.192-3.808s3.808-5.72 3.808-9.192c0-3.472-1.352-6.737-3.808-9.192s-5.72-3.808-9.192-3.808zM16 0v0c8.837 0 16 7.163 16 16s-7.163 16-16 16c-8.837 0-16-7.163-16-16s7.163-16 16-16zM14 22h4v4h-4zM14 6h4v12h-4z"></path>
</symbol>
</defs>
</svg>

<body>
  <div id="root"></div>
  <script src="/built/bundle.js" type="text/javascript"></script>
</body>
</html>
`;
}

/** `/env/api`: os.Args and os.Environ as JSON (Go sorts the map's keys). */
function envApi(view: ServerView): string {
  const spec = ((view.pod.spec?.containers ?? []) as Array<{ name: string; command?: string[]; args?: string[] }>).find((c) => c.name === view.container);
  const commandLine = spec?.command?.length ? [...spec.command, ...(spec.args ?? [])] : ['/kuard', ...(spec?.args ?? [])];
  const env = Object.fromEntries([...view.env].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return goJson({ commandLine, env });
}

/** http.FileServer(http.Dir("/")) as Go 1.12 answers: `<pre>` listings, 301s to add a slash. */
function fileServer(path: string, view: ServerView, now: number) {
  const fs = view.fs ?? new VirtualFs(imageFiles(view.image).files);
  const started = Date.parse(view.pod.status?.startTime ?? '');
  const mtime = httpDate(Number.isNaN(started) ? now : started);
  const target = path === '/' ? '/' : path.replace(/\/$/, '');
  if (fs.isDir(target)) {
    if (!path.endsWith('/')) return goResponse(301, [['Location', `${target.slice(target.lastIndexOf('/') + 1)}/`]], '', now);
    const names = fs.list(target).map((n) => (fs.isDir(`${target === '/' ? '' : target}/${n}`) ? `${n}/` : n));
    const body = `<pre>\n${names.map((n) => `<a href="${encodeURI(n)}">${n.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;')}</a>\n`).join('')}</pre>\n`;
    return goResponse(200, [['Content-Type', 'text/html; charset=utf-8'], ['Last-Modified', mtime]], body, now);
  }
  if (fs.isFile(target) && !path.endsWith('/')) {
    const body = fs.readFile(target);
    const type = /\.html?$/.test(target) ? 'text/html; charset=utf-8' : /\.json$/.test(target) ? 'application/json' : 'text/plain; charset=utf-8';
    return goResponse(200, [['Accept-Ranges', 'bytes'], ['Content-Length', String(Buffer.byteLength(body))], ['Content-Type', type], ['Last-Modified', mtime]], body, now);
  }
  return goError(404, '404 page not found', now);
}
