import { CONTROLLERS } from '../controllers/index.js';
import type { Op } from '../controllers/types.js';
import type { Profile } from '../api/profiles.js';
import type { ObjectStore } from '../store/objects.js';
import { admitControllerObject } from './admission.js';

const MAX_PASSES = 30;

/**
 * The one impure loop: run every controller against the current objects and apply what they ask for,
 * pass after pass, until a pass changes nothing (or the pass limit, which only a controller bug reaches).
 */
export function reconcileAll(store: ObjectStore, profile: Profile): void {
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changes = 0;
    for (const [, controller] of CONTROLLERS) {
      const ops = controller({ snapshot: store, profile, allocations: store.state.allocations, now: store.now(), rng: store.rng });
      changes += applyOps(store, ops);
    }
    if (changes === 0) return;
  }
}

function applyOps(store: ObjectStore, ops: Op[]): number {
  let n = 0;
  for (const op of ops) {
    switch (op.op) {
      case 'create': {
        const md = op.obj.metadata;
        if (store.get(op.obj.kind, md.namespace ?? '', md.name)) continue;
        store.create(admitControllerObject(op.obj, store.rng));
        n++;
        break;
      }
      case 'update': {
        const md = op.obj.metadata;
        const cur = store.get(op.obj.kind, md.namespace ?? '', md.name);
        if (!cur || cur.metadata.uid !== op.obj.metadata.uid) continue;
        if (store.update(op.obj) !== cur) n++;
        break;
      }
      case 'delete':
        if (store.remove(op.ref)) n++;
        break;
      case 'reserve-pod-ip':
        if (store.state.allocations.lastPodIP[op.node] !== op.ip) {
          store.state.allocations.lastPodIP[op.node] = op.ip;
          store.dirty = true;
          n++;
        }
        break;
    }
  }
  return n;
}
