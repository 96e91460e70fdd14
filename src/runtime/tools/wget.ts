import type { Tool } from '../shell/interpreter.js';
import { normalizePath } from '../shell/vfs.js';
import { fetchHttp, parseUrl, type ClientContext } from './http-client.js';
import { lookupHost, type Libc } from './resolve.js';
import { nameServerAnswers } from '../net/connect.js';

/**
 * busybox wget (networking/wget.c; the messages are the same in 1.31 and 1.36): -q, -O FILE|-, -S (the
 * server's response lines on stderr, two spaces in front, the empty line that ends the headers included),
 * -T SEC (default 900), --spider, -U AGENT, --header. Errors exit 1 with busybox's `wget: ` messages.
 */
export interface WgetBuild {
  busybox: string;
  libc: Libc;
}

/** The kernel gives up on an unanswered SYN after about two minutes, long before wget's 900 s alarm. */
const OS_CONNECT_TIMEOUT_S = 129;

export function wgetTool(net: ClientContext, build: WgetBuild = { busybox: '1.31.1', libc: 'musl' }): Tool {
  return async (args, io) => {
    let quiet = false;
    let serverResponse = false;
    let spider = false;
    let out: string | undefined;
    let timeout = 900;
    let agent = 'Wget';
    const extra: Array<[string, string]> = [];
    let url: string | undefined;
    const usage = `BusyBox v${build.busybox} multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n`;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a.startsWith('--')) {
        const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
        const value = () => (inline !== undefined ? inline : args[++i]);
        if (name === 'quiet') quiet = true;
        else if (name === 'server-response') serverResponse = true;
        else if (name === 'spider') spider = true;
        else if (name === 'output-document') out = value();
        else if (name === 'timeout') timeout = Number(value());
        else if (name === 'user-agent') agent = value() ?? agent;
        else if (name === 'header') {
          const h = value() ?? '';
          const c = h.indexOf(':');
          if (c > 0) extra.push([h.slice(0, c).trim(), h.slice(c + 1).trim()]);
        } else if (['no-check-certificate', 'no-cache', 'passive-ftp', 'continue'].includes(name)) continue;
        else if (['output-file', 'directory-prefix', 'proxy', 'tries'].includes(name)) value();
        else return { stdout: '', stderr: `wget: unrecognized option '${a}'\n${usage}`, exitCode: 1 };
        continue;
      }
      if (a.startsWith('-') && a.length > 1) {
        for (let k = 1; k < a.length; k++) {
          const c = a[k];
          if (c === 'q') quiet = true;
          else if (c === 'S') serverResponse = true;
          else if (c === 'c') continue;
          else if ('OoTUPYt'.includes(c)) {
            const v = k + 1 < a.length ? a.slice(k + 1) : args[++i];
            if (v === undefined) return { stdout: '', stderr: `wget: option requires an argument -- '${c}'\n${usage}`, exitCode: 1 };
            if (c === 'O') out = v;
            else if (c === 'T') timeout = Number(v);
            else if (c === 'U') agent = v;
            break;
          } else return { stdout: '', stderr: `wget: invalid option -- '${c}'\n${usage}`, exitCode: 1 };
        }
        continue;
      }
      url = a;
    }
    if (!url) return { stdout: '', stderr: usage, exitCode: 1 };
    const u = parseUrl(url);
    if (!u) return { stdout: '', stderr: `wget: bad address '${url}'\n`, exitCode: 1 };
    // busybox keeps an explicit :port in the host string: it shows up in messages and the Host header.
    const hostPort = u.port === (u.scheme === 'https' ? 443 : 80) && !/^[a-z]+:\/\/[^/]*:\d+/i.test(url) ? u.host : `${u.host}:${u.port}`;
    // No DNS answer (NetworkPolicy): the resolver's 5 s timeout passes before the same message.
    if (!nameServerAnswers(net, u.host)) {
      io.sleep(5);
      return { stdout: '', stderr: `wget: bad address '${hostPort}'\n`, exitCode: 1 };
    }
    const found = lookupHost(net.snapshot, io.fs, u.host, build.libc);
    const ip = found.addresses[0];
    if (!ip) return { stdout: '', stderr: `wget: bad address '${hostPort}'\n`, exitCode: 1 };
    let stderr = quiet ? '' : `Connecting to ${hostPort} (${ip}:${u.port})\n`;
    const dialIP = ip.startsWith('127.') ? (net.from.status?.podIP ?? ip) : ip;
    const headers: Array<[string, string]> = [['Host', hostPort], ['User-Agent', agent], ['Connection', 'close'], ...extra];
    const f = fetchHttp(net, { host: dialIP, port: u.port, path: u.path }, 'GET', headers);
    if (f.conn.kind === 'refused') return { stdout: '', stderr: `${stderr}wget: can't connect to remote host (${ip}): Connection refused\n`, exitCode: 1 };
    if (f.conn.kind !== 'ok') {
      if (timeout > 0 && timeout < OS_CONNECT_TIMEOUT_S) {
        io.sleep(timeout);
        return { stdout: '', stderr: `${stderr}wget: download timed out\n`, exitCode: 1 };
      }
      io.sleep(OS_CONNECT_TIMEOUT_S);
      return { stdout: '', stderr: `${stderr}wget: can't connect to remote host (${ip}): ${build.libc === 'musl' ? 'Operation timed out' : 'Connection timed out'}\n`, exitCode: 1 };
    }
    const r = f.response!;
    const statusLine = `HTTP/1.1 ${r.status} ${r.reason}`;
    if (serverResponse) stderr += `  ${statusLine}\n`;
    const ok = (r.status >= 200 && r.status <= 204) || (r.status >= 300 && r.status <= 303);
    if (!ok) return { stdout: '', stderr: `${stderr}wget: server returned error: ${statusLine}\n`, exitCode: 1 };
    if (serverResponse) stderr += r.headers.map(([k, v]) => `  ${k}: ${v}\n`).join('') + '  \n';
    if (spider) return { stdout: '', stderr: stderr + (quiet ? '' : 'remote file exists\n'), exitCode: 0 };
    const name = out ?? (u.path.split('?')[0].split('/').pop() || 'index.html');
    const size = String(Buffer.byteLength(r.body)).padStart(5);
    const bar = (file: string) => `${file.slice(0, 20).padEnd(20)} 100% |${'*'.repeat(32)}| ${size}  0:00:00 ETA\n`;
    if (name === '-') {
      if (!quiet) stderr += 'writing to stdout\n';
      const tail = quiet ? '' : `${bar('-')}written to stdout\n`;
      return { stdout: r.body, stderr: stderr + tail, exitCode: 0 };
    }
    const path = normalizePath(name, io.cwd);
    // Without -O, wget opens the file with O_EXCL: an existing file is an error, not overwritten.
    if (out === undefined && path !== '/dev/null' && io.fs.exists(path)) return { stdout: '', stderr: `${stderr}wget: can't open '${name}': File exists\n`, exitCode: 1 };
    if (path !== '/dev/null') io.fs.writeFile(path, r.body);
    if (!quiet) stderr += `saving to '${name}'\n${bar(name)}'${name}' saved\n`;
    return { stdout: '', stderr, exitCode: 0 };
  };
}
