import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import type { ControllerInput, Op } from '../../src/controllers/types.js';
import { reconcileDeployments } from '../../src/controllers/deployment.js';
import { podTemplateHash } from '../../src/controllers/hash.js';
import { maxSurge, maxUnavailable, newRSNewReplicas, resolveFenceposts, scaledValue } from '../../src/controllers/deployment/rolling.js';
import { equalIgnoreHash, setNewReplicaSetAnnotations } from '../../src/controllers/deployment/revisions.js';
import { input as baseInput, pod } from './fixtures.js';

const NOW = '2025-01-01T00:00:00Z';

/** A deployment `web` (uid-web) with one container; `image` decides the template. */
function deploy(o: { replicas?: number; image?: string; surge?: number | string; unavailable?: number | string; recreate?: boolean; paused?: boolean; generation?: number; status?: object; annotations?: Record<string, string>; limit?: number; minReady?: number } = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', uid: 'uid-web', generation: o.generation ?? 1, ...(o.annotations ? { annotations: o.annotations } : {}) },
    spec: {
      replicas: o.replicas ?? 3,
      selector: { matchLabels: { app: 'web' } },
      template: template(o.image ?? 'nginx:1.24'),
      strategy: o.recreate ? { type: 'Recreate' } : { type: 'RollingUpdate', rollingUpdate: { maxSurge: o.surge ?? '25%', maxUnavailable: o.unavailable ?? '25%' } },
      revisionHistoryLimit: o.limit ?? 10,
      progressDeadlineSeconds: 600,
      ...(o.minReady ? { minReadySeconds: o.minReady } : {}),
      ...(o.paused ? { paused: true } : {}),
    },
    ...(o.status ? { status: o.status } : {}),
  };
}

function template(image: string, hash?: string) {
  return { metadata: { labels: { app: 'web', ...(hash ? { 'pod-template-hash': hash } : {}) } }, spec: { containers: [{ name: 'nginx', image }] } };
}

const hashOf = (image: string) => podTemplateHash(template(image));

/** A ReplicaSet of `web` for an image, named as the controller names it. */
function rs(image: string, replicas: number, revision: number, o: { desired?: number; created?: string; extra?: Record<string, string> } = {}): KubeObject {
  const hash = hashOf(image);
  const name = `web-${hash}`;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      generation: 1,
      creationTimestamp: o.created ?? NOW,
      labels: { app: 'web', 'pod-template-hash': hash },
      annotations: { 'deployment.kubernetes.io/revision': String(revision), 'deployment.kubernetes.io/desired-replicas': String(o.desired ?? 3), ...o.extra },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'uid-web', controller: true }],
    },
    spec: { replicas, selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } }, template: template(image, hash) },
    status: { replicas, observedGeneration: 1 },
  };
}

/** `n` pods of a ReplicaSet; the first `ready` are Ready. */
function pods(rsObj: KubeObject, n: number, ready = n): KubeObject[] {
  return Array.from({ length: n }, (_, i) => pod(`${rsObj.metadata.name}-p${i}`, { owner: rsObj.metadata.name, ip: `10.0.0.${i + 1}`, ready: i < ready, labels: rsObj.spec.template.metadata.labels }));
}

function input(objs: KubeObject[], o: Partial<ControllerInput> = {}): ControllerInput {
  return { ...baseInput(objs), runtime: { containers: {}, pods: {} }, instant: true, ...o } as ControllerInput;
}

const run = (objs: KubeObject[], o: Partial<ControllerInput> = {}) => reconcileDeployments(input(objs, o));

/** name → spec.replicas of every ReplicaSet created or updated. */
function sizes(ops: Op[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const op of ops) if ((op.op === 'create' || op.op === 'update') && op.obj.kind === 'ReplicaSet') out[op.obj.metadata.name] = op.obj.spec.replicas;
  return out;
}

const events = (ops: Op[]) => ops.filter((o): o is { op: 'create'; obj: KubeObject } => o.op === 'create' && o.obj.kind === 'Event').map((o) => o.obj.message);
const deploymentUpdate = (ops: Op[]) => ops.find((o): o is { op: 'update'; obj: KubeObject } => o.op === 'update' && o.obj.kind === 'Deployment')?.obj;
const conditions = (d: KubeObject | undefined) => (d?.status?.conditions ?? []).map((c: { type: string; status: string; reason: string; message: string }) => [c.type, c.status, c.reason, c.message]);

