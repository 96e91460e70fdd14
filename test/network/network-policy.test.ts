import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import { policyVerdict, policyTypesOf, selectorMatches, type PolicyFlow } from '../../src/network/network-policy.js';
import { getProfile } from '../../src/api/profiles.js';
import { dnsReachable } from '../../src/runtime/net/policy-gate.js';
import { service, slice, snapshotOf } from './factories.js';

/*
 * A small cluster: namespaces default (team=a), prod (team=b, env=prod) and dev (team=b);
 * pods web (app=web, named ports http=8080/TCP, dns=53/UDP, metrics=9090) and client (app=client) in
 * default; api (app=api) and db (app=db) in prod; tool (app=client) in dev; a hostNetwork pod on worker2.
 * Nodes: worker 172.18.0.3 (web, client), worker2 172.18.0.4 (the rest).
 */
const ns = (name: string, labels: Record<string, string>): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name, ...labels } } });
const node = (name: string, ip: string): KubeObject => ({ apiVersion: 'v1', kind: 'Node', metadata: { name }, status: { addresses: [{ type: 'InternalIP', address: ip }, { type: 'Hostname', address: name }] } });
function pod(name: string, namespace: string, ip: string, labels: Record<string, string>, nodeName: string, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels },
    spec: { nodeName, containers: [{ name: 'c', image: 'nginx', ports: (extra.ports as unknown[]) ?? [] }], ...(extra.hostNetwork ? { hostNetwork: true } : {}) },
    status: { phase: 'Running', podIP: ip },
  };
}
function np(name: string, spec: Record<string, unknown>, namespace = 'default'): KubeObject {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace }, spec };
}

