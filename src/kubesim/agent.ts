import type { KubesimCommand } from './run.js';
import { stateDir } from '../store/file-store.js';
import { isAlive, readStatus, runningAgent } from '../host/agent-files.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const run: KubesimCommand = {
  path: 'agent run',
  short: 'Run the host agent in the foreground (kubectl starts it by itself when a service publishes a port)',
  usage: 'agent run',
  flags: [],
  async run(_args, _f, _given, o) {
    const { runAgent } = await import('../host/agent.js');
    return runAgent(o.env);
  },
};

const status: KubesimCommand = {
  path: 'agent status',
  short: 'Show whether the host agent runs, the localhost ports it holds and the ports it could not take',
  usage: 'agent status',
  flags: [],
  async run(_args, _f, _given, o) {
    const dir = stateDir(o.env);
    const pid = runningAgent(dir);
    if (pid === undefined) {
      o.io.out.write(`host agent: not running (state ${dir})\n`);
      return 0;
    }
    const s = readStatus(dir);
    o.io.out.write(`host agent: running, pid ${pid} (state ${dir})\n`);
    const ports = s?.ports ?? [];
    if (ports.length === 0) {
      o.io.out.write('no ports\n');
      return 0;
    }
    const rows = [['PORT', 'SERVICE', 'VIA', 'STATUS'], ...ports.map((p) => [`127.0.0.1:${p.hostPort}`, `${p.namespace}/${p.service}:${p.servicePort}${p.via === 'NodePort' ? ` (node port ${p.nodePort})` : ''}`, p.via, p.state === 'listening' ? 'listening' : `conflict: ${p.error ?? 'port unavailable'}`])];
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    for (const r of rows) o.io.out.write(`${r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] + 3))).join('')}\n`);
    return 0;
  },
};

const stop: KubesimCommand = {
  path: 'agent stop',
  short: 'Stop the host agent (closes its localhost listeners)',
  usage: 'agent stop',
  flags: [],
  async run(_args, _f, _given, o) {
    const dir = stateDir(o.env);
    const pid = runningAgent(dir);
    if (pid === undefined) {
      o.io.out.write('host agent: not running\n');
      return 0;
    }
    process.kill(pid, 'SIGTERM');
    for (let i = 0; i < 50 && isAlive(pid); i++) await sleep(100);
    o.io.out.write(`host agent stopped (pid ${pid})\n`);
    return 0;
  },
};

export const commands: KubesimCommand[] = [status, stop, run];
