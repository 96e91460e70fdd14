import type { ControllerInput, Op } from './types.js';
import { STORED_KINDS } from '../api/kinds.js';

/**
 * Background cascading deletion: an object whose every owner reference points at an object that no
 * longer exists (matched by uid) is deleted. Orphaned children (`--cascade=orphan`) have had their
 * references removed by the deleting verb, so they stay.
 */
export function collectGarbage({ snapshot }: ControllerInput): Op[] {
  const all = [...STORED_KINDS].flatMap((k) => snapshot.list(k));
  const dependents = all.filter((o) => o.metadata.ownerReferences?.length);
  if (dependents.length === 0) return [];
  const uids = new Set<string>();
  for (const o of all) if (o.metadata.uid) uids.add(o.metadata.uid);
  const ops: Op[] = [];
  for (const o of dependents) {
    const refs = o.metadata.ownerReferences ?? [];
    if (refs.length === 0) continue;
    if (refs.some((r) => uids.has(r.uid))) continue;
    ops.push({ op: 'delete', ref: { kind: o.kind, namespace: o.metadata.namespace ?? '', name: o.metadata.name } });
  }
  return ops;
}
