/**
 * Decoded JSON values as Go's apimachinery sees them: their kind, `%v` formatting, reflect.DeepEqual,
 * and the sorted key order of Go's JSON encoder.
 */
import type { Json } from '../types.js';

/** A JSON object. */
export type Obj = Record<string, Json>;

/** True for JSON objects (not arrays, not null). */
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The reflect kind of a decoded JSON value, as strategicpatch compares them. */
export function kindOf(v: Json): 'map' | 'slice' | 'string' | 'number' | 'bool' | 'null' {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'slice';
  if (typeof v === 'object') return 'map';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return 'number';
}

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

/** A value as a sort key: strings as they are, anything else as `%v`. */
export const goString = (v: Json): string => (typeof v === 'string' ? v : goFormat(v));

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

/** A copy with every object's keys sorted, as Go marshals maps. */
export function sortDeep<T>(v: T): T {
  if (Array.isArray(v)) return v.map(sortDeep) as T;
  if (isObj(v)) {
    const out: Obj = {};
    for (const k of Object.keys(v).sort()) out[k] = sortDeep(v[k]);
    return out as T;
  }
  return v;
}
