import { pushChunk, type OutputChunk, type Tool, type ToolIO } from '../shell/interpreter.js';
import { normalizePath } from '../shell/vfs.js';
import { fetchHttp, parseUrl, type ClientContext, type Fetch } from './http-client.js';
import { nameServerAnswers } from '../net/connect.js';
import { sslcertsTrailer, verifyServerCertificate, type TlsVerdict } from '../tls/verify.js';
import { parseCurlArgs, type CurlOptions } from './curl-args.js';
import { METER_HEAD, ZERO_ROW, meterRow } from './curl-meter.js';
import { jitter, lookupHost, type Libc } from './resolve.js';

/** musl's resolver: `timeout:5` by default, and it stops at the first query that gets no answer. */
const MUSL_DNS_TIMEOUT_S = 5;

/**
 * curl over the simulated data plane, version-aware: Alpine 3.12's 7.79.1 (musl, OpenSSL 1.1.1),
 * Debian bookworm's 7.88.1 (glibc, OpenSSL 3), curlimages' 8.x, and busyboxplus' ancient 7.49. Messages,
 * the verbose trace and the progress meter follow each version's wording (kubectl-output.md §8.3).
 */
export interface CurlBuild {
  version: string;
  libc: Libc;
}

/** `7.79.1` → 70901, for comparisons. */
export function versionNumber(v: string): number {
  const [a, b, c] = v.split(/[.-]/).map((x) => parseInt(x, 10) || 0);
  return a * 10000 + b * 100 + c;
}

const OS_CONNECT_TIMEOUT_MS = 129_000; // Linux gives up on a SYN after 6 retries, a little over two minutes

interface Run {
  stdout: string;
  stderr: string;
  exitCode: number;
  chunks: OutputChunk[];
}

function dataBody(o: CurlOptions, io: ToolIO): string | { error: string } {
  const parts: string[] = [];
  for (let i = 0; i < o.data.length; i++) {
    const d = o.data[i];
    const kind = o.dataKinds[i];
    if (kind !== 'raw' && d.startsWith('@')) {
      const name = d.slice(1);
      let text: string;
      if (name === '-') text = io.stdin;
      else {
        const p = normalizePath(name, io.cwd);
        if (!io.fs.isFile(p)) {
          parts.push('');
          // curl warns and sends nothing for an unreadable file
          return { error: `Warning: Couldn't read data from file "${name}", this makes an empty POST.\n` };
        }
        text = io.fs.readFile(p);
      }
      parts.push(kind === 'binary' ? text : text.replace(/[\r\n]/g, ''));
    } else parts.push(d);
  }
  return parts.join('&');
}

/** The -w template: %{variable}, %% and the \n \r \t escapes curl understands there. */
function writeOut(template: string, vars: Record<string, string>): string {
  return template.replace(/%\{([a-z_]+)\}|%%|\\([nrt\\])/g, (m, name: string | undefined, esc: string | undefined) => {
    if (name !== undefined) return vars[name] ?? '';
    if (m === '%%') return '%';
    return { n: '\n', r: '\r', t: '\t', '\\': '\\' }[esc as 'n'];
  });
}

