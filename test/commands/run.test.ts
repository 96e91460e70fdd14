import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, stateBytes, tempStateDir } from '../helpers/cli.js';
import { HAS_KUBECTL, oracleHome, runOracle } from '../helpers/kubectl-oracle.js';
import { isEnvVarName, isImageReference, parseAnnotations, parseEnvs, parseGeneratorLabels } from '../../src/commands/run/pod.js';
import { typedDecode, typedOrder } from '../../src/commands/run/typed.js';
import type { KubeObject } from '../../src/api/types.js';

/**
 * `kubectl run`: the 1.32 pod generator (checked byte for byte against a real kubectl where one is
 * installed), what it does to the simulated cluster, and the ≤1.17 deployment generator of the old
 * persona.
 */

const work = mkdtempSync(join(tmpdir(), 'kubesim-run-'));
const dirs: Array<() => void> = [() => rmSync(work, { recursive: true, force: true })];
afterAll(() => dirs.forEach((c) => c()));

function freshDir(): string {
  const { dir, cleanup } = tempStateDir();
  dirs.push(cleanup);
  return dir;
}

const sim = (args: string[], dir = freshDir(), stdin?: string) => runCli(args, { stateDir: dir, cwd: work, stdin });
const kubesim = (args: string[], dir: string) => runCli(args, { stateDir: dir, cwd: work, bin: 'kubesim' });
const json = (args: string[], dir: string) => JSON.parse(sim([...args, '-o', 'json'], dir).stdout);

/** A cluster whose kubectl persona is `version`. */
function clusterWith(version: string): string {
  const dir = freshDir();
  const r = kubesim(['cluster', 'create', '--kubectl-version', version, '--seed', '1'], dir);
  expect(r.code).toBe(0);
  return dir;
}

