/**
 * JSON-shaped data as Go sees it while client-go walks it: `map[string]interface{}` with sorted keys,
 * int64 for integral numbers and float64 for the rest (drawn with `Number.isInteger`, so a JSON `2.0`
 * behaves like Go's int64 2), plus the few Go values JavaScript has no match for.
 */

/** A byte of a string: what `.*` and `..` yield when they walk into a Go string. */
export class GoByte {
  constructor(readonly value: number) {}
}

/** A float64 literal from the template (`2.0` must not compare equal to an int, as in Go). */
export class GoFloat {
  constructor(readonly value: number) {}
}

/** reflect's zero Value: what a nil data object turns into when a range body is run on it. */
export const INVALID: unique symbol = Symbol('invalid reflect.Value');

/** Any value the evaluator handles: JSON data, GoByte, GoFloat or INVALID. */
export type Value = unknown;

/** A Go map as decoded from JSON. */
export type GoMap = Record<string, unknown>;

/** True for maps (JSON objects), not for arrays, null or the Go wrapper values. */
export function isGoMap(v: Value): v is GoMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoByte) && !(v instanceof GoFloat);
}

/** Integral JSON numbers are int64 in the unstructured objects kubectl walks. */
export function isGoInt(n: number): boolean {
  return Number.isInteger(n) && Math.abs(n) < 2 ** 63;
}

/** Go's reflect type name, as in "int64 is not array or slice". */
export function goTypeName(v: Value): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return isGoInt(v) ? 'int64' : 'float64';
  if (v instanceof GoByte) return 'uint8';
  if (v instanceof GoFloat) return 'float64';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

/** Map keys in Go's order: byte-wise on UTF-8, which is code point order. */
export function sortedKeys(m: GoMap): string[] {
  return Object.keys(m)
    .filter((k) => m[k] !== undefined)
    .sort(compareCodePoints);
}

/** Compares strings by code point (Go's byte-wise string order). */
export function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** A string's UTF-8 bytes as Go bytes. */
export function stringBytes(s: string): GoByte[] {
  return [...new TextEncoder().encode(s)].map((b) => new GoByte(b));
}
