/** The two-way strategic merge patch `kubectl edit` sends (strategicpatch.CreateTwoWayMergePatch). */
import type { Json } from '../types.js';
import { isObj, sortDeep, type Obj } from './values.js';
import { rootType } from './merge-keys.js';
import { diffMaps } from './diff.js';

/**
 * The strategic merge patch from `original` to `modified`, as `kubectl edit` sends it: changed fields,
 * `null` for removed ones, `$setElementOrder/…` and `$patch: delete` / `$deleteFromPrimitiveList/…`
 * for merge lists. Keys come out sorted, as Go marshals maps.
 */
export function createTwoWayMergePatch(original: Json, modified: Json): Obj {
  const t = rootType(modified) ?? rootType(original);
  return sortDeep(diffMaps(isObj(original) ? original : {}, isObj(modified) ? modified : {}, t, { setElementOrder: true }));
}
