import { afterAll, describe, expect, it } from 'vitest';
import { tempStateDir } from '../helpers/cli.js';
import { transcript } from '../helpers/transcript.js';

/**
 * The demo applications through the built CLI: what nginx, kuard and whoami answer to curl in a pod,
 * what they write to `kubectl logs` while doing so (nginx's access and error logs, kuard's request
 * log), the files of the nginx image, and files written in one pod staying in that pod.
 */
const dirs: Array<() => void> = [];
afterAll(() => dirs.forEach((c) => c()));

const KUARD = `apiVersion: v1
kind: Pod
metadata:
  name: kuard
  labels:
    app: kuard
spec:
  containers:
  - name: kuard
    image: gcr.io/kuar-demo/kuard-amd64:blue
    ports:
    - containerPort: 8080
    readinessProbe:
      httpGet:
        path: /ready
        port: 8080
`;

describe('golden transcripts (demo applications)', () => {
  it('nginx, kuard and whoami answer, log their requests, and keep pod files apart', async () => {
    const { dir, cleanup } = tempStateDir();
    dirs.push(cleanup);
    const out = transcript(
      [
        'kubectl create deployment nginx --image=nginx',
        'kubectl expose deployment nginx --port=80',
        'kubectl run sleep --image=kiamol/ch03-sleep',
        'kubectl run sleep2 --image=kiamol/ch03-sleep',
        { cmd: 'kubectl apply -f -', stdin: KUARD },
        'kubectl expose pod kuard --port=80 --target-port=8080',
        'kubectl run whoami --image=traefik/whoami --port=80 --expose',
        'kubectl get pods',
        'kubectl exec sleep -- curl -s http://nginx/',
        'kubectl exec sleep -- curl -s http://nginx/missing',
        'kubectl exec sleep -- curl -s -I http://nginx/',
        'kubectl logs deploy/nginx',
        'kubectl logs deploy/nginx --tail=1',
        'kubectl exec deploy/nginx -- cat /etc/nginx/conf.d/default.conf',
        'kubectl exec deploy/nginx -- ls /usr/share/nginx/html',
        `kubectl exec deploy/nginx -- sh -c 'echo "<h1>changed</h1>" > /usr/share/nginx/html/index.html'`,
        'kubectl exec sleep -- curl -s http://nginx/',
        'kubectl exec sleep -- curl -s http://kuard/env/api',
        'kubectl exec sleep -- curl -s -i http://kuard/healthy',
        'kubectl logs kuard --tail=2',
        'kubectl exec sleep -- curl -s http://whoami/api',
        'kubectl exec sleep -- curl -s http://whoami',
        'kubectl logs whoami',
        "kubectl exec sleep -- sh -c 'echo hi > /tmp/x'",
        'kubectl exec sleep -- cat /tmp/x',
        'kubectl exec sleep2 -- cat /tmp/x',
        'kubectl exec sleep -- cat /etc/alpine-release',
      ],
      dir,
    );
    await expect(out).toMatchFileSnapshot('../golden/apps.txt');
  }, 60_000);
});
