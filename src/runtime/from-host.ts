import type { Snapshot } from '../api/snapshot.js';
import type { Profile } from '../api/profiles.js';
import { buildRules } from '../network/proxy-rules.js';
import { trace } from '../network/route.js';
import type { HostPort } from '../network/host-ports.js';

export interface FromHostInput {
  snapshot: Snapshot;
  profile: Profile;
  random(n: number): number;
}

/** Where one connection from the user's machine to a published port lands. */
export type HostRoute = { kind: 'pod'; namespace: string; pod: string; uid: string; port: number; clientIP: string } | { kind: 'refused' } | { kind: 'timeout' };

/**
 * A connection from the user's machine to a published port: it arrives at the first node (Docker
 * Desktop's and k3d's port publishing) from the host's gateway address, addressed to the node's IP and
 * node port, and walks that node's kube-proxy rules — KUBE-NODEPORTS → KUBE-EXT (masquerade unless
 * externalTrafficPolicy is Local) → KUBE-SVC → KUBE-SEP — once per connection, as conntrack keeps it.
 * The server sees the node's address when the packet was masqueraded, as whoami's RemoteAddr shows on
 * Docker Desktop.
 */
export function routeFromHost(input: FromHostInput, port: HostPort): HostRoute {
  const node = input.profile.nodes[0];
  const gateway = node.internalIP.replace(/\.\d+$/, '.1');
  const tables = new Map(input.profile.nodes.map((n) => [n.name, buildRules(input.snapshot, input.profile, n.name)]));
  const routed = trace(tables, { srcIP: gateway, dstIP: node.internalIP, dstPort: port.nodePort, proto: 'tcp', fromNode: node.name, local: false }, input.random);
  if (routed.kind === 'drop') return { kind: 'timeout' };
  if (routed.kind !== 'dnat') return { kind: 'refused' };
  const pod = input.snapshot.list('Pod').find((p) => p.status?.podIP === routed.ip && !p.spec?.hostNetwork && p.status?.phase === 'Running');
  if (!pod) return { kind: 'timeout' };
  const via = input.profile.nodes.find((n) => n.name === routed.node) ?? node;
  return { kind: 'pod', namespace: pod.metadata.namespace ?? 'default', pod: pod.metadata.name, uid: pod.metadata.uid ?? '', port: routed.port, clientIP: routed.masqueraded ? via.internalIP : gateway };
}
