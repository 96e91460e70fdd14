import { clone, type Json } from './types.js';
import { structFields } from './validation/strict.js';

/**
 * The three patch flavours kubectl speaks, pure, with apimachinery's semantics and error texts:
 * - JSON merge patch (RFC 7386): objects merge, `null` deletes, everything else replaces;
 * - strategic merge patch: like merge patch, but lists the API types declare as "merge" lists merge
 *   element by element on their merge key (containers by name, container ports by containerPort,
 *   service ports by port, …) and keep the elements the patch does not mention, so fields the server
 *   filled in (a nodePort, a pull policy) survive; directives `$patch`, `$setElementOrder/…`,
 *   `$deleteFromPrimitiveList/…`, `$retainKeys` are honoured;
 * - JSON patch (RFC 6902): add, remove, replace, move, copy, test (evanphx/json-patch v4 behaviour).
 * Also the two diffs kubectl computes: a two-way strategic patch (edit) and a three-way one (apply).
 */

type Obj = Record<string, Json>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A strategic-merge failure, with apimachinery's message (`map: map[name:foo] does not contain declared merge key: port`). */
export class PatchError extends Error {}

// ---------------------------------------------------------------------------------------------------
// JSON merge patch

export function jsonMergePatch(target: Json, patch: Json): Json {
  if (!isObj(patch)) return clone(patch);
  const out: Obj = isObj(target) ? clone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = jsonMergePatch(out[k], v);
  }
  return out;
}

/** RFC 7386 patch that turns `original` into `modified` (jsonpatch.CreateMergePatch). */
export function createMergePatch(original: Json, modified: Json): Obj {
  const patch: Obj = {};
  const o = isObj(original) ? original : {};
  const m = isObj(modified) ? modified : {};
  for (const [k, v] of Object.entries(m)) {
    if (!(k in o)) patch[k] = clone(v);
    else if (isObj(v) && isObj(o[k])) {
      const sub = createMergePatch(o[k], v);
      if (Object.keys(sub).length) patch[k] = sub;
    } else if (!deepEqual(o[k], v)) patch[k] = clone(v);
  }
  for (const k of Object.keys(o)) if (!(k in m)) patch[k] = null;
  return patch;
}

// ---------------------------------------------------------------------------------------------------
// Patch metadata: which list fields merge, on which key (the `patchStrategy`/`patchMergeKey` struct
// tags of k8s.io/api v0.32), keyed by the struct names of validation/schema.ts.

interface ListMeta {
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
  EphemeralContainerCommon: CONTAINER_LISTS,
  EphemeralContainer: CONTAINER_LISTS,
  ServiceSpec: { ports: { key: 'port' } },
  NodeSpec: { podCIDRs: {} },
  'root:ServiceAccount': { secrets: { key: 'name' } },
  // Status structs are not in the schema; these are the merge lists of the common status types.
  status: { conditions: { key: 'type' }, addresses: { key: 'type' }, podIPs: { key: 'ip' }, hostIPs: { key: 'ip' } },
};

/** Map fields with `patchStrategy:"retainKeys"`. */
const RETAIN_KEYS_MAPS: Readonly<Record<string, string[]>> = { DeploymentSpec: ['strategy'] };

/** A type token of validation/schema.ts (`root:Service`, `ServiceSpec`, `[]Container`, `map[string]string`), or undefined when unknown. */
type TypeRef = string | undefined;

function rootType(obj: Json): TypeRef {
  const kind = isObj(obj) && typeof obj.kind === 'string' ? obj.kind : '';
  return kind && structFields(`root:${kind}`) ? `root:${kind}` : undefined;
}

function fieldType(t: TypeRef, k: string): TypeRef {
  if (t === undefined) return undefined;
  if (t === 'status') return 'status';
  if (t.startsWith('map[string]')) return t.slice('map[string]'.length);
  const ft = structFields(t)?.get(k);
  if (ft === 'any' && k === 'status' && t.startsWith('root:')) return 'status';
  if (ft === 'any') return undefined;
  return ft;
}

const elemType = (t: TypeRef): TypeRef => (t?.startsWith('[]') ? t.slice(2) : undefined);

