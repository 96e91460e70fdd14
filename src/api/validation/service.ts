/**
 * Service validation (ValidateService / ValidateServiceUpdate, 1.32) plus the clusterIP bookkeeping the
 * registry does before validating (patchAllocatedValues, NormalizeClusterIPs).
 */
import type { FieldError } from '../../errors.js';
import { clone, type Json, type KubeObject } from '../types.js';
import { child, duplicate, forbidden, index, invalid, invalidEach, notSupported, required } from './field.js';
import { goLiteral, goQuote, goStringSlice } from './go-syntax.js';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidCIDR, isValidIP, isValidPortNum } from './names.js';
import { nameIsDNS1035Label, validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './meta.js';
import { validatePortNumOrName } from './container.js';
import { validateServiceIPs } from './service-ips.js';
import { validateNonSpecialIP } from './endpoints.js';

/** The order `field.NotSupported` prints `spec.type`'s choices in (sets.List sorts them). */
export const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;

/** `clusterIPs == ["None"]`. */
export function isHeadless(spec: Json): boolean {
  const ips = spec?.clusterIPs ?? [];
  return ips.length === 1 && ips[0] === 'None';
}

const needsClusterIP = (spec: Json): boolean => (spec?.type ?? 'ClusterIP') !== 'ExternalName';
const sameIPs = (a: Json, b: Json): boolean => JSON.stringify(a?.clusterIPs ?? []) === JSON.stringify(b?.clusterIPs ?? []);

/**
 * What the registry does to `spec.clusterIP(s)` before validating, returned as a new object:
 * on update, values the client left out are copied from the stored object (patchAllocatedValues), then
 * the singular and plural fields are reconciled (NormalizeClusterIPs). On create only the plural is
 * initialised from the singular.
 */
export function normalizeServiceIPs(svc: KubeObject, old?: KubeObject): KubeObject {
  const out = clone(svc);
  const s = (out.spec ??= {});
  if (!old) {
    if (s.clusterIP && !(s.clusterIPs ?? []).length) s.clusterIPs = [s.clusterIP];
    return out;
  }
  const o = old.spec ?? {};
  if (needsClusterIP(o) && needsClusterIP(s)) {
    if (!s.clusterIP && o.clusterIP) s.clusterIP = o.clusterIP;
    if (!(s.clusterIPs ?? []).length && (o.clusterIPs ?? []).length) s.clusterIPs = o.clusterIPs;
  }
  if ((o.clusterIPs ?? []).length && !(s.clusterIPs ?? []).length && (o.clusterIP ?? '') === (s.clusterIP ?? '')) {
    s.clusterIPs = o.clusterIPs;
  }
  if ((o.clusterIP ?? '') !== (s.clusterIP ?? '') && sameIPs(o, s)) {
    if (o.clusterIP && !s.clusterIP) delete s.clusterIPs;
    else s.clusterIPs = [s.clusterIP];
  }
  return out;
}

/** `%#v` of the internal core.ServicePort key used for the duplicate (protocol, port) check. */
function goServicePortKey(protocol: string, port: number): ReturnType<typeof goLiteral> {
  return goLiteral(
    `core.ServicePort{Name:"", Protocol:${goQuote(protocol)}, AppProtocol:(*string)(nil), Port:${port}, ` +
      'TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
  );
}

function validateServicePort(sp: Json, requireName: boolean, names: Set<string>, p: string): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !sp.name) errs.push(required(child(p, 'name')));
  else if (sp.name) {
    errs.push(...invalidEach(child(p, 'name'), sp.name, isDNS1123Label(sp.name)));
    if (names.has(sp.name)) errs.push(duplicate(child(p, 'name'), sp.name));
    else names.add(sp.name);
  }
  errs.push(...invalidEach(child(p, 'port'), sp.port ?? 0, isValidPortNum(sp.port ?? 0)));
  if (!sp.protocol) errs.push(required(child(p, 'protocol')));
  else if (!PROTOCOLS.includes(sp.protocol)) errs.push(notSupported(child(p, 'protocol'), sp.protocol, PROTOCOLS));
  errs.push(...validatePortNumOrName(sp.targetPort ?? sp.port ?? 0, child(p, 'targetPort')));
  if (sp.appProtocol) errs.push(...invalidEach(child(p, 'appProtocol'), sp.appProtocol, isQualifiedName(sp.appProtocol)));
  return errs;
}

