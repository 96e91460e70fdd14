/**
 * Strategic merge patch (apimachinery strategicpatch.StrategicMergeMapPatch): like a JSON merge patch,
 * but lists the API types declare as "merge" lists merge element by element on their merge key
 * (containers by name, container ports by containerPort, service ports by port, …) and keep the elements
 * the patch does not mention, so fields the server filled in (a nodePort, a pull policy) survive. The
 * directives `$patch`, `$setElementOrder/…`, `$deleteFromPrimitiveList/…` and `$retainKeys` are honoured.
 */
import { clone, type Json } from '../types.js';
import { PatchError } from './errors.js';
import { deepEqual, goFormat, isObj, kindOf, type Obj } from './values.js';
import { elemType, fieldType, hasMergeKeyValue, listMeta, noMergeKey, rootType, type ListMeta, type TypeRef } from './merge-keys.js';
import {
  applyListDirectives,
  applyMapDirective,
  applyRetainKeys,
  deleteFromPrimitiveList,
  DELETE_PRIMITIVE,
  SET_ORDER,
  validatePatchWithSetOrderList,
} from './directives.js';
import { deduplicateScalars, elementKind, normalizeElementOrder, partitionMaps, partitionPrimitives } from './list-order.js';

/** How a merge treats the parallel-list directives and unmatched nulls. */
export interface MergeOptions {
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

/** Merges `patch` into `original` (both consumed) as a value of type `t`. */
export function mergeMap(original: Obj | null | undefined, patch: Obj, t: TypeRef, opts: MergeOptions): Obj {
  const replaced = applyMapDirective(patch);
  if (replaced) return replaced;
  const out: Obj = original ?? {};
  applyRetainKeys(out, patch, opts.mergeParallelList);
  mergeSetElementOrder(out, patch, t, opts);
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

/** `$setElementOrder/<field>`: merges the field's list and orders it as the directive says (mergePatchIntoOriginal). */
function mergeSetElementOrder(original: Obj, patch: Obj, t: TypeRef, opts: MergeOptions): void {
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

function mergeSlice(original: Json[], patch: Json[], et: TypeRef, meta: ListMeta, opts: MergeOptions, isDeleteList: boolean): Json[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = elementKind(original, patch);
  let merged: Json[];
  let orig = original;
  let pat = patch;
  const mergeKey = kind === 'map' ? meta.key : '';
  if (kind !== 'map') {
    if (opts.mergeParallelList && isDeleteList) return deleteFromPrimitiveList(original, patch);
    merged = deduplicateScalars([...original, ...patch]);
  } else {
    if (!mergeKey) throw new PatchError('cannot merge lists without merge key for type map');
    [orig, pat] = applyListDirectives(original, patch, mergeKey);
    merged = mergeListsOfMaps(orig, pat, mergeKey, et, opts);
  }
  const [patchItems, serverOnly] = mergeKey ? partitionMaps(merged, pat, mergeKey) : partitionPrimitives(merged, pat);
  return normalizeElementOrder(patchItems, serverOnly, pat, orig, mergeKey ?? '', kind);
}

/** Merges each patch element into the original's element with the same merge key, or appends it (mergeSliceWithoutSpecialElements). */
function mergeListsOfMaps(original: Json[], patch: Json[], mergeKey: string, et: TypeRef, opts: MergeOptions): Json[] {
  const out = [...original];
  for (const v of patch) {
    if (!isObj(v) || !(mergeKey in v)) throw noMergeKey(v, mergeKey);
    const i = out.findIndex((o) => {
      if (!isObj(o)) throw new PatchError(`value for key ${out.indexOf(o)} is not a map.`);
      return hasMergeKeyValue(o, mergeKey, v[mergeKey]);
    });
    if (i >= 0) out[i] = mergeMap(out[i], v, et, opts);
    else out.push(v);
  }
  return out;
}
