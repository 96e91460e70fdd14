import { describe, expect, it } from 'vitest';
import { allocateNodePort, allocateServiceIP, cidrContains, nextPodIP, nthAddress } from '../../src/controllers/ipam.js';
import { podTemplateHash } from '../../src/controllers/hash.js';

describe('IPAM', () => {
  it('hands out pod IPs from .2 upwards, continuing after the last one reserved (host-local)', () => {
    expect(nextPodIP('10.244.1.0/24', new Set())).toBe('10.244.1.2');
    expect(nextPodIP('10.244.1.0/24', new Set(['10.244.1.2']))).toBe('10.244.1.3');
    // 10.244.1.2 was released, but the allocator moves on: a recreated pod gets a new IP.
    expect(nextPodIP('10.244.1.0/24', new Set(), '10.244.1.2')).toBe('10.244.1.3');
    expect(nextPodIP('10.244.1.0/24', new Set(), '10.244.1.254')).toBe('10.244.1.2');
  });

  it('knows the well-known service addresses', () => {
    expect(nthAddress('10.96.0.0/12', 1)).toBe('10.96.0.1');
    expect(nthAddress('10.96.0.0/12', 10)).toBe('10.96.0.10');
    expect(nthAddress('10.100.0.0/16', 10)).toBe('10.100.0.10');
  });

  it('draws cluster IPs above the static band, in range, never reused', () => {
    let r = 0.5;
    const ip = allocateServiceIP('10.96.0.0/12', new Set(), () => r)!;
    expect(cidrContains('10.96.0.0/12', ip)).toBe(true);
    expect(ip.startsWith('10.96.0.')).toBe(false);
    r = 0.5;
    expect(allocateServiceIP('10.96.0.0/12', new Set([ip]), () => r)).not.toBe(ip);
  });

  it('draws node ports from 30086–32767 and skips taken ones', () => {
    const p = allocateNodePort(new Set(), () => 0)!;
    expect(p).toBe(30086);
    expect(allocateNodePort(new Set([30086]), () => 0)).toBe(30087);
  });

  it('hashes pod templates deterministically into the safe alphabet', () => {
    const t = { metadata: { labels: { run: 'my-nginx' } }, spec: { containers: [{ name: 'my-nginx', image: 'nginx' }] } };
    const h = podTemplateHash(t);
    expect(h).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{8,10}$/);
    expect(podTemplateHash(JSON.parse(JSON.stringify(t)))).toBe(h);
    expect(podTemplateHash({ ...t, spec: { containers: [{ name: 'my-nginx', image: 'nginx:1.25' }] } })).not.toBe(h);
  });
});
