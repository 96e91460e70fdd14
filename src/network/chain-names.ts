/**
 * kube-proxy's chain names (pkg/proxy/iptables/proxier.go): a prefix plus the first 16 characters of
 * base32 (standard alphabet) of SHA-256 over the service port name and protocol (and, for endpoint
 * chains, the endpoint `ip:port`). kubectl-output.md §9.1.
 */
import { createHash } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 with the standard alphabet and `=` padding. */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const b of bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  while (out.length % 8 !== 0) out += '=';
  return out;
}

function hash16(text: string): string {
  return base32(createHash('sha256').update(text).digest()).slice(0, 16);
}

/** `ns/svc` plus `:portName` when the port is named (ServicePortName.String()). */
export function servicePortName(namespace: string, service: string, portName?: string): string {
  return portName ? `${namespace}/${service}:${portName}` : `${namespace}/${service}`;
}

const suffix = (spn: string, proto: string) => hash16(spn + proto.toLowerCase());

/** `KUBE-SVC-…`: the Cluster traffic policy chain. */
export function svcChain(spn: string, proto: string): string {
  return `KUBE-SVC-${suffix(spn, proto)}`;
}

/** `KUBE-SVL-…`: the Local traffic policy chain. */
export function svlChain(spn: string, proto: string): string {
  return `KUBE-SVL-${suffix(spn, proto)}`;
}

/** `KUBE-EXT-…`: the chain external (NodePort, LoadBalancer, external IP) traffic goes to. */
export function extChain(spn: string, proto: string): string {
  return `KUBE-EXT-${suffix(spn, proto)}`;
}

/** `KUBE-FW-…`: the loadBalancerSourceRanges firewall chain. */
export function fwChain(spn: string, proto: string): string {
  return `KUBE-FW-${suffix(spn, proto)}`;
}

/** `KUBE-SEP-…` for one endpoint (`ip:port`). */
export function sepChain(spn: string, proto: string, endpoint: string): string {
  return `KUBE-SEP-${hash16(spn + proto.toLowerCase() + endpoint)}`;
}
