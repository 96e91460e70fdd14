import type { ControllerInput, Op } from './types.js';
import { STORED_KINDS } from '../api/kinds.js';

/**
 * Foreground cascading deletion: an owner marked with the `foregroundDeletion` finalizer has its
 * dependents deleted first, and goes itself once none is left.
 */
function foreground(all: ReturnType<ControllerInput['snapshot']['list']>): Op[] {
  const ops: Op[] = [];
  for (const owner of all) {
    if (!owner.metadata.deletionTimestamp || !owner.metadata.finalizers?.includes('foregroundDeletion')) continue;
    const deps = all.filter((o) => (o.metadata.ownerReferences ?? []).some((r) => r.uid === owner.metadata.uid));
    for (const d of deps) ops.push({ op: 'delete', ref: { kind: d.kind, namespace: d.metadata.namespace ?? '', name: d.metadata.name } });
    if (deps.length === 0) ops.push({ op: 'delete', ref: { kind: owner.kind, namespace: owner.metadata.namespace ?? '', name: owner.metadata.name }, final: true });
  }
  return ops;
}

/**
 * Background cascading deletion: an object whose every owner reference points at an object that no
 * longer exists (matched by uid) is deleted. Orphaned children (`--cascade=orphan`) have had their
 * references removed by the deleting verb, so they stay.
 */
export function collectGarbage({ snapshot }: ControllerInput): Op[] {
  const all = [...STORED_KINDS].flatMap((k) => snapshot.list(k));
  const marked = foreground(all);
  const dependents = all.filter((o) => o.metadata.ownerReferences?.length);
  if (dependents.length === 0) return marked;
  const uids = new Set<string>();
  for (const o of all) if (o.metadata.uid) uids.add(o.metadata.uid);
  const ops: Op[] = [];
  for (const o of dependents) {
    const refs = o.metadata.ownerReferences ?? [];
    if (refs.length === 0) continue;
    if (refs.some((r) => uids.has(r.uid))) continue;
    ops.push({ op: 'delete', ref: { kind: o.kind, namespace: o.metadata.namespace ?? '', name: o.metadata.name } });
  }
  return [...marked, ...ops];
}
