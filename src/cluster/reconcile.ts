import { CONTROLLERS } from '../controllers/index.js';
import type { Op } from '../controllers/types.js';
import type { Profile } from '../api/profiles.js';
import type { ObjectStore } from '../store/objects.js';
import type { KubeObject } from '../api/types.js';
import { admitControllerObject } from './admission.js';
import { deleteGracefully } from './graceful-delete.js';

const MAX_PASSES = 30;

/**
 * The one impure loop: run every controller against the current objects and apply what they ask for,
 * pass after pass, until a pass changes nothing (or the pass limit, which only a controller bug reaches).
 */
export function reconcileAll(store: ObjectStore, profile: Profile, instant: boolean): void {
  // Nothing written since the last reconcile reached its fixpoint at this instant: nothing to do.
  const settled = settledAt.get(store);
  if (settled && settled.writes === store.writes && settled.now === store.now()) return;
  const state = store.state;
  state.runtime ??= { containers: {}, pods: {} };
  let wakeAt: string | undefined;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changes = 0;
    wakeAt = undefined;
    for (const [, controller] of CONTROLLERS) {
      const ops = controller({ snapshot: store, profile, allocations: state.allocations, now: store.now(), rng: store.rng, runtime: state.runtime, instant });
      for (const op of ops) if (op.op === 'wake' && op.at > store.now() && (!wakeAt || op.at < wakeAt)) wakeAt = op.at;
      changes += applyOps(store, ops);
    }
    if (changes === 0) break;
  }
  if (state.wakeAt !== wakeAt) {
    if (wakeAt) state.wakeAt = wakeAt;
    else delete state.wakeAt;
    store.dirty = true;
  }
  settledAt.set(store, { writes: store.writes, now: store.now() });
}

const settledAt = new WeakMap<ObjectStore, { writes: number; now: string }>();

function applyOps(store: ObjectStore, ops: Op[]): number {
  let n = 0;
  for (const op of ops) {
    switch (op.op) {
      case 'create': {
        const obj = op.obj.kind === 'Event' ? withTimeOrderedName(op.obj, store) : op.obj;
        const md = obj.metadata;
        if (store.get(obj.kind, md.namespace ?? '', md.name)) continue;
        store.create(admitControllerObject(obj, store.rng));
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
        if (op.final ? store.remove(op.ref) : deleteGracefully(store, op.ref)) n++;
        break;
      case 'container': {
        const map = store.state.runtime!.containers;
        if (op.record === null ? !(op.id in map) : JSON.stringify(map[op.id]) === JSON.stringify(op.record)) continue;
        if (op.record === null) delete map[op.id];
        else map[op.id] = op.record;
        store.dirty = true;
        store.writes++;
        n++;
        break;
      }
      case 'pod-plan': {
        const map = store.state.runtime!.pods;
        if (op.plan === null ? !(op.uid in map) : JSON.stringify(map[op.uid]) === JSON.stringify(op.plan)) continue;
        if (op.plan === null) delete map[op.uid];
        else map[op.uid] = op.plan;
        store.dirty = true;
        store.writes++;
        n++;
        break;
      }
      case 'wake':
        break;
      case 'reserve-pod-ip':
        if (store.state.allocations.lastPodIP[op.node] !== op.ip) {
          store.state.allocations.lastPodIP[op.node] = op.ip;
          store.dirty = true;
          store.writes++;
          n++;
        }
        break;
    }
  }
  return n;
}

/**
 * The event recorder names events `<object>.<UnixNano in hex>`, so listing them by name lists them in
 * time order. Simulated time has whole seconds; the store's resourceVersion counter orders events that
 * share a second.
 */
function withTimeOrderedName(ev: KubeObject, store: ObjectStore): KubeObject {
  const ms = BigInt(Date.parse(store.now()));
  const nanos = ms * 1_000_000n + BigInt(store.state.resourceVersion % 1_000_000) * 1000n;
  const base = ev.involvedObject?.name ?? ev.metadata.name.replace(/\.[0-9a-f]+$/, '');
  return { ...ev, metadata: { ...ev.metadata, name: `${base}.${nanos.toString(16)}` } };
}
