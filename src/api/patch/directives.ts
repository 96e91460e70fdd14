/**
 * The strategic-merge directives (strategicpatch's `$patch`, `$setElementOrder/<field>`,
 * `$deleteFromPrimitiveList/<field>` and `$retainKeys`): their keys and the parts of their handling that
 * do not recurse. The merge that uses them is strategic-merge.ts.
 */
import type { Json } from '../types.js';
import { PatchError } from './errors.js';
import { goFormat, isObj, type Obj } from './values.js';
import { hasMergeKeyValue, mergeKeyValue, noMergeKey } from './merge-keys.js';

/** `$patch`: `replace` or `delete` a map, or `delete`/`replace` list elements. */
export const DIRECTIVE = '$patch';
/** `$setElementOrder/<field>`: the order of a merged list. */
export const SET_ORDER = '$setElementOrder';
/** `$deleteFromPrimitiveList/<field>`: scalars to remove from a merged list. */
export const DELETE_PRIMITIVE = '$deleteFromPrimitiveList';
/** `$retainKeys`: the only fields a map keeps. */
export const RETAIN_KEYS = '$retainKeys';

/** True for a list element carrying `$patch: delete`. */
export const isDeleteDirective = (v: Json): boolean => isObj(v) && v[DIRECTIVE] === 'delete';

const unknownPatchType = (m: Obj) => new PatchError(`unknown patch type: ${goFormat(m[DIRECTIVE])} in map: ${goFormat(m)}`);

/** A map's `$patch`: the map that replaces the original (`replace`, `delete`), or undefined without one. */
export function applyMapDirective(patch: Obj): Obj | undefined {
  if (!(DIRECTIVE in patch)) return undefined;
  const d = patch[DIRECTIVE];
  if (d === 'replace') {
    delete patch[DIRECTIVE];
    return patch;
  }
  if (d === 'delete') return {};
  throw unknownPatchType(patch);
}

/**
 * `$retainKeys`: clear the original's fields the directive does not list. When combining patches
 * (`apply` is false) the directive is carried over instead.
 */
export function applyRetainKeys(original: Obj, patch: Obj, apply: boolean): void {
  if (!(RETAIN_KEYS in patch)) return;
  const list = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!apply) {
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

/**
 * The `$patch` elements of a patch list of maps: `delete` removes the original's element with that merge
 * key, `replace` makes the patch's plain elements the whole list. Returns the original and patch lists
 * to merge (mergeSliceWithSpecialElements).
 */
export function applyListDirectives(original: Json[], patch: Json[], mergeKey: string): [Json[], Json[]] {
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
        orig = orig.filter((o) => !hasMergeKeyValue(o, mergeKey, v[mergeKey]));
        break;
      case 'replace':
        replace = true;
        break;
      case 'merge':
        throw new PatchError('merging lists cannot yet be specified in the patch');
      default:
        throw unknownPatchType(v);
    }
  }
  return replace ? [plain, []] : [orig, plain];
}

/** `$deleteFromPrimitiveList`: the scalars of `current` not listed in `toDelete`. */
export function deleteFromPrimitiveList(current: Json[], toDelete: Json[]): Json[] {
  return current.filter((v) => !toDelete.includes(v));
}

/** Fails when the patch list's elements are not in the order `$setElementOrder` gives them. */
export function validatePatchWithSetOrderList(patchList: Json[], order: Json[], mergeKey: string): void {
  if (order.length === 0 || patchList.length === 0) return;
  const nonDelete = mergeKey ? patchList.filter((p) => !isDeleteDirective(p)) : patchList;
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
