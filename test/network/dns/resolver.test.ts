import { describe, expect, it } from 'vitest';
import { resolveA, searchCandidates, type ResolverStyle } from '../../../src/network/dns/resolver.js';
import { cluster, defaultConf } from './fixtures.js';

const S = ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'];
const expand = (n: string) => S.map((d) => `${n}.${d}`);

/** name, style → the names queried in order. */
const SEARCH: Array<[string, ResolverStyle, string[]]> = [
  ['whoami', 'musl', [...expand('whoami'), 'whoami']],
  ['whoami', 'glibc', [...expand('whoami'), 'whoami']],
  ['whoami', 'busybox-new', expand('whoami')],
  ['whoami.default', 'musl', [...expand('whoami.default'), 'whoami.default']],
  ['whoami.default', 'glibc', [...expand('whoami.default'), 'whoami.default']],
  ['whoami.default', 'busybox-new', ['whoami.default']],
  ['kubernetes.default.svc', 'busybox-new', ['kubernetes.default.svc']],
  ['whoami.default.svc.cluster.local', 'musl', [...expand('whoami.default.svc.cluster.local'), 'whoami.default.svc.cluster.local']],
  ['a.b.c.d.e.f', 'musl', ['a.b.c.d.e.f']],
  ['a.b.c.d.e.f', 'glibc', ['a.b.c.d.e.f', ...expand('a.b.c.d.e.f')]],
  ['whoami.default.svc.cluster.local.', 'musl', ['whoami.default.svc.cluster.local']],
  ['whoami.default.svc.cluster.local.', 'glibc', ['whoami.default.svc.cluster.local']],
  ['whoami.', 'busybox-new', ['whoami']],
];

describe('search list walk', () => {
  for (const [name, style, expected] of SEARCH) {
    it(`${style}: ${name}`, () => expect(searchCandidates(name, defaultConf, style)).toEqual(expected));
  }

  it('host search domains are walked after the cluster ones', () => {
    const conf = { search: [...S, 'us-west-2.compute.internal'], ndots: 5 };
    expect(searchCandidates('x', conf, 'musl')).toEqual([...expand('x'), 'x.us-west-2.compute.internal', 'x']);
  });
});

describe('resolveA', () => {
  const snap = cluster();

  it('finds a service through the first search domain', () => {
    const r = resolveA(snap, 'whoami', defaultConf, 'musl');
    expect(r).toMatchObject({ rcode: 'NOERROR', name: 'whoami.default.svc.cluster.local', addresses: ['10.105.50.109'], tried: ['whoami.default.svc.cluster.local'] });
  });

  it('finds a service in another namespace through the second search domain', () => {
    const r = resolveA(snap, 'web.shop', defaultConf, 'musl');
    expect(r).toMatchObject({ rcode: 'NOERROR', name: 'web.shop.svc.cluster.local', addresses: ['10.96.24.101'] });
    expect(r.tried).toEqual(['web.shop.default.svc.cluster.local', 'web.shop.svc.cluster.local']);
  });

  it('fails after the whole list for an unknown name', () => {
    const r = resolveA(snap, 'nothere', defaultConf, 'glibc');
    expect(r.rcode).toBe('NXDOMAIN');
    expect(r.tried).toEqual([...expand('nothere'), 'nothere']);
  });

  it('headless names give every ready pod', () => {
    expect(resolveA(snap, 'db', defaultConf, 'musl').addresses).toEqual(['10.244.1.7', '10.244.2.8']);
  });

  it('follows an ExternalName CNAME inside the cluster', () => {
    const r = resolveA(snap, 'alias', defaultConf, 'musl');
    expect(r.addresses).toEqual(['10.105.50.109']);
    expect(r.answers[0]).toMatchObject({ type: 'CNAME', data: 'whoami.default.svc.cluster.local' });
  });

  it('an ExternalName pointing outside resolves to nothing (no network)', () => {
    expect(resolveA(snap, 'ext', defaultConf, 'glibc').rcode).toBe('NXDOMAIN');
  });

  it('musl stops at an empty NOERROR reply, glibc walks on', () => {
    // `default.svc.cluster.local` exists (the namespace) but has no address.
    const conf = { search: ['svc.cluster.local', 'default.svc.cluster.local'], ndots: 5 };
    expect(resolveA(snap, 'default', conf, 'musl')).toMatchObject({ rcode: 'NXDOMAIN', tried: ['default.svc.cluster.local'] });
    expect(resolveA(snap, 'kubernetes', { search: ['default.svc', ...conf.search], ndots: 5 }, 'glibc').addresses).toEqual(['10.96.0.1']);
  });

  it('IP literals need no DNS', () => {
    expect(resolveA(snap, '10.244.1.3', defaultConf, 'musl')).toMatchObject({ rcode: 'NOERROR', addresses: ['10.244.1.3'], tried: [] });
  });
});
