import type { Profile } from '../../api/profiles.js';
import type { KubeObject } from '../../api/types.js';

/**
 * A pod's network namespace as its CNI plugin leaves it: interfaces, addresses and routes. Pure data for
 * `ip` and `ifconfig`.
 *
 * - kindnet (kind, the default profile) delegates to the `ptp` plugin with host-local IPAM: the pod keeps
 *   the node's /24 on eth0, the kernel's subnet route is replaced by a /32 route to the gateway (.1, on the
 *   node's side of the veth) plus the subnet via that gateway, and a default route via the gateway.
 * - calico and the AWS VPC CNI give the pod a /32 and route everything via the link-local 169.254.1.1,
 *   which the host answers by proxy ARP.
 * - the `bridge` plugin (minikube, Docker Desktop, the docs' kubenet-era cluster) puts eth0 on the node's
 *   bridge: the kernel's subnet route (scope link) plus a default route via the bridge address .1.
 */
export type Cni = 'kindnet' | 'calico' | 'aws-vpc-cni' | 'bridge' | 'gke';

export function cniOf(profile: Profile): Cni {
  switch (profile.name) {
    case 'default':
    case 'kind':
      return 'kindnet';
    case 'eks':
      return 'aws-vpc-cni';
    case 'gke':
      return 'gke';
    default:
      return 'bridge';
  }
}

export interface Route {
  dst: string;
  via?: string;
  scope?: 'link';
  src?: string;
}

export interface PodInterface {
  name: string;
  index: number;
  /** Index of the veth peer in the node's namespace (eth0@ifN); undefined for lo. */
  peerIndex?: number;
  mac: string;
  mtu: number;
  ip: string;
  prefix: number;
  /** Broadcast address (none for /32 and loopback). */
  brd?: string;
  ipv6: string;
  ipv6Prefix: number;
  loopback: boolean;
  txqueuelen: number;
}

export interface PodNetwork {
  cni: Cni;
  interfaces: PodInterface[];
  routes: Route[];
}

function toInt(ip: string): number {
  return ip.split('.').reduce((a, b) => a * 256 + Number(b), 0);
}

function toIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

export function cidrRange(cidr: string): { first: number; size: number } {
  const [addr, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  return { first: Math.floor(toInt(addr) / size) * size, size };
}

export function cidrContains(cidr: string, ip: string): boolean {
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return false;
  const r = cidrRange(cidr);
  const n = toInt(ip);
  return n >= r.first && n < r.first + r.size;
}

/** The node pod range the IP belongs to (the pod's own node first). */
function podRange(profile: Profile, pod: KubeObject): string {
  const ip = pod.status?.podIP ?? '';
  const own = profile.nodes.find((n) => n.name === pod.spec?.nodeName);
  if (own && cidrContains(own.podCIDR, ip)) return own.podCIDR;
  return profile.nodes.find((n) => cidrContains(n.podCIDR, ip))?.podCIDR ?? `${ip.split('.').slice(0, 3).join('.')}.0/24`;
}

/**
 * The container side of the veth gets a random MAC from the kernel in every one of these plugins; the
 * simulator derives a stable, locally administered one from the IP instead (so reruns agree).
 */
export function macFor(ip: string): string {
  let h = 2166136261;
  for (const c of ip) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  const bytes = [((h >>> 24) & 0xfc) | 0x02, (h >>> 16) & 0xff, (h >>> 8) & 0xff, h & 0xff, ...ip.split('.').slice(2).map(Number)];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** The EUI-64 link-local address the kernel derives from a MAC. */
export function linkLocal(mac: string): string {
  const b = mac.split(':').map((x) => parseInt(x, 16));
  b[0] ^= 0x02;
  const words = [(b[0] << 8) | b[1], (b[2] << 8) | 0xff, (0xfe << 8) | b[3], (b[4] << 8) | b[5]];
  return `fe80::${words.map((w) => w.toString(16)).join(':')}`;
}

export function maskOf(prefix: number): string {
  return toIp(prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0);
}

export function podNetwork(profile: Profile, pod: KubeObject): PodNetwork {
  const cni = cniOf(profile);
  const ip = pod.status?.podIP ?? '';
  const range = podRange(profile, pod);
  const r = cidrRange(range);
  const subnetPrefix = 32 - Math.log2(r.size);
  const gateway = toIp(r.first + 1);
  // The node-side veth index: node interfaces first (lo, eth0, and per-CNI extras), then one veth per pod
  // in address order; the last octet stands in for that order.
  const peerIndex = 4 + (toInt(ip) - r.first);
  const mac = macFor(ip);
  const lo: PodInterface = { name: 'lo', index: 1, mac: '00:00:00:00:00:00', mtu: 65536, ip: '127.0.0.1', prefix: 8, ipv6: '::1', ipv6Prefix: 128, loopback: true, txqueuelen: 1000 };
  const eth = (mtu: number, prefix: number): PodInterface => ({
    name: 'eth0',
    index: 2,
    peerIndex,
    mac,
    mtu,
    ip,
    prefix,
    ...(prefix < 31 ? { brd: toIp(r.first + r.size - 1) } : {}),
    ipv6: linkLocal(mac),
    ipv6Prefix: 64,
    loopback: false,
    txqueuelen: 0,
  });
  switch (cni) {
    case 'kindnet':
    case 'gke':
      return {
        cni,
        interfaces: [lo, eth(cni === 'gke' ? 1460 : 1500, subnetPrefix)],
        routes: [
          { dst: 'default', via: gateway },
          { dst: `${toIp(r.first)}/${subnetPrefix}`, via: gateway, src: ip },
          { dst: gateway, scope: 'link', src: ip },
        ],
      };
    case 'calico':
    case 'aws-vpc-cni':
      return {
        cni,
        interfaces: [lo, eth(cni === 'calico' ? 1480 : 9001, 32)],
        routes: [{ dst: 'default', via: '169.254.1.1' }, { dst: '169.254.1.1', scope: 'link' }],
      };
    case 'bridge':
      return {
        cni,
        interfaces: [lo, eth(1500, subnetPrefix)],
        routes: [
          { dst: 'default', via: gateway },
          { dst: `${toIp(r.first)}/${subnetPrefix}`, scope: 'link', src: ip },
        ],
      };
  }
}
