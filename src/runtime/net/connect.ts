import type { KubeObject } from '../../api/types.js';
import type { Snapshot } from '../../api/snapshot.js';
import type { Profile } from '../../api/profiles.js';
import { imageInfo } from '../../api/images.js';
import { buildRules } from '../../network/proxy-rules.js';
import { trace } from '../../network/route.js';
import { resolveA } from '../../network/dns/resolver.js';
import { parseResolvConf } from '../../network/dns/resolv-conf.js';
import { isIPv4 } from '../../network/dns/records.js';
import { connectionVerdict, dnsReachable } from './policy-gate.js';

export interface NetContext {
  snapshot: Snapshot;
  profile: Profile;
  /** The pod the connection starts from. */
  from: KubeObject;
  /** /etc/resolv.conf of that pod. */
  resolvConf: string;
  /** Deterministic randomness for endpoint choice and ephemeral ports. */
  random(n: number): number;
  /** Where a container's server listens (from its own configuration); default: the image catalogue's ports. */
  listening?(pod: KubeObject, container: { name: string; image: string }): number[];
}

export type Connection =
  | { kind: 'ok'; ip: string; port: number; pod: KubeObject; container: { name: string; image: string }; clientIP: string; clientPort: number; dialedIP: string }
  | { kind: 'refused'; dialedIP: string }
  | { kind: 'timeout'; dialedIP: string }
  /** `dnsTimedOut`: no DNS server answered (NetworkPolicy dropped the queries), rather than NXDOMAIN. */
  | { kind: 'unresolved'; dnsTimedOut?: boolean };

/** Resolves a host name the way musl (Alpine's libc) does with the pod's resolv.conf. */
export function resolveHost(ctx: NetContext, host: string): string | undefined {
  const conf = parseResolvConf(ctx.resolvConf);
  return resolveA(ctx.snapshot, host, conf, 'musl').addresses[0];
}

/** The pod and container that listen on ip:port, if any. */
function listener(ctx: NetContext, ip: string, port: number): { pod: KubeObject; container: { name: string; image: string } } | 'no-pod' | 'closed' {
  const pod = ctx.snapshot.list('Pod').find((p) => p.status?.podIP === ip && !p.spec?.hostNetwork && p.status?.phase === 'Running');
  if (!pod) return 'no-pod';
  for (const c of pod.spec.containers as Array<{ name: string; image: string }>) {
    const ports = ctx.listening ? ctx.listening(pod, c) : imageInfo(c.image).ports;
    if (ports.includes(port)) return { pod, container: c };
  }
  return 'closed';
}

/** Whether looking up `host` gets an answer: an IP needs no lookup; a name needs DNS that NetworkPolicy lets through. */
export function nameServerAnswers(ctx: NetContext, host: string): boolean {
  if (isIPv4(host.replace(/\.$/, ''))) return true;
  return dnsReachable({ snapshot: ctx.snapshot, profile: ctx.profile, from: ctx.from, srcIP: ctx.from.status?.podIP ?? '' }, ctx.resolvConf);
}

/**
 * A TCP connection from a pod to host:port through the simulated data plane: DNS first, then
 * kube-proxy's rules on the pod's node (cluster IP → endpoint chosen by the rule probabilities,
 * REJECT → refused, no rule → the packet goes nowhere: a timeout), then the pod that listens.
 * Pod-to-service traffic is not SNATed, so the server sees the client pod's IP. A host-network sender (the
 * node itself, a hostNetwork pod) is local traffic: its packets meet the node's nat OUTPUT chain.
 */
export function connect(ctx: NetContext, host: string, port: number): Connection {
  // NetworkPolicy (policy-gate.ts): DNS queries may be dropped, then the connection itself after DNAT.
  const gate = { snapshot: ctx.snapshot, profile: ctx.profile, from: ctx.from, srcIP: ctx.from.status?.podIP ?? '' };
  if (!nameServerAnswers(ctx, host)) return { kind: 'unresolved', dnsTimedOut: true };
  const ip = resolveHost(ctx, host);
  if (!ip) return { kind: 'unresolved' };
  const node = ctx.from.spec?.nodeName ?? '';
  const tables = new Map(ctx.profile.nodes.map((n) => [n.name, buildRules(ctx.snapshot, ctx.profile, n.name)]));
  let target = { ip, port };
  const routed = tables.has(node)
    ? trace(tables, { srcIP: ctx.from.status?.podIP ?? '', dstIP: ip, dstPort: port, proto: 'tcp', fromNode: node, local: Boolean(ctx.from.spec?.hostNetwork) }, (n) => ctx.random(n))
    : ({ kind: 'no-rule' } as const);
  if (routed.kind === 'dnat') target = { ip: routed.ip, port: routed.port };
  else if (routed.kind === 'reject') return { kind: 'refused', dialedIP: ip };
  else if (routed.kind === 'drop') return { kind: 'timeout', dialedIP: ip };
  if (!connectionVerdict(gate, target.ip, target.port, 'TCP', routed.kind === 'dnat' && routed.masqueraded ? routed.node : undefined).allowed) return { kind: 'timeout', dialedIP: ip };
  const l = listener(ctx, target.ip, target.port);
  if (l === 'no-pod') return { kind: 'timeout', dialedIP: ip };
  if (l === 'closed') return { kind: 'refused', dialedIP: ip };
  return { kind: 'ok', ip: target.ip, port: target.port, pod: l.pod, container: l.container, clientIP: ctx.from.status?.podIP ?? '', clientPort: 32768 + ctx.random(28232), dialedIP: ip };
}
