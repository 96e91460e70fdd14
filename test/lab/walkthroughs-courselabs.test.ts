import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempStateDir } from '../helpers/cli.js';
import { freeOffset } from './free-offset.js';

const state = tempStateDir();
afterAll(state.cleanup);
const file = join('specs', 'walkthroughs', 'courselabs-services.md');

describe('courselabs Services walkthrough (seed 002)', () => {
  it('documents the in-pod, host-side and exercise steps', () => {
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('$ kubectl exec sleep -- nslookup whoami\nServer:\t\t10.96.0.10\n');
    expect(text).toContain('$ curl http://localhost:30010\n...\nHostname: whoami\n');
    expect(text).toContain('$ kubectl get endpoints whoami-zero-matches\nNAME                  ENDPOINTS   AGE\nwhoami-zero-matches   <none>      ');
    expect(text).toMatch(/\$ for i in .*uniq -c\n +\d+ Hostname: whoami\n +\d+ Hostname: whoami-2\n/);
  });

  it('replays through kubesim lab run, with the host curls reaching the agent on shifted ports', async () => {
    // The agent publishes 8080 (whoami-lb), its node port and 30010 (whoami-np); the runner's curl shim
    // sends the documented localhost:8080/30010 to the shifted ports.
    const offset = await freeOffset([8080, 30010, 30000, 32767]);
    const r = runCli(['lab', 'run', file, '--host-port-offset', String(offset)], { stateDir: state.dir, bin: 'kubesim' });
    expect(r.stdout).toMatch(/\n34 passed, 0 failed\n?$/);
    expect(r.code).toBe(0);
  }, 240_000);
});