describe('run --dry-run=client (literal kubectl 1.32 output)', () => {
  it('prints the generated pod as YAML', () => {
    const r = sim(['run', 'nginx', '--image=nginx', '--dry-run=client', '-o', 'yaml']);
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: `apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: nginx
  name: nginx
spec:
  containers:
  - image: nginx
    name: nginx
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`,
    });
  });

  it('prints JSON in Go struct order, env values without empty ones, -n as the namespace', () => {
    const r = sim(['run', 'w', '--image=busybox', '--env=A=1', '--env=B=', '--restart=Never', '--port=80', '-n', 'foo', '--dry-run=client', '-o', 'json', '--command', '--', 'sh', '-c', 'date']);
    expect(r.stdout).toBe(`{
    "kind": "Pod",
    "apiVersion": "v1",
    "metadata": {
        "name": "w",
        "namespace": "foo",
        "creationTimestamp": null,
        "labels": {
            "run": "w"
        }
    },
    "spec": {
        "containers": [
            {
                "name": "w",
                "image": "busybox",
                "command": [
                    "sh",
                    "-c",
                    "date"
                ],
                "ports": [
                    {
                        "containerPort": 80
                    }
                ],
                "env": [
                    {
                        "name": "A",
                        "value": "1"
                    },
                    {
                        "name": "B"
                    }
                ],
                "resources": {}
            }
        ],
        "restartPolicy": "Never",
        "dnsPolicy": "ClusterFirst"
    },
    "status": {}
}
`);
  });

  it('--expose prints the service first, and YAML gets two separators (generateService adds its own)', () => {
    const r = sim(['run', 'web', '--image=nginx', '--port=80', '--expose', '--dry-run=client', '-o', 'yaml']);
    expect(r.stdout).toBe(`apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  name: web
spec:
  ports:
  - port: 80
    protocol: TCP
    targetPort: 80
  selector:
    run: web
status:
  loadBalancer: {}
---
---
apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: web
  name: web
spec:
  containers:
  - image: nginx
    name: web
    ports:
    - containerPort: 80
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`);
    expect(sim(['run', 'web', '--image=nginx', '--port=80', '--expose', '--dry-run=client']).stdout).toBe('service/web created (dry run)\npod/web created (dry run)\n');
  });

  it.each([
    [['run', '--image=nginx'], "error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n"],
    [['run', 'x'], 'error: required flag(s) "image" not set\n'],
    [['run', 'x', '--image='], 'error: --image is required\n'],
    [['run', 'x', '--image=NGINX'], 'error: Invalid image name "NGINX": invalid reference format\n'],
    [['run', 'x', '--image=nginx', '-t'], "error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples\n"],
    [['run', 'x', '--image=nginx', '--expose'], "error: --port must be set when exposing a service\nSee 'kubectl run -h' for help and examples\n"],
    [['run', 'x', '--image=nginx', '--restart=Foo'], "error: invalid restart policy: Foo\nSee 'kubectl run -h' for help and examples\n"],
    [['run', 'x', '--image=nginx', '--rm'], "error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n"],
    [['run', 'x', '--image=nginx', '-it', '--dry-run=client'], "error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\nSee 'kubectl run -h' for help and examples\n"],
    [['run', 'x', '--image=nginx', '--image-pull-policy=Foo'], "error: invalid image pull policy: Foo\nSee 'kubectl run -h' for help and examples\n"],
    [['run', 'x', '--image=nginx', '--env=1A=b'], 'error: invalid env: 1A=b\n'],
    [['run', 'x', '--image=nginx', '--labels=a=b,c'], 'error: unexpected label spec: c\n'],
    [['run', 'x', '--image=nginx', '--annotations=a', '--annotations==b'], 'error: invalid annotations format: a, =b\n'],
    [['run', 'x', '--image=nginx', '--port=abc'], 'error: strconv.Atoi: parsing "abc": invalid syntax\n'],
    [['run', 'x', '--image=nginx', '--generator=run-pod/v1'], "Error: unknown flag: --generator\nSee 'kubectl run --help' for usage.\n"],
    [['run', 'x', '--image=nginx', '--replicas=3'], "Error: unknown flag: --replicas\nSee 'kubectl run --help' for usage.\n"],
    [['run', 'x', '--image=nginx', '--serviceaccount=sa'], "Error: unknown flag: --serviceaccount\nSee 'kubectl run --help' for usage.\n"],
    [['run', 'x', '--image=nginx', '--override-type=foo', '--overrides={}'], 'error: invalid override type: foo\n'],
    [['run', 'x', '--image=nginx', '--overrides={bad'], 'error: Invalid JSON Patch\n'],
  ])('kubectl %j fails as kubectl 1.32 does, changing nothing', (args, stderr) => {
    const dir = freshDir();
    sim(['get', 'ns'], dir);
    const before = stateBytes(dir);
    const r = sim(args, dir);
    expect(r).toEqual({ code: 1, stdout: '', stderr });
    expect(stateBytes(dir)).toBe(before);
  });
});

const ORACLE_CASES: string[][] = [
  ['run', 'nginx', '--image=nginx'],
  ['run', 'web', '--image=nginx:1.25', '--port=80', '--env=A=1', '--env=B=x=y', '--labels=app=web,tier=fe', '--annotations=a=b', '--annotations=c=d=e', '--restart=Never', '--privileged', '--image-pull-policy=IfNotPresent', '--command', '-n', 'foo', '--', 'sh', '-c', 'echo hi'],
  ['run', 'web', '--image=nginx', '--port=80', '--expose'],
  ['run', 'web', '--image=nginx', '--port=80', '--expose', '-n', 'foo', '-l', 'app=a,b=c'],
  ['run', 'web', '--image=nginx', '--overrides={"spec":{"nodeName":"n1"}}'],
  ['run', 'web', '--image=nginx', '--overrides={"apiVersion":"v1","spec":{"nodeName":"n1","foo":1,"containers":[{"name":"x","image":"busybox"}]}}'],
  ['run', 'web', '--image=nginx', '--override-type=strategic', '--overrides={"spec":{"containers":[{"name":"web","image":"busybox"}]}}'],
  ['run', 'web', '--image=nginx', '--override-type=json', '--overrides=[{"op":"add","path":"/spec/hostname","value":"h"}]'],
  ['run', 'x', '--image=nginx', '-i', '--attach=false'],
  ['run', 'x', '--image=nginx', '-i', '-t', '--attach=false', '--leave-stdin-open', '--restart='],
  ['run', 'x', '--image=nginx', '--save-config'],
  ['run', 'x', '--image=nginx', '--labels=a=b,a=c', '--env=A='],
  ['run', '--image=nginx', '--', 'x', 'y'],
  ['run', 'x', 'y', '--image=nginx', '--', 'a', 'b'],
  ['run', 'x', '--image=localhost:5000/team/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'],
  ['run', 'x', '--image=gcr.io/kuar-demo/kuard-amd64:1', '--port=8080', '--restart=OnFailure'],
];