/** The field's list strategy: `merge` with its key, or undefined for "replace the whole list". */
function listMeta(t: TypeRef, k: string, sample: Json[]): ListMeta | undefined {
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

const retainKeysMap = (t: TypeRef, k: string) => t !== undefined && (RETAIN_KEYS_MAPS[t]?.includes(k) ?? false);

// ---------------------------------------------------------------------------------------------------
// Go formatting helpers for apimachinery's error texts

/** Go's `%v` of decoded JSON: `map[a:1 b:[x y]]`, `<nil>`. */
export function goFormat(v: Json): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goFormat).join(' ')}]`;
  if (isObj(v)) {
    const keys = Object.keys(v).sort();
    return `map[${keys.map((k) => `${k}:${goFormat(v[k])}`).join(' ')}]`;
  }
  return String(v);
}

const noMergeKey = (m: Json, key: string) => new PatchError(`map: ${goFormat(m)} does not contain declared merge key: ${key}`);

// ---------------------------------------------------------------------------------------------------
// Strategic merge patch (apimachinery strategicpatch.StrategicMergeMapPatch)

const DIRECTIVE = '$patch';
const SET_ORDER = '$setElementOrder';
const DELETE_PRIMITIVE = '$deleteFromPrimitiveList';
const RETAIN_KEYS = '$retainKeys';

interface MergeOptions {
  /** Apply `$deleteFromPrimitiveList` / `$setElementOrder` (true when applying; false when combining patches). */
  mergeParallelList: boolean;
  /** Drop `null`s the original does not have (true when applying). */
  ignoreUnmatchedNulls: boolean;
}

const APPLYING: MergeOptions = { mergeParallelList: true, ignoreUnmatchedNulls: true };

/**
 * Applies a strategic merge patch. The list semantics come from the API types of `target.kind` (kinds
 * without a schema fall back to recognising the common merge lists by name). Throws PatchError with
 * apimachinery's message when the patch cannot apply.
 */
export function strategicMergePatch(target: Json, patch: Json): Json {
  if (!isObj(patch)) throw new PatchError('invalid JSON document');
  const t = rootType(target) ?? rootType(patch);
  return mergeMap(isObj(target) ? clone(target) : {}, clone(patch), t, APPLYING);
}

function kindOf(v: Json): 'map' | 'slice' | 'string' | 'number' | 'bool' | 'null' {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'slice';
  if (typeof v === 'object') return 'map';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return 'number';
}

function mergeMap(original: Obj | null | undefined, patch: Obj, t: TypeRef, opts: MergeOptions): Obj {
  if (DIRECTIVE in patch) {
    const d = patch[DIRECTIVE];
    if (d === 'replace') {
      delete patch[DIRECTIVE];
      return patch;
    }
    if (d === 'delete') return {};
    throw new PatchError(`unknown patch type: ${goFormat(d)} in map: ${goFormat(patch)}`);
  }
  const out: Obj = original ?? {};
  applyRetainKeys(out, patch, opts);
  mergePatchIntoOriginal(out, patch, t, opts);
  for (const [rawKey, patchV] of Object.entries(patch)) {
    let k = rawKey;
    let isDeleteList = false;
    if (rawKey.startsWith(`${DELETE_PRIMITIVE}/`)) {
      if (!opts.mergeParallelList) {
        out[rawKey] = patchV;
        continue;
      }
      k = rawKey.slice(DELETE_PRIMITIVE.length + 1);
      isDeleteList = true;
    }
    if (patchV === null) {
      delete out[k];
      if (opts.ignoreUnmatchedNulls) continue;
    }
    if (!(k in out)) {
      // A deletion list for a field the original lacks deletes nothing (and adds nothing).
      if (!isDeleteList) out[k] = patchV;
      continue;
    }
    const ok = kindOf(out[k]);
    if (ok !== kindOf(patchV)) {
      out[k] = patchV;
      continue;
    }
    const ft = fieldType(t, k);
    if (ok === 'map') {
      out[k] = mergeMap(out[k], patchV, ft, opts);
    } else if (ok === 'slice') {
      const meta = listMeta(t, k, [...out[k], ...patchV]);
      out[k] = meta ? mergeSlice(out[k], patchV, elemType(ft), meta, opts, isDeleteList) : patchV;
    } else {
      out[k] = patchV;
    }
  }
  return out;
}

/** `$retainKeys`: clear the original's fields the directive does not list. */
function applyRetainKeys(original: Obj, patch: Obj, opts: MergeOptions): void {
  if (!(RETAIN_KEYS in patch)) return;
  const list = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!opts.mergeParallelList) {
    original[RETAIN_KEYS] = list;
    return;
  }
  if (!Array.isArray(list)) throw new PatchError('invalid patch: doesn\'t support retainKeys format');
  const keep = new Set(list);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(`${DELETE_PRIMITIVE}/`) || k.startsWith(`${SET_ORDER}/`)) continue;
    if (!keep.has(k)) throw new PatchError('invalid patch: doesn\'t support retainKeys format');
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
}

/** `$setElementOrder/<field>`: merges the field's list and orders it as the directive says. */
function mergePatchIntoOriginal(original: Obj, patch: Obj, t: TypeRef, opts: MergeOptions): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(`${SET_ORDER}/`)) continue;
    const order = patch[key];
    if (!opts.mergeParallelList) {
      if (key in original && !deepEqual(original[key], order)) throw new PatchError("invalid patch: doesn't support setElementOrder format");
      original[key] = order;
    }
    delete patch[key];
    if (!Array.isArray(order)) throw new PatchError("invalid patch: doesn't support setElementOrder format");
    const field = key.slice(SET_ORDER.length + 1);
    const foundOriginal = field in original;
    const foundPatch = field in patch;
    const originalList: Json[] = foundOriginal ? asList(original[field]) : [];
    const patchList: Json[] = foundPatch ? asList(patch[field]) : [];
    const meta = listMeta(t, field, [...originalList, ...patchList, ...order]) ?? {};
    const mergeKey = meta.key ?? '';
    validatePatchWithSetOrderList(patchList, order, mergeKey);
    let merged: Json[];
    if (foundOriginal && !foundPatch) merged = originalList;
    else if (!foundOriginal && foundPatch) merged = patchList;
    else if (foundOriginal && foundPatch) merged = mergeSlice(originalList, patchList, elemType(fieldType(t, field)), meta, opts, false);
    else continue;
    const [patchItems, serverOnly] = mergeKey ? partitionMaps(merged, order, mergeKey) : partitionPrimitives(merged, order);
    const kind = elementKind(originalList, patchList);
    original[field] = normalizeElementOrder(patchItems, serverOnly, order, originalList, mergeKey, kind);
    delete patch[field];
  }
}

function asList(v: Json): Json[] {
  if (!Array.isArray(v)) throw new PatchError(`expected a list, got ${goFormat(v)}`);
  return v;
}

function validatePatchWithSetOrderList(patchList: Json[], order: Json[], mergeKey: string): void {
  if (order.length === 0 || patchList.length === 0) return;
  const nonDelete = mergeKey ? patchList.filter((p) => !(isObj(p) && p[DIRECTIVE] === 'delete')) : patchList;
  let pi = 0;
  let oi = 0;
  while (pi < nonDelete.length && oi < order.length) {
    if (isObj(nonDelete[pi]) && DIRECTIVE in nonDelete[pi]) {
      pi++;
      continue;
    }
    if (mergeKeyValue(nonDelete[pi], mergeKey) === mergeKeyValue(order[oi], mergeKey)) pi++;
    oi++;
  }
  if (pi < nonDelete.length && oi >= order.length) {
    throw new PatchError(`The order in patch list:\n${goFormat(patchList)}\n doesn't match ${SET_ORDER} list:\n${goFormat(order)}\n`);
  }
}

