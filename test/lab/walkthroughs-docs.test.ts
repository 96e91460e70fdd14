import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempStateDir } from '../helpers/cli.js';
import { freeOffset } from './free-offset.js';

const state = tempStateDir();
afterAll(state.cleanup);
const file = join('specs', 'walkthroughs', 'docs-services.md');

describe('Kubernetes docs "Connecting Applications with Services" walkthrough (seed 004)', () => {
  it('documents the env-var ordering, DNS, TLS and LoadBalancer steps', () => {
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/\$ kubectl exec \$POD -- printenv \| grep SERVICE\n(KUBERNETES_SERVICE_\w+=\S+\n){3}```/);
    expect(text).toContain('[ root@curl:/ ]$ nslookup my-nginx\nServer:    10.0.0.10\n');
    expect(text).toMatch(/--cacert \/etc\/nginx\/ssl\/tls.crt\n([^\n]*\n)*?<title>Welcome to nginx!<\/title>\n/);
    expect(text).toMatch(/\$ kubectl get nodes -o yaml \| grep ExternalIP -C 1\n {4}- address: \S+\n {6}type: ExternalIP\n {4}allocatable:\n--\n/);
    expect(text).toMatch(/\nLoadBalancer Ingress: +\S+ \(VIP\)\n/);
  });

  it('replays through kubesim lab run', async () => {
    const offset = await freeOffset([30000, 32767]);
    const r = runCli(['lab', 'run', file, '--host-port-offset', String(offset)], { stateDir: state.dir, bin: 'kubesim' });
    expect(r.stdout).toMatch(/\n41 passed, 0 failed\n?$/);
    expect(r.code).toBe(0);
  }, 240_000);
});
