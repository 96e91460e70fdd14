import type { Snapshot } from '../../api/snapshot.js';
import type { ResolvConf } from './resolv-conf.js';
import { isIPv4, lookup, type RCode, type RR } from './records.js';

/**
 * Client-side name resolution as the tools inside pods do it, against the cluster DNS (records.ts).
 *
 * - `musl` (Alpine: curl, wget, ping in kiamol/ch03-sleep, curlimages/curl): a name with fewer dots than
 *   ndots is tried with each search domain in turn, then as is; with ndots or more dots, as is only
 *   (musl never applies the search list then). A trailing dot makes the name absolute. musl stops the walk
 *   at the first reply that is not NXDOMAIN — also at an empty NOERROR ("NODATA"), which then fails.
 * - `glibc` (Debian/Ubuntu images; uClibc in busybox ≤ 1.28 behaves the same here): fewer dots than ndots →
 *   search domains first, then as is; otherwise as is first, then the search domains. NODATA does not stop
 *   the walk.
 * - `busybox-new` (busybox ≥ 1.29 nslookup's own DNS client): the search domains are applied only when the
 *   name has no dot at all, and then the bare name is NOT queried; a name with a dot is queried as is.
 *
 * /etc/hosts is not consulted here (the caller owns the pod's files).
 */

export type ResolverStyle = 'musl' | 'glibc' | 'busybox-new';

/** The names a resolver queries for `name`, in order (without trailing dots). */
export function searchCandidates(name: string, conf: Pick<ResolvConf, 'search' | 'ndots'>, style: ResolverStyle): string[] {
  if (name.endsWith('.')) return [name.replace(/\.+$/, '')];
  const dots = (name.match(/\./g) ?? []).length;
  const expanded = conf.search.map((d) => `${name}.${d.replace(/\.$/, '')}`);
  switch (style) {
    case 'busybox-new':
      return dots === 0 && expanded.length ? expanded : [name];
    case 'musl':
      return dots >= conf.ndots ? [name] : [...expanded, name];
    case 'glibc':
      return dots >= conf.ndots ? [name, ...expanded] : [...expanded, name];
  }
}

export interface Resolution {
  /** NOERROR with addresses on success; NXDOMAIN also stands for "nothing found" (NODATA at the end). */
  rcode: RCode;
  /** The name that answered (or the last one tried). */
  name: string;
  /** IPv4 addresses, in answer order. */
  addresses: string[];
  /** The answer records of the successful reply (CNAMEs included). */
  answers: RR[];
  /** Every name queried, in order. */
  tried: string[];
}

/** Resolve `name` to IPv4 addresses through the search list; CNAMEs are followed by CoreDNS inside the zone. */
export function resolveA(snapshot: Snapshot, name: string, conf: Pick<ResolvConf, 'search' | 'ndots'>, style: ResolverStyle): Resolution {
  const literal = name.replace(/\.$/, '');
  if (isIPv4(literal)) return { rcode: 'NOERROR', name: literal, addresses: [literal], answers: [], tried: [] };
  const tried: string[] = [];
  for (const candidate of searchCandidates(name, conf, style)) {
    tried.push(candidate);
    const r = lookup(snapshot, candidate, 'A');
    if (r.rcode !== 'NOERROR') continue;
    const addresses = r.answers.filter((a) => a.type === 'A').map((a) => a.data);
    if (addresses.length) return { rcode: 'NOERROR', name: candidate, addresses, answers: r.answers, tried };
    // NODATA (e.g. `default.svc.cluster.local`, or a CNAME leading out of the cluster).
    if (style === 'musl') return { rcode: 'NXDOMAIN', name: candidate, addresses: [], answers: r.answers, tried };
  }
  return { rcode: 'NXDOMAIN', name: tried[tried.length - 1] ?? name, addresses: [], answers: [], tried };
}
