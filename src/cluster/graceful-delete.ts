import type { ObjectRef } from '../api/types.js';
import { clone } from '../api/types.js';
import type { ObjectStore } from '../store/objects.js';
import { addSeconds } from '../util/clock.js';

/**
 * Deletion as the API server does it: a pod that may still be running gets a deletionTimestamp (now +
 * its grace period) and is left to the kubelet to stop; everything else, and a grace period of 0
 * (`--grace-period=0 --force`), goes at once. Returns whether anything changed.
 */
export function deleteGracefully(store: ObjectStore, ref: ObjectRef, gracePeriodSeconds?: number): boolean {
  const obj = store.get(ref.kind, ref.namespace, ref.name);
  if (!obj) return false;
  if (ref.kind !== 'Pod') return Boolean(store.remove(ref));
  const grace = gracePeriodSeconds ?? obj.spec?.terminationGracePeriodSeconds ?? 30;
  const finished = obj.status?.phase === 'Succeeded' || obj.status?.phase === 'Failed';
  if (grace === 0 || !obj.spec?.nodeName || finished) return Boolean(store.remove(ref));
  if (obj.metadata.deletionTimestamp) {
    // A second delete may only shorten the grace period.
    if (obj.metadata.deletionGracePeriodSeconds !== undefined && grace >= obj.metadata.deletionGracePeriodSeconds) return false;
  }
  const u = clone(obj);
  u.metadata.deletionTimestamp = addSeconds(store.now(), grace);
  u.metadata.deletionGracePeriodSeconds = grace;
  return store.update(u) !== obj;
}
