import { describe, expect, it } from 'vitest';
import { runCli, stateBytes } from '../helpers/cli.js';
import { DEPLOY_MY_NGINX as DEPLOY, stateDirs, suiteOracleHome, workDir } from '../helpers/fixtures.js';
import { HAS_KUBECTL, runOracle } from '../helpers/kubectl-oracle.js';
import type { KubeObject } from '../../src/api/types.js';

/**
 * `kubectl scale`: the builder's errors and client dry runs (checked against a real kubectl on
 * manifests), then scaling on the simulated cluster, where the controllers follow the new size.
 */

const work = workDir('scale', {
  'deploy.yaml': DEPLOY,
  'api.yaml': DEPLOY.replace(/my-nginx/g, 'api').replace('app: web', 'app: api'),
  'other-ns.yaml': DEPLOY.replace('  name: my-nginx\n', '  name: my-nginx\n  namespace: other\n'),
  'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n',
});
const freshDir = stateDirs();

const sim = (args: string[], dir = freshDir()) => runCli(args, { stateDir: dir, cwd: work });
const json = (args: string[], dir: string) => JSON.parse(sim([...args, '-o', 'json'], dir).stdout);

/** A cluster running the my-nginx (2 replicas) and api (2 replicas) deployments. */
function withDeployments(): string {
  const dir = freshDir();
  expect(sim(['apply', '-f', 'deploy.yaml', '-f', 'api.yaml'], dir).code).toBe(0);
  return dir;
}

const NO_RESOURCES = "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n";

