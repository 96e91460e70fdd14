/**
 * Endpoints (core/v1) and EndpointSlice (discovery.k8s.io/v1) validation, 1.32.
 */
import type { FieldError } from '../../errors.js';
import type { Json, KubeObject } from '../types.js';
import { child, duplicate, index, invalid, invalidEach, notSupported, required } from './field.js';
import { isDNS1123Label, isQualifiedName, isValidIP, isValidPortNum, parseableIP } from './names.js';
import { nameIsDNSSubdomain, validateObjectMeta } from './meta.js';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

/** ValidateNonSpecialIP: no unspecified, loopback or link-local addresses (endpoints, external IPs). */
export function validateNonSpecialIP(ip: string, path: string): FieldError[] {
  if (!parseableIP(ip)) return [invalid(path, ip, 'must be a valid IP address')];
  const errs: FieldError[] = [];
  if (ip === '0.0.0.0' || ip === '::') errs.push(invalid(path, ip, `may not be unspecified (${ip})`));
  if (/^127\./.test(ip) || ip === '::1') errs.push(invalid(path, ip, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  if (/^169\.254\./.test(ip) || /^fe[89ab]/i.test(ip)) {
    errs.push(invalid(path, ip, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  }
  if (/^224\.0\.0\./.test(ip) || /^ff02:/i.test(ip)) {
    errs.push(invalid(path, ip, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  }
  return errs;
}

function validateAddress(a: Json, p: string): FieldError[] {
  const errs = invalidEach(child(p, 'ip'), a.ip ?? '', isValidIP(a.ip ?? ''));
  if (a.hostname) errs.push(...invalidEach(child(p, 'hostname'), a.hostname, isDNS1123Label(a.hostname)));
  if (a.nodeName) errs.push(...invalidEach(child(p, 'nodeName'), a.nodeName, nameIsDNSSubdomain(a.nodeName, false)));
  return [...errs, ...validateNonSpecialIP(a.ip ?? '', child(p, 'ip'))];
}

function validatePort(port: Json, requireName: boolean, p: string): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !port.name) errs.push(required(child(p, 'name')));
  else if (port.name) errs.push(...invalidEach(child(p, 'name'), port.name, isDNS1123Label(port.name)));
  errs.push(...invalidEach(child(p, 'port'), port.port ?? 0, isValidPortNum(port.port ?? 0)));
  if (!port.protocol) errs.push(required(child(p, 'protocol')));
  else if (!PROTOCOLS.includes(port.protocol)) errs.push(notSupported(child(p, 'protocol'), port.protocol, PROTOCOLS));
  if (port.appProtocol) errs.push(...invalidEach(child(p, 'appProtocol'), port.appProtocol, isQualifiedName(port.appProtocol)));
  return errs;
}

/** Endpoints: every subset needs addresses; paths start at `subsets` (there is no spec). */
export function validateEndpoints(ep: KubeObject): FieldError[] {
  const errs = validateObjectMeta(ep.metadata, { namespaced: true, nameFn: nameIsDNSSubdomain });
  ((ep.subsets ?? []) as Json[]).forEach((ss, i) => {
    const p = index('subsets', i);
    if (!(ss.addresses ?? []).length && !(ss.notReadyAddresses ?? []).length) {
      errs.push(required(p, 'must specify `addresses` or `notReadyAddresses`'));
    }
    (ss.addresses ?? []).forEach((a: Json, j: number) => errs.push(...validateAddress(a, index(child(p, 'addresses'), j))));
    (ss.notReadyAddresses ?? []).forEach((a: Json, j: number) => errs.push(...validateAddress(a, index(child(p, 'notReadyAddresses'), j))));
    const ports: Json[] = ss.ports ?? [];
    ports.forEach((port, j) => errs.push(...validatePort(port, ports.length > 1, index(child(p, 'ports'), j))));
  });
  return errs;
}

function validateSliceAddress(addr: string, type: string, p: string): FieldError[] {
  if (type === 'IPv4' && !(parseableIP(addr) && !addr.includes(':'))) return [invalid(p, addr, 'must be a valid IPv4 address')];
  if (type === 'IPv6' && !(parseableIP(addr) && addr.includes(':'))) return [invalid(p, addr, 'must be a valid IPv6 address')];
  return [];
}

/** EndpointSlice: addressType, endpoints (addresses of that type) and ports. */
export function validateEndpointSlice(slice: KubeObject): FieldError[] {
  const errs = validateObjectMeta(slice.metadata, { namespaced: true, nameFn: nameIsDNSSubdomain });
  const type = slice.addressType;
  if (!type) errs.push(required('addressType'));
  else if (!['FQDN', 'IPv4', 'IPv6'].includes(type)) errs.push(notSupported('addressType', type, ['FQDN', 'IPv4', 'IPv6']));
  ((slice.endpoints ?? []) as Json[]).forEach((e, i) => {
    const p = index('endpoints', i);
    const addrs: string[] = e.addresses ?? [];
    if (addrs.length === 0) errs.push(required(child(p, 'addresses'), 'must contain at least 1 address'));
    addrs.forEach((a, j) => errs.push(...validateSliceAddress(a, type, index(child(p, 'addresses'), j))));
    if (e.nodeName) errs.push(...invalidEach(child(p, 'nodeName'), e.nodeName, nameIsDNSSubdomain(e.nodeName, false)));
    if (e.hostname) errs.push(...invalidEach(child(p, 'hostname'), e.hostname, isDNS1123Label(e.hostname)));
  });
  const names = new Set<string>();
  ((slice.ports ?? []) as Json[]).forEach((port, i) => {
    const p = index('ports', i);
    if (port.name) errs.push(...invalidEach(child(p, 'name'), port.name, isDNS1123Label(port.name)));
    if (names.has(port.name ?? '')) errs.push(duplicate(child(p, 'name'), port.name ?? ''));
    names.add(port.name ?? '');
    if (!port.protocol) errs.push(required(child(p, 'protocol')));
    else if (!PROTOCOLS.includes(port.protocol)) errs.push(notSupported(child(p, 'protocol'), port.protocol, PROTOCOLS));
    if (port.port !== undefined && port.port !== null) errs.push(...invalidEach(child(p, 'port'), port.port, isValidPortNum(port.port)));
  });
  return errs;
}