const WEB = pod('web', 'default', '10.244.1.10', { app: 'web' }, 'worker', {
  ports: [
    { name: 'http', containerPort: 8080 },
    { name: 'dns', containerPort: 53, protocol: 'UDP' },
    { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
  ],
});
const CLIENT = pod('client', 'default', '10.244.1.11', { app: 'client' }, 'worker');
const API = pod('api', 'prod', '10.244.2.20', { app: 'api' }, 'worker2');
const DB = pod('db', 'prod', '10.244.2.21', { app: 'db' }, 'worker2');
const TOOL = pod('tool', 'dev', '10.244.2.30', { app: 'client' }, 'worker2');
const HOSTNET = pod('agent', 'kube-system', '172.18.0.4', { app: 'agent' }, 'worker2', { hostNetwork: true });
const BASE = [ns('default', { team: 'a' }), ns('prod', { team: 'b', env: 'prod' }), ns('dev', { team: 'b' }), node('worker', '172.18.0.3'), node('worker2', '172.18.0.4'), WEB, CLIENT, API, DB, TOOL, HOSTNET];

const PODS: Record<string, KubeObject> = { web: WEB, client: CLIENT, api: API, db: DB, tool: TOOL, agent: HOSTNET };

/** `from` / `to`: a pod name from PODS, or a bare IP (a node, or outside the cluster). */
function flow(from: string, to: string, port: number, proto = 'TCP', snatIP?: string): PolicyFlow {
  const src = PODS[from];
  const dst = PODS[to];
  return { srcIP: src ? src.status!.podIP : from, srcPod: src, dstIP: dst ? dst.status!.podIP : to, dstPod: dst, dstPort: port, proto, ...(snatIP ? { snatIP } : {}) };
}

const DENY_INGRESS = np('default-deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] });
const DENY_EGRESS = np('default-deny-egress', { podSelector: {}, policyTypes: ['Egress'] });
const allowFrom = (name: string, podSelector: Record<string, unknown>, peers: unknown[], ports?: unknown[], namespace = 'default') =>
  np(name, { podSelector, policyTypes: ['Ingress'], ingress: [{ from: peers, ...(ports ? { ports } : {}) }] }, namespace);
const allowTo = (name: string, podSelector: Record<string, unknown>, peers: unknown[], ports?: unknown[], namespace = 'default') =>
  np(name, { podSelector, policyTypes: ['Egress'], egress: [{ to: peers, ...(ports ? { ports } : {}) }] }, namespace);

interface Case {
  name: string;
  policies: KubeObject[];
  flow: PolicyFlow;
  allowed: boolean;
  /** For denials: which side and which policies isolated it. */
  denial?: { direction: 'Ingress' | 'Egress'; pod: string; isolatedBy: string[] };
}

const CASES: Case[] = [
  // No policy: everything flows.
  { name: 'no policies', policies: [], flow: flow('client', 'web', 8080), allowed: true },
  // Default deny ingress (podSelector {} + Ingress, no rules).
  { name: 'default-deny ingress blocks a pod in the namespace', policies: [DENY_INGRESS], flow: flow('client', 'web', 8080), allowed: false, denial: { direction: 'Ingress', pod: 'default/web', isolatedBy: ['default/default-deny-ingress'] } },
  { name: 'default-deny ingress does not touch other namespaces', policies: [DENY_INGRESS], flow: flow('client', 'api', 80), allowed: true },
  { name: 'default-deny ingress leaves egress from the namespace alone', policies: [DENY_INGRESS], flow: flow('web', 'api', 80), allowed: true },
  { name: 'a pod can always reach itself', policies: [DENY_INGRESS, DENY_EGRESS], flow: flow('web', 'web', 8080), allowed: true },
  // policyTypes defaulted: no policyTypes and no egress rules = Ingress only.
  { name: 'policyTypes unset, no rules: ingress isolated', policies: [np('p', { podSelector: {} })], flow: flow('client', 'web', 8080), allowed: false, denial: { direction: 'Ingress', pod: 'default/web', isolatedBy: ['default/p'] } },
  { name: 'policyTypes unset with egress rules: egress isolated too', policies: [np('p', { podSelector: { matchLabels: { app: 'client' } }, egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }] }] })], flow: flow('client', 'web', 8080), allowed: false, denial: { direction: 'Egress', pod: 'default/client', isolatedBy: ['default/p'] } },
  // podSelector peers.
  { name: 'podSelector peer admits the matching pod', policies: [allowFrom('a', { matchLabels: { app: 'web' } }, [{ podSelector: { matchLabels: { app: 'client' } } }])], flow: flow('client', 'web', 8080), allowed: true },
  { name: 'podSelector peer is limited to the policy namespace', policies: [allowFrom('a', { matchLabels: { app: 'web' } }, [{ podSelector: { matchLabels: { app: 'client' } } }])], flow: flow('tool', 'web', 8080), allowed: false, denial: { direction: 'Ingress', pod: 'default/web', isolatedBy: ['default/a'] } },
  { name: 'matchExpressions In', policies: [allowFrom('a', {}, [{ podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['client', 'x'] }] } }])], flow: flow('client', 'web', 8080), allowed: true },
  { name: 'matchExpressions NotIn', policies: [allowFrom('a', {}, [{ podSelector: { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['client'] }] } }])], flow: flow('client', 'web', 8080), allowed: false, denial: { direction: 'Ingress', pod: 'default/web', isolatedBy: ['default/a'] } },
  { name: 'matchExpressions DoesNotExist on the selected pod', policies: [np('a', { podSelector: { matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, policyTypes: ['Ingress'] })], flow: flow('client', 'web', 8080), allowed: true },
  // namespaceSelector peers.
  { name: 'namespaceSelector admits every pod of matching namespaces', policies: [allowFrom('a', {}, [{ namespaceSelector: { matchLabels: { team: 'b' } } }])], flow: flow('api', 'web', 8080), allowed: true },
  { name: 'namespaceSelector does not admit the policy namespace unless it matches', policies: [allowFrom('a', {}, [{ namespaceSelector: { matchLabels: { team: 'b' } } }])], flow: flow('client', 'web', 8080), allowed: false, denial: { direction: 'Ingress', pod: 'default/web', isolatedBy: ['default/a'] } },
  { name: 'namespaceSelector on kubernetes.io/metadata.name', policies: [allowFrom('a', {}, [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'dev' } } }])], flow: flow('tool', 'web', 8080), allowed: true },
  // Both selectors in ONE peer: AND. In two peers: OR.
  { name: 'combined peer needs both (namespace matches, pod does not)', policies: [allowFrom('a', {}, [{ namespaceSelector: { matchLabels: { team: 'b' } }, podSelector: { matchLabels: { app: 'client' } } }])], flow: flow('api', 'web', 8080), allowed: false, denial: { direction: 'Ingress', pod: 'default/web', isolatedBy: ['default/a'] } },
  { name: 'combined peer needs both (pod matches, namespace does not)', policies: [allowFrom('a', {}, [{ namespaceSelector: { matchLabels: { team: 'b' } }, podSelector: { matchLabels: { app: 'client' } } }])], flow: flow('client', 'web', 8080), allowed: false, denial: { direction: 'Ingress', pod: 'default/web', isolatedBy: ['default/a'] } },
  { name: 'combined peer admits the pod matching both', policies: [allowFrom('a', {}, [{ namespaceSelector: { matchLabels: { team: 'b' } }, podSelector: { matchLabels: { app: 'client' } } }])], flow: flow('tool', 'web', 8080), allowed: true },
  { name: 'two separate peers are OR-ed', policies: [allowFrom('a', {}, [{ namespaceSelector: { matchLabels: { team: 'b' } } }, { podSelector: { matchLabels: { app: 'client' } } }])], flow: flow('api', 'web', 8080), allowed: true },
  // ipBlock (Calico matches pod IPs too).
  { name: 'ipBlock admits an external address', policies: [allowFrom('a', {}, [{ ipBlock: { cidr: '192.0.2.0/24' } }])], flow: flow('192.0.2.7', 'web', 8080), allowed: true },
  { name: 'ipBlock except carves out a range', policies: [allowFrom('a', {}, [{ ipBlock: { cidr: '192.0.2.0/24', except: ['192.0.2.0/28'] } }])], flow: flow('192.0.2.7', 'web', 8080), allowed: false, denial: { direction: 'Ingress', pod: 'default/web', isolatedBy: ['default/a'] } },
  { name: 'ipBlock matches pod IPs (as Calico does)', policies: [allowFrom('a', {}, [{ ipBlock: { cidr: '10.244.2.0/24' } }])], flow: flow('api', 'web', 8080), allowed: true },
  { name: 'selectors never match a non-pod source', policies: [allowFrom('a', {}, [{ namespaceSelector: {} }])], flow: flow('192.0.2.7', 'web', 8080), allowed: false, denial: { direction: 'Ingress', pod: 'default/web', isolatedBy: ['default/a'] } },
  // Ports: number, named (destination pod's container ports), endPort range, protocol.
  { name: 'port number matches', policies: [allowFrom('a', {}, [], [{ port: 8080 }])], flow: flow('client', 'web', 8080), allowed: true },
  { name: 'other port number denied', policies: [allowFrom('a', {}, [], [{ port: 8080 }])], flow: flow('client', 'web', 9090), allowed: false, denial: { direction: 'Ingress', pod: 'default/web', isolatedBy: ['default/a'] } },
  { name: 'named port resolves against the destination pod', policies: [allowFrom('a', {}, [], [{ port: 'http' }])], flow: flow('client', 'web', 8080), allowed: true },
  { name: 'named port does not match another number', policies: [allowFrom('a', {}, [], [{ port: 'http' }])], flow: flow('client', 'web', 9090), allowed: false, denial: { direction: 'Ingress', pod: 'default/web', isolatedBy: ['default/a'] } },
  { name: 'named port needs the protocol of the container port', policies: [allowFrom('a', {}, [], [{ port: 'dns', protocol: 'UDP' }])], flow: flow('client', 'web', 53, 'UDP'), allowed: true },
  { name: 'named UDP port is not a TCP port', policies: [allowFrom('a', {}, [], [{ port: 'dns' }])], flow: flow('client', 'web', 53, 'TCP'), allowed: false, denial: { direction: 'Ingress', pod: 'default/web', isolatedBy: ['default/a'] } },
  { name: 'endPort range includes its ends', policies: [allowFrom('a', {}, [], [{ port: 8000, endPort: 8080 }])], flow: flow('client', 'web', 8080), allowed: true },
  { name: 'endPort range excludes ports past it', policies: [allowFrom('a', {}, [], [{ port: 8000, endPort: 8079 }])], flow: flow('client', 'web', 8080), allowed: false, denial: { direction: 'Ingress', pod: 'default/web', isolatedBy: ['default/a'] } },
  { name: 'protocol only: every UDP port', policies: [allowFrom('a', {}, [], [{ protocol: 'UDP' }])], flow: flow('client', 'web', 5353, 'UDP'), allowed: true },
  { name: 'protocol only: TCP not allowed by a UDP rule', policies: [allowFrom('a', {}, [], [{ protocol: 'UDP' }])], flow: flow('client', 'web', 8080), allowed: false, denial: { direction: 'Ingress', pod: 'default/web', isolatedBy: ['default/a'] } },
  { name: 'ports AND peers in one rule', policies: [allowFrom('a', {}, [{ podSelector: { matchLabels: { app: 'client' } } }], [{ port: 9090 }])], flow: flow('client', 'web', 8080), allowed: false, denial: { direction: 'Ingress', pod: 'default/web', isolatedBy: ['default/a'] } },
  // Union of policies.
  { name: 'policies add up: a second policy allows what the first does not', policies: [DENY_INGRESS, allowFrom('allow-client', { matchLabels: { app: 'web' } }, [{ podSelector: { matchLabels: { app: 'client' } } }])], flow: flow('client', 'web', 8080), allowed: true },
  { name: 'denial names every isolating policy', policies: [DENY_INGRESS, allowFrom('allow-db', { matchLabels: { app: 'web' } }, [{ podSelector: { matchLabels: { app: 'db' } } }])], flow: flow('client', 'web', 8080), allowed: false, denial: { direction: 'Ingress', pod: 'default/web', isolatedBy: ['default/allow-db', 'default/default-deny-ingress'] } },
  { name: 'pods no policy selects are unaffected', policies: [allowFrom('a', { matchLabels: { app: 'web' } }, [])], flow: flow('web', 'client', 80), allowed: true },
  // Egress.
  { name: 'default-deny egress blocks the sender', policies: [DENY_EGRESS], flow: flow('client', 'api', 80), allowed: false, denial: { direction: 'Egress', pod: 'default/client', isolatedBy: ['default/default-deny-egress'] } },
  { name: 'default-deny egress also blocks DNS to CoreDNS', policies: [DENY_EGRESS], flow: flow('client', 'api', 53, 'UDP'), allowed: false, denial: { direction: 'Egress', pod: 'default/client', isolatedBy: ['default/default-deny-egress'] } },
  { name: 'egress to a namespace and port', policies: [allowTo('e', {}, [{ namespaceSelector: { matchLabels: { env: 'prod' } } }], [{ port: 5432 }])], flow: flow('client', 'db', 5432), allowed: true },
  { name: 'egress named port resolves against the destination pod', policies: [allowTo('e', {}, [], [{ port: 'metrics' }])], flow: flow('client', 'web', 9090), allowed: true },
  { name: 'egress ipBlock to an outside address', policies: [allowTo('e', {}, [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }])], flow: flow('client', '93.184.215.14', 443), allowed: true },
  { name: 'egress ipBlock except blocks cluster addresses', policies: [allowTo('e', {}, [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }])], flow: flow('client', 'api', 80), allowed: false, denial: { direction: 'Egress', pod: 'default/client', isolatedBy: ['default/e'] } },
  { name: 'egress allowed but destination ingress denies', policies: [allowTo('e', {}, []), np('deny', { podSelector: {}, policyTypes: ['Ingress'] }, 'prod')], flow: flow('client', 'api', 80), allowed: false, denial: { direction: 'Ingress', pod: 'prod/api', isolatedBy: ['prod/deny'] } },
  { name: 'both sides allow', policies: [allowTo('e', {}, [{ podSelector: {}, namespaceSelector: { matchLabels: { env: 'prod' } } }]), allowFrom('i', { matchLabels: { app: 'api' } }, [{ namespaceSelector: { matchLabels: { team: 'a' } } }], undefined, 'prod')], flow: flow('client', 'api', 80), allowed: true },
  // Nodes and hostNetwork pods.
  { name: 'the node a pod runs on always reaches it (kubelet probes)', policies: [DENY_INGRESS], flow: flow('172.18.0.3', 'web', 8080), allowed: true },
  { name: 'another node is subject to ingress policy', policies: [DENY_INGRESS], flow: flow('172.18.0.4', 'web', 8080), allowed: false, denial: { direction: 'Ingress', pod: 'default/web', isolatedBy: ['default/default-deny-ingress'] } },
  { name: 'another node can be allowed by ipBlock', policies: [allowFrom('a', {}, [{ ipBlock: { cidr: '172.18.0.0/16' } }])], flow: flow('172.18.0.4', 'web', 8080), allowed: true },
  { name: 'a hostNetwork pod is not isolated by egress policies selecting its labels', policies: [np('e', { podSelector: {}, policyTypes: ['Egress'] }, 'kube-system')], flow: flow('agent', 'api', 80), allowed: true },
  { name: 'a hostNetwork source is its node: local pods admit it', policies: [np('deny', { podSelector: {}, policyTypes: ['Ingress'] }, 'prod')], flow: flow('agent', 'api', 80), allowed: true },
  { name: 'a hostNetwork source is not matched by pod selectors', policies: [allowFrom('a', {}, [{ namespaceSelector: {}, podSelector: {} }])], flow: flow('agent', 'web', 8080), allowed: false, denial: { direction: 'Ingress', pod: 'default/web', isolatedBy: ['default/a'] } },
  { name: 'a hostNetwork destination is never isolated', policies: [np('deny', { podSelector: {}, policyTypes: ['Ingress'] }, 'kube-system')], flow: flow('client', 'agent', 10250), allowed: true },
  // Masqueraded traffic: the destination sees the node address, not the pod.
  { name: 'masqueraded to another node: pod selectors no longer match', policies: [allowFrom('a', {}, [{ podSelector: { matchLabels: { app: 'client' } } }])], flow: flow('client', 'web', 8080, 'TCP', '172.18.0.4'), allowed: false, denial: { direction: 'Ingress', pod: 'default/web', isolatedBy: ['default/a'] } },
  { name: 'masqueraded by the destination node: host traffic, allowed', policies: [DENY_INGRESS], flow: flow('tool', 'web', 8080, 'TCP', '172.18.0.3'), allowed: true },
];

