import type { KubeObject } from '../../api/types.js';
import type { Snapshot } from '../../api/snapshot.js';
import type { Rng } from '../../util/rng.js';
import { downwardFieldValue } from '../../api/downward-api.js';

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

/** A container as the kubelet reads its environment from it. */
export interface EnvContainer {
  name: string;
  env?: Array<{ name: string; value?: string; valueFrom?: EnvSource }>;
  envFrom?: Array<{ prefix?: string; configMapRef?: { name: string; optional?: boolean }; secretRef?: { name: string; optional?: boolean } }>;
  resources?: { limits?: Record<string, string>; requests?: Record<string, string> };
}

interface EnvSource {
  configMapKeyRef?: { name: string; key: string; optional?: boolean };
  secretKeyRef?: { name: string; key: string; optional?: boolean };
  fieldRef?: { fieldPath: string };
  resourceFieldRef?: { resource: string; containerName?: string; divisor?: string };
}

/** Why the kubelet could not build the environment (CreateContainerConfigError), in its words. */
export class ContainerConfigError extends Error {}

/** A ConfigMap's or Secret's entries as strings (Secret data is base64 in the API object). */
export function sourceData(snapshot: Snapshot, kind: 'ConfigMap' | 'Secret', namespace: string, name: string): Map<string, string> | undefined {
  const obj = snapshot.get(kind, namespace, name);
  if (!obj) return undefined;
  if (kind === 'ConfigMap') return new Map(Object.entries((obj.data ?? {}) as Record<string, string>));
  return new Map(Object.entries((obj.data ?? {}) as Record<string, string>).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]));
}

const missing = (kind: 'ConfigMap' | 'Secret', name: string) => new ContainerConfigError(`${kind === 'ConfigMap' ? 'configmap' : 'secret'} "${name}" not found`);


/** resourceFieldRef: the container's limit (or the node's allocatable when none), rounded up in divisor units as the kubelet does. */
function resourceValue(pod: KubeObject, c: EnvContainer, ref: NonNullable<EnvSource['resourceFieldRef']>, node: KubeObject | undefined): string {
  const [kind, res] = ref.resource.split('.') as ['limits' | 'requests', string];
  const raw = c.resources?.[kind]?.[res] ?? (kind === 'limits' ? node?.status?.allocatable?.[res] : undefined) ?? '0';
  const qty = (q: string) => {
    const m = q.match(/^(\d+(?:\.\d+)?)(m|Ki|Mi|Gi|Ti|k|M|G|T)?$/);
    if (!m) return 0;
    const mult: Record<string, number> = { m: 0.001, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, k: 1e3, M: 1e6, G: 1e9, T: 1e12 };
    return Number(m[1]) * (m[2] ? mult[m[2]] : 1);
  };
  const divisor = qty(ref.divisor ?? '1') || 1;
  return String(Math.ceil(qty(raw) / divisor - 1e-9));
}

/**
 * A container's environment at start, as the kubelet builds it: `envFrom` sources first, then `env`
 * (literal values with `$(VAR)` expanded against what is defined so far and the service variables,
 * or values from ConfigMaps, Secrets, the downward API), then the service variables not already
 * defined. A missing non-optional source throws ContainerConfigError with the kubelet's message. The
 * kubelet builds the list from a Go map, so the order a process sees is random; it is shuffled here with
 * the seeded RNG.
 */
export function containerEnv(pod: KubeObject, container: EnvContainer, snapshot: Snapshot, rng: Rng): Array<{ name: string; value: string }> {
  const ns = pod.metadata.namespace ?? 'default';
  const services = serviceEnv(pod, snapshot);
  const defined: Record<string, string> = {};
  for (const from of container.envFrom ?? []) {
    const kind = from.configMapRef ? 'ConfigMap' : 'Secret';
    const ref = from.configMapRef ?? from.secretRef;
    if (!ref) continue;
    const data = sourceData(snapshot, kind, ns, ref.name);
    if (!data) {
      if (ref.optional) continue;
      throw missing(kind, ref.name);
    }
    for (const [k, v] of data) defined[`${from.prefix ?? ''}${k}`] = v;
  }
  for (const e of container.env ?? []) {
    const src = e.valueFrom;
    if (!src) {
      defined[e.name] = expandRefs(e.value ?? '', { ...services, ...defined });
      continue;
    }
    const keyRef = src.configMapKeyRef ?? src.secretKeyRef;
    if (keyRef) {
      const kind = src.configMapKeyRef ? 'ConfigMap' : 'Secret';
      const data = sourceData(snapshot, kind, ns, keyRef.name);
      if (!data) {
        if (keyRef.optional) continue;
        throw missing(kind, keyRef.name);
      }
      if (!data.has(keyRef.key)) {
        if (keyRef.optional) continue;
        throw new ContainerConfigError(`couldn't find key ${keyRef.key} in ${kind} ${ns}/${keyRef.name}`);
      }
      defined[e.name] = data.get(keyRef.key)!;
    } else if (src.fieldRef) defined[e.name] = downwardFieldValue(pod, src.fieldRef.fieldPath) ?? '';
    else if (src.resourceFieldRef) defined[e.name] = resourceValue(pod, container, src.resourceFieldRef, snapshot.get('Node', '', pod.spec?.nodeName ?? ''));
  }
  // The list is shuffled below; building it services-first keeps the seeded order stable for pods without references.
  const merged: Record<string, string> = { ...services, ...defined };
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
