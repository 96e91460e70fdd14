import { describe, expect, it } from 'vitest';
import { stateBytes } from '../helpers/cli.js';
import { cluster as freshCluster, expectSameAsKubectl, rejected, workDir } from '../helpers/fixtures.js';
import { HAS_KUBECTL } from '../helpers/kubectl-oracle.js';

/**
 * `kubectl patch` through the built CLI: the EKS walkthrough's service patch, the three patch types,
 * the server's error texts (from the 1.32 apiserver source), and --local cases compared with a real
 * kubectl when /usr/bin/kubectl exists.
 */

const SVC = `apiVersion: v1
kind: Service
metadata:
  name: my-nginx
  namespace: my-nginx
  labels:
    run: my-nginx
spec:
  type: NodePort
  ports:
  - port: 80
    protocol: TCP
    nodePort: 30080
    targetPort: 80
  selector:
    run: my-nginx
`;
const work = workDir('patch', {
  'ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: my-nginx\n',
  'svc.yaml': SVC,
  'local-svc.yaml': SVC.replace('  namespace: my-nginx\n', ''),
  'deploy.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
        env:
        - name: A
          value: "1"
        ports:
        - containerPort: 80
`,
  'lb.json': '{"spec":{"type":"LoadBalancer"}}',
  'lb.yaml': 'spec:\n  type: LoadBalancer\n',
  'tab.yaml': 'spec:\n\ttype: LoadBalancer\n',
});

/** A fresh cluster with namespace my-nginx holding the NodePort service my-nginx (as the EKS walkthrough applies it) and deployment default/web. */
function cluster() {
  const c = freshCluster(work, ['apply', '-f', 'ns.yaml'], ['apply', '-f', 'svc.yaml'], ['apply', '-f', 'deploy.yaml']);
  const svc = (path: string) => c.run(['-n', 'my-nginx', 'get', 'svc', 'my-nginx', '-o', `jsonpath=${path}`]).stdout;
  return { ...c, svc };
}

describe('kubectl patch (EKS walkthrough)', () => {
  it('turns the NodePort service into a LoadBalancer, keeping its node port and cluster IP', () => {
    const c = cluster();
    try {
      const ip = c.svc('{.spec.clusterIP}');
      expect(ip).toMatch(/^10\./);
      expect(c.run(['-n', 'my-nginx', 'patch', 'svc', 'my-nginx', '-p', '{"spec": {"type": "LoadBalancer"}}'])).toEqual({ stdout: 'service/my-nginx patched\n', stderr: '', code: 0 });
      expect(c.svc('{.spec.type} {.spec.ports[0].nodePort} {.spec.clusterIP}')).toBe(`LoadBalancer 30080 ${ip}`);
      // The same patch again changes nothing.
      expect(c.run(['-n', 'my-nginx', 'patch', 'svc', 'my-nginx', '-p', '{"spec": {"type": "LoadBalancer"}}']).stdout).toBe('service/my-nginx patched (no change)\n');
    } finally {
      c.cleanup();
    }
  });

  it('keeps the allocated node port of a `create service nodeport` service', () => {
    const { run, cleanup } = freshCluster(work);
    try {
      expect(run(['create', 'namespace', 'my-nginx']).code).toBe(0);
      expect(run(['-n', 'my-nginx', 'create', 'service', 'nodeport', 'my-nginx', '--tcp=80:80']).code).toBe(0);
      const before = run(['-n', 'my-nginx', 'get', 'svc', 'my-nginx', '-o', 'jsonpath={.spec.ports[0].nodePort} {.spec.clusterIP}']).stdout;
      expect(before).toMatch(/^3\d{4} 10\./);
      expect(run(['-n', 'my-nginx', 'patch', 'svc', 'my-nginx', '-p', '{"spec": {"type": "LoadBalancer"}}']).stdout).toBe('service/my-nginx patched\n');
      expect(run(['-n', 'my-nginx', 'get', 'svc', 'my-nginx', '-o', 'jsonpath={.spec.ports[0].nodePort} {.spec.clusterIP}']).stdout).toBe(before);
    } finally {
      cleanup();
    }
  });
});

describe('kubectl patch types', () => {
  it('strategic merge (default) merges containers by name and env by name', () => {
    const c = cluster();
    try {
      const r = c.run(['patch', 'deployment', 'web', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27","env":[{"name":"B","value":"2"}]}]}}}}']);
      expect(r).toEqual({ stdout: 'deployment.apps/web patched\n', stderr: '', code: 0 });
      expect(c.run(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image} {.spec.template.spec.containers[0].env}']).stdout).toBe(
        'nginx:1.27 [{"name":"B","value":"2"},{"name":"A","value":"1"}]',
      );
    } finally {
      c.cleanup();
    }
  });

  it('merge patches replace lists; JSON patches apply operations; YAML patches and patch files work', () => {
    const c = cluster();
    try {
      expect(c.run(['patch', 'deploy', 'web', '--type', 'merge', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.26"}]}}}}']).stdout).toBe(
        'deployment.apps/web patched\n',
      );
      expect(c.run(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].env}']).stdout).toBe('');
      expect(c.run(['patch', 'deploy', 'web', '--type=json', '-p', '[{"op":"replace","path":"/spec/replicas","value":4}]']).stdout).toBe('deployment.apps/web patched\n');
      expect(c.run(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}']).stdout).toBe('4');
      expect(c.run(['-n', 'my-nginx', 'patch', 'svc', 'my-nginx', '--patch-file', 'lb.yaml']).stdout).toBe('service/my-nginx patched\n');
      expect(c.run(['-n', 'my-nginx', 'patch', 'svc', 'my-nginx', '--patch-file', 'lb.json']).stdout).toBe('service/my-nginx patched (no change)\n');
      expect(c.run(['-n', 'my-nginx', 'patch', 'svc/my-nginx', '-p', 'metadata:\n  labels:\n    tier: web']).stdout).toBe('service/my-nginx patched\n');
      expect(c.svc('{.metadata.labels}')).toBe('{"run":"my-nginx","tier":"web"}');
    } finally {
      c.cleanup();
    }
  });

  it('patches the scale subresource', () => {
    const c = cluster();
    try {
      expect(c.run(['patch', 'deployment', 'web', '--subresource=scale', '--type=merge', '-p', '{"spec":{"replicas":3}}'])).toEqual({ stdout: 'scale.autoscaling/web patched\n', stderr: '', code: 0 });
      expect(c.run(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}']).stdout).toBe('3');
    } finally {
      c.cleanup();
    }
  });

  it('patches the object a file names, prints with -o, and drops unknown fields with a warning', () => {
    const c = cluster();
    try {
      expect(c.run(['patch', '-f', 'svc.yaml', '-p', '{"spec":{"sessionAffinity":"ClientIP"}}', '-o', 'jsonpath={.spec.sessionAffinity}']).stdout).toBe('ClientIP');
      expect(c.run(['-n', 'my-nginx', 'patch', 'svc', 'my-nginx', '-p', '{"spec":{"foo":1}}'])).toEqual({
        stdout: 'service/my-nginx patched (no change)\n',
        stderr: 'Warning: unknown field "spec.foo"\n',
        code: 0,
      });
    } finally {
      c.cleanup();
    }
  });

  it('dry runs change nothing; kubectl prints plain "patched" for them', () => {
    const c = cluster();
    try {
      const before = stateBytes(c.dir);
      for (const mode of ['client', 'server']) {
        expect(c.run(['-n', 'my-nginx', 'patch', 'svc', 'my-nginx', '-p', '{"spec":{"type":"LoadBalancer"}}', `--dry-run=${mode}`])).toEqual({
          stdout: 'service/my-nginx patched\n',
          stderr: '',
          code: 0,
        });
      }
      expect(c.run(['-n', 'my-nginx', 'patch', 'svc', 'my-nginx', '-p', '{"spec":{"type":"LoadBalancer"}}', '--dry-run=server', '-o', 'jsonpath={.spec.type}']).stdout).toBe('LoadBalancer');
      expect(stateBytes(c.dir)).toBe(before);
    } finally {
      c.cleanup();
    }
  });
});

describe('kubectl patch errors leave the cluster unchanged', () => {
  it('reports undecodable patch bodies as the API server does', () => {
    const c = cluster();
    try {
      const p = (...args: string[]) => rejected(c, ['-n', 'my-nginx', 'patch', 'svc', 'my-nginx', ...args]).stderr;
      expect(p('-p', '{"spec": {"type": "LoadBalancer"}')).toBe('Error from server (BadRequest): unexpected end of JSON input\n');
      expect(p('-p', "{spec: {type: 'LoadBalancer'}}")).toBe("Error from server (BadRequest): invalid character 's' looking for beginning of object key string\n");
      expect(p('-p', '[1,2]')).toBe('Error from server (BadRequest): json: cannot unmarshal array into Go value of type map[string]interface {}\n');
      expect(p('--type', 'merge', '-p', '"abc"')).toBe('Error from server (BadRequest): error decoding patch: json: cannot unmarshal string into Go value of type map[string]interface {}\n');
      expect(p('--type', 'json', '-p', '{"op":"add"}')).toBe('Error from server (BadRequest): error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp\n');
      expect(p('-p', '{"spec":{"ports":[{"name":"x"}]}}')).toBe('Error from server: map: map[name:x] does not contain declared merge key: port\n');
    } finally {
      c.cleanup();
    }
  });

  it('reports YAML errors, JSON patch failures, NotFound and Invalid', () => {
    const c = cluster();
    try {
      const p = (...args: string[]) => rejected(c, ['-n', 'my-nginx', 'patch', ...args]).stderr;
      expect(p('svc', 'my-nginx', '-p', 'spec: type: x')).toBe('error: unable to parse "spec: type: x": yaml: mapping values are not allowed in this context\n');
      expect(p('svc', 'my-nginx', '--patch-file', 'tab.yaml')).toBe('error: unable to parse "": yaml: line 2: found character that cannot start any token\n');
      expect(p('svc', 'my-nginx', '--type', 'json', '-p', '[{"op":"remove","path":"/spec/nope"}]')).toBe('The request is invalid: the server rejected our request due to an error in our request\n');
      expect(p('svc', 'my-nginx', '--type', 'json', '-p', '[{"op":"test","path":"/spec/type","value":"ClusterIP"}]')).toBe(
        'The request is invalid: the server rejected our request due to an error in our request\n',
      );
      expect(p('svc', 'nope', '-p', '{}')).toBe('Error from server (NotFound): services "nope" not found\n');
      expect(p('svc', 'my-nginx', '-p', '{"spec":{"type":"Foo"}}')).toBe(
        'The Service "my-nginx" is invalid: spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"\n',
      );
      expect(p('svc', 'my-nginx', '-p', '{"spec":{"ports":[{"port":80,"nodePort":40000}]}}')).toBe(
        'The Service "my-nginx" is invalid: spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
      );
    } finally {
      c.cleanup();
    }
  });

  it('rejects bad flags and arguments', () => {
    const c = cluster();
    try {
      const p = (...args: string[]) => rejected(c, ['patch', ...args]).stderr;
      expect(p('svc', 'my-nginx')).toBe('error: must specify --patch or --patch-file containing the contents of the patch\n');
      expect(p('svc', 'my-nginx', '-p', '{}', '--patch-file', 'lb.json')).toBe('error: cannot specify --patch and --patch-file together\n');
      expect(p('svc', 'my-nginx', '-p', '{}', '--type', 'foo')).toBe('error: --type must be one of [json merge strategic], not "foo"\n');
      expect(p('svc', '-p', '{}')).toBe('error: resource(s) were provided, but no name was specified\n');
      expect(p('-p', '{}')).toBe(
        "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
      );
      expect(p('svc', 'my-nginx', '--patch-file', 'missing.json')).toBe('error: unable to read patch file: open missing.json: no such file or directory\n');
    } finally {
      c.cleanup();
    }
  });
});

/** --local cases, compared with the real kubectl byte for byte (offline). */
const ORACLE_CASES: string[][] = [
  ['-p', '{"spec": {"type": "LoadBalancer"}}'],
  ['-p', '{"spec": {"type": "NodePort"}}'],
  ['-p', '{"spec": {"type": "LoadBalancer"}}', '-o', 'yaml'],
  ['-p', '{"spec": {"type": "LoadBalancer"}'],
  ['-p', '{spec: {type: LoadBalancer}}', '-o', 'json'],
  ['-p', 'spec: type: x'],
  ['-p', 'spec:\n\ttype: x'],
  ['-p', '[1,2]'],
  ['-p', 'abc'],
  ['-p', 'a: [1'],
  ['-p', 'a: "x'],
  ['-p', '- a\nb: 1'],
  ['-p', 'a: {b: 1'],
  ['-p', 'a:\n  b: 1\n c: 2'],
  ['-p', 'key: value\n  bad: x'],
  ['-p', '@x'],
  ['-p', ']'],
  ['-p', '  '],
  ['-p', '{}'],
  ['-p', '{"spec":{"ports":[{"port":81}]}}', '-o', 'yaml'],
  ['-p', '{"spec":{"ports":[{"name":"foo"}]}}'],
  ['-p', '{"spec":{"$patch":"bogus"}}'],
  ['-p', '{"metadata":{"labels":{"a":"b"}}}', '--dry-run=client'],
  ['-p', '{"metadata":{"labels":{"a":"b"}}}', '-o', 'name'],
  ['-p', '{"metadata":{"name":"other"}}'],
  ['--type', 'merge', '-p', '{"spec":{"ports":[{"port":81}]}}', '-o', 'json'],
  ['--type', 'merge', '-p', '{"spec": {"type": "LoadBalancer"}'],
  ['--type', 'merge', '-p', 'abc'],
  ['--type', 'merge', '-p', '[1]'],
  ['--type', 'json', '-p', '{"a":1}'],
  ['--type', 'JSON', '-p', '{}'],
  ['--type', 'json', '-p', '[{"op":"replace","path":"/spec/type","value":"LoadBalancer"}]', '-o', 'yaml'],
  ['--type', 'json', '-p', '[{"op":"replace","path":"/spec/foo","value":1}]'],
  ['--type', 'json', '-p', '[{"op":"remove","path":"/spec/foo"}]'],
  ['--type', 'json', '-p', '[{"op":"add","path":"/spec/foo/bar","value":1}]'],
  ['--type', 'json', '-p', '[{"op":"test","path":"/spec/type","value":"x"}]'],
  ['--type', 'json', '-p', '[{"op":"bogus","path":"/spec/type","value":"x"}]'],
  ['--type', 'json', '-p', '[{"op":"replace","path":"/spec/ports/5/port","value":1}]'],
  ['--type', 'json', '-p', '[{"op":"add","path":"/spec/ports/5","value":1}]'],
  ['--type', 'json', '-p', '[{"path":"/spec/x"}]'],
  ['--type', 'json', '-p', '[{"op":"move","from":"/spec/nope","path":"/spec/x"}]'],
  ['--type', 'json', '-p', '[{"op":"copy","from":"/spec/type","path":"/spec/t2"}]', '-o', 'json'],
  ['--type', 'json', '-p', '[{"op":"add","path":"/spec/ports/-","value":{"port":81}}]', '-o', 'yaml'],
  ['--type', 'json', '-p', '[{"op":"remove","path":"/spec/ports/0"}]', '-o', 'yaml'],
  ['--type', 'json', '-p', '[{"op":"replace","value":1}]'],
  ['--type', 'json', '-p', '[{"op":1}]'],
  ['--type', 'json', '-p', '{"op":1'],
  ['--type', 'json', '-p', 'op: x'],
  ['--type', 'foo', '-p', '{}'],
  [],
  ['-p', '{}', '--patch-file', 'x'],
  ['--patch-file', 'nope.json'],
  ['--patch-file', 'lb.json'],
  ['--patch-file', 'lb.yaml', '-o', 'jsonpath={.spec.type}'],
  ['--patch-file', 'tab.yaml'],
  ['-p', '{}', '--dry-run=server'],
];

if (HAS_KUBECTL) {
  describe('kubectl patch --local matches the real kubectl', () => {
    for (const args of ORACLE_CASES) {
      it(`patch --local -f local-svc.yaml ${args.join(' ')}`, () => expectSameAsKubectl(['patch', '--local', '-f', 'local-svc.yaml', ...args], work));
    }
  });
}
