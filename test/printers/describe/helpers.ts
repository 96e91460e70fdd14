/** Small factories and an in-memory Snapshot for the describe tests. */
import type { KubeObject } from '../../../src/api/types.js';
import type { Snapshot } from '../../../src/store/objects.js';
import type { DescribeContext } from '../../../src/printers/describe/index.js';

/** A read-only Snapshot over a fixed list, sorted like the real store (namespace, then name). */
export function snapshotOf(objs: KubeObject[]): Snapshot {
  const key = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
  return {
    get: (kind, ns, name) => objs.find((o) => o.kind === kind && (o.metadata.namespace ?? '') === ns && o.metadata.name === name),
    list: (kind, ns) =>
      objs
        .filter((o) => o.kind === kind && (ns === undefined || (o.metadata.namespace ?? '') === ns))
        .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)),
  };
}

/** A context at `now` over `objs`. */
export function ctxOf(objs: KubeObject[], now = '2024-04-15T10:45:00Z', kubectlVersion = '1.32'): DescribeContext {
  return { snapshot: snapshotOf(objs), now, kubectlVersion };
}

/** Joins expected lines into the full output (every line newline-terminated). */
export function text(lines: string[]): string {
  return lines.map((l) => l + '\n').join('');
}

/** Any object. */
export function obj(kind: string, name: string, rest: Partial<KubeObject> & { namespace?: string; labels?: Record<string, string> } = {}): KubeObject {
  const { namespace, labels, metadata, ...body } = rest;
  return {
    apiVersion: 'v1',
    kind,
    metadata: { name, ...(namespace !== undefined ? { namespace } : {}), ...(labels ? { labels } : {}), ...metadata },
    ...body,
  } as KubeObject;
}

/** A Service with the API server's defaults for ClusterIP/NodePort/LoadBalancer. */
export function service(name: string, spec: Record<string, unknown>, extra: Partial<KubeObject> = {}): KubeObject {
  const type = (spec.type as string) ?? 'ClusterIP';
  const ip = (spec.clusterIP as string) ?? '10.96.0.100';
  return obj('Service', name, {
    namespace: 'default',
    ...extra,
    spec: {
      type,
      clusterIP: ip,
      clusterIPs: [ip],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      ...(type === 'NodePort' || type === 'LoadBalancer' ? { externalTrafficPolicy: 'Cluster' } : {}),
      ...spec,
    },
  });
}

/** An EndpointSlice owned by service `svc`; endpoints given as [ip, ready?]. */
export function slice(svc: string, suffix: string, ports: { name?: string; port: number }[], endpoints: [string, boolean?][]): KubeObject {
  return obj('EndpointSlice', `${svc}-${suffix}`, {
    apiVersion: 'discovery.k8s.io/v1',
    namespace: 'default',
    labels: { 'kubernetes.io/service-name': svc, 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' },
    addressType: 'IPv4',
    ports: ports.map((p) => ({ name: p.name ?? '', port: p.port, protocol: 'TCP' })),
    endpoints: endpoints.map(([ip, ready]) => ({ addresses: [ip], conditions: { ready: ready ?? true } })),
  });
}

/** A core/v1 Event about `about` (count 1 unless given). */
export function event(about: KubeObject, name: string, e: { type?: string; reason: string; message: string; from: string; first: string; last?: string; count?: number }): KubeObject {
  return obj('Event', name, {
    namespace: about.metadata.namespace ?? 'default',
    involvedObject: { kind: about.kind, name: about.metadata.name, namespace: about.metadata.namespace, uid: about.metadata.uid },
    type: e.type ?? 'Normal',
    reason: e.reason,
    message: e.message,
    source: { component: e.from },
    firstTimestamp: e.first,
    lastTimestamp: e.last ?? e.first,
    count: e.count ?? 1,
  });
}
