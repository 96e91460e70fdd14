/** Filter comparisons: text/template's eq/lt as forked into client-go, Go's kind rules included. */
import { JsonPathError } from './errors.js';
import { compareCodePoints, GoByte, GoFloat, isGoInt, type Value } from './go-values.js';

type BasicKind = 'bool' | 'int' | 'uint' | 'float' | 'string';

function basicKind(v: Value): BasicKind {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return isGoInt(v) ? 'int' : 'float';
  if (v instanceof GoByte) return 'uint';
  if (v instanceof GoFloat) return 'float';
  throw new JsonPathError('invalid type for comparison');
}

function numeric(v: Value): number {
  if (v instanceof GoByte || v instanceof GoFloat) return v.value;
  return v as number;
}

const INTEGER_KINDS = new Set<BasicKind>(['int', 'uint']);

/** The kind both operands share; int against uint is allowed, every other mismatch is an error. */
function comparableKind(a: Value, b: Value): BasicKind {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 !== k2 && !(INTEGER_KINDS.has(k1) && INTEGER_KINDS.has(k2))) throw new JsonPathError('incompatible types for comparison');
  return k1;
}

function goEqual(a: Value, b: Value): boolean {
  const k = comparableKind(a, b);
  if (k === 'string' || k === 'bool') return a === b;
  return numeric(a) === numeric(b);
}

function goLess(a: Value, b: Value): boolean {
  const k = comparableKind(a, b);
  if (k === 'bool') throw new JsonPathError('invalid type for comparison');
  if (k === 'string') return compareCodePoints(a as string, b as string) < 0;
  return numeric(a) < numeric(b);
}

function goLessEqual(a: Value, b: Value): boolean {
  return goLess(a, b) || goEqual(a, b);
}

/** The filter operators; each throws JsonPathError for operands Go cannot compare. */
export const COMPARATORS: Readonly<Record<string, (a: Value, b: Value) => boolean>> = {
  '<': goLess,
  '>': (a, b) => !goLessEqual(a, b),
  '==': goEqual,
  '!=': (a, b) => !goEqual(a, b),
  '<=': goLessEqual,
  '>=': (a, b) => !goLess(a, b),
};
