import type { KubeObject } from '../api/types.js';
import type { ControllerInput, Op } from './types.js';
import { clone } from '../api/types.js';
import { NAME_SUFFIX_ALPHABET } from '../util/rng.js';
import { resolveTargetPort, servicePods, type ServicePort } from './endpoints.js';
import { controllerRef, isPodReady } from './util.js';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
const CONTROLLER = 'endpointslice-controller.k8s.io';

/**
 * The EndpointSlice controller: one IPv4 slice per Service with a selector, named `<svc>-<5 chars>`,
 * labelled with the service name, holding every matching pod (ready or not, with conditions).
 * Pods whose named target port resolves differently would need extra slices; they share one here.
 */
export function reconcileEndpointSlices({ snapshot, rng }: ControllerInput): Op[] {
  const ops: Op[] = [];
  const slices = snapshot.list('EndpointSlice').filter((s) => s.metadata.labels?.[MANAGED_BY] === CONTROLLER);
  for (const svc of snapshot.list('Service')) {
    if (!svc.spec?.selector || svc.spec.type === 'ExternalName') continue;
    const ns = svc.metadata.namespace!;
    const mine = slices.filter((s) => s.metadata.namespace === ns && s.metadata.labels?.[SERVICE_NAME_LABEL] === svc.metadata.name);
    const pods = servicePods(svc, snapshot.list('Pod', ns));
    const ports = (svc.spec.ports ?? []).map((sp: ServicePort) => {
      const pod = pods.find((p) => resolveTargetPort(sp, p) !== undefined);
      const port = pod ? resolveTargetPort(sp, pod) : undefined;
      return { name: sp.name ?? '', ...(port !== undefined ? { port } : {}), protocol: sp.protocol ?? 'TCP' };
    });
    const endpoints = pods.map((p) => ({
      addresses: [p.status.podIP],
      conditions: { ready: isPodReady(p), serving: isPodReady(p), terminating: false },
      nodeName: p.spec.nodeName,
      targetRef: { kind: 'Pod', name: p.metadata.name, namespace: ns, uid: p.metadata.uid },
    }));
    const labels = { ...svc.metadata.labels, [MANAGED_BY]: CONTROLLER, [SERVICE_NAME_LABEL]: svc.metadata.name };
    const existing = mine[0];
    const body = {
      addressType: 'IPv4',
      endpoints: endpoints.length ? endpoints : null,
      ports: pods.length ? ports : null,
    };
    if (!existing) {
      const taken = new Set(snapshot.list('EndpointSlice', ns).map((s) => s.metadata.name));
      let name: string;
      do name = `${svc.metadata.name}-${rng.string(NAME_SUFFIX_ALPHABET, 5)}`;
      while (taken.has(name));
      ops.push({
        op: 'create',
        obj: {
          apiVersion: 'discovery.k8s.io/v1',
          kind: 'EndpointSlice',
          metadata: { generateName: `${svc.metadata.name}-`, labels, name, namespace: ns, ownerReferences: [controllerRef(svc)] },
          ...body,
        },
      });
    } else {
      const u: KubeObject = clone(existing);
      u.metadata.labels = labels;
      Object.assign(u, body);
      if (JSON.stringify(u) !== JSON.stringify(existing)) ops.push({ op: 'update', obj: u });
    }
    for (const extra of mine.slice(1)) ops.push({ op: 'delete', ref: { kind: 'EndpointSlice', namespace: ns, name: extra.metadata.name } });
  }
  return ops;
}
