import type { KubeObject } from '../api/types.js';
import type { ControllerInput, Op } from './types.js';
import { clone } from '../api/types.js';
import { makeEvent } from './events.js';
import { podTemplateHash } from './hash.js';
import { changed, controllerRef, isOwnedBy } from './util.js';

const REVISION = 'deployment.kubernetes.io/revision';

/**
 * Deployment: one ReplicaSet per pod template, named `<deploy>-<pod-template-hash>`; the current one is
 * scaled to spec.replicas and older ones to zero. (The rolling pace — maxSurge/maxUnavailable — is not
 * simulated yet: a template change replaces the pods in one reconcile.)
 */
export function reconcileDeployments({ snapshot, now, rng }: ControllerInput): Op[] {
  const ops: Op[] = [];
  for (const d of snapshot.list('Deployment')) {
    if (d.metadata.deletionTimestamp) continue;
    const ns = d.metadata.namespace!;
    const owned = snapshot.list('ReplicaSet', ns).filter((rs) => isOwnedBy(rs, d));
    const hash = podTemplateHash(d.spec.template);
    const name = `${d.metadata.name}-${hash}`;
    const want = d.spec.paused ? undefined : (d.spec.replicas ?? 1);
    const maxRevision = Math.max(0, ...owned.map((rs) => Number(rs.metadata.annotations?.[REVISION] ?? 0)));
    let current = owned.find((rs) => rs.metadata.name === name);
    const src = { component: 'deployment-controller' };
    let revision = current ? Number(current.metadata.annotations?.[REVISION] ?? 1) : maxRevision + 1;
    if (want === undefined) continue;
    if (!current) {
      current = newReplicaSet(d, name, hash, want, revision);
      ops.push({ op: 'create', obj: current });
      if (want > 0) ops.push({ op: 'create', obj: makeEvent(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${name} from 0 to ${want}`, src, now, rng) });
    } else {
      if (revision < maxRevision) revision = maxRevision + 1; // rolled back to an older template
      const u = clone(current);
      const had = current.spec.replicas ?? 0;
      u.spec.replicas = want;
      u.metadata.annotations = { ...u.metadata.annotations, [REVISION]: String(revision), 'deployment.kubernetes.io/desired-replicas': String(want), 'deployment.kubernetes.io/max-replicas': String(want + maxSurge(d, want)) };
      const c = changed(current, u);
      if (c) ops.push({ op: 'update', obj: c });
      if (had !== want) {
        const verb = want > had ? 'up' : 'down';
        ops.push({ op: 'create', obj: makeEvent(d, 'Normal', 'ScalingReplicaSet', `Scaled ${verb} replica set ${name} from ${had} to ${want}`, src, now, rng) });
      }
    }
    for (const old of owned) {
      if (old.metadata.name === name || (old.spec.replicas ?? 0) === 0) continue;
      const u = clone(old);
      u.spec.replicas = 0;
      ops.push({ op: 'update', obj: u });
      ops.push({ op: 'create', obj: makeEvent(d, 'Normal', 'ScalingReplicaSet', `Scaled down replica set ${old.metadata.name} from ${old.spec.replicas} to 0`, src, now, rng) });
    }
    const st = withStatus(d, owned, name, revision, now);
    const c = changed(d, st);
    if (c) ops.push({ op: 'update', obj: c });
  }
  return ops;
}

function maxSurge(d: KubeObject, replicas: number): number {
  const v = d.spec.strategy?.rollingUpdate?.maxSurge ?? '25%';
  if (d.spec.strategy?.type === 'Recreate') return 0;
  return typeof v === 'number' ? v : Math.ceil((replicas * parseInt(v, 10)) / 100);
}

function newReplicaSet(d: KubeObject, name: string, hash: string, replicas: number, revision: number): KubeObject {
  const template = clone(d.spec.template);
  template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, 'pod-template-hash': hash } };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      annotations: {
        'deployment.kubernetes.io/desired-replicas': String(replicas),
        'deployment.kubernetes.io/max-replicas': String(replicas + maxSurge(d, replicas)),
        [REVISION]: String(revision),
      },
      labels: { ...template.metadata.labels },
      name,
      namespace: d.metadata.namespace,
      ownerReferences: [controllerRef(d)],
    },
    spec: {
      replicas,
      selector: { ...d.spec.selector, matchLabels: { ...d.spec.selector?.matchLabels, 'pod-template-hash': hash } },
      template,
    },
  };
}

function withStatus(d: KubeObject, owned: KubeObject[], currentName: string, revision: number, now: string): KubeObject {
  const u = clone(d);
  u.metadata.annotations = { ...u.metadata.annotations, [REVISION]: String(revision) };
  const total = owned.reduce((n, rs) => n + (rs.status?.replicas ?? 0), 0);
  const cur = owned.find((rs) => rs.metadata.name === currentName);
  const updated = cur?.status?.replicas ?? 0;
  const ready = owned.reduce((n, rs) => n + (rs.status?.readyReplicas ?? 0), 0);
  const want = d.spec.replicas ?? 1;
  const available = ready;
  const prev: Array<{ type: string; status: string; reason: string; lastTransitionTime: string; lastUpdateTime: string }> = d.status?.conditions ?? [];
  const cond = (type: string, status: string, reason: string, message: string) => {
    const old = prev.find((c) => c.type === type);
    const same = old && old.status === status && old.reason === reason;
    return {
      lastTransitionTime: old && old.status === status ? old.lastTransitionTime : now,
      lastUpdateTime: same ? old.lastUpdateTime : now,
      message,
      reason,
      status,
      type,
    };
  };
  const minAvailable = want - Math.floor((want * 25) / 100);
  const availableCond = available >= minAvailable
    ? cond('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.')
    : cond('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.');
  const progressing = updated === want && available >= want
    ? cond('Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${currentName}" has successfully progressed.`)
    : cond('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${currentName}" is progressing.`);
  u.status = {
    ...(available ? { availableReplicas: available } : {}),
    conditions: [availableCond, progressing],
    observedGeneration: d.metadata.generation ?? 1,
    ...(ready ? { readyReplicas: ready } : {}),
    ...(total ? { replicas: total } : {}),
    ...(total - available > 0 ? { unavailableReplicas: total - available } : {}),
    ...(updated ? { updatedReplicas: updated } : {}),
  };
  return u;
}
