/** JSON merge patch (RFC 7386): objects merge, `null` deletes, everything else replaces. */
import { clone, type Json } from '../types.js';
import { deepEqual, isObj, type Obj } from './values.js';

/** Applies an RFC 7386 merge patch to `target` (which is not modified). */
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
