import type { Json } from '../../api/types.js';
import { boolPtr, goBool } from './context.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './prefix-writer.js';
import { canonicalQuantity } from './quantity.js';

/**
 * describeVolumes: `⟨space⟩Volumes:\t<none>`, or `Volumes:` then per volume a name line (one extra space
 * inside a pod template) and its type-specific fields at level 2.
 */
export function describeVolumes(w: PrefixWriter, volumes: Json[] | undefined, space: string): void {
  const list = volumes ?? [];
  if (list.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of list) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${v.name}:\n`);
    writeVolumeSource(w, v);
  }
}

/** `Type:\t…` then `    Field:\tvalue` lines, the way describe.go's multi-line format strings do it. */
function typed(w: PrefixWriter, type: string, fields: [string, string][]): void {
  w.write(LEVEL_2, `Type:\t${type}\n`);
  for (const [k, v] of fields) w.write(LEVEL_2, `${k}:\t${v}\n`);
}

function writeVolumeSource(w: PrefixWriter, v: Json): void {
  if (v.hostPath) {
    typed(w, 'HostPath (bare host directory volume)', [
      ['Path', v.hostPath.path ?? ''],
      ['HostPathType', v.hostPath.type === undefined ? '<none>' : String(v.hostPath.type)],
    ]);
  } else if (v.emptyDir) {
    const limit = v.emptyDir.sizeLimit ? canonicalQuantity(v.emptyDir.sizeLimit) : '0';
    typed(w, "EmptyDir (a temporary directory that shares a pod's lifetime)", [
      ['Medium', v.emptyDir.medium ?? ''],
      ['SizeLimit', limit === '0' ? '<unset>' : limit],
    ]);
  } else if (v.secret) {
    typed(w, 'Secret (a volume populated by a Secret)', [
      ['SecretName', v.secret.secretName ?? ''],
      ['Optional', goBool(v.secret.optional)],
    ]);
  } else if (v.configMap) {
    typed(w, 'ConfigMap (a volume populated by a ConfigMap)', [
      ['Name', v.configMap.name ?? ''],
      ['Optional', goBool(v.configMap.optional)],
    ]);
  } else if (v.persistentVolumeClaim) {
    typed(w, 'PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)', [
      ['ClaimName', v.persistentVolumeClaim.claimName ?? ''],
      ['ReadOnly', goBool(v.persistentVolumeClaim.readOnly)],
    ]);
  } else if (v.nfs) {
    typed(w, 'NFS (an NFS mount that lasts the lifetime of a pod)', [
      ['Server', v.nfs.server ?? ''],
      ['Path', v.nfs.path ?? ''],
      ['ReadOnly', goBool(v.nfs.readOnly)],
    ]);
  } else if (v.downwardAPI) {
    writeDownwardAPI(w, v.downwardAPI);
  } else if (v.projected) {
    writeProjected(w, v.projected);
  } else if (v.csi) {
    writeCSI(w, v.csi);
  } else if (v.ephemeral) {
    w.write(LEVEL_2, 'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n');
  } else if (v.image) {
    typed(w, 'Image (a container image or OCI artifact)', [
      ['Reference', v.image.reference ?? ''],
      ['PullPolicy', v.image.pullPolicy ?? ''],
    ]);
  } else {
    w.write(LEVEL_1, '<unknown>\n');
  }
}

function writeDownwardAPI(w: PrefixWriter, d: Json): void {
  w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
  for (const item of d.items ?? []) {
    if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
    if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
  }
}

/**
 * Projected volumes (the kube-api-access-* volume): token expiry, the root CA config map and the
 * downward API. kubectl prints the `optional` *bool with `%v`: `<nil>` when unset (a set value would print
 * a Go pointer address; we print the bool instead).
 */
function writeProjected(w: PrefixWriter, p: Json): void {
  w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  for (const s of p.sources ?? []) {
    if (s.secret) {
      w.write(LEVEL_2, `SecretName:\t${s.secret.name ?? ''}\n`);
      w.write(LEVEL_2, `SecretOptionalName:\t${boolPtr(s.secret.optional)}\n`);
    } else if (s.downwardAPI) {
      w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
    } else if (s.configMap) {
      w.write(LEVEL_2, `ConfigMapName:\t${s.configMap.name ?? ''}\n`);
      w.write(LEVEL_2, `ConfigMapOptional:\t${boolPtr(s.configMap.optional)}\n`);
    } else if (s.serviceAccountToken) {
      w.write(LEVEL_2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3600}\n`);
    }
  }
}

/**
 * CSI inline volumes. Every attribute write gets its own level-2 prefix in Go, so values read
 * `VolumeAttributes:\t    k=v` and continuation lines carry 8 spaces before the tab.
 */
function writeCSI(w: PrefixWriter, csi: Json): void {
  typed(w, 'CSI (a Container Storage Interface (CSI) volume source)', [
    ['Driver', csi.driver ?? ''],
    ['FSType', csi.fsType ?? ''],
    ['ReadOnly', goBool(csi.readOnly)],
  ]);
  const attrs = Object.keys(csi.volumeAttributes ?? {}).sort();
  w.write(LEVEL_2, 'VolumeAttributes:\t');
  if (attrs.length === 0) {
    w.write(LEVEL_0, '<none>\n');
    return;
  }
  attrs.forEach((k, i) => {
    if (i !== 0) {
      w.write(LEVEL_2, ''); // initialIndent (empty) still gets a level-2 prefix
      w.write(LEVEL_2, '\t');
    }
    const line = `${k}=${csi.volumeAttributes[k]}`;
    w.write(LEVEL_2, line.length > 140 ? `${line.slice(0, 140)}...\n` : `${line}\n`);
  });
}
