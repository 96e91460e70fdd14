import type { Tool } from '../shell/interpreter.js';
import { connect } from '../net/connect.js';
import { fetchHttp, type ClientContext } from './http-client.js';
import type { VirtualFs } from '../shell/vfs.js';
import { lookupHost, type Libc } from './resolve.js';

/**
 * busybox nc (nc_bloaty.c, the "nc 1.10" compatible one Alpine and the busybox image build): `nc -z [-v]
 * [-w SEC] HOST PORT` tries a TCP connection and exits 0 when it opens, 1 otherwise. With -v an open port
 * prints `HOST (IP:PORT) open` on stderr; a refused one prints nothing unless -vv; a timeout prints the
 * errno text. Without -z the simulator has no data stream to offer: it connects (or fails) the same way
 * and then sees the peer close.
 */
const OS_CONNECT_TIMEOUT_S = 129;

export function ncTool(net: ClientContext, fs: VirtualFs, busybox: string, libc: Libc = 'musl'): Tool {
  return async (args, io) => {
    let verbose = 0;
    let zero = false;
    let wait = 0;
    let udp = false;
    let listen = false;
    const pos: string[] = [];
    const usage = `BusyBox v${busybox} multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n`;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a.startsWith('-') && a.length > 1) {
        for (let k = 1; k < a.length; k++) {
          const c = a[k];
          if (c === 'v') verbose++;
          else if (c === 'z') zero = true;
          else if (c === 'u') udp = true;
          else if (c === 'l') listen = true;
          else if ('nt'.includes(c)) continue;
          else if ('wpsiqe'.includes(c)) {
            const v = k + 1 < a.length ? a.slice(k + 1) : args[++i];
            if (v === undefined) return { stdout: '', stderr: `nc: option requires an argument -- '${c}'\n${usage}`, exitCode: 1 };
            if (c === 'w') wait = Number(v);
            break;
          } else return { stdout: '', stderr: `nc: invalid option -- '${c}'\n${usage}`, exitCode: 1 };
        }
        continue;
      }
      pos.push(a);
    }
    if (listen) return { stdout: '', stderr: 'nc: kubesim: listening sockets are not simulated\n', exitCode: 1 };
    if (pos.length !== 2) return { stdout: '', stderr: usage, exitCode: 1 };
    const [host, portArg] = pos;
    const port = Number(portArg);
    if (!/^\d+$/.test(portArg) || port < 1 || port > 65535) return { stdout: '', stderr: `nc: bad port '${portArg}'\n`, exitCode: 1 };
    const ip = lookupHost(net.snapshot, fs, host, libc).addresses[0];
    if (!ip) return { stdout: '', stderr: `nc: bad address '${host}'\n`, exitCode: 1 };
    const where = `${host} (${ip}:${port})`;
    if (udp) return { stdout: '', stderr: verbose ? `${where} open\n` : '', exitCode: 0 };
    const dialIP = ip.startsWith('127.') ? (net.from.status?.podIP ?? ip) : ip;
    const c = connect(net, dialIP, port);
    if (c.kind === 'ok') {
      const opened = verbose ? `${where} open\n` : '';
      // Without -z, stdin goes to the server; an HTTP request there gets the server's raw answer.
      const req = zero ? null : /^([A-Z]+) (\S+) HTTP\/1\.[01]\r?\n((?:[^\r\n]+\r?\n)*)\r?\n/.exec(io.stdin);
      if (!req) return { stdout: '', stderr: opened, exitCode: 0 };
      const headers = req[3].split(/\r?\n/).filter(Boolean).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()] as [string, string]);
      const f = fetchHttp(net, { host: dialIP, port, path: req[2] }, req[1], headers);
      const r = f.response;
      if (!r) return { stdout: '', stderr: opened, exitCode: 0 };
      const raw = `HTTP/1.1 ${r.status} ${r.reason}\r\n${r.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${req[1] === 'HEAD' ? '' : r.body}`;
      return { stdout: raw, stderr: opened, exitCode: 0 };
    }
    if (c.kind === 'refused') return { stdout: '', stderr: verbose > 1 ? `nc: ${where}: Connection refused\n` : '', exitCode: 1 };
    io.sleep(wait > 0 && wait < OS_CONNECT_TIMEOUT_S ? wait : OS_CONNECT_TIMEOUT_S);
    const why = libc === 'musl' ? 'Operation timed out' : 'Connection timed out';
    return { stdout: '', stderr: verbose ? `nc: ${where}: ${why}\n` : '', exitCode: 1 };
  };
}
