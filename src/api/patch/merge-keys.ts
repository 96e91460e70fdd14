/**
 * Patch metadata: which list fields merge, on which key (the `patchStrategy`/`patchMergeKey` struct tags
 * of k8s.io/api v0.32), keyed by the struct names of the API schema (schema/go-fields.ts), and the
 * walk through that schema that tells a patch which struct it is in.
 */
import type { Json } from '../types.js';
import { structFields } from '../schema/go-fields.js';
import { PatchError } from './errors.js';
import { goFormat, isObj } from './values.js';

/** How a list field merges. */
export interface ListMeta {
  /** Merge key for lists of objects; absent for merged lists of scalars (finalizers). */
  key?: string;
  retainKeys?: boolean;
}

const CONTAINER_LISTS: Record<string, ListMeta> = {
  ports: { key: 'containerPort' },
  env: { key: 'name' },
  volumeMounts: { key: 'mountPath' },
  volumeDevices: { key: 'devicePath' },
};

const MERGE_LISTS: Readonly<Record<string, Record<string, ListMeta>>> = {
  ObjectMeta: { finalizers: {}, ownerReferences: { key: 'uid' } },
  PodSpec: {
    volumes: { key: 'name', retainKeys: true },
    initContainers: { key: 'name' },
    containers: { key: 'name' },
    ephemeralContainers: { key: 'name' },
    imagePullSecrets: { key: 'name' },
    hostAliases: { key: 'ip' },
    topologySpreadConstraints: { key: 'topologyKey' },
    resourceClaims: { key: 'name', retainKeys: true },
    schedulingGates: { key: 'name' },
  },
  Container: CONTAINER_LISTS,
  EphemeralContainer: CONTAINER_LISTS,
  ServiceSpec: { ports: { key: 'port' } },
  NodeSpec: { podCIDRs: {} },
  'root:ServiceAccount': { secrets: { key: 'name' } },
  // Status structs are not walked; these are the merge lists of the common status types.
  status: { conditions: { key: 'type' }, addresses: { key: 'type' }, podIPs: { key: 'ip' }, hostIPs: { key: 'ip' } },
};

/** Map fields with `patchStrategy:"retainKeys"`. */
const RETAIN_KEYS_MAPS: Readonly<Record<string, string[]>> = { DeploymentSpec: ['strategy'] };

/** A type token of schema/go-fields.ts (`root:Service`, `ServiceSpec`, `[]Container`, `map[string]string`), `status`, or undefined when unknown. */
export type TypeRef = string | undefined;

/** The type of a kind's top-level object (`root:Service`), or undefined for kinds without a schema. */
export function rootType(obj: Json): TypeRef {
  const kind = isObj(obj) && typeof obj.kind === 'string' ? obj.kind : '';
  return kind && structFields(`root:${kind}`) ? `root:${kind}` : undefined;
}

/** The type of field `k` of a value of type `t`; a root's `status` is the pseudo-type `status`. */
export function fieldType(t: TypeRef, k: string): TypeRef {
  if (t === undefined) return undefined;
  if (t === 'status') return 'status';
  if (t.startsWith('map[string]')) return t.slice('map[string]'.length);
  const ft = structFields(t)?.get(k);
  if (ft === 'any' && k === 'status' && t.startsWith('root:')) return 'status';
  if (ft === 'any') return undefined;
  return ft;
}

/** The element type of a list type. */
export const elemType = (t: TypeRef): TypeRef => (t?.startsWith('[]') ? t.slice(2) : undefined);

/** The field's list strategy: `merge` with its key, or undefined for "replace the whole list". */
export function listMeta(t: TypeRef, k: string, sample: Json[]): ListMeta | undefined {
  if (t !== undefined && (structFields(t) || t === 'status')) return MERGE_LISTS[t]?.[k];
  // No type information (kinds outside the schema): recognise the common merge lists by name.
  const obj = sample.find(isObj);
  switch (k) {
    case 'containers':
    case 'initContainers':
    case 'ephemeralContainers':
    case 'volumes':
    case 'env':
    case 'imagePullSecrets':
      return obj ? { key: 'name' } : undefined;
    case 'volumeMounts':
      return obj ? { key: 'mountPath' } : undefined;
    case 'ports':
      return obj ? ('containerPort' in obj ? { key: 'containerPort' } : 'port' in obj ? { key: 'port' } : undefined) : undefined;
    case 'finalizers':
      return {};
    default:
      return undefined;
  }
}

/** True when map field `k` of type `t` has `patchStrategy:"retainKeys"`. */
export const retainKeysMap = (t: TypeRef, k: string): boolean => t !== undefined && (RETAIN_KEYS_MAPS[t]?.includes(k) ?? false);

/** apimachinery's error for a list element without its merge key. */
export const noMergeKey = (m: Json, key: string): PatchError =>
  new PatchError(`map: ${goFormat(m)} does not contain declared merge key: ${key}`);

/** The element's merge-key value (the element itself in scalar lists); throws when a map lacks the key. */
export function mergeKeyValue(item: Json, mergeKey: string): Json {
  if (!mergeKey) return item;
  if (!isObj(item) || !(mergeKey in item)) throw noMergeKey(item, mergeKey);
  return item[mergeKey];
}

/** True when `item` is a map whose merge key is set to `value`. */
export function hasMergeKeyValue(item: Json, mergeKey: string, value: Json): boolean {
  return isObj(item) && mergeKey in item && item[mergeKey] === value;
}
