import type { KubeObject } from '../../src/api/types.js';
import type { Snapshot } from '../../src/api/snapshot.js';
import type { ControllerInput } from '../../src/controllers/types.js';
import { getProfile } from '../../src/api/profiles.js';
import { Rng } from '../../src/util/rng.js';

/** Tiny object factories for controller tables. */
export function node(name: string, podCIDR: string, opts: { controlPlane?: boolean; ip?: string; unschedulable?: boolean } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: `uid-${name}`, labels: opts.controlPlane ? { 'node-role.kubernetes.io/control-plane': '' } : {} },
    spec: {
      podCIDR,
      ...(opts.controlPlane ? { taints: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }] } : {}),
      ...(opts.unschedulable ? { unschedulable: true } : {}),
    },
    status: { addresses: [{ type: 'InternalIP', address: opts.ip ?? '172.18.0.9' }] },
  };
}

export function pod(name: string, o: { ns?: string; labels?: Record<string, string>; node?: string; ip?: string; ready?: boolean; owner?: string; ports?: Array<{ name?: string; containerPort: number }> } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: o.ns ?? 'default',
      uid: `uid-${name}`,
      labels: o.labels ?? {},
      creationTimestamp: '2025-01-01T00:00:00Z',
      ...(o.owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: o.owner, uid: `uid-${o.owner}`, controller: true }] } : {}),
    },
    spec: { containers: [{ name: 'app', image: 'nginx', ports: o.ports ?? [] }], ...(o.node ? { nodeName: o.node } : {}) },
    status: o.ip
      ? { phase: 'Running', podIP: o.ip, conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True' }] }
      : { phase: 'Pending' },
  };
}

export function service(name: string, selector: Record<string, string> | undefined, ports: object[], o: { ns?: string; type?: string } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: o.ns ?? 'default', uid: `uid-svc-${name}`, labels: {} },
    spec: { ...(selector ? { selector } : {}), ports, type: o.type ?? 'ClusterIP', clusterIP: '10.96.100.1' },
  };
}

export function snapshotOf(objs: KubeObject[]): Snapshot {
  const byNsName = (a: KubeObject, b: KubeObject) =>
    `${a.metadata.namespace ?? ''}/${a.metadata.name}` < `${b.metadata.namespace ?? ''}/${b.metadata.name}` ? -1 : 1;
  return {
    get: (kind, ns, name) => objs.find((o) => o.kind === kind && (o.metadata.namespace ?? '') === ns && o.metadata.name === name),
    list: (kind, ns) => objs.filter((o) => o.kind === kind && (ns === undefined || o.metadata.namespace === ns)).sort(byNsName),
  };
}

export function input(objs: KubeObject[], lastPodIP: Record<string, string> = {}): ControllerInput {
  return { snapshot: snapshotOf(objs), profile: getProfile('default')!, allocations: { lastPodIP }, now: '2025-01-01T00:00:00Z', rng: new Rng(7) };
}
