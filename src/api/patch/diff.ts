/**
 * The strategic diff of two objects (strategicpatch's diffMaps / diffLists), the engine of the two-way
 * patch `kubectl edit` sends and of the three-way patch `kubectl apply` sends.
 */
import { clone, type Json } from '../types.js';
import { deepEqual, goString, isObj, kindOf, type Obj } from './values.js';
import { elemType, fieldType, listMeta, mergeKeyValue, retainKeysMap, type ListMeta, type TypeRef } from './merge-keys.js';
import { DELETE_PRIMITIVE, DIRECTIVE, RETAIN_KEYS, SET_ORDER } from './directives.js';
import { deduplicateScalars, elementKind, normalizeSliceOrder } from './list-order.js';

/** Which parts of the difference to compute (CreateThreeWayMergePatch runs the diff twice, each half once). */
export interface DiffOptions {
  ignoreChangesAndAdditions?: boolean;
  ignoreDeletions?: boolean;
  setElementOrder?: boolean;
  buildRetainKeys?: boolean;
}

/** The patch that turns `original` into `modified`, both values of type `t`. */
export function diffMaps(original: Obj, modified: Obj, t: TypeRef, o: DiffOptions): Obj {
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

/** A merge list's patch list, `$deleteFromPrimitiveList` list and `$setElementOrder` list. */
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

function diffListsOfMaps(original: Json[], modified: Json[], et: TypeRef, mergeKey: string, o: DiffOptions): [Json[], Json[]] {
  const patch: Json[] = [];
  const deletions: Json[] = [];
  walkSorted(original, modified, (m) => goString(mergeKeyValue(m, mergeKey)), {
    both(ov, mv) {
      const sub = diffMaps(ov, mv, et, o);
      if (Object.keys(sub).length) patch.push({ ...sub, [mergeKey]: mv[mergeKey] });
    },
    added(mv) {
      if (!o.ignoreChangesAndAdditions) patch.push(clone(mv));
    },
    removed(ov) {
      if (!o.ignoreDeletions) deletions.push({ [mergeKey]: ov[mergeKey], [DIRECTIVE]: 'delete' });
    },
  });
  return [patch, deletions];
}

function diffListsOfScalars(original: Json[], modified: Json[], o: DiffOptions): [Json[], Json[]] {
  const add: Json[] = [];
  const del: Json[] = [];
  walkSorted(original, modified, goString, {
    both() {},
    added(mv) {
      if (!o.ignoreChangesAndAdditions) add.push(mv);
    },
    removed(ov) {
      if (!o.ignoreDeletions) del.push(ov);
    },
  });
  return [add, deduplicateScalars(del)];
}

interface SortedVisitor {
  both(original: Json, modified: Json): void;
  added(modified: Json): void;
  removed(original: Json): void;
}

const byKey = (key: (v: Json) => string) => (a: Json, b: Json) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/**
 * Sorts both lists by `key` and walks them side by side, as strategicpatch does: elements with the same
 * key in both, elements only `modified` has (added), and elements only `original` has (removed).
 */
function walkSorted(original: Json[], modified: Json[], key: (v: Json) => string, visit: SortedVisitor): void {
  const os = [...original].sort(byKey(key));
  const ms = [...modified].sort(byKey(key));
  let i = 0;
  let j = 0;
  while (i < os.length || j < ms.length) {
    const a = i < os.length ? key(os[i]) : undefined;
    const b = j < ms.length ? key(ms[j]) : undefined;
    if (a !== undefined && b !== undefined && a === b) visit.both(os[i++], ms[j++]);
    else if (a === undefined || (b !== undefined && a > b)) visit.added(ms[j++]);
    else visit.removed(os[i++]);
  }
}
