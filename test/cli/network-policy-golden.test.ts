import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempStateDir } from '../helpers/cli.js';
import { transcript, type Step } from '../helpers/transcript.js';

/**
 * NetworkPolicy through the built CLI: a whoami Deployment behind a Service, a sleep pod, then
 * default-deny ingress (curl times out: exit 28, as with Calico's DROP), an allow rule on a named port,
 * egress deny (DNS times out first), an egress allow for DNS and whoami; and the same policies on a
 * profile whose CNI does not enforce them (Docker Desktop), where nothing changes.
 */

const cwd = mkdtempSync(join(tmpdir(), 'kubesim-netpol-'));
const dirs: Array<() => void> = [() => rmSync(cwd, { recursive: true, force: true })];
afterAll(() => dirs.forEach((c) => c()));

const FILES: Record<string, string> = {
  'whoami.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: whoami
spec:
  replicas: 2
  selector:
    matchLabels:
      app: whoami
  template:
    metadata:
      labels:
        app: whoami
    spec:
      containers:
        - name: app
          image: sixeyed/whoami:21.04
          ports:
            - name: http
              containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: whoami
spec:
  selector:
    app: whoami
  ports:
    - port: 80
      targetPort: http
`,
  'sleep.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: sleep
  labels:
    app: sleep
spec:
  containers:
    - name: sleep
      image: kiamol/ch03-sleep
`,
  'deny-ingress.yaml': `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-ingress
spec:
  podSelector: {}
  policyTypes:
    - Ingress
`,
  'allow-sleep.yaml': `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: whoami-allow-sleep
spec:
  podSelector:
    matchLabels:
      app: whoami
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app: sleep
      ports:
        - port: http
`,
  'deny-egress.yaml': `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: sleep-deny-egress
spec:
  podSelector:
    matchLabels:
      app: sleep
  policyTypes:
    - Egress
`,
  'allow-egress.yaml': `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: sleep-allow-egress
spec:
  podSelector:
    matchLabels:
      app: sleep
  policyTypes:
    - Egress
  egress:
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: kube-system
          podSelector:
            matchLabels:
              k8s-app: kube-dns
      ports:
        - port: 53
          protocol: UDP
    - to:
        - podSelector:
            matchLabels:
              app: whoami
      ports:
        - port: 80
`,
};
for (const [name, text] of Object.entries(FILES)) writeFileSync(join(cwd, name), text);

/** Two dozen CLI processes in a row: room for a loaded machine (vitest's default is 5 s). */
const SPAWNS_TIMEOUT = 60_000;

function run(steps: Array<Step | string>): string {
  const { dir, cleanup } = tempStateDir();
  dirs.push(cleanup);
  return transcript(steps, dir, cwd).replaceAll(dir, '$KUBESIM_STATE_DIR');
}

describe('NetworkPolicy golden transcripts', () => {
  it('default profile (enforcing CNI): deny, allow by label and named port, egress deny breaks DNS', async () => {
    const out = run([
      'kubectl apply -f whoami.yaml -f sleep.yaml',
      'kubectl exec sleep -- curl -s -m 2 http://whoami',
      'kubectl apply -f deny-ingress.yaml',
      'kubectl exec sleep -- curl -s -m 2 http://whoami',
      'kubectl exec sleep -- curl -m 2 http://whoami',
      'kubectl exec sleep -- wget -T 2 -q -O - http://whoami',
      // DNS itself still works: CoreDNS lives in kube-system, which the policy does not select.
      'kubectl exec sleep -- nslookup whoami.default.svc.cluster.local',
      'kubectl apply -f allow-sleep.yaml',
      'kubectl exec sleep -- curl -s -m 2 http://whoami',
      'kubectl get netpol',
      'kubectl describe netpol whoami-allow-sleep',
      'kubectl apply -f deny-egress.yaml',
      'kubectl exec sleep -- curl -s -m 2 http://whoami',
      'kubectl exec sleep -- curl -m 2 http://whoami',
      'kubectl exec sleep -- curl -sS http://whoami',
      'kubectl exec sleep -- nslookup whoami',
      'kubectl exec sleep -- wget -q -O - http://whoami',
      'kubectl apply -f allow-egress.yaml',
      'kubectl exec sleep -- curl -s -m 2 http://whoami',
      'kubectl describe netpol sleep-allow-egress',
      'kubectl get networkpolicies -o wide',
      'kubectl delete netpol --all',
      'kubectl exec sleep -- curl -s -m 2 http://whoami',
    ]);
    await expect(out).toMatchFileSnapshot('../golden/network-policy.txt');
  }, SPAWNS_TIMEOUT);

  it('docker-desktop profile (CNI without policy support): the same policies change nothing', async () => {
    const out = run([
      'kubesim cluster create --profile docker-desktop',
      'kubectl apply -f whoami.yaml -f sleep.yaml -f deny-ingress.yaml -f deny-egress.yaml',
      'kubectl get netpol',
      'kubectl exec sleep -- curl -s -m 2 http://whoami',
      'kubectl exec sleep -- nslookup whoami.default.svc.cluster.local',
    ]);
    await expect(out).toMatchFileSnapshot('../golden/network-policy-docker-desktop.txt');
  }, SPAWNS_TIMEOUT);
});
