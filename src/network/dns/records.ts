import type { KubeObject } from '../../api/types.js';
import type { Snapshot } from '../../api/snapshot.js';

/**
 * The cluster DNS server: CoreDNS with the Corefile kubesim installs (src/cluster/system-objects.ts):
 *
 *     kubernetes cluster.local in-addr.arpa ip6.arpa {
 *        pods insecure
 *        fallthrough in-addr.arpa ip6.arpa
 *        ttl 30
 *     }
 *     forward . /etc/resolv.conf
 *
 * `lookup` answers one question the way the kubernetes plugin does (plugin/kubernetes: parse.go,
 * kubernetes.go findServices/findPods, reverse.go, plugin/backend_lookup.go A/AAAA/SRV/CNAME/PTR):
 *
 * - `<svc>.<ns>.svc.cluster.local` A → the cluster IP(s), whether or not the Service has endpoints;
 *   a headless Service (clusterIP None) → one A per ready endpoint address (none ready → NXDOMAIN);
 * - `<ep>.<svc>.<ns>.svc.cluster.local` → the endpoint whose hostname is `<ep>`, where the hostname is the
 *   endpoint's `hostname` (set for pods with spec.hostname and spec.subdomain = the Service) or else its
 *   IP with dashes (`10-244-2-4`); CoreDNS answers these for every Service kind that has endpoints;
 * - ExternalName → a CNAME to spec.externalName. A target inside cluster.local is chased in the zone;
 *   any other target would go to the upstream resolver. The simulator has no network, so the simulated
 *   upstream answers NXDOMAIN for every name outside the cluster: the CNAME is still returned (NOERROR,
 *   as CoreDNS does when the upstream lookup itself succeeds) but no address follows it;
 * - SRV `_<port>._<proto>.<svc>.<ns>.svc.cluster.local` for named ports (and SRV of the bare service name
 *   for all its ports), target the service name (cluster IP) or the endpoint name (headless), weight
 *   floor(100 / number of records), priority 0;
 * - `a-b-c-d.<ns>.pod.cluster.local` → A a.b.c.d for any valid IPv4 in an existing namespace (`pods insecure`
 *   does not check that such a pod exists);
 * - PTR of a cluster IP → `<svc>.<ns>.svc.cluster.local`; of an address that is a ready endpoint →
 *   `<ep-hostname>.<svc>.<ns>.svc.cluster.local` (one per Service); anything else falls through to the
 *   upstream → NXDOMAIN (not authoritative);
 * - AAAA of an existing name → NOERROR with no answers (IPv4-only cluster);
 * - `cluster.local`, `svc.cluster.local`, `pod.cluster.local` → NOERROR, no answers; `<ns>.svc.cluster.local`
 *   → NOERROR/no answers if the namespace exists, else NXDOMAIN; other shapes inside the zone → NXDOMAIN;
 * - names outside the zone → forwarded upstream → NXDOMAIN (no network), not authoritative;
 * - ANY (and any other type) → no answers, NOERROR or NXDOMAIN as the A lookup would give (CoreDNS's
 *   "fake A lookup").
 *
 * Not simulated: the `loadbalance` plugin's shuffling of A records (answers keep EndpointSlice order),
 * `dns-version.cluster.local` TXT, `ns.dns.cluster.local`, SOA/NS records, the cache plugin.
 */

export const CLUSTER_ZONE = 'cluster.local';

export type QType = 'A' | 'AAAA' | 'SRV' | 'PTR' | 'CNAME' | 'ANY';
export type RCode = 'NOERROR' | 'NXDOMAIN';

/** One resource record. Names are written without the trailing dot, as busybox prints them. */
export interface RR {
  name: string;
  ttl: number;
  type: 'A' | 'AAAA' | 'CNAME' | 'SRV' | 'PTR';
  /** A: the address; CNAME/PTR: the target name; SRV: `priority weight port target`. */
  data: string;
}

