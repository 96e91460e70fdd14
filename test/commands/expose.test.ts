import { describe, expect, it } from 'vitest';
import { runCli, stateBytes } from '../helpers/cli.js';
import { DEPLOY_MY_NGINX, stateDirs, suiteOracleHome, workDir } from '../helpers/fixtures.js';
import { HAS_KUBECTL, runOracle } from '../helpers/kubectl-oracle.js';
import { checkExposable, createService, portsForObject, protocolsForObject, selectorForObject } from '../../src/commands/expose/service.js';
import type { KubeObject } from '../../src/api/types.js';
import { RUN_MY_NGINX } from '../helpers/manifests.js';

/**
 * `kubectl expose`: selector, port and protocol introspection and the Service it builds (checked byte
 * for byte against a real kubectl on manifests, which it exposes offline), then the live behaviour on
 * the simulated cluster and kubectl's error texts.
 */

const FILES: Record<string, string> = {
  // my-nginx with a second, named UDP port
  'deploy.yaml': `${DEPLOY_MY_NGINX}        - containerPort: 443
          protocol: UDP
          name: https
`,
  'run-my-nginx.yaml': RUN_MY_NGINX,
  'pod.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: dns
  labels:
    app: dns
spec:
  containers:
  - name: a
    image: coredns/coredns
    ports:
    - containerPort: 53
      protocol: UDP
    - containerPort: 53
      protocol: TCP
    - containerPort: 9153
`,
  'bare-pod.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: bare
spec:
  containers:
  - name: a
    image: nginx
`,
  'svc.yaml': `apiVersion: v1
kind: Service
metadata:
  name: front
  labels:
    tier: fe
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 8080
  - port: 443
`,
  'no-selector-svc.yaml': `apiVersion: v1
kind: Service
metadata:
  name: ext
spec:
  ports:
  - port: 80
`,
  'set-based.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ex
spec:
  selector:
    matchLabels:
      app: ex
    matchExpressions:
    - key: tier
      operator: In
      values: [a, b]
  template:
    metadata:
      labels:
        app: ex
        tier: a
    spec:
      containers:
      - name: a
        image: nginx
`,
  'rs.yaml': `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: rs1
  namespace: other
spec:
  replicas: 2
  selector:
    matchLabels:
      app: rs1
  template:
    metadata:
      labels:
        app: rs1
    spec:
      containers:
      - name: a
        image: nginx
        ports:
        - containerPort: 9000
`,
  'cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: c
data:
  a: b
`,
};
const work = workDir('expose', FILES);
const freshDir = stateDirs();

const sim = (args: string[], dir = freshDir()) => runCli(args, { stateDir: dir, cwd: work });
const json = (args: string[], dir: string) => JSON.parse(sim([...args, '-o', 'json'], dir).stdout);

