/**
 * kube-proxy (iptables mode, 1.28–1.32) as data: the nat and filter tables one node's kube-proxy would
 * write for the Services and EndpointSlices of a snapshot, generated the way syncProxyRules does it
 * (kubectl-output.md §9, walkthroughs.md B8 / A.5). Rules keep kube-proxy's order within each chain;
 * iptables-save.ts prints them, route.ts walks them.
 */
import type { Snapshot } from '../api/snapshot.js';
import type { Profile } from '../api/profiles.js';
import type { KubeObject } from '../api/types.js';
import { extChain, fwChain, sepChain, servicePortName, svcChain, svlChain } from './chain-names.js';

/** A `-m` match, in the order kube-proxy writes it (iptables-save keeps that order among `-m`s). */
export type Match =
  | { m: 'comment'; comment: string }
  /** The protocol match module (`-m tcp [--dport N]`). */
  | { m: 'tcp' | 'udp' | 'sctp'; dport?: number }
  /** `--probability` as kube-proxy passes it (`%0.10f`), e.g. `0.3333333333`. */
  | { m: 'statistic'; probability: string }
  | { m: 'addrtype'; srcType?: 'LOCAL'; dstType?: 'LOCAL' }
  | { m: 'mark'; not?: boolean; mark: string }
  | { m: 'recent'; op: 'set' | 'rcheck'; name: string; seconds?: number; reap?: boolean }
  | { m: 'conntrack'; ctstate: string };

export interface Rule {
  /** `-s` / `! -s` (CIDR or bare IP; bare IPs print as /32). */
  src?: string;
  notSrc?: boolean;
  dst?: string;
  notDst?: boolean;
  /** `-p`. */
  proto?: string;
  matches: Match[];
  /** A chain to jump to, or a target: DNAT, MARK, MASQUERADE, REJECT, DROP, ACCEPT, RETURN. */
  target: string;
  /** The target's own options as printed, e.g. ['--to-destination', '10.244.1.3:80']. */
  targetArgs?: string[];
  /** Not printed: the `ns/svc[:port]/proto` a rule belongs to (session affinity memory keys). */
  service?: string;
}

export interface Chain {
  name: string;
  /** Built-in chains have a policy (ACCEPT); user chains print `-`. */
  policy?: 'ACCEPT' | 'DROP';
  rules: Rule[];
}

export interface Table {
  name: 'nat' | 'filter' | 'mangle';
  /** Built-ins first, in the kernel's order; then user chains (printing sorts them). */
  chains: Chain[];
}

export interface NatTable {
  nat: Table;
}
export interface FilterTable {
  filter: Table;
}

/** One node's kube-proxy rules plus what the kernel needs to know about the node to walk them. */
export type ProxyRules = NatTable &
  FilterTable & {
    mangle: Table;
    nodeName: string;
    /** Addresses that match `--dst-type LOCAL` / `--src-type LOCAL` on this node. */
    localAddresses: string[];
    clusterCIDR: string;
  };

export const MASQ_MARK = '0x4000/0x4000';
const NODEPORTS_LAST = 'kubernetes service nodeports; NOTE: this must be the last rule in this chain';

interface Endpoint {
  ip: string;
  port: number;
  /** `ip:port` */
  key: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  local: boolean;
}

/** kube-proxy's `%0.10f` of 1/n. */
export function probabilityFor(n: number): string {
  return (1 / n).toFixed(10);
}

const protoOf = (p: unknown): 'tcp' | 'udp' | 'sctp' => {
  const s = String(p ?? 'TCP').toLowerCase();
  return s === 'udp' ? 'udp' : s === 'sctp' ? 'sctp' : 'tcp';
};

