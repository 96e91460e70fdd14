import { describe, expect, it } from 'vitest';
import { getProfile } from '../../src/api/profiles.js';
import { buildRules, type ProxyRules } from '../../src/network/proxy-rules.js';
import { trace, type TraceResult } from '../../src/network/route.js';
import { seededPick, service, slice, snapshotOf } from './factories.js';

const profile = getProfile('default')!;
const [CP, W1, W2] = profile.nodes; // 172.18.0.2 / .3 / .4
const POD_W1 = '10.244.1.50'; // a client pod on the first worker

const snap = snapshotOf([
  // Two ready endpoints, NodePort, Cluster policy.
  service('my-nginx', '10.96.184.12', [{ port: 80, nodePort: 31704 }], { type: 'NodePort' }),
  slice('my-nginx', [{ ip: '10.244.1.3', node: W1.name }, { ip: '10.244.2.4', node: W2.name }], [{ port: 80 }]),
  // Local policy: the only endpoint is on worker2.
  service('local', '10.96.10.10', [{ name: 'http', port: 8080, targetPort: 80, nodePort: 30080 }], {
    type: 'LoadBalancer',
    externalTrafficPolicy: 'Local',
    lbIngress: ['172.18.255.200'],
  }),
  slice('local', [{ ip: '10.244.2.7', node: W2.name }], [{ name: 'http', port: 80 }]),
  // No endpoints at all (selector matches nothing).
  service('empty', '10.96.20.20', [{ name: 'http', port: 8010, targetPort: 80, nodePort: 30010 }], { type: 'NodePort' }),
  // An endpoint that is not ready.
  service('unready', '10.96.30.30', [{ port: 80 }]),
  slice('unready', [{ ip: '10.244.1.8', node: W1.name, ready: false }], [{ port: 80 }]),
  // Only a terminating-but-serving endpoint left: still used.
  service('draining', '10.96.40.40', [{ port: 80 }]),
  slice('draining', [{ ip: '10.244.1.9', node: W1.name, ready: false, serving: true, terminating: true }], [{ port: 80 }]),
  // Session affinity.
  service('sticky', '10.96.50.50', [{ port: 80 }], { sessionAffinity: 'ClientIP' }),
  slice('sticky', [{ ip: '10.244.1.3', node: W1.name }, { ip: '10.244.2.4', node: W2.name }], [{ port: 80 }]),
  // UDP DNS and an external IP.
  service('kube-dns', '10.96.0.10', [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }], {
    namespace: 'kube-system',
  }),
  slice('kube-dns', [{ ip: '10.244.0.2', node: CP.name }], [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }], 'kube-system'),
  service('ext', '10.96.60.60', [{ port: 80 }], { externalIPs: ['192.0.2.10'] }),
  slice('ext', [{ ip: '10.244.2.9', node: W2.name }], [{ port: 80 }]),
]);

const tables = new Map<string, ProxyRules>(profile.nodes.map((n) => [n.name, buildRules(snap, profile, n.name)]));
const first = () => 0; // the statistic match always hits: the first endpoint
const never = (n: number) => n - 1; // never hits: the last endpoint

function outcome(r: TraceResult): string {
  if (r.kind === 'dnat') return `${r.ip}:${r.port}${r.masqueraded ? ' masq' : ''}`;
  return r.kind;
}

