import type { Json, KubeObject } from '../../api/types.js';
import type { Snapshot } from '../../api/snapshot.js';

/**
 * kubectl's client-side copy of the deployment util (kubectl/pkg/util/deployment): a deployment's
 * ReplicaSets, their revisions, and which one is current. Commands may not import the controllers, so
 * the few rules both need are restated here.
 */

export const REVISION = 'deployment.kubernetes.io/revision';
export const CHANGE_CAUSE = 'kubernetes.io/change-cause';
export const HASH_LABEL = 'pod-template-hash';

/** Deployment annotations `rollout undo` keeps from the deployment instead of taking them from the ReplicaSet. */
export const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

/** deploymentutil.Revision: the revision annotation parsed as an integer, or an error text as Go's strconv gives it. */
export function parseRevision(o: KubeObject): { revision?: number; error?: string } {
  const v = o.metadata.annotations?.[REVISION] ?? '';
  if (!/^[+-]?\d+$/.test(v)) return { error: `strconv.ParseInt: parsing ${JSON.stringify(v)}: invalid syntax` };
  return { revision: Number(v) };
}

/** The ReplicaSets whose controller is the deployment (by uid), in the API's list order (by name). */
export function replicaSetsOf(snapshot: Snapshot, d: KubeObject): KubeObject[] {
  return snapshot
    .list('ReplicaSet', d.metadata.namespace ?? '')
    .filter((rs) => (rs.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === d.metadata.uid));
}

/** The pod templates are equal apart from the pod-template-hash label (empty maps equal absent ones). */
export function equalIgnoreHash(a: Json, b: Json): boolean {
  return templateKey(a) === templateKey(b);
}

/** A copy of a template without the pod-template-hash label (what `rollout undo` writes back). */
export function withoutHash(template: Json): Json {
  const t = JSON.parse(JSON.stringify(template ?? {}));
  if (t.metadata?.labels) {
    delete t.metadata.labels[HASH_LABEL];
    if (Object.keys(t.metadata.labels).length === 0) delete t.metadata.labels;
  }
  return t;
}

function templateKey(t: Json): string {
  return canonical(withoutHash(t));
}

function canonical(v: Json): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const keys = Object.keys(v)
      .filter((k) => !(v[k] === null || v[k] === undefined || (typeof v[k] === 'object' && Object.keys(v[k]).length === 0)))
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template matches the deployment's. */
export function newReplicaSet(d: KubeObject, list: KubeObject[]): KubeObject | undefined {
  return [...list].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

function byCreation(a: KubeObject, b: KubeObject): number {
  const ta = Date.parse(a.metadata.creationTimestamp ?? '') || 0;
  const tb = Date.parse(b.metadata.creationTimestamp ?? '') || 0;
  if (ta !== tb) return ta - tb;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}
