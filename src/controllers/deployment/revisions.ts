import type { Json, KubeObject } from '../../api/types.js';

/** Annotations the deployment controller keeps on deployments and their ReplicaSets. */
export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const CHANGE_CAUSE = 'kubernetes.io/change-cause';
export const HASH_LABEL = 'pod-template-hash';

/** Deployment annotations that are never copied to a ReplicaSet (nor back by `rollout undo`). */
export const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  REVISION_HISTORY,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  'deprecated.deployment.rollback.to',
]);

/** The revision-history annotation is capped at this many characters, oldest entries dropped first. */
const MAX_REV_HISTORY_CHARS = 2000;

/** deploymentutil.Revision: the revision annotation as a number, 0 when absent or not a number. */
export function revisionOf(o: KubeObject | undefined): number {
  const v = o?.metadata.annotations?.[REVISION];
  if (v === undefined || !/^\d+$/.test(v)) return 0;
  return Number(v);
}

/** The highest revision among ReplicaSets (0 when none has one). */
export function maxRevision(list: KubeObject[]): number {
  return list.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
}

/**
 * EqualIgnoreHash: two pod templates are the same when they differ at most in the pod-template-hash
 * label. Like apimachinery's semantic equality, empty maps and lists equal absent ones.
 */
export function equalIgnoreHash(a: Json, b: Json): boolean {
  return templateKey(a) === templateKey(b);
}

function templateKey(t: Json): string {
  const c = JSON.parse(JSON.stringify(t ?? {}));
  if (c.metadata?.labels) delete c.metadata.labels[HASH_LABEL];
  return canonical(c);
}

function canonical(v: Json): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const keys = Object.keys(v)
      .filter((k) => !isEmpty(v[k]))
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

function isEmpty(v: Json): boolean {
  return v === null || v === undefined || (typeof v === 'object' && Object.keys(v).length === 0);
}

/**
 * copyDeploymentAnnotationsToReplicaSet: every deployment annotation except the skipped ones
 * (kubernetes.io/change-cause among them) is added to the ReplicaSet; none is ever removed.
 */
function copyDeploymentAnnotations(d: KubeObject, rs: KubeObject): boolean {
  let changed = false;
  const ann = (rs.metadata.annotations ??= {});
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (ANNOTATIONS_TO_SKIP.has(k) || ann[k] === v) continue;
    ann[k] = v;
    changed = true;
  }
  return changed;
}

/** SetReplicasAnnotations: desired-replicas and max-replicas; true when either changed. */
export function setReplicasAnnotations(rs: KubeObject, desired: number, max: number): boolean {
  const ann = (rs.metadata.annotations ??= {});
  let changed = false;
  if (ann[DESIRED_REPLICAS] !== String(desired)) {
    ann[DESIRED_REPLICAS] = String(desired);
    changed = true;
  }
  if (ann[MAX_REPLICAS] !== String(max)) {
    ann[MAX_REPLICAS] = String(max);
    changed = true;
  }
  return changed;
}

/** ReplicasAnnotationsNeedUpdate. */
export function replicasAnnotationsNeedUpdate(rs: KubeObject, desired: number, max: number): boolean {
  const ann = rs.metadata.annotations ?? {};
  return ann[DESIRED_REPLICAS] !== String(desired) || ann[MAX_REPLICAS] !== String(max);
}

/**
 * SetNewReplicaSetAnnotations: copies the deployment's annotations, and raises the ReplicaSet's revision to
 * `newRevision` when it is lower. A ReplicaSet that already had a revision is one a rollback brought back:
 * its old number moves to the revision-history annotation (so `rollout history` no longer lists it).
 * A ReplicaSet about to be created also gets its desired/max replicas annotations.
 */
export function setNewReplicaSetAnnotations(d: KubeObject, rs: KubeObject, newRevision: number, exists: boolean, desired: number, max: number): boolean {
  let changed = copyDeploymentAnnotations(d, rs);
  const ann = (rs.metadata.annotations ??= {});
  const oldText = ann[REVISION];
  if (oldText !== undefined && !/^\d+$/.test(oldText)) return false;
  const old = oldText === undefined ? 0 : Number(oldText);
  if (old < newRevision) {
    ann[REVISION] = String(newRevision);
    changed = true;
    if (oldText !== undefined) ann[REVISION_HISTORY] = appendHistory(ann[REVISION_HISTORY] ?? '', oldText) ?? ann[REVISION_HISTORY];
    if (ann[REVISION_HISTORY] === undefined) delete ann[REVISION_HISTORY];
  }
  if (!exists && setReplicasAnnotations(rs, desired, max)) changed = true;
  return changed;
}

/** Appends a revision to the comma-separated history, dropping the oldest entries past the length cap. */
function appendHistory(history: string, revision: string): string | undefined {
  if (history === '') return revision;
  let entries = history.split(',');
  let total = history.length + revision.length + 1;
  let start = 0;
  while (total > MAX_REV_HISTORY_CHARS && start < entries.length) {
    total -= entries[start].length + 1;
    start++;
  }
  if (total > MAX_REV_HISTORY_CHARS) return undefined;
  entries = [...entries.slice(start), revision];
  return entries.join(',');
}

/** SetDeploymentRevision: true when the deployment's revision annotation changed. */
export function setDeploymentRevision(d: KubeObject, revision: string): boolean {
  const ann = (d.metadata.annotations ??= {});
  if (ann[REVISION] === revision) return false;
  ann[REVISION] = revision;
  return true;
}