type Row = [string, { src: string; dst: string; port: number; proto?: string; node: string; local?: boolean }, string, ((n: number) => number)?];
const rows: Row[] = [
  ['pod → cluster IP, first rule', { src: POD_W1, dst: '10.96.184.12', port: 80, node: W1.name }, '10.244.1.3:80', first],
  ['pod → cluster IP, last rule', { src: POD_W1, dst: '10.96.184.12', port: 80, node: W1.name }, '10.244.2.4:80', never],
  ['hairpin: endpoint pod to its own service', { src: '10.244.1.3', dst: '10.96.184.12', port: 80, node: W1.name }, '10.244.1.3:80 masq', first],
  ['node → cluster IP is masqueraded', { src: W1.internalIP, dst: '10.96.184.12', port: 80, node: W1.name, local: true }, '10.244.2.4:80 masq', never],
  ['port the service does not expose', { src: POD_W1, dst: '10.96.184.12', port: 8080, node: W1.name }, 'no-rule'],
  ['udp dns', { src: POD_W1, dst: '10.96.0.10', port: 53, proto: 'udp', node: W1.name }, '10.244.0.2:53'],
  ['tcp dns', { src: POD_W1, dst: '10.96.0.10', port: 53, proto: 'tcp', node: W1.name }, '10.244.0.2:53'],
  ['sctp to dns: nothing', { src: POD_W1, dst: '10.96.0.10', port: 53, proto: 'sctp', node: W1.name }, 'no-rule'],
  ['no endpoints → REJECT', { src: POD_W1, dst: '10.96.20.20', port: 8010, node: W1.name }, 'reject'],
  ['no endpoints, from the node → REJECT', { src: W1.internalIP, dst: '10.96.20.20', port: 8010, node: W1.name, local: true }, 'reject'],
  ['no endpoints, node port → REJECT', { src: '172.18.0.1', dst: W1.internalIP, port: 30010, node: W1.name }, 'reject'],
  ['unready endpoint only → REJECT', { src: POD_W1, dst: '10.96.30.30', port: 80, node: W1.name }, 'reject'],
  ['serving+terminating fallback', { src: POD_W1, dst: '10.96.40.40', port: 80, node: W1.name }, '10.244.1.9:80'],
  ['external IP', { src: '172.18.0.1', dst: '192.0.2.10', port: 80, node: W1.name }, '10.244.2.9:80 masq'],
  ['unknown address', { src: POD_W1, dst: '10.96.99.99', port: 80, node: W1.name }, 'no-rule'],
  ['pod IP directly', { src: POD_W1, dst: '10.244.2.4', port: 80, node: W1.name }, 'no-rule'],
  // Local policy.
  ['Local: node port on the node with the endpoint keeps the source', { src: '172.18.0.1', dst: W2.internalIP, port: 30080, node: W2.name }, '10.244.2.7:80'],
  ['Local: node port on a node without endpoints is dropped', { src: '172.18.0.1', dst: W1.internalIP, port: 30080, node: W1.name }, 'drop'],
  ['Local: control-plane node port dropped too', { src: '172.18.0.1', dst: CP.internalIP, port: 30080, node: CP.name }, 'drop'],
  ['Local: LB IP on a node without endpoints is dropped', { src: '172.18.0.1', dst: '172.18.255.200', port: 8080, node: W1.name }, 'drop'],
  ['Local: LB IP on the node with the endpoint', { src: '172.18.0.1', dst: '172.18.255.200', port: 8080, node: W2.name }, '10.244.2.7:80'],
  ['Local: pod traffic to a node port short-circuits to Cluster', { src: POD_W1, dst: W1.internalIP, port: 30080, node: W1.name }, '10.244.2.7:80'],
  ['Local: the node itself is routed to Cluster and masqueraded', { src: W1.internalIP, dst: W1.internalIP, port: 30080, node: W1.name, local: true }, '10.244.2.7:80 masq'],
  ['Local: cluster IP is not subject to the external policy', { src: POD_W1, dst: '10.96.10.10', port: 8080, node: W1.name }, '10.244.2.7:80'],
  ['pod → another node’s IP:nodePort is translated there', { src: POD_W1, dst: W2.internalIP, port: 31704, node: W1.name }, '10.244.1.3:80 masq', first],
];
// Node ports answer on every node IP.
for (const n of profile.nodes) {
  rows.push([`node port on ${n.name}`, { src: '172.18.0.1', dst: n.internalIP, port: 31704, node: n.name }, '10.244.1.3:80 masq', first]);
  rows.push([`node port on ${n.name}, last`, { src: '172.18.0.1', dst: n.internalIP, port: 31704, node: n.name }, '10.244.2.4:80 masq', never]);
  rows.push([`unused node port on ${n.name}`, { src: '172.18.0.1', dst: n.internalIP, port: 31999, node: n.name }, 'no-rule']);
}

