import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempStateDir } from '../helpers/cli.js';
import { transcript, type Step } from '../helpers/transcript.js';
import { RUN_MY_NGINX } from '../helpers/manifests.js';

/**
 * Golden transcripts of the workload verbs (run, expose, scale) as the walkthroughs type them: the
 * Kubernetes docs' "Connecting Applications with Services", the EKS workshop's namespace variant, TGIK
 * 002 with a kubectl 1.17 persona, and the refusals. Fresh state directory, seed 1, KUBESIM_NOW fixed.
 * Checked against ../shared/reference/walkthroughs.md §2–§4 and kubectl-output.md §4/§5.2 when written.
 */

const cwd = mkdtempSync(join(tmpdir(), 'kubesim-workloads-'));
const dirs: Array<() => void> = [() => rmSync(cwd, { recursive: true, force: true })];
afterAll(() => dirs.forEach((c) => c()));

// The docs' run-my-nginx.yaml (block style of the KYAML in the page): no labels on the Deployment itself.
writeFileSync(
  join(cwd, 'run-my-nginx.yaml'),
  RUN_MY_NGINX,
);

function run(steps: Array<Step | string>): string {
  const { dir, cleanup } = tempStateDir();
  dirs.push(cleanup);
  // `kubesim cluster create` names the (temporary) state directory.
  return transcript(steps, dir, cwd).replaceAll(dir, '$KUBESIM_STATE_DIR');
}

describe('workload golden transcripts', () => {
  it('docs walkthrough: deployment, expose, endpoints, scale 0 → 2 (new names and IPs, same hash, two nodes)', async () => {
    const out = run([
      'kubectl apply -f run-my-nginx.yaml',
      'kubectl get pods -l run=my-nginx -o wide',
      'kubectl expose deployment/my-nginx',
      'kubectl get svc my-nginx',
      'kubectl describe svc my-nginx',
      'kubectl get ep my-nginx',
      'kubectl scale deployment my-nginx --replicas=0',
      'kubectl get pods -l run=my-nginx -o wide',
      'kubectl get ep my-nginx',
      'kubectl scale deployment my-nginx --replicas=2',
      'kubectl get pods -l run=my-nginx -o wide',
      'kubectl get ep my-nginx',
      'kubectl get rs -l run=my-nginx',
    ]);
    await expect(out).toMatchFileSnapshot('../golden/workloads-docs-walkthrough.txt');
  });

  it('EKS workshop: the same deployment exposed in namespace my-nginx', async () => {
    const out = run([
      'kubectl create ns my-nginx',
      'kubectl -n my-nginx apply -f run-my-nginx.yaml',
      'kubectl -n my-nginx get pods -o wide',
      'kubectl -n my-nginx expose deployment/my-nginx',
      'kubectl -n my-nginx get svc my-nginx',
      'kubectl -n my-nginx describe svc my-nginx',
      "kubectl -n my-nginx get svc my-nginx -ojsonpath='{.spec.clusterIP}'",
      // The 2019 workshop text forgot -n here.
      { cmd: 'kubectl scale deployment my-nginx --replicas=0', rejected: true },
      'kubectl -n my-nginx scale deployment my-nginx --replicas=0',
      'kubectl -n my-nginx scale deployment my-nginx --replicas=2',
      'kubectl -n my-nginx get ep my-nginx',
    ]);
    await expect(out).toMatchFileSnapshot('../golden/workloads-eks.txt');
  });

  it('TGIK 002 with a kubectl 1.17 persona: run makes a Deployment, expose it as a LoadBalancer', async () => {
    const out = run([
      'kubesim cluster create --kubectl-version 1.17 --seed 1',
      'kubectl run --replicas=10 --image=gcr.io/kuar-demo/kuard-amd64:1 kuard',
      'kubectl get deploy,rs -o wide',
      'kubectl get pods -o wide',
      'kubectl expose deploy kuard --type=LoadBalancer --port=80 --target-port=8080',
      'kubectl get svc kuard',
      'kubectl get endpoints kuard -o yaml',
      'kubectl expose deployment kuard --type=LoadBalancer --target-port=8080 --port=80 -o yaml --dry-run',
      'kubectl run --image=gcr.io/kuar-demo/kuard-amd64:1 kuard2 --restart=Never',
      { cmd: 'kubectl run job --image=busybox --restart=OnFailure', rejected: true },
    ]);
    await expect(out).toMatchFileSnapshot('../golden/workloads-tgik-002.txt');
  });

  it('kubectl 1.32: run --expose, and what run, expose and scale refuse', async () => {
    const out = run([
      'kubectl run nginx --image=nginx --port=80 --expose',
      'kubectl get pod nginx -o wide --show-labels',
      // The service gets --labels (none here), not the pod's run=NAME.
      'kubectl get svc,ep nginx --show-labels',
      { cmd: 'kubectl run nginx --image=nginx', rejected: true },
      { cmd: 'kubectl run --generator=run-pod/v1 web --image=nginx', rejected: true },
      { cmd: 'kubectl run --replicas=3 --image=gcr.io/kuar-demo/kuard-amd64:1 kuard', rejected: true },
      { cmd: 'kubectl run web --image=nginx --expose', rejected: true },
      { cmd: 'kubectl run web --image=Nginx', rejected: true },
      'kubectl run -it --rm shell --image=busybox --restart=Never -- sh',
      'kubectl get pods',
      { cmd: 'kubectl expose node kubesim-worker', rejected: true },
      { cmd: 'kubectl expose deployment nope', rejected: true },
      { cmd: 'kubectl expose pod nginx', rejected: true },
      { cmd: 'kubectl expose pod nginx --name=nginx-2 --port=abc', rejected: true },
      'kubectl create deployment web --image=nginx',
      { cmd: 'kubectl expose deploy web', rejected: true },
      'kubectl expose deploy web --port=80 --target-port=8080 --type=NodePort',
      { cmd: 'kubectl scale deployment web', rejected: true },
      { cmd: 'kubectl scale deployment web --replicas=-1', rejected: true },
      { cmd: 'kubectl scale deployment web --current-replicas=3 --replicas=2', rejected: true },
      { cmd: 'kubectl scale deployment nope --replicas=2', rejected: true },
      { cmd: 'kubectl scale deployment -l app=nope --replicas=2', rejected: true },
      { cmd: 'kubectl scale statefulset web --replicas=2', rejected: true },
      'kubectl scale deployment web --current-replicas=1 --replicas=3',
      'kubectl get deploy web',
    ]);
    await expect(out).toMatchFileSnapshot('../golden/workloads-run-expose-scale.txt');
  });
});