export interface DnsReply {
  rcode: RCode;
  answers: RR[];
  /** SRV replies carry the targets' A records here. */
  additional: RR[];
  /** CoreDNS answers for its zones with AA set; forwarded (upstream) answers have it clear. */
  authoritative: boolean;
}

/** CoreDNS's default for the kubernetes plugin when the Corefile has no `ttl` line. */
export const COREDNS_DEFAULT_TTL = 5;
/** What the Corefile kubesim installs configures (`ttl 30`). */
export const CLUSTER_DNS_TTL = 30;

/**
 * The kubernetes plugin's TTL as the coredns ConfigMap configures it: its `ttl N` line, CoreDNS's default
 * of 5 when the block has none, and kubesim's own Corefile value when the ConfigMap is missing.
 */
export function kubernetesTTL(snapshot: Snapshot): number {
  const corefile: unknown = snapshot.get('ConfigMap', 'kube-system', 'coredns')?.data?.Corefile;
  if (typeof corefile !== 'string') return CLUSTER_DNS_TTL;
  const block = /kubernetes\s[^{]*\{([^}]*)\}/.exec(corefile);
  const ttl = block ? /(?:^|\s)ttl\s+(\d+)/.exec(block[1]) : null;
  return ttl ? Number(ttl[1]) : COREDNS_DEFAULT_TTL;
}

/** `name.` or `NAME` → `name`. */
export function normalizeName(name: string): string {
  return name.replace(/\.$/, '').toLowerCase();
}

export function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

/** `10.96.0.1` → `1.0.96.10.in-addr.arpa`. */
export function reverseName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
}

/** `1.0.96.10.in-addr.arpa` → `10.96.0.1`; undefined when the name is not a full IPv4 reverse name. */
export function addressFromReverse(name: string): string | undefined {
  const n = normalizeName(name);
  if (!n.endsWith('.in-addr.arpa')) return undefined;
  const ip = n.slice(0, -'.in-addr.arpa'.length).split('.').reverse().join('.');
  return isIPv4(ip) ? ip : undefined;
}

function inZone(name: string, zone: string): boolean {
  return name === zone || name.endsWith(`.${zone}`);
}

const NXDOMAIN = Symbol('NXDOMAIN');
type NX = typeof NXDOMAIN;

/** What the kubernetes plugin's backend returns for a name (msg.Service): a host plus port and owner key. */
interface Backend {
  host: string;
  port: number;
  /** The record's own name (SRV target), e.g. `whoami.default.svc.cluster.local`. */
  key: string;
}

interface RecordRequest {
  port: string;
  protocol: string;
  endpoint: string;
  service: string;
  namespace: string;
  podOrSvc: string;
}

/** parse.go parseRequest: `[_port._proto.|endpoint.]service.namespace.(svc|pod)`. */
function parseRequest(name: string, zone: string): RecordRequest | NX {
  const r: RecordRequest = { port: '', protocol: '', endpoint: '', service: '', namespace: '', podOrSvc: '' };
  const base = name === zone ? '' : name.slice(0, -(zone.length + 1));
  if (base === '' || base === 'svc' || base === 'pod') return r;
  const segs = base.split('.');
  let last = segs.length - 1;
  r.podOrSvc = segs[last];
  if (r.podOrSvc !== 'pod' && r.podOrSvc !== 'svc') return NXDOMAIN;
  if (--last < 0) return r;
  r.namespace = segs[last];
  if (--last < 0) return r;
  r.service = segs[last];
  if (--last < 0) return r;
  if (last === 0) r.endpoint = segs[0];
  else if (last === 1) {
    r.protocol = segs[1].replace(/^_/, '');
    r.port = segs[0].replace(/^_/, '');
  } else return NXDOMAIN;
  return r;
}

function namespaceExists(snapshot: Snapshot, ns: string): boolean {
  return snapshot.get('Namespace', '', ns) !== undefined;
}

