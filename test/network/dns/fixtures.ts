import type { KubeObject } from '../../../src/api/types.js';
import type { Snapshot } from '../../../src/api/snapshot.js';

export function snapshotOf(objects: KubeObject[]): Snapshot {
  const key = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
  return {
    get: (kind, namespace, name) => objects.find((o) => o.kind === kind && (o.metadata.namespace ?? '') === namespace && o.metadata.name === name),
    list: (kind, namespace) =>
      objects
        .filter((o) => o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace))
        .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)),
  };
}

export const ns = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

export function svc(namespace: string, name: string, spec: Record<string, unknown>): KubeObject {
  const s: Record<string, unknown> = { type: 'ClusterIP', ...spec };
  if (typeof s.clusterIP === 'string' && !s.clusterIPs) s.clusterIPs = [s.clusterIP];
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: s };
}

export interface Ep {
  ip: string;
  ready?: boolean;
  hostname?: string;
  pod?: string;
}

export function slice(namespace: string, service: string, eps: Ep[], ports: Array<{ name?: string; port: number; protocol?: string }> | null): KubeObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: `${service}-abcde`, namespace, labels: { 'kubernetes.io/service-name': service } },
    addressType: 'IPv4',
    endpoints: eps.map((e) => ({
      addresses: [e.ip],
      conditions: { ready: e.ready ?? true },
      ...(e.hostname ? { hostname: e.hostname } : {}),
      targetRef: { kind: 'Pod', name: e.pod ?? `pod-${e.ip.replace(/\./g, '-')}`, namespace },
    })),
    ports,
  } as KubeObject;
}

export function pod(namespace: string, name: string, ip: string, spec: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace }, spec: { nodeName: 'kind-worker', ...spec }, status: { podIP: ip } };
}

/** A kind-like cluster: kubernetes, kube-dns, a whoami service with two pods, a headless service, an ExternalName. */
export function cluster(extra: KubeObject[] = []): Snapshot {
  return snapshotOf([
    ns('default'),
    ns('kube-system'),
    ns('shop'),
    svc('default', 'kubernetes', { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] }),
    slice('default', 'kubernetes', [{ ip: '172.18.0.2' }], [{ name: 'https', port: 6443, protocol: 'TCP' }]),
    svc('kube-system', 'kube-dns', {
      clusterIP: '10.96.0.10',
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP' },
        { name: 'dns-tcp', port: 53, protocol: 'TCP' },
        { name: 'metrics', port: 9153, protocol: 'TCP' },
      ],
    }),
    slice('kube-system', 'kube-dns', [{ ip: '10.244.0.2' }, { ip: '10.244.0.3' }], [
      { name: 'dns', port: 53, protocol: 'UDP' },
      { name: 'dns-tcp', port: 53, protocol: 'TCP' },
      { name: 'metrics', port: 9153, protocol: 'TCP' },
    ]),
    svc('default', 'whoami', { clusterIP: '10.105.50.109', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }),
    slice('default', 'whoami', [{ ip: '10.244.1.3' }, { ip: '10.244.2.4' }, { ip: '10.244.2.9', ready: false }], [{ name: 'http', port: 80, protocol: 'TCP' }]),
    svc('default', 'empty', { clusterIP: '10.96.33.7', ports: [{ port: 8080, protocol: 'TCP' }] }),
    slice('default', 'empty', [], null),
    svc('default', 'db', { clusterIP: 'None', ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }] }),
    slice('default', 'db', [{ ip: '10.244.1.7', hostname: 'db-0' }, { ip: '10.244.2.8', pod: 'db-1' }, { ip: '10.244.2.10', ready: false }], [{ name: 'pg', port: 5432, protocol: 'TCP' }]),
    pod('default', 'db-1', '10.244.2.8', { hostname: 'db-1', subdomain: 'db' }),
    svc('default', 'nodb', { clusterIP: 'None', ports: [{ port: 80, protocol: 'TCP' }] }),
    svc('default', 'ext', { type: 'ExternalName', externalName: 'example.com' }),
    svc('default', 'alias', { type: 'ExternalName', externalName: 'whoami.default.svc.cluster.local' }),
    svc('shop', 'web', { clusterIP: '10.96.24.101', ports: [{ name: 'http', port: 80, protocol: 'TCP' }, { name: 'metrics', port: 9090, protocol: 'TCP' }] }),
    ...extra,
  ]);
}

/** Pod resolv.conf of the default namespace, parsed. */
export const defaultConf = { nameservers: ['10.96.0.10'], search: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], options: ['ndots:5'], ndots: 5 };
