import { describe, expect, it } from 'vitest';
import { base32, extChain, fwChain, sepChain, servicePortName, svcChain, svlChain } from '../../src/network/chain-names.js';

describe('kube-proxy chain names', () => {
  it('base32 follows RFC 4648', () => {
    const enc = (s: string) => base32(new TextEncoder().encode(s));
    expect(enc('')).toBe('');
    expect(enc('f')).toBe('MY======');
    expect(enc('fo')).toBe('MZXQ====');
    expect(enc('foobar')).toBe('MZXW6YTBOI======');
  });

  it('servicePortName appends the port name only when named', () => {
    expect(servicePortName('default', 'kubernetes', 'https')).toBe('default/kubernetes:https');
    expect(servicePortName('default', 'my-nginx')).toBe('default/my-nginx');
    expect(servicePortName('default', 'my-nginx', '')).toBe('default/my-nginx');
  });

  const svc: Array<[string, string, string]> = [
    ['default/kubernetes:https', 'tcp', 'KUBE-SVC-NPX46M4PTMTKRN6Y'],
    ['kube-system/kube-dns:dns', 'udp', 'KUBE-SVC-TCOU7JCQXEZGVUNU'],
    ['kube-system/kube-dns:dns-tcp', 'tcp', 'KUBE-SVC-ERIFXISQEP7F7OF4'],
    ['kube-system/kube-dns:metrics', 'tcp', 'KUBE-SVC-JD5MR3NA4I4DYORP'],
    ['default/my-nginx', 'tcp', 'KUBE-SVC-L65ENXXZWWSAPRCR'],
    ['default/my-nginx', 'TCP', 'KUBE-SVC-L65ENXXZWWSAPRCR'],
    ['default/kuard:', 'tcp', 'KUBE-SVC-CUXC5A3HHHVSSN62'],
    ['default/whoami:http', 'tcp', 'KUBE-SVC-3APYFST4CD3KHPFI'],
    ['default/whoami-np:http', 'tcp', 'KUBE-SVC-SESMRLQBI753ANWV'],
    ['default/whoami-lb:http', 'tcp', 'KUBE-SVC-FACJDIOGNUR7CBOY'],
  ];
  it.each(svc)('%s/%s → %s', (spn, proto, want) => {
    expect(svcChain(spn, proto)).toBe(want);
    const h = want.slice('KUBE-SVC-'.length);
    expect(extChain(spn, proto)).toBe(`KUBE-EXT-${h}`);
    expect(svlChain(spn, proto)).toBe(`KUBE-SVL-${h}`);
    expect(fwChain(spn, proto)).toBe(`KUBE-FW-${h}`);
  });

  const sep: Array<[string, string, string, string]> = [
    ['default/my-nginx', 'tcp', '10.244.3.3:80', 'KUBE-SEP-MEZP33SDGZXSPSO5'],
    ['default/kuard:', 'tcp', '192.168.236.133:8080', 'KUBE-SEP-AOUKRORADL3ZFT3D'],
    ['default/my-nginx', 'tcp', '10.244.1.3:80', 'KUBE-SEP-BDY4WKPM7CKEJD2W'],
    ['default/my-nginx', 'tcp', '10.244.2.4:80', 'KUBE-SEP-GHWL6XMCLOXQK3FX'],
    ['default/whoami:http', 'tcp', '10.1.0.13:80', 'KUBE-SEP-E43AU54G3GWWBGMQ'],
    ['default/whoami:http', 'tcp', '10.1.0.14:80', 'KUBE-SEP-EEKM4Z6IGZKGIAWP'],
  ];
  it.each(sep)('%s/%s %s → %s', (spn, proto, ep, want) => {
    expect(sepChain(spn, proto, ep)).toBe(want);
  });
});