describe('rolling-update arithmetic', () => {
  it.each([
    // value, total, roundUp → result
    ['25%', 3, true, 1],
    ['25%', 3, false, 0],
    ['50%', 3, true, 2],
    ['50%', 3, false, 1],
    ['25%', 10, true, 3],
    ['25%', 10, false, 2],
    [2, 10, true, 2],
    ['100%', 4, false, 4],
  ] as const)('scaledValue(%s of %i, up=%s) = %i', (v, total, up, want) => {
    expect(scaledValue(v, total, up)).toBe(want);
  });

  it('both fenceposts resolving to 0 allow one unavailable pod', () => {
    expect(resolveFenceposts(0, '25%', 1)).toEqual({ surge: 0, unavailable: 1 });
    expect(resolveFenceposts('25%', '25%', 1)).toEqual({ surge: 1, unavailable: 0 });
  });

  it('Recreate has no surge and no unavailability budget; maxUnavailable is capped at replicas', () => {
    expect([maxSurge(deploy({ recreate: true })), maxUnavailable(deploy({ recreate: true }))]).toEqual([0, 0]);
    expect(maxUnavailable(deploy({ replicas: 2, unavailable: 5 }))).toBe(2);
    expect(maxUnavailable(deploy({ replicas: 0 }))).toBe(0);
  });

  it('the new ReplicaSet grows up to replicas + maxSurge pods in all, never past replicas', () => {
    const d = deploy({ replicas: 10 }); // surge 3
    const st = (n: number) => ({ obj: { ...rs('x', n, 1) }, actual: n, ready: n, available: n, running: n });
    expect(newRSNewReplicas(d, [st(10), st(0)], st(0))).toBe(3);
    expect(newRSNewReplicas(d, [st(8), st(3)], st(3))).toBe(5);
    expect(newRSNewReplicas(d, [st(10), st(3)], st(3))).toBe(3);
    expect(newRSNewReplicas(d, [st(0), st(9)], st(9))).toBe(10);
  });
});

