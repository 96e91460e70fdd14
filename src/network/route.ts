/**
 * Walking kube-proxy's rules the way the kernel does for the first packet of a connection: nat
 * PREROUTING (or OUTPUT for a node's own traffic) → KUBE-SERVICES → … → DNAT; when nothing translated the
 * destination, the filter table (INPUT / FORWARD / OUTPUT) may REJECT or DROP it.
 */
import { cidrContains, MASQ_MARK, type Match, type ProxyRules, type Rule, type Table } from './proxy-rules.js';
import { probabilityFixed } from './iptables-save.js';

export interface Packet {
  srcIP: string;
  dstIP: string;
  dstPort: number;
  proto: string;
  /** The node whose rules the packet meets first (the sending pod's node, or the node it arrives at). */
  fromNode: string;
  /** Sent by the node itself (host network: nat OUTPUT, `--src-type LOCAL`) rather than arriving from a pod or outside. */
  local: boolean;
}

/**
 * Draws an integer in [0, n). The statistic match calls it with n = 2^31 and takes the rule when the draw
 * is below the stored probability (the kernel's `(prandom_u32() & 0x7FFFFFFF) < probability`), so with a
 * uniform `pick` rule i is taken with its own probability given the earlier ones were not.
 */
export type Pick = (n: number) => number;

/** Session affinity memory (`-m recent` lists): `clientIP|ns/svc[:port]/proto` → KUBE-SEP chain. */
export type AffinityMemory = ReadonlyMap<string, string>;

export type TraceResult =
  | {
      kind: 'dnat';
      ip: string;
      port: number;
      /** KUBE-MARK-MASQ was hit: POSTROUTING will SNAT the packet to the node's address. */
      masqueraded: boolean;
      chainPath: string[];
      /** The node whose rules translated the packet. */
      node: string;
      endpointChain: string;
      /** The `-m recent --set` this connection made (caller stores it in its affinity memory). */
      affinityUpdate?: { key: string; value: string };
    }
  | { kind: 'reject'; chainPath: string[]; node: string; comment?: string }
  | { kind: 'drop'; chainPath: string[]; node: string; comment?: string }
  /** Nothing translated it: the packet goes to the address itself (a cluster IP answers nothing: timeout). */
  | { kind: 'no-rule'; chainPath: string[]; node: string };

const MAX_DEPTH = 64;
const INT31 = 0x80000000;

type Verdict = { v: 'continue' } | { v: 'ACCEPT' | 'DROP' | 'REJECT'; rule: Rule } | { v: 'DNAT'; rule: Rule; chain: string };

interface Walk {
  rules: ProxyRules;
  srcIP: string;
  dstIP: string;
  dstPort: number;
  proto: string;
  local: boolean;
  mark: number;
  path: string[];
  pick: Pick;
  affinity: AffinityMemory;
  affinityUpdate?: { key: string; value: string };
}

const commentOf = (r: Rule) => (r.matches.find((m) => m.m === 'comment') as { comment: string } | undefined)?.comment;
const affinityKey = (w: Walk, r: Rule, name: string) => `${w.srcIP}|${r.service ?? name}`;

function parseMark(spec: string): [number, number] {
  const [v, m] = spec.split('/');
  return [parseInt(v, 16) >>> 0, m === undefined ? 0xffffffff : parseInt(m, 16) >>> 0];
}

function matchOne(w: Walk, r: Rule, m: Match): boolean {
  switch (m.m) {
    case 'comment':
      return true;
    case 'tcp':
    case 'udp':
    case 'sctp':
      return w.proto === m.m && (m.dport === undefined || m.dport === w.dstPort);
    case 'statistic':
      return w.pick(INT31) < probabilityFixed(m.probability);
    case 'addrtype':
      if (m.srcType === 'LOCAL' && !(w.local || w.rules.localAddresses.includes(w.srcIP))) return false;
      if (m.dstType === 'LOCAL' && !w.rules.localAddresses.includes(w.dstIP)) return false;
      return true;
    case 'mark': {
      const [value, mask] = parseMark(m.mark);
      return ((w.mark & mask) === value) !== !!m.not;
    }
    case 'recent':
      if (m.op === 'set') {
        w.affinityUpdate = { key: affinityKey(w, r, m.name), value: m.name };
        return true;
      }
      return w.affinity.get(affinityKey(w, r, m.name)) === m.name;
    case 'conntrack':
      return m.ctstate.split(',').includes('NEW');
  }
}

function matches(w: Walk, r: Rule): boolean {
  if (r.src !== undefined && cidrContains(r.src, w.srcIP) === !!r.notSrc) return false;
  if (r.dst !== undefined && cidrContains(r.dst, w.dstIP) === !!r.notDst) return false;
  if (r.proto !== undefined && r.proto !== w.proto) return false;
  return r.matches.every((m) => matchOne(w, r, m));
}

