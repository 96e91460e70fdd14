/**
 * Server-side defaulting: `applyDefaults(obj)` returns a copy carrying the fields a 1.32 API server adds
 * on create (defaults.go functions, declarative defaults, and the pod admission plugins that always run),
 * so `-o yaml` shows the same shapes. Random or cluster-state-dependent values (clusterIP, nodePorts, the
 * kube-api-access volume name, uid, timestamps) are not added here.
 */
import { clone, type Json, type KubeObject } from '../types.js';
import { defaultPodOnly, defaultPodSpec } from './pod.js';
import { defaultServiceSpec } from './service.js';
import { defaultWorkloadSpec } from './workload.js';

function defaultNamespace(ns: KubeObject): void {
  const name = ns.metadata?.name;
  if (name) ns.metadata.labels = { ...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': name };
  ns.spec ??= {};
  // The namespace strategy appends the `kubernetes` finalizer on create when it is missing.
  const finalizers: string[] = ns.spec.finalizers ?? [];
  if (!finalizers.includes('kubernetes')) ns.spec.finalizers = [...finalizers, 'kubernetes'];
  ns.status ??= {};
  if (!ns.status.phase) ns.status.phase = 'Active';
}

function defaultPortProtocols(ports: Json[] | undefined): void {
  for (const p of ports ?? []) if (p.protocol === undefined || p.protocol === null || p.protocol === '') p.protocol = 'TCP';
}

function defaultNetworkPolicy(np: KubeObject): void {
  const s = (np.spec ??= {});
  for (const rule of [...(s.ingress ?? []), ...(s.egress ?? [])]) defaultPortProtocols(rule.ports);
  // A policy without policyTypes is an Ingress policy, plus Egress when it has egress rules.
  if (!(s.policyTypes ?? []).length) s.policyTypes = (s.egress ?? []).length ? ['Ingress', 'Egress'] : ['Ingress'];
}

const DEFAULTERS: Readonly<Record<string, (o: KubeObject) => void>> = {
  Pod: (o) => {
    o.spec ??= {};
    defaultPodSpec(o.spec);
    defaultPodOnly(o.spec);
  },
  Service: (o) => defaultServiceSpec((o.spec ??= {})),
  Deployment: (o) => defaultWorkloadSpec('Deployment', (o.spec ??= {})),
  ReplicaSet: (o) => defaultWorkloadSpec('ReplicaSet', (o.spec ??= {})),
  DaemonSet: (o) => defaultWorkloadSpec('DaemonSet', (o.spec ??= {})),
  Secret: (o) => {
    if (!o.type) o.type = 'Opaque';
  },
  Namespace: defaultNamespace,
  Endpoints: (o) => {
    for (const ss of o.subsets ?? []) defaultPortProtocols(ss.ports);
  },
  EndpointSlice: (o) => {
    for (const p of o.ports ?? []) {
      p.name ??= '';
      p.protocol ??= 'TCP';
    }
  },
  NetworkPolicy: defaultNetworkPolicy,
};

/** A defaulted copy of `obj`; the input is not modified. Kinds without defaults come back as a plain copy. */
export function applyDefaults(obj: KubeObject): KubeObject {
  const out = clone(obj);
  out.metadata ??= { name: '' };
  DEFAULTERS[out.kind]?.(out);
  return out;
}

export { addServiceAccountVolume, SERVICE_ACCOUNT_MOUNT_PATH } from './service-account-volume.js';
export { defaultPullPolicy } from './pod.js';
