import type { KubeObject } from './types.js';

/**
 * A downward-API `fieldRef` value, as the kubelet resolves it for env vars and volume files: single
 * fields as they are; `metadata.labels` / `metadata.annotations` (volumes only) as sorted `key="value"`
 * lines; `metadata.labels['k']` one entry. undefined for a path the API does not offer.
 */
export function downwardFieldValue(pod: KubeObject, path: string): string | undefined {
  const md = pod.metadata;
  const map = (m: Record<string, string> | undefined) =>
    Object.keys(m ?? {})
      .sort()
      .map((k) => `${k}=${JSON.stringify(m![k])}`)
      .join('\n');
  const ips = (list: Array<{ ip: string }> | undefined) => (list ?? []).map((i) => i.ip).join(',');
  switch (path) {
    case 'metadata.name':
      return md.name;
    case 'metadata.namespace':
      return md.namespace ?? 'default';
    case 'metadata.uid':
      return md.uid ?? '';
    case 'metadata.labels':
      return map(md.labels);
    case 'metadata.annotations':
      return map(md.annotations);
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? 'default';
    case 'status.podIP':
      return pod.status?.podIP ?? '';
    case 'status.podIPs':
      return ips(pod.status?.podIPs);
    case 'status.hostIP':
      return pod.status?.hostIP ?? '';
    case 'status.hostIPs':
      return ips(pod.status?.hostIPs);
    default: {
      const m = path.match(/^metadata\.(labels|annotations)\['(.+)'\]$/);
      return m ? (md[m[1] as 'labels' | 'annotations'] ?? {})[m[2]] : undefined;
    }
  }
}