const dashed = (ip: string) => ip.replace(/\./g, '-');

function matchPortAndProtocol(rPort: string, port: string | undefined, rProto: string, proto: string | undefined): boolean {
  return (rPort === '' || rPort.toLowerCase() === (port ?? '').toLowerCase()) && (rProto === '' || rProto.toLowerCase() === (proto ?? 'TCP').toLowerCase());
}

interface ReadyAddress {
  ip: string;
  hostname: string;
  ports: Array<{ name?: string; port: number; protocol?: string }>;
}

/**
 * The ready addresses of a Service's EndpointSlices, as CoreDNS's EndpointSliceToEndpoints sees them:
 * endpoints whose `ready` condition is true or unset; a slice without ports gets the sentinel port -1.
 * The hostname is the endpoint's, or (what the EndpointSlice controller would set) the pod's
 * spec.hostname when its spec.subdomain names this Service.
 */
function readyAddresses(snapshot: Snapshot, svc: KubeObject): ReadyAddress[] {
  const ns = svc.metadata.namespace!;
  const out: ReadyAddress[] = [];
  for (const slice of snapshot.list('EndpointSlice', ns)) {
    if (slice.metadata.labels?.['kubernetes.io/service-name'] !== svc.metadata.name) continue;
    if (slice.addressType !== undefined && slice.addressType !== 'IPv4') continue;
    const ports = (slice.ports ?? []).filter((p: { port?: number }) => p && typeof p.port === 'number');
    const effective = ports.length ? ports : [{ port: -1 }];
    for (const ep of slice.endpoints ?? []) {
      if (ep?.conditions?.ready === false) continue;
      let hostname: string | undefined = ep.hostname;
      if (!hostname && ep.targetRef?.kind === 'Pod') {
        const pod = snapshot.get('Pod', ep.targetRef.namespace ?? ns, ep.targetRef.name);
        if (pod?.spec?.hostname && pod.spec.subdomain === svc.metadata.name) hostname = pod.spec.hostname;
      }
      for (const ip of ep.addresses ?? []) {
        if (typeof ip !== 'string' || !isIPv4(ip)) continue;
        out.push({ ip, hostname: hostname || dashed(ip), ports: effective });
      }
    }
  }
  return out;
}

/** kubernetes.go findServices. */
function findServices(snapshot: Snapshot, r: RecordRequest, zone: string): Backend[] | NX {
  if (!namespaceExists(snapshot, r.namespace)) return NXDOMAIN;
  if (r.service === '') return [];
  const svc = snapshot.get('Service', r.namespace, r.service);
  if (!svc) return NXDOMAIN;
  const fqdn = `${r.service}.${r.namespace}.svc.${zone}`;
  let found = false;
  const out: Backend[] = [];
  if (svc.spec?.type === 'ExternalName') {
    const target = normalizeName(String(svc.spec.externalName ?? ''));
    // Only a name makes a CNAME; an ExternalName holding an IP gives nothing.
    if (r.endpoint === '' && target !== '' && !isIPv4(target)) return [{ host: target, port: 0, key: fqdn }];
    return NXDOMAIN;
  }
  const headless = svc.spec?.clusterIP === 'None';
  if (headless || r.endpoint !== '') {
    for (const addr of readyAddresses(snapshot, svc)) {
      if (r.endpoint !== '' && r.endpoint !== addr.hostname.toLowerCase()) continue;
      for (const p of addr.ports) {
        if (!matchPortAndProtocol(r.port, p.name, r.protocol, p.protocol)) continue;
        found = true;
        out.push({ host: addr.ip, port: p.port, key: `${addr.hostname}.${fqdn}` });
      }
    }
    return found ? out : NXDOMAIN;
  }
  const ips: string[] = svc.spec?.clusterIPs ?? (svc.spec?.clusterIP ? [svc.spec.clusterIP] : []);
  for (const p of svc.spec?.ports ?? []) {
    if (!matchPortAndProtocol(r.port, p.name, r.protocol, p.protocol)) continue;
    found = true;
    for (const ip of ips) out.push({ host: ip, port: p.port, key: fqdn });
  }
  return found ? out : NXDOMAIN;
}

