import type { KubeObject, Json } from '../api/types.js';
import { downwardFieldValue } from '../api/downward-api.js';
import type { Snapshot } from '../api/snapshot.js';

/** What a container's volume mounts put into its file view. */
export interface MountedFiles {
  /** Files by absolute path. */
  files: Record<string, string>;
  /** Directories that exist (mount points and directories inside volumes). */
  dirs: string[];
  /** Mount points: whatever the image had below them is hidden by the mount. */
  mountPaths: string[];
}

type Entries = Record<string, string>;

/**
 * The files a container sees through its volumeMounts: emptyDir/hostPath as (empty) directories,
 * configMap and secret volumes as one file per key (or per `items` entry, at its `path`),
 * downwardAPI and projected volumes (the service-account token volume) from their sources. A
 * `subPath` mounts one entry of the volume at the mount path. File modes are not modelled.
 */
export function volumeFiles(pod: KubeObject, containerName: string, snapshot: Snapshot): MountedFiles {
  const out: MountedFiles = { files: {}, dirs: [], mountPaths: [] };
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])] as Json[];
  const c = containers.find((x) => x.name === containerName);
  const volumes = (pod.spec?.volumes ?? []) as Json[];
  for (const m of (c?.volumeMounts ?? []) as Json[]) {
    const v = volumes.find((x) => x.name === m.name);
    if (!v || typeof m.mountPath !== 'string') continue;
    const mountPath = normalize(m.mountPath);
    const entries = volumeEntries(v, pod, snapshot);
    out.mountPaths.push(mountPath);
    if (m.subPath) {
      const sub = normalize(String(m.subPath)).slice(1);
      if (entries !== undefined && sub in entries) out.files[mountPath] = entries[sub];
      else {
        out.dirs.push(mountPath);
        for (const [k, content] of Object.entries(entries ?? {})) if (k.startsWith(`${sub}/`)) out.files[`${mountPath}/${k.slice(sub.length + 1)}`] = content;
      }
      continue;
    }
    out.dirs.push(mountPath);
    for (const [k, content] of Object.entries(entries ?? {})) out.files[mountPath === '/' ? `/${k}` : `${mountPath}/${k}`] = content;
  }
  return out;
}

function normalize(p: string): string {
  const parts = p.split('/').filter((s) => s && s !== '.');
  return `/${parts.join('/')}`;
}

/** A volume's files relative to its root; undefined for volumes with no content of their own. */
function volumeEntries(v: Json, pod: KubeObject, snapshot: Snapshot): Entries | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  if (v.configMap) return configMapEntries(snapshot.get('ConfigMap', ns, v.configMap.name), v.configMap.items);
  if (v.secret) return secretEntries(snapshot.get('Secret', ns, v.secret.secretName), v.secret.items);
  if (v.downwardAPI) return downwardEntries(pod, v.downwardAPI.items);
  if (v.projected) {
    const out: Entries = {};
    for (const s of (v.projected.sources ?? []) as Json[]) {
      if (s.configMap) Object.assign(out, configMapEntries(snapshot.get('ConfigMap', ns, s.configMap.name), s.configMap.items));
      else if (s.secret) Object.assign(out, secretEntries(snapshot.get('Secret', ns, s.secret.name), s.secret.items));
      else if (s.downwardAPI) Object.assign(out, downwardEntries(pod, s.downwardAPI.items));
      else if (s.serviceAccountToken) out[s.serviceAccountToken.path ?? 'token'] = serviceAccountToken(pod);
    }
    return out;
  }
  return undefined;
}

function pick(all: Entries, items: Json[] | undefined): Entries {
  if (!items) return all;
  const out: Entries = {};
  for (const it of items) if (it.key in all) out[normalize(String(it.path ?? it.key)).slice(1)] = all[it.key];
  return out;
}

function configMapEntries(cm: KubeObject | undefined, items: Json[] | undefined): Entries {
  if (!cm) return {};
  const all: Entries = { ...(cm.data ?? {}) };
  for (const [k, b64] of Object.entries((cm.binaryData ?? {}) as Record<string, string>)) all[k] = Buffer.from(b64, 'base64').toString('latin1');
  return pick(all, items);
}

function secretEntries(secret: KubeObject | undefined, items: Json[] | undefined): Entries {
  if (!secret) return {};
  const all: Entries = {};
  for (const [k, b64] of Object.entries((secret.data ?? {}) as Record<string, string>)) all[k] = Buffer.from(b64, 'base64').toString('utf8');
  for (const [k, s] of Object.entries((secret.stringData ?? {}) as Record<string, string>)) all[k] = s;
  return pick(all, items);
}

function downwardEntries(pod: KubeObject, items: Json[] | undefined): Entries {
  const out: Entries = {};
  for (const it of items ?? []) {
    const field = it.fieldRef?.fieldPath;
    if (typeof field !== 'string' || typeof it.path !== 'string') continue;
    const value = downwardFieldValue(pod, field);
    if (value !== undefined) out[normalize(it.path).slice(1)] = value;
  }
  return out;
}


const b64url = (s: string) => Buffer.from(s).toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

/** A bound service-account token's shape (a JWT); the signature is not a real one. */
function serviceAccountToken(pod: KubeObject): string {
  const ns = pod.metadata.namespace ?? 'default';
  const sa = pod.spec?.serviceAccountName ?? 'default';
  const header = b64url(JSON.stringify({ alg: 'RS256', kid: 'kubesim' }));
  const payload = b64url(JSON.stringify({ aud: ['https://kubernetes.default.svc.cluster.local'], iss: 'https://kubernetes.default.svc.cluster.local', 'kubernetes.io': { namespace: ns, pod: { name: pod.metadata.name, uid: pod.metadata.uid ?? '' }, serviceaccount: { name: sa } }, sub: `system:serviceaccount:${ns}:${sa}` }));
  return `${header}.${payload}.${b64url(`kubesim:${pod.metadata.uid ?? pod.metadata.name}`)}`;
}
