import type { ContainerRecord, RuntimeEffects, Snapshot } from '../api/snapshot.js';
import type { Profile } from '../api/profiles.js';
import { buildRules } from '../network/proxy-rules.js';
import { trace } from '../network/route.js';
import type { HostPort } from '../network/host-ports.js';
import type { HttpRequest, HttpResponse } from './net/http-apps.js';
import { answerOnPodPort } from './pod-port.js';

export interface FromHostInput {
  snapshot: Snapshot;
  profile: Profile;
  containers: Record<string, ContainerRecord>;
  now: number;
  random(n: number): number;
}

export type FromHostResult = { kind: 'answer'; response: HttpResponse; effects: RuntimeEffects; pod: string; clientIP: string } | { kind: 'refused' } | { kind: 'timeout' };

/**
 * A connection from the user's machine to a published port: it arrives at the first node (Docker
 * Desktop's and k3d's port publishing) from the host's gateway address, addressed to the node's IP and
 * node port, and walks that node's kube-proxy rules — KUBE-NODEPORTS → KUBE-EXT (masquerade unless
 * externalTrafficPolicy is Local) → KUBE-SVC → KUBE-SEP. The server sees the node's address when the
 * packet was masqueraded, as whoami's RemoteAddr shows on Docker Desktop.
 */
export function answerFromHost(input: FromHostInput, port: HostPort, req: Omit<HttpRequest, 'clientIP'>): FromHostResult {
  const node = input.profile.nodes[0];
  const gateway = node.internalIP.replace(/\.\d+$/, '.1');
  const tables = new Map(input.profile.nodes.map((n) => [n.name, buildRules(input.snapshot, input.profile, n.name)]));
  const routed = trace(tables, { srcIP: gateway, dstIP: node.internalIP, dstPort: port.nodePort, proto: 'tcp', fromNode: node.name, local: false }, input.random);
  if (routed.kind === 'reject') return { kind: 'refused' };
  if (routed.kind !== 'dnat') return routed.kind === 'drop' ? { kind: 'timeout' } : { kind: 'refused' };
  const pod = input.snapshot.list('Pod').find((p) => p.status?.podIP === routed.ip && !p.spec?.hostNetwork && p.status?.phase === 'Running');
  if (!pod) return { kind: 'timeout' };
  const via = input.profile.nodes.find((n) => n.name === routed.node) ?? node;
  const clientIP = routed.masqueraded ? via.internalIP : gateway;
  const answered = answerOnPodPort(input, pod, routed.port, { ...req, clientIP });
  if (answered === 'closed') return { kind: 'refused' };
  return { kind: 'answer', ...answered, pod: `${pod.metadata.namespace}/${pod.metadata.name}`, clientIP };
}
