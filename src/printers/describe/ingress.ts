import type { Json, KubeObject } from '../../api/types.js';
import { type DescribeContext, kubectlMinor } from './context.js';
import { formatEndpointSlices, formatEndpoints, slicesForService } from './endpoints-format.js';
import { describeEventsOf } from './events.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, PrefixWriter, writeAnnotations, writeLabels } from './prefix-writer.js';

/**
 * `kubectl describe ingress` (networking/v1). Note the order: Labels come before Namespace and
 * Annotations come *after* the Rules table. Backends show `svc:port (endpoints)` resolved like the
 * Service describer for the kubectl version.
 */
export function describeIngress(ing: KubeObject, ctx: DescribeContext): string {
  const spec = ing.spec ?? {};
  const ns = ing.metadata.namespace ?? '';
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${ing.metadata.name}\n`);
  writeLabels(w, 'Labels', ing.metadata.labels);
  w.write(LEVEL_0, `Namespace:\t${ns}\n`);
  w.write(LEVEL_0, `Address:\t${addressOf(ing)}\n`);
  w.write(LEVEL_0, `Ingress Class:\t${spec.ingressClassName ?? '<none>'}\n`);
  const def = spec.defaultBackend ? describeBackend(ns, spec.defaultBackend, ctx) : '<default>';
  w.write(LEVEL_0, `Default backend:\t${def}\n`);
  const tls: Json[] = spec.tls ?? [];
  if (tls.length > 0) {
    w.write(LEVEL_0, 'TLS:\n');
    for (const t of tls) {
      const hosts = (t.hosts ?? []).join(',');
      w.write(LEVEL_1, t.secretName ? `${t.secretName} terminates ${hosts}\n` : `SNI routes ${hosts}\n`);
    }
  }
  w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n');
  w.write(LEVEL_1, '----\t----\t--------\n');
  const httpRules = ((spec.rules ?? []) as Json[]).filter((r) => r.http);
  for (const rule of httpRules) {
    w.write(LEVEL_1, `${rule.host || '*'}\t\n`);
    for (const p of rule.http.paths ?? []) w.write(LEVEL_2, `\t${p.path ?? ''} \t${describeBackend(ns, p.backend ?? {}, ctx)}\n`);
  }
  if (httpRules.length === 0) w.write(LEVEL_1, `*\t*\t${def}\n`);
  writeAnnotations(w, 'Annotations', ing.metadata.annotations);
  describeEventsOf(w, ing, ctx);
  return w.toString();
}

/** Load balancer IPs/hostnames, de-duplicated and sorted, joined by `,`. */
function addressOf(ing: KubeObject): string {
  const set = new Set<string>();
  for (const i of (ing.status?.loadBalancer?.ingress ?? []) as Json[]) {
    if (i.ip) set.add(i.ip);
    else if (i.hostname) set.add(i.hostname);
  }
  return [...set].sort().join(',');
}

/**
 * describeBackendV1: `svc:port (endpoints)`; `(<error: … not found>)` when the lookup fails — kubectl
 * 1.29/1.30 even omit the space before the parenthesis when the *Service* is missing.
 */
function describeBackend(ns: string, backend: Json, ctx: DescribeContext): string {
  if (backend.resource) {
    const r = backend.resource;
    return `APIGroup: ${r.apiGroup ?? '<none>'}, Kind: ${r.kind}, Name: ${r.name}`;
  }
  if (!backend.service) return '';
  const b = backend.service;
  const sb = `${b.name}:${b.port?.number ? b.port.number : b.port?.name ?? ''}`;
  const minor = kubectlMinor(ctx);
  const ep = ctx.snapshot.get('Endpoints', ns, b.name);
  if (minor <= 30 && !ep) return `${sb} (<error: endpoints "${b.name}" not found>)`;
  const svc = ctx.snapshot.get('Service', ns, b.name);
  if (!svc) return `${sb}${minor <= 30 ? '' : ' '}(<error: services "${b.name}" not found>)`;
  let portName = '';
  for (const sp of (svc.spec?.ports ?? []) as Json[]) {
    if (b.port?.number && b.port.number === sp.port) portName = sp.name ?? '';
    else if (b.port?.name && b.port.name === sp.name) portName = sp.name ?? '';
  }
  const eps =
    minor <= 30
      ? formatEndpoints(ep, portName)
      : formatEndpointSlices(slicesForService(ctx.snapshot.list('EndpointSlice', ns), b.name), portName, minor >= 32);
  return `${sb} (${eps})`;
}
