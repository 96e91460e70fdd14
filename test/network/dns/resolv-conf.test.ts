import { describe, expect, it } from 'vitest';
import { parseResolvConf, resolvConf } from '../../../src/network/dns/resolv-conf.js';
import { getProfile } from '../../../src/api/profiles.js';
import { pod } from './fixtures.js';

const profile = (name: string) => {
  const p = getProfile(name);
  if (!p) throw new Error(`no profile ${name}`);
  return p;
};

describe('pod /etc/resolv.conf', () => {
  it('ClusterFirst on containerd: search, nameserver, options', () => {
    expect(resolvConf(pod('default', 'sleep', '10.244.1.5'), profile('kind'), '10.96.0.10')).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
  });

  it('the first search domain is the pod namespace; host domains are appended (EKS)', () => {
    expect(resolvConf(pod('my-nginx', 'curl', '192.168.45.17'), profile('eks'), '10.100.0.10')).toBe(
      'search my-nginx.svc.cluster.local svc.cluster.local cluster.local us-west-2.compute.internal\nnameserver 10.100.0.10\noptions ndots:5\n',
    );
  });

  it('a docker runtime (cri-dockerd) writes the nameserver first', () => {
    expect(resolvConf(pod('default', 'sleep', '10.1.0.12'), profile('docker-desktop'), '10.96.0.10')).toBe(
      'nameserver 10.96.0.10\nsearch default.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5\n',
    );
  });

  it('Default: the node network gateway, no cluster domains', () => {
    const p = profile('kind');
    const node = p.nodes[1];
    expect(resolvConf(pod('default', 'x', '10.244.1.5', { nodeName: node.name, dnsPolicy: 'Default' }), p, '10.96.0.10')).toBe(
      `nameserver ${node.internalIP.replace(/\.\d+$/, '.1')}\n`,
    );
  });

  it('hostNetwork with ClusterFirst falls back to Default; ClusterFirstWithHostNet keeps the cluster DNS', () => {
    const p = profile('kind');
    expect(resolvConf(pod('default', 'x', '172.18.0.3', { hostNetwork: true }), p, '10.96.0.10')).not.toContain('10.96.0.10');
    expect(resolvConf(pod('default', 'x', '172.18.0.3', { hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' }), p, '10.96.0.10')).toContain(
      'nameserver 10.96.0.10\n',
    );
  });

  it('None takes only dnsConfig; dnsConfig is merged into ClusterFirst', () => {
    const dnsConfig = { nameservers: ['1.2.3.4'], searches: ['ns1.svc.cluster-domain.example', 'my.dns.search.suffix'], options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] };
    expect(resolvConf(pod('default', 'x', '10.244.1.5', { dnsPolicy: 'None', dnsConfig }), profile('kind'), '10.96.0.10')).toBe(
      'search ns1.svc.cluster-domain.example my.dns.search.suffix\nnameserver 1.2.3.4\noptions ndots:2 edns0\n',
    );
    expect(resolvConf(pod('default', 'x', '10.244.1.5', { dnsConfig }), profile('kind'), '10.96.0.10')).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local ns1.svc.cluster-domain.example my.dns.search.suffix\n' +
        'nameserver 10.96.0.10\nnameserver 1.2.3.4\noptions ndots:2 edns0\n',
    );
  });

  it('parseResolvConf reads what resolvConf writes (and comments, domain, defaults)', () => {
    expect(parseResolvConf('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n')).toEqual({
      nameservers: ['10.96.0.10'],
      search: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'],
      options: ['ndots:5'],
      ndots: 5,
    });
    expect(parseResolvConf('# generated\ndomain example.org\nnameserver 8.8.8.8 ; google\nnameserver 1.1.1.1\n')).toEqual({
      nameservers: ['8.8.8.8', '1.1.1.1'],
      search: ['example.org'],
      options: [],
      ndots: 1,
    });
    expect(parseResolvConf('options ndots:99').ndots).toBe(15);
  });
});
