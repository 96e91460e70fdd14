/**
 * NetworkPolicy validation (pkg/apis/networking/validation, 1.32).
 */
import ipaddr from 'ipaddr.js';
import type { FieldError } from '../../errors.js';
import type { Json, KubeObject } from '../types.js';
import { child, forbidden, index, invalid, invalidEach, notSupported, required } from './field.js';
import { goLiteral, goQuote } from './go-syntax.js';
import { isValidPortName, isValidPortNum } from './names.js';
import { nameIsDNSSubdomain, validateLabelSelector, validateObjectMeta, validateObjectMetaUpdate } from './meta.js';

function validatePort(port: Json, p: string): FieldError[] {
  const errs: FieldError[] = [];
  if (port.protocol !== undefined && port.protocol !== null && !['TCP', 'UDP', 'SCTP'].includes(port.protocol)) {
    errs.push(notSupported(child(p, 'protocol'), port.protocol, ['TCP', 'UDP', 'SCTP']));
  }
  const hasEnd = port.endPort !== undefined && port.endPort !== null;
  if (port.port === undefined || port.port === null) {
    if (hasEnd) errs.push(invalid(child(p, 'endPort'), port.endPort, 'may not be specified when `port` is not specified'));
  } else if (typeof port.port === 'number') {
    errs.push(...invalidEach(child(p, 'port'), port.port, isValidPortNum(port.port)));
    if (hasEnd) {
      if (port.endPort < port.port) errs.push(invalid(child(p, 'endPort'), port.endPort, 'must be greater than or equal to `port`'));
      errs.push(...invalidEach(child(p, 'endPort'), port.endPort, isValidPortNum(port.endPort)));
    }
  } else {
    if (hasEnd) errs.push(invalid(child(p, 'endPort'), port.endPort, 'may not be specified when `port` is non-numeric'));
    errs.push(...invalidEach(child(p, 'port'), String(port.port), isValidPortName(String(port.port))));
  }
  return errs;
}

function parseCIDR(c: string): [ipaddr.IPv4 | ipaddr.IPv6, number] | undefined {
  try {
    return ipaddr.parseCIDR(c);
  } catch {
    return undefined;
  }
}

function validateIPBlock(b: Json, p: string): FieldError[] {
  if (!b.cidr) return [required(child(p, 'cidr'))];
  const cidr = parseCIDR(b.cidr);
  if (!cidr) return [invalid(child(p, 'cidr'), b.cidr, 'not a valid CIDR')];
  const errs: FieldError[] = [];
  for (const [i, e] of ((b.except ?? []) as string[]).entries()) {
    const ep = index(child(p, 'except'), i);
    const ex = parseCIDR(e);
    if (!ex) return [...errs, invalid(ep, e, 'not a valid CIDR')];
    const inside = ex[0].kind() === cidr[0].kind() && ex[0].match(cidr);
    if (!inside || cidr[1] >= ex[1]) errs.push(invalid(ep, e, 'must be a strict subset of `cidr`'));
  }
  return errs;
}

function validatePeer(peer: Json, p: string): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  if (peer.podSelector) {
    n++;
    errs.push(...validateLabelSelector(peer.podSelector, child(p, 'podSelector')));
  }
  if (peer.namespaceSelector) {
    n++;
    errs.push(...validateLabelSelector(peer.namespaceSelector, child(p, 'namespaceSelector')));
  }
  if (peer.ipBlock) {
    n++;
    errs.push(...validateIPBlock(peer.ipBlock, child(p, 'ipBlock')));
  }
  if (n === 0) errs.push(required(p, 'must specify a peer'));
  else if (n > 1 && peer.ipBlock) errs.push(forbidden(p, 'may not specify both ipBlock and another peer'));
  return errs;
}

function validateRules(rules: Json[] | undefined, p: string, peersKey: 'from' | 'to'): FieldError[] {
  const errs: FieldError[] = [];
  (rules ?? []).forEach((r, i) => {
    const rp = index(p, i);
    (r.ports ?? []).forEach((port: Json, j: number) => errs.push(...validatePort(port, index(child(rp, 'ports'), j))));
    (r[peersKey] ?? []).forEach((peer: Json, j: number) => errs.push(...validatePeer(peer, index(child(rp, peersKey), j))));
  });
  return errs;
}

function validateSpec(spec: Json): FieldError[] {
  const s = spec ?? {};
  const errs = validateLabelSelector(s.podSelector ?? {}, 'spec.podSelector');
  errs.push(...validateRules(s.ingress, 'spec.ingress', 'from'));
  errs.push(...validateRules(s.egress, 'spec.egress', 'to'));
  const types: string[] = s.policyTypes ?? [];
  if (types.length > 2) {
    const v = goLiteral(`[]networking.PolicyType{${types.map(goQuote).join(', ')}}`);
    return [...errs, invalid('spec.policyTypes', v, 'may not specify more than two policyTypes')];
  }
  types.forEach((t, i) => {
    if (t !== 'Ingress' && t !== 'Egress') errs.push(notSupported(`spec.policyTypes[${i}]`, t, ['Ingress', 'Egress']));
  });
  return errs;
}

/** NetworkPolicy on create. */
export function validateNetworkPolicy(np: KubeObject): FieldError[] {
  const errs = validateObjectMeta(np.metadata, { namespaced: true, nameFn: nameIsDNSSubdomain });
  return [...errs, ...validateSpec(np.spec)];
}

/** NetworkPolicy on update: metadata update rules plus the same spec checks. */
export function validateNetworkPolicyUpdate(np: KubeObject, old: KubeObject): FieldError[] {
  return [...validateObjectMetaUpdate(np.metadata, old.metadata), ...validateSpec(np.spec)];
}
