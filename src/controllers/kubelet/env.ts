import type { KubeObject } from '../../api/types.js';
import type { Snapshot } from '../../api/snapshot.js';
import type { Rng } from '../../util/rng.js';

interface Port {
  name?: string;
  port: number;
  protocol?: string;
}

/**
 * The service environment variables the kubelet gives a container when it starts (kubelet envvars):
 * every Service of the pod's namespace that exists at that moment and has a cluster IP (unless
 * enableServiceLinks is false), plus the `kubernetes` service of `default`, always. They are never
 * updated afterwards — the ordering problem the Kubernetes docs walk through.
 */
export function serviceEnv(pod: KubeObject, snapshot: Snapshot): Record<string, string> {
  const ns = pod.metadata.namespace ?? 'default';
  const links = pod.spec?.enableServiceLinks !== false;
  const chosen = new Map<string, KubeObject>();
  const master = snapshot.get('Service', 'default', 'kubernetes');
  if (master) chosen.set('kubernetes', master);
  if (links) for (const svc of snapshot.list('Service', ns)) if (!chosen.has(svc.metadata.name) || ns !== 'default') chosen.set(svc.metadata.name, svc);
  const env: Record<string, string> = {};
  for (const svc of chosen.values()) {
    const ip: string | undefined = svc.spec?.clusterIP;
    if (!ip || ip === 'None') continue;
    const base = svc.metadata.name.toUpperCase().replace(/-/g, '_');
    const ports: Port[] = svc.spec.ports ?? [];
    if (ports.length === 0) continue;
    env[`${base}_SERVICE_HOST`] = ip;
    env[`${base}_SERVICE_PORT`] = String(ports[0].port);
    for (const p of ports) if (p.name) env[`${base}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`] = String(p.port);
    const proto0 = (ports[0].protocol ?? 'TCP').toLowerCase();
    env[`${base}_PORT`] = `${proto0}://${ip}:${ports[0].port}`;
    for (const p of ports) {
      const proto = (p.protocol ?? 'TCP').toUpperCase();
      const prefix = `${base}_PORT_${p.port}_${proto}`;
      env[prefix] = `${proto.toLowerCase()}://${ip}:${p.port}`;
      env[`${prefix}_PROTO`] = proto.toLowerCase();
      env[`${prefix}_PORT`] = String(p.port);
      env[`${prefix}_ADDR`] = ip;
    }
  }
  return env;
}

/**
 * A container's environment at start: its own `env` values (references to secrets and config maps
 * arrive with volumes), then the service variables. The kubelet builds the list from a Go map, so
 * the order a process sees is random; it is shuffled here with the seeded RNG.
 */
export function containerEnv(pod: KubeObject, container: { env?: Array<{ name: string; value?: string }> }, snapshot: Snapshot, rng: Rng): Array<{ name: string; value: string }> {
  const merged: Record<string, string> = { ...serviceEnv(pod, snapshot) };
  for (const e of container.env ?? []) merged[e.name] = expandRefs(e.value ?? '', merged);
  const list = Object.entries(merged).map(([name, value]) => ({ name, value }));
  for (let i = list.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

/** `$(VAR)` references to earlier variables, as the kubelet expands them; `$$(VAR)` escapes. */
function expandRefs(value: string, env: Record<string, string>): string {
  return value.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, name?: string) => (m === '$$' ? '$' : name !== undefined && name in env ? env[name] : m));
}