describe('expose -f --dry-run=client (literal kubectl 1.32 output)', () => {
  it('copies the selector and labels, and names several ports port-1, port-2 with their protocols', () => {
    expect(sim(['expose', '-f', 'deploy.yaml', '--dry-run=client', '-o', 'yaml'])).toEqual({
      code: 0,
      stderr: '',
      stdout: `apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: my-nginx
spec:
  ports:
  - name: port-1
    port: 80
    protocol: TCP
    targetPort: 80
  - name: port-2
    port: 443
    protocol: UDP
    targetPort: 443
  selector:
    run: my-nginx
status:
  loadBalancer: {}
`,
    });
  });

  it('serves one port over two protocols as port-1-udp and port-1-tcp', () => {
    const svc = JSON.parse(sim(['expose', '-f', 'pod.yaml', '--port=53', '--dry-run=client', '-o', 'json']).stdout);
    expect(svc.spec.ports).toEqual([
      { name: 'port-1-udp', protocol: 'UDP', port: 53, targetPort: 53 },
      { name: 'port-1-tcp', protocol: 'TCP', port: 53, targetPort: 53 },
    ]);
  });

  it.each([
    [['expose'], "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n"],
    [['expose', 'deployment'], 'error: resource(s) were provided, but no name was specified\n'],
    [['expose', '-f', 'bare-pod.yaml', '--dry-run=client'], "error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\n"],
    [['expose', '-f', 'bare-pod.yaml', '--selector=a=b', '--dry-run=client'], "error: couldn't find port via --port flag or introspection\n"],
    [['expose', '-f', 'no-selector-svc.yaml', '--dry-run=client'], "error: couldn't retrieve selectors via --selector flag or introspection: the service has no pod selector set\n"],
    [['expose', '-f', 'set-based.yaml', '--port=80', '--dry-run=client'], `error: couldn't retrieve selectors via --selector flag or introspection: couldn't convert expressions - "[{Key:tier Operator:In Values:[a b]}]" to map-based selector format\n`],
    [['expose', '-f', 'cm.yaml', '--dry-run=client'], 'error: cannot expose a ConfigMap\n'],
    [['expose', '-f', 'deploy.yaml', '--port=abc', '--dry-run=client'], 'error: strconv.Atoi: parsing "abc": invalid syntax\n'],
    [['expose', '-f', 'deploy.yaml', '--session-affinity=foo', '--dry-run=client'], 'error: unknown session affinity: foo\n'],
    [['expose', '-f', 'deploy.yaml', '--selector=app in (x)', '--dry-run=client'], 'error: unexpected label spec: app in (x)\n'],
    [['expose', '-f', 'deploy.yaml', '--container-port=80'], "Error: unknown flag: --container-port\nSee 'kubectl expose --help' for usage.\n"],
  ])('kubectl %j fails with kubectl’s text', (args, stderr) => {
    expect(sim(args)).toEqual({ code: 1, stdout: '', stderr });
  });
});

describe.runIf(HAS_KUBECTL)('expose -f --dry-run=client matches the real kubectl', () => {
  const oracle = suiteOracleHome();
  const cases: string[][] = [
    ['-f', 'deploy.yaml'],
    ['-f', 'run-my-nginx.yaml'],
    ['-f', 'deploy.yaml', '--port=8080', '--target-port=http', '--type=NodePort', '--name=foo', '--external-ip=1.2.3.4', '--labels=x=y', '--session-affinity=ClientIP', '--cluster-ip=10.96.0.9', '--load-balancer-ip=5.6.7.8', '--protocol=UDP'],
    ['-f', 'deploy.yaml', '--type=LoadBalancer', '--load-balancer-ip=1.2.3.4', '--target-port=8080', '-n', 'foo', '--cluster-ip=None'],
    ['-f', 'deploy.yaml', '--port=80,81'],
    ['-f', 'deploy.yaml', '--selector=a=b,c=d', '--overrides={"spec":{"type":"NodePort"},"bogus":1}'],
    ['-f', 'deploy.yaml', '--save-config'],
    ['-f', 'pod.yaml'],
    ['-f', 'pod.yaml', '--port=53', '--protocol=SCTP'],
    ['-f', 'svc.yaml'],
    ['-f', 'svc.yaml', '--name=front2', '--target-port=9090'],
    ['-f', 'rs.yaml'],
    ['-f', 'rs.yaml', '-n', 'foo'],
    ['-f', 'rs.yaml', '-f', 'deploy.yaml', '-n', 'foo'],
    ['-f', 'bare-pod.yaml', '-f', 'no-selector-svc.yaml'],
    ['-f', 'deploy.yaml', '-f', 'cm.yaml', '-f', 'pod.yaml'],
    ['-f', 'set-based.yaml', '--port=80'],
  ];
  for (const c of cases) {
    for (const out of [['-o', 'yaml'], ['-o', 'json'], []]) {
      const args = ['expose', ...c, '--dry-run=client', ...out];
      it(`kubectl ${args.join(' ')}`, () => {
        expect(sim(args)).toEqual(runOracle(args, { home: oracle.home, cwd: work }));
      });
    }
  }
});