describe('policyVerdict', () => {
  it.each(CASES)('$name', (c) => {
    const v = policyVerdict(snapshotOf([...BASE, ...c.policies]), c.flow);
    expect(v.allowed).toBe(c.allowed);
    if (!c.allowed) expect(v).toEqual({ allowed: false, ...c.denial });
  });

  it('ignores policies being deleted', () => {
    const deleting = { ...DENY_INGRESS, metadata: { ...DENY_INGRESS.metadata, deletionTimestamp: '2025-01-01T00:00:00Z' } };
    expect(policyVerdict(snapshotOf([...BASE, deleting]), flow('client', 'web', 8080)).allowed).toBe(true);
  });
});

describe('policyTypesOf', () => {
  it.each([
    [{ podSelector: {} }, ['Ingress']],
    [{ podSelector: {}, egress: [{}] }, ['Ingress', 'Egress']],
    [{ podSelector: {}, policyTypes: ['Egress'] }, ['Egress']],
  ])('%j → %j', (spec, types) => {
    expect(policyTypesOf(np('p', spec))).toEqual(types);
  });
});

describe('selectorMatches (metav1.LabelSelector, matchLabels + matchExpressions)', () => {
  const labels = { app: 'web', tier: 'front' };
  it.each([
    [{}, true],
    [{ matchLabels: { app: 'web' } }, true],
    [{ matchLabels: { app: 'db' } }, false],
    [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'back'] }] }, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['front'] }] }, false],
    [{ matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] }, true],
    [{ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, true],
    [{ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, false],
    [{ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'zone', operator: 'Exists' }] }, false],
  ] as const)('%j → %s', (sel, expected) => {
    expect(selectorMatches(sel as never, labels)).toBe(expected);
  });
});