export function curlTool(net: ClientContext, build: CurlBuild = { version: '7.79.1', libc: 'musl' }): Tool {
  const v = versionNumber(build.version);
  const v8 = v >= 80000;
  const ancient = v < 75000;
  return async (args, io) => {
    const parsed = parseCurlArgs(args);
    const help = "curl: try 'curl --help' or 'curl --manual' for more information\n";
    if (!parsed.ok) return { stdout: '', stderr: `curl: ${parsed.message}\n${help}`, exitCode: 2 };
    const o = parsed.opts;
    if (!o.url) return { stdout: '', stderr: `curl: no URL specified!\n${help}`, exitCode: 2 };
    if (o.head && o.data.length) {
      return { stdout: '', stderr: 'Warning: You can only select one HTTP request method! You asked for both POST \nWarning: (-d, --data) and HEAD (-I, --head).\n', exitCode: 2 };
    }
    const rnd = jitter((net.now ^ 0x5bd1e995) + o.url.length * 7919);
    // Everything curl writes, in the order it writes it: the -v trace and the meter go to stderr around
    // the body on stdout (a terminal shows them interleaved); stdout and stderr are derived from it.
    const chunks: OutputChunk[] = [];
    const out = (text: string) => pushChunk(chunks, 1, text);
    const err = (text: string) => pushChunk(chunks, 2, text);
    const meter = !o.silent;
    const showErr = !o.silent || o.showError;
    const trace = (line: string) => {
      if (o.verbose) err(line);
    };
    // The data file is read while the options are taken in, before the transfer (and its meter) starts.
    const body = dataBody(o, io);
    if (typeof body !== 'string') err(body.error);
    if (meter) err(METER_HEAD + ZERO_ROW);
    const closing = () => trace(v8 ? '* closing connection #0\n' : ancient ? '* Closing connection 0\n' : '* Closing connection 0\n');
    const vars: Record<string, string> = { http_code: '000', response_code: '000', remote_ip: '', remote_port: '', local_ip: '', local_port: '', size_download: '0', size_header: '0', size_upload: '0', content_type: '', num_connects: '0', http_version: '0', url_effective: o.url, time_total: '0.000000', time_connect: '0.000000', time_namelookup: '0.000000', time_starttransfer: '0.000000', time_appconnect: '0.000000', time_pretransfer: '0.000000', time_redirect: '0.000000', exitcode: '0', errormsg: '', method: 'GET', scheme: '' };
    // The -w text comes last, after any `curl: (N)` message.
    const finish = (exitCode: number): Run => {
      if (o.writeOut !== undefined) out(writeOut(o.writeOut, { ...vars, exitcode: String(exitCode) }));
      const text = (fd: 1 | 2) => chunks.filter((c) => c.fd === fd).map((c) => c.text).join('');
      return { stdout: text(1), stderr: text(2), exitCode, chunks };
    };
    const fail = (code: number, msg: string, trailer = ''): Run => {
      trace(`* ${msg}\n`);
      closing();
      vars.errormsg = msg;
      if (showErr) err(`curl: (${code}) ${msg}\n${trailer}`);
      return finish(code);
    };

    const payload = typeof body === 'string' ? body : '';
    const method = o.method ?? (o.head ? 'HEAD' : o.data.length ? 'POST' : 'GET');
    vars.method = method;

    let url = o.url;
    for (let hop = 0; hop < 50; hop++) {
      const u = parseUrl(url);
      if (!u) return fail(3, 'URL using bad/illegal format or missing URL');
      vars.scheme = u.scheme.toUpperCase();
      const explicitPort = /:\d+$/.test(url.replace(/^[a-z]+:\/\//i, '').split(/[/?#]/)[0]);
      vars.url_effective = `${u.scheme}://${u.host}${explicitPort ? `:${u.port}` : ''}${u.path}`;
      if (u.scheme !== 'http' && u.scheme !== 'https') return fail(1, v8 ? `Protocol "${u.scheme}" not supported` : `Protocol "${u.scheme}" not supported or disabled in libcurl`);
      if (ancient && !/^[a-z]+:\/\/[^/]+\//i.test(url)) trace(`* Rebuilt URL to: ${u.scheme}://${u.host}${/:\d+$/.test(url) ? `:${u.port}` : ''}/\n`);
      const isIP = /^\d+\.\d+\.\d+\.\d+$/.test(u.host);
      if (!nameServerAnswers(net, u.host)) {
        // No DNS answer (NetworkPolicy dropped the queries): musl gives up after its 5 s query timeout
        // (EAI_AGAIN → curl 6) unless -m ends it first.
        if (o.maxTime !== undefined && o.maxTime < MUSL_DNS_TIMEOUT_S) {
          io.sleep(o.maxTime);
          return fail(28, `Resolving timed out after ${Math.round(o.maxTime * 1000)} milliseconds`);
        }
        io.sleep(MUSL_DNS_TIMEOUT_S);
        return fail(6, `Could not resolve host: ${u.host}`);
      }
      const found = lookupHost(net.snapshot, io.fs, u.host, build.libc);
      const ip = found.addresses[0];
      if (!ip) return fail(6, `Could not resolve host: ${u.host}`);
      if (v8 && !isIP) trace(`* Host ${u.host}:${u.port} was resolved.\n* IPv6: (none)\n* IPv4: ${found.addresses.join(', ')}\n`);
      trace(ancient ? `*   Trying ${ip}...\n` : `*   Trying ${ip}:${u.port}...\n`);
      // Loopback reaches the pod's own containers.
      const dialIP = ip.startsWith('127.') ? (net.from.status?.podIP ?? ip) : ip;
      const headers = requestHeaders(o, u, payload, method, build.version);
      // https: the server's certificate is judged (curl + OpenSSL) before the request goes out.
      let verdict: TlsVerdict | undefined;
      let caMissing = false;
      const tlsClient = u.scheme !== 'https' ? undefined : {
        accept(certPem: string): boolean {
          let caPem: string | undefined;
          if (o.cacert !== undefined) {
            const path = normalizePath(o.cacert, io.cwd);
            if (!io.fs.isFile(path)) {
              caMissing = true;
              return false;
            }
            caPem = io.fs.readFile(path);
          }
          verdict = verifyServerCertificate({ serverPem: certPem, caPem, host: u.host, curlVersion: build.version, now: net.now, insecure: o.insecure });
          return verdict.ok;
        },
      };
      const f: Fetch = fetchHttp(net, { host: dialIP, port: u.port, path: u.path }, method, headers, o.data.length ? payload : undefined, tlsClient);
      const connectLimit = Math.min(o.connectTimeout ?? Infinity, o.maxTime ?? Infinity);
      const connectMs = 0.2 + rnd() * 0.6;
      if (f.conn.kind === 'refused') {
        const ms = 1 + Math.floor(rnd() * 3);
        if (v8) trace(`* connect to ${ip} port ${u.port} from ${net.from.status?.podIP ?? '0.0.0.0'} port ${32768 + Math.floor(rnd() * 28000)} failed: Connection refused\n`);
        else if (!ancient) trace(`* connect to ${ip} port ${u.port} failed: Connection refused\n`);
        const text = v8 ? (v >= 80600 ? 'Could not connect to server' : "Couldn't connect to server") : 'Connection refused';
        return fail(7, ancient ? `Failed to connect to ${u.host} port ${u.port}: Connection refused` : `Failed to connect to ${u.host} port ${u.port} after ${ms} ms: ${text}`);
      }
      if (f.conn.kind === 'timeout' || f.conn.kind === 'unresolved') {
        const limited = Number.isFinite(connectLimit);
        const ms = limited ? Math.round(connectLimit * 1000) : OS_CONNECT_TIMEOUT_MS;
        io.sleep(ms / 1000);
        // The meter is redrawn once a second while curl waits for the SYN to be answered.
        if (meter) for (let s = 1; s <= Math.floor(ms / 1000); s++) err(meterRow({ total: 0, down: 0, up: 0, downSpeed: 0, upSpeed: 0, spent: s, done: false }));
        if (limited) {
          return fail(28, v8 ? `Failed to connect to ${u.host} port ${u.port} after ${ms + 2} ms: Timeout was reached` : `Connection timed out after ${ms + 1} milliseconds`);
        }
        const osText = build.libc === 'musl' ? 'Operation timed out' : 'Connection timed out';
        if (!v8 && !ancient) trace(`* connect to ${ip} port ${u.port} failed: ${osText}\n`);
        const text = v8 ? (v >= 80600 ? 'Could not connect to server' : "Couldn't connect to server") : osText;
        return fail(28, ancient ? `Failed to connect to ${u.host} port ${u.port}: ${osText}` : `Failed to connect to ${u.host} port ${u.port} after ${ms} ms: ${text}`);
      }
      vars.remote_ip = ip;
      vars.remote_port = String(u.port);
      vars.local_ip = f.conn.clientIP;
      vars.local_port = String(f.conn.clientPort);
      vars.num_connects = '1';
      trace(v8 && v >= 80300 ? `* Connected to ${u.host} (${ip}) port ${u.port}\n` : `* Connected to ${u.host} (${ip}) port ${u.port} (#0)\n`);
      if (u.scheme === 'https') {
        const cafile = o.cacert ?? '/etc/ssl/certs/ca-certificates.crt';
        if (v8) trace(`* ALPN: curl offers h2,http/1.1\n* TLSv1.3 (OUT), TLS handshake, Client hello (1):\n`);
        else trace(`* ALPN, offering h2\n* ALPN, offering http/1.1\n*  CAfile: ${cafile}\n*  CApath: ${build.libc === 'musl' ? 'none' : '/etc/ssl/certs'}\n* TLSv1.3 (OUT), TLS handshake, Client hello (1):\n`);
        if (f.tls === 'plain') {
          // The server speaks plain HTTP there: the handshake reads an HTTP answer where a TLS record should be.
          const msg = v8 ? 'OpenSSL/3.3.2: error:0A00010B:SSL routines::wrong version number' : v >= 78000 ? 'error:0A00010B:SSL routines::wrong version number' : 'error:1408F10B:SSL routines:ssl3_get_record:wrong version number';
          return fail(35, msg);
        }
        if (caMissing) {
          return fail(77, v8 || v >= 78000 ? `error setting certificate file: ${o.cacert}` : `error setting certificate verify locations:  CAfile: ${o.cacert} CApath: ${build.libc === 'musl' ? 'none' : '/etc/ssl/certs'}`);
        }
        trace(`* TLSv1.3 (IN), TLS handshake, Server hello (2):\n* TLSv1.3 (IN), TLS handshake, Certificate (11):\n`);
        if (f.tls === 'rejected' && verdict && !verdict.ok) {
          // curl explains a (60) with a pointer to its certificate page.
          return fail(60, verdict.message, sslcertsTrailer(build.version));
        }
        trace(`* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384\n`);
        if (verdict?.ok) trace(`* Server certificate:\n*  subject: ${verdict.subject.split('\n').join('; ')}\n*  issuer: ${verdict.issuer.split('\n').join('; ')}\n${o.insecure ? '*  SSL certificate verify result: self-signed certificate (18), continuing anyway.\n' : '*  SSL certificate verify ok.\n'}`);
      }
      if (v8) trace(`* using HTTP/1.x\n`);
      const target = u.path;
      trace(`> ${method} ${target} HTTP/1.1\r\n${headers.map(([k, val]) => `> ${k}: ${val}\r\n`).join('')}> \r\n`);
      if (payload && method !== 'GET' && method !== 'HEAD') trace(`} [${Buffer.byteLength(payload)} bytes data]\n`);
      if (v8) trace(payload ? `* upload completely sent off: ${Buffer.byteLength(payload)} bytes\n` : '* Request completely sent off\n');
      else if (!ancient) trace('* Mark bundle as not supporting multiuse\n');
      const r = f.response!;
      const headerText = `HTTP/1.1 ${r.status} ${r.reason}\r\n${r.headers.map(([k, val]) => `${k}: ${val}\r\n`).join('')}\r\n`;
      trace(headerText.split(/(?<=\r\n)/).map((l) => `< ${l}`).join(''));
      vars.http_code = vars.response_code = String(r.status).padStart(3, '0');
      vars.http_version = '1.1';
      vars.size_header = String(Buffer.byteLength(headerText));
      vars.size_upload = String(Buffer.byteLength(payload));
      vars.content_type = r.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
      const location = r.headers.find(([k]) => k.toLowerCase() === 'location')?.[1];
      if (o.location && location && r.status >= 300 && r.status < 400) {
        trace(`* Ignoring the response-body\n* Connection #0 to host ${u.host} left intact\n* Issue another request to this URL: '${new URL(location, url).href}'\n`);
        url = new URL(location, url).href;
        continue;
      }
      const total = 0.0008 + connectMs / 1000 + rnd() * 0.002;
      vars.time_namelookup = (0.00002 + rnd() * 0.0002).toFixed(6);
      vars.time_connect = (Number(vars.time_namelookup) + connectMs / 1000).toFixed(6);
      vars.time_pretransfer = (Number(vars.time_connect) + 0.00003).toFixed(6);
      vars.time_starttransfer = (total - 0.00005).toFixed(6);
      vars.time_total = total.toFixed(6);
      if (o.fail && r.status >= 400) {
        trace(`* The requested URL returned error: ${r.status}\n`);
        closing();
        vars.errormsg = `The requested URL returned error: ${r.status}`;
        if (showErr) err(`curl: (22) The requested URL returned error: ${r.status}${ancient ? ` ${r.reason}` : ''}\n`);
        return finish(22);
      }
      const content = method === 'HEAD' ? '' : r.body;
      const bytes = Buffer.byteLength(content);
      vars.size_download = String(bytes);
      if (content) trace(`{ [${bytes} bytes data]\n`);
      const saved = (o.head || o.include ? headerText : '') + content;
      if (o.output && o.output !== '-') {
        if (o.output !== '/dev/null') io.fs.writeFile(normalizePath(o.output, io.cwd), saved);
      } else out(saved);
      if (meter) {
        const declared = Number(r.headers.find(([k]) => k.toLowerCase() === 'content-length')?.[1] ?? bytes);
        const up = Buffer.byteLength(payload);
        err(meterRow({ total: (method === 'HEAD' ? declared : bytes) + up, down: bytes, up, downSpeed: bytes / total, upSpeed: up / total, done: method !== 'HEAD' || declared === 0 }) + '\n');
      }
      trace(`* Connection #0 to host ${u.host} left intact\n`);
      return finish(0);
    }
    return fail(47, 'Maximum (50) redirects followed');
  };
}

/** Request headers in curl's order: Host, User-Agent, Accept, the -H ones, then the body's. */
function requestHeaders(o: CurlOptions, u: { host: string; port: number; scheme: string }, payload: string, method: string, version: string): Array<[string, string]> {
  const custom = (name: string) => o.headers.find(([k]) => k.toLowerCase() === name.toLowerCase());
  const out: Array<[string, string]> = [];
  const defaultPort = u.scheme === 'https' ? 443 : 80;
  const host = custom('Host');
  if (!host || host[1] !== '') out.push(['Host', host ? host[1] : u.port === defaultPort ? u.host : `${u.host}:${u.port}`]);
  if (!custom('User-Agent') && o.userAgent !== '') out.push(['User-Agent', o.userAgent ?? `curl/${version}`]);
  if (!custom('Accept')) out.push(['Accept', '*/*']);
  for (const [k, val] of o.headers) if (k.toLowerCase() !== 'host' && val !== '') out.push([k, val]);
  if (o.data.length && method !== 'GET' && method !== 'HEAD') {
    if (!custom('Content-Length')) out.push(['Content-Length', String(Buffer.byteLength(payload))]);
    if (!custom('Content-Type')) out.push(['Content-Type', 'application/x-www-form-urlencoded']);
  }
  return out;
}
