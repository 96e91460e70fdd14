import type { Snapshot } from '../../api/snapshot.js';
import { parseResolvConf } from '../../network/dns/resolv-conf.js';
import { resolveA } from '../../network/dns/resolver.js';
import type { VirtualFs } from '../shell/vfs.js';

export type Libc = 'musl' | 'glibc';

export interface HostLookup {
  /** IPv4 addresses in answer order (empty when the name does not resolve). */
  addresses: string[];
  /** The canonical name: the /etc/hosts name or the search-expanded name that answered. */
  canonical: string;
}

/** `files dns`: /etc/hosts first (both musl and glibc read it before asking the nameserver), then DNS. */
export function lookupHost(snapshot: Snapshot, fs: VirtualFs, name: string, libc: Libc): HostLookup {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return { addresses: [name], canonical: name };
  const hosts = fs.exists('/etc/hosts') ? fs.readFile('/etc/hosts') : '';
  const want = name.replace(/\.$/, '').toLowerCase();
  for (const line of hosts.split('\n')) {
    const [ip, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (!ip || !/^\d+\.\d+\.\d+\.\d+$/.test(ip)) continue;
    if (names.some((n) => n.toLowerCase() === want)) return { addresses: [ip], canonical: names[0] };
  }
  const conf = parseResolvConf(fs.exists('/etc/resolv.conf') ? fs.readFile('/etc/resolv.conf') : '');
  const r = resolveA(snapshot, name, conf, libc);
  return { addresses: r.addresses, canonical: r.addresses.length ? r.name : name };
}

/** A deterministic generator (mulberry32) for one tool run's timings. */
export function jitter(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
