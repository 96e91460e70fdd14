import type { KubeObject } from '../api/types.js';
import { applyDefaults, addServiceAccountVolume } from '../api/defaults/index.js';
import { NAME_SUFFIX_ALPHABET, type Rng } from '../util/rng.js';

/**
 * What admission adds to every object on its way in, whoever sends it: server defaults, and for pods the
 * projected service-account token volume `kube-api-access-<5 chars>` (the ServiceAccount admission
 * plugin), unless the pod opts out of automounting or already has one.
 */
export function admitObject(obj: KubeObject, rng: Rng): KubeObject {
  let o = applyDefaults(obj);
  if (o.kind === 'Pod') o = withTokenVolume(o, rng);
  return o;
}

function withTokenVolume(pod: KubeObject, rng: Rng): KubeObject {
  if (pod.spec?.automountServiceAccountToken === false) return pod;
  if (pod.spec?.hostNetwork && pod.metadata.annotations?.['kubernetes.io/config.source'] === 'file') return pod; // static pods
  const has = (pod.spec?.volumes ?? []).some((v: { name: string }) => v.name.startsWith('kube-api-access-'));
  if (has) return pod;
  return addServiceAccountVolume(pod, rng.string(NAME_SUFFIX_ALPHABET, 5));
}

/** Objects controllers create go through the same admission (they were not validated: controllers are trusted). */
export const admitControllerObject = admitObject;