describe('scale: client-side checks (literal kubectl 1.32 output)', () => {
  it('a client dry run prints the object as found, without the new size (kubectl 1.32)', () => {
    const r = sim(['scale', '-f', 'deploy.yaml', '--replicas=5', '--dry-run=client', '-o', 'yaml']);
    expect(r.stdout).toContain('  namespace: default\n');
    expect(r.stdout).toContain('  replicas: 2\n');
    expect(sim(['scale', '-f', 'deploy.yaml', '--replicas=5', '--dry-run=client']).stdout).toBe('deployment.apps/my-nginx scaled (dry run)\n');
  });

  it.each([
    [['scale', 'deploy', 'x'], 'error: required flag(s) "replicas" not set\n'],
    [['scale', 'deploy', 'x', '--replicas=-1'], 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n'],
    [['scale', 'deploy', 'x', '--replicas=1', '--current-replicas=-2'], 'error: The --current-replicas must specify an integer of -1 or greater\n'],
    [['scale', '--replicas=1'], NO_RESOURCES],
    [['scale', 'deploy', '--replicas=1'], 'error: resource(s) were provided, but no name was specified\n'],
    [['scale', 'deploy', 'x', '-l', 'a=b', '--replicas=1'], 'error: name cannot be provided when a selector is specified\n'],
    [['scale', '-f', 'deploy.yaml', '-f', 'deploy.yaml', '--replicas=1', '--resource-version=5', '--dry-run=client'], 'error: cannot use --resource-version with multiple resources\n'],
    [['scale', '-f', 'deploy.yaml', '-l', 'foo=bar', '--replicas=1', '--dry-run=client'], 'error: no objects passed to scale\n'],
  ])('kubectl %j', (args, stderr) => {
    expect(sim(args)).toEqual({ code: 1, stdout: '', stderr });
  });
});

describe.runIf(HAS_KUBECTL)('scale -f --dry-run=client matches the real kubectl', () => {
  const oracle = suiteOracleHome();
  for (const args of [
    ['scale', '-f', 'deploy.yaml', '--replicas=3', '--dry-run=client'],
    ['scale', '-f', 'deploy.yaml', '--replicas=3', '--dry-run=client', '-o', 'yaml'],
    ['scale', '-f', 'deploy.yaml', '--replicas=3', '--dry-run=client', '-o', 'json'],
    ['scale', '-f', 'deploy.yaml', '-f', 'api.yaml', '--replicas=3', '--dry-run=client', '-o', 'yaml'],
    ['scale', '-f', 'deploy.yaml', '-f', 'api.yaml', '--replicas=3', '--dry-run=client', '-o', 'name'],
    ['scale', '-f', 'deploy.yaml', '-f', 'api.yaml', '-l', 'app=api', '--replicas=3', '--dry-run=client'],
    ['scale', '-f', 'deploy.yaml', '-n', 'foo', '--replicas=3', '--dry-run=client', '-o', 'yaml'],
    ['scale', '-f', 'other-ns.yaml', '-n', 'foo', '--replicas=3', '--dry-run=client'],
    ['scale', '-f', 'other-ns.yaml', '-f', 'deploy.yaml', '-n', 'foo', '--replicas=3', '--dry-run=client'],
    ['scale', '-f', 'deploy.yaml', '--replicas=1', '--dry-run=client', '--resource-version=5', '--current-replicas=7'],
    ['scale', '-f', 'deploy.yaml', '--replicas=1', '--dry-run=client', '--record'],
    ['scale', '-f', 'deploy.yaml', '-l', 'foo=bar', '--replicas=1', '--dry-run=client'],
    ['scale', '-f', 'cm.yaml', '--replicas=1', '--dry-run=client'],
    ['scale', 'deploy', 'x', '--replicas=-1'],
    ['scale', '--replicas=1'],
    ['scale', 'deploy', '--replicas=1'],
    ['scale', 'deploy', 'x', '-l', 'a=b', '--replicas=2'],
  ]) {
    it(`kubectl ${args.join(' ')}`, () => {
      expect(sim(args)).toEqual(runOracle(args, { home: oracle.home, cwd: work }));
    });
  }
});

describe('scale against the cluster', () => {
  it('0 then 2: new pod names and new IPs under the same template hash, the endpoints follow', () => {
    const dir = withDeployments();
    sim(['expose', 'deploy', 'my-nginx'], dir);
    const before = json(['get', 'pods', '-l', 'run=my-nginx'], dir).items as KubeObject[];
    expect(sim(['scale', 'deployment', 'my-nginx', '--replicas=0'], dir)).toEqual({ code: 0, stdout: 'deployment.apps/my-nginx scaled\n', stderr: '' });
    expect(json(['get', 'pods', '-l', 'run=my-nginx'], dir).items).toEqual([]);
    expect(sim(['scale', 'deployment', 'my-nginx', '--replicas=2'], dir).stdout).toBe('deployment.apps/my-nginx scaled\n');
    const after = json(['get', 'pods', '-l', 'run=my-nginx'], dir).items as KubeObject[];
    const hash = (p: KubeObject) => p.metadata.labels!['pod-template-hash'];
    expect(after).toHaveLength(2);
    expect(new Set(after.map(hash))).toEqual(new Set(before.map(hash)));
    expect(after.map((p) => p.metadata.name).filter((n) => before.some((b) => b.metadata.name === n))).toEqual([]);
    expect(after.map((p) => p.status.podIP).filter((ip) => before.some((b) => b.status.podIP === ip))).toEqual([]);
    expect(new Set(after.map((p) => p.spec.nodeName)).size).toBe(2);
    const ep = json(['get', 'ep', 'my-nginx'], dir).subsets[0].addresses.map((a: { ip: string }) => a.ip).sort();
    expect(ep).toEqual(after.map((p) => p.status.podIP).sort());
  });

  it('scales several objects, by name, by label and with --all', () => {
    const dir = withDeployments();
    expect(sim(['scale', 'deploy/my-nginx', 'deploy/api', '--replicas=3'], dir).stdout).toBe('deployment.apps/my-nginx scaled\ndeployment.apps/api scaled\n');
    expect(sim(['scale', 'deploy', '-l', 'app=api', '--replicas=1'], dir).stdout).toBe('deployment.apps/api scaled\n');
    expect(sim(['get', 'deploy', '-o', 'jsonpath={range .items[*]}{.metadata.name}={.spec.replicas} {end}'], dir).stdout).toBe('api=1 my-nginx=3 ');
    expect(sim(['scale', 'deploy', '--all', '--replicas=0'], dir).stdout).toBe('deployment.apps/api scaled\ndeployment.apps/my-nginx scaled\n');
    expect(json(['get', 'pods'], dir).items).toEqual([]);
  });

  it('honours --current-replicas and --resource-version, and -o prints the object as it was found', () => {
    const dir = withDeployments();
    const rv = json(['get', 'deploy', 'api'], dir).metadata.resourceVersion;
    const r = sim(['scale', 'deploy', 'api', '--current-replicas=2', `--resource-version=${rv}`, '--replicas=4', '-o', 'jsonpath={.spec.replicas}'], dir);
    expect(r).toEqual({ code: 0, stdout: '2', stderr: '' });
    expect(json(['get', 'deploy', 'api'], dir).spec.replicas).toBe(4);
  });

  it('--timeout waits for the controllers (at once, with a frozen clock)', () => {
    const dir = withDeployments();
    expect(sim(['scale', 'deploy', 'api', '--replicas=3', '--timeout=30s'], dir).stdout).toBe('deployment.apps/api scaled\n');
    expect(json(['get', 'deploy', 'api'], dir).status.replicas).toBe(3);
  });

  it('scales a replica set; --dry-run=server changes nothing', () => {
    const dir = withDeployments();
    const rs = sim(['get', 'rs', '-l', 'run=api', '-o', 'name'], dir).stdout.trim();
    const before = stateBytes(dir);
    expect(sim(['scale', rs, '--replicas=5', '--dry-run=server'], dir).stdout).toBe(`${rs} scaled (server dry run)\n`);
    expect(stateBytes(dir)).toBe(before);
  });

  it.each([
    [['scale', 'deploy', 'api', '--current-replicas=3', '--replicas=1'], 'error: Expected replicas to be 3, was 2\n'],
    [['scale', 'deploy', 'api', '--resource-version=1', '--replicas=1'], /^error: Expected resource version to be 1, was \d+\n$/],
    [['scale', 'deploy', 'nope', '--replicas=1'], 'error: no objects passed to scale deployments.apps "nope" not found\n'],
    [['scale', 'deploy', 'nope', 'gone', '--replicas=1'], 'error: no objects passed to scale [deployments.apps "nope" not found, deployments.apps "gone" not found]\n'],
    [['scale', 'statefulset', 'web', '--replicas=1'], 'error: no objects passed to scale statefulsets.apps "web" not found\n'],
    [['scale', 'deploy', '-l', 'app=none', '--replicas=1'], 'error: no objects passed to scale\n'],
    [['scale', 'svc', 'kubernetes', '--replicas=1'], 'error: could not find scale subresource for /v1, Resource=services in discovery information\n'],
    [['scale', 'foo', 'x', '--replicas=1'], 'error: the server doesn\'t have a resource type "foo"\n'],
  ])('kubectl %j is refused and changes nothing', (args, stderr) => {
    const dir = withDeployments();
    const before = stateBytes(dir);
    const r = sim(args, dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    if (typeof stderr === 'string') expect(r.stderr).toBe(stderr);
    else expect(r.stderr).toMatch(stderr);
    expect(stateBytes(dir)).toBe(before);
  });

  it('a missing object among found ones: the found ones are scaled, the miss is reported', () => {
    const dir = withDeployments();
    expect(sim(['scale', 'deploy', 'api', 'nope', '--replicas=1'], dir)).toEqual({
      code: 1,
      stdout: 'deployment.apps/api scaled\n',
      stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n',
    });
    expect(json(['get', 'deploy', 'api'], dir).spec.replicas).toBe(1);
  });
});
