import { describe, expect, it } from 'vitest';
import { lookup, kubernetesTTL, type QType } from '../../../src/network/dns/records.js';
import { cluster, snapshotOf, ns } from './fixtures.js';

const snap = cluster();

/** `qname qtype → rcode [answers…]`, answers as `TYPE data` (every answer's owner is the qname). */
const ZONE: Array<[string, QType, string, string[]]> = [
  ['whoami.default.svc.cluster.local', 'A', 'NOERROR', ['A 10.105.50.109']],
  ['WHOAMI.default.svc.cluster.local.', 'A', 'NOERROR', ['A 10.105.50.109']],
  ['whoami.default.svc.cluster.local', 'AAAA', 'NOERROR', []],
  ['empty.default.svc.cluster.local', 'A', 'NOERROR', ['A 10.96.33.7']],
  ['kubernetes.default.svc.cluster.local', 'A', 'NOERROR', ['A 10.96.0.1']],
  ['kube-dns.kube-system.svc.cluster.local', 'A', 'NOERROR', ['A 10.96.0.10']],
  ['nothere.default.svc.cluster.local', 'A', 'NXDOMAIN', []],
  ['nothere.default.svc.cluster.local', 'AAAA', 'NXDOMAIN', []],
  ['whoami.nons.svc.cluster.local', 'A', 'NXDOMAIN', []],
  // headless: ready endpoints only; none ready → NXDOMAIN
  ['db.default.svc.cluster.local', 'A', 'NOERROR', ['A 10.244.1.7', 'A 10.244.2.8']],
  ['nodb.default.svc.cluster.local', 'A', 'NXDOMAIN', []],
  ['db-0.db.default.svc.cluster.local', 'A', 'NOERROR', ['A 10.244.1.7']],
  ['db-1.db.default.svc.cluster.local', 'A', 'NOERROR', ['A 10.244.2.8']],
  ['10-244-2-8.db.default.svc.cluster.local', 'A', 'NXDOMAIN', []],
  ['10-244-2-10.db.default.svc.cluster.local', 'A', 'NXDOMAIN', []],
  // endpoint names exist for ClusterIP services too
  ['10-244-1-3.whoami.default.svc.cluster.local', 'A', 'NOERROR', ['A 10.244.1.3']],
  ['10-244-2-9.whoami.default.svc.cluster.local', 'A', 'NXDOMAIN', []],
  // ExternalName
  ['ext.default.svc.cluster.local', 'A', 'NOERROR', ['CNAME example.com']],
  ['ext.default.svc.cluster.local', 'CNAME', 'NOERROR', ['CNAME example.com']],
  ['ext.default.svc.cluster.local', 'SRV', 'NOERROR', []],
  ['alias.default.svc.cluster.local', 'A', 'NOERROR', ['CNAME whoami.default.svc.cluster.local', 'A 10.105.50.109']],
  ['whoami.default.svc.cluster.local', 'CNAME', 'NOERROR', []],
  // SRV
  ['_http._tcp.whoami.default.svc.cluster.local', 'SRV', 'NOERROR', ['SRV 0 100 80 whoami.default.svc.cluster.local']],
  ['_http._udp.whoami.default.svc.cluster.local', 'SRV', 'NXDOMAIN', []],
  ['_dns._udp.kube-dns.kube-system.svc.cluster.local', 'SRV', 'NOERROR', ['SRV 0 100 53 kube-dns.kube-system.svc.cluster.local']],
  ['web.shop.svc.cluster.local', 'SRV', 'NOERROR', ['SRV 0 50 80 web.shop.svc.cluster.local', 'SRV 0 50 9090 web.shop.svc.cluster.local']],
  ['_pg._tcp.db.default.svc.cluster.local', 'SRV', 'NOERROR', ['SRV 0 50 5432 db-0.db.default.svc.cluster.local', 'SRV 0 50 5432 db-1.db.default.svc.cluster.local']],
  // pods insecure
  ['10-244-1-3.default.pod.cluster.local', 'A', 'NOERROR', ['A 10.244.1.3']],
  ['10-1-2-3.default.pod.cluster.local', 'A', 'NOERROR', ['A 10.1.2.3']],
  ['10-244-1-3.nons.pod.cluster.local', 'A', 'NXDOMAIN', []],
  ['10-244-1.default.pod.cluster.local', 'A', 'NXDOMAIN', []],
  ['10-244-1-300.default.pod.cluster.local', 'A', 'NXDOMAIN', []],
  // apexes and partial names
  ['cluster.local', 'A', 'NOERROR', []],
  ['svc.cluster.local', 'A', 'NOERROR', []],
  ['pod.cluster.local', 'A', 'NOERROR', []],
  ['default.svc.cluster.local', 'A', 'NOERROR', []],
  ['nons.svc.cluster.local', 'A', 'NXDOMAIN', []],
  ['whoami.svc.cluster.local', 'A', 'NXDOMAIN', []],
  ['whoami.cluster.local', 'A', 'NXDOMAIN', []],
  ['a.b._c._d.whoami.default.svc.cluster.local', 'A', 'NXDOMAIN', []],
  ['whoami.default.svc.cluster.local', 'ANY', 'NOERROR', []],
  ['nothere.default.svc.cluster.local', 'ANY', 'NXDOMAIN', []],
  // PTR
  ['1.0.96.10.in-addr.arpa', 'PTR', 'NOERROR', ['PTR kubernetes.default.svc.cluster.local']],
  ['10.0.96.10.in-addr.arpa.', 'PTR', 'NOERROR', ['PTR kube-dns.kube-system.svc.cluster.local']],
  ['109.50.105.10.in-addr.arpa', 'PTR', 'NOERROR', ['PTR whoami.default.svc.cluster.local']],
  ['3.1.244.10.in-addr.arpa', 'PTR', 'NOERROR', ['PTR 10-244-1-3.whoami.default.svc.cluster.local']],
  ['7.1.244.10.in-addr.arpa', 'PTR', 'NOERROR', ['PTR db-0.db.default.svc.cluster.local']],
  ['9.2.244.10.in-addr.arpa', 'PTR', 'NXDOMAIN', []],
  ['99.99.244.10.in-addr.arpa', 'PTR', 'NXDOMAIN', []],
  // outside the zone: no upstream
  ['kubernetes.default', 'A', 'NXDOMAIN', []],
  ['example.com', 'A', 'NXDOMAIN', []],
];

