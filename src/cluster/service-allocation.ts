import type { KubeObject } from '../api/types.js';
import { clone } from '../api/types.js';
import { ApiError, type FieldError } from '../errors.js';
import type { Profile } from '../api/profiles.js';
import type { Snapshot } from '../api/snapshot.js';
import { allocateNodePort, allocateServiceIP, cidrContains, NODE_PORT_MAX, NODE_PORT_MIN } from '../controllers/ipam.js';

interface Port {
  name?: string;
  port: number;
  protocol?: string;
  nodePort?: number;
}

const needsNodePorts = (type: string | undefined) => type === 'NodePort' || type === 'LoadBalancer';

function usedIPs(snapshot: Snapshot, except?: KubeObject): Set<string> {
  const s = new Set<string>();
  for (const svc of snapshot.list('Service')) {
    if (except && svc.metadata.uid === except.metadata.uid) continue;
    for (const ip of svc.spec?.clusterIPs ?? []) s.add(ip);
  }
  return s;
}

function usedNodePorts(snapshot: Snapshot, except?: KubeObject): Set<number> {
  const s = new Set<number>();
  for (const svc of snapshot.list('Service')) {
    if (except && svc.metadata.uid === except.metadata.uid) continue;
    for (const p of svc.spec?.ports ?? []) if (p.nodePort) s.add(p.nodePort);
  }
  return s;
}

/**
 * The API server's IP and port allocators, run at create and update: a cluster IP for every Service that
 * is not headless or ExternalName, node ports for NodePort and LoadBalancer ports that have none. A
 * requested IP or port is honoured when it is in range and free, else rejected with the server's words.
 */
export function allocateServicePorts(input: KubeObject, snapshot: Snapshot, profile: Profile, random: () => number, old?: KubeObject): KubeObject {
  const svc = clone(input);
  const spec = svc.spec;
  const errs: FieldError[] = [];
  if (spec.type !== 'ExternalName' && spec.clusterIP !== 'None') {
    const changedIP = !old || old.spec?.clusterIP !== spec.clusterIP;
    if (spec.clusterIP && changedIP) {
      const ip = spec.clusterIP;
      const shown = `[]string{"${ip}"}`;
      if (!cidrContains(profile.serviceCIDR, ip)) {
        errs.push({ field: 'spec.clusterIPs', type: 'Invalid value', value: shown, detail: `failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${profile.serviceCIDR}` });
      } else if (usedIPs(snapshot, old).has(ip)) {
        errs.push({ field: 'spec.clusterIPs', type: 'Invalid value', value: shown, detail: `failed to allocate IP ${ip}: provided IP is already allocated` });
      }
    } else if (!spec.clusterIP) {
      const ip = allocateServiceIP(profile.serviceCIDR, usedIPs(snapshot), random);
      if (!ip) throw new ApiError('InternalError', 'failed to allocate a serviceIP: range is full');
      spec.clusterIP = ip;
    }
    spec.clusterIPs = [spec.clusterIP];
  } else if (spec.clusterIP === 'None') {
    spec.clusterIPs = ['None'];
  }
  if (needsNodePorts(spec.type)) {
    const taken = usedNodePorts(snapshot, old);
    const oldPorts = new Set<number>((old?.spec?.ports ?? []).map((p: Port) => p.nodePort).filter(Boolean));
    (spec.ports ?? []).forEach((p: Port, i: number) => {
      if (p.nodePort) {
        if (oldPorts.has(p.nodePort)) {
          taken.add(p.nodePort);
          return;
        }
        if (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX) {
          errs.push({ field: `spec.ports[${i}].nodePort`, type: 'Invalid value', value: String(p.nodePort), detail: `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}` });
        } else if (taken.has(p.nodePort)) {
          errs.push({ field: `spec.ports[${i}].nodePort`, type: 'Invalid value', value: String(p.nodePort), detail: 'provided port is already allocated' });
        }
        taken.add(p.nodePort);
      }
    });
    for (const p of spec.ports ?? []) {
      if (p.nodePort) continue;
      const np = allocateNodePort(taken, random);
      if (!np) throw new ApiError('InternalError', 'failed to allocate a nodePort: range is full');
      p.nodePort = np;
      taken.add(np);
    }
  }
  if (errs.length) throw ApiError.invalid('Service', svc.metadata.name, errs);
  return svc;
}

/** An update that omits the cluster IP or node ports keeps the ones already allocated. */
export function keepServiceAllocations(svc: KubeObject, old: KubeObject): KubeObject {
  const u = clone(svc);
  if (!u.spec) return u;
  if (!u.spec.clusterIP && old.spec?.clusterIP && u.spec.type !== 'ExternalName') {
    u.spec.clusterIP = old.spec.clusterIP;
    u.spec.clusterIPs = old.spec.clusterIPs;
  }
  if (needsNodePorts(u.spec.type)) {
    for (const p of u.spec.ports ?? []) {
      if (p.nodePort) continue;
      const match = (old.spec?.ports ?? []).find((o: Port) => o.nodePort && o.port === p.port && (o.protocol ?? 'TCP') === (p.protocol ?? 'TCP'));
      if (match) p.nodePort = match.nodePort;
    }
  }
  return u;
}

/**
 * Like the API server's dropTypeDependentFields: changing a Service to ClusterIP drops the node ports it
 * carried over unchanged (and the external traffic policy); ExternalName drops the cluster IPs too.
 */
export function releaseTypeDependentFields(svc: KubeObject, old: KubeObject): KubeObject {
  const u = clone(svc);
  const type = u.spec?.type ?? 'ClusterIP';
  if (type === old.spec?.type || needsNodePorts(type)) return u;
  const oldByPort = new Map<string, number>((old.spec?.ports ?? []).map((p: Port) => [`${p.port}/${p.protocol ?? 'TCP'}`, p.nodePort ?? 0]));
  for (const p of u.spec.ports ?? []) {
    if (p.nodePort && oldByPort.get(`${p.port}/${p.protocol ?? 'TCP'}`) === p.nodePort) delete p.nodePort;
  }
  if (old.spec?.externalTrafficPolicy === u.spec.externalTrafficPolicy) delete u.spec.externalTrafficPolicy;
  delete u.spec.allocateLoadBalancerNodePorts;
  if (type === 'ExternalName' && old.spec?.clusterIP === u.spec.clusterIP) {
    delete u.spec.clusterIP;
    delete u.spec.clusterIPs;
    delete u.spec.ipFamilies;
    delete u.spec.ipFamilyPolicy;
    delete u.spec.internalTrafficPolicy;
  }
  return u;
}
