import type { KubeObject } from '../../api/types.js';
import type { Snapshot } from '../../api/snapshot.js';

interface Volume {
  name: string;
  configMap?: { name: string; optional?: boolean; items?: Array<{ key: string }> };
  secret?: { secretName: string; optional?: boolean; items?: Array<{ key: string }> };
}

/**
 * Why the kubelet cannot set up a pod's volumes yet, in its FailedMount words: a ConfigMap or Secret
 * volume whose object (or an `items` key) does not exist and is not optional. undefined: all set.
 */
export function mountProblem(pod: KubeObject, snapshot: Snapshot): string | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  for (const v of (pod.spec?.volumes ?? []) as Volume[]) {
    const src = v.configMap ? { kind: 'ConfigMap', word: 'configmap', name: v.configMap.name, optional: v.configMap.optional, items: v.configMap.items } : v.secret ? { kind: 'Secret', word: 'secret', name: v.secret.secretName, optional: v.secret.optional, items: v.secret.items } : undefined;
    if (!src || src.optional) continue;
    const obj = snapshot.get(src.kind, ns, src.name);
    if (!obj) return `MountVolume.SetUp failed for volume "${v.name}" : ${src.word} "${src.name}" not found`;
    const keys = new Set(Object.keys({ ...(obj.data ?? {}), ...(obj.binaryData ?? {}) }));
    const absent = (src.items ?? []).find((i) => !keys.has(i.key));
    if (absent) return `MountVolume.SetUp failed for volume "${v.name}" : ${src.kind === 'ConfigMap' ? 'configmap references non-existent config key' : 'references non-existent secret key'}: ${absent.key}`;
  }
  return undefined;
}
