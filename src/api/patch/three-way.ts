/** The three-way strategic merge patch `kubectl apply` sends (strategicpatch.CreateThreeWayMergePatch). */
import { clone, type Json } from '../types.js';
import { isObj, sortDeep } from './values.js';
import { rootType } from './merge-keys.js';
import { diffMaps } from './diff.js';
import { mergeMap } from './strategic-merge.js';

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
