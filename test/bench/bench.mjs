#!/usr/bin/env node
// npm run bench: median wall time of `kubectl get pods` on a small cluster vs `node -e 0`, alternating runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const kubectl = join(root, 'bin', 'kubectl.js');
const dir = mkdtempSync(join(tmpdir(), 'kubesim-bench-'));
const env = { ...process.env, KUBESIM_STATE_DIR: dir, KUBESIM_SEED: '1' };
delete env.NODE_ENV;
const runs = Number(process.env.BENCH_RUNS ?? 31);

function time(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  time([kubectl, 'apply', '-f', join(root, 'specs', 'labs', 'services', 'specs', 'pods')]);
  time([kubectl, 'apply', '-f', join(root, 'specs', 'labs', 'services', 'specs', 'services')]);
  const get = [];
  const bare = [];
  for (let i = 0; i < runs; i++) {
    get.push(time([kubectl, 'get', 'pods']));
    bare.push(time(['-e', '0']));
  }
  const g = median(get);
  const b = median(bare);
  console.log(`kubectl get pods (small cluster): median ${g.toFixed(1)} ms over ${runs} runs`);
  console.log(`node -e 0:                        median ${b.toFixed(1)} ms over ${runs} runs`);
  console.log(`ratio:                            ${(g / b).toFixed(2)} (goal <= 1.5)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