describe('deployment controller: a new deployment', () => {
  const ops = run([deploy({ replicas: 2 })]);
  const created = ops.find((o) => o.op === 'create' && o.obj.kind === 'ReplicaSet') as { obj: KubeObject };
  const hash = hashOf('nginx:1.24');

  it('creates <deploy>-<pod-template-hash> with the hash label in labels, selector and template', () => {
    expect(created.obj.metadata.name).toBe(`web-${hash}`);
    expect(created.obj.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(created.obj.spec.selector).toEqual({ matchLabels: { app: 'web', 'pod-template-hash': hash } });
    expect(created.obj.spec.template.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(created.obj.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'uid-web', controller: true, blockOwnerDeletion: true }]);
  });

  it('sizes it at once when the surge allows, with revision and replicas annotations', () => {
    expect(created.obj.spec.replicas).toBe(2);
    expect(created.obj.metadata.annotations).toEqual({
      'deployment.kubernetes.io/desired-replicas': '2',
      'deployment.kubernetes.io/max-replicas': '3',
      'deployment.kubernetes.io/revision': '1',
    });
    expect(events(ops)).toEqual([`Scaled up replica set web-${hash} from 0 to 2`]);
  });

  it('records revision 1, NewReplicaSetCreated and (no pods yet) MinimumReplicasUnavailable', () => {
    const d = deploymentUpdate(ops)!;
    expect(d.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1' });
    expect(d.status.observedGeneration).toBe(1);
    expect(d.status.unavailableReplicas).toBe(2);
    expect(conditions(d)).toEqual([
      ['Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "web-${hash}"`],
      ['Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'],
    ]);
  });

  it('reports a finished rollout as kubectl shows it, and then writes nothing more', () => {
    const old = rs('nginx:1.24', 2, 1, { desired: 2, extra: { 'deployment.kubernetes.io/max-replicas': '3' } });
    const d0 = deploy({ replicas: 2, annotations: { 'deployment.kubernetes.io/revision': '1' } });
    const ops2 = run([d0, old, ...pods(old, 2)]);
    const d = deploymentUpdate(ops2)!;
    expect(d.status).toMatchObject({ availableReplicas: 2, readyReplicas: 2, replicas: 2, updatedReplicas: 2, observedGeneration: 1 });
    expect(conditions(d)).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "web-${hash}" has successfully progressed.`],
    ]);
    expect(run([d, old, ...pods(old, 2)])).toEqual([]);
  });
});

describe('deployment controller: rolling update steps', () => {
  // Each row: the deployment, the old and new ReplicaSets (spec replicas, available pods) → sizes after one sync.
  it.each([
    { what: '3 replicas, 25%/25%: new RS starts at 1 (surge 1), old stays (nothing may be unavailable)', replicas: 3, surge: '25%', unavailable: '25%', old: [3, 3], neu: null, want: { old: 3, neu: 1 } },
    { what: 'new pod available: one old pod goes', replicas: 3, surge: '25%', unavailable: '25%', old: [3, 3], neu: [1, 1], want: { old: 2, neu: 1 } },
    { what: 'new pod not yet available: no old pod may go', replicas: 3, surge: '25%', unavailable: '25%', old: [3, 3], neu: [1, 0], want: { old: 3, neu: 1 } },
    { what: 'room under the surge: the new RS grows first', replicas: 3, surge: '25%', unavailable: '25%', old: [2, 2], neu: [1, 1], want: { old: 2, neu: 2 } },
    { what: '10 replicas: surge 3 up, and 2 old down in the same sync', replicas: 10, surge: '25%', unavailable: '25%', old: [10, 10], neu: null, want: { old: 8, neu: 3 } },
    { what: 'maxSurge 0: old goes down first, the new RS is created empty', replicas: 3, surge: 0, unavailable: 1, old: [3, 3], neu: null, want: { old: 2, neu: 0 } },
    { what: 'maxSurge 0: then the new RS takes the freed slot', replicas: 3, surge: 0, unavailable: 1, old: [2, 2], neu: [0, 0], want: { old: 2, neu: 1 } },
    { what: 'unhealthy old pods are removed first, even below the availability floor', replicas: 4, surge: 2, unavailable: 0, old: [4, 1], neu: [2, 2], want: { old: 2, neu: 2 } },
    { what: 'no budget while the new pods are not available: even unhealthy old pods stay', replicas: 4, surge: 1, unavailable: 0, old: [4, 1], neu: [1, 0], want: { old: 4, neu: 1 } },
    { what: 'percent surge rounds up, unavailable rounds down (50% of 3 = 2 / 1)', replicas: 3, surge: '50%', unavailable: '50%', old: [3, 3], neu: null, want: { old: 2, neu: 2 } },
  ])('$what', ({ replicas, surge, unavailable, old, neu, want }) => {
    const oldRS = rs('nginx:1.24', old[0], 1, { desired: replicas, created: '2024-12-31T00:00:00Z' });
    const objs: KubeObject[] = [deploy({ replicas, surge, unavailable, image: 'nginx:1.25' }), oldRS, ...pods(oldRS, old[0], old[1])];
    if (neu) {
      const n = rs('nginx:1.25', neu[0], 2, { desired: replicas });
      objs.push(n, ...pods(n, neu[0], neu[1]));
    }
    const ops = run(objs);
    const after = { ...Object.fromEntries(objs.filter((o) => o.kind === 'ReplicaSet').map((o) => [o.metadata.name, o.spec.replicas])), ...sizes(ops) };
    expect({ old: after[`web-${hashOf('nginx:1.24')}`], neu: after[`web-${hashOf('nginx:1.25')}`] }).toEqual(want);
  });

  it('records every step as a ScalingReplicaSet event from the deployment controller', () => {
    const oldRS = rs('nginx:1.24', 3, 1);
    const n = rs('nginx:1.25', 1, 2);
    const ops = run([deploy({ image: 'nginx:1.25' }), oldRS, n, ...pods(oldRS, 3), ...pods(n, 1)]);
    const ev = ops.find((o) => o.op === 'create' && o.obj.kind === 'Event') as { obj: KubeObject };
    expect([ev.obj.reason, ev.obj.message, ev.obj.source.component, ev.obj.involvedObject.name]).toEqual([
      'ScalingReplicaSet',
      `Scaled down replica set ${oldRS.metadata.name} from 3 to 2`,
      'deployment-controller',
      'web',
    ]);
  });

  it('marks the rollout ReplicaSetUpdated while it moves', () => {
    const oldRS = rs('nginx:1.24', 3, 1);
    const n = rs('nginx:1.25', 1, 2);
    const prev = { observedGeneration: 2, replicas: 3, updatedReplicas: 0, availableReplicas: 3, readyReplicas: 3, conditions: [] };
    const d = deploymentUpdate(run([deploy({ image: 'nginx:1.25', generation: 2, status: prev }), oldRS, n, ...pods(oldRS, 3), ...pods(n, 1)]))!;
    expect(conditions(d)).toContainEqual(['Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${n.metadata.name}" is progressing.`]);
    expect(d.status).toMatchObject({ replicas: 4, updatedReplicas: 1, availableReplicas: 4 });
  });
});

