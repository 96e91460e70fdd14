import type { Json, KubeObject } from '../../api/types.js';
import { type RsState, specReplicas, sumSpec } from './model.js';

/**
 * The arithmetic of a rolling update (deployment util: ResolveFenceposts, MaxSurge, MaxUnavailable,
 * NewRSNewReplicas, GetProportion). Everything here is a pure function of the objects passed in.
 */

/**
 * intstr.GetScaledValueFromIntOrPercent: an int is taken as is; `N%` is N percent of `total`, rounded up
 * (maxSurge) or down (maxUnavailable).
 */
export function scaledValue(v: Json, total: number, roundUp: boolean): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(String(v));
  if (!m) return Number.parseInt(String(v), 10) || 0;
  const x = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

export function isRollingUpdate(d: KubeObject): boolean {
  return (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

export function desiredReplicas(d: KubeObject): number {
  return d.spec?.replicas ?? 1;
}

/**
 * ResolveFenceposts: surge rounds up, unavailable rounds down; when both come out 0 (say 25% of 1 for
 * maxUnavailable with maxSurge 0), one pod may be unavailable so the rollout can move at all.
 */
export function resolveFenceposts(maxSurge: Json, maxUnavailable: Json, desired: number): { surge: number; unavailable: number } {
  const surge = scaledValue(maxSurge ?? '25%', desired, true);
  let unavailable = scaledValue(maxUnavailable ?? '25%', desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

/** How many pods above spec.replicas a rolling update may run (0 for Recreate). */
export function maxSurge(d: KubeObject): number {
  if (!isRollingUpdate(d)) return 0;
  const ru = d.spec?.strategy?.rollingUpdate ?? {};
  return resolveFenceposts(ru.maxSurge, ru.maxUnavailable, desiredReplicas(d)).surge;
}

/** How many of spec.replicas may be unavailable during a rolling update (0 for Recreate or 0 replicas). */
export function maxUnavailable(d: KubeObject): number {
  const want = desiredReplicas(d);
  if (!isRollingUpdate(d) || want === 0) return 0;
  const ru = d.spec?.strategy?.rollingUpdate ?? {};
  return Math.min(resolveFenceposts(ru.maxSurge, ru.maxUnavailable, want).unavailable, want);
}

/**
 * NewRSNewReplicas: the size the new ReplicaSet may grow to now — up to spec.replicas + maxSurge pods
 * in all ReplicaSets together, never beyond spec.replicas (Recreate: spec.replicas at once).
 */
export function newRSNewReplicas(d: KubeObject, all: Array<RsState | undefined>, newRS: RsState): number {
  const want = desiredReplicas(d);
  if (!isRollingUpdate(d)) return want;
  const current = sumSpec(all);
  const maxTotal = want + maxSurge(d);
  if (current >= maxTotal) return specReplicas(newRS);
  const up = Math.min(maxTotal - current, want - specReplicas(newRS));
  return specReplicas(newRS) + up;
}

/** Go's integer.RoundToInt32: halves away from zero, then truncation. */
function roundToInt(a: number): number {
  return a < 0 ? Math.trunc(a - 0.5) : Math.trunc(a + 0.5);
}

/**
 * GetProportion: this ReplicaSet's share of `toAdd` extra (or, negative, fewer) replicas when a deployment
 * is resized in the middle of a rollout, based on the max-replicas annotation it was last sized for.
 */
export function proportion(rs: RsState, d: KubeObject, toAdd: number, added: number, statusReplicas: number): number {
  if (specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d, statusReplicas);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function replicaSetFraction(rs: RsState, d: KubeObject, statusReplicas: number): number {
  if (desiredReplicas(d) === 0) return -specReplicas(rs);
  const maxNow = desiredReplicas(d) + maxSurge(d);
  let before = Number.parseInt(rs.obj.metadata.annotations?.['deployment.kubernetes.io/max-replicas'] ?? '', 10);
  if (!Number.isFinite(before) || before === 0) {
    before = statusReplicas;
    if (before === 0) return 0;
  }
  return roundToInt((specReplicas(rs) * maxNow) / before) - specReplicas(rs);
}