describe('packet flow', () => {
  it.each(rows)('%s', (_name, p, want, pick) => {
    const r = trace(tables, { srcIP: p.src, dstIP: p.dst, dstPort: p.port, proto: p.proto ?? 'tcp', fromNode: p.node, local: p.local ?? false }, pick ?? first);
    expect(outcome(r)).toBe(want);
  });

  it('reports the chains walked and the REJECT comment', () => {
    const r = trace(tables.get(W1.name)!, { srcIP: POD_W1, dstIP: '10.96.184.12', dstPort: 80, proto: 'TCP', fromNode: W1.name, local: false }, first);
    expect(r.kind === 'dnat' && r.chainPath).toEqual(['PREROUTING', 'KUBE-SERVICES', 'KUBE-SVC-L65ENXXZWWSAPRCR', 'KUBE-SEP-BDY4WKPM7CKEJD2W']);
    const rej = trace(tables.get(W1.name)!, { srcIP: POD_W1, dstIP: '10.96.20.20', dstPort: 8010, proto: 'tcp', fromNode: W1.name, local: false }, first);
    expect(rej).toMatchObject({ kind: 'reject', comment: 'default/empty:http has no endpoints' });
  });
});

describe('load balancing', () => {
  const packet = { srcIP: POD_W1, dstIP: '10.96.184.12', dstPort: 80, proto: 'tcp', fromNode: W1.name, local: false };

  it('two endpoints share 1000 connections roughly evenly', () => {
    const pick = seededPick(42);
    const hits = new Map<string, number>();
    for (let i = 0; i < 1000; i++) {
      const r = trace(tables, packet, pick);
      const k = outcome(r);
      hits.set(k, (hits.get(k) ?? 0) + 1);
    }
    expect([...hits.keys()].sort()).toEqual(['10.244.1.3:80', '10.244.2.4:80']);
    for (const n of hits.values()) expect(n).toBeGreaterThan(430);
  });

  it('three endpoints: 1/3 then 1/2 is uniform', () => {
    const s = snapshotOf([
      service('three', '10.96.70.70', [{ port: 80 }]),
      slice('three', ['10.244.1.10', '10.244.1.11', '10.244.1.9'].map((ip) => ({ ip, node: W1.name })), [{ port: 80 }]),
    ]);
    const t = buildRules(s, profile, W1.name);
    const pick = seededPick(7);
    const hits = new Map<string, number>();
    for (let i = 0; i < 3000; i++) {
      const k = outcome(trace(t, { ...packet, dstIP: '10.96.70.70' }, pick));
      hits.set(k, (hits.get(k) ?? 0) + 1);
    }
    expect(hits.size).toBe(3);
    for (const n of hits.values()) expect(n).toBeGreaterThan(900);
  });

  it('ClientIP affinity sticks to one endpoint', () => {
    const pick = seededPick(42);
    const memory = new Map<string, string>();
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const r = trace(tables, { ...packet, dstIP: '10.96.50.50' }, pick, memory);
      expect(r.kind).toBe('dnat');
      if (r.kind === 'dnat' && r.affinityUpdate) memory.set(r.affinityUpdate.key, r.affinityUpdate.value);
      seen.add(outcome(r));
    }
    expect(seen.size).toBe(1);
    expect([...memory.keys()]).toEqual([`${POD_W1}|default/sticky/tcp`]);
    // Another client is free to land elsewhere, and sticks as well.
    const other = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const r = trace(tables, { ...packet, srcIP: '10.244.2.50', dstIP: '10.96.50.50', fromNode: W2.name }, pick, memory);
      if (r.kind === 'dnat' && r.affinityUpdate) memory.set(r.affinityUpdate.key, r.affinityUpdate.value);
      other.add(outcome(r));
    }
    expect(other.size).toBe(1);
  });

  it('without affinity memory being kept, ClientIP service still balances', () => {
    const pick = seededPick(3);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) seen.add(outcome(trace(tables, { ...packet, dstIP: '10.96.50.50' }, pick)));
    expect(seen.size).toBe(2);
  });
});
