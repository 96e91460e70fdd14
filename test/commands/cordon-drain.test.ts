import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli, stateBytes, tempStateDir } from '../helpers/cli.js';
import { drainErrors, drainWarnings, podsForDeletion, podVerdict, type DrainOptions } from '../../src/commands/drain.js';
import type { KubeObject } from '../../src/api/types.js';

/**
 * `kubectl cordon`, `uncordon` and `drain`: kubectl 1.32's messages (pkg/cmd/drain, pkg/drain), the
 * state they leave, and the drain filters as a unit table. With a frozen clock an evicted pod is gone
 * at once and its ReplicaSet's replacement lands on a schedulable node.
 */

// CLI processes are slow when the machine is busy.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const REAL = '/usr/bin/kubectl';
const W1 = 'kubesim-worker';

let dir: string;
let cleanup: () => void;
const k = (...args: string[]) => runCli(args, { stateDir: dir });

interface PodInfo {
  namespace: string;
  name: string;
  node: string;
  owner?: string;
}

function pods(): PodInfo[] {
  const list = JSON.parse(k('get', 'pods', '-A', '-o', 'json').stdout) as { items: KubeObject[] };
  return list.items.map((p) => ({ namespace: p.metadata.namespace!, name: p.metadata.name, node: p.spec.nodeName, owner: p.metadata.ownerReferences?.[0]?.kind }));
}

const onNode = (node: string, filter: (p: PodInfo) => boolean = () => true) => pods().filter((p) => p.node === node && filter(p));
const daemonPods = (node: string) => onNode(node, (p) => p.owner === 'DaemonSet').map((p) => `${p.namespace}/${p.name}`).join(', ');
const unschedulable = (node: string) => (JSON.parse(k('get', 'node', node, '-o', 'json').stdout) as KubeObject).spec.unschedulable;

beforeEach(() => {
  ({ dir, cleanup } = tempStateDir());
  expect(k('create', 'deployment', 'web', '--image=nginx', '--replicas=2').code).toBe(0);
});
afterEach(() => cleanup());

describe('cordon / uncordon', () => {
  it('marks nodes and says when there was nothing to do', () => {
    expect(k('cordon', W1)).toEqual({ stdout: `node/${W1} cordoned\n`, stderr: '', code: 0 });
    expect(unschedulable(W1)).toBe(true);
    expect(k('get', 'nodes').stdout).toContain(`${W1}          Ready,SchedulingDisabled   <none>`);
    expect(k('cordon', `node/${W1}`)).toEqual({ stdout: `node/${W1} already cordoned\n`, stderr: '', code: 0 });
    expect(k('uncordon', W1)).toEqual({ stdout: `node/${W1} uncordoned\n`, stderr: '', code: 0 });
    // kubectl's two-way merge patch of an omitempty bool removes the field.
    expect(unschedulable(W1)).toBeUndefined();
    expect(k('uncordon', W1)).toEqual({ stdout: `node/${W1} already uncordoned\n`, stderr: '', code: 0 });
  });

  it('selects nodes by label', () => {
    expect(k('cordon', '-l', 'kubernetes.io/hostname=kubesim-worker2')).toEqual({ stdout: 'node/kubesim-worker2 cordoned\n', stderr: '', code: 0 });
    expect(k('cordon', '-l', 'kubernetes.io/os=linux').stdout).toBe('node/kubesim-control-plane cordoned\nnode/kubesim-worker cordoned\nnode/kubesim-worker2 already cordoned\n');
  });

  it('leaves the state alone on dry runs and refusals', () => {
    const before = stateBytes(dir);
    expect(k('cordon', W1, '--dry-run=client')).toEqual({ stdout: `node/${W1} cordoned (dry run)\n`, stderr: '', code: 0 });
    expect(k('cordon', W1, '--dry-run=server')).toEqual({ stdout: `node/${W1} cordoned (server dry run)\n`, stderr: '', code: 0 });
    expect(k('cordon', 'nope')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): nodes "nope" not found\n', code: 1 });
    // The missing node stops the command before the first one is touched.
    expect(k('cordon', W1, 'nope').code).toBe(1);
    expect(k('cordon')).toEqual({ stdout: '', stderr: "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n", code: 1 });
    expect(k('uncordon', W1, '-l', 'a=b')).toEqual({ stdout: '', stderr: "error: cannot specify both a node name and a --selector option\nSee 'kubectl uncordon -h' for help and examples\n", code: 1 });
    expect(stateBytes(dir)).toBe(before);
  });

  it.runIf(existsSync(REAL))('words usage errors as kubectl 1.32.4', () => {
    for (const args of [['cordon'], ['uncordon'], ['drain'], ['cordon', 'a', '-l', 'x=y'], ['drain', 'a', '-l', 'x=y']]) {
      const real = spawnSync(REAL, args, { env: { ...process.env, KUBECONFIG: '/nonexistent' }, encoding: 'utf8' });
      expect(k(...args)).toEqual({ stdout: real.stdout, stderr: real.stderr, code: real.status });
    }
  });
});