/** The endpoints of one service port from the Service's EndpointSlices, sorted by `ip:port` string. */
function endpointsFor(snapshot: Snapshot, svc: KubeObject, portName: string, proto: string, nodeName: string): Endpoint[] {
  const ns = svc.metadata.namespace ?? 'default';
  const byKey = new Map<string, Endpoint>();
  for (const slice of snapshot.list('EndpointSlice', ns)) {
    if (slice.metadata.labels?.['kubernetes.io/service-name'] !== svc.metadata.name) continue;
    if (slice.addressType && slice.addressType !== 'IPv4') continue;
    const port = ((slice.ports ?? []) as Array<{ name?: string; port?: number; protocol?: string }>).find(
      (p) => (p.name ?? '') === portName && protoOf(p.protocol) === proto,
    );
    if (!port || typeof port.port !== 'number') continue;
    for (const ep of (slice.endpoints ?? []) as Array<Record<string, any>>) {
      const c = ep.conditions ?? {};
      const ready = c.ready !== false;
      const serving = c.serving ?? ready;
      const terminating = c.terminating === true;
      for (const ip of (ep.addresses ?? []) as string[]) {
        const key = `${ip}:${port.port}`;
        if (!byKey.has(key)) byKey.set(key, { ip, port: port.port, key, ready, serving, terminating, local: ep.nodeName === nodeName });
      }
    }
  }
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

const protoMatch = (proto: string, dport?: number): Match =>
  (dport === undefined ? { m: proto } : { m: proto, dport }) as Match;
const comment = (text: string): Match => ({ m: 'comment', comment: text });

class Builder {
  readonly chains = new Map<string, Chain>();
  constructor(readonly name: Table['name'], builtins: string[]) {
    for (const b of builtins) this.chains.set(b, { name: b, policy: 'ACCEPT', rules: [] });
  }
  chain(name: string): Chain {
    let c = this.chains.get(name);
    if (!c) this.chains.set(name, (c = { name, rules: [] }));
    return c;
  }
  add(chain: string, rule: Rule): void {
    this.chain(chain).rules.push(rule);
  }
  table(): Table {
    return { name: this.name, chains: [...this.chains.values()] };
  }
}

/**
 * The rules node `nodeName`'s kube-proxy writes for the snapshot (one sync, iptables mode). Services are
 * taken in namespace/name order (kube-proxy's own order is Go map order), ports in spec order.
 */
export function buildRules(snapshot: Snapshot, profile: Profile, nodeName: string): ProxyRules {
  const node = profile.nodes.find((n) => n.name === nodeName);
  const clusterCIDR = profile.clusterCIDR;

  const nat = new Builder('nat', ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING']);
  const filter = new Builder('filter', ['INPUT', 'FORWARD', 'OUTPUT']);
  const mangle = new Builder('mangle', ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING']);
  for (const t of [nat, filter, mangle]) {
    t.chain('KUBE-KUBELET-CANARY');
    t.chain('KUBE-PROXY-CANARY');
  }

  // The fixed jumps and chains.
  nat.add('PREROUTING', { matches: [comment('kubernetes service portals')], target: 'KUBE-SERVICES' });
  nat.add('OUTPUT', { matches: [comment('kubernetes service portals')], target: 'KUBE-SERVICES' });
  nat.add('POSTROUTING', { matches: [comment('kubernetes postrouting rules')], target: 'KUBE-POSTROUTING' });
  nat.add('KUBE-MARK-MASQ', { matches: [], target: 'MARK', targetArgs: ['--set-xmark', MASQ_MARK] });
  nat.chain('KUBE-NODEPORTS');
  nat.add('KUBE-POSTROUTING', { matches: [{ m: 'mark', not: true, mark: MASQ_MARK }], target: 'RETURN' });
  nat.add('KUBE-POSTROUTING', { matches: [], target: 'MARK', targetArgs: ['--set-xmark', '0x4000/0x0'] });
  nat.add('KUBE-POSTROUTING', {
    matches: [comment('kubernetes service traffic requiring SNAT')],
    target: 'MASQUERADE',
    targetArgs: ['--random-fully'],
  });
  nat.chain('KUBE-SERVICES');

  const ctNew: Match = { m: 'conntrack', ctstate: 'NEW' };
  filter.add('INPUT', { matches: [ctNew, comment('kubernetes load balancer firewall')], target: 'KUBE-PROXY-FIREWALL' });
  filter.add('INPUT', { matches: [comment('kubernetes health check service ports')], target: 'KUBE-NODEPORTS' });
  filter.add('INPUT', { matches: [ctNew, comment('kubernetes externally-visible service portals')], target: 'KUBE-EXTERNAL-SERVICES' });
  filter.add('FORWARD', { matches: [ctNew, comment('kubernetes load balancer firewall')], target: 'KUBE-PROXY-FIREWALL' });
  filter.add('FORWARD', { matches: [comment('kubernetes forwarding rules')], target: 'KUBE-FORWARD' });
  filter.add('FORWARD', { matches: [ctNew, comment('kubernetes service portals')], target: 'KUBE-SERVICES' });
  filter.add('FORWARD', { matches: [ctNew, comment('kubernetes externally-visible service portals')], target: 'KUBE-EXTERNAL-SERVICES' });
  filter.add('OUTPUT', { matches: [ctNew, comment('kubernetes load balancer firewall')], target: 'KUBE-PROXY-FIREWALL' });
  filter.add('OUTPUT', { matches: [ctNew, comment('kubernetes service portals')], target: 'KUBE-SERVICES' });
  filter.chain('KUBE-EXTERNAL-SERVICES');
  filter.add('KUBE-FORWARD', { matches: [{ m: 'conntrack', ctstate: 'INVALID' }], target: 'DROP' });
  filter.add('KUBE-FORWARD', { matches: [comment('kubernetes forwarding rules'), { m: 'mark', mark: MASQ_MARK }], target: 'ACCEPT' });
  filter.add('KUBE-FORWARD', {
    matches: [comment('kubernetes forwarding conntrack rule'), { m: 'conntrack', ctstate: 'RELATED,ESTABLISHED' }],
    target: 'ACCEPT',
  });
  filter.chain('KUBE-NODEPORTS');
  filter.chain('KUBE-PROXY-FIREWALL');
  filter.chain('KUBE-SERVICES');

  for (const svc of snapshot.list('Service')) {
    const spec = svc.spec ?? {};
    const clusterIP: string | undefined = spec.clusterIP;
    if (!clusterIP || clusterIP === 'None' || spec.type === 'ExternalName') continue;
    const ns = svc.metadata.namespace ?? 'default';
    const type: string = spec.type ?? 'ClusterIP';
    const externalIPs: string[] = spec.externalIPs ?? [];
    const lbIPs: string[] =
      type === 'LoadBalancer'
        ? ((svc.status?.loadBalancer?.ingress ?? []) as Array<{ ip?: string }>).flatMap((i) => (i.ip ? [i.ip] : []))
        : [];
    const sourceRanges: string[] = spec.loadBalancerSourceRanges ?? [];
    const affinity = spec.sessionAffinity === 'ClientIP';
    const stickySeconds: number = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800;

    for (const port of (spec.ports ?? []) as Array<Record<string, any>>) {
      const proto = protoOf(port.protocol);
      const spn = servicePortName(ns, svc.metadata.name, port.name);
      const svcKey = `${spn}/${proto}`;
      const nodePort: number = type === 'NodePort' || type === 'LoadBalancer' ? (port.nodePort ?? 0) : 0;
      const externallyAccessible = nodePort !== 0 || lbIPs.length > 0 || externalIPs.length > 0;
      const externalPolicyLocal = externallyAccessible && spec.externalTrafficPolicy === 'Local';
      const internalPolicyLocal = spec.internalTrafficPolicy === 'Local';
      const usesClusterEndpoints = !internalPolicyLocal || externallyAccessible;
      const usesLocalEndpoints = internalPolicyLocal || externalPolicyLocal;

      // CategorizeEndpoints (topology hints ignored).
      const all = endpointsFor(snapshot, svc, port.name ?? '', proto, nodeName);
      let clusterEps: Endpoint[] = [];
      let localEps: Endpoint[] = [];
      let hasEndpoints = false;
      if (usesClusterEndpoints) {
        clusterEps = all.filter((e) => e.ready);
        if (clusterEps.length === 0) clusterEps = all.filter((e) => e.serving && e.terminating);
        hasEndpoints = clusterEps.length > 0;
      }
      if (usesLocalEndpoints) {
        if (all.some((e) => e.ready || (e.serving && e.terminating))) hasEndpoints = true;
        localEps = all.filter((e) => e.local && e.ready);
        if (localEps.length === 0) localEps = all.filter((e) => e.local && e.serving && e.terminating);
      }
      const reachable = new Map<string, Endpoint>();
      for (const e of usesClusterEndpoints ? clusterEps : []) reachable.set(e.key, e);
      for (const e of localEps) reachable.set(e.key, e);
      const reachableEps = [...reachable.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

      const clusterChain = svcChain(spn, proto);
      const localChain = svlChain(spn, proto);
      const extName = extChain(spn, proto);
      const fwName = fwChain(spn, proto);
      const usesClusterChain = clusterEps.length > 0 && usesClusterEndpoints;
      const usesLocalChain = localEps.length > 0 && usesLocalEndpoints;

      let internalChain = clusterChain;
      let hasInternal = hasEndpoints;
      if (internalPolicyLocal) {
        internalChain = localChain;
        if (localEps.length === 0) hasInternal = false;
      }
      let externalPolicyChain = clusterChain;
      let hasExternal = hasEndpoints;
      if (externalPolicyLocal) {
        externalPolicyChain = localChain;
        if (localEps.length === 0) hasExternal = false;
      }
      const usesExtChain = hasEndpoints && externallyAccessible;
      const usesFW = hasEndpoints && lbIPs.length > 0 && sourceRanges.length > 0;
      const lbChain = usesFW ? fwName : extName;

      let internalFilterTarget = '';
      let internalFilterComment = '';
      let externalFilterTarget = '';
      let externalFilterComment = '';
      if (!hasEndpoints) {
        internalFilterTarget = externalFilterTarget = 'REJECT';
        internalFilterComment = externalFilterComment = `${spn} has no endpoints`;
      } else {
        if (!hasInternal) {
          internalFilterTarget = 'DROP';
          internalFilterComment = `${spn} has no local endpoints`;
        }
        if (!hasExternal) {
          externalFilterTarget = 'DROP';
          externalFilterComment = `${spn} has no local endpoints`;
        }
      }
      const filterTargetArgs = (t: string) => (t === 'REJECT' ? ['--reject-with', 'icmp-port-unreachable'] : undefined);
      const vip = (ip: string, port: number, text: string, target: string): Rule => {
        const r: Rule = { dst: ip, proto, matches: [comment(text), protoMatch(proto, port)], target, service: svcKey };
        const args = filterTargetArgs(target);
        if (args) r.targetArgs = args;
        return r;
      };

      // Capture the clusterIP.
      if (hasInternal) nat.add('KUBE-SERVICES', vip(clusterIP, port.port, `${spn} cluster IP`, internalChain));
      else filter.add('KUBE-SERVICES', vip(clusterIP, port.port, internalFilterComment, internalFilterTarget));

      // Capture externalIPs.
      for (const ip of externalIPs) {
        if (hasEndpoints) nat.add('KUBE-SERVICES', vip(ip, port.port, `${spn} external IP`, extName));
        if (!hasExternal) filter.add('KUBE-EXTERNAL-SERVICES', vip(ip, port.port, externalFilterComment, externalFilterTarget));
      }

      // Capture load-balancer ingress.
      for (const ip of lbIPs) {
        if (hasEndpoints) nat.add('KUBE-SERVICES', vip(ip, port.port, `${spn} loadbalancer IP`, lbChain));
        if (usesFW)
          filter.add('KUBE-PROXY-FIREWALL', vip(ip, port.port, `${spn} traffic not accepted by ${fwName}`, 'DROP'));
      }
      if (!hasExternal)
        for (const ip of lbIPs) filter.add('KUBE-EXTERNAL-SERVICES', vip(ip, port.port, externalFilterComment, externalFilterTarget));

      // Capture nodeports.
      if (nodePort !== 0) {
        if (hasEndpoints)
          nat.add('KUBE-NODEPORTS', { proto, matches: [comment(spn), protoMatch(proto, nodePort)], target: extName, service: svcKey });
        if (!hasExternal) {
          const r: Rule = {
            proto,
            matches: [comment(externalFilterComment), { m: 'addrtype', dstType: 'LOCAL' }, protoMatch(proto, nodePort)],
            target: externalFilterTarget,
            service: svcKey,
          };
          const args = filterTargetArgs(externalFilterTarget);
          if (args) r.targetArgs = args;
          filter.add('KUBE-EXTERNAL-SERVICES', r);
        }
      }

      // Health check node port (Local policy LoadBalancers).
      const hcnp: number = spec.healthCheckNodePort ?? 0;
      if (hcnp !== 0 && externalPolicyLocal)
        filter.add('KUBE-NODEPORTS', {
          proto: 'tcp',
          matches: [comment(`${spn} health check node port`), { m: 'tcp', dport: hcnp }],
          target: 'ACCEPT',
        });

      // Internal traffic: masquerade what does not come from a pod.
      if (hasInternal)
        nat.add(internalChain, {
          src: clusterCIDR,
          notSrc: true,
          dst: clusterIP,
          proto,
          matches: [comment(`${spn} cluster IP`), protoMatch(proto, port.port)],
          target: 'KUBE-MARK-MASQ',
          service: svcKey,
        });

      // External traffic.
      if (usesExtChain) {
        nat.chain(extName);
        if (!externalPolicyLocal) {
          nat.add(extName, { matches: [comment(`masquerade traffic for ${spn} external destinations`)], target: 'KUBE-MARK-MASQ', service: svcKey });
        } else {
          nat.add(extName, { src: clusterCIDR, matches: [comment(`pod traffic for ${spn} external destinations`)], target: clusterChain, service: svcKey });
          nat.add(extName, {
            matches: [comment(`masquerade LOCAL traffic for ${spn} external destinations`), { m: 'addrtype', srcType: 'LOCAL' }],
            target: 'KUBE-MARK-MASQ',
            service: svcKey,
          });
          nat.add(extName, {
            matches: [comment(`route LOCAL traffic for ${spn} external destinations`), { m: 'addrtype', srcType: 'LOCAL' }],
            target: clusterChain,
            service: svcKey,
          });
        }
        if (hasExternal) nat.add(extName, { matches: [], target: externalPolicyChain, service: svcKey });
      }

      // Firewall chain (loadBalancerSourceRanges).
      if (usesFW) {
        nat.chain(fwName);
        let allowFromNode = false;
        for (const cidr of sourceRanges) {
          nat.add(fwName, { src: cidr, matches: [comment(`${spn} loadbalancer IP`)], target: extName, service: svcKey });
          if (node && cidrContains(cidr, node.internalIP)) allowFromNode = true;
        }
        if (allowFromNode)
          for (const ip of lbIPs) nat.add(fwName, { src: ip, matches: [comment(`${spn} loadbalancer IP`)], target: extName, service: svcKey });
      }

      const toEndpoints = (chain: string, eps: Endpoint[]) => {
        nat.chain(chain);
        if (affinity)
          for (const e of eps)
            nat.add(chain, {
              matches: [
                comment(`${spn} -> ${e.key}`),
                { m: 'recent', op: 'rcheck', name: sepChain(spn, proto, e.key), seconds: stickySeconds, reap: true },
              ],
              target: sepChain(spn, proto, e.key),
              service: svcKey,
            });
        eps.forEach((e, i) => {
          const matches: Match[] = [comment(`${spn} -> ${e.key}`)];
          if (i < eps.length - 1) matches.push({ m: 'statistic', probability: probabilityFor(eps.length - i) });
          nat.add(chain, { matches, target: sepChain(spn, proto, e.key), service: svcKey });
        });
      };
      if (usesClusterChain) toEndpoints(clusterChain, clusterEps);
      if (usesLocalChain) toEndpoints(localChain, localEps);

      // Per-endpoint chains.
      for (const e of reachableEps) {
        const chain = sepChain(spn, proto, e.key);
        nat.add(chain, { src: e.ip, matches: [comment(spn)], target: 'KUBE-MARK-MASQ', service: svcKey });
        const matches: Match[] = [comment(spn)];
        if (affinity) matches.push({ m: 'recent', op: 'set', name: chain });
        matches.push(protoMatch(proto));
        nat.add(chain, { proto, matches, target: 'DNAT', targetArgs: ['--to-destination', e.key], service: svcKey });
      }
    }
  }

  nat.add('KUBE-SERVICES', { matches: [comment(NODEPORTS_LAST), { m: 'addrtype', dstType: 'LOCAL' }], target: 'KUBE-NODEPORTS' });

  const localAddresses = ['127.0.0.1'];
  if (node) {
    localAddresses.push(node.internalIP);
    if (node.externalIP) localAddresses.push(node.externalIP);
  }
  return { nat: nat.table(), filter: filter.table(), mangle: mangle.table(), nodeName, localAddresses, clusterCIDR };
}

function ipToInt(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    const v = Number(p);
    if (!/^\d+$/.test(p) || v > 255) return undefined;
    n = n * 256 + v;
  }
  return n;
}

/** Whether `ip` lies in `cidr` (a bare IP counts as /32). IPv4 only. */
export function cidrContains(cidr: string, ip: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  const a = ipToInt(base);
  const b = ipToInt(ip);
  if (a === undefined || b === undefined) return false;
  if (bits === 0) return true;
  const size = 2 ** (32 - bits);
  return Math.floor(a / size) === Math.floor(b / size);
}
