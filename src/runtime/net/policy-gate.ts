/**
 * Where NetworkPolicy meets the simulated data plane: the checks connect() and the in-pod DNS clients
 * make. A denied packet is dropped (Calico's default), so the client sees a timeout, never a refusal.
 * Profiles whose CNI does not enforce policies (profile.enforcesNetworkPolicy false) skip every check.
 */
import type { KubeObject, Json } from '../../api/types.js';
import type { Snapshot } from '../../api/snapshot.js';
import type { Profile } from '../../api/profiles.js';
import { policyVerdict, type PolicyVerdict } from '../../network/network-policy.js';
import { parseResolvConf } from '../../network/dns/resolv-conf.js';

export interface GateContext {
  snapshot: Snapshot;
  profile: Profile;
  /** The sending pod (undefined: the node itself). */
  from?: KubeObject;
  /** The address the packet leaves with (the pod IP, or the node's for a node or a hostNetwork pod). */
  srcIP: string;
}

/** The running pod that owns an IP (hostNetwork pods share the node's and own none). */
export function podByIP(snapshot: Snapshot, ip: string): KubeObject | undefined {
  return snapshot.list('Pod').find((p) => p.status?.podIP === ip && !p.spec?.hostNetwork && !['Succeeded', 'Failed'].includes(p.status?.phase));
}

/**
 * The verdict for one connection to `ip:port` (after DNAT). `masqueradedOn` names the node whose
 * kube-proxy marked the packet for masquerade: the destination then sees that node's address.
 */
export function connectionVerdict(ctx: GateContext, ip: string, port: number, proto = 'TCP', masqueradedOn?: string): PolicyVerdict {
  if (!ctx.profile.enforcesNetworkPolicy) return { allowed: true };
  const snatIP = masqueradedOn === undefined ? undefined : ctx.profile.nodes.find((n) => n.name === masqueradedOn)?.internalIP;
  return policyVerdict(ctx.snapshot, { srcIP: ctx.srcIP, srcPod: ctx.from, dstIP: ip, dstPod: podByIP(ctx.snapshot, ip), dstPort: port, proto, snatIP });
}

/** The ready addresses and the target port of a Service port, from its EndpointSlices. */
function serviceBackends(snapshot: Snapshot, svc: KubeObject, port: number, proto: string): Array<{ ip: string; port: number }> {
  const sp = ((svc.spec?.ports ?? []) as Json[]).find((p) => p.port === port && String(p.protocol ?? 'TCP').toUpperCase() === proto);
  if (!sp) return [];
  const out: Array<{ ip: string; port: number }> = [];
  const ns = svc.metadata.namespace ?? 'default';
  for (const s of snapshot.list('EndpointSlice', ns).filter((x) => x.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name)) {
    const p = ((s.ports ?? []) as Json[]).find((x) => (x.name ?? '') === (sp.name ?? '') && String(x.protocol ?? 'TCP').toUpperCase() === proto);
    if (!p) continue;
    for (const e of (s.endpoints ?? []) as Json[]) {
      if (e.conditions?.ready === false) continue;
      for (const ip of (e.addresses ?? []) as string[]) out.push({ ip, port: Number(p.port) });
    }
  }
  return out;
}

/**
 * Whether the pod's DNS queries (UDP 53 to the first nameserver of its resolv.conf, which for ClusterFirst
 * is the kube-dns Service) get an answer under the NetworkPolicies: the pod's egress and the CoreDNS pods'
 * ingress must both allow it. Queries go to a randomly chosen endpoint; kubesim calls DNS reachable when
 * any ready endpoint is allowed (a policy treating CoreDNS replicas differently is flaky on a real cluster
 * too). musl and busybox query over UDP only, so allowing just TCP 53 still times out. A nameserver that
 * is no Service (dnsPolicy Default: the node's resolver) is judged as a plain destination.
 */
export function dnsReachable(ctx: GateContext, resolvConf: string): boolean {
  if (!ctx.profile.enforcesNetworkPolicy) return true;
  const server = parseResolvConf(resolvConf).nameservers[0];
  if (!server) return true;
  const svc = ctx.snapshot.list('Service').find((s) => s.spec?.clusterIP === server);
  if (!svc) return connectionVerdict(ctx, server, 53, 'UDP').allowed;
  const backends = serviceBackends(ctx.snapshot, svc, 53, 'UDP');
  // No endpoints: not a policy matter; the resolver's own behaviour stands.
  if (backends.length === 0) return true;
  return backends.some((b) => connectionVerdict(ctx, b.ip, b.port, 'UDP').allowed);
}
