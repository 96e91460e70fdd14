import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { runCli, tempStateDir } from '../helpers/cli.js';

const root = join(import.meta.dirname, '..', '..');
const file = 'specs/walkthroughs/tgik-002.md';
const state = tempStateDir();
afterAll(() => state.cleanup());

/** A port on 127.0.0.1 that the kernel just found free. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as { port: number }).port;
  await new Promise((done) => server.close(done));
  return port;
}

/** Whether something listens on 127.0.0.1:port. */
async function listening(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((done) => {
    server.once('error', () => done(true));
    server.listen(port, '127.0.0.1', () => server.close(() => done(false)));
  });
}

describe('the TGIK 002 walkthrough (seed 003) with the kubectl 1.17 persona', () => {
  it('keeps the episode notes’ commands and the outputs kubectl 1.17 prints', () => {
    const text = readFileSync(join(root, file), 'utf8');
    expect(text).toContain('<!-- kubesim-lab profile: eks; kubectl-version: 1.17 -->');
    expect(text).not.toContain('this_will_fail');
    expect(text).toContain('$ kubectl run --image=gcr.io/kuar-demo/kuard-amd64:1 kuard\nkubectl run --generator=deployment/apps.v1 is DEPRECATED');
    expect(text).toContain('\ndeployment.apps/kuard created\n');
    expect(text).toMatch(/\$ kubectl exec -it \$POD ash\nkubectl exec \[POD\] \[COMMAND\] is DEPRECATED[^\n]*\n~ \$ hostname\nkuard-[a-z0-9]+-[a-z0-9]{5}\n~ \$ ifconfig\neth0 /);
    expect(text).toContain('Forwarding from 127.0.0.1:<any> -> 8080\n');
    expect(text).toMatch(/\$ kubectl expose deploy kuard --type=LoadBalancer --port=80 --target-port=8080\nservice\/kuard exposed\n/);
    expect(text).toMatch(/-j KUBE-SVC-[A-Z0-9]{16}\n/);
    expect(text).toMatch(/-m statistic --mode random --probability 0\.33333333349 -j KUBE-SEP-[A-Z0-9]{16}\n/);
    expect(text).toMatch(/-j DNAT --to-destination 192\.168\.\d+\.\d+:8080\n/);
  });

  it('replays through kubesim lab run, its port-forward on a free local port that is closed afterwards', async () => {
    const port = await freePort();
    const offset = Math.max(1000, Math.min((await freePort()) - 30000, 65535 - 32767));
    const r = runCli(['lab', 'run', file, '--host-port-offset', String(offset)], { stateDir: state.dir, bin: 'kubesim', cwd: root, env: { LOCAL_PORT: String(port) } });
    expect(r.stdout).toMatch(/\n24 passed, 0 failed\n$/);
    expect(r.code).toBe(0);
    expect(await listening(port)).toBe(false);
  }, 300_000);
});
