import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempStateDir } from '../helpers/cli.js';
import { createServer } from 'node:net';

const root = join(import.meta.dirname, '..', '..');
const file = 'specs/walkthroughs/eks-services.md';
const state = tempStateDir();

/** A host port offset that moves the agent's ports (30000–32767) next to a port the kernel just found free. */
async function freeHostPortOffset(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as { port: number }).port;
  await new Promise((done) => server.close(done));
  return Math.max(1000, Math.min(port - 30000, 65535 - 32767));
}
afterAll(() => state.cleanup());

describe('the EKS workshop walkthrough (seeds 000, 001)', () => {
  it('keeps the documented outputs of the workshop', () => {
    const text = readFileSync(join(root, file), 'utf8');
    expect(text).toContain('<!-- kubesim-lab profile: eks -->');
    expect(text).toContain("$ kubectl -n my-nginx get pods -o yaml | grep 'podIP:'\n    podIP: ");
    expect(text).toContain("/ # wget -q -O - ${MyClusterIP} | grep '<title>'\n<title>Welcome to nginx!</title>\n/ #  exit\n");
    expect(text).toContain('[ root@curl:/ ]$ nslookup my-nginx\nServer:    10.100.0.10\nAddress 1: 10.100.0.10 kube-dns.kube-system.svc.cluster.local\n');
    expect(text).toMatch(/MY_NGINX_SERVICE_HOST=10\.100\.\d+\.\d+\n/);
    expect(text).toContain('Error: unknown flag: --generator\n');
    expect(text).toMatch(/LoadBalancer Ingress: +[0-9a-f]{32}-\d+\.us-west-2\.elb\.amazonaws\.com\n/);
  });

  it('replays through kubesim lab run', async () => {
    const offset = await freeHostPortOffset();
    const r = runCli(['lab', 'run', file, '--host-port-offset', String(offset)], { stateDir: state.dir, bin: 'kubesim', cwd: root });
    expect(r.stdout).toMatch(/\n31 passed, 0 failed\n$/);
    expect(r.code).toBe(0);
  }, 300_000);
});
