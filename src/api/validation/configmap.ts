/**
 * ConfigMap validation (ValidateConfigMap / ValidateConfigMapUpdate, 1.32).
 */
import type { FieldError } from '../../errors.js';
import type { KubeObject } from '../types.js';
import { forbidden, invalid, invalidEach, key, tooLong } from './field.js';
import { byteLength, isConfigMapKey } from './names.js';
import { nameIsDNSSubdomain, validateObjectMeta, validateObjectMetaUpdate } from './meta.js';
import { semanticEqual } from './equality.js';

/** core.MaxSecretSize, shared by ConfigMaps and Secrets. */
export const MAX_DATA_SIZE = 1024 * 1024;

/** Data keys must be config keys and may not appear in both `data` and `binaryData`; 1 MiB total. */
export function validateConfigMap(cm: KubeObject): FieldError[] {
  const errs = validateObjectMeta(cm.metadata, { namespaced: true, nameFn: nameIsDNSSubdomain });
  const data: Record<string, string> = cm.data ?? {};
  const binary: Record<string, string> = cm.binaryData ?? {};
  let size = 0;
  for (const [k, v] of Object.entries(data)) {
    errs.push(...invalidEach(key('data', k), k, isConfigMapKey(k)));
    if (k in binary) errs.push(invalid(key('data', k), k, 'duplicate of key present in binaryData'));
    size += byteLength(String(v ?? ''));
  }
  for (const [k, v] of Object.entries(binary)) {
    errs.push(...invalidEach(key('binaryData', k), k, isConfigMapKey(k)));
    // binaryData travels base64-encoded; its decoded size counts.
    size += Math.floor((String(v ?? '').replace(/=+$/, '').length * 3) / 4);
  }
  // Imitates the server: the whole-object size error has an empty field path.
  if (size > MAX_DATA_SIZE) errs.push(tooLong('', MAX_DATA_SIZE));
  return errs;
}

/** An immutable ConfigMap may not be made mutable nor have its data changed. */
export function validateConfigMapUpdate(cm: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(cm.metadata, old.metadata);
  if (old.immutable === true) {
    const msg = 'field is immutable when `immutable` is set';
    if (cm.immutable !== true) errs.push(forbidden('immutable', msg));
    if (!semanticEqual(cm.data, old.data)) errs.push(forbidden('data', msg));
    if (!semanticEqual(cm.binaryData, old.binaryData)) errs.push(forbidden('binaryData', msg));
  }
  return [...errs, ...validateConfigMap(cm)];
}