describe('drain', () => {
  it('refuses DaemonSet-managed and unmanaged pods with kubectl 1.32 texts, after cordoning', () => {
    expect(k('run', 'solo', '--image=nginx').code).toBe(0);
    const ds = daemonPods(W1);
    const r = k('drain', W1);
    expect(r.stdout).toBe(`node/${W1} cordoned\n`);
    // "cannot delete cannot delete Pods…" is kubectl's own doubled wording.
    const errs = [`cannot delete cannot delete Pods that declare no controller (use --force to override): default/solo`, `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${ds}`];
    expect(r.stderr).toBe(
      `error: unable to drain node "${W1}" due to error: [${errs.join(', ')}], continuing command...\n` + `There are pending nodes to be drained:\n ${W1}\n` + errs.map((e) => `${e}\n`).join(''),
    );
    expect(r.code).toBe(1);
    expect(unschedulable(W1)).toBe(true);
    expect(onNode(W1, (p) => p.name === 'solo')).toHaveLength(1);
  });

  it('prints a single refusal without brackets', () => {
    const ds = daemonPods(W1);
    expect(k('drain', W1)).toEqual({
      stdout: `node/${W1} cordoned\n`,
      stderr: `error: unable to drain node "${W1}" due to error: cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${ds}, continuing command...\nThere are pending nodes to be drained:\n ${W1}\ncannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${ds}\n`,
      code: 1,
    });
  });

  it('evicts the pods, warns about what it leaves, and the ReplicaSet replaces them elsewhere', () => {
    expect(k('run', 'solo', '--image=nginx').code).toBe(0);
    const ds = daemonPods(W1);
    const victims = onNode(W1, (p) => p.owner !== 'DaemonSet').map((p) => p.name);
    expect(victims).toHaveLength(2);
    const r = k('drain', W1, '--ignore-daemonsets', '--force');
    expect(r).toEqual({
      stdout: `node/${W1} cordoned\n` + victims.map((v) => `evicting pod default/${v}\n`).join('') + victims.map((v) => `pod/${v} evicted\n`).join('') + `node/${W1} drained\n`,
      stderr: `Warning: deleting Pods that declare no controller: default/solo; ignoring DaemonSet-managed Pods: ${ds}\n`,
      code: 0,
    });
    expect(onNode(W1, (p) => p.owner !== 'DaemonSet')).toEqual([]);
    const web = pods().filter((p) => p.name.startsWith('web-'));
    expect(web).toHaveLength(2);
    expect(web.every((p) => p.node === 'kubesim-worker2')).toBe(true);
    expect(pods().some((p) => p.name === 'solo')).toBe(false);
  });

  it('prints what it would evict on a client dry run and changes nothing', () => {
    const before = stateBytes(dir);
    const victim = onNode(W1, (p) => p.owner === 'ReplicaSet')[0].name;
    expect(k('drain', W1, '--ignore-daemonsets', '--dry-run=client')).toEqual({
      stdout: `node/${W1} cordoned (dry run)\nevicting pod default/${victim} (dry run)\nnode/${W1} drained (dry run)\n`,
      stderr: `Warning: ignoring DaemonSet-managed Pods: ${daemonPods(W1)}\n`,
      code: 0,
    });
    expect(stateBytes(dir)).toBe(before);
  });

  it('deletes instead of evicting with --disable-eviction, and filters with --pod-selector', () => {
    const victim = onNode(W1, (p) => p.owner === 'ReplicaSet')[0].name;
    // The pod selector narrows the listing itself, so the DaemonSet pods are not even looked at.
    expect(k('drain', W1, '--disable-eviction', '--pod-selector', 'app=web')).toEqual({
      stdout: `node/${W1} cordoned\npod/${victim} deleted\nnode/${W1} drained\n`,
      stderr: '',
      code: 0,
    });
    expect(k('drain', W1, '--pod-selector', 'a in (')).toEqual({ stdout: '', stderr: 'error: --pod-selector=<pod_selector> must be a valid label selector\n', code: 1 });
  });

  it('leaves the static pods of the control plane alone', () => {
    const r = k('drain', 'kubesim-control-plane', '--ignore-daemonsets');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/etcd|kube-apiserver|kube-scheduler|kube-controller-manager/);
    expect(r.stdout).toMatch(/evicting pod kube-system\/coredns-/);
    expect(onNode('kubesim-control-plane', (p) => p.owner === 'Node').length).toBe(4);
  });
});

