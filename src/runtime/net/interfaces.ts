import type { KubeObject } from '../../api/types.js';

export interface NetInterface {
  name: string;
  loopback: boolean;
  addresses: string[];
}

/**
 * A pod's network interfaces in the order the kernel lists them: `lo` then `eth0` with the pod IP.
 * IPv4 only: the one real capture we follow (courselabs, `curl http://whoami` printing a single
 * `IP: 10.1.0.13` from a whoami that skips only loopback addresses) shows no IPv6 link-local address
 * on eth0, so the pod network namespaces here have IPv6 disabled (no `::1`, no `fe80::…`).
 */
export function podInterfaces(pod: KubeObject): NetInterface[] {
  const ip = pod.status?.podIP;
  return [
    { name: 'lo', loopback: true, addresses: ['127.0.0.1'] },
    { name: 'eth0', loopback: false, addresses: ip ? [ip] : [] },
  ];
}

/** Every address of every interface, loopback first (Go's net.Interfaces then Addrs order). */
export function podAddresses(pod: KubeObject, includeLoopback = true): string[] {
  return podInterfaces(pod)
    .filter((i) => includeLoopback || !i.loopback)
    .flatMap((i) => i.addresses);
}
