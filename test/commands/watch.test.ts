import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli, startCli, tempStateDir, until as untilHolds } from '../helpers/cli.js';
import { diffObjects, GrowingTable } from '../../src/commands/watch.js';
import type { KubeObject } from '../../src/api/types.js';

/**
 * `kubectl get -w` through the built CLI, with a frozen clock: the watcher re-reads the state while
 * other commands (run here one after the other) change it. KUBESIM_WATCH_EXIT_AFTER_MS ends a watch
 * the way a server closing it would (exit 0); Ctrl-C ends it as kubectl's interrupt handler does (1).
 */

// CLI processes are slow when the machine is busy.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let dir: string;
let cleanup: () => void;
const k = (...args: string[]) => runCli(args, { stateDir: dir });

beforeEach(() => {
  ({ dir, cleanup } = tempStateDir());
});
afterEach(() => cleanup());

/** A watcher in the background. */
function watch(args: string[], ms = 8000) {
  return startCli(args, { stateDir: dir, env: { KUBESIM_WATCH_EXIT_AFTER_MS: String(ms) } });
}

const until = (pred: () => boolean, ms = 10_000) => untilHolds(pred, ms, 40);

const LONG = 'a-very-long-pod-name-for-widths';

describe('kubectl get -w', () => {
  it('prints the table, then one row per change; widths only grow and no header comes again', async () => {
    expect(k('create', 'deployment', 'web', '--image=nginx', '--replicas=2').code).toBe(0);
    const table = k('get', 'pods').stdout;
    const w = watch(['get', 'pods', '-w']);
    await until(() => w.out() === table);
    expect(k('run', LONG, '--image=nginx').code).toBe(0);
    await until(() => w.out().includes(LONG));
    expect(k('delete', 'pod', LONG).code).toBe(0);
    expect(await w.done).toEqual({
      stdout:
        table +
        `${LONG}   1/1     Running   0          0s\n` +
        // A deleted pod's last state is Terminating; its STATUS cell widens that column from here on.
        `${LONG}   1/1     Terminating   0          0s\n`,
      stderr: '',
      code: 0,
    });
  }, 30_000);

  it('adds the EVENT column with --output-watch-events', async () => {
    expect(k('create', 'deployment', 'web', '--image=nginx', '--replicas=2').code).toBe(0);
    const w = watch(['get', 'deploy', '-w', '--output-watch-events']);
    await until(() => w.out().includes('ADDED'));
    expect(k('scale', 'deployment', 'web', '--replicas=3').code).toBe(0);
    await until(() => w.out().includes('MODIFIED'));
    expect(k('delete', 'deployment', 'web').code).toBe(0);
    expect(await w.done).toEqual({
      stdout:
        'EVENT      NAME   READY   UP-TO-DATE   AVAILABLE   AGE\n' +
        'ADDED      web    2/2     2            2           0s\n' +
        'MODIFIED   web    3/3     3            3           0s\n' +
        'DELETED    web    3/3     3            3           0s\n',
      stderr: '',
      code: 0,
    });
  }, 30_000);

  it('prints nothing for an empty list; the first change brings the header (also with --watch-only)', async () => {
    const w = watch(['get', 'pods', '-w']);
    const only = watch(['get', 'pods', '--watch-only', '-n', 'default']);
    await new Promise((r) => setTimeout(r, 1500));
    expect(w.out()).toBe('');
    expect(k('run', 'p', '--image=nginx').code).toBe(0);
    const expected = 'NAME   READY   STATUS    RESTARTS   AGE\np      1/1     Running   0          0s\n';
    expect(await w.done).toEqual({ stdout: expected, stderr: '', code: 0 });
    expect(await only.done).toEqual({ stdout: expected, stderr: '', code: 0 });
  }, 30_000);

  it('--watch-only leaves out what exists; -A adds the NAMESPACE column', async () => {
    expect(k('run', 'old', '--image=nginx').code).toBe(0);
    const w = watch(['get', 'pods', '-A', '--watch-only']);
    await new Promise((r) => setTimeout(r, 1500));
    expect(k('create', 'namespace', 'dev').code).toBe(0);
    expect(k('run', 'new', '--image=nginx', '-n', 'dev').code).toBe(0);
    expect(await w.done).toEqual({ stdout: 'NAMESPACE   NAME   READY   STATUS    RESTARTS   AGE\ndev         new    1/1     Running   0          0s\n', stderr: '', code: 0 });
  }, 30_000);

  it('watches one named object in the -o name form', async () => {
    expect(k('run', 'one', '--image=nginx').code).toBe(0);
    const w = watch(['get', 'pod', 'one', '-w', '-o', 'name']);
    await until(() => w.out() === 'pod/one\n');
    expect(k('label', 'pod', 'one', 'x=y').code).toBe(0);
    await until(() => w.out() === 'pod/one\npod/one\n');
    expect(k('run', 'other', '--image=nginx').code).toBe(0);
    expect(k('delete', 'pod', 'one').code).toBe(0);
    expect(await w.done).toEqual({ stdout: 'pod/one\npod/one\npod/one\n', stderr: '', code: 0 });
  }, 30_000);

  it('prints watch events as compact JSON and objects as YAML documents', async () => {
    expect(k('run', 'a', '--image=nginx').code).toBe(0);
    expect(k('run', 'b', '--image=nginx').code).toBe(0);
    const json = watch(['get', 'pods', '-w', '-o', 'json', '--output-watch-events'], 1500);
    const yaml = watch(['get', 'pods', '-w', '-o', 'yaml'], 1500);
    const j = await json.done;
    const lines = j.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => l.startsWith('{"type":"ADDED","object":{"apiVersion":"v1","kind":"Pod","metadata":{'))).toBe(true);
    expect(lines.map((l) => (JSON.parse(l) as { object: KubeObject }).object.metadata.name)).toEqual(['a', 'b']);
    const y = await yaml.done;
    expect(y.stdout.split('\n---\n')).toHaveLength(2);
    expect(y.stdout.startsWith('apiVersion: v1\nkind: Pod\n')).toBe(true);
    expect(y.stdout).toContain('\n---\napiVersion: v1\nkind: Pod\n');
  }, 30_000);

  it('refuses what kubectl cannot watch', () => {
    expect(k('get', 'pods,svc', '-w')).toEqual({ stdout: '', stderr: 'error: watch is only supported on individual resources and resource collections - more than 1 resource was found\n', code: 1 });
    expect(k('get', 'pod', 'nope', '-w')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', code: 1 });
  });

  it('exits 1 on Ctrl-C without leaving the lock behind', async () => {
    expect(k('run', 'p', '--image=nginx').code).toBe(0);
    const w = watch(['get', 'pods', '-w'], 60_000);
    await until(() => w.out().includes('Running'));
    w.child.kill('SIGINT');
    const r = await w.done;
    expect([r.code, r.stderr]).toEqual([1, '']);
    expect(existsSync(join(dir, 'cluster.json.lock'))).toBe(false);
  }, 30_000);
});

describe('watch internals', () => {
  it('lets column widths grow but never shrink across prints', () => {
    const t = new GrowingTable();
    expect(t.format([['NAME', 'AGE'], ['ab', '1s']])).toBe('NAME   AGE\nab     1s\n');
    expect(t.format([['a-long-name', '2s']])).toBe('a-long-name   2s\n');
    expect(t.format([['x', '3s']])).toBe('x             3s\n');
  });

  it('turns two looks into ADDED and MODIFIED in resourceVersion order, then DELETED', () => {
    const o = (name: string, uid: string, rv: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, uid, resourceVersion: rv } });
    const before = new Map([
      ['1', o('a', '1', '5')],
      ['2', o('b', '2', '6')],
      ['3', o('c', '3', '7')],
    ]);
    const events = diffObjects(before, [o('a', '1', '9'), o('b', '2', '6'), o('d', '4', '8')], '2025-01-01T00:00:00Z');
    expect(events.map((e) => [e.type, e.obj.metadata.name])).toEqual([
      ['ADDED', 'd'],
      ['MODIFIED', 'a'],
      ['DELETED', 'c'],
    ]);
  });
});
