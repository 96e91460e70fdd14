/**
 * NetworkPolicy verdicts for one connection, the way Calico enforces the Kubernetes spec
 * (networking.k8s.io/v1). Pure: the caller says who talks to whom, after DNAT.
 *
 * - A pod is isolated for a direction when at least one policy in its namespace selects it and lists that
 *   direction in policyTypes (the API server defaults them: Ingress, plus Egress when egress rules exist; an
 *   object without them is defaulted the same way here). Non-isolated pods allow everything that way.
 * - Policies add up: a connection is allowed for an isolated pod when any rule of any selecting policy allows
 *   it. A connection needs the source's egress AND the destination's ingress; replies are always allowed
 *   (connection tracking), so only the first packet is judged.
 * - A rule allows a flow when one of its peers matches (no peers: everyone) and one of its ports matches
 *   (no ports: every port). Peer: `podSelector` alone = pods of the policy's namespace; `namespaceSelector`
 *   alone = every pod of the matching namespaces; both in ONE peer = the matching pods of the matching
 *   namespaces; `ipBlock` = addresses in `cidr` but not in any `except`. Port: protocol (default TCP) plus a
 *   number, a range `port`..`endPort`, or a name resolved against the DESTINATION pod's container ports
 *   (for egress too); no port = every port of that protocol.
 * - ipBlock and pod IPs: the spec leaves it undefined; Calico matches ipBlock against any address, pod IPs
 *   included, and so does this.
 * - Exceptions: a pod can always reach itself (its own IP never leaves its network namespace); hostNetwork
 *   pods are never selected (their traffic is the node's); and, as the spec says and Calico implements
 *   ("we don't currently police host -> endpoint"), traffic from a node's own address to a pod on that node
 *   is not subject to the pod's ingress policy — kubelet probes keep working under default deny. Traffic
 *   from OTHER nodes (or a masqueraded packet that arrives from another node) is matched by ipBlock only,
 *   never by pod or namespace selectors. A pod's egress policy still applies to its traffic towards nodes.
 */
import type { KubeObject, Json } from '../api/types.js';
import type { Snapshot } from '../api/snapshot.js';
import { fromLabelSelector, matchesSelector, type LabelSelector } from '../api/labels.js';
import { cidrContains } from './proxy-rules.js';

export interface PolicyFlow {
  /** The address the first packet leaves with. */
  srcIP: string;
  /** The pod that sends (undefined: a node, the host, or outside the cluster). */
  srcPod?: KubeObject;
  /** The address the packet is delivered to, after kube-proxy's DNAT. */
  dstIP: string;
  /** The pod that owns dstIP, if any. */
  dstPod?: KubeObject;
  /** Destination port after DNAT (the targetPort). */
  dstPort: number;
  /** TCP, UDP or SCTP (any case). */
  proto: string;
  /** The source address the destination sees when the packet was masqueraded on the way (SNAT to a node). */
  snatIP?: string;
}

export type PolicyVerdict =
  | { allowed: true }
  | {
      allowed: false;
      /** Which side refused: the sender's egress or the receiver's ingress. */
      direction: 'Egress' | 'Ingress';
      /** The pod isolated for that direction, `namespace/name`. */
      pod: string;
      /** The policies that select it for that direction (`namespace/name`), none of which allows the flow. */
      isolatedBy: string[];
    };

type Direction = 'Ingress' | 'Egress';

const podKey = (p: KubeObject) => `${p.metadata.namespace ?? 'default'}/${p.metadata.name}`;
const isHostNetwork = (p: KubeObject | undefined) => Boolean(p?.spec?.hostNetwork);

/** policyTypes as the API server defaults them. */
export function policyTypesOf(np: KubeObject): Direction[] {
  const t: string[] = np.spec?.policyTypes ?? [];
  if (t.length) return t.filter((x): x is Direction => x === 'Ingress' || x === 'Egress');
  return (np.spec?.egress ?? []).length ? ['Ingress', 'Egress'] : ['Ingress'];
}

