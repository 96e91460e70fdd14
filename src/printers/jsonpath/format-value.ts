/**
 * Printing values as kubectl's JSONPath printers do: Go's `%v` (custom-columns cells, scalars of
 * `-o jsonpath`), `%#v` (the object dump after an execution error), strconv.Quote, and encoding/json
 * (maps and lists of `-o jsonpath`, `-o jsonpath-as-json`).
 */
import { GoByte, GoFloat, INVALID, isGoInt, sortedKeys, type GoMap, type Value } from './go-values.js';
import { isGoPrintable } from './runes.js';

/**
 * Go's `%v` for a float64 (strconv 'g' with shortest precision): exponent form when the decimal exponent is
 * below -4 or at least 6, so 1234567.8 prints as `1.2345678e+06` and 1.5e-7 as `1.5e-07`.
 */
function formatGoFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const [mantissa, expText] = n.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(n);
}

function formatGoNumber(n: number): string {
  return isGoInt(n) ? BigInt(n).toString() : formatGoFloat(n);
}

/** A scalar as Go's fmt prints it; undefined for maps and slices. */
function formatGoScalar(v: Value): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return formatGoNumber(v);
  if (v instanceof GoByte) return String(v.value);
  if (v instanceof GoFloat) return formatGoFloat(v.value);
  return undefined;
}

/**
 * Go's `fmt.Sprint(v)` (`%v`) for JSON-shaped data: `map[a:1 b:[x y]]`, keys sorted, strings unquoted,
 * nil as `<nil>`. custom-columns prints every cell this way.
 */
export function formatGoValue(v: unknown): string {
  if (v === INVALID) return '<invalid reflect.Value>';
  if (v === null || v === undefined) return '<nil>';
  const scalar = formatGoScalar(v);
  if (scalar !== undefined) return scalar;
  if (Array.isArray(v)) return `[${v.map(formatGoValue).join(' ')}]`;
  const m = v as GoMap;
  return `map[${sortedKeys(m)
    .map((k) => `${k}:${formatGoValue(m[k])}`)
    .join(' ')}]`;
}

/** `"…"` with every code point of `s` passed through `escape`. */
function quoted(s: string, escape: (ch: string) => string): string {
  let out = '"';
  for (const ch of s) out += escape(ch);
  return out + '"';
}

/** The escapes strconv.Quote and encoding/json share. */
const COMMON_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

const QUOTE_ESCAPES: Record<string, string> = { ...COMMON_ESCAPES, '\x07': '\\a', '\v': '\\v' };

function quoteRune(ch: string): string {
  if (ch in QUOTE_ESCAPES) return QUOTE_ESCAPES[ch];
  const cp = ch.codePointAt(0)!;
  if (cp >= 0xd800 && cp <= 0xdfff) return '\\ufffd';
  if (isGoPrintable(ch)) return ch;
  if (cp < 0x20 || cp === 0x7f) return `\\x${cp.toString(16).padStart(2, '0')}`;
  if (cp < 0x10000) return `\\u${cp.toString(16).padStart(4, '0')}`;
  return `\\U${cp.toString(16).padStart(8, '0')}`;
}

/** Go's strconv.Quote (also `%q` and strings inside `%#v`). */
export function goQuote(s: string): string {
  return quoted(s, quoteRune);
}

/** Go's `%#v` of the unstructured object, as kubectl dumps it after an execution error. */
export function formatGoSyntax(v: Value, nested = false): string {
  if (v === INVALID) return '<nil>';
  if (v === null || v === undefined) return nested ? 'interface {}(nil)' : '<nil>';
  if (typeof v === 'string') return goQuote(v);
  if (v instanceof GoByte) return `0x${v.value.toString(16)}`;
  const scalar = formatGoScalar(v);
  if (scalar !== undefined) return scalar;
  if (Array.isArray(v)) return `[]interface {}{${v.map((e) => formatGoSyntax(e, true)).join(', ')}}`;
  const m = v as GoMap;
  const entries = sortedKeys(m).map((k) => `${goQuote(k)}:${formatGoSyntax(m[k], true)}`);
  return `map[string]interface {}{${entries.join(', ')}}`;
}

/** encoding/json's escapes, including its HTML-safe `\u003c`, `\u003e`, `\u0026`. */
const JSON_ESCAPES: Record<string, string> = {
  ...COMMON_ESCAPES,
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

function jsonEscape(ch: string): string {
  if (ch in JSON_ESCAPES) return JSON_ESCAPES[ch];
  const cp = ch.codePointAt(0)!;
  if (cp < 0x20) return `\\u${cp.toString(16).padStart(4, '0')}`;
  if (cp >= 0xd800 && cp <= 0xdfff) return '\\ufffd';
  return ch;
}

/** Go's json number: int64 digits, or the float form (which JavaScript's own number printing matches). */
function goJsonNumber(n: number): string {
  if (isGoInt(n)) return BigInt(n).toString();
  return Number.isFinite(n) ? String(n) : 'null';
}

/** Go's json.Marshal (compact), or json.MarshalIndent(v, prefix-less, indent) when indent is given. */
export function goJson(v: Value, indent?: string, depth = 0): string {
  if (v === null || v === undefined || v === INVALID) return 'null';
  if (typeof v === 'string') return quoted(v, jsonEscape);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return goJsonNumber(v);
  if (v instanceof GoByte) return String(v.value);
  if (v instanceof GoFloat) return goJsonNumber(v.value);
  const items = Array.isArray(v)
    ? v.map((e) => goJson(e, indent, depth + 1))
    : sortedKeys(v as GoMap).map((k) => `${quoted(k, jsonEscape)}:${indent === undefined ? '' : ' '}${goJson((v as GoMap)[k], indent, depth + 1)}`);
  const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
  if (items.length === 0) return open + close;
  if (indent === undefined) return open + items.join(',') + close;
  const inner = '\n' + indent.repeat(depth + 1);
  return open + inner + items.join(',' + inner) + '\n' + indent.repeat(depth) + close;
}

/** One result printed as `-o jsonpath` does: maps and lists as compact Go JSON, scalars raw, nil as `null`. */
export function printResult(v: Value): string {
  if (v === INVALID) return '<no value>';
  if (v === null || v === undefined) return 'null';
  return formatGoScalar(v) ?? goJson(v);
}
