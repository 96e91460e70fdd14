/**
 * The ServiceAccount admission plugin's token volume. Kept apart from `applyDefaults` because its name
 * needs a random suffix, which the caller supplies.
 */
import { clone, type Json, type KubeObject } from '../types.js';

/** Where every container sees its service-account token. */
export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
const VOLUME_PREFIX = 'kube-api-access-';

function tokenVolume(name: string): Json {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    },
  };
}

/**
 * Adds the projected `kube-api-access-<suffix>` volume and a read-only mount of it at
 * /var/run/secrets/kubernetes.io/serviceaccount to every init and regular container (returns a new pod).
 * Like the plugin: nothing happens when `spec.automountServiceAccountToken` is false; containers that
 * already mount something at that path are left alone; an existing `kube-api-access-*` volume is reused.
 */
export function addServiceAccountVolume(pod: KubeObject, suffix: string): KubeObject {
  const out = clone(pod);
  const spec = (out.spec ??= {});
  if (spec.automountServiceAccountToken === false) return out;
  const existing = (spec.volumes ?? []).find((v: Json) => String(v.name ?? '').startsWith(VOLUME_PREFIX));
  const name: string = existing?.name ?? VOLUME_PREFIX + suffix;
  let needed = false;
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    if ((c.volumeMounts ?? []).some((m: Json) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH)) continue;
    c.volumeMounts = [...(c.volumeMounts ?? []), { mountPath: SERVICE_ACCOUNT_MOUNT_PATH, name, readOnly: true }];
    needed = true;
  }
  if (!existing && needed) spec.volumes = [...(spec.volumes ?? []), tokenVolume(name)];
  return out;
}