/** Whether a metav1.LabelSelector matches these labels (`{}` matches everything). */
export function selectorMatches(sel: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean {
  return matchesSelector(fromLabelSelector(sel), labels);
}

/** The policies that isolate `pod` for `direction`, in etcd order. */
export function isolatingPolicies(snapshot: Snapshot, pod: KubeObject, direction: Direction): KubeObject[] {
  if (isHostNetwork(pod)) return [];
  const ns = pod.metadata.namespace ?? 'default';
  return snapshot
    .list('NetworkPolicy', ns)
    .filter((np) => !np.metadata.deletionTimestamp && policyTypesOf(np).includes(direction) && selectorMatches(np.spec?.podSelector ?? {}, pod.metadata.labels));
}

function namespaceLabels(snapshot: Snapshot, ns: string): Record<string, string> {
  const obj = snapshot.get('Namespace', '', ns);
  // The API server always sets kubernetes.io/metadata.name; keep it even for objects created without it.
  return { 'kubernetes.io/metadata.name': ns, ...(obj?.metadata.labels ?? {}) };
}

/** The other end of the connection as a rule's peers see it. */
interface Peer {
  ip: string;
  /** A pod (never a hostNetwork one): selectors may match it. */
  pod?: KubeObject;
}

function peerMatches(snapshot: Snapshot, policyNs: string, peer: Json, other: Peer): boolean {
  if (peer.ipBlock) {
    const b = peer.ipBlock;
    return typeof b.cidr === 'string' && cidrContains(b.cidr, other.ip) && !((b.except ?? []) as string[]).some((c) => cidrContains(c, other.ip));
  }
  if (!peer.podSelector && !peer.namespaceSelector) return false;
  if (!other.pod) return false;
  const ns = other.pod.metadata.namespace ?? 'default';
  if (peer.namespaceSelector) {
    if (!selectorMatches(peer.namespaceSelector, namespaceLabels(snapshot, ns))) return false;
  } else if (ns !== policyNs) return false;
  return peer.podSelector ? selectorMatches(peer.podSelector, other.pod.metadata.labels) : true;
}

/** The container port a named port stands for on the destination pod (matching protocol), if any. */
function namedPort(dstPod: KubeObject | undefined, name: string, proto: string): number[] {
  if (!dstPod) return [];
  const out: number[] = [];
  for (const c of [...(dstPod.spec?.initContainers ?? []), ...(dstPod.spec?.containers ?? [])] as Json[]) {
    for (const p of (c.ports ?? []) as Json[]) {
      if (p.name === name && String(p.protocol ?? 'TCP').toUpperCase() === proto) out.push(Number(p.containerPort));
    }
  }
  return out;
}

function portMatches(rulePort: Json, flow: { dstPort: number; proto: string; dstPod?: KubeObject }): boolean {
  if (String(rulePort.protocol ?? 'TCP').toUpperCase() !== flow.proto) return false;
  const p = rulePort.port;
  if (p === undefined || p === null) return true;
  if (typeof p === 'number' || /^\d+$/.test(String(p))) {
    const lo = Number(p);
    const hi = rulePort.endPort !== undefined && rulePort.endPort !== null ? Number(rulePort.endPort) : lo;
    return flow.dstPort >= lo && flow.dstPort <= hi;
  }
  return namedPort(flow.dstPod, String(p), flow.proto).includes(flow.dstPort);
}

function ruleAllows(snapshot: Snapshot, policyNs: string, rule: Json, peersField: 'from' | 'to', other: Peer, flow: { dstPort: number; proto: string; dstPod?: KubeObject }): boolean {
  const ports: Json[] = rule?.ports ?? [];
  if (ports.length && !ports.some((p) => portMatches(p, flow))) return false;
  const peers: Json[] = rule?.[peersField] ?? [];
  return peers.length === 0 || peers.some((peer) => peerMatches(snapshot, policyNs, peer, other));
}

function judge(snapshot: Snapshot, pod: KubeObject, direction: Direction, other: Peer, flow: { dstPort: number; proto: string; dstPod?: KubeObject }): PolicyVerdict {
  const policies = isolatingPolicies(snapshot, pod, direction);
  if (policies.length === 0) return { allowed: true };
  const field = direction === 'Ingress' ? 'ingress' : 'egress';
  const peers = direction === 'Ingress' ? 'from' : 'to';
  for (const np of policies) {
    const ns = np.metadata.namespace ?? 'default';
    if (((np.spec?.[field] ?? []) as Json[]).some((rule) => ruleAllows(snapshot, ns, rule, peers, other, flow))) return { allowed: true };
  }
  return { allowed: false, direction, pod: podKey(pod), isolatedBy: policies.map(podKey) };
}

/** The addresses of a node (InternalIP, ExternalIP) as its Node object lists them. */
function nodeAddresses(snapshot: Snapshot, nodeName: string | undefined): string[] {
  if (!nodeName) return [];
  const node = snapshot.get('Node', '', nodeName);
  return ((node?.status?.addresses ?? []) as Json[]).filter((a) => a.type === 'InternalIP' || a.type === 'ExternalIP').map((a) => String(a.address));
}

/** Whether NetworkPolicies let the first packet of this connection through (egress of the sender, then ingress of the receiver). */
export function policyVerdict(snapshot: Snapshot, flow: PolicyFlow): PolicyVerdict {
  const proto = flow.proto.toUpperCase();
  const srcPod = flow.srcPod && !isHostNetwork(flow.srcPod) ? flow.srcPod : undefined;
  const dstPod = flow.dstPod && !isHostNetwork(flow.dstPod) ? flow.dstPod : undefined;
  // A pod talking to itself: the packet stays inside its network namespace.
  if (srcPod && dstPod && podKey(srcPod) === podKey(dstPod) && !flow.snatIP) return { allowed: true };
  const ports = { dstPort: flow.dstPort, proto, dstPod };
  if (srcPod) {
    const out = judge(snapshot, srcPod, 'Egress', { ip: flow.dstIP, pod: dstPod }, ports);
    if (!out.allowed) return out;
  }
  if (dstPod) {
    const seenIP = flow.snatIP ?? flow.srcIP;
    const seenPod = flow.snatIP ? undefined : srcPod;
    // The node the pod runs on reaches it unpoliced (kubelet probes, hostNetwork pods of that node).
    if (!seenPod && nodeAddresses(snapshot, dstPod.spec?.nodeName).includes(seenIP)) return { allowed: true };
    return judge(snapshot, dstPod, 'Ingress', { ip: seenIP, pod: seenPod }, ports);
  }
  return { allowed: true };
}
