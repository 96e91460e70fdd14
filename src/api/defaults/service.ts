/**
 * Service defaults: SetDefaults_Service plus the IP-family fields the 1.32 registry fills in when it
 * allocates (on a single-stack IPv4 cluster).
 */
import type { Json } from '../types.js';

const DEFAULT_CLIENT_IP_TIMEOUT = 10800;

function externallyAccessible(s: Json): boolean {
  return s.type === 'LoadBalancer' || s.type === 'NodePort' || (s.type === 'ClusterIP' && (s.externalIPs ?? []).length > 0);
}

function defaultSessionAffinity(s: Json): void {
  if (!s.sessionAffinity) s.sessionAffinity = 'None';
  if (s.sessionAffinity === 'None') delete s.sessionAffinityConfig;
  if (s.sessionAffinity === 'ClientIP' && s.sessionAffinityConfig?.clientIP?.timeoutSeconds == null) {
    s.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_TIMEOUT } };
  }
}

function defaultPorts(s: Json): void {
  for (const p of s.ports ?? []) {
    if (!p.protocol) p.protocol = 'TCP';
    if (p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
}

/**
 * ipFamilies / ipFamilyPolicy as the allocator sets them. Imitates the server's special case: a headless
 * Service without a selector gets `RequireDualStack` and both families even on a single-stack cluster.
 */
function defaultIPFamilies(s: Json): void {
  if (s.type === 'ExternalName') return;
  const headless = s.clusterIP === 'None' || (s.clusterIPs ?? [])[0] === 'None';
  if (headless && Object.keys(s.selector ?? {}).length === 0) {
    s.ipFamilyPolicy ??= 'RequireDualStack';
    if (!(s.ipFamilies ?? []).length) s.ipFamilies = s.ipFamilyPolicy === 'SingleStack' ? ['IPv4'] : ['IPv4', 'IPv6'];
    return;
  }
  s.ipFamilyPolicy ??= 'SingleStack';
  if (!(s.ipFamilies ?? []).length) {
    const first = (s.clusterIPs ?? [])[0] ?? s.clusterIP ?? '';
    s.ipFamilies = [String(first).includes(':') ? 'IPv6' : 'IPv4'];
  }
}

/** Defaults a ServiceSpec in place. */
export function defaultServiceSpec(s: Json): void {
  defaultSessionAffinity(s);
  if (!s.type) s.type = 'ClusterIP';
  defaultPorts(s);
  if (externallyAccessible(s) && !s.externalTrafficPolicy) s.externalTrafficPolicy = 'Cluster';
  if (['NodePort', 'LoadBalancer', 'ClusterIP'].includes(s.type) && !s.internalTrafficPolicy) s.internalTrafficPolicy = 'Cluster';
  if (s.type === 'LoadBalancer' && (s.allocateLoadBalancerNodePorts === undefined || s.allocateLoadBalancerNodePorts === null)) {
    s.allocateLoadBalancerNodePorts = true;
  }
  // The registry's create-time NormalizeClusterIPs: a lone clusterIP (e.g. "None") also fills clusterIPs.
  if (s.type !== 'ExternalName' && s.clusterIP && !(s.clusterIPs ?? []).length) s.clusterIPs = [s.clusterIP];
  defaultIPFamilies(s);
}
