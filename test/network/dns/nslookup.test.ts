import { describe, expect, it } from 'vitest';
import { exitsOnErrorReply, nslookupNew, nslookupOld } from '../../../src/network/dns/nslookup.js';
import { cluster, defaultConf, ns, slice, snapshotOf, svc } from './fixtures.js';

const HEADER = 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n';
const withoutWhoami = () => snapshotOf([ns('default'), ns('kube-system'), svc('default', 'kubernetes', { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443 }] }), svc('kube-system', 'kube-dns', { clusterIP: '10.96.0.10', ports: [{ name: 'dns', port: 53, protocol: 'UDP' }] })]);

describe('busybox ≥ 1.29 nslookup', () => {
  it('Appendix A.1: nslookup whoami after the Service exists (busybox 1.31)', () => {
    const r = nslookupNew(cluster(), 'whoami', defaultConf, { version: '1.31.1' });
    expect(r.stdout).toBe(
      [
        'Server:\t\t10.96.0.10',
        'Address:\t10.96.0.10:53',
        '',
        'Name:\twhoami.default.svc.cluster.local',
        'Address: 10.105.50.109',
        '',
        "** server can't find whoami.svc.cluster.local: NXDOMAIN",
        '',
        "** server can't find whoami.cluster.local: NXDOMAIN",
        '',
        '',
        "** server can't find whoami.svc.cluster.local: NXDOMAIN",
        '',
        "** server can't find whoami.cluster.local: NXDOMAIN",
        '',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
  });

  it('before the Service exists: six NXDOMAIN blocks, exit 0 on 1.31 and 1 on ≥ 1.33', () => {
    const expected =
      HEADER +
      "** server can't find whoami.default.svc.cluster.local: NXDOMAIN\n\n" +
      "** server can't find whoami.svc.cluster.local: NXDOMAIN\n\n" +
      "** server can't find whoami.cluster.local: NXDOMAIN\n\n" +
      "** server can't find whoami.default.svc.cluster.local: NXDOMAIN\n\n" +
      "** server can't find whoami.svc.cluster.local: NXDOMAIN\n\n" +
      "** server can't find whoami.cluster.local: NXDOMAIN\n\n";
    expect(nslookupNew(withoutWhoami(), 'whoami', defaultConf, { version: '1.31.1' })).toEqual({ stdout: expected, stderr: '', exitCode: 0 });
    expect(nslookupNew(withoutWhoami(), 'whoami', defaultConf, { version: '1.36.1' })).toEqual({ stdout: expected, stderr: '', exitCode: 1 });
  });

  it('§8.2: nslookup kubernetes.default is queried literally (no search list) → NXDOMAIN twice', () => {
    const expected = HEADER + "** server can't find kubernetes.default: NXDOMAIN\n\n** server can't find kubernetes.default: NXDOMAIN\n\n";
    expect(nslookupNew(cluster(), 'kubernetes.default', defaultConf, { version: '1.36.1' })).toEqual({ stdout: expected, stderr: '', exitCode: 1 });
    expect(nslookupNew(cluster(), 'kubernetes.default', defaultConf, { version: '1.31.1' }).exitCode).toBe(0);
  });

  it('§8.2: nslookup kubernetes.default.svc.cluster.local', () => {
    expect(nslookupNew(cluster(), 'kubernetes.default.svc.cluster.local', defaultConf, { version: '1.36.1' })).toEqual({
      stdout: HEADER + 'Name:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('per-name order: A then AAAA for each search domain', () => {
    const r = nslookupNew(cluster(), 'whoami', defaultConf, { order: 'per-name' });
    expect(r.stdout).toBe(
      HEADER +
        'Name:\twhoami.default.svc.cluster.local\nAddress: 10.105.50.109\n\n\n' +
        "** server can't find whoami.svc.cluster.local: NXDOMAIN\n\n** server can't find whoami.svc.cluster.local: NXDOMAIN\n\n" +
        "** server can't find whoami.cluster.local: NXDOMAIN\n\n** server can't find whoami.cluster.local: NXDOMAIN\n\n",
    );
  });

  it('headless: one Name/Address pair per ready pod', () => {
    const r = nslookupNew(cluster(), 'db.default.svc.cluster.local', defaultConf);
    expect(r.stdout).toBe(HEADER + 'Name:\tdb.default.svc.cluster.local\nAddress: 10.244.1.7\nName:\tdb.default.svc.cluster.local\nAddress: 10.244.2.8\n\n\n');
  });

  it('ExternalName: the canonical name line, nothing behind it (no network)', () => {
    const r = nslookupNew(cluster(), 'ext.default.svc.cluster.local', defaultConf);
    expect(r.stdout).toBe(HEADER + 'ext.default.svc.cluster.local\tcanonical name = example.com\n\n'.repeat(2));
  });

  it('an address is looked up as a PTR', () => {
    expect(nslookupNew(cluster(), '10.96.0.1', defaultConf).stdout).toBe(HEADER + '1.0.96.10.in-addr.arpa\tname = kubernetes.default.svc.cluster.local\n\n');
    expect(nslookupNew(cluster(), '10.1.2.3', defaultConf, { version: '1.36.1' })).toEqual({
      stdout: HEADER + "** server can't find 3.2.1.10.in-addr.arpa: NXDOMAIN\n\n",
      stderr: '',
      exitCode: 1,
    });
  });

  it('exit codes by version', () => {
    expect(['1.29.3', '1.30.1', '1.31.1', '1.32.1', '1.33.0', '1.36.1', '1.37.0'].map(exitsOnErrorReply)).toEqual([false, false, false, false, true, true, true]);
  });
});

describe('busybox ≤ 1.28 nslookup', () => {
  it('§8.2: nslookup kubernetes.default (search list applies)', () => {
    expect(nslookupOld(cluster(), 'kubernetes.default', defaultConf)).toEqual({
      stdout:
        'Server:    10.96.0.10\n' +
        'Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n' +
        '\n' +
        'Name:      kubernetes.default\n' +
        'Address 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('k8s docs (EKS run): nslookup my-nginx with PTR names', () => {
    const snap = snapshotOf([
      ns('default'),
      ns('kube-system'),
      ns('my-nginx'),
      svc('kube-system', 'kube-dns', { clusterIP: '10.100.0.10', ports: [{ name: 'dns', port: 53, protocol: 'UDP' }] }),
      svc('my-nginx', 'my-nginx', { clusterIP: '10.100.225.196', ports: [{ port: 80, protocol: 'TCP' }] }),
      slice('my-nginx', 'my-nginx', [{ ip: '192.168.45.17' }, { ip: '192.168.78.9' }], [{ port: 80, protocol: 'TCP' }]),
    ]);
    const conf = { nameservers: ['10.100.0.10'], search: ['my-nginx.svc.cluster.local', 'svc.cluster.local', 'cluster.local', 'us-west-2.compute.internal'], options: ['ndots:5'], ndots: 5 };
    expect(nslookupOld(snap, 'my-nginx', conf)).toEqual({
      stdout:
        'Server:    10.100.0.10\n' +
        'Address 1: 10.100.0.10 kube-dns.kube-system.svc.cluster.local\n' +
        '\n' +
        'Name:      my-nginx\n' +
        'Address 1: 10.100.225.196 my-nginx.my-nginx.svc.cluster.local\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('headless: one numbered line per pod with its endpoint name', () => {
    expect(nslookupOld(cluster(), 'db', defaultConf).stdout).toContain(
      'Name:      db\nAddress 1: 10.244.1.7 db-0.db.default.svc.cluster.local\nAddress 2: 10.244.2.8 db-1.db.default.svc.cluster.local\n',
    );
  });

  it('an address without a PTR record has no name', () => {
    expect(nslookupOld(cluster(), '10.1.2.3', defaultConf).stdout).toContain('Name:      10.1.2.3\nAddress 1: 10.1.2.3\n');
  });

  it('unknown name: the Server block, then can\'t resolve on stderr, exit 1', () => {
    expect(nslookupOld(withoutWhoami(), 'whoami', defaultConf)).toEqual({
      stdout: 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n',
      stderr: "nslookup: can't resolve 'whoami'\n",
      exitCode: 1,
    });
  });
});