describe('cluster DNS records (CoreDNS kubernetes plugin)', () => {
  for (const [qname, qtype, rcode, answers] of ZONE) {
    it(`${qname} ${qtype} → ${rcode} ${answers.join(', ')}`, () => {
      const r = lookup(snap, qname, qtype);
      expect(r.rcode).toBe(rcode);
      expect(r.answers.map((a) => `${a.type} ${a.data}`)).toEqual(answers);
      for (const a of r.answers) expect(a.ttl).toBe(30);
    });
  }

  it('owner names are the question as asked, without the trailing dot', () => {
    expect(lookup(snap, 'alias.default.svc.cluster.local.', 'A').answers.map((a) => a.name)).toEqual(['alias.default.svc.cluster.local', 'whoami.default.svc.cluster.local']);
  });

  it('SRV replies carry the targets as additional A records', () => {
    const r = lookup(snap, '_pg._tcp.db.default.svc.cluster.local', 'SRV');
    expect(r.additional.map((a) => `${a.name} ${a.data}`)).toEqual(['db-0.db.default.svc.cluster.local 10.244.1.7', 'db-1.db.default.svc.cluster.local 10.244.2.8']);
  });

  it('answers for the zone are authoritative, forwarded ones are not', () => {
    expect(lookup(snap, 'whoami.default.svc.cluster.local', 'A').authoritative).toBe(true);
    expect(lookup(snap, 'nothere.default.svc.cluster.local', 'A').authoritative).toBe(true);
    expect(lookup(snap, 'example.com', 'A').authoritative).toBe(false);
    expect(lookup(snap, '9.9.9.9.in-addr.arpa', 'PTR').authoritative).toBe(false);
  });

  it('takes the TTL from the coredns ConfigMap', () => {
    const cm = (corefile: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'coredns', namespace: 'kube-system' }, data: { Corefile: corefile } });
    expect(kubernetesTTL(snapshotOf([ns('default')]))).toBe(30);
    expect(kubernetesTTL(snapshotOf([cm('.:53 {\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\n       pods insecure\n       ttl 30\n    }\n    cache 30\n}\n')]))).toBe(30);
    expect(kubernetesTTL(snapshotOf([cm('.:53 {\n    kubernetes cluster.local {\n       pods insecure\n    }\n    cache 30\n}\n')]))).toBe(5);
  });
});
