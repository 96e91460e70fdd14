import type { Tool } from '../shell/interpreter.js';
import { fetchHttp, parseUrl, type ClientContext } from './http-client.js';

/** musl's resolver: `timeout:5` by default, and it stops at the first query that gets no answer. */
const MUSL_DNS_TIMEOUT_S = 5;

/**
 * curl 7.79 (Alpine 3.12's): GET/HEAD over the simulated data plane. -s silences the progress meter
 * and errors, -S brings errors back, -i/-I show headers, -o writes a file, -m bounds the time,
 * -H adds headers, -X sets the method, -w '%{http_code}'. Errors: (6) unresolved, (7) refused,
 * (28) timeout — with curl's exit codes.
 */
export function curlTool(net: ClientContext, version = '7.79.1'): Tool {
  return async (args, io) => {
    let silent = false;
    let showErrors = false;
    let include = false;
    let head = false;
    let out: string | undefined;
    let maxTime: number | undefined;
    let method: string | undefined;
    let writeOut: string | undefined;
    const extra: Array<[string, string]> = [];
    let url: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '-s' || a === '--silent') silent = true;
      else if (a === '-S' || a === '--show-error') showErrors = true;
      else if (a === '-sS' || a === '-Ss') silent = showErrors = true;
      else if (a === '-i' || a === '--include') include = true;
      else if (a === '-I' || a === '--head') head = true;
      else if (a === '-o' || a === '--output') out = args[++i];
      else if (a === '-m' || a === '--max-time') maxTime = Number(args[++i]);
      else if (a === '-X' || a === '--request') method = args[++i];
      else if (a === '-H' || a === '--header') {
        const [k, ...v] = (args[++i] ?? '').split(':');
        extra.push([k.trim(), v.join(':').trim()]);
      } else if (a === '-w' || a === '--write-out') writeOut = args[++i];
      else if (a === '-k' || a === '--insecure' || a === '-L' || a === '-f' || a === '-v') continue;
      else if (!a.startsWith('-')) url = a;
    }
    const err = (code: number, msg: string) => ({ stdout: '', stderr: !silent || showErrors ? `curl: (${code}) ${msg}\n` : '', exitCode: code });
    if (!url) return { stdout: '', stderr: "curl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 };
    const u = parseUrl(url);
    if (!u) return err(3, `URL using bad/illegal format or missing URL`);
    const m = method ?? (head ? 'HEAD' : 'GET');
    const headers: Array<[string, string]> = [['Host', u.port === 80 ? u.host : `${u.host}:${u.port}`], ['User-Agent', `curl/${version}`], ['Accept', '*/*'], ...extra];
    const f = fetchHttp(net, u, m, headers);
    if (f.conn.kind === 'unresolved' && f.conn.dnsTimedOut) {
      // No DNS answer: musl gives up after its 5 s query timeout (EAI_AGAIN → curl 6) unless -m ends it first.
      if (maxTime !== undefined && maxTime < MUSL_DNS_TIMEOUT_S) {
        io.sleep(maxTime);
        return err(28, `Resolving timed out after ${Math.round(maxTime * 1000)} milliseconds`);
      }
      io.sleep(MUSL_DNS_TIMEOUT_S);
    }
    if (f.conn.kind === 'unresolved') return err(6, `Could not resolve host: ${u.host}`);
    if (f.conn.kind === 'refused') return err(7, `Failed to connect to ${u.host} port ${u.port} after 3 ms: Connection refused`);
    if (f.conn.kind === 'timeout') {
      const ms = maxTime !== undefined ? Math.round(maxTime * 1000) : 129_000;
      io.sleep(ms / 1000);
      return maxTime !== undefined ? err(28, `Connection timed out after ${ms + 1} milliseconds`) : err(28, `Failed to connect to ${u.host} port ${u.port} after ${ms} ms: Operation timed out`);
    }
    const r = f.response!;
    const statusLine = `HTTP/1.1 ${r.status} ${r.reason}\r\n`;
    const headerText = statusLine + r.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('') + '\r\n';
    let body = head ? headerText : (include ? headerText : '') + (m === 'HEAD' ? '' : r.body);
    let stderr = '';
    if (!silent && !out) stderr = meter(Buffer.byteLength(r.body));
    if (out && out !== '-') {
      io.fs.writeFile(out.startsWith('/') ? out : `${io.cwd.replace(/\/$/, '')}/${out}`, body);
      if (!silent) stderr = meter(Buffer.byteLength(r.body));
      body = '';
    }
    if (writeOut) body += writeOut.replace(/%\{http_code\}/g, String(r.status)).replace(/\\n/g, '\n');
    return { stdout: body, stderr, exitCode: 0 };
  };
}

/** curl's progress meter as printed when stdout is not a terminal and -s is not given. */
function meter(bytes: number): string {
  const size = String(bytes).padStart(5);
  const speed = `${Math.max(1, Math.round(bytes / 1.024) / 1000 > 999 ? 999 : Math.round(bytes))}`.padStart(6);
  return (
    '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
    '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
    `\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\r100 ${size}  100 ${size}    0     0 ${speed}      0 --:--:-- --:--:-- --:--:-- ${speed}\n`
  );
}