function validateTypeSpecific(s: Json): FieldError[] {
  const errs: FieldError[] = [];
  const type = s.type;
  if ((type === 'LoadBalancer' || type === 'NodePort') && isHeadless(s)) {
    errs.push(invalid('spec.clusterIPs[0]', 'None', `may not be set to 'None' for ${type} services`));
  }
  if (type !== 'ExternalName') return errs;
  if ((s.clusterIPs ?? []).length) errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
  if ((s.ipFamilies ?? []).length) errs.push(forbidden('spec.ipFamilies', 'may not be set for ExternalName services'));
  if (s.ipFamilyPolicy) errs.push(forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
  // The CNAME may carry a trailing dot to mark it fully qualified.
  const cname = String(s.externalName ?? '').replace(/\.$/, '');
  if (cname) errs.push(...invalidEach('spec.externalName', cname, isDNS1123Subdomain(cname)));
  else errs.push(required('spec.externalName'));
  return errs;
}

function validateSessionAffinity(s: Json): FieldError[] {
  const a = s.sessionAffinity;
  if (!a) return [required('spec.sessionAffinity')];
  if (a !== 'ClientIP' && a !== 'None') return [notSupported('spec.sessionAffinity', a, ['ClientIP', 'None'])];
  const cfgPath = 'spec.sessionAffinityConfig';
  if (a === 'None') return s.sessionAffinityConfig ? [forbidden(cfgPath, 'must not be set when session affinity is None')] : [];
  const when = 'when session affinity type is ClientIP';
  if (!s.sessionAffinityConfig) return [required(cfgPath, when)];
  if (!s.sessionAffinityConfig.clientIP) return [required(child(cfgPath, 'clientIP'), when)];
  const t = s.sessionAffinityConfig.clientIP.timeoutSeconds;
  const tPath = child(cfgPath, 'clientIP', 'timeoutSeconds');
  if (t === undefined || t === null) return [required(tPath, when)];
  return t <= 0 || t > MAX_CLIENT_IP_AFFINITY_SECONDS
    ? [invalid(tPath, t, `must be greater than 0 and less than ${MAX_CLIENT_IP_AFFINITY_SECONDS}`)]
    : [];
}

function validatePortSets(s: Json): FieldError[] {
  const errs: FieldError[] = [];
  const ports: Json[] = s.ports ?? [];
  if (s.type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (p.nodePort) errs.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    if (!p.nodePort) return;
    const k = `${p.protocol}/${p.nodePort}`;
    if (nodePorts.has(k)) errs.push(duplicate(`spec.ports[${i}].nodePort`, p.nodePort));
    nodePorts.add(k);
  });
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const k = `${p.protocol ?? ''}/${p.port ?? 0}`;
    if (seen.has(k)) errs.push(duplicate(`spec.ports[${i}]`, goServicePortKey(p.protocol ?? '', p.port ?? 0)));
    seen.add(k);
  });
  return errs;
}

function validateLoadBalancerFields(s: Json): FieldError[] {
  const errs: FieldError[] = [];
  const lb = s.type === 'LoadBalancer';
  const only = "may only be used when `type` is 'LoadBalancer'";
  const ranges: string[] = s.loadBalancerSourceRanges ?? [];
  if (ranges.length) {
    // Imitates the server's path spelling, with a capital L.
    const p = 'spec.LoadBalancerSourceRanges';
    if (!lb) errs.push(forbidden(p, only));
    ranges.forEach((r, i) => errs.push(...invalidEach(index(p, i), r.trim(), isValidCIDR(r.trim()))));
  }
  if (s.allocateLoadBalancerNodePorts !== undefined && s.allocateLoadBalancerNodePorts !== null && !lb) {
    errs.push(forbidden('spec.allocateLoadBalancerNodePorts', only));
  }
  // Imitates the server: this Required error's path lacks the `spec.` prefix.
  if (lb && (s.allocateLoadBalancerNodePorts === undefined || s.allocateLoadBalancerNodePorts === null)) {
    errs.push(required('allocateLoadBalancerNodePorts'));
  }
  if (s.loadBalancerClass !== undefined && s.loadBalancerClass !== null) {
    if (lb) errs.push(...invalidEach('spec.loadBalancerClass', s.loadBalancerClass, isQualifiedName(s.loadBalancerClass)));
    else errs.push(forbidden('spec.loadBalancerClass', only));
  }
  return errs;
}

function externallyAccessible(s: Json): boolean {
  return s.type === 'LoadBalancer' || s.type === 'NodePort' || (s.type === 'ClusterIP' && (s.externalIPs ?? []).length > 0);
}