function mergeKeyValue(item: Json, mergeKey: string): Json {
  if (!mergeKey) return item;
  if (!isObj(item) || !(mergeKey in item)) throw noMergeKey(item, mergeKey);
  return item[mergeKey];
}

function elementKind(...lists: Json[][]): string {
  let kind: string | undefined;
  for (const l of lists) {
    for (const v of l) {
      const k = kindOf(v);
      if (kind === undefined) {
        kind = k;
        if (k === 'slice') throw new PatchError('lists of lists are not supported');
      } else if (k !== kind) throw new PatchError(`list element types are not identical: ${goFormat(lists)}`);
    }
  }
  if (kind === undefined) throw new PatchError('no elements in any of the given slices');
  return kind;
}

function mergeSlice(original: Json[], patch: Json[], et: TypeRef, meta: ListMeta, opts: MergeOptions, isDeleteList: boolean): Json[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = elementKind(original, patch);
  let merged: Json[];
  let orig = original;
  let pat = patch;
  const mergeKey = kind === 'map' ? meta.key : '';
  if (kind !== 'map') {
    if (opts.mergeParallelList && isDeleteList) return deleteFromSlice(original, patch);
    merged = deduplicateScalars([...original, ...patch]);
  } else {
    if (!mergeKey) throw new PatchError('cannot merge lists without merge key for type map');
    [orig, pat] = mergeSliceWithSpecialElements(original, patch, mergeKey);
    merged = mergeSliceWithoutSpecialElements(orig, pat, mergeKey, et, opts);
  }
  const [patchItems, serverOnly] = mergeKey ? partitionMaps(merged, pat, mergeKey) : partitionPrimitives(merged, pat);
  return normalizeElementOrder(patchItems, serverOnly, pat, orig, mergeKey ?? '', kind);
}

