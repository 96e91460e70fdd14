import type { Tool } from '../shell/interpreter.js';
import { fetchHttp, parseUrl, type ClientContext } from './http-client.js';

/** busybox wget: -q, -O FILE|-, -T seconds, -S; its messages and exit code 1 on errors. */
export function wgetTool(net: ClientContext): Tool {
  return async (args, io) => {
    let quiet = false;
    let out: string | undefined;
    let timeout: number | undefined;
    let url: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '-q') quiet = true;
      else if (a === '-O') out = args[++i];
      else if (a === '-qO' || a === '-qO-') {
        quiet = true;
        out = a === '-qO-' ? '-' : args[++i];
      } else if (a === '-T') timeout = Number(args[++i]);
      else if (a.startsWith('-O')) out = a.slice(2);
      else if (!a.startsWith('-')) url = a;
    }
    if (!url) return { stdout: '', stderr: 'BusyBox v1.31.1 (2020-03-26 16:21:10 UTC) multi-call binary.\n\nUsage: wget [-c|--continue] [--spider] [-q|--quiet] [-O|--output-document FILE]\n', exitCode: 1 };
    const u = parseUrl(url);
    if (!u) return { stdout: '', stderr: `wget: bad address '${url}'\n`, exitCode: 1 };
    const f = fetchHttp(net, u, 'GET', [['Host', u.port === 80 ? u.host : `${u.host}:${u.port}`], ['User-Agent', 'Wget']]);
    const ipShown = f.conn.kind === 'unresolved' ? '' : f.conn.dialedIP;
    let stderr = quiet ? '' : `Connecting to ${u.host}${u.port === 80 ? '' : `:${u.port}`} (${ipShown}:${u.port})\n`;
    // No DNS answer (NetworkPolicy): the resolver's 5 s timeout passes before the same message.
    if (f.conn.kind === 'unresolved' && f.conn.dnsTimedOut) io.sleep(5);
    if (f.conn.kind === 'unresolved') return { stdout: '', stderr: `wget: bad address '${u.host}${u.port === 80 ? '' : `:${u.port}`}'\n`, exitCode: 1 };
    if (f.conn.kind === 'refused') return { stdout: '', stderr: `${stderr}wget: can't connect to remote host (${ipShown}): Connection refused\n`, exitCode: 1 };
    if (f.conn.kind === 'timeout') {
      io.sleep(timeout ?? 900);
      return { stdout: '', stderr: `${stderr}wget: download timed out\n`, exitCode: 1 };
    }
    const r = f.response!;
    if (r.status >= 400) return { stdout: '', stderr: `${stderr}wget: server returned error: HTTP/1.1 ${r.status} ${r.reason}\n`, exitCode: 1 };
    const name = out ?? (u.path.split('/').pop() || 'index.html');
    const size = String(Buffer.byteLength(r.body)).padStart(5);
    const bar = (file: string) => `${file.padEnd(20)} 100% |${'*'.repeat(32)}| ${size}  0:00:00 ETA\n`;
    if (name === '-') {
      if (!quiet) stderr += 'writing to stdout\n';
      const tail = quiet ? '' : `${bar('-')}written to stdout\n`;
      return { stdout: r.body, stderr: stderr + tail, exitCode: 0 };
    }
    io.fs.writeFile(name.startsWith('/') ? name : `${io.cwd.replace(/\/$/, '')}/${name}`, r.body);
    if (!quiet) stderr += `saving to '${name}'\n${bar(name)}'${name}' saved\n`;
    return { stdout: '', stderr, exitCode: 0 };
  };
}