/** kubernetes.go findPods with `pods insecure`. */
function findPods(snapshot: Snapshot, r: RecordRequest, zone: string): Backend[] | NX {
  if (!namespaceExists(snapshot, r.namespace)) return NXDOMAIN;
  if (r.service === '') return [];
  const ip = r.service.replace(/-/g, '.');
  if ((r.service.match(/-/g) ?? []).length !== 3 || !isIPv4(ip)) return NXDOMAIN;
  return [{ host: ip, port: 0, key: `${r.service}.${r.namespace}.pod.${zone}` }];
}

/** kubernetes.go Records: the backend entries for a forward name in the zone. */
function records(snapshot: Snapshot, name: string, zone: string): Backend[] | NX {
  const r = parseRequest(name, zone);
  if (r === NXDOMAIN) return NXDOMAIN;
  if (r.podOrSvc === '') return [];
  return r.podOrSvc === 'pod' ? findPods(snapshot, r, zone) : findServices(snapshot, r, zone);
}

/** reverse.go serviceRecordForIP: a cluster IP's service name, else every endpoint name with that address. */
function reverseRecords(snapshot: Snapshot, ip: string, zone: string): string[] {
  for (const svc of snapshot.list('Service')) {
    const ips: string[] = svc.spec?.clusterIPs ?? (svc.spec?.clusterIP ? [svc.spec.clusterIP] : []);
    if (ips.includes(ip)) return [`${svc.metadata.name}.${svc.metadata.namespace}.svc.${zone}`];
  }
  const out: string[] = [];
  for (const svc of snapshot.list('Service')) {
    if (svc.spec?.type === 'ExternalName') continue;
    for (const addr of readyAddresses(snapshot, svc)) {
      if (addr.ip === ip) out.push(`${addr.hostname}.${svc.metadata.name}.${svc.metadata.namespace}.svc.${zone}`);
    }
  }
  return [...new Set(out)];
}

const reply = (rcode: RCode, answers: RR[] = [], authoritative = true, additional: RR[] = []): DnsReply => ({ rcode, answers, additional, authoritative });

/** plugin.A / plugin.AAAA: address records, chasing CNAMEs inside the zone (at most 8 deep). */
function addressRecords(snapshot: Snapshot, qname: string, family: 'A' | 'AAAA', zone: string, ttl: number, previous: RR[]): RR[] | NX {
  const backends = records(snapshot, normalizeName(qname), zone);
  if (backends === NXDOMAIN) return NXDOMAIN;
  const out: RR[] = [];
  const seen = new Set<string>();
  for (const b of backends) {
    if (isIPv4(b.host)) {
      if (family === 'A' && !seen.has(b.host)) {
        seen.add(b.host);
        out.push({ name: qname, ttl, type: 'A', data: b.host });
      }
      continue;
    }
    // A name: a CNAME (ExternalName).
    if (b.host === normalizeName(qname) || previous.length > 7) continue;
    const cname: RR = { name: qname, ttl, type: 'CNAME', data: b.host };
    if (previous.some((p) => p.type === 'CNAME' && p.data === cname.data && p.name === cname.name)) continue;
    if (inZone(b.host, zone)) {
      const next = addressRecords(snapshot, b.host, family, zone, ttl, [...previous, cname]);
      if (next !== NXDOMAIN && next.length > 0) out.push(cname, ...next);
      continue;
    }
    // Outside the cluster: the upstream lookup of the target finds nothing (no network), yet succeeds
    // as a lookup, so the CNAME alone is answered.
    out.push(cname);
  }
  return out;
}

