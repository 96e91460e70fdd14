import type { KubeObject } from '../../api/types.js';
import { addSeconds } from '../../util/clock.js';
import { isActivePod, isOwnedBy, isPodReady } from '../util.js';

/**
 * One ReplicaSet of a deployment as a sync sees it: a working copy whose spec.replicas and annotations
 * the sync changes, plus the pod counts its status reports. The counts come straight from the pods (what
 * the ReplicaSet controller's next status update will say), so a rolling step needs one reconcile pass
 * fewer than waiting for the ReplicaSet status would.
 */
export interface RsState {
  obj: KubeObject;
  /** status.replicas: pods that are neither terminating nor finished. */
  actual: number;
  /** status.readyReplicas. */
  ready: number;
  /** status.availableReplicas: pods ready for longer than minReadySeconds. */
  available: number;
  /** Pods that have not finished, terminating ones included: Recreate waits until these are gone. */
  running: number;
  /** Created by this sync (not stored yet). */
  created?: boolean;
}

/** spec.replicas of a ReplicaSet (1 when unset, the API default). */
export function specReplicas(rs: RsState | undefined): number {
  return rs ? (rs.obj.spec?.replicas ?? 1) : 0;
}

/** When availability is judged: the clock, whether time stands still, and the deployment's minReadySeconds. */
export interface Availability {
  now: string;
  instant: boolean;
  minReadySeconds: number;
}

/**
 * podutil.IsPodAvailable: ready, and (with minReadySeconds) ready since strictly more than that many
 * seconds. When time stands still the wait collapses, like every other simulated delay. Returns the
 * instant the pod becomes available when that is still ahead.
 */
export function podAvailability(pod: KubeObject, a: Availability): { available: boolean; at?: string } {
  if (!isPodReady(pod)) return { available: false };
  if (!a.minReadySeconds || a.instant) return { available: true };
  const since = (pod.status?.conditions ?? []).find((c: { type: string }) => c.type === 'Ready')?.lastTransitionTime;
  if (!since) return { available: false };
  // Timestamps have whole seconds and the comparison is strict: available one second after the mark.
  const at = addSeconds(since, a.minReadySeconds + 1);
  return Date.parse(at) <= Date.parse(a.now) ? { available: true } : { available: false, at };
}

/** The counts of a ReplicaSet from the pods it controls; `wakes` collects when pending pods become available. */
export function rsState(rs: KubeObject, pods: KubeObject[], a: Availability = { now: '', instant: true, minReadySeconds: 0 }, wakes: string[] = []): RsState {
  const owned = pods.filter((p) => isOwnedBy(p, rs));
  const active = owned.filter(isActivePod);
  let ready = 0;
  let available = 0;
  for (const p of active) {
    if (!isPodReady(p)) continue;
    ready++;
    const av = podAvailability(p, a);
    if (av.available) available++;
    else if (av.at) wakes.push(av.at);
  }
  const running = owned.filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed').length;
  return { obj: rs, actual: active.length, ready, available, running };
}

/** controller.ReplicaSetsByCreationTimestamp: older first, the name breaking ties. */
export function byCreation(a: RsState, b: RsState): number {
  const ta = Date.parse(a.obj.metadata.creationTimestamp ?? '') || 0;
  const tb = Date.parse(b.obj.metadata.creationTimestamp ?? '') || 0;
  if (ta !== tb) return ta - tb;
  return a.obj.metadata.name < b.obj.metadata.name ? -1 : a.obj.metadata.name > b.obj.metadata.name ? 1 : 0;
}

/** ReplicaSetsBySizeNewer: larger first; among equals the newer first (scale-up order). */
export function bySizeNewer(a: RsState, b: RsState): number {
  if (specReplicas(a) !== specReplicas(b)) return specReplicas(b) - specReplicas(a);
  return byCreation(b, a);
}

/** ReplicaSetsBySizeOlder: larger first; among equals the older first (scale-down order). */
export function bySizeOlder(a: RsState, b: RsState): number {
  if (specReplicas(a) !== specReplicas(b)) return specReplicas(b) - specReplicas(a);
  return byCreation(a, b);
}

/** FilterActiveReplicaSets: those with spec.replicas > 0. */
export function active(list: Array<RsState | undefined>): RsState[] {
  return list.filter((rs): rs is RsState => !!rs && specReplicas(rs) > 0);
}

/** Sum of spec.replicas (GetReplicaCountForReplicaSets). */
export function sumSpec(list: Array<RsState | undefined>): number {
  return list.reduce((n, rs) => n + specReplicas(rs), 0);
}

/** Sum of a pod count over ReplicaSets. */
export function sum(list: Array<RsState | undefined>, field: 'actual' | 'ready' | 'available'): number {
  return list.reduce((n, rs) => n + (rs ? rs[field] : 0), 0);
}
