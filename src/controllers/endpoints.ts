import type { KubeObject } from '../api/types.js';
import type { ControllerInput, Op } from './types.js';
import { matchesMap } from '../api/labels.js';
import { clone } from '../api/types.js';
import { isPodReady, isTerminating } from './util.js';

export interface ServicePort {
  name?: string;
  port: number;
  protocol?: string;
  targetPort?: number | string;
  nodePort?: number;
}

/** The pod port a service port reaches: a number, or a named container port looked up in the pod. */
export function resolveTargetPort(sp: ServicePort, pod: KubeObject): number | undefined {
  const t = sp.targetPort ?? sp.port;
  if (typeof t === 'number') return t;
  if (/^\d+$/.test(t)) return Number(t);
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name === t && (p.protocol ?? 'TCP') === (sp.protocol ?? 'TCP')) return p.containerPort;
  }
  return undefined;
}

/** Pods a selector-based Service routes to: matching, with an IP, not terminating. */
export function servicePods(svc: KubeObject, pods: KubeObject[]): KubeObject[] {
  return pods.filter((p) => matchesMap(svc.spec.selector, p.metadata.labels) && p.status?.podIP && !isTerminating(p) && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
}

function compareIP(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

function address(p: KubeObject) {
  return {
    ip: p.status.podIP,
    nodeName: p.spec.nodeName,
    targetRef: { kind: 'Pod', name: p.metadata.name, namespace: p.metadata.namespace, uid: p.metadata.uid },
  };
}

/**
 * The Endpoints controller: for every Service with a selector, subsets of ready and not-ready pod
 * addresses grouped by the resolved port set (addresses sorted by IP, as RepackSubsets leaves them).
 * Services without a selector keep whatever Endpoints the user wrote.
 */
export function reconcileEndpoints({ snapshot, now }: ControllerInput): Op[] {
  const ops: Op[] = [];
  for (const svc of snapshot.list('Service')) {
    const ns = svc.metadata.namespace!;
    const current = snapshot.get('Endpoints', ns, svc.metadata.name);
    if (!svc.spec?.selector || svc.spec.type === 'ExternalName') continue;
    const groups = new Map<string, { ports: object[]; addresses: object[]; notReadyAddresses: object[] }>();
    const pods = servicePods(svc, snapshot.list('Pod', ns)).sort((a, b) => compareIP(a.status.podIP, b.status.podIP));
    for (const pod of pods) {
      const ports = (svc.spec.ports ?? []).map((sp: ServicePort) => {
        const port = resolveTargetPort(sp, pod);
        return port === undefined ? undefined : { ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol ?? 'TCP' };
      }).filter(Boolean) as object[];
      const key = JSON.stringify(ports);
      if (!groups.has(key)) groups.set(key, { ports, addresses: [], notReadyAddresses: [] });
      const g = groups.get(key)!;
      (isPodReady(pod) ? g.addresses : g.notReadyAddresses).push(address(pod));
    }
    const subsets = [...groups.values()].map((g) => ({
      ...(g.addresses.length ? { addresses: g.addresses } : {}),
      ...(g.notReadyAddresses.length ? { notReadyAddresses: g.notReadyAddresses } : {}),
      ports: g.ports,
    }));
    const desired: KubeObject = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: {
        ...(current?.metadata ?? {}),
        annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': now },
        labels: { ...svc.metadata.labels },
        name: svc.metadata.name,
        namespace: ns,
      },
      ...(subsets.length ? { subsets } : {}),
    };
    if (!current) {
      ops.push({ op: 'create', obj: desired });
      continue;
    }
    const sameContent = JSON.stringify(current.subsets ?? null) === JSON.stringify(desired.subsets ?? null) && JSON.stringify(current.metadata.labels ?? {}) === JSON.stringify(desired.metadata.labels);
    if (!sameContent) ops.push({ op: 'update', obj: clone(desired) });
  }
  // Endpoints of a deleted Service go with it.
  for (const ep of snapshot.list('Endpoints')) {
    if (!snapshot.get('Service', ep.metadata.namespace!, ep.metadata.name) && ep.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']) {
      ops.push({ op: 'delete', ref: { kind: 'Endpoints', namespace: ep.metadata.namespace!, name: ep.metadata.name } });
    }
  }
  return ops;
}
