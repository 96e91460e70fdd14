import ipaddr from 'ipaddr.js';

/**
 * Address allocation, pure. Pod IPs follow the host-local plugin: the next free address after the last
 * reserved one, wrapping inside the node's range (network, gateway .1 and broadcast excluded). Service
 * IPs and node ports are drawn with the seeded RNG from the "dynamic" part of their ranges, as the API
 * server's allocators do since 1.26 (which is why real cluster IPs look like 10.96.184.12).
 */

function toInt(ip: string): number {
  return ipaddr.IPv4.parse(ip).toByteArray().reduce((a, b) => a * 256 + b, 0);
}

function toIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

export function cidrRange(cidr: string): { first: number; last: number; size: number } {
  const [addr, bits] = ipaddr.IPv4.parseCIDR(cidr);
  const size = 2 ** (32 - bits);
  const first = Math.floor(toInt(addr.toString()) / size) * size;
  return { first, last: first + size - 1, size };
}

export function cidrContains(cidr: string, ip: string): boolean {
  if (!ipaddr.IPv4.isValid(ip)) return false;
  const r = cidrRange(cidr);
  const n = toInt(ip);
  return n >= r.first && n <= r.last;
}

/** The n-th address of a range (`nthAddress('10.96.0.0/12', 10)` = 10.96.0.10). */
export function nthAddress(cidr: string, n: number): string {
  return toIp(cidrRange(cidr).first + n);
}

/** Next pod IP on a node after `last` (or from the bottom), skipping `used`; undefined when full. */
export function nextPodIP(podCIDR: string, used: ReadonlySet<string>, last?: string): string | undefined {
  const r = cidrRange(podCIDR);
  const lo = r.first + 2; // .0 is the network, .1 the bridge gateway
  const hi = r.last - 1;
  const count = hi - lo + 1;
  let start = last && cidrContains(podCIDR, last) ? toInt(last) + 1 : lo;
  if (start > hi || start < lo) start = lo;
  for (let i = 0; i < count; i++) {
    const n = lo + ((start - lo + i) % count);
    const ip = toIp(n);
    if (!used.has(ip)) return ip;
  }
  return undefined;
}

/** Size of the low "static" band reserved for user-chosen IPs: min(max(16, size/16), 256). */
function staticBand(size: number): number {
  return Math.min(Math.max(16, Math.floor(size / 16)), 256);
}

/** A free service IP drawn from the dynamic band of the range; undefined when exhausted. */
export function allocateServiceIP(serviceCIDR: string, used: ReadonlySet<string>, random: () => number): string | undefined {
  const r = cidrRange(serviceCIDR);
  const lo = r.first + staticBand(r.size);
  const hi = r.last - 1;
  const span = hi - lo + 1;
  const start = lo + Math.floor(random() * span);
  for (let i = 0; i < span; i++) {
    const ip = toIp(lo + ((start - lo + i) % span));
    if (!used.has(ip)) return ip;
  }
  // Fall back to the static band, as the real allocator does when the dynamic part is full.
  for (let n = r.first + 1; n < lo; n++) if (!used.has(toIp(n))) return toIp(n);
  return undefined;
}

export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

/** A free node port, preferring the upper part of 30000–32767 like the API server's allocator. */
export function allocateNodePort(used: ReadonlySet<number>, random: () => number): number | undefined {
  const size = NODE_PORT_MAX - NODE_PORT_MIN + 1;
  // The node-port allocator's static band is min(max(16, size/32), 128): the first 86 ports.
  const lo = NODE_PORT_MIN + Math.min(Math.max(16, Math.floor(size / 32)), 128);
  const span = NODE_PORT_MAX - lo + 1;
  const start = Math.floor(random() * span);
  for (let i = 0; i < span; i++) {
    const p = lo + ((start + i) % span);
    if (!used.has(p)) return p;
  }
  for (let p = NODE_PORT_MIN; p < lo; p++) if (!used.has(p)) return p;
  return undefined;
}
