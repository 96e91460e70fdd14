import type { Json, KubeObject } from '../../api/types.js';
import { type RsState, sum, sumSpec } from './model.js';
import { desiredReplicas, maxUnavailable } from './rolling.js';

/** A deployment condition as the API stores it. */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  lastUpdateTime: string;
  lastTransitionTime: string;
}

/** Condition reasons (deployment util) and the messages kubectl shows with them. */
export const REASONS = {
  minimumReplicasAvailable: 'MinimumReplicasAvailable',
  minimumReplicasUnavailable: 'MinimumReplicasUnavailable',
  newRSAvailable: 'NewReplicaSetAvailable',
  replicaSetUpdated: 'ReplicaSetUpdated',
  newRSCreated: 'NewReplicaSetCreated',
  foundNewRS: 'FoundNewReplicaSet',
  paused: 'DeploymentPaused',
  resumed: 'DeploymentResumed',
  timedOut: 'ProgressDeadlineExceeded',
} as const;

export function newCondition(type: string, status: Condition['status'], reason: string, message: string, now: string): Condition {
  return { lastTransitionTime: now, lastUpdateTime: now, message, reason, status, type } as Condition;
}

export function getCondition(status: Json, type: string): Condition | undefined {
  return (status?.conditions ?? []).find((c: Condition) => c.type === type);
}

/**
 * SetDeploymentCondition: nothing happens when a condition of that type already has the same status and
 * reason; otherwise the old one is removed and the new one appended (so conditions change order as they
 * change), keeping lastTransitionTime when only the reason changed.
 */
export function setCondition(status: Json, c: Condition): void {
  const cur = getCondition(status, c.type);
  if (cur && cur.status === c.status && cur.reason === c.reason) return;
  if (cur && cur.status === c.status) c.lastTransitionTime = cur.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((x: Condition) => x.type !== c.type), c];
}

export function removeCondition(status: Json, type: string): void {
  if (!status.conditions) return;
  status.conditions = status.conditions.filter((x: Condition) => x.type !== type);
  if (status.conditions.length === 0) delete status.conditions;
}

/**
 * calculateStatus: the counts summed over the ReplicaSets (replicas/updated/ready/available from pods,
 * unavailable from spec.replicas), observedGeneration, the collision count, and the Available condition
 * (True once at least spec.replicas − maxUnavailable pods are available). Zero counts are left out, as
 * the API omits them.
 */
export function calculateStatus(all: Array<RsState | undefined>, newRS: RsState | undefined, d: KubeObject, now: string): Json {
  const available = sum(all, 'available');
  const unavailable = Math.max(0, sumSpec(all) - available);
  const status: Json = {};
  const put = (k: string, v: number) => {
    if (v) status[k] = v;
  };
  put('observedGeneration', d.metadata.generation ?? 1);
  put('replicas', sum(all, 'actual'));
  put('updatedReplicas', newRS ? newRS.actual : 0);
  put('readyReplicas', sum(all, 'ready'));
  put('availableReplicas', available);
  put('unavailableReplicas', unavailable);
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  if (d.status?.conditions?.length) status.conditions = d.status.conditions.map((c: Condition) => ({ ...c }));
  if (available >= desiredReplicas(d) - maxUnavailable(d)) {
    setCondition(status, newCondition('Available', 'True', REASONS.minimumReplicasAvailable, 'Deployment has minimum availability.', now));
  } else {
    setCondition(status, newCondition('Available', 'False', REASONS.minimumReplicasUnavailable, 'Deployment does not have minimum availability.', now));
  }
  return status;
}

/** DeploymentComplete: every replica updated and available, and the latest spec observed. */
export function deploymentComplete(d: KubeObject, st: Json): boolean {
  const want = desiredReplicas(d);
  return (
    (st?.updatedReplicas ?? 0) === want &&
    (st?.replicas ?? 0) === want &&
    (st?.availableReplicas ?? 0) === want &&
    (st?.observedGeneration ?? 0) >= (d.metadata.generation ?? 1)
  );
}

/** DeploymentProgressing: more updated, ready or available pods than before, or fewer old ones. */
export function deploymentProgressing(d: KubeObject, st: Json): boolean {
  const old = d.status ?? {};
  const n = (o: Json, k: string) => o?.[k] ?? 0;
  const oldOld = n(old, 'replicas') - n(old, 'updatedReplicas');
  const newOld = n(st, 'replicas') - n(st, 'updatedReplicas');
  return (
    n(st, 'updatedReplicas') > n(old, 'updatedReplicas') ||
    newOld < oldOld ||
    n(st, 'readyReplicas') > n(old, 'readyReplicas') ||
    n(st, 'availableReplicas') > n(old, 'availableReplicas')
  );
}

/** progressDeadlineSeconds is set (and not "never", MaxInt32). */
export function hasProgressDeadline(d: KubeObject): boolean {
  const p = d.spec?.progressDeadlineSeconds;
  return p !== undefined && p !== null && p !== 2147483647;
}

/**
 * DeploymentTimedOut: the Progressing condition has not been updated for progressDeadlineSeconds (never
 * after a completed rollout).
 */
export function deploymentTimedOut(d: KubeObject, st: Json, now: string): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = getCondition(st, 'Progressing');
  if (!c || c.reason === REASONS.newRSAvailable) return false;
  if (c.reason === REASONS.timedOut) return true;
  const from = Date.parse(c.lastUpdateTime);
  return from + d.spec.progressDeadlineSeconds * 1000 < Date.parse(now);
}

/**
 * syncRolloutStatus's condition logic: Progressing becomes NewReplicaSetAvailable when the rollout is
 * complete, ReplicaSetUpdated (keeping its transition time) when anything moved, ProgressDeadlineExceeded
 * when nothing moved for too long. Left alone once a complete rollout has been recorded.
 */
export function progressConditions(d: KubeObject, st: Json, newRS: RsState | undefined, now: string): void {
  if (!hasProgressDeadline(d)) {
    removeCondition(st, 'Progressing');
    return;
  }
  const cur = getCondition(d.status, 'Progressing');
  const settled = (st.replicas ?? 0) === (st.updatedReplicas ?? 0) && cur?.reason === REASONS.newRSAvailable;
  if (settled) return;
  const name = newRS ? `ReplicaSet "${newRS.obj.metadata.name}"` : `Deployment "${d.metadata.name}"`;
  if (deploymentComplete(d, st)) {
    setCondition(st, newCondition('Progressing', 'True', REASONS.newRSAvailable, `${name} has successfully progressed.`, now));
  } else if (deploymentProgressing(d, st)) {
    const c = newCondition('Progressing', 'True', REASONS.replicaSetUpdated, `${name} is progressing.`, now);
    // Unlike SetDeploymentCondition, progress refreshes lastUpdateTime even when the reason stays.
    if (cur) {
      if (cur.status === 'True') c.lastTransitionTime = cur.lastTransitionTime;
      removeCondition(st, 'Progressing');
    }
    setCondition(st, c);
  } else if (deploymentTimedOut(d, st, now)) {
    setCondition(st, newCondition('Progressing', 'False', REASONS.timedOut, `${name} has timed out progressing.`, now));
  }
}