function validateTrafficPolicies(s: Json): FieldError[] {
  const errs: FieldError[] = [];
  const etp = s.externalTrafficPolicy;
  if (!externallyAccessible(s)) {
    if (etp) errs.push(invalid('spec.externalTrafficPolicy', etp, 'may only be set for externally-accessible services'));
  } else if (!etp) errs.push(required('spec.externalTrafficPolicy'));
  else if (etp !== 'Cluster' && etp !== 'Local') errs.push(notSupported('spec.externalTrafficPolicy', etp, ['Cluster', 'Local']));
  const needsHC = s.type === 'LoadBalancer' && etp === 'Local';
  if (!needsHC && s.healthCheckNodePort) {
    errs.push(invalid('spec.healthCheckNodePort', s.healthCheckNodePort, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  }
  const itp = s.internalTrafficPolicy;
  if ((itp === undefined || itp === null) && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(s.type)) {
    errs.push(required('spec.internalTrafficPolicy'));
  } else if (itp && itp !== 'Cluster' && itp !== 'Local') {
    errs.push(notSupported('spec.internalTrafficPolicy', itp, ['Cluster', 'Local']));
  }
  if (s.trafficDistribution && s.trafficDistribution !== 'PreferClose') {
    errs.push(notSupported('spec.trafficDistribution', s.trafficDistribution, ['PreferClose']));
  }
  return errs;
}

function validateServiceSpec(svc: KubeObject): FieldError[] {
  const s = svc.spec ?? {};
  const errs: FieldError[] = [];
  const ports: Json[] = s.ports ?? [];
  if (ports.length === 0 && !isHeadless(s) && s.type !== 'ExternalName') errs.push(required('spec.ports'));
  errs.push(...validateTypeSpecific(s));
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, names, `spec.ports[${i}]`)));
  if (s.selector) errs.push(...validateLabels(s.selector, 'spec.selector'));
  errs.push(...validateSessionAffinity(s));
  errs.push(...validateServiceIPs(s));
  (s.externalIPs ?? []).forEach((ip: string, i: number) => {
    const msgs = isValidIP(ip);
    errs.push(...(msgs.length ? invalidEach(`spec.externalIPs[${i}]`, ip, msgs) : validateNonSpecialIP(ip, `spec.externalIPs[${i}]`)));
  });
  if (!s.type) errs.push(required('spec.type'));
  else if (!SERVICE_TYPES.includes(s.type)) errs.push(notSupported('spec.type', s.type, SERVICE_TYPES));
  errs.push(...validatePortSets(s));
  errs.push(...validateLoadBalancerFields(s));
  errs.push(...validateTrafficPolicies(s));
  return errs;
}

/** ValidateService on create (after defaulting and clusterIP normalisation). */
export function validateService(svc: KubeObject): FieldError[] {
  const errs = validateObjectMeta(svc.metadata, { namespaced: true, nameFn: nameIsDNS1035Label });
  return [...errs, ...validateServiceSpec(normalizeServiceIPs(svc))];
}

/** The primary clusterIP may not change; releasing the secondary needs ipFamilyPolicy SingleStack. */
function validateClusterIPChange(o: Json, s: Json): FieldError[] {
  if (o.type === 'ExternalName' || s.type === 'ExternalName' || (isHeadless(o) && isHeadless(s))) return [];
  const before: string[] = o.clusterIPs ?? [];
  const after: string[] = s.clusterIPs ?? [];
  const value = goLiteral(goStringSlice(s.clusterIPs));
  const errs: FieldError[] = [];
  if (before.length === after.length) {
    before.forEach((ip, i) => {
      if (ip !== after[i]) errs.push(invalid(`spec.clusterIPs[${i}]`, value, 'may not change once set'));
    });
  } else if (before.length > after.length) {
    if (after.length === 0) errs.push(invalid('spec.clusterIPs[0]', value, 'primary clusterIP can not be unset'));
    else if (after[0] !== before[0]) errs.push(invalid('spec.clusterIPs[0]', value, 'may not change once set'));
    if (after.length === 1 && s.ipFamilyPolicy !== 'SingleStack') {
      errs.push(invalid('spec.ipFamilyPolicy', s.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary clusterIP"));
    }
  } else if (before.length > 0 && after[0] !== before[0]) {
    errs.push(invalid('spec.clusterIPs[0]', value, 'may not change once set'));
  }
  return errs;
}

/** ValidateServiceUpdate: clusterIP immutability, then the full create-time validation of the new object. */
export function validateServiceUpdate(svc: KubeObject, old: KubeObject): FieldError[] {
  const next = normalizeServiceIPs(svc, old);
  const errs = validateObjectMetaUpdate(next.metadata, old.metadata);
  errs.push(...validateClusterIPChange(old.spec ?? {}, next.spec ?? {}));
  const o = old.spec ?? {};
  const s = next.spec ?? {};
  if (o.type === 'LoadBalancer' && s.type === 'LoadBalancer' && (o.loadBalancerClass ?? null) !== (s.loadBalancerClass ?? null)) {
    errs.push(invalid('spec.loadBalancerClass', s.loadBalancerClass ?? null, 'may not change once set'));
  }
  errs.push(...validateObjectMeta(next.metadata, { namespaced: true, nameFn: nameIsDNS1035Label }));
  return [...errs, ...validateServiceSpec(next)];
}