describe('deployment controller: Recreate', () => {
  it('scales old ReplicaSets to 0 before anything else', () => {
    const oldRS = rs('nginx:1.24', 3, 1);
    const ops = run([deploy({ recreate: true, image: 'nginx:1.25' }), oldRS, ...pods(oldRS, 3)]);
    expect(sizes(ops)).toEqual({ [oldRS.metadata.name]: 0 });
  });

  it('waits while old pods exist, terminating ones included', () => {
    const oldRS = rs('nginx:1.24', 0, 1);
    const terminating = pods(oldRS, 1).map((p) => ({ ...p, metadata: { ...p.metadata, deletionTimestamp: '2025-01-01T00:00:30Z' } }));
    expect(sizes(run([deploy({ recreate: true, image: 'nginx:1.25' }), oldRS, ...terminating]))).toEqual({});
  });

  it('then creates the new ReplicaSet at full size', () => {
    const oldRS = rs('nginx:1.24', 0, 1);
    const ops = run([deploy({ recreate: true, image: 'nginx:1.25' }), oldRS]);
    expect(sizes(ops)).toEqual({ [`web-${hashOf('nginx:1.25')}`]: 3 });
    expect(events(ops)).toEqual([`Scaled up replica set web-${hashOf('nginx:1.25')} from 0 to 3`]);
  });
});

