import type { Json, KubeObject } from '../../api/types.js';
import { type DescribeContext, formatLabelsOrNone, kubectlMinor } from './context.js';
import { formatEndpointSlices, formatEndpoints, slicesForService } from './endpoints-format.js';
import { describeEventsOf } from './events.js';
import { LEVEL_0, PrefixWriter, writeAnnotations, writeLabels } from './prefix-writer.js';

/**
 * `kubectl describe service` (§3.2). The layout depends on the kubectl version:
 *   ≤1.30  Endpoints from the Endpoints object; spec.loadBalancerIP printed as a second `IP:` line;
 *          no Internal Traffic Policy line; no ipMode suffix on LoadBalancer Ingress.
 *   1.31   Endpoints from EndpointSlices, not-ready endpoints included; `Desired LoadBalancer IP:`.
 *   1.32+  as 1.31 but not-ready endpoints skipped.
 */
export function describeService(svc: KubeObject, ctx: DescribeContext): string {
  const minor = kubectlMinor(ctx);
  const spec = svc.spec ?? {};
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${svc.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${svc.metadata.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', svc.metadata.labels);
  writeAnnotations(w, 'Annotations', svc.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${formatLabelsOrNone(spec.selector)}\n`);
  w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
  writeAddresses(w, svc, minor);
  const endpointsFor = endpointsResolver(svc, ctx, minor);
  for (const port of spec.ports ?? []) writePort(w, port, endpointsFor);
  w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
  if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (minor >= 31 && spec.internalTrafficPolicy) {
    w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  }
  if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  if ((spec.loadBalancerSourceRanges ?? []).length > 0) {
    w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`);
  }
  describeEventsOf(w, svc, ctx);
  return w.toString();
}

/** IP family lines, cluster IPs, external IPs/name and the load balancer ingress. */
function writeAddresses(w: PrefixWriter, svc: KubeObject, minor: number): void {
  const spec = svc.spec ?? {};
  if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  const families: string[] = spec.ipFamilies ?? [];
  w.write(LEVEL_0, `IP Families:\t${families.length > 0 ? families.join(',') : '<none>'}\n`);
  w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
  const ips: string[] = spec.clusterIPs ?? [];
  w.write(LEVEL_0, `IPs:\t${ips.length > 0 ? ips.join(',') : '<none>'}\n`);
  if ((spec.externalIPs ?? []).length > 0) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
  if (spec.loadBalancerIP) {
    // kubectl ≤1.30 labels the requested LB address with a second, confusing "IP:" line.
    w.write(LEVEL_0, `${minor >= 31 ? 'Desired LoadBalancer IP' : 'IP'}:\t${spec.loadBalancerIP}\n`);
  }
  if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
  const ingress: Json[] = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length > 0) w.write(LEVEL_0, `LoadBalancer Ingress:\t${ingressString(ingress, minor)}\n`);
}

/** buildIngressString: IP (plus ` (VIP)`/` (Proxy)` from 1.31 when ipMode is set) or hostname, joined `, `. */
function ingressString(ingress: Json[], minor: number): string {
  return ingress
    .map((i) => {
      if (!i.ip) return i.hostname ?? '';
      return minor >= 31 && i.ipMode ? `${i.ip} (${i.ipMode})` : i.ip;
    })
    .join(', ');
}

/** Port / TargetPort / NodePort / Endpoints lines of one service port. */
function writePort(w: PrefixWriter, port: Json, endpointsFor: (portName: string) => string): void {
  const name = port.name || '<unset>';
  const proto = port.protocol ?? 'TCP';
  // The port name is its own tab cell, hence `<unset>  80/TCP` with two spaces.
  w.write(LEVEL_0, `Port:\t${name}\t${port.port}/${proto}\n`);
  const target = port.targetPort ?? port.port;
  w.write(LEVEL_0, `TargetPort:\t${target}/${proto}\n`);
  if (port.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${port.nodePort}/${proto}\n`);
  w.write(LEVEL_0, `Endpoints:\t${endpointsFor(port.name ?? '')}\n`);
}

/** Picks the Endpoints source for the kubectl version: the Endpoints object (≤1.30) or EndpointSlices. */
function endpointsResolver(svc: KubeObject, ctx: DescribeContext, minor: number): (portName: string) => string {
  const ns = svc.metadata.namespace ?? '';
  if (minor <= 30) {
    const ep = ctx.snapshot.get('Endpoints', ns, svc.metadata.name);
    return (portName) => formatEndpoints(ep, portName);
  }
  const slices = slicesForService(ctx.snapshot.list('EndpointSlice', ns), svc.metadata.name);
  return (portName) => formatEndpointSlices(slices, portName, minor >= 32);
}
