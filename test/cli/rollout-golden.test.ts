import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT, tempStateDir } from '../helpers/cli.js';
import { transcript, type Step } from '../helpers/transcript.js';

/**
 * Golden transcripts of rolling updates and the rollout verbs through the built CLI: fresh state
 * directory, seed 1, clock frozen by KUBESIM_NOW (so each rollout completes within the command that
 * starts it, and a rollout that cannot complete is reported as a timeout at once). Checked against
 * ../shared/reference/kubectl-output.md §3.4 and §4 and kubectl 1.32's rollout sources when written.
 */
const dirs: Array<() => void> = [];
afterAll(() => dirs.forEach((c) => c()));

function run(steps: Array<Step | string>): string {
  const { dir, cleanup } = tempStateDir();
  dirs.push(cleanup);
  return transcript(steps, dir, join(ROOT, 'specs'));
}

/** The docs' nginx-deployment (Deployments concept page), optionally with a readiness probe nginx never answers. */
function nginxDeployment(image: string, brokenProbe = false): string {
  const probe = brokenProbe ? '        readinessProbe:\n          tcpSocket:\n            port: 8080\n' : '';
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
  labels:
    app: nginx
spec:
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: ${image}
        ports:
        - containerPort: 80
${probe}`;
}

const RUN_MY_NGINX = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: my-nginx
  namespace: my-nginx
spec:
  selector:
    matchLabels:
      run: my-nginx
  replicas: 2
  template:
    metadata:
      labels:
        run: my-nginx
    spec:
      containers:
      - name: my-nginx
        image: nginx
        ports:
        - containerPort: 80
`;

describe('rollout golden transcripts', () => {
  it('Deployments page: update, history, a stuck rollout, undo, pause and resume', async () => {
    const bad = (cmd: string): Step => ({ cmd, rejected: true });
    const out = run([
      { cmd: 'kubectl apply -f -', stdin: nginxDeployment('nginx:1.14.2') },
      'kubectl rollout status deployment/nginx-deployment',
      'kubectl get deployments',
      'kubectl get rs',
      'kubectl set image deployment.v1.apps/nginx-deployment nginx=nginx:1.16.1',
      'kubectl rollout status deployment/nginx-deployment',
      'kubectl get rs',
      'kubectl describe deployments',
      'kubectl annotate deployment/nginx-deployment kubernetes.io/change-cause="image updated to 1.16.1"',
      'kubectl rollout history deployment/nginx-deployment',
      // A template whose pods never become ready: the rollout stops after the first surge pod.
      { cmd: 'kubectl apply -f -', stdin: nginxDeployment('nginx:1.16.1', true) },
      'kubectl rollout status deployment/nginx-deployment',
      'kubectl get rs',
      'kubectl get pods',
      'kubectl get deploy nginx-deployment -o jsonpath={.status}',
      'kubectl rollout history deployment/nginx-deployment',
      'kubectl rollout history deployment/nginx-deployment --revision=2',
      'kubectl rollout undo deployment/nginx-deployment',
      'kubectl rollout history deployment/nginx-deployment',
      bad('kubectl rollout undo deployment/nginx-deployment --to-revision=2'),
      'kubectl rollout undo deployment/nginx-deployment --to-revision=3',
      'kubectl rollout history deployment/nginx-deployment',
      'kubectl rollout undo deployment/nginx-deployment --to-revision=4',
      'kubectl get deployment nginx-deployment',
      'kubectl describe deployment nginx-deployment',
      'kubectl scale deployment/nginx-deployment --replicas=10',
      'kubectl rollout pause deployment/nginx-deployment',
      bad('kubectl rollout pause deployment/nginx-deployment'),
      'kubectl set image deployment/nginx-deployment nginx=nginx:1.17',
      'kubectl rollout history deployment/nginx-deployment',
      'kubectl get rs',
      'kubectl rollout status deployment/nginx-deployment --watch=false',
      'kubectl rollout resume deployment/nginx-deployment',
      'kubectl rollout status deployment/nginx-deployment',
      'kubectl get rs',
      'kubectl get events --field-selector involvedObject.kind=Deployment',
    ]);
    await expect(out).toMatchFileSnapshot('../golden/rollout-deployments.txt');
  });

  it('EKS workshop: rollout restart in namespace my-nginx makes a new ReplicaSet, new pods and new endpoints', async () => {
    const out = run([
      'kubectl create ns my-nginx',
      { cmd: 'kubectl -n my-nginx apply -f -', stdin: RUN_MY_NGINX },
      'kubectl -n my-nginx get pods -o wide',
      'kubectl -n my-nginx expose deployment/my-nginx',
      'kubectl -n my-nginx get ep my-nginx',
      'kubectl -n my-nginx rollout restart deployment my-nginx',
      'kubectl -n my-nginx get pods -l run=my-nginx -o wide',
      'kubectl -n my-nginx get rs',
      'kubectl -n my-nginx get ep my-nginx',
      "kubectl -n my-nginx get deploy my-nginx -o jsonpath='{.spec.template.metadata.annotations}'",
      'kubectl -n my-nginx rollout history deployment my-nginx',
      'kubectl -n my-nginx rollout status deployment my-nginx',
      { cmd: 'kubectl -n my-nginx rollout restart deployment my-nginx', rejected: true },
      'kubectl -n my-nginx describe deploy my-nginx',
    ]);
    await expect(out).toMatchFileSnapshot('../golden/rollout-eks-restart.txt');
  });

  it('Recreate strategy and revisionHistoryLimit', async () => {
    const recreate = (image: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: db\nspec:\n  replicas: 2\n  revisionHistoryLimit: 1\n  strategy:\n    type: Recreate\n  selector:\n    matchLabels:\n      app: db\n  template:\n    metadata:\n      labels:\n        app: db\n    spec:\n      containers:\n      - name: db\n        image: ${image}\n`;
    const out = run([
      { cmd: 'kubectl apply -f -', stdin: recreate('nginx:1.24') },
      { cmd: 'kubectl apply -f -', stdin: recreate('nginx:1.25') },
      { cmd: 'kubectl apply -f -', stdin: recreate('nginx:1.26') },
      'kubectl get rs',
      'kubectl rollout history deploy/db',
      'kubectl describe deploy db',
    ]);
    await expect(out).toMatchFileSnapshot('../golden/rollout-recreate.txt');
  });
});
