import type { KubeObject } from '../../api/types.js';
import { imageRepo } from '../../api/images.js';

export interface HttpRequest {
  method: string;
  path: string;
  /** Headers in the order the client sent them (Host first). */
  headers: Array<[string, string]>;
  clientIP: string;
  clientPort: number;
  /** The request body (curl -d), when the client sends one. */
  body?: string;
}

export interface HttpResponse {
  status: number;
  reason: string;
  headers: Array<[string, string]>;
  body: string;
}

const NGINX_PAGE = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const NGINX_VERSION = '1.27.3';

function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

function nginx(req: HttpRequest, now: number): HttpResponse {
  const common: Array<[string, string]> = [['Server', `nginx/${NGINX_VERSION}`], ['Date', httpDate(now)]];
  if (req.path === '/' || req.path === '/index.html') {
    return {
      status: 200,
      reason: 'OK',
      headers: [...common, ['Content-Type', 'text/html'], ['Content-Length', String(Buffer.byteLength(NGINX_PAGE))], ['Last-Modified', 'Tue, 26 Nov 2024 15:55:00 GMT'], ['Connection', 'keep-alive'], ['ETag', '"6745ef54-267"'], ['Accept-Ranges', 'bytes']],
      body: NGINX_PAGE,
    };
  }
  const body = `<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/${NGINX_VERSION}</center>\r\n</body>\r\n</html>\r\n`;
  return { status: 404, reason: 'Not Found', headers: [...common, ['Content-Type', 'text/html'], ['Content-Length', String(body.length)], ['Connection', 'keep-alive']], body };
}

/** whoami's `GET /`: hostname, IPs, RemoteAddr, then the request as Go's Request.Write prints it. */
function whoami(req: HttpRequest, pod: KubeObject, env: Map<string, string>, now: number): HttpResponse {
  const lines: string[] = [];
  const name = env.get('WHOAMI_NAME');
  if (name) lines.push(`Name: ${name}`);
  lines.push(`Hostname: ${pod.metadata.name}`);
  lines.push(`IP: ${pod.status?.podIP ?? ''}`);
  let body = `${lines.join('\n')}\n`;
  if (env.get('WHOAMI_MODE') !== 'q') {
    const host = req.headers.find(([k]) => k.toLowerCase() === 'host')?.[1] ?? '';
    const ua = req.headers.find(([k]) => k.toLowerCase() === 'user-agent');
    const length = req.headers.find(([k]) => k.toLowerCase() === 'content-length');
    const rest = req.headers.filter(([k]) => !['host', 'user-agent', 'content-length'].includes(k.toLowerCase())).sort(([a], [b]) => (a < b ? -1 : 1));
    body += `RemoteAddr: ${req.clientIP}:${req.clientPort}\n`;
    body += `${req.method} ${req.path} HTTP/1.1\r\nHost: ${host}\r\n`;
    if (ua) body += `User-Agent: ${ua[1]}\r\n`;
    // Go's Request.Write puts Content-Length right after User-Agent and echoes the body after the headers.
    if (length) body += `Content-Length: ${length[1]}\r\n`;
    for (const [k, v] of rest) body += `${k}: ${v}\r\n`;
    body += '\r\n' + (req.body ?? '');
  }
  return { status: 200, reason: 'OK', headers: [['Date', httpDate(now)], ['Content-Length', String(Buffer.byteLength(body))], ['Content-Type', 'text/plain; charset=utf-8']], body };
}

/** What the container's server answers, by image. */
export function serve(image: string, pod: KubeObject, env: Map<string, string>, req: HttpRequest, now: number): HttpResponse {
  const repo = imageRepo(image);
  if (repo === 'nginx') return nginx(req, now);
  if (repo === 'sixeyed/whoami' || repo === 'traefik/whoami') return whoami(req, pod, env, now);
  const body = '404 page not found\n';
  return { status: 404, reason: 'Not Found', headers: [['Content-Type', 'text/plain; charset=utf-8'], ['X-Content-Type-Options', 'nosniff'], ['Date', httpDate(now)], ['Content-Length', String(body.length)]], body };
}