describe('dnsReachable (policy-gate): UDP 53 to the kube-dns endpoints, both sides judged', () => {
  const COREDNS = pod('coredns-abc', 'kube-system', '10.244.0.2', { 'k8s-app': 'kube-dns' }, 'worker');
  const KUBE_DNS = service('kube-dns', '10.96.0.10', [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }], { namespace: 'kube-system' });
  const SLICE = slice('kube-dns', [{ ip: '10.244.0.2', node: 'worker' }], [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }], 'kube-system');
  const CONF = 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n';
  const reach = (policies: KubeObject[], profile = 'default') =>
    dnsReachable({ snapshot: snapshotOf([...BASE, ns('kube-system', {}), COREDNS, KUBE_DNS, SLICE, ...policies]), profile: getProfile(profile)!, from: CLIENT, srcIP: CLIENT.status!.podIP }, CONF);
  const dnsTo = (ports: unknown[]) => allowTo('allow-dns', {}, [{ namespaceSelector: {}, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports);

  it.each([
    ['no policy', [], true],
    ['egress default deny', [DENY_EGRESS], false],
    ['egress deny plus UDP 53 to CoreDNS', [DENY_EGRESS, dnsTo([{ port: 53, protocol: 'UDP' }])], true],
    ['egress deny plus only TCP 53 (the resolvers query over UDP)', [DENY_EGRESS, dnsTo([{ port: 53, protocol: 'TCP' }])], false],
    ['CoreDNS isolated for ingress', [np('deny', { podSelector: {}, policyTypes: ['Ingress'] }, 'kube-system')], false],
    ['ingress deny in the client namespace does not matter', [DENY_INGRESS], true],
  ] as const)('%s → %s', (_name, policies, expected) => {
    expect(reach([...policies])).toBe(expected);
  });

  it('a profile whose CNI does not enforce policies always resolves', () => {
    expect(getProfile('docker-desktop')!.enforcesNetworkPolicy).toBe(false);
    expect(reach([DENY_EGRESS], 'docker-desktop')).toBe(true);
  });
});
