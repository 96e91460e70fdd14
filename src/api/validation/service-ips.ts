/**
 * ValidateServiceClusterIPsRelatedFields: consistency of spec.clusterIP, spec.clusterIPs, spec.ipFamilies
 * and spec.ipFamilyPolicy (skipped for ExternalName, whose fields are checked elsewhere).
 */
import type { FieldError } from '../../errors.js';
import type { Json } from '../types.js';
import { duplicate, invalid, notSupported, required } from './field.js';
import { goLiteral, goStringSlice } from './go-syntax.js';
import { isValidIP } from './names.js';

const FAMILIES = ['IPv4', 'IPv6'];
const FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];

const isV6 = (ip: string): boolean => ip.includes(':');

function validateFamilies(s: Json): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (s.ipFamilies ?? []).forEach((f: string, i: number) => {
    if (!FAMILIES.includes(f)) errs.push(notSupported(`spec.ipFamilies[${i}]`, f, FAMILIES));
    if (seen.has(f)) errs.push(duplicate(`spec.ipFamilies[${i}]`, f));
    seen.add(f);
  });
  if (s.ipFamilyPolicy !== undefined && s.ipFamilyPolicy !== null && !FAMILY_POLICIES.includes(s.ipFamilyPolicy)) {
    errs.push(notSupported('spec.ipFamilyPolicy', s.ipFamilyPolicy, FAMILY_POLICIES));
  }
  return errs;
}

function validateFamilyMatch(s: Json, ips: string[]): FieldError[] {
  const errs: FieldError[] = [];
  const families: string[] = s.ipFamilies ?? [];
  ips.forEach((ip, i) => {
    if (i >= families.length) return;
    if (families[i] === 'IPv4' && isV6(ip)) {
      errs.push(invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
    }
    if (families[i] === 'IPv6' && !isV6(ip)) {
      errs.push(invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
    }
  });
  return errs;
}

/** Validates the clusterIP-related fields of a (normalised) ServiceSpec. */
export function validateServiceIPs(s: Json): FieldError[] {
  if (s.type === 'ExternalName') return [];
  const errs: FieldError[] = [];
  const ips: string[] = s.clusterIPs ?? [];
  const ipsValue = goLiteral(goStringSlice(s.clusterIPs));
  if (s.clusterIP) {
    if (ips.length === 0) errs.push(required('spec.clusterIPs'));
    else if (ips[0] !== s.clusterIP) errs.push(invalid('spec.clusterIPs', ipsValue, 'first value must match `clusterIP`'));
  } else if (ips.length) {
    errs.push(invalid('spec.clusterIPs', ipsValue, 'must be empty when `clusterIP` is not specified'));
  }
  errs.push(...validateFamilies(s));
  let badIPs = false;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) {
        badIPs = true;
        errs.push(invalid('spec.clusterIPs', ipsValue, "'None' must be the first and only value"));
      }
      return;
    }
    const msgs = isValidIP(ip);
    if (msgs.length) badIPs = true;
    errs.push(...msgs.map((m) => invalid(`spec.clusterIPs[${i}]`, ip, m)));
  });
  if (ips.length > 2) errs.push(invalid('spec.clusterIPs', ipsValue, 'may only hold up to 2 values'));
  // Like the server, stop here: dual-stack checks on already-bad IPs would only add noise.
  if (badIPs) return errs;
  if (ips.length > 1 && (ips.length !== 2 || isV6(ips[0]) === isV6(ips[1]))) {
    errs.push(invalid('spec.clusterIPs', ipsValue, 'may specify no more than one IP for each IP family'));
  }
  const headless = ips.length === 1 && ips[0] === 'None';
  if (!headless) errs.push(...validateFamilyMatch(s, ips));
  return errs;
}
