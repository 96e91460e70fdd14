/**
 * Secret validation (ValidateSecret / ValidateSecretUpdate, 1.32). `data` values arrive base64-encoded;
 * decoding failures are not field errors but BadRequest decode errors (see decode.ts).
 */
import type { FieldError } from '../../errors.js';
import type { KubeObject } from '../types.js';
import { forbidden, invalid, invalidEach, key, required, tooLong } from './field.js';
import { isConfigMapKey } from './names.js';
import { nameIsDNSSubdomain, validateObjectMeta, validateObjectMetaUpdate } from './meta.js';
import { semanticEqual } from './equality.js';
import { MAX_DATA_SIZE } from './configmap.js';
import { decodeBase64, encodeBase64 } from './base64.js';

function decodedSize(v: unknown): number {
  const r = decodeBase64(String(v ?? ''));
  return r.ok ? r.bytes.length : 0;
}

/** Keys the well-known secret types require in `data` (stringData is merged into data before this). */
function validateTypedData(secret: KubeObject, data: Record<string, unknown>): FieldError[] {
  const has = (k: string): boolean => k in data;
  switch (secret.type) {
    case 'kubernetes.io/service-account-token':
      return secret.metadata?.annotations?.['kubernetes.io/service-account.name']
        ? []
        : [required(key('metadata.annotations', 'kubernetes.io/service-account.name'))];
    case 'kubernetes.io/dockercfg':
      return has('.dockercfg') ? [] : [required(key('data', '.dockercfg'))];
    case 'kubernetes.io/dockerconfigjson':
      return has('.dockerconfigjson') ? [] : [required(key('data', '.dockerconfigjson'))];
    case 'kubernetes.io/basic-auth':
      return has('username') || has('password') ? [] : [required(key('data', 'username')), required(key('data', 'password'))];
    case 'kubernetes.io/ssh-auth':
      return decodedSize(data['ssh-privatekey']) > 0 ? [] : [required(key('data', 'ssh-privatekey'))];
    case 'kubernetes.io/tls':
      return [
        ...(has('tls.crt') ? [] : [required(key('data', 'tls.crt'))]),
        ...(has('tls.key') ? [] : [required(key('data', 'tls.key'))]),
      ];
    default:
      return [];
  }
}

/** `data` with `stringData` merged in (base64-encoded), as the server has it when it validates. */
export function mergedData(secret: KubeObject): Record<string, unknown> {
  const data: Record<string, unknown> = { ...(secret.data ?? {}) };
  for (const [k, v] of Object.entries(secret.stringData ?? {})) data[k] = encodeBase64(String(v ?? ''));
  return data;
}

/** Data keys must be config keys, 1 MiB total, plus the required keys of typed secrets. */
export function validateSecret(secret: KubeObject): FieldError[] {
  const errs = validateObjectMeta(secret.metadata, { namespaced: true, nameFn: nameIsDNSSubdomain });
  const data = mergedData(secret);
  let size = 0;
  for (const [k, v] of Object.entries(data)) {
    errs.push(...invalidEach(key('data', k), k, isConfigMapKey(k)));
    size += decodedSize(v);
  }
  if (size > MAX_DATA_SIZE) errs.push(tooLong('data', MAX_DATA_SIZE));
  return [...errs, ...validateTypedData(secret, data)];
}

/** `type` is immutable; an immutable Secret keeps its data. */
export function validateSecretUpdate(secret: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(secret.metadata, old.metadata);
  if ((secret.type ?? '') !== (old.type ?? '')) errs.push(invalid('type', secret.type ?? '', 'field is immutable'));
  if (old.immutable === true) {
    const msg = 'field is immutable when `immutable` is set';
    if (secret.immutable !== true) errs.push(forbidden('immutable', msg));
    if (!semanticEqual(mergedData(secret), old.data)) errs.push(forbidden('data', msg));
  }
  return [...errs, ...validateSecret(secret)];
}
