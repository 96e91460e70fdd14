import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * With --host-port-offset N the host agent listens on each published port + N, so a walkthrough's
 * verbatim `curl http://localhost:30010` would miss it. The lab runner then puts this `curl` first on the
 * steps' PATH: it runs the real curl with `--connect-to localhost:P:127.0.0.1:P+N` for every port the
 * agent holds (read from its status file at each call). Only the TCP connection moves: the URL, the Host
 * header and the output stay what the user typed. Without an offset no shim is written.
 */
export function writeCurlShim(binDir: string, offset: number): void {
  const script = `#!${process.execPath}
// Written by kubesim lab run --host-port-offset ${offset}: curl to the host agent's shifted ports.
const fs = require('fs'), path = require('path'), { spawnSync } = require('child_process');
const offset = ${offset};
let ports = [];
try { ports = JSON.parse(fs.readFileSync(path.join(process.env.KUBESIM_STATE_DIR || '', 'agent.json'), 'utf8')).ports || []; } catch {}
const extra = [];
for (const p of ports) {
  if (p.state !== 'listening') continue;
  for (const host of ['localhost', '127.0.0.1']) extra.push('--connect-to', host + ':' + (p.hostPort - offset) + ':127.0.0.1:' + p.hostPort);
}
const dirs = (process.env.PATH || '').split(':').filter((d) => d && path.resolve(d) !== __dirname);
const real = dirs.map((d) => path.join(d, 'curl')).find((f) => { try { fs.accessSync(f, fs.constants.X_OK); return true; } catch { return false; } });
if (!real) { process.stderr.write('curl: command not found\\n'); process.exit(127); }
const r = spawnSync(real, [...extra, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status === null ? 1 : r.status);
`;
  const file = join(binDir, 'curl');
  writeFileSync(file, script);
  chmodSync(file, 0o755);
}