function srvRecords(snapshot: Snapshot, qname: string, zone: string, ttl: number): { answers: RR[]; additional: RR[] } | NX {
  const backends = records(snapshot, normalizeName(qname), zone);
  if (backends === NXDOMAIN) return NXDOMAIN;
  // SRV for ExternalName services is not implemented in CoreDNS: those entries are dropped.
  const internal = backends.filter((b) => isIPv4(b.host));
  const total = internal.length * 100;
  const answers: RR[] = [];
  const additional: RR[] = [];
  const seenSrv = new Set<string>();
  const seenAddr = new Set<string>();
  for (const b of internal) {
    if (b.port === -1) continue;
    const weight = Math.max(1, Math.floor((100 / total) * 100));
    const srvKey = `${b.key}|${b.port}`;
    if (!seenSrv.has(srvKey)) {
      seenSrv.add(srvKey);
      answers.push({ name: qname, ttl, type: 'SRV', data: `0 ${weight} ${b.port} ${b.key}` });
    }
    const addrKey = `${b.key}|${b.host}`;
    if (!seenAddr.has(addrKey)) {
      seenAddr.add(addrKey);
      additional.push({ name: b.key, ttl, type: 'A', data: b.host });
    }
  }
  return { answers, additional };
}

/** Answer one DNS question as the cluster's CoreDNS would. */
export function lookup(snapshot: Snapshot, qname: string, qtype: QType): DnsReply {
  const zone = CLUSTER_ZONE;
  const owner = qname.replace(/\.$/, '');
  const name = normalizeName(qname);
  const ttl = kubernetesTTL(snapshot);

  if (name.endsWith('.in-addr.arpa') || name === 'in-addr.arpa' || name.endsWith('.ip6.arpa') || name === 'ip6.arpa') {
    if (qtype !== 'PTR') return reply('NXDOMAIN', [], false);
    const ip = addressFromReverse(name);
    const targets = ip ? reverseRecords(snapshot, ip, zone) : [];
    // No match: `fallthrough in-addr.arpa` hands the question to the upstream, which finds nothing.
    if (targets.length === 0) return reply('NXDOMAIN', [], false);
    return reply('NOERROR', targets.map((t) => ({ name: owner, ttl, type: 'PTR', data: t })));
  }

  // Outside the zone: `forward . /etc/resolv.conf`, and the simulated upstream has no names at all.
  if (!inZone(name, zone)) return reply('NXDOMAIN', [], false);

  switch (qtype) {
    case 'A':
    case 'AAAA': {
      const rrs = addressRecords(snapshot, owner, qtype, zone, ttl, []);
      return rrs === NXDOMAIN ? reply('NXDOMAIN') : reply('NOERROR', rrs);
    }
    case 'SRV': {
      const r = srvRecords(snapshot, owner, zone, ttl);
      return r === NXDOMAIN ? reply('NXDOMAIN') : reply('NOERROR', r.answers, true, r.additional);
    }
    case 'CNAME': {
      const backends = records(snapshot, name, zone);
      if (backends === NXDOMAIN) return reply('NXDOMAIN');
      const first = backends[0];
      return reply('NOERROR', first && !isIPv4(first.host) ? [{ name: owner, ttl, type: 'CNAME', data: first.host }] : []);
    }
    case 'PTR':
    case 'ANY':
    default: {
      // PTR of a forward name, and types the plugin does not serve: NODATA or NXDOMAIN as for A.
      const backends = records(snapshot, name, zone);
      return backends === NXDOMAIN ? reply('NXDOMAIN') : reply('NOERROR');
    }
  }
}

/** The first PTR name of an address, or undefined (what getnameinfo(NI_NAMEREQD) finds). */
export function reverseLookup(snapshot: Snapshot, ip: string): string | undefined {
  const r = lookup(snapshot, reverseName(ip), 'PTR');
  return r.rcode === 'NOERROR' ? r.answers.find((a) => a.type === 'PTR')?.data : undefined;
}
