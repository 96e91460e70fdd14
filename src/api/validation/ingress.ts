/**
 * Ingress (networking.k8s.io/v1) validation, 1.32.
 */
import type { FieldError } from '../../errors.js';
import type { Json, KubeObject } from '../types.js';
import { child, index, invalid, invalidEach, notSupported, required } from './field.js';
import { goLiteral } from './go-syntax.js';
import { isDNS1123Subdomain, isValidPortName, isValidPortNum, isWildcardDNS1123Subdomain, parseableIP } from './names.js';
import { nameIsDNS1035Label, nameIsDNSSubdomain, validateObjectMeta, validateObjectMetaUpdate } from './meta.js';

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
const INVALID_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_SUFFIXES = ['/..', '/.'];

function validateBackend(b: Json, p: string): FieldError[] {
  if (b.resource && b.service) return [invalid(p, '', 'cannot set both resource and service backends')];
  if (b.resource) {
    const errs: FieldError[] = [];
    if (!b.resource.kind) errs.push(required(child(p, 'resource', 'kind')));
    if (!b.resource.name) errs.push(required(child(p, 'resource', 'name')));
    return errs;
  }
  if (!b.service) return [invalid(p, '', 'resource or service backend is required')];
  const svc = b.service;
  const errs: FieldError[] = [];
  if (!svc.name) errs.push(required(child(p, 'service', 'name')));
  else errs.push(...invalidEach(child(p, 'service', 'name'), svc.name, nameIsDNS1035Label(svc.name, false)));
  const name = svc.port?.name;
  const num = svc.port?.number;
  if (name && num) errs.push(invalid(p, '', 'cannot set both port name & port number'));
  else if (name) errs.push(...invalidEach(child(p, 'service', 'port', 'name'), name, isValidPortName(name)));
  else if (num) errs.push(...invalidEach(child(p, 'service', 'port', 'number'), num, isValidPortNum(num)));
  else errs.push(required(p, 'port name or number is required'));
  return errs;
}

function validatePath(path: Json, p: string): FieldError[] {
  if (!path.pathType) return [required(child(p, 'pathType'), 'pathType must be specified')];
  const errs: FieldError[] = [];
  const value: string = path.path ?? '';
  const pp = child(p, 'path');
  if (path.pathType === 'Exact' || path.pathType === 'Prefix') {
    if (!value.startsWith('/')) errs.push(invalid(pp, value, 'must be an absolute path'));
    for (const seq of INVALID_SEQUENCES) if (value.includes(seq)) errs.push(invalid(pp, value, `must not contain '${seq}'`));
    for (const suf of INVALID_SUFFIXES) if (value.endsWith(suf)) errs.push(invalid(pp, value, `cannot end with '${suf}'`));
  } else if (path.pathType === 'ImplementationSpecific') {
    if (value && !value.startsWith('/')) errs.push(invalid(pp, value, 'must be an absolute path'));
  } else {
    errs.push(notSupported(child(p, 'pathType'), path.pathType, PATH_TYPES));
  }
  return [...errs, ...validateBackend(path.backend ?? {}, child(p, 'backend'))];
}

function validateHost(host: string, p: string): FieldError[] {
  const errs: FieldError[] = [];
  if (parseableIP(host)) errs.push(invalid(p, host, 'must be a DNS name, not an IP address'));
  const msgs = host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
  return [...errs, ...invalidEach(p, host, msgs)];
}

function validateRules(rules: Json[]): FieldError[] {
  const errs: FieldError[] = [];
  rules.forEach((r, i) => {
    const p = index('spec.rules', i);
    if (r.host) errs.push(...validateHost(r.host, child(p, 'host')));
    if (!r.http) return;
    const paths: Json[] = r.http.paths ?? [];
    if (paths.length === 0) errs.push(required(child(p, 'http', 'paths')));
    paths.forEach((path, j) => errs.push(...validatePath(path, index(child(p, 'http', 'paths'), j))));
  });
  return errs;
}

function validateTLS(tls: Json[]): FieldError[] {
  const errs: FieldError[] = [];
  tls.forEach((t, i) => {
    const p = index('spec.tls', i);
    (t.hosts ?? []).forEach((h: string, j: number) => {
      const msgs = h.includes('*') ? isWildcardDNS1123Subdomain(h) : isDNS1123Subdomain(h);
      errs.push(...invalidEach(index(child(p, 'hosts'), j), h, msgs));
    });
    if (t.secretName) errs.push(...invalidEach(child(p, 'secretName'), t.secretName, nameIsDNSSubdomain(t.secretName, false)));
  });
  return errs;
}

function validateSpec(spec: Json): FieldError[] {
  const s = spec ?? {};
  const rules: Json[] = s.rules ?? [];
  const errs: FieldError[] = [];
  if (rules.length === 0 && !s.defaultBackend) {
    const v = goLiteral(Array.isArray(s.rules) ? '[]networking.IngressRule{}' : '[]networking.IngressRule(nil)');
    errs.push(invalid('spec', v, 'either `defaultBackend` or `rules` must be specified'));
  }
  if (s.defaultBackend) errs.push(...validateBackend(s.defaultBackend, 'spec.defaultBackend'));
  errs.push(...validateRules(rules));
  errs.push(...validateTLS(s.tls ?? []));
  if (s.ingressClassName) {
    errs.push(...invalidEach('spec.ingressClassName', s.ingressClassName, nameIsDNSSubdomain(s.ingressClassName, false)));
  }
  return errs;
}

/** Ingress on create; the legacy class annotation must agree with spec.ingressClassName. */
export function validateIngress(ing: KubeObject): FieldError[] {
  const errs = validateObjectMeta(ing.metadata, { namespaced: true, nameFn: nameIsDNSSubdomain });
  errs.push(...validateSpec(ing.spec));
  const annotation = ing.metadata?.annotations?.['kubernetes.io/ingress.class'];
  const cls = ing.spec?.ingressClassName;
  if (annotation !== undefined && cls && annotation !== cls) {
    // Imitates the server's path: `annotations.` + the key, without `metadata.`.
    errs.push(invalid('annotations.kubernetes.io/ingress.class', annotation, 'must match `ingressClassName` when both are specified'));
  }
  return errs;
}

/** Ingress on update. */
export function validateIngressUpdate(ing: KubeObject, old: KubeObject): FieldError[] {
  return [...validateObjectMetaUpdate(ing.metadata, old.metadata), ...validateSpec(ing.spec)];
}