describe('deployment controller: revisions and history', () => {
  it('a template coming back (rollout undo) takes the next revision; its old number moves to revision-history', () => {
    const r1 = rs('nginx:1.24', 0, 1, { created: '2024-12-30T00:00:00Z' });
    const r2 = rs('nginx:1.25', 3, 2);
    const ops = run([deploy({ image: 'nginx:1.24', annotations: { 'deployment.kubernetes.io/revision': '2' } }), r1, r2, ...pods(r2, 3)]);
    const back = ops.find((o) => o.op === 'update' && o.obj.metadata.name === r1.metadata.name) as { obj: KubeObject };
    expect(back.obj.metadata.annotations['deployment.kubernetes.io/revision']).toBe('3');
    expect(back.obj.metadata.annotations['deployment.kubernetes.io/revision-history']).toBe('1');
  });

  it('the deployment takes the revision of its current ReplicaSet', () => {
    const r1 = rs('nginx:1.24', 0, 3);
    const r2 = rs('nginx:1.25', 3, 2);
    const d = deploymentUpdate(run([deploy({ image: 'nginx:1.24', annotations: { 'deployment.kubernetes.io/revision': '2' } }), r1, r2, ...pods(r2, 3)]));
    expect(d?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
  });

  it('copies the deployment annotations (change-cause) to the new ReplicaSet, never last-applied', () => {
    const ann = { 'kubernetes.io/change-cause': 'kubectl set image deployment/web nginx=nginx:1.25', 'kubectl.kubernetes.io/last-applied-configuration': '{}' };
    const ops = run([deploy({ image: 'nginx:1.25', annotations: ann }), rs('nginx:1.24', 3, 1)]);
    const created = ops.find((o) => o.op === 'create' && o.obj.kind === 'ReplicaSet') as { obj: KubeObject };
    expect(created.obj.metadata.annotations['kubernetes.io/change-cause']).toBe(ann['kubernetes.io/change-cause']);
    expect(created.obj.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).toBeUndefined();
    expect(created.obj.metadata.annotations['deployment.kubernetes.io/revision']).toBe('2');
  });

  it('revision-history keeps growing and is capped at 2000 characters', () => {
    const r = rs('nginx:1.24', 0, 5, { extra: { 'deployment.kubernetes.io/revision-history': '1,3' } });
    setNewReplicaSetAnnotations(deploy(), r, 7, true, 3, 4);
    expect(r.metadata.annotations!['deployment.kubernetes.io/revision-history']).toBe('1,3,5');
  });

  it('beyond revisionHistoryLimit the oldest scaled-down revisions are deleted once the rollout is complete', () => {
    const olds = ['a', 'b', 'c'].map((img, i) => rs(img, 0, i + 1));
    const cur = rs('nginx:1.24', 3, 4);
    const done = { observedGeneration: 1, replicas: 3, updatedReplicas: 3, availableReplicas: 3, readyReplicas: 3 };
    const ops = run([deploy({ limit: 1, status: done }), ...olds, cur, ...pods(cur, 3)]);
    const deleted = ops.filter((o) => o.op === 'delete').map((o) => (o as { ref: { name: string } }).ref.name);
    expect(deleted.sort()).toEqual([olds[0].metadata.name, olds[1].metadata.name].sort());
  });

  it('ignores the pod-template-hash label when comparing templates', () => {
    expect(equalIgnoreHash(template('x', 'abc'), template('x'))).toBe(true);
    expect(equalIgnoreHash(template('x', 'abc'), template('y', 'abc'))).toBe(false);
  });
});

describe('deployment controller: pause, scale, collisions, deadlines', () => {
  it('a paused deployment does not roll: no new ReplicaSet, Progressing Unknown/DeploymentPaused', () => {
    const oldRS = rs('nginx:1.24', 3, 1);
    const ops = run([deploy({ image: 'nginx:1.25', paused: true }), oldRS, ...pods(oldRS, 3)]);
    expect(ops.some((o) => o.op === 'create' && o.obj.kind === 'ReplicaSet')).toBe(false);
    expect(conditions(deploymentUpdate(ops))).toContainEqual(['Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused']);
  });

  it('a paused deployment still scales', () => {
    const oldRS = rs('nginx:1.24', 3, 1);
    const ops = run([deploy({ replicas: 5, image: 'nginx:1.25', paused: true }), oldRS, ...pods(oldRS, 3)]);
    expect(sizes(ops)).toEqual({ [oldRS.metadata.name]: 5 });
    expect(events(ops)).toEqual([`Scaled up replica set ${oldRS.metadata.name} from 3 to 5`]);
  });

  it('resizing mid-rollout shares the change in proportion to the ReplicaSets (leftover to the largest)', () => {
    // 10 replicas mid-rollout (surge 3: 13 pods max); now 20 replicas (surge 5: 25 max): +12 shared 8:5.
    const oldRS = rs('nginx:1.24', 8, 1, { desired: 10, extra: { 'deployment.kubernetes.io/max-replicas': '13' } });
    const n = rs('nginx:1.25', 5, 2, { desired: 10, extra: { 'deployment.kubernetes.io/max-replicas': '13' } });
    const ops = run([deploy({ replicas: 20, image: 'nginx:1.25' }), oldRS, n, ...pods(oldRS, 8), ...pods(n, 5, 0)]);
    expect(sizes(ops)).toEqual({ [oldRS.metadata.name]: 15, [n.metadata.name]: 10 });
  });

  it('adopts a ReplicaSet left without a controller (delete --cascade=orphan, then the same deployment again)', () => {
    const orphan = rs('nginx:1.24', 3, 1);
    orphan.metadata.ownerReferences = [];
    const ops = run([deploy({ image: 'nginx:1.24' }), orphan, ...pods(orphan, 3)]);
    const adopted = ops.find((o) => o.op === 'update' && o.obj.kind === 'ReplicaSet') as { obj: KubeObject };
    expect(adopted.obj.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'uid-web', controller: true, blockOwnerDeletion: true }]);
    expect(ops.some((o) => o.op === 'create' && o.obj.kind === 'ReplicaSet')).toBe(false);
  });

  it('a hash collision bumps status.collisionCount instead of taking the other ReplicaSet', () => {
    // Same name, but another owner: not ours to adopt.
    const other = [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'other', uid: 'uid-other', controller: true }];
    const squatter = { ...rs('nginx:1.25', 1, 1), metadata: { ...rs('nginx:1.25', 1, 1).metadata, ownerReferences: other } };
    const ops = run([deploy({ image: 'nginx:1.25' }), squatter]);
    expect(ops.some((o) => o.op === 'create' && o.obj.kind === 'ReplicaSet')).toBe(false);
    expect(deploymentUpdate(ops)?.status.collisionCount).toBe(1);
    const next = run([deploy({ image: 'nginx:1.25', status: { collisionCount: 1 } }), squatter]);
    const created = next.find((o) => o.op === 'create' && o.obj.kind === 'ReplicaSet') as { obj: KubeObject };
    expect(created.obj.metadata.name).toBe(`web-${podTemplateHash(template('nginx:1.25'), 1)}`);
  });

  it('a rollout without progress for progressDeadlineSeconds is ProgressDeadlineExceeded', () => {
    const oldRS = rs('nginx:1.24', 3, 1);
    const n = rs('nginx:1.25', 1, 2);
    const stuck = {
      observedGeneration: 1,
      replicas: 4,
      updatedReplicas: 1,
      availableReplicas: 3,
      readyReplicas: 3,
      conditions: [{ type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: 'x', lastUpdateTime: NOW, lastTransitionTime: NOW }],
    };
    const objs = [deploy({ image: 'nginx:1.25', status: stuck }), oldRS, n, ...pods(oldRS, 3), ...pods(n, 1, 0)];
    const later = deploymentUpdate(run(objs, { now: '2025-01-01T00:10:01Z', instant: false }));
    expect(conditions(later)).toContainEqual(['Progressing', 'False', 'ProgressDeadlineExceeded', `ReplicaSet "${n.metadata.name}" has timed out progressing.`]);
    // Before the deadline nothing is written, but the controller asks to be woken at it.
    const before = run(objs, { now: '2025-01-01T00:05:00Z', instant: false });
    expect(before).toContainEqual({ op: 'wake', at: '2025-01-01T00:10:01Z' });
  });

  it('minReadySeconds: ready pods count as available only after that long (at once when time stands still)', () => {
    const cur = rs('nginx:1.24', 2, 1, { desired: 2 });
    const ps = pods(cur, 2).map((p) => ({ ...p, status: { ...p.status, conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: NOW }] } }));
    const objs = [deploy({ replicas: 2, minReady: 10 }), cur, ...ps];
    const soon = run(objs, { now: '2025-01-01T00:00:05Z', instant: false });
    expect(deploymentUpdate(soon)?.status.availableReplicas).toBeUndefined();
    expect(soon).toContainEqual({ op: 'wake', at: '2025-01-01T00:00:11Z' });
    expect(deploymentUpdate(run(objs, { now: '2025-01-01T00:00:11Z', instant: false }))?.status.availableReplicas).toBe(2);
    expect(deploymentUpdate(run(objs))?.status.availableReplicas).toBe(2);
  });
});

