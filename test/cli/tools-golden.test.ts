import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT, tempStateDir } from '../helpers/cli.js';
import { transcript } from '../helpers/transcript.js';

/**
 * The in-pod tools through `kubectl exec`: a whoami Deployment and an nginx Deployment behind Services,
 * and the courselabs sleep pod (kiamol/ch03-sleep: Alpine 3.12, busybox 1.31.1, curl 7.79.1, jq 1.6).
 * Formats were checked against kubectl-output.md §8 and the tools' sources (busybox 1_31_1 wget.c,
 * ping.c, interface.c, libiproute; jq 1.6; curl's verbose callbacks).
 */
const dirs: Array<() => void> = [];
afterAll(() => dirs.forEach((c) => c()));

describe('golden transcripts (in-pod tools)', () => {
  it('curl, wget, ping, ip, ifconfig, getent, nc, jq and missing programs', async () => {
    const { dir, cleanup } = tempStateDir();
    dirs.push(cleanup);
    const out = transcript(
      [
        'kubectl create deployment whoami --image=sixeyed/whoami:21.04',
        'kubectl expose deployment whoami --port=80',
        'kubectl create deployment web --image=nginx',
        'kubectl expose deployment web --port=80',
        'kubectl apply -f labs/services/specs/pods/sleep.yaml',
        'kubectl get pods,svc -o wide',
        'kubectl exec sleep -- curl -v http://whoami',
        'kubectl exec sleep -- curl -sI http://web',
        'kubectl exec sleep -- curl -s -X POST -d name=kubesim http://whoami',
        'kubectl exec sleep -- curl -sSf http://web/missing',
        'kubectl exec sleep -- curl -f http://web/missing',
        "kubectl exec sleep -- curl -s -o /dev/null -w '%{http_code} %{remote_ip} %{size_download}\\n' http://web",
        'kubectl exec sleep -- curl -sS -m 2 http://whoami:8080',
        'kubectl exec sleep -- curl -sSk https://whoami:80',
        'kubectl exec sleep -- wget -S -O - http://whoami',
        'kubectl exec sleep -- wget -q -O - http://web/missing',
        'kubectl exec sleep -- ping -c 2 10.244.2.2',
        'kubectl exec sleep -- ping -c 2 -W 1 whoami',
        'kubectl exec sleep -- ping -c 1 nowhere',
        'kubectl exec sleep -- ip addr',
        'kubectl exec sleep -- ip route',
        'kubectl exec sleep -- ifconfig',
        'kubectl exec sleep -- getent hosts whoami',
        'kubectl exec sleep -- nc -zv whoami 80',
        'kubectl exec sleep -- nc -zv -w 1 whoami 8080',
        "kubectl exec sleep -- sh -c 'curl -s http://whoami | head -2'",
        `kubectl exec sleep -- sh -c 'echo "{\\"items\\":[{\\"name\\":\\"a\\",\\"port\\":80},{\\"name\\":\\"b\\"}]}" | jq -r ".items[] | select(.port) | .name"'`,
        `kubectl exec sleep -- sh -c 'echo "{\\"a\\":{\\"b\\":[1,2]}}" | jq .a'`,
        `kubectl exec sleep -- sh -c 'echo "{bad}" | jq .'`,
        'kubectl exec deploy/web -- getent hosts whoami',
        'kubectl exec deploy/web -- curl -s http://whoami',
        'kubectl exec deploy/web -- ping -c 1 whoami',
        "kubectl exec deploy/web -- sh -c 'ping -c 1 whoami'",
      ],
      dir,
      join(ROOT, 'specs'),
    );
    await expect(out).toMatchFileSnapshot('../golden/tools.txt');
  }, 60_000);
});
