import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, stateBytes, tempStateDir } from '../helpers/cli.js';

/** `kubectl replace -f` and `replace --force`, through the built CLI. */

const work = mkdtempSync(join(tmpdir(), 'kubesim-replace-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const configMap = (data: string, extraMeta = '') => `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings${extraMeta}
data:
${data}
`;

const deployment = (replicas: number, image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: ${image}
`;

describe('kubectl replace', () => {
  let state: { dir: string; cleanup: () => void };
  const k = (...args: string[]) => runCli(args, { stateDir: state.dir, cwd: work });
  beforeAll(() => {
    state = tempStateDir();
    // Boot the cluster first, so that the state-unchanged checks compare two existing files.
    runCli(['get', 'ns'], { stateDir: state.dir, cwd: work });
    writeFileSync(join(work, 'cm.yaml'), configMap('  mode: dev'));
    writeFileSync(join(work, 'cm2.yaml'), configMap('  mode: prod'));
    writeFileSync(join(work, 'deploy.yaml'), deployment(1, 'nginx:1.25'));
    writeFileSync(join(work, 'deploy2.yaml'), deployment(3, 'nginx:1.27'));
  });
  afterAll(() => state.cleanup());

  it('refuses to replace what does not exist, naming the file', () => {
    const before = stateBytes(state.dir);
    const r = k('replace', '-f', 'cm.yaml');
    expect(r).toEqual({ stdout: '', stderr: 'Error from server (NotFound): error when replacing "cm.yaml": configmaps "settings" not found\n', code: 1 });
    expect(stateBytes(state.dir)).toBe(before);
  });

  it('replaces an existing object and prints `kind/name replaced`', () => {
    expect(k('create', '-f', 'cm.yaml').stdout).toBe('configmap/settings created\n');
    const r = k('replace', '-f', 'cm2.yaml');
    expect({ stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual({ stdout: 'configmap/settings replaced\n', stderr: '', code: 0 });
    expect(k('get', 'cm', 'settings', '-o', 'jsonpath={.data.mode}').stdout).toBe('prod');
  });

  it('updates a deployment’s spec in place, keeping its uid', () => {
    k('create', '-f', 'deploy.yaml');
    const uid = k('get', 'deploy', 'web', '-o', 'jsonpath={.metadata.uid}').stdout;
    expect(k('replace', '-f', 'deploy2.yaml').stdout).toBe('deployment.apps/web replaced\n');
    const after = k('get', 'deploy', 'web', '-o', 'jsonpath={.metadata.uid} {.spec.replicas} {.spec.template.spec.containers[0].image}').stdout;
    expect(after).toBe(`${uid} 3 nginx:1.27`);
  });

  it('rejects a stale resourceVersion with Conflict and changes nothing', () => {
    writeFileSync(join(work, 'stale.yaml'), configMap('  mode: stale', '\n  resourceVersion: "1"'));
    const before = stateBytes(state.dir);
    const r = k('replace', '-f', 'stale.yaml');
    expect(r.stderr).toBe(
      'Error from server (Conflict): error when replacing "stale.yaml": Operation cannot be fulfilled on configmaps "settings": the object has been modified; please apply your changes to the latest version and try again\n',
    );
    expect(r.code).toBe(1);
    expect(stateBytes(state.dir)).toBe(before);
  });

  it('accepts the live resourceVersion (the get -o yaml | edit | replace round trip)', () => {
    const live = k('get', 'cm', 'settings', '-o', 'yaml').stdout;
    writeFileSync(join(work, 'live.yaml'), live.replace('mode: prod', 'mode: edited'));
    expect(k('replace', '-f', 'live.yaml').stdout).toBe('configmap/settings replaced\n');
    expect(k('get', 'cm', 'settings', '-o', 'jsonpath={.data.mode}').stdout).toBe('edited');
  });

  it('prints without changing anything for a client dry run', () => {
    const before = stateBytes(state.dir);
    expect(k('replace', '-f', 'cm.yaml', '--dry-run=client').stdout).toBe('configmap/settings replaced (dry run)\n');
    expect(k('replace', '-f', 'cm.yaml', '--dry-run=client', '-o', 'name').stdout).toBe('configmap/settings\n');
    expect(k('replace', '-f', 'cm.yaml', '--dry-run=server').stdout).toBe('configmap/settings replaced (server dry run)\n');
    expect(stateBytes(state.dir)).toBe(before);
  });

  it('writes the last-applied annotation with --save-config', () => {
    expect(k('replace', '-f', 'cm.yaml', '--save-config').stdout).toBe('configmap/settings replaced\n');
    const ann = k('get', 'cm', 'settings', '-o', 'jsonpath={.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}').stdout;
    expect(ann).toBe('{"apiVersion":"v1","data":{"mode":"dev"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"settings","namespace":"default"}}\n');
  });

  it('deletes and recreates with --force', () => {
    const uid = k('get', 'deploy', 'web', '-o', 'jsonpath={.metadata.uid}').stdout;
    const r = k('replace', '--force', '-f', 'deploy.yaml');
    expect({ stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual({ stdout: 'deployment.apps "web" deleted\ndeployment.apps/web replaced\n', stderr: '', code: 0 });
    const after = k('get', 'deploy', 'web', '-o', 'jsonpath={.metadata.uid} {.spec.replicas}').stdout;
    expect(after).not.toBe(`${uid} 1`);
    expect(after.endsWith(' 1')).toBe(true);
  });

  it('with --force creates an object that did not exist, without a delete line', () => {
    writeFileSync(join(work, 'new.yaml'), 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: fresh\n');
    expect(k('replace', '--force', '-f', 'new.yaml').stdout).toBe('serviceaccount/fresh replaced\n');
  });

  const usage: Array<[string[], string]> = [
    [['replace'], 'error: must specify one of -f and -k\n'],
    [['replace', '-f', 'cm.yaml', '--force', '--dry-run=client'], 'error: --dry-run can not be used when --force is set\n'],
    [['replace', '-f', 'cm.yaml', '--grace-period=5'], 'error: --grace-period must have --force specified\n'],
    [['replace', '-f', 'cm.yaml', '--timeout=5s'], 'error: --timeout must have --force specified\n'],
    [['replace', '-f', 'missing.yaml'], 'error: the path "missing.yaml" does not exist\n'],
  ];
  for (const [args, stderr] of usage) {
    it(`kubectl ${args.join(' ')} is refused`, () => {
      const before = stateBytes(state.dir);
      const r = k(...args);
      expect(r).toEqual({ stdout: '', stderr, code: 1 });
      expect(stateBytes(state.dir)).toBe(before);
    });
  }
});