function walkChain(w: Walk, table: Table, name: string, depth: number): Verdict {
  const chain = table.chains.find((c) => c.name === name);
  if (!chain || depth > MAX_DEPTH) return { v: 'continue' };
  w.path.push(name);
  for (const r of chain.rules) {
    if (!matches(w, r)) continue;
    switch (r.target) {
      case 'MARK': {
        const [value, mask] = parseMark(r.targetArgs?.[1] ?? MASQ_MARK);
        w.mark = ((w.mark & ~mask) ^ value) >>> 0;
        continue;
      }
      case 'RETURN':
        return { v: 'continue' };
      case 'MASQUERADE':
      case 'SNAT':
        continue;
      case 'ACCEPT':
      case 'DROP':
      case 'REJECT':
        return { v: r.target, rule: r };
      case 'DNAT':
        return { v: 'DNAT', rule: r, chain: name };
      default: {
        const verdict = walkChain(w, table, r.target, depth + 1);
        if (verdict.v !== 'continue') return verdict;
      }
    }
  }
  if (chain.policy === 'DROP') return { v: 'DROP', rule: { matches: [], target: 'DROP' } };
  return { v: 'continue' };
}

function traceOn(rules: ProxyRules, packet: Packet, pick: Pick, affinity: AffinityMemory): TraceResult {
  const w: Walk = {
    rules,
    srcIP: packet.srcIP,
    dstIP: packet.dstIP,
    dstPort: packet.dstPort,
    proto: packet.proto.toLowerCase(),
    local: packet.local,
    mark: 0,
    path: [],
    pick,
    affinity,
  };
  const node = rules.nodeName;
  const nat = walkChain(w, rules.nat, packet.local ? 'OUTPUT' : 'PREROUTING', 0);
  if (nat.v === 'DNAT') {
    const to = nat.rule.targetArgs?.[1] ?? '';
    const i = to.lastIndexOf(':');
    const [maskValue] = parseMark(MASQ_MARK);
    const result: TraceResult = {
      kind: 'dnat',
      ip: i < 0 ? to : to.slice(0, i),
      port: i < 0 ? packet.dstPort : Number(to.slice(i + 1)),
      masqueraded: (w.mark & maskValue) !== 0,
      chainPath: w.path,
      node,
      endpointChain: nat.chain,
    };
    if (w.affinityUpdate) result.affinityUpdate = w.affinityUpdate;
    return result;
  }
  // Not translated: the filter table sees the original destination.
  const toLocal = rules.localAddresses.includes(packet.dstIP);
  const hooks = packet.local ? (toLocal ? ['OUTPUT', 'INPUT'] : ['OUTPUT']) : toLocal ? ['INPUT'] : ['FORWARD'];
  for (const hook of hooks) {
    const v = walkChain(w, rules.filter, hook, 0);
    if (v.v === 'REJECT' || v.v === 'DROP') {
      const c = commentOf(v.rule);
      const kind = v.v === 'REJECT' ? 'reject' : 'drop';
      return c === undefined ? { kind, chainPath: w.path, node } : { kind, chainPath: w.path, node, comment: c };
    }
    if (v.v === 'ACCEPT') break;
  }
  return { kind: 'no-rule', chainPath: w.path, node };
}

/**
 * Where the first packet of a connection goes. `tables` is one node's rules, or every node's by name: then
 * the walk starts at `packet.fromNode` and, when that node leaves the packet alone and it is addressed to
 * another node (a node port on another node's IP), continues there as an arriving packet.
 * `affinity` is read only; a `-m recent --set` comes back as `affinityUpdate`.
 */
export function trace(
  tables: ProxyRules | ReadonlyMap<string, ProxyRules>,
  packet: Packet,
  pick: Pick,
  affinity: AffinityMemory = new Map(),
): TraceResult {
  if (!(tables instanceof Map)) return traceOn(tables as ProxyRules, packet, pick, affinity);
  const all = tables as ReadonlyMap<string, ProxyRules>;
  const first = all.get(packet.fromNode);
  if (!first) throw new Error(`no rules for node ${packet.fromNode}`);
  const result = traceOn(first, packet, pick, affinity);
  if (result.kind !== 'no-rule' || first.localAddresses.includes(packet.dstIP)) return result;
  for (const [name, rules] of all) {
    if (name === packet.fromNode || !rules.localAddresses.includes(packet.dstIP) || packet.dstIP.startsWith('127.')) continue;
    const next = traceOn(rules, { ...packet, fromNode: name, local: false }, pick, affinity);
    next.chainPath = [...result.chainPath, ...next.chainPath];
    return next;
  }
  return result;
}
