import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT, tempStateDir } from '../helpers/cli.js';
import { transcript, type Step } from '../helpers/transcript.js';
import { RUN_MY_NGINX } from '../helpers/manifests.js';

/**
 * Golden transcripts through the built CLI: fresh state directory, seed 1, clock fixed by KUBESIM_NOW.
 * Each golden file was read against ../shared/reference/kubectl-output.md when it was first written.
 */
const specs = join(ROOT, 'specs');
const dirs: Array<() => void> = [];
afterAll(() => dirs.forEach((c) => c()));

function run(steps: Array<Step | string>, cwd = specs): string {
  const { dir, cleanup } = tempStateDir();
  dirs.push(cleanup);
  return transcript(steps, dir, cwd);
}

describe('golden transcripts', () => {
  it('courselabs services: pods, services, selectors, endpoints, cleanup', async () => {
    const out = run([
      'kubectl get nodes',
      'kubectl apply -f labs/services/specs/pods',
      'kubectl get pods -o wide --show-labels',
      'kubectl apply -f labs/services/specs/services/whoami-clusterip.yaml',
      'kubectl get service whoami',
      'kubectl describe svc whoami',
      "kubectl get svc whoami -o jsonpath='{.spec.clusterIP}'",
      'kubectl get pods -o wide -l app=whoami',
      'kubectl delete pods -l app=whoami',
      'kubectl apply -f labs/services/specs/pods',
      'kubectl get pods -o wide -l app=whoami',
      'kubectl get endpoints whoami',
      'kubectl apply -f labs/services/specs/services/whoami-nodeport.yaml -f labs/services/specs/services/whoami-loadbalancer.yaml',
      'kubectl get svc -l app=whoami',
      'kubectl describe svc whoami-np',
      'kubectl get all',
      'kubectl delete pod,svc -l kubernetes.courselabs.co=services',
      'kubectl get pods',
    ]);
    await expect(out).toMatchFileSnapshot('../golden/courselabs-services.txt');
  });

  it('a fresh cluster looks like a real one', async () => {
    const out = run([
      'kubectl get nodes -o wide',
      'kubectl get ns',
      'kubectl get pods -A',
      'kubectl get svc -A -o wide',
      'kubectl get ep -A',
      'kubectl get endpointslices -A',
      'kubectl get ds,deploy,rs -n kube-system',
      'kubectl get sa,cm',
      "kubectl get nodes -o jsonpath='{.items[*].status.addresses[?(@.type==\"InternalIP\")].address}'",
      'kubectl describe node kubesim-worker',
      'kubectl describe ns default',
      'kubectl -n kube-system describe deploy coredns',
    ]);
    await expect(out).toMatchFileSnapshot('../golden/fresh-cluster.txt');
  });

  it('output formats', async () => {
    const out = run([
      'kubectl apply -f labs/services/specs/pods -f labs/services/specs/services',
      'kubectl get pod whoami -o yaml',
      'kubectl get svc whoami-np -o json',
      'kubectl get pods -o name',
      'kubectl get svc -o yaml',
      "kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{\"\\t\"}{.status.podIP}{\"\\n\"}{end}'",
      "kubectl get svc whoami -ojsonpath='{.metadata.labels}'",
      'kubectl get pods -o custom-columns=NAME:.metadata.name,IP:.status.podIP,NODE:.spec.nodeName',
      'kubectl get pods --no-headers',
      'kubectl get pods -L app -L missing',
      'kubectl get svc --sort-by=.spec.ports[0].port',
      'kubectl get pods,svc',
      'kubectl get pods --field-selector spec.nodeName=kubesim-worker',
      'kubectl get pods -l "app in (sleep)"',
      'kubectl get endpointslices -l kubernetes.io/service-name=whoami',
      'kubectl get svc whoami-lb -o wide',
    ]);
    await expect(out).toMatchFileSnapshot('../golden/output-formats.txt');
  });

  it('errors print kubectl texts, exit non-zero and leave the state alone', async () => {
    const bad = (cmd: string, stdin?: string): Step => ({ cmd, stdin, rejected: true });
    const out = run([
      'kubectl get nodes',
      bad('kubectl get foo'),
      bad('kubectl get pods --foo'),
      bad('kubectl get pods -x'),
      bad('kubectl get'),
      bad('kubectl get pod nope'),
      bad('kubectl get pods nope -A'),
      bad('kubectl get deploy/nope svc/nope'),
      bad('kubectl describe svc nope'),
      bad('kubectl delete pod nope'),
      bad('kubectl delete'),
      bad('kubectl delete pods'),
      bad('kubectl apply'),
      bad('kubectl apply -f missing.yaml'),
      bad('kubectl apply -f https://example.com/pod.yaml'),
      bad('kubectl apply -f - -n nowhere', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n'),
      bad('kubectl apply -f -', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    imagee: nginx\n'),
      bad('kubectl apply -f -', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - port: 70000\n    targetPort: 80\n'),
      bad('kubectl apply -f -', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 40000\n'),
      bad('kubectl apply -f -', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: My_Pod\nspec:\n  containers:\n  - name: c\n    image: nginx\n'),
      bad('kubectl apply -f -', 'metadata:\n  name: x\n'),
      bad('kubectl apply -f -', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n\tspec: 1\n'),
      bad('kubectl apply -f -', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: api\n    spec:\n      containers:\n      - name: c\n        image: nginx\n'),
      bad('kubectl delete ns default'),
      bad('kubectl get pods -l "a in (b"'),
      bad('kubectl get pods --field-selector foo=bar'),
      bad('kubectl get pods -o foo'),
      bad('kubectl frobnicate'),
      bad('kubectl delete pods --all -l app=x'),
      bad('kubectl port-forward pod/sleep 8080:80'),
    ]);
    await expect(out).toMatchFileSnapshot('../golden/errors.txt');
  });

  it('apply created / unchanged / configured, namespaces, cascade', async () => {
    const deploy = (replicas: number, image = 'nginx') =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: my-nginx\nspec:\n  selector:\n    matchLabels:\n      run: my-nginx\n  replicas: ${replicas}\n  template:\n    metadata:\n      labels:\n        run: my-nginx\n    spec:\n      containers:\n      - name: my-nginx\n        image: ${image}\n        ports:\n        - containerPort: 80\n`;
    const out = run([
      { cmd: 'kubectl create namespace my-nginx' },
      { cmd: 'kubectl -n my-nginx apply -f -', stdin: deploy(2) },
      { cmd: 'kubectl -n my-nginx apply -f -', stdin: deploy(2) },
      'kubectl -n my-nginx get deploy,rs,pods -o wide',
      { cmd: 'kubectl -n my-nginx apply -f -', stdin: deploy(3) },
      'kubectl -n my-nginx get deploy my-nginx',
      'kubectl get pods -n my-nginx -o wide',
      { cmd: 'kubectl -n my-nginx apply -f -', stdin: deploy(3, 'nginx:1.25') },
      'kubectl -n my-nginx get rs',
      "kubectl -n my-nginx get deploy my-nginx -o jsonpath='{.metadata.annotations}'",
      'kubectl delete ns my-nginx',
      'kubectl get ns',
      'kubectl get pods -n my-nginx',
    ]);
    await expect(out).toMatchFileSnapshot('../golden/apply-deployments.txt');
  });
});

describe('golden transcripts (describe, delete)', () => {
  it('describe every stored kind; delete with cascade and namespaces', async () => {
    const out = run([
      'kubectl create deployment web --image=nginx:1.25 --replicas=2 --port=80',
      'kubectl create configmap game --from-literal=lives=3 --from-literal=level=easy',
      'kubectl create secret generic db-user-pass --from-literal=username=admin --from-literal=password=S!B*d$zDsb=',
      'kubectl create service nodeport web --tcp=80:80',
      'kubectl get deploy,rs,pods,svc,ep -o wide',
      'kubectl describe deploy web',
      'kubectl describe rs',
      'kubectl describe endpoints web',
      'kubectl describe configmap game',
      'kubectl describe secret db-user-pass',
      'kubectl describe sa default',
      'kubectl describe pods web',
      'kubectl get events --field-selector involvedObject.kind=Deployment',
      'kubectl delete deploy web --cascade=orphan',
      'kubectl get deploy,rs',
      'kubectl delete rs --all',
      'kubectl get pods',
      'kubectl delete svc,cm web game --ignore-not-found',
      'kubectl delete secret db-user-pass -o name',
      'kubectl get all',
    ]);
    await expect(out).toMatchFileSnapshot('../golden/describe-delete.txt');
  });
});

describe('golden transcripts (exec)', () => {
  it('in-pod DNS and service variables through kubectl exec', async () => {
    const deploy = RUN_MY_NGINX;
    const out = run([
      'kubectl apply -f labs/services/specs/pods',
      'kubectl exec sleep -- nslookup whoami',
      'kubectl exec sleep -- curl -s http://whoami',
      'kubectl apply -f labs/services/specs/services/whoami-clusterip.yaml',
      'kubectl exec sleep -- nslookup whoami',
      'kubectl exec sleep -- curl -s http://whoami',
      'kubectl exec sleep -- curl -s -m 2 http://whoami:8080',
      'kubectl apply -f labs/services/specs/services',
      'kubectl exec sleep -- curl -s http://whoami-lb:8080',
      'kubectl exec sleep -- curl -s http://whoami-np:8010',
      "kubectl exec sleep -- sh -c 'wget -q -O - http://whoami | head -2'",
      'kubectl delete pods -l app=whoami',
      'kubectl exec sleep -- curl http://whoami',
      'kubectl exec sleep -- wget -O - http://whoami',
      'kubectl apply -f labs/services/specs/pods',
      'kubectl exec sleep -- curl -s http://whoami',
      'kubectl exec sleep -- cat /etc/resolv.conf',
      "kubectl exec sleep -- sh -c 'hostname; cat /etc/hosts | tail -1'",
      { cmd: 'kubectl apply -f -', stdin: deploy },
      'kubectl expose deployment/my-nginx',
      "kubectl exec deploy/my-nginx -- sh -c 'printenv | grep SERVICE | sort'",
      'kubectl scale deployment my-nginx --replicas=0',
      'kubectl scale deployment my-nginx --replicas=2',
      "kubectl exec deploy/my-nginx -- sh -c 'printenv | grep SERVICE | sort'",
      'kubectl exec whoami -- date',
      'kubectl exec sleep nslookup whoami',
      "kubectl exec sleep -- sh -c 'echo out; echo err >&2; exit 3'",
      'kubectl exec sleep -c nope -- true',
      'kubectl exec nope -- true',
    ]);
    await expect(out).toMatchFileSnapshot('../golden/exec.txt');
  });
});

describe('golden transcripts (run -i fed from stdin)', () => {
  it('the EKS load-generator session', async () => {
    const out = run([
      'kubectl create ns my-nginx',
      'kubectl -n my-nginx create deployment my-nginx --image=nginx --replicas=2',
      'kubectl -n my-nginx expose deployment/my-nginx --port=80',
      "kubectl -n my-nginx get svc my-nginx -ojsonpath='{.spec.clusterIP}'",
      { cmd: 'kubectl -n my-nginx run -i --tty load-generator --env=MyClusterIP=10.100.29.17 --image=busybox /bin/sh', stdin: "wget -q -O - ${MyClusterIP} | grep '<title>'\nexit\n" },
      'kubectl -n my-nginx get pods',
      { cmd: 'kubectl run -i --rm --restart=Never lookup --image=busybox:1.28 -- sh', stdin: 'nslookup kubernetes.default\n' },
    ]);
    await expect(out).toMatchFileSnapshot('../golden/run-interactive.txt');
  });
});

describe('load balancing through kube-proxy rules', () => {
  it('two matching pods share the requests to a service IP', () => {
    const { dir, cleanup } = tempStateDir();
    dirs.push(cleanup);
    const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  labels:\n    app: whoami\nspec:\n  containers:\n  - name: app\n    image: sixeyed/whoami:21.04\n`;
    const steps = [
      'kubectl apply -f labs/services/specs/pods -f labs/services/specs/services/whoami-clusterip.yaml',
      { cmd: 'kubectl apply -f -', stdin: pod('whoami-2') },
      "kubectl exec sleep -- sh -c 'for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50; do curl -s http://whoami | grep Hostname; done | sort | uniq -c'",
    ];
    const out = transcript(steps, dir, specs);
    const counts = [...out.matchAll(/^\s*(\d+) Hostname: (whoami(?:-2)?)$/gm)].map((m) => [m[2], Number(m[1])] as const);
    expect(counts.map(([n]) => n).sort()).toEqual(['whoami', 'whoami-2']);
    expect(counts.reduce((a, [, c]) => a + c, 0)).toBe(50);
    for (const [, c] of counts) expect(c).toBeGreaterThan(10);
  });
});

describe('determinism', () => {
  it('same commands, same seed, frozen clock: byte-identical transcripts', () => {
    const steps = [
      'kubectl apply -f labs/services/specs/pods -f labs/services/specs/services',
      'kubectl get pods,svc,ep,endpointslices -o wide',
      'kubectl get pods -o yaml',
      'kubectl delete pod whoami',
      'kubectl apply -f labs/services/specs/pods',
      'kubectl get events',
    ];
    const a = run(steps);
    const b = run(steps);
    expect(a).toContain('whoami');
    expect(a).toBe(b);
  });
});
