/**
 * Pod volume validation (ValidateVolumes / validateVolumeSource): one source per volume, DNS-1123 label
 * names, unique names, and the required fields of the common sources.
 */
import type { FieldError } from '../../errors.js';
import type { Json } from '../types.js';
import { child, duplicate, forbidden, index, invalid, invalidEach, required } from './field.js';
import { isDNS1123Label } from './names.js';

/**
 * Volume source fields in the order the server checks them. The first one present is validated, each
 * further one is "may not specify more than 1 volume type".
 */
const SOURCES = [
  'emptyDir', 'hostPath', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'flocker', 'persistentVolumeClaim', 'rbd', 'cinder', 'cephfs', 'quobyte', 'downwardAPI', 'fc',
  'flexVolume', 'configMap', 'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk',
  'storageos', 'projected', 'scaleIO', 'csi', 'ephemeral', 'image',
];

/** Imitates a typo in the API server: the second-source error for downwardAPI names `downwarAPI`. */
const SECOND_SOURCE_PATH: Record<string, string> = { downwardAPI: 'downwarAPI', cephfs: 'cephFS' };

const FILE_MODE_MSG = 'must be a number between 0 and 0777 (octal), both inclusive';

function validateMode(mode: unknown, path: string): FieldError[] {
  return typeof mode === 'number' && (mode < 0 || mode > 0o777) ? [invalid(path, mode, FILE_MODE_MSG)] : [];
}

function validateKeyToPaths(items: Json[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (items ?? []).forEach((kp, i) => {
    const p = index(path, i);
    if (!kp.key) errs.push(required(child(p, 'key')));
    if (!kp.path) errs.push(required(child(p, 'path')));
    errs.push(...validateMode(kp.mode, child(p, 'mode')));
  });
  return errs;
}

/** A Secret or ConfigMap volume: the object's name (in `nameField`), the default mode and the key-to-path items. */
function validateKeyedSource(src: Json, path: string, nameField: string): FieldError[] {
  return [
    ...(src[nameField] ? [] : [required(child(path, nameField))]),
    ...validateMode(src.defaultMode, child(path, 'defaultMode')),
    ...validateKeyToPaths(src.items, child(path, 'items')),
  ];
}

function validateSource(kind: string, src: Json, path: string): FieldError[] {
  switch (kind) {
    case 'hostPath':
      return src.path ? [] : [required(child(path, 'path'))];
    case 'secret':
      return validateKeyedSource(src, path, 'secretName');
    case 'configMap':
      return validateKeyedSource(src, path, 'name');
    case 'persistentVolumeClaim':
      return src.claimName ? [] : [required(child(path, 'claimName'))];
    case 'downwardAPI':
    case 'projected':
      return validateMode(src.defaultMode, child(path, 'defaultMode'));
    default:
      return [];
  }
}

function validateVolumeSource(vol: Json, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const kind of SOURCES) {
    if (vol[kind] === undefined || vol[kind] === null) continue;
    if (count++ > 0) errs.push(forbidden(child(path, SECOND_SOURCE_PATH[kind] ?? kind), 'may not specify more than 1 volume type'));
    else errs.push(...validateSource(kind, vol[kind], child(path, kind)));
  }
  if (count === 0) errs.push(required(path, 'must specify a volume type'));
  return errs;
}

/** Validates `spec.volumes`; returns the errors and the names of the volumes that validated. */
export function validateVolumes(volumes: Json[] | undefined, path: string): { errs: FieldError[]; names: Set<string> } {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (volumes ?? []).forEach((vol, i) => {
    const p = index(path, i);
    const el = validateVolumeSource(vol, p);
    if (!vol.name) el.push(required(child(p, 'name')));
    else el.push(...invalidEach(child(p, 'name'), vol.name, isDNS1123Label(vol.name)));
    if (names.has(vol.name)) el.push(duplicate(child(p, 'name'), vol.name));
    // Like the server, a volume that has any error is not counted, so mounts of it are "Not found" too.
    if (el.length === 0) names.add(vol.name);
    else errs.push(...el);
  });
  return { errs, names };
}
