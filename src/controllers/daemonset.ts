import type { KubeObject } from '../api/types.js';
import type { ControllerInput, Op } from './types.js';
import { clone } from '../api/types.js';
import { NAME_SUFFIX_ALPHABET } from '../util/rng.js';
import { makeEvent } from './events.js';
import { fits } from './scheduler.js';
import { changed, isActivePod, isOwnedBy, isPodReady, podFromTemplate } from './util.js';

/** DaemonSet: one pod on every node the template fits (bound directly to the node), then status. */
export function reconcileDaemonSets({ snapshot, now, rng }: ControllerInput): Op[] {
  const ops: Op[] = [];
  const nodes = snapshot.list('Node');
  for (const ds of snapshot.list('DaemonSet')) {
    if (ds.metadata.deletionTimestamp) continue;
    const ns = ds.metadata.namespace!;
    const owned = snapshot.list('Pod', ns).filter((p) => isOwnedBy(p, ds) && isActivePod(p));
    const probe: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: '' }, spec: ds.spec.template.spec };
    const eligible = nodes.filter((n) => fits(probe, { ...n, spec: { ...n.spec, unschedulable: false } }));
    const taken = new Set(snapshot.list('Pod', ns).map((p) => p.metadata.name));
    for (const node of eligible) {
      if (owned.some((p) => p.spec.nodeName === node.metadata.name)) continue;
      let name: string;
      do name = `${ds.metadata.name}-${rng.string(NAME_SUFFIX_ALPHABET, 5)}`;
      while (taken.has(name));
      taken.add(name);
      const pod = podFromTemplate(ds, ds.spec.template, name, `${ds.metadata.name}-`);
      pod.metadata.labels = { ...pod.metadata.labels, 'controller-revision-hash': ds.metadata.annotations?.['kubesim.io/revision-hash'] ?? '', 'pod-template-generation': String(ds.metadata.generation ?? 1) };
      pod.spec.nodeName = node.metadata.name;
      ops.push({ op: 'create', obj: pod });
      ops.push({ op: 'create', obj: makeEvent(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`, { component: 'daemonset-controller' }, now, rng) });
    }
    const u = clone(ds);
    const n = eligible.length;
    const ready = owned.filter(isPodReady).length;
    u.status = {
      currentNumberScheduled: owned.length,
      desiredNumberScheduled: n,
      numberAvailable: ready,
      numberMisscheduled: 0,
      numberReady: ready,
      observedGeneration: ds.metadata.generation ?? 1,
      updatedNumberScheduled: owned.length,
    };
    const c = changed(ds, u);
    if (c) ops.push({ op: 'update', obj: c });
  }
  return ops;
}