function mergeSliceWithSpecialElements(original: Json[], patch: Json[], mergeKey: string): [Json[], Json[]] {
  const plain: Json[] = [];
  let replace = false;
  let orig = original;
  for (const v of patch) {
    if (!isObj(v) || !(DIRECTIVE in v)) {
      plain.push(v);
      continue;
    }
    switch (v[DIRECTIVE]) {
      case 'delete':
        if (!(mergeKey in v)) throw noMergeKey(v, mergeKey);
        orig = orig.filter((o) => !(isObj(o) && mergeKey in o && o[mergeKey] === v[mergeKey]));
        break;
      case 'replace':
        replace = true;
        break;
      case 'merge':
        throw new PatchError('merging lists cannot yet be specified in the patch');
      default:
        throw new PatchError(`unknown patch type: ${goFormat(v[DIRECTIVE])} in map: ${goFormat(v)}`);
    }
  }
  return replace ? [plain, []] : [orig, plain];
}

function mergeSliceWithoutSpecialElements(original: Json[], patch: Json[], mergeKey: string, et: TypeRef, opts: MergeOptions): Json[] {
  const out = [...original];
  for (const v of patch) {
    if (!isObj(v) || !(mergeKey in v)) throw noMergeKey(v, mergeKey);
    const i = out.findIndex((o) => {
      if (!isObj(o)) throw new PatchError(`value for key ${out.indexOf(o)} is not a map.`);
      return mergeKey in o && o[mergeKey] === v[mergeKey];
    });
    if (i >= 0) out[i] = mergeMap(out[i], v, et, opts);
    else out.push(v);
  }
  return out;
}

function deleteFromSlice(current: Json[], toDelete: Json[]): Json[] {
  return current.filter((v) => !toDelete.includes(v));
}