describe('drain filters', () => {
  const opts = (o: Partial<DrainOptions> = {}): DrainOptions => ({ force: false, ignoreDaemonSets: false, deleteEmptyDirData: false, podSelector: [], skipWaitForDeleteTimeoutSeconds: 0, now: '2025-01-01T00:10:00Z', ...o });
  const ds: KubeObject = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'kube-system' } };
  const snap = (objs: KubeObject[]) => ({
    get: (kind: string, ns: string, name: string) => objs.find((o) => o.kind === kind && (o.metadata.namespace ?? '') === ns && o.metadata.name === name),
    list: (kind: string) => objs.filter((o) => o.kind === kind),
  });
  const pod = (name: string, extra: { owner?: string; phase?: string; emptyDir?: boolean; annotations?: Record<string, string>; deletedAt?: string; ns?: string } = {}): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: extra.ns ?? 'default',
      annotations: extra.annotations,
      deletionTimestamp: extra.deletedAt,
      ownerReferences: extra.owner ? [{ apiVersion: 'v1', kind: extra.owner, name: extra.owner === 'DaemonSet' ? 'agent' : 'x', uid: 'u', controller: true }] : undefined,
    },
    spec: { nodeName: 'n1', volumes: extra.emptyDir ? [{ name: 'scratch', emptyDir: {} }] : [] },
    status: { phase: extra.phase ?? 'Running' },
  });

  it('decides like kubectl, the first keeping verdict ending the chain', () => {
    const s = snap([ds]);
    const v = (p: KubeObject, o?: Partial<DrainOptions>) => {
      const r = podVerdict(p, s, opts(o));
      return [r.delete, r.reason, r.message];
    };
    expect(v(pod('rs', { owner: 'ReplicaSet' }))).toEqual([true, 'Okay', undefined]);
    expect(v(pod('d', { owner: 'DaemonSet', ns: 'kube-system' }))).toEqual([false, 'Error', 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)']);
    expect(v(pod('d', { owner: 'DaemonSet', ns: 'kube-system' }), { ignoreDaemonSets: true })).toEqual([false, 'Warning', 'ignoring DaemonSet-managed Pods']);
    expect(v(pod('orphan', { owner: 'DaemonSet' }))).toEqual([false, 'Error', 'daemonsets.apps "agent" not found']);
    expect(v(pod('orphan', { owner: 'DaemonSet' }), { force: true })).toEqual([true, 'Okay', undefined]);
    expect(v(pod('done', { owner: 'DaemonSet', phase: 'Succeeded' }))).toEqual([true, 'Okay', undefined]);
    expect(v(pod('mirror', { owner: 'Node', annotations: { 'kubernetes.io/config.mirror': 'abc' } }))).toEqual([false, 'Skip', undefined]);
    expect(v(pod('tmp', { owner: 'ReplicaSet', emptyDir: true }))).toEqual([false, 'Error', 'Pods with local storage (use --delete-emptydir-data to override)']);
    // kubectl's own TODO: the local-storage warning is lost when a later filter says Okay.
    expect(v(pod('tmp', { owner: 'ReplicaSet', emptyDir: true }), { deleteEmptyDirData: true })).toEqual([true, 'Okay', undefined]);
    expect(v(pod('tmp', { emptyDir: true }), { deleteEmptyDirData: true, force: true })).toEqual([true, 'Warning', 'deleting Pods that declare no controller']);
    expect(v(pod('bare'))).toEqual([false, 'Error', 'cannot delete Pods that declare no controller (use --force to override)']);
    expect(v(pod('bare'), { force: true })).toEqual([true, 'Warning', 'deleting Pods that declare no controller']);
    expect(v(pod('old', { owner: 'ReplicaSet', deletedAt: '2025-01-01T00:00:00Z' }), { skipWaitForDeleteTimeoutSeconds: 60 })).toEqual([false, 'Skip', undefined]);
    expect(v(pod('new', { owner: 'ReplicaSet', deletedAt: '2025-01-01T00:09:30Z' }), { skipWaitForDeleteTimeoutSeconds: 60 })).toEqual([true, 'Okay', undefined]);
  });

  it('groups warnings and errors by message, pods in list order', () => {
    const s = snap([ds, pod('a'), pod('d', { owner: 'DaemonSet', ns: 'kube-system' }), pod('b'), pod('t', { owner: 'ReplicaSet', emptyDir: true })]);
    const verdicts = podsForDeletion(s, 'n1', opts({ force: true, deleteEmptyDirData: true, ignoreDaemonSets: true }));
    expect(drainWarnings(verdicts)).toBe('deleting Pods that declare no controller: default/a, default/b; ignoring DaemonSet-managed Pods: kube-system/d');
    expect(verdicts.filter((x) => x.delete).map((x) => x.pod.metadata.name)).toEqual(['a', 'b', 't']);
    expect(drainErrors(podsForDeletion(s, 'n1', opts()))).toEqual([
      'cannot delete cannot delete Pods that declare no controller (use --force to override): default/a, default/b',
      'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/d',
      'cannot delete Pods with local storage (use --delete-emptydir-data to override): default/t',
    ]);
  });
});