describe.runIf(HAS_KUBECTL)('run --dry-run=client matches the real kubectl', () => {
  let home = '';
  beforeAll(() => {
    const h = oracleHome();
    home = h.home;
    dirs.push(h.cleanup);
  });
  for (const base of ORACLE_CASES) {
    for (const out of [['-o', 'yaml'], ['-o', 'json'], ['-o', 'name'], []]) {
      const dash = base.indexOf('--');
      const args = dash >= 0 ? [...base.slice(0, dash), '--dry-run=client', ...out, ...base.slice(dash)] : [...base, '--dry-run=client', ...out];
      it(`kubectl ${args.join(' ')}`, () => {
        const want = runOracle(args, { home, cwd: work });
        expect(sim(args)).toEqual(want);
      });
    }
  }
  for (const args of [
    ['run', 'x', '--image=NGINX'],
    ['run', 'x', '--image=nginx', '-it', '--rm', '--restart=Never', '--dry-run=client'],
    ['run', 'x', '--image=nginx', '--dry-run=foo'],
    ['run', 'x', '--image=nginx', '-o', 'foo', '--dry-run=client'],
    ['run', 'x', '--image=nginx', '--pod-running-timeout=0s'],
    ['run', 'x', '--image=nginx', '--labels==b', '--dry-run=client'],
    ['run', 'x', '--image=nginx', '--labels=a=b=c', '--dry-run=client'],
    ['run', 'x', '--image=nginx', '--env=..a=b', '--dry-run=client'],
    ['run', 'x', '--image=nginx', '--generator=run-pod/v1'],
    ['run', 'x', '--image=nginx', '--replicas=2'],
    ['run', 'x', '--image=nginx', '--dry-run=client', '--record'],
  ]) {
    it(`kubectl ${args.join(' ')} (error or notice)`, () => {
      expect(sim(args)).toEqual(runOracle(args, { home, cwd: work }));
    });
  }
});

