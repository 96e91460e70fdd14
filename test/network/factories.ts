/** Tiny object factories for the data-plane tests: Services, EndpointSlices and a list-backed Snapshot. */
import type { Snapshot } from '../../src/api/snapshot.js';
import type { KubeObject } from '../../src/api/types.js';

export interface PortSpec {
  name?: string;
  port: number;
  targetPort?: number;
  protocol?: string;
  nodePort?: number;
}

export function service(
  name: string,
  clusterIP: string,
  ports: PortSpec[],
  opts: {
    namespace?: string;
    type?: string;
    externalTrafficPolicy?: string;
    sessionAffinity?: string;
    externalIPs?: string[];
    lbIngress?: string[];
  } = {},
): KubeObject {
  const type = opts.type ?? 'ClusterIP';
  const spec: Record<string, unknown> = {
    clusterIP,
    clusterIPs: [clusterIP],
    ports: ports.map((p) => ({ ...p, protocol: p.protocol ?? 'TCP', targetPort: p.targetPort ?? p.port })),
    type,
    sessionAffinity: opts.sessionAffinity ?? 'None',
  };
  if (type === 'NodePort' || type === 'LoadBalancer') spec.externalTrafficPolicy = opts.externalTrafficPolicy ?? 'Cluster';
  if (opts.externalIPs) spec.externalIPs = opts.externalIPs;
  const svc: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: opts.namespace ?? 'default' }, spec };
  if (opts.lbIngress) svc.status = { loadBalancer: { ingress: opts.lbIngress.map((ip) => ({ ip })) } };
  return svc;
}

export interface EndpointSpec {
  ip: string;
  node: string;
  ready?: boolean;
  serving?: boolean;
  terminating?: boolean;
}

export function slice(
  svcName: string,
  endpoints: EndpointSpec[],
  ports: Array<{ name?: string; port: number; protocol?: string }>,
  namespace = 'default',
): KubeObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: `${svcName}-abcde`, namespace, labels: { 'kubernetes.io/service-name': svcName } },
    addressType: 'IPv4',
    endpoints: endpoints.map((e) => ({
      addresses: [e.ip],
      conditions: { ready: e.ready ?? true, serving: e.serving ?? e.ready ?? true, terminating: e.terminating ?? false },
      nodeName: e.node,
      targetRef: { kind: 'Pod', namespace, name: `pod-${e.ip.replace(/\./g, '-')}` },
    })),
    ports: ports.map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' })),
  };
}

export function snapshotOf(objects: KubeObject[]): Snapshot {
  const key = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
  return {
    get: (kind, ns, name) => objects.find((o) => o.kind === kind && (o.metadata.namespace ?? '') === ns && o.metadata.name === name),
    list: (kind, ns) =>
      objects
        .filter((o) => o.kind === kind && (ns === undefined || (o.metadata.namespace ?? '') === ns))
        .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)),
  };
}

/** A seeded pick for the statistic match (mulberry32). */
export function seededPick(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}
