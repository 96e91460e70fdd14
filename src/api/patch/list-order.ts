/**
 * How strategicpatch orders and de-duplicates merged lists, Go's quirks included: element kinds, the
 * "clever" in-place de-duplication, and normalizeElementOrder's interleaving of patch and server items.
 */
import type { Json } from '../types.js';
import { PatchError } from './errors.js';
import { goFormat, isObj, kindOf } from './values.js';
import { hasMergeKeyValue, mergeKeyValue } from './merge-keys.js';
import { DIRECTIVE } from './directives.js';

/** The one kind of all elements of the lists (`map`, `string`, …); throws on mixed kinds, lists of lists, or no elements. */
export function elementKind(...lists: Json[][]): string {
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

/** Go's in-place "clever" de-duplication, which moves the last element into each duplicate's slot. */
export function deduplicateScalars(input: Json[]): Json[] {
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

/** Scalars split into those `by` lists and the rest. */
export function partitionPrimitives(items: Json[], by: Json[]): [Json[], Json[]] {
  const inPatch = new Set(by);
  return [items.filter((v) => inPatch.has(v)), items.filter((v) => !inPatch.has(v))];
}

/** Maps split into those whose merge key `by` has and the rest (server-only). */
export function partitionMaps(items: Json[], by: Json[], mergeKey: string): [Json[], Json[]] {
  const patch: Json[] = [];
  const serverOnly: Json[] = [];
  for (const v of items) {
    const val = mergeKeyValue(v, mergeKey);
    if (by.some((b) => hasMergeKeyValue(b, mergeKey, val))) patch.push(v);
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
export function normalizeSliceOrder(toSort: Json[], order: Json[], mergeKey: string, kind: string): Json[] {
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
export function normalizeElementOrder(patch: Json[], serverOnly: Json[], patchOrder: Json[], serverOrder: Json[], mergeKey: string, kind: string): Json[] {
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