describe('run against the cluster (1.32 persona)', () => {
  it('creates a pod labelled run=NAME that the kubelet starts', () => {
    const dir = freshDir();
    expect(sim(['run', 'nginx', '--image=nginx'], dir)).toEqual({ code: 0, stdout: 'pod/nginx created\n', stderr: '' });
    const pod = json(['get', 'pod', 'nginx'], dir);
    expect(pod.metadata.labels).toEqual({ run: 'nginx' });
    expect(pod.spec.restartPolicy).toBe('Always');
    expect(pod.spec.containers.map((c: { name: string; image: string }) => [c.name, c.image])).toEqual([['nginx', 'nginx']]);
    expect(pod.status.phase).toBe('Running');
    expect(pod.status.podIP).toMatch(/^10\.244\.\d+\.\d+$/);
  });

  it('passes --restart, --env, --port, --labels, --annotations, --command and the args through', () => {
    const dir = freshDir();
    const r = sim(['run', 'tick', '--image=busybox', '--restart=Never', '--env=MODE=demo', '--port=8080', '-l', 'app=tick', '--annotations=team=a', '--command', '--', 'sleep', '3600'], dir);
    expect(r.stdout).toBe('pod/tick created\n');
    const pod = json(['get', 'pod', 'tick'], dir);
    expect(pod.metadata.labels).toEqual({ app: 'tick' });
    expect(pod.metadata.annotations).toEqual({ team: 'a' });
    expect(pod.spec.restartPolicy).toBe('Never');
    const c = pod.spec.containers[0];
    expect([c.command, c.args, c.env, c.ports]).toEqual([['sleep', '3600'], undefined, [{ name: 'MODE', value: 'demo' }], [{ containerPort: 8080, protocol: 'TCP' }]]);
  });

  it('refuses an existing name with the API server AlreadyExists, leaving the state as it was', () => {
    const dir = freshDir();
    sim(['run', 'nginx', '--image=nginx'], dir);
    const before = stateBytes(dir);
    expect(sim(['run', 'nginx', '--image=nginx:1.25'], dir)).toEqual({ code: 1, stdout: '', stderr: 'Error from server (AlreadyExists): pods "nginx" already exists\n' });
    expect(stateBytes(dir)).toBe(before);
  });

  it('refuses a missing namespace', () => {
    const dir = freshDir();
    sim(['get', 'ns'], dir);
    const before = stateBytes(dir);
    expect(sim(['run', 'x', '--image=nginx', '-n', 'nope'], dir)).toEqual({ code: 1, stdout: '', stderr: 'Error from server (NotFound): namespaces "nope" not found\n' });
    expect(stateBytes(dir)).toBe(before);
  });

  it('--expose creates the pod and a ClusterIP service whose endpoint is the pod', () => {
    const dir = freshDir();
    expect(sim(['run', 'nginx', '--image=nginx', '--port=80', '--expose'], dir)).toEqual({ code: 0, stdout: 'service/nginx created\npod/nginx created\n', stderr: '' });
    const svc = json(['get', 'svc', 'nginx'], dir);
    expect([svc.spec.type, svc.spec.selector, svc.spec.ports]).toEqual(['ClusterIP', { run: 'nginx' }, [{ port: 80, protocol: 'TCP', targetPort: 80 }]]);
    const ip = json(['get', 'pod', 'nginx'], dir).status.podIP;
    expect(sim(['get', 'ep', 'nginx', '-o', 'jsonpath={.subsets[0].addresses[0].ip}'], dir).stdout).toBe(ip);
  });

  it('--expose onto an existing service keeps the pod and reports the service error last', () => {
    const dir = freshDir();
    sim(['create', 'service', 'clusterip', 'web', '--tcp=80:80'], dir);
    expect(sim(['run', 'web', '--image=nginx', '--port=80', '--expose'], dir)).toEqual({
      code: 1,
      stdout: 'pod/web created\n',
      stderr: 'Error from server (AlreadyExists): services "web" already exists\n',
    });
    expect(sim(['get', 'pod', 'web', '-o', 'name'], dir).stdout).toBe('pod/web\n');
  });

  it('--dry-run=server validates without storing', () => {
    const dir = freshDir();
    expect(sim(['run', 'x', '--image=nginx', '--dry-run=server'], dir).stdout).toBe('pod/x created (server dry run)\n');
    expect(sim(['get', 'pod', 'x'], dir).stderr).toBe('Error from server (NotFound): pods "x" not found\n');
  });

  it('--save-config stores the typed object as the last-applied configuration', () => {
    const dir = freshDir();
    sim(['run', 'x', '--image=nginx', '--save-config'], dir);
    const pod = json(['get', 'pod', 'x'], dir);
    expect(pod.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).toBe(
      '{"kind":"Pod","apiVersion":"v1","metadata":{"name":"x","creationTimestamp":null,"labels":{"run":"x"}},"spec":{"containers":[{"name":"x","image":"nginx","resources":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst"},"status":{}}\n',
    );
  });

  it('-i/-t with piped input: creates the pod as kubectl would and runs the input in its shell', () => {
    const dir = freshDir();
    const r = sim(['run', '-it', 'shell', '--image=busybox', '--restart=Never', '--', 'sh'], dir, 'echo hello from $HOSTNAME\n');
    expect(r).toEqual({
      code: 0,
      stdout: 'hello from shell\n',
      stderr: "Unable to use a TTY - input is not a terminal or the right kind of file\nIf you don't see a command prompt, try pressing enter.\n",
    });
    const pod = json(['get', 'pod', 'shell'], dir);
    expect([pod.spec.containers[0].stdin, pod.spec.containers[0].stdinOnce, pod.spec.containers[0].tty, pod.spec.containers[0].args]).toEqual([true, true, true, ['sh']]);
  });

  it('--rm deletes the pod once the attached command has finished', () => {
    const dir = freshDir();
    const r = sim(['run', '-i', '--rm', 'once', '--image=busybox', '--restart=Never', '--', 'true'], dir);
    expect(r).toEqual({ code: 0, stdout: 'pod "once" deleted\n', stderr: "If you don't see a command prompt, try pressing enter.\n" });
    expect(sim(['get', 'pods', '-o', 'name'], dir).stdout).toBe('');
  });
});