describe('deployment controller: a whole rollout to the fixpoint', () => {
  /** Applies the controller's ops, with ReplicaSets' pods appearing (ready) and going at once. */
  function settle(objs: KubeObject[]): { objs: KubeObject[]; events: string[] } {
    let world = [...objs];
    const log: string[] = [];
    for (let pass = 0; pass < 30; pass++) {
      const ops = run(world).filter((o) => o.op !== 'wake');
      if (ops.length === 0) return { objs: world, events: log };
      for (const op of ops) {
        if (op.op === 'create' && op.obj.kind === 'Event') log.push(op.obj.message);
        else if (op.op === 'create') world.push({ ...op.obj, metadata: { ...op.obj.metadata, uid: `uid-${op.obj.metadata.name}`, creationTimestamp: NOW, generation: 1 } });
        else if (op.op === 'update') world = world.map((o) => (o.kind === op.obj.kind && o.metadata.name === op.obj.metadata.name ? op.obj : o));
        else if (op.op === 'delete') world = world.filter((o) => !(o.kind === op.ref.kind && o.metadata.name === op.ref.name));
      }
      world = world.filter((o) => o.kind !== 'Pod');
      for (const r of world.filter((o) => o.kind === 'ReplicaSet')) world.push(...pods(r, r.spec.replicas));
    }
    throw new Error('no fixpoint');
  }

  it('3 replicas 25%/25% roll one pod at a time, as the real controller logs it', () => {
    const oldRS = rs('nginx:1.24', 3, 1);
    const { objs, events: log } = settle([deploy({ image: 'nginx:1.25', generation: 2 }), oldRS, ...pods(oldRS, 3)]);
    const o = oldRS.metadata.name;
    const n = `web-${hashOf('nginx:1.25')}`;
    expect(log).toEqual([
      `Scaled up replica set ${n} from 0 to 1`,
      `Scaled down replica set ${o} from 3 to 2`,
      `Scaled up replica set ${n} from 1 to 2`,
      `Scaled down replica set ${o} from 2 to 1`,
      `Scaled up replica set ${n} from 2 to 3`,
      `Scaled down replica set ${o} from 1 to 0`,
    ]);
    const d = objs.find((x) => x.kind === 'Deployment')!;
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, availableReplicas: 3, observedGeneration: 2 });
    expect(conditions(d).map((c: string[]) => c.slice(0, 3))).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable'],
      ['Progressing', 'True', 'NewReplicaSetAvailable'],
    ]);
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
  });
});
