import { describe, expect, it, afterAll } from 'vitest';
import { runCli, tempStateDir } from '../helpers/cli.js';

const t = tempStateDir();
afterAll(t.cleanup);

describe('kubesim demo (npm start)', () => {
  it('replays the courselabs walkthrough on its own fresh cluster and exits 0', () => {
    const r = runCli(['demo'], { stateDir: t.dir, bin: 'kubesim', env: { KUBESIM_NOW: '' } });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('$ kubectl apply -f labs/services/specs/pods\npod/sleep created\npod/whoami created\n\n')).toBe(true);
    expect(r.stdout).toContain('whoami-np   NodePort       ');
    expect(r.stdout).toMatch(/\$ kubectl delete pod,svc -l kubernetes.courselabs.co=services\npod "sleep" deleted\npod "whoami" deleted\n/);
    // Every step runs in bash as the lab runner runs it: in-pod tools, and the host's own curl through
    // the host agent (masqueraded: whoami sees Docker Desktop's node address).
    expect(r.stdout).toMatch(/\$ kubectl exec sleep -- curl -s http:\/\/whoami\nHostname: whoami\n/);
    expect(r.stdout).toMatch(/\$ curl http:\/\/localhost:30010\n[\s\S]*?Hostname: whoami\nIP: 10\.1\.0\.\d+\nRemoteAddr: 192\.168\.65\.3:\d+\nGET \/ HTTP\/1\.1\r\nHost: localhost:30010\r\n/);
    // The demo uses a temporary state directory, never the caller's.
    expect(runCli(['cluster', 'status'], { stateDir: t.dir, bin: 'kubesim' }).stdout).toMatch(/^No cluster yet/);
  });
});