describe('expose against the cluster', () => {
  it('the docs walkthrough: expose deployment/my-nginx selects its two pods on port 80', () => {
    const dir = freshDir();
    sim(['apply', '-f', 'run-my-nginx.yaml'], dir);
    expect(sim(['expose', 'deployment/my-nginx'], dir)).toEqual({ code: 0, stdout: 'service/my-nginx exposed\n', stderr: '' });
    const svc = json(['get', 'svc', 'my-nginx'], dir);
    // apps/v1 deployments carry no labels unless the manifest gives some, so the service has none either.
    expect([svc.metadata.labels, svc.spec.selector, svc.spec.ports, svc.spec.type]).toEqual([undefined, { run: 'my-nginx' }, [{ protocol: 'TCP', port: 80, targetPort: 80 }], 'ClusterIP']);
    const podIPs = json(['get', 'pods', '-l', 'run=my-nginx'], dir).items.map((p: KubeObject) => p.status.podIP).sort();
    const epIPs = json(['get', 'ep', 'my-nginx'], dir).subsets[0].addresses.map((a: { ip: string }) => a.ip).sort();
    expect(epIPs).toEqual(podIPs);
    expect(podIPs).toHaveLength(2);
  });

  it('TGIK: expose deploy kuard --type=LoadBalancer --port=80 --target-port=8080 gets a node port', () => {
    const dir = freshDir();
    sim(['create', 'deployment', 'kuard', '--image=gcr.io/kuar-demo/kuard-amd64:1', '--replicas=2'], dir);
    expect(sim(['expose', 'deploy', 'kuard', '--type=LoadBalancer', '--port=80', '--target-port=8080'], dir).stdout).toBe('service/kuard exposed\n');
    const svc = json(['get', 'svc', 'kuard'], dir);
    expect([svc.spec.type, svc.spec.ports[0].port, svc.spec.ports[0].targetPort, svc.metadata.labels]).toEqual(['LoadBalancer', 80, 8080, { app: 'kuard' }]);
    expect(svc.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(json(['get', 'ep', 'kuard'], dir).subsets[0].ports).toEqual([{ port: 8080, protocol: 'TCP' }]);
  });

  it('-n: the EKS step exposes into the namespace', () => {
    const dir = freshDir();
    sim(['create', 'ns', 'my-nginx'], dir);
    sim(['-n', 'my-nginx', 'apply', '-f', 'run-my-nginx.yaml'], dir);
    expect(sim(['-n', 'my-nginx', 'expose', 'deployment/my-nginx'], dir).stdout).toBe('service/my-nginx exposed\n');
    expect(sim(['-n', 'my-nginx', 'get', 'svc', '-o', 'name'], dir).stdout).toBe('service/my-nginx\n');
  });

  it('exposes a pod by its labels and a service by its selector, printing the created object', () => {
    const dir = freshDir();
    sim(['run', 'web', '--image=nginx', '--port=80'], dir);
    const r = sim(['expose', 'pod', 'web', '--name=web-svc', '-o', 'json'], dir);
    const svc = JSON.parse(r.stdout);
    expect(Object.keys(svc)).toEqual(['kind', 'apiVersion', 'metadata', 'spec', 'status']);
    expect([svc.metadata.name, svc.metadata.labels, svc.spec.selector, svc.spec.clusterIP]).toEqual(['web-svc', { run: 'web' }, { run: 'web' }, svc.spec.clusterIPs[0]]);
    expect(sim(['expose', 'svc', 'web-svc', '--name=web-https', '--port=443', '--target-port=8443'], dir).stdout).toBe('service/web-https exposed\n');
    expect(json(['get', 'svc', 'web-https'], dir).spec.ports).toEqual([{ protocol: 'TCP', port: 443, targetPort: 8443 }]);
  });

  it('--dry-run=server and client create nothing', () => {
    const dir = freshDir();
    sim(['apply', '-f', 'run-my-nginx.yaml'], dir);
    const before = stateBytes(dir);
    expect(sim(['expose', 'deploy', 'my-nginx', '--dry-run=server'], dir).stdout).toBe('service/my-nginx exposed (server dry run)\n');
    expect(sim(['expose', 'deploy', 'my-nginx', '--dry-run=client'], dir).stdout).toBe('service/my-nginx exposed (dry run)\n');
    expect(stateBytes(dir)).toBe(before);
  });

  it.each([
    [['expose', 'node', 'kubesim-worker'], 'error: cannot expose a Node\n'],
    [['expose', 'deploy', 'nope'], 'Error from server (NotFound): deployments.apps "nope" not found\n'],
    [['expose', 'deploy', 'my-nginx'], 'Error from server (AlreadyExists): services "my-nginx" already exists\n'],
    [['expose', 'deploy', 'my-nginx', '--name=x', '--port=80', '--type=Foo'], 'The Service "x" is invalid: spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"\n'],
    [['expose', 'pod', 'bare'], "error: couldn't find port via --port flag or introspection\n"],
    [['expose', 'foo', 'x'], 'error: the server doesn\'t have a resource type "foo"\n'],
    [['expose', 'deploy', 'nope', 'my-nginx', '--name=other'], 'Error from server (NotFound): deployments.apps "nope" not found\n'],
  ])('kubectl %j fails with kubectl’s error (changing nothing unless another object was found)', (args, stderr) => {
    const dir = freshDir();
    sim(['apply', '-f', 'run-my-nginx.yaml'], dir);
    sim(['expose', 'deploy', 'my-nginx'], dir);
    sim(['run', 'bare', '--image=nginx'], dir);
    const before = stateBytes(dir);
    const r = sim(args, dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(stderr);
    if (args.includes('--name=other')) {
      // The object that was found is still exposed (ContinueOnError), the missing one is reported.
      expect(r.stdout).toBe('service/other exposed\n');
      return;
    }
    expect(r.stdout).toBe('');
    expect(stateBytes(dir)).toBe(before);
  });
});

describe('expose introspection', () => {
  const deploy = (selector: unknown): KubeObject => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { selector, template: { spec: { containers: [{ ports: [{ containerPort: 80 }, { containerPort: 80, protocol: 'UDP' }, { containerPort: 81 }] }] } } } });

  it('reads selectors, ports and protocols as kubectl’s polymorphic helpers do', () => {
    expect(selectorForObject(deploy({ matchLabels: { a: 'b', c: 'd' } }))).toBe('a=b,c=d');
    expect(() => selectorForObject(deploy({}))).toThrow('invalid deployment: no selectors, therefore cannot be exposed');
    expect(() => selectorForObject({ ...deploy({}), kind: 'ReplicaSet' })).toThrow('invalid replicaset: no selectors, therefore cannot be exposed');
    expect(portsForObject(deploy({}))).toEqual(['80', '81']);
    expect([...protocolsForObject(deploy({}))]).toEqual([
      ['80', ['TCP', 'UDP']],
      ['81', ['TCP']],
    ]);
    expect(() => checkExposable({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'x' } })).toThrow('cannot expose a DaemonSet.apps');
  });

  it('builds the service with the flags’ extras', () => {
    const svc = createService({ name: 's', selector: 'a=b', labels: '', ports: '80', protocol: '', targetPort: 'http', externalIP: '1.2.3.4', type: 'LoadBalancer', loadBalancerIP: '5.6.7.8', sessionAffinity: 'ClientIP', clusterIP: '' });
    expect(svc.spec).toEqual({ ports: [{ protocol: 'TCP', port: 80, targetPort: 'http' }], selector: { a: 'b' }, type: 'LoadBalancer', externalIPs: ['1.2.3.4'], sessionAffinity: 'ClientIP', loadBalancerIP: '5.6.7.8' });
    expect(() => createService({ name: 's', selector: '', labels: '', ports: '80', protocol: '', targetPort: '', externalIP: '', type: '', loadBalancerIP: '', sessionAffinity: '', clusterIP: '' })).toThrow('selector must be specified');
  });
});
