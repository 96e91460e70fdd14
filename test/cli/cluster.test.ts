import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runCli, stateBytes, tempStateDir, ROOT } from '../helpers/cli.js';

let cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});
function fresh() {
  const t = tempStateDir();
  cleanups.push(t.cleanup);
  return t.dir;
}
const kubesim = (args: string[], stateDir: string, env: Record<string, string> = {}) => runCli(args, { stateDir, env, bin: 'kubesim' });
const kubectl = (args: string[], stateDir: string, env: Record<string, string> = {}) => runCli(args, { stateDir, env });

describe('kubesim cluster', () => {
  it('creates a profile with a seed and shows it in status', () => {
    const dir = fresh();
    const c = kubesim(['cluster', 'create', '--profile', 'eks', '--seed', '7'], dir);
    expect(c.code).toBe(0);
    expect(c.stdout).toBe(`Created cluster "eksworkshop-eksctl" (profile eks, 3 nodes, kubectl 1.32, seed 7) in ${dir}\n`);
    const nodes = kubectl(['get', 'nodes', '-o', 'wide'], dir);
    expect(nodes.stdout).toContain('ip-192-168-38-150.us-west-2.compute.internal   Ready    <none>');
    expect(nodes.stdout).toContain('34.220.141.87');
    const dns = kubectl(['get', 'svc', '-n', 'kube-system', 'kube-dns', '-o', 'jsonpath={.spec.clusterIP}'], dir);
    expect(dns.stdout).toBe('10.100.0.10');
    const status = kubesim(['cluster', 'status'], dir);
    expect(status.stdout).toMatch(/^Profile: +eks$/m);
    expect(status.stdout).toMatch(/^Seed: +7$/m);
  });

  it('refuses to replace an existing cluster without --force, and leaves it alone', () => {
    const dir = fresh();
    kubectl(['get', 'nodes'], dir);
    const before = stateBytes(dir);
    const r = kubesim(['cluster', 'create', '--profile', 'kind'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: a cluster already exists in ${dir}; run 'kubesim cluster reset' for a fresh one, or pass --force to replace it\n`);
    expect(stateBytes(dir)).toBe(before);
    expect(kubesim(['cluster', 'create', '--profile', 'kind', '--force'], dir).code).toBe(0);
    expect(kubectl(['get', 'nodes', '-o', 'name'], dir).stdout).toBe('node/kind-control-plane\nnode/kind-worker\nnode/kind-worker2\n');
  });

  it('rejects unknown profiles and personas', () => {
    const dir = fresh();
    expect(kubesim(['cluster', 'create', '--profile', 'nope'], dir).stderr).toBe('error: unknown profile "nope"\n');
    expect(kubesim(['cluster', 'create', '--kubectl-version', '2.0'], dir).stderr).toContain('unsupported --kubectl-version "2.0"');
    expect(existsSync(join(dir, 'cluster.json'))).toBe(false);
  });

  it('a frozen clock makes two runs byte-identical without KUBESIM_NOW', () => {
    const runOnce = () => {
      const dir = fresh();
      kubesim(['cluster', 'create', '--frozen-clock', '--seed', '3'], dir, { KUBESIM_NOW: '' });
      const steps = [
        ['apply', '-f', join(ROOT, 'specs', 'labs', 'services', 'specs', 'pods')],
        ['get', 'pods', '-o', 'yaml'],
        ['get', 'nodes'],
        ['describe', 'pod', 'sleep'],
      ];
      return steps.map((s) => kubectl(s, dir, { KUBESIM_NOW: '' }).stdout).join('---\n');
    };
    const a = runOnce();
    expect(a).toContain('creationTimestamp: "2025-01-01T00:00:00Z"');
    expect(runOnce()).toBe(a);
  });

  it('reports a corrupt state file, never overwrites it, and reset sets it aside', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'cluster.json'), '{ not json');
    const r = kubectl(['get', 'pods'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: the cluster state file ${join(dir, 'cluster.json')} cannot be read (it is not valid JSON); run 'kubesim cluster reset' to start a fresh cluster\n`);
    expect(stateBytes(dir)).toBe('{ not json');
    const reset = kubesim(['cluster', 'reset'], dir);
    expect(reset.code).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toHaveLength(1);
    expect(kubectl(['get', 'nodes', '-o', 'name'], dir).stdout).toContain('node/kubesim-control-plane');
  });

  it('takes over a lock left by a process that died', () => {
    const dir = fresh();
    kubectl(['get', 'nodes'], dir);
    // A pid that cannot be alive: the lock is stale.
    writeFileSync(join(dir, 'cluster.json.lock'), `999999999\n${new Date().toISOString()}\n`);
    const r = kubectl(['apply', '-f', join(ROOT, 'specs', 'labs', 'services', 'specs', 'pods')], dir);
    expect(r.stdout).toBe('pod/sleep created\npod/whoami created\n');
    expect(existsSync(join(dir, 'cluster.json.lock'))).toBe(false);
  });
});

describe('kubesim env', () => {
  it('prints code that puts a kubectl first on PATH for this shell', () => {
    const dir = fresh();
    const code = kubesim(['env'], dir).stdout;
    expect(code.split('\n')[0]).toBe(`export PATH='${join(ROOT, 'bin', 'path')}':"$PATH"`);
    const sh = spawnSync('bash', ['-c', `eval "$(node ${join(ROOT, 'bin', 'kubesim.js')} env)"; command -v kubectl; kubectl get ns -o name`], {
      env: { ...process.env, KUBESIM_STATE_DIR: dir, NODE_ENV: '' },
      encoding: 'utf8',
    });
    expect(sh.stdout).toBe(`${join(ROOT, 'bin', 'path', 'kubectl')}\nnamespace/default\nnamespace/kube-node-lease\nnamespace/kube-public\nnamespace/kube-system\n`);
  });
});