describe('run with an old kubectl persona', () => {
  const DEPRECATED = 'kubectl run --generator=deployment/apps.v1 is DEPRECATED and will be removed in a future version. Use kubectl run --generator=run-pod/v1 or kubectl create instead.\n';

  it('1.17: makes a Deployment labelled run=NAME, with that era’s deprecation line', () => {
    const dir = clusterWith('1.17');
    const r = sim(['run', '--replicas=3', '--image=gcr.io/kuar-demo/kuard-amd64:1', 'kuard'], dir);
    expect(r).toEqual({ code: 0, stdout: 'deployment.apps/kuard created\n', stderr: DEPRECATED });
    const d = json(['get', 'deploy', 'kuard'], dir);
    expect([d.metadata.labels, d.spec.selector, d.spec.template.metadata.labels, d.spec.replicas]).toEqual([{ run: 'kuard' }, { matchLabels: { run: 'kuard' } }, { run: 'kuard' }, 3]);
    const pods = json(['get', 'pods', '-l', 'run=kuard'], dir).items;
    expect(pods).toHaveLength(3);
    expect(pods.every((p: KubeObject) => /^kuard-[a-z0-9]+-[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(p.metadata.name))).toBe(true);
  });

  it('1.17: prints the deployment/apps.v1 object of a dry run', () => {
    const dir = clusterWith('1.17');
    const r = sim(['run', 'nginx', '--image=nginx', '--port=80', '--env=A=1', '--dry-run', '-o', 'yaml'], dir);
    expect(r.stderr).toBe(DEPRECATED);
    expect(r.stdout).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    run: nginx
  name: nginx
spec:
  replicas: 1
  selector:
    matchLabels:
      run: nginx
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        run: nginx
    spec:
      containers:
      - env:
        - name: A
          value: "1"
        image: nginx
        name: nginx
        ports:
        - containerPort: 80
        resources: {}
status: {}
`);
  });

  it('1.17: --restart=Never and --generator=run-pod/v1 make a pod without the deprecation line', () => {
    const dir = clusterWith('1.17');
    expect(sim(['run', 'a', '--image=nginx', '--restart=Never'], dir)).toEqual({ code: 0, stdout: 'pod/a created\n', stderr: '' });
    expect(sim(['run', 'b', '--image=nginx', '--generator=run-pod/v1'], dir)).toEqual({ code: 0, stdout: 'pod/b created\n', stderr: '' });
    expect(json(['get', 'pod', 'a'], dir).spec.restartPolicy).toBe('Never');
  });

  it('1.17: --restart=OnFailure would make a Job, which kubesim does not simulate; nothing changes', () => {
    const dir = clusterWith('1.17');
    const before = stateBytes(dir);
    const r = sim(['run', 'j', '--image=busybox', '--restart=OnFailure'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'kubectl run --generator=job/v1 is DEPRECATED and will be removed in a future version. Use kubectl run --generator=run-pod/v1 or kubectl create instead.\n' +
        "error: kubesim does not simulate Jobs: this kubectl's run would create job.batch/j (generator job/v1, from --restart=OnFailure); use --restart=Never for a pod\n",
    );
    expect(stateBytes(dir)).toBe(before);
  });

  it('1.17: an unknown generator and bad replica counts are usage errors', () => {
    const dir = clusterWith('1.17');
    expect(sim(['run', 'x', '--image=nginx', '--generator=foo'], dir).stderr).toBe(`error: generator "foo" not found\nSee 'kubectl run -h' for help and examples\n`);
    expect(sim(['run', 'x', '--image=nginx', '--restart=Never', '--replicas=2'], dir).stderr).toBe(
      "error: --restart=Never requires that --replicas=1, found 2\nSee 'kubectl run -h' for help and examples\n",
    );
    expect(sim(['run', 'x', '--image=nginx', '--replicas=many'], dir).stderr).toBe(
      `Error: invalid argument "many" for "-r, --replicas" flag: strconv.ParseInt: parsing "many": invalid syntax\nSee 'kubectl run --help' for usage.\n`,
    );
  });

  it('1.17: --expose puts a service in front of the deployment’s pods', () => {
    const dir = clusterWith('1.17');
    const r = sim(['run', 'web', '--image=nginx', '--port=80', '--expose'], dir);
    expect(r).toEqual({ code: 0, stdout: 'service/web created\ndeployment.apps/web created\n', stderr: DEPRECATED });
    expect(json(['get', 'svc', 'web'], dir).spec.selector).toEqual({ run: 'web' });
  });

  it('1.20: --generator is accepted with pflag’s deprecation notice and a pod is made', () => {
    const dir = clusterWith('1.20');
    expect(sim(['run', 'x', '--image=nginx', '--generator=run-pod/v1'], dir)).toEqual({
      code: 0,
      stdout: 'pod/x created\n',
      stderr: 'Flag --generator has been deprecated, has no effect and will be removed in the future.\n',
    });
  });
});

describe('run generator pieces', () => {
  it('checks image references as distribution/reference does', () => {
    for (const ok of ['nginx', 'nginx:1.25', 'gcr.io/kuar-demo/kuard-amd64:1', 'localhost:5000/a/b', 'a__b', 'x@sha256:' + 'a'.repeat(64)]) expect(isImageReference(ok)).toBe(true);
    for (const bad of ['NGINX', 'nginx:', ':tag', 'a//b', 'a:b:c', 'x@sha256:abc', '-a']) expect(isImageReference(bad)).toBe(false);
  });

  it('parses env, labels and annotations with kubectl’s errors', () => {
    expect(parseEnvs(['A=1', 'B=x=y', 'C='])).toEqual([{ name: 'A', value: '1' }, { name: 'B', value: 'x=y' }, { name: 'C' }]);
    expect(() => parseEnvs(['=x'])).toThrow('invalid env: =x');
    expect([isEnvVarName('a-b.c'), isEnvVarName('..a'), isEnvVarName('.a'), isEnvVarName('1a')]).toEqual([true, false, true, false]);
    expect(parseGeneratorLabels('a=b,c=d,a=e')).toEqual({ a: 'e', c: 'd' });
    expect(() => parseGeneratorLabels('a=b=c')).toThrow('unexpected label spec: a=b=c');
    expect(() => parseGeneratorLabels('=b')).toThrow('unexpected empty label key');
    expect(parseAnnotations(['a=b=c'])).toEqual({ a: 'b=c' });
    expect(parseAnnotations([])).toBeUndefined();
  });

  it('orders typed objects as Go does and drops unknown fields when decoding', () => {
    const pod = { status: {}, spec: { dnsPolicy: 'ClusterFirst', containers: [{ image: 'x', name: 'n' }], bogus: 1 }, metadata: { labels: { b: '1', a: '2' }, name: 'p' }, apiVersion: 'v1', kind: 'Pod' } as unknown as KubeObject;
    expect(JSON.stringify(typedOrder(pod))).toBe('{"kind":"Pod","apiVersion":"v1","metadata":{"name":"p","labels":{"a":"2","b":"1"}},"spec":{"containers":[{"name":"n","image":"x"}],"dnsPolicy":"ClusterFirst","bogus":1},"status":{}}');
    expect(JSON.stringify(typedDecode(pod))).toBe('{"kind":"Pod","apiVersion":"v1","metadata":{"name":"p","labels":{"a":"2","b":"1"}},"spec":{"containers":[{"name":"n","image":"x","resources":{}}],"dnsPolicy":"ClusterFirst"},"status":{}}');
  });
});