/** Go's in-place "clever" de-duplication, which moves the last element into each duplicate's slot. */
function deduplicateScalars(input: Json[]): Json[] {
  const s = [...input];
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (s[i] === s[j]) {
        s[j] = s[length];
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}

function partitionPrimitives(items: Json[], by: Json[]): [Json[], Json[]] {
  const inPatch = new Set(by);
  return [items.filter((v) => inPatch.has(v)), items.filter((v) => !inPatch.has(v))];
}

function partitionMaps(items: Json[], by: Json[], mergeKey: string): [Json[], Json[]] {
  const patch: Json[] = [];
  const serverOnly: Json[] = [];
  for (const v of items) {
    const val = mergeKeyValue(v, mergeKey);
    if (by.some((b) => isObj(b) && mergeKey in b && b[mergeKey] === val)) patch.push(v);
    else serverOnly.push(v);
  }
  return [patch, serverOnly];
}

function indexIn(list: Json[], item: Json, mergeKey: string, kind: string): number {
  const val = (x: Json) => (kind === 'map' ? (isObj(x) ? x[mergeKey] : undefined) : x);
  const want = val(item);
  return list.findIndex((x) => val(x) === want);
}

/** Go's sort.SliceStable (an insertion sort at these sizes) with normalizeSliceOrder's comparator. */
function normalizeSliceOrder(toSort: Json[], order: Json[], mergeKey: string, kind: string): Json[] {
  let items = [...toSort];
  let toDelete: Json[] = [];
  if (kind === 'map') {
    for (const x of [...items, ...order]) mergeKeyValue(x, mergeKey);
    toDelete = items.filter((x) => x[DIRECTIVE] === 'delete');
    items = items.filter((x) => x[DIRECTIVE] !== 'delete');
  }
  const less = (a: Json, b: Json) => {
    const ia = indexIn(order, a, mergeKey, kind);
    if (ia >= 0) {
      const ib = indexIn(order, b, mergeKey, kind);
      if (ib >= 0) return ia < ib;
    }
    return true;
  };
  for (let i = 1; i < items.length; i++) {
    for (let j = i; j > 0 && less(items[j], items[j - 1]); j--) [items[j], items[j - 1]] = [items[j - 1], items[j]];
  }
  return [...items, ...toDelete];
}

/**
 * Orders a merged list: the patch's items in patch order, the server-only items in live order, then the
 * two interleaved by their live positions (strategicpatch.normalizeElementOrder / mergeSortedSlice).
 */
function normalizeElementOrder(patch: Json[], serverOnly: Json[], patchOrder: Json[], serverOrder: Json[], mergeKey: string, kind: string): Json[] {
  const right = normalizeSliceOrder(patch, patchOrder, mergeKey, kind);
  const left = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  const out: Json[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexIn(serverOrder, left[i], mergeKey, kind);
      const ri = indexIn(serverOrder, right[j], mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Strategic diffs (strategicpatch.CreateTwoWayMergePatch / CreateThreeWayMergePatch)

interface DiffOptions {
  ignoreChangesAndAdditions?: boolean;
  ignoreDeletions?: boolean;
  setElementOrder?: boolean;
  buildRetainKeys?: boolean;
}

/**
 * The strategic merge patch from `original` to `modified`, as `kubectl edit` sends it: changed fields,
 * `null` for removed ones, `$setElementOrder/…` and `$patch: delete` / `$deleteFromPrimitiveList/…`
 * for merge lists. Keys come out sorted, as Go marshals maps.
 */
export function createTwoWayMergePatch(original: Json, modified: Json): Obj {
  const t = rootType(modified) ?? rootType(original);
  return sortDeep(diffMaps(isObj(original) ? original : {}, isObj(modified) ? modified : {}, t, { setElementOrder: true }));
}

/**
 * The patch `kubectl apply` sends: the fields of `modified` that differ from `current` (the live object;
 * the last applied configuration when not given), plus deletions of what the user removed since the
 * last applied configuration. Merge lists carry `$patch: delete` directives and `$setElementOrder`.
 */
export function threeWayPatch(lastApplied: Json, modified: Json, current?: Json): Json {
  if (!isObj(modified)) return clone(modified);
  const original = isObj(lastApplied) ? lastApplied : {};
  const live = isObj(current) ? current : original;
  const t = rootType(modified);
  const delta = diffMaps(live, modified, t, { ignoreDeletions: true, setElementOrder: true });
  const deletions = diffMaps(original, modified, t, { ignoreChangesAndAdditions: true, setElementOrder: true });
  return sortDeep(mergeMap(deletions, delta, t, { mergeParallelList: false, ignoreUnmatchedNulls: false }));
}

function diffMaps(original: Obj, modified: Obj, t: TypeRef, o: DiffOptions): Obj {
  const patch: Obj = {};
  const retain: string[] = [];
  for (const [key, mv] of Object.entries(modified)) {
    if (o.buildRetainKeys && mv !== null) retain.push(key);
    if (!(key in original)) {
      if (!o.ignoreChangesAndAdditions) patch[key] = clone(mv);
      continue;
    }
    const ov = original[key];
    if (key === DIRECTIVE) {
      if (ov !== mv) patch[key] = mv;
      continue;
    }
    if (kindOf(ov) !== kindOf(mv)) {
      if (!o.ignoreChangesAndAdditions) patch[key] = clone(mv);
      continue;
    }
    if (isObj(ov)) {
      const sub = diffMaps(ov, mv, fieldType(t, key), { ...o, buildRetainKeys: retainKeysMap(t, key) });
      if (Object.keys(sub).length) patch[key] = sub;
    } else if (Array.isArray(ov)) {
      diffSliceInto(patch, key, ov, mv, t, o);
    } else if (!o.ignoreChangesAndAdditions && !deepEqual(ov, mv)) {
      patch[key] = mv;
    }
  }
  if (!o.ignoreDeletions) for (const key of Object.keys(original)) if (!(key in modified)) patch[key] = null;
  const hasExtra = Object.entries(original).some(([k, v]) => v !== null && !(k in modified));
  if (retain.length && (Object.keys(patch).length || hasExtra)) patch[RETAIN_KEYS] = [...retain].sort();
  return patch;
}

function diffSliceInto(patch: Obj, key: string, original: Json[], modified: Json[], t: TypeRef, o: DiffOptions): void {
  const meta = listMeta(t, key, [...original, ...modified]);
  if (!meta) {
    if (!o.ignoreChangesAndAdditions && !deepEqual(original, modified)) patch[key] = clone(modified);
    return;
  }
  const [add, del, order] = diffLists(original, modified, elemType(fieldType(t, key)), meta, { ...o, buildRetainKeys: meta.retainKeys });
  if (add.length) patch[key] = add;
  if (del.length) patch[`${DELETE_PRIMITIVE}/${key}`] = del;
  if (order.length) patch[`${SET_ORDER}/${key}`] = order;
}

function diffLists(original: Json[], modified: Json[], et: TypeRef, meta: ListMeta, o: DiffOptions): [Json[], Json[], Json[]] {
  if (original.length === 0) return modified.length === 0 || o.ignoreChangesAndAdditions ? [[], [], []] : [clone(modified), [], []];
  const kind = elementKind(original, modified);
  if (kind === 'map') {
    const mergeKey = meta.key ?? '';
    const [patchList0, deleteList] = diffListsOfMaps(original, modified, et, mergeKey, o);
    const patchList = [...normalizeSliceOrder(patchList0, modified, mergeKey, kind), ...deleteList];
    const orderSame = original.length === modified.length && original.every((x, i) => mergeKeyValue(x, mergeKey) === mergeKeyValue(modified[i], mergeKey));
    let order: Json[] = [];
    if (o.setElementOrder && ((!o.ignoreChangesAndAdditions && (patchList.length > 0 || !orderSame)) || (!o.ignoreDeletions && patchList.length > 0))) {
      order = modified.map((m) => ({ [mergeKey]: m[mergeKey] }));
    }
    return [patchList, [], order];
  }
  const [add, del] = diffListsOfScalars(original, modified, o);
  const patchList = normalizeSliceOrder(add, modified, '', kind);
  const order = o.setElementOrder && ((!o.ignoreDeletions && del.length > 0) || (!o.ignoreChangesAndAdditions && !deepEqual(original, modified))) ? clone(modified) : [];
  return [patchList, del, order];
}

const goString = (v: Json) => (typeof v === 'string' ? v : goFormat(v));
const byString = (a: Json, b: Json) => (goString(a) < goString(b) ? -1 : goString(a) > goString(b) ? 1 : 0);

function diffListsOfMaps(original: Json[], modified: Json[], et: TypeRef, mergeKey: string, o: DiffOptions): [Json[], Json[]] {
  const patch: Json[] = [];
  const deletions: Json[] = [];
  const keyOf = (m: Json) => goString(mergeKeyValue(m, mergeKey));
  const os = [...original].sort((a, b) => byString(keyOf(a), keyOf(b)));
  const ms = [...modified].sort((a, b) => byString(keyOf(a), keyOf(b)));
  let i = 0;
  let j = 0;
  while (i < os.length || j < ms.length) {
    const ok = i < os.length ? keyOf(os[i]) : undefined;
    const mk = j < ms.length ? keyOf(ms[j]) : undefined;
    if (ok !== undefined && mk !== undefined && ok === mk) {
      const sub = diffMaps(os[i], ms[j], et, o);
      if (Object.keys(sub).length) patch.push({ ...sub, [mergeKey]: ms[j][mergeKey] });
      i++;
      j++;
    } else if (ok === undefined || (mk !== undefined && ok > mk)) {
      if (!o.ignoreChangesAndAdditions) patch.push(clone(ms[j]));
      j++;
    } else {
      if (!o.ignoreDeletions) deletions.push({ [mergeKey]: os[i][mergeKey], [DIRECTIVE]: 'delete' });
      i++;
    }
  }
  return [patch, deletions];
}

function diffListsOfScalars(original: Json[], modified: Json[], o: DiffOptions): [Json[], Json[]] {
  const os = [...original].sort(byString);
  const ms = [...modified].sort(byString);
  const add: Json[] = [];
  const del: Json[] = [];
  let i = 0;
  let j = 0;
  while (i < os.length || j < ms.length) {
    const a = i < os.length ? goString(os[i]) : undefined;
    const b = j < ms.length ? goString(ms[j]) : undefined;
    if (a !== undefined && b !== undefined && a === b) {
      i++;
      j++;
    } else if (a === undefined || (b !== undefined && a > b)) {
      if (!o.ignoreChangesAndAdditions) add.push(ms[j]);
      j++;
    } else {
      if (!o.ignoreDeletions) del.push(os[i]);
      i++;
    }
  }
  return [add, deduplicateScalars(del)];
}

function sortDeep<T>(v: T): T {
  if (Array.isArray(v)) return v.map(sortDeep) as T;
  if (isObj(v)) {
    const out: Obj = {};
    for (const k of Object.keys(v).sort()) out[k] = sortDeep(v[k]);
    return out as T;
  }
  return v;
}

/** Structural equality of JSON values (Go's reflect.DeepEqual on decoded JSON). */
export function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObj(a)) {
    if (!isObj(b)) return false;
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------
// JSON patch (RFC 6902, evanphx/json-patch v4 texts)

export class JsonPatchError extends Error {}

export interface JsonPatchOp {
  op?: string;
  path?: string;
  from?: string;
  value?: Json;
}

function splitPointer(path: string): string[] {
  // json-patch v4 drops the first segment, whatever it is: "/a/b" and "x/a/b"… both name a/b's parent.
  return path
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The container and last key of `path` (findObject), or undefined when an intermediate step is missing. */
function findObject(doc: Json, path: string): [Json, string] | undefined {
  const parts = path.split('/');
  if (parts.length < 2) return undefined;
  const steps = splitPointer(path);
  const key = steps.pop()!;
  let cur = doc;
  for (const s of steps) {
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(s) || Number(s) >= cur.length) return undefined;
      cur = cur[Number(s)];
    } else if (isObj(cur)) {
      if (!(s in cur)) return undefined;
      cur = cur[s];
    } else return undefined;
    if (cur === null || typeof cur !== 'object') return undefined;
  }
  return [cur, key];
}

function getValue(doc: Json, path: string): Json {
  if (path === '') return doc;
  const found = findObject(doc, path);
  if (!found) return undefined;
  const [con, key] = found;
  if (Array.isArray(con)) return /^\d+$/.test(key) ? con[Number(key)] : undefined;
  return con[key];
}

/** Applies RFC 6902 operations; errors carry json-patch's messages (`Unexpected kind: bogus`, …). */
export function jsonPatch(target: Json, ops: JsonPatchOp[]): Json {
  let doc = clone(target);
  for (const o of ops) {
    const op = typeof o.op === 'string' ? o.op : 'unknown';
    if (!['add', 'remove', 'replace', 'move', 'copy', 'test'].includes(op)) throw new JsonPatchError(`Unexpected kind: ${op}`);
    if (typeof o.path !== 'string') throw new JsonPatchError(`${op} operation failed to decode path: operation missing path field: missing value`);
    const path = o.path;
    switch (op) {
      case 'add':
        doc = add(doc, path, clone(o.value ?? null), 'add');
        break;
      case 'remove':
        remove(doc, path, 'remove');
        break;
      case 'replace': {
        if (path === '') {
          doc = clone(o.value ?? null);
          break;
        }
        const found = findObject(doc, path);
        if (!found) throw new JsonPatchError(`replace operation does not apply: doc is missing path: ${path}: missing value`);
        const [con, key] = found;
        if (Array.isArray(con)) {
          const i = Number(key);
          if (!/^\d+$/.test(key) || i >= con.length) throw new JsonPatchError(`replace operation does not apply: doc is missing key: ${path}: missing value`);
          con[i] = clone(o.value ?? null);
        } else con[key] = clone(o.value ?? null);
        break;
      }
      case 'move': {
        if (typeof o.from !== 'string') throw new JsonPatchError('move operation failed to decode from: operation missing from field: missing value');
        const found = findObject(doc, o.from);
        if (!found) throw new JsonPatchError(`move operation does not apply: doc is missing from path: ${o.from}: missing value`);
        const v = getValue(doc, o.from);
        remove(doc, o.from, 'move');
        doc = add(doc, path, v, 'move');
        break;
      }
      case 'copy': {
        if (typeof o.from !== 'string') throw new JsonPatchError('copy operation failed to decode from: operation missing from field: missing value');
        if (!findObject(doc, o.from)) throw new JsonPatchError(`copy operation does not apply: doc is missing from path: ${o.from}: missing value`);
        doc = add(doc, path, clone(getValue(doc, o.from) ?? null), 'copy');
        break;
      }
      case 'test': {
        const actual = getValue(doc, path);
        if (!deepEqual(actual ?? null, o.value ?? null)) throw new JsonPatchError(`testing value ${path} failed: test failed`);
        break;
      }
    }
  }
  return doc;
}

function add(doc: Json, path: string, value: Json, op: string): Json {
  if (path === '') return value;
  const found = findObject(doc, path);
  if (!found) throw new JsonPatchError(`${op} operation does not apply: doc is missing path: ${goQuoted(path)}: missing value`);
  const [con, key] = found;
  if (Array.isArray(con)) {
    const i = key === '-' ? con.length : Number(key);
    if (!(key === '-' || /^-?\d+$/.test(key)) || i > con.length || i < -con.length) {
      throw new JsonPatchError(`error in ${op} for path: '${path}': Unable to access invalid index: ${key}: invalid index referenced`);
    }
    con.splice(i < 0 ? con.length + i : i, 0, value);
  } else con[key] = value;
  return doc;
}

function remove(doc: Json, path: string, op: string): void {
  const found = findObject(doc, path);
  const shown = op === 'move' ? path.split('/').pop() : path;
  if (!found) throw new JsonPatchError(`${op} operation does not apply: doc is missing path: ${goQuoted(path)}: missing value`);
  const [con, key] = found;
  if (Array.isArray(con)) {
    const i = Number(key);
    if (!/^-?\d+$/.test(key) || i >= con.length || i < -con.length) {
      throw new JsonPatchError(`error in ${op} for path: '${shown}': Unable to access invalid index: ${key}: invalid index referenced`);
    }
    con.splice(i < 0 ? con.length + i : i, 1);
  } else {
    if (!(key in con)) throw new JsonPatchError(`error in ${op} for path: '${shown}': Unable to remove nonexistent key: ${key}: missing value`);
    delete con[key];
  }
}

function goQuoted(s: string): string {
  return JSON.stringify(s);
}

// ---------------------------------------------------------------------------------------------------
// Decoding patch bodies as Go's encoding/json does (the texts the API server returns)

/** Go's quoteChar: `'x'`, `'\''`, `'"'`, `'\n'`. */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return "'\"'";
  const q = JSON.stringify(c);
  return `'${q.slice(1, -1)}'`;
}

/**
 * The syntax error Go's JSON scanner reports for `text` (`invalid character 's' looking for beginning
 * of object key string`, `unexpected end of JSON input`), or undefined when the text is valid JSON.
 */
export function goJsonSyntaxError(text: string): string | undefined {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && ' \t\r\n'.includes(text[i])) i++;
  };
  class Fail extends Error {}
  const fail = (msg: string): never => {
    throw new Fail(msg);
  };
  const eof = () => fail('unexpected end of JSON input');
  const bad = (ctx: string) => fail(`invalid character ${quoteChar(text[i])} ${ctx}`);
  const literal = (word: string) => {
    for (let k = 1; k < word.length; k++) {
      i++;
      if (i >= n) eof();
      if (text[i] !== word[k]) bad(`in literal ${word} (expecting ${quoteChar(word[k])})`);
    }
    i++;
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= n) eof();
      const c = text[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        i++;
        if (i >= n) eof();
        if (text[i] === 'u') {
          for (let k = 0; k < 4; k++) {
            i++;
            if (i >= n) eof();
            if (!/[0-9a-fA-F]/.test(text[i])) bad('in \\u hexadecimal character escape');
          }
        } else if (!'"\\/bfnrt'.includes(text[i])) bad('in string escape code');
        i++;
        continue;
      }
      if (c < ' ') bad('in string literal');
      i++;
    }
  };
  const digits = () => {
    while (i < n && /[0-9]/.test(text[i])) i++;
  };
  const number = () => {
    if (text[i] === '-') {
      i++;
      if (i >= n) eof();
      if (!/[0-9]/.test(text[i])) bad('in numeric literal');
    }
    if (text[i] === '0') i++;
    else digits();
    if (i < n && text[i] === '.') {
      i++;
      if (i >= n) eof();
      if (!/[0-9]/.test(text[i])) bad('after decimal point in numeric literal');
      digits();
    }
    if (i < n && (text[i] === 'e' || text[i] === 'E')) {
      i++;
      if (i < n && (text[i] === '+' || text[i] === '-')) i++;
      if (i >= n) eof();
      if (!/[0-9]/.test(text[i])) bad('in exponent of numeric literal');
      digits();
    }
  };
  const value = (): void => {
    ws();
    if (i >= n) eof();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (i >= n) eof();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (i >= n) eof();
        if (text[i] !== '"') bad('looking for beginning of object key string');
        string();
        ws();
        if (i >= n) eof();
        if (text[i] !== ':') bad('after object key');
        i++;
        value();
        ws();
        if (i >= n) eof();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        bad('after object key:value pair');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (i >= n) eof();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (i >= n) eof();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        bad('after array element');
      }
    }
    if (c === '"') return string();
    if (c === '-' || /[0-9]/.test(c)) return number();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    bad('looking for beginning of value');
  };
  try {
    value();
    ws();
    if (i < n) bad('after top-level value');
    return undefined;
  } catch (e) {
    if (e instanceof Fail) return e.message;
    throw e;
  }
}

/** Go's name for a decoded JSON value's kind in `json: cannot unmarshal <kind> into Go value of type …`. */
export function goJsonKind(v: Json): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}
