import type { KubeObject } from '../api/types.js';
import type { ControllerInput, Op } from './types.js';
import { clone } from '../api/types.js';
import { NAME_SUFFIX_ALPHABET } from '../util/rng.js';
import { makeEvent } from './events.js';
import { changed, isActivePod, isOwnedBy, isPodReady, podFromTemplate } from './util.js';

/**
 * ReplicaSet: create or delete pods until the active ones match spec.replicas, then report status.
 * New pods are named `<rs>-<5 chars>`; surplus pods are deleted newest first (a simplification of the
 * real ranking, which prefers unscheduled, then not-ready, then younger pods).
 */
export function reconcileReplicaSets({ snapshot, now, rng }: ControllerInput): Op[] {
  const ops: Op[] = [];
  for (const rs of snapshot.list('ReplicaSet')) {
    if (rs.metadata.deletionTimestamp) continue;
    const ns = rs.metadata.namespace!;
    const owned = snapshot.list('Pod', ns).filter((p) => isOwnedBy(p, rs));
    const active = owned.filter(isActivePod);
    const want = rs.spec?.replicas ?? 1;
    const src = { component: 'replicaset-controller' };
    if (active.length < want) {
      const taken = new Set(snapshot.list('Pod', ns).map((p) => p.metadata.name));
      for (let i = active.length; i < want; i++) {
        let name: string;
        do name = `${rs.metadata.name}-${rng.string(NAME_SUFFIX_ALPHABET, 5)}`;
        while (taken.has(name));
        taken.add(name);
        const pod = podFromTemplate(rs, rs.spec.template, name, `${rs.metadata.name}-`);
        ops.push({ op: 'create', obj: pod });
        ops.push({ op: 'create', obj: makeEvent(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`, src, now, rng) });
      }
    } else if (active.length > want) {
      const victims = [...active]
        .sort((a, b) => (a.metadata.creationTimestamp! < b.metadata.creationTimestamp! ? 1 : -1) || (a.metadata.name < b.metadata.name ? 1 : -1))
        .slice(0, active.length - want);
      for (const p of victims) {
        ops.push({ op: 'delete', ref: { kind: 'Pod', namespace: ns, name: p.metadata.name } });
        ops.push({ op: 'create', obj: makeEvent(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, src, now, rng) });
      }
    }
    const u = withStatus(rs, active, want);
    const c = changed(rs, u);
    if (c) ops.push({ op: 'update', obj: c });
  }
  return ops;
}

function withStatus(rs: KubeObject, active: KubeObject[], want: number): KubeObject {
  const u = clone(rs);
  const current = active.length;
  const ready = active.filter(isPodReady).length;
  const labelled = active.filter((p) => {
    const tl: Record<string, string> = rs.spec?.template?.metadata?.labels ?? {};
    return Object.entries(tl).every(([k, v]) => p.metadata.labels?.[k] === v);
  }).length;
  u.status = {
    ...(ready ? { availableReplicas: ready } : {}),
    fullyLabeledReplicas: labelled,
    observedGeneration: rs.metadata.generation ?? 1,
    ...(ready ? { readyReplicas: ready } : {}),
    replicas: current,
  };
  if (want === 0 && current === 0) u.status = { observedGeneration: rs.metadata.generation ?? 1, replicas: 0 };
  return u;
}
