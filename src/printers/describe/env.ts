import type { Json, KubeObject } from '../../api/types.js';
import { LEVEL_2, LEVEL_3, type PrefixWriter } from './prefix-writer.js';
import { intValue, milliValue, parseQuantity } from './quantity.js';

/**
 * describeContainerEnvVars: `Environment:\t<none>` or one `NAME:\tvalue` line per variable (further lines
 * of a multi-line value as `\tline`). valueFrom forms:
 *   fieldRef          `NAME:\t⟨resolved⟩ (v1:metadata.name)` (resolved from the pod; empty in templates)
 *   resourceFieldRef  `NAME:\t⟨value⟩ (limits.cpu)`, 0 for a limit reads `node allocatable`
 *   secretKeyRef      `NAME:\t<set to the key 'k' in secret 's'>\tOptional: false`
 *   configMapKeyRef   `NAME:\t<set to the key 'k' of config map 'c'>\tOptional: false`
 */
export function describeEnv(w: PrefixWriter, c: Json, pod: KubeObject | undefined): void {
  const env: Json[] = c.env ?? [];
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    if (!e.valueFrom) {
      String(e.value ?? '')
        .split('\n')
        .forEach((line, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${line}\n` : `\t${line}\n`));
      continue;
    }
    const vf = e.valueFrom;
    if (vf.fieldRef) {
      const value = pod ? resolveFieldPath(pod, vf.fieldRef.fieldPath ?? '') : '';
      w.write(LEVEL_3, `${e.name}:\t${value} (${vf.fieldRef.apiVersion ?? 'v1'}:${vf.fieldRef.fieldPath})\n`);
    } else if (vf.resourceFieldRef) {
      const res = vf.resourceFieldRef.resource ?? '';
      let value = resourceValue(c, vf.resourceFieldRef);
      if (value === '0' && (res === 'limits.cpu' || res === 'limits.memory')) value = 'node allocatable';
      w.write(LEVEL_3, `${e.name}:\t${value} (${res})\n`);
    } else if (vf.secretKeyRef) {
      const r = vf.secretKeyRef;
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${r.key}' in secret '${r.name}'>\tOptional: ${r.optional === true}\n`);
    } else if (vf.configMapKeyRef) {
      const r = vf.configMapKeyRef;
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${r.key}' of config map '${r.name}'>\tOptional: ${r.optional === true}\n`);
    }
  }
}

/** describeContainerEnvFrom: `Environment Variables from:` then `name\tConfigMap|Secret[ with prefix 'p']\tOptional: b`. */
export function describeEnvFrom(w: PrefixWriter, c: Json): void {
  w.write(LEVEL_2, 'Environment Variables from:\n');
  for (const e of c.envFrom as Json[]) {
    const ref = e.configMapRef ?? e.secretRef;
    const from = e.configMapRef ? 'ConfigMap' : e.secretRef ? 'Secret' : '';
    const optional = ref?.optional === true;
    const kind = e.prefix ? `${from} with prefix '${e.prefix}'` : from;
    w.write(LEVEL_3, `${ref?.name ?? ''}\t${kind}\tOptional: ${optional}\n`);
  }
}

/** fieldpath.ExtractFieldPathAsString for the paths the downward API allows; '' when unknown. */
export function resolveFieldPath(pod: KubeObject, path: string): string {
  const md = pod.metadata;
  const sub = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (sub) return (sub[1] === 'labels' ? md.labels : md.annotations)?.[sub[2]] ?? '';
  switch (path) {
    case 'metadata.name':
      return md.name;
    case 'metadata.namespace':
      return md.namespace ?? '';
    case 'metadata.uid':
      return md.uid ?? '';
    case 'metadata.labels':
      return formatMap(md.labels);
    case 'metadata.annotations':
      return formatMap(md.annotations);
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? '';
    case 'status.hostIP':
      return pod.status?.hostIP ?? '';
    case 'status.hostIPs':
      return (pod.status?.hostIPs ?? []).map((i: Json) => i.ip).join(',');
    case 'status.podIP':
      return pod.status?.podIP ?? '';
    case 'status.podIPs':
      return (pod.status?.podIPs ?? []).map((i: Json) => i.ip).join(',');
    default:
      return '';
  }
}

/** Downward-API map form: sorted `k="v"` lines. */
function formatMap(m: Record<string, string> | undefined): string {
  return Object.keys(m ?? {})
    .sort()
    .map((k) => `${k}=${JSON.stringify(m![k])}`)
    .join('\n');
}

/** ExtractContainerResourceValue: the container's own request/limit divided by the divisor, rounded up. */
function resourceValue(c: Json, ref: Json): string {
  const [kind, name] = String(ref.resource ?? '').split('.');
  const list = kind === 'limits' ? c.resources?.limits : kind === 'requests' ? c.resources?.requests : undefined;
  const q = parseQuantity(list?.[name]);
  const divisor = parseQuantity(ref.divisor ?? '1');
  if (name === 'cpu') return String(Math.ceil(milliValue(q) / Math.max(1, milliValue(divisor))));
  return String(Math.ceil(intValue(q) / Math.max(1, intValue(divisor))));
}
