import type { Snapshot } from '../api/snapshot.js';
import type { Profile } from '../api/profiles.js';

/** One port the host agent opens on the user's machine, and where in the cluster it leads. */
export interface HostPort {
  /** The port on 127.0.0.1 (the node port or load-balancer port, shifted by KUBESIM_HOST_PORT_OFFSET). */
  hostPort: number;
  namespace: string;
  service: string;
  /** The Service port it stands for (its name, if any, for status lines). */
  servicePort: number;
  portName?: string;
  /** The node port the connection is sent to on the node. */
  nodePort: number;
  via: 'NodePort' | 'LoadBalancer';
}

/**
 * The host ports the cluster asks for: every TCP node port (NodePort and LoadBalancer services, as
 * Docker Desktop and k3d publish them on localhost), plus, where the profile's load balancer answers on
 * localhost (Docker Desktop's vpnkit), each LoadBalancer service port. The first claim on a port wins;
 * later ones are reported as conflicts by the agent.
 */
export function hostPortsFor(snapshot: Snapshot, profile: Profile, offset = 0): HostPort[] {
  const out: HostPort[] = [];
  for (const svc of snapshot.list('Service')) {
    const type = svc.spec?.type;
    if (type !== 'NodePort' && type !== 'LoadBalancer') continue;
    for (const p of (svc.spec?.ports ?? []) as Array<{ name?: string; port: number; nodePort?: number; protocol?: string }>) {
      if ((p.protocol ?? 'TCP') !== 'TCP' || !p.nodePort) continue;
      const base = { namespace: svc.metadata.namespace ?? 'default', service: svc.metadata.name, servicePort: p.port, portName: p.name, nodePort: p.nodePort };
      out.push({ ...base, hostPort: p.nodePort + offset, via: 'NodePort' });
      if (type === 'LoadBalancer' && profile.loadBalancer === 'localhost') out.push({ ...base, hostPort: p.port + offset, via: 'LoadBalancer' });
    }
  }
  return out.filter((h) => h.hostPort > 0 && h.hostPort < 65536);
}
