/**
 * kubectl's JSONPath dialect (`-o jsonpath=…`, `-o jsonpath-as-json=…`, the cells of `-o custom-columns`),
 * written to behave like client-go's util/jsonpath as built into kubectl 1.32, quirks included.
 *
 * Pure: no I/O, no clock. Data is plain JSON-shaped values (objects, arrays, strings, numbers, booleans,
 * null). Go sees the same data as `map[string]interface{}` with int64 for integral numbers and float64 for
 * the rest; this module draws that line with `Number.isInteger`, so a JSON `2.0` behaves like Go's int64 2.
 */

/** Thrown for template parse errors and execution errors; `message` is client-go's reason text. */
export class JsonPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonPathError';
  }
}

/** An execution error that also carries the values Go returned next to the error (the exists filter reads them). */
class StepError extends JsonPathError {
  constructor(
    message: string,
    readonly values: Value[],
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------------
// Template tree
// ---------------------------------------------------------------------------------------------------

/** A run of nodes evaluated left to right, each on the previous one's results (one `{…}` action). */
export interface ListNode {
  kind: 'list';
  nodes: Node[];
}

interface SliceParam {
  known: boolean;
  value: number;
  /** The end of a single index `[n]`, computed as n+1 at parse time. */
  derived: boolean;
}

/** One element of a parsed template. */
export type Node =
  | ListNode
  | { kind: 'text'; text: string }
  | { kind: 'field'; name: string }
  | { kind: 'array'; params: [SliceParam, SliceParam, SliceParam] }
  | { kind: 'filter'; left: ListNode; right: ListNode; operator: string }
  | { kind: 'int'; value: number }
  | { kind: 'float'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'wildcard' }
  | { kind: 'recursive' }
  | { kind: 'union'; branches: ListNode[] }
  | { kind: 'identifier'; name: string };

/** A parsed template: literal text and `{…}` actions. */
export interface JsonPathTemplate {
  readonly source: string;
  readonly root: ListNode;
}

// ---------------------------------------------------------------------------------------------------
// Parser
// ---------------------------------------------------------------------------------------------------

const EOF = '';

class Parser {
  private pos = 0;
  private width = 0;

  constructor(private readonly input: string) {}

  /** Literal text up to each `{`, then the action up to its `}`. */
  parse(): ListNode {
    const root: ListNode = { kind: 'list', nodes: [] };
    for (;;) {
      const open = this.input.indexOf('{', this.pos);
      if (open < 0) {
        if (this.pos < this.input.length) root.nodes.push({ kind: 'text', text: this.input.slice(this.pos) });
        return root;
      }
      if (open > this.pos) root.nodes.push({ kind: 'text', text: this.input.slice(this.pos, open) });
      this.pos = open + 1;
      const action: ListNode = { kind: 'list', nodes: [] };
      root.nodes.push(action);
      this.parseAction(action);
    }
  }

  /** Reads one code point; EOF at the end. */
  private next(): string {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const cp = this.input.codePointAt(this.pos)!;
    const r = String.fromCodePoint(cp);
    this.width = r.length;
    this.pos += this.width;
    return r;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  private peek(): string {
    const r = this.next();
    this.backup();
    return r;
  }

  private parseAction(cur: ListNode): void {
    for (;;) {
      if (this.input.startsWith('}', this.pos)) {
        this.pos++;
        return;
      }
      if (this.input.startsWith('[?(', this.pos)) {
        this.parseFilter(cur);
        continue;
      }
      if (this.input.startsWith('..', this.pos)) {
        this.parseRecursive(cur);
        continue;
      }
      this.parseActionToken(cur);
    }
  }

  private parseActionToken(cur: ListNode): void {
    const start = this.pos;
    const r = this.next();
    if (r === EOF || isEndOfLine(r)) throw new JsonPathError('unclosed action');
    if (r === ' ' || r === '@' || r === '$') return; // `@` and `$` both mean "the current object"
    if (r === '[') return this.parseArray(cur, start);
    if (r === '"' || r === "'") return this.parseQuote(cur, start, r);
    if (r === '.') return this.parseField(cur);
    if (r === '+' || r === '-' || isDigit(r)) {
      this.pos = start;
      return this.parseNumber(cur);
    }
    if (isAlphaNumeric(r)) {
      this.pos = start;
      return this.parseIdentifier(cur);
    }
    throw new JsonPathError(`unrecognized character in action: ${goUnicodeVerb(r)}`);
  }

  /** `range`, `end`, `true`, `false` (any other word fails only when executed). */
  private parseIdentifier(cur: ListNode): void {
    const start = this.pos;
    while (!isTerminator(this.next()));
    this.backup();
    const word = this.input.slice(start, this.pos);
    if (word === 'true' || word === 'false') cur.nodes.push({ kind: 'bool', value: word === 'true' });
    else cur.nodes.push({ kind: 'identifier', name: word });
  }

  private parseRecursive(cur: ListNode): void {
    if (cur.nodes.at(-1)?.kind === 'recursive') throw new JsonPathError('invalid multiple recursive descent');
    this.pos += 2;
    cur.nodes.push({ kind: 'recursive' });
    if (isAlphaNumeric(this.peek())) this.parseField(cur);
  }

  /** Digits and dots after an optional sign: an int if Go's Atoi takes it, else a float, else an error. */
  private parseNumber(cur: ListNode): void {
    const start = this.pos;
    const sign = this.peek();
    if (sign === '+' || sign === '-') this.next();
    for (;;) {
      const r = this.next();
      if (r !== '.' && !isDigit(r)) break;
    }
    this.backup();
    const text = this.input.slice(start, this.pos);
    const int = goAtoi(text);
    if (int !== undefined) cur.nodes.push({ kind: 'int', value: int });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) cur.nodes.push({ kind: 'float', value: Number(text) });
    else throw new JsonPathError(`cannot parse number ${text}`);
  }

  /** `[…]`: union `[a,b]`, dict key `['k']`, or index/slice `[n]`, `[a:b:c]`, `[*]`. */
  private parseArray(cur: ListNode, start: number): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathError('unterminated array');
      if (r === ']') break;
    }
    let text = this.input.slice(start + 1, this.pos - 1);
    if (text === '*') text = ':';
    const parts = text.split(',');
    if (parts.length > 1) {
      cur.nodes.push({ kind: 'union', branches: parts.map((p) => parseSubAction(`[${trimSpaces(p)}]`)) });
      return;
    }
    const dictKey = /^'([^']*)'$/.exec(text);
    if (dictKey) {
      // `['a.b']` is re-parsed as `.a.b`, so a quoted key cannot contain dots (kubectl does the same).
      cur.nodes.push(...parseSubAction(`.${dictKey[1]}`).nodes);
      return;
    }
    cur.nodes.push({ kind: 'array', params: parseSliceParams(text) });
  }

  /** `[?(left op right)]` or `[?(path)]` (exists). */
  private parseFilter(cur: ListNode): void {
    this.pos += 3;
    const start = this.pos;
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathError('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')' && begin === end) break;
    }
    if (this.next() !== ']') throw new JsonPathError('unclosed array expect ]');
    const text = this.input.slice(start, this.pos - 2);
    const m = /^([^!<>=]+)([!<>=]+)([^\n]+?)$/.exec(text);
    if (!m) {
      cur.nodes.push({ kind: 'filter', left: parseSubAction(text), right: { kind: 'list', nodes: [] }, operator: 'exists' });
      return;
    }
    cur.nodes.push({ kind: 'filter', left: parseSubAction(m[1]), right: parseSubAction(m[3]), operator: m[2] });
  }

  /** A quoted string literal; the closing quote is one not preceded by a backslash. */
  private parseQuote(cur: ListNode, start: number, quote: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathError('unterminated quoted string');
      if (r === quote && this.input[this.pos - 2] !== '\\') break;
    }
    const literal = this.input.slice(start, this.pos);
    const text = unquoteExtend(literal);
    if (text === undefined) throw new JsonPathError(`unquote string ${literal} error invalid syntax`);
    cur.nodes.push({ kind: 'text', text });
  }

  /** A field name runs to the next unescaped terminator; every backslash is then dropped (`a\.b` → `a.b`). */
  private parseField(cur: ListNode): void {
    const start = this.pos;
    for (;;) {
      const r = this.next();
      if (r === '\\') this.next();
      else if (isTerminator(r)) break;
    }
    this.backup();
    const name = this.input.slice(start, this.pos);
    cur.nodes.push(name === '*' ? { kind: 'wildcard' } : { kind: 'field', name: name.replaceAll('\\', '') });
  }
}

/** client-go re-parses pieces (union members, dict keys, filter sides) as a whole `{…}` template. */
function parseSubAction(text: string): ListNode {
  return new Parser(`{${text}}`).parse().nodes[0] as ListNode;
}

function parseSliceParams(text: string): [SliceParam, SliceParam, SliceParam] {
  const m = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/.exec(text);
  if (!m) throw new JsonPathError(`invalid array index ${text}`);
  const params: SliceParam[] = [];
  for (let i = 0; i < 3; i++) {
    const raw = m[i + 1] ?? '';
    if (raw === '') {
      // No colon at all: `[n]` selects n..n+1.
      params.push(i === 1 ? { known: true, value: params[0].value + 1, derived: true } : { known: false, value: 0, derived: false });
      continue;
    }
    const digits = i > 0 ? raw.slice(1) : raw;
    if (i > 0 && digits === '') {
      params.push({ known: false, value: 0, derived: false });
      continue;
    }
    const value = goAtoi(digits);
    if (value === undefined) throw new JsonPathError(`array index ${digits} is not a number`);
    params.push({ known: true, value, derived: false });
  }
  return params as [SliceParam, SliceParam, SliceParam];
}

/** Go's strconv.Atoi: optional sign, ASCII digits, int64 range. */
function goAtoi(text: string): number | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const n = BigInt(text);
  if (n > 9223372036854775807n || n < -9223372036854775808n) return undefined;
  return Number(n);
}

function trimSpaces(s: string): string {
  return s.replace(/^ +| +$/g, '');
}

function isTerminator(r: string): boolean {
  return r === EOF || r === ' ' || r === '\t' || isEndOfLine(r) || '.,[]$@{}'.includes(r);
}

function isEndOfLine(r: string): boolean {
  return r === '\r' || r === '\n';
}

function isDigit(r: string): boolean {
  return /^\p{Nd}$/u.test(r);
}

function isAlphaNumeric(r: string): boolean {
  return r === '_' || /^[\p{L}\p{Nd}]$/u.test(r);
}

/** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
function isGoPrintable(r: string): boolean {
  return r === ' ' || /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(r);
}

/** Go's `%#U`: `U+002C ','`, without the quoted character when it is not printable. */
function goUnicodeVerb(r: string): string {
  const hex = r.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return isGoPrintable(r) ? `U+${hex} '${r}'` : `U+${hex}`;
}

/**
 * strconv.Unquote extended to single quotes. `\x` and octal escapes yield raw bytes, so the literal is
 * assembled as UTF-8 bytes and decoded at the end. Returns undefined for Go's "invalid syntax".
 */
function unquoteExtend(literal: string): string | undefined {
  const quote = literal[0];
  const body = literal.slice(1, -1);
  if (!body.includes('\\') && !body.includes(quote)) return body;
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  let i = 0;
  while (i < body.length) {
    const ch = String.fromCodePoint(body.codePointAt(i)!);
    if (ch === quote) return undefined;
    if (ch !== '\\') {
      bytes.push(...encoder.encode(ch));
      i += ch.length;
      continue;
    }
    const step = unquoteEscape(body, i + 1, quote, bytes, encoder);
    if (step === undefined) return undefined;
    i = step;
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

const SIMPLE_ESCAPES: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };

/** Decodes the escape whose letter is at `i`; returns the index after it, or undefined when invalid. */
function unquoteEscape(body: string, i: number, quote: string, bytes: number[], encoder: TextEncoder): number | undefined {
  const c = body[i];
  if (c === undefined) return undefined;
  if (c in SIMPLE_ESCAPES) {
    bytes.push(SIMPLE_ESCAPES[c]);
    return i + 1;
  }
  if (c === "'" || c === '"') {
    if (c !== quote) return undefined;
    bytes.push(c.charCodeAt(0));
    return i + 1;
  }
  const hexLength = { x: 2, u: 4, U: 8 }[c as 'x' | 'u' | 'U'];
  if (hexLength !== undefined) {
    const hex = body.slice(i + 1, i + 1 + hexLength);
    if (!new RegExp(`^[0-9a-fA-F]{${hexLength}}$`).test(hex)) return undefined;
    const v = parseInt(hex, 16);
    if (c === 'x') bytes.push(v);
    else if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return undefined;
    else bytes.push(...encoder.encode(String.fromCodePoint(v)));
    return i + 1 + hexLength;
  }
  if (/^[0-7]$/.test(c)) {
    const oct = body.slice(i, i + 3);
    if (!/^[0-7]{3}$/.test(oct) || parseInt(oct, 8) > 255) return undefined;
    bytes.push(parseInt(oct, 8));
    return i + 3;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Go values
// ---------------------------------------------------------------------------------------------------

/** A byte of a string: what `.*` and `..` yield when they walk into a Go string. */
class GoByte {
  constructor(readonly value: number) {}
}

/** A float64 literal from the template (`2.0` must not compare equal to an int, as in Go). */
class GoFloat {
  constructor(readonly value: number) {}
}

/** reflect's zero Value: what a nil data object turns into when a range body is run on it. */
const INVALID: unique symbol = Symbol('invalid reflect.Value');

type Value = unknown;

type GoMap = Record<string, unknown>;

function isGoMap(v: Value): v is GoMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoByte) && !(v instanceof GoFloat);
}

/** Integral JSON numbers are int64 in the unstructured objects kubectl walks. */
function isGoInt(n: number): boolean {
  return Number.isInteger(n) && Math.abs(n) < 2 ** 63;
}

/** Go's reflect type name, as in "int64 is not array or slice". */
function goTypeName(v: Value): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return isGoInt(v) ? 'int64' : 'float64';
  if (v instanceof GoByte) return 'uint8';
  if (v instanceof GoFloat) return 'float64';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

/** Map keys in Go's order: byte-wise on UTF-8, which is code point order. */
function sortedKeys(m: GoMap): string[] {
  return Object.keys(m)
    .filter((k) => m[k] !== undefined)
    .sort(compareCodePoints);
}

function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

function stringBytes(s: string): GoByte[] {
  return [...new TextEncoder().encode(s)].map((b) => new GoByte(b));
}

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

/** Go's strconv.Quote (also `%q` and strings inside `%#v`). */
function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) out += quoteRune(ch);
  return out + '"';
}

const QUOTE_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

function quoteRune(ch: string): string {
  if (ch in QUOTE_ESCAPES) return QUOTE_ESCAPES[ch];
  const cp = ch.codePointAt(0)!;
  if (cp >= 0xd800 && cp <= 0xdfff) return '\\ufffd';
  if (isGoPrintable(ch)) return ch;
  if (cp < 0x20 || cp === 0x7f) return `\\x${cp.toString(16).padStart(2, '0')}`;
  if (cp < 0x10000) return `\\u${cp.toString(16).padStart(4, '0')}`;
  return `\\U${cp.toString(16).padStart(8, '0')}`;
}

/** Go's `%#v` of the unstructured object, as kubectl dumps it after an execution error. */
function formatGoSyntax(v: Value, nested = false): string {
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

/** Go's encoding/json string escaping, including its HTML-safe `\u003c`, `\u003e`, `\u0026`. */
function goJsonString(s: string): string {
  let out = '"';
  for (const ch of s) out += jsonEscape(ch);
  return out + '"';
}

const JSON_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
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
function goJson(v: Value, indent?: string, depth = 0): string {
  if (v === null || v === undefined || v === INVALID) return 'null';
  if (typeof v === 'string') return goJsonString(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return goJsonNumber(v);
  if (v instanceof GoByte) return String(v.value);
  if (v instanceof GoFloat) return goJsonNumber(v.value);
  const items = Array.isArray(v)
    ? v.map((e) => goJson(e, indent, depth + 1))
    : sortedKeys(v as GoMap).map((k) => `${goJsonString(k)}:${indent === undefined ? '' : ' '}${goJson((v as GoMap)[k], indent, depth + 1)}`);
  const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
  if (items.length === 0) return open + close;
  if (indent === undefined) return open + items.join(',') + close;
  const inner = '\n' + indent.repeat(depth + 1);
  return open + inner + items.join(',' + inner) + '\n' + indent.repeat(depth) + close;
}

// ---------------------------------------------------------------------------------------------------
// Filter comparisons (text/template's eq/lt as forked into client-go)
// ---------------------------------------------------------------------------------------------------

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

/** int against uint is allowed in Go's template comparisons; every other kind mismatch is an error. */
function mixedIntegers(k1: BasicKind, k2: BasicKind): boolean {
  return INTEGER_KINDS.has(k1) && INTEGER_KINDS.has(k2);
}

function goEqual(a: Value, b: Value): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 !== k2 && !mixedIntegers(k1, k2)) throw new JsonPathError('incompatible types for comparison');
  if (k1 === 'string' || k1 === 'bool') return a === b;
  return numeric(a) === numeric(b);
}

function goLess(a: Value, b: Value): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 !== k2 && !mixedIntegers(k1, k2)) throw new JsonPathError('incompatible types for comparison');
  if (k1 === 'bool') throw new JsonPathError('invalid type for comparison');
  if (k1 === 'string') return compareCodePoints(a as string, b as string) < 0;
  return numeric(a) < numeric(b);
}

function goLessEqual(a: Value, b: Value): boolean {
  return goLess(a, b) || goEqual(a, b);
}

const COMPARATORS: Record<string, (a: Value, b: Value) => boolean> = {
  '<': goLess,
  '>': (a, b) => !goLessEqual(a, b),
  '==': goEqual,
  '!=': (a, b) => !goEqual(a, b),
  '<=': goLessEqual,
  '>=': (a, b) => !goLess(a, b),
};

// ---------------------------------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------------------------------

/** A data object entering FindResults: Go's reflect.ValueOf(nil) is the zero Value, not a nil map entry. */
function asRoot(data: Value): Value {
  return data === null || data === undefined ? INVALID : data;
}

/** The children `.*` and `..` visit: map values (sorted; Go's order is random), elements, string bytes. */
function childrenOf(v: Value): Value[] {
  if (typeof v === 'string') return stringBytes(v);
  if (Array.isArray(v)) return v;
  if (isGoMap(v)) return sortedKeys(v).map((k) => v[k]);
  return [];
}

class Evaluator {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode: Node | undefined;

  constructor(private readonly allowMissingKeys: boolean) {}

  /**
   * client-go's FindResults: one result group per top-level node. `{range}` runs the rest of the node list
   * once per value; the body stops at the matching `{end}` and execution resumes after it. A `{range}`
   * without `{end}` runs the remaining nodes once per value and then once more on the outer object.
   */
  findResults(nodes: Node[], data: Value): Value[][] {
    const groups: Value[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const results = this.walk([data], nodes[i]);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = nodes[i];
        break;
      }
      if (this.beginRange > 0) {
        groups.push(...this.runRange(nodes.slice(i + 1), results));
        i = this.resumeIndex(nodes, i);
        continue;
      }
      groups.push(results);
    }
    return groups;
  }

  private runRange(body: Node[], values: Value[]): Value[][] {
    this.beginRange--;
    this.inRange++;
    const groups: Value[][] = [];
    // With nothing to range over the body still runs once (on nil) so that its {end} is found.
    if (values.length === 0) this.findResults(body, INVALID);
    for (const v of values) groups.push(...this.findResults(body, asRoot(v)));
    this.inRange--;
    return groups;
  }

  private resumeIndex(nodes: Node[], i: number): number {
    for (let k = i + 1; k < nodes.length; k++) if (nodes[k] === this.lastEndNode) return k;
    return i;
  }

  private walk(input: Value[], node: Node): Value[] {
    switch (node.kind) {
      case 'list':
        return this.evalList(input, node);
      case 'text':
        return [node.text];
      case 'field':
        return this.evalField(input, node.name);
      case 'array':
        return evalArray(input, node.params);
      case 'filter':
        return this.evalFilter(input, node);
      case 'int':
        return input.map(() => node.value);
      case 'float':
        return input.map(() => new GoFloat(node.value));
      case 'bool':
        return input.map(() => node.value);
      case 'wildcard':
        return input.flatMap((v) => (v === null ? [] : childrenOf(v)));
      case 'recursive':
        return evalRecursive(input);
      case 'union':
        return this.evalUnion(input, node.branches);
      case 'identifier':
        return this.evalIdentifier(input, node.name);
    }
  }

  private evalList(input: Value[], list: ListNode): Value[] {
    return list.nodes.reduce((values, node) => this.walk(values, node), input);
  }

  private evalField(input: Value[], name: string): Value[] {
    const results: Value[] = [];
    for (const v of input) {
      if (isGoMap(v) && Object.hasOwn(v, name) && v[name] !== undefined) results.push(v[name]);
    }
    if (results.length === 0 && input.length > 0 && !this.allowMissingKeys) {
      throw new StepError(`${name} is not found`, []);
    }
    return results;
  }

  private evalUnion(input: Value[], branches: ListNode[]): Value[] {
    const results: Value[] = [];
    for (const branch of branches) {
      try {
        results.push(...this.evalList(input, branch));
      } catch (e) {
        throw e instanceof JsonPathError ? new StepError(e.message, input) : e;
      }
    }
    return results;
  }

  private evalIdentifier(input: Value[], name: string): Value[] {
    if (name === 'range') {
      this.beginRange++;
      return input;
    }
    if (name === 'end') {
      if (this.inRange === 0) throw new StepError('not in range, nothing to end', []);
      this.endRange++;
      return [];
    }
    throw new StepError(`unrecognized identifier ${name}`, input);
  }

  private evalFilter(input: Value[], node: Extract<Node, { kind: 'filter' }>): Value[] {
    const results: Value[] = [];
    for (const v of input) {
      if (!Array.isArray(v)) throw new StepError(`${formatGoValue(v)} is not array or slice and cannot be filtered`, input);
      for (const element of v) {
        if (this.filterAccepts(element, node, input, results)) results.push(element);
      }
    }
    return results;
  }

  private filterAccepts(element: Value, node: Extract<Node, { kind: 'filter' }>, input: Value[], results: Value[]): boolean {
    if (node.operator === 'exists') {
      // Go ignores the error here but still looks at the values returned next to it.
      return this.valuesIgnoringError(() => this.evalList([element], node.left)).length > 0;
    }
    const left = this.singleOperand([element], node.left, input);
    if (left.length === 0) return false;
    const right = this.singleOperand([element], node.right, input);
    if (right.length === 0) return false;
    const compare = COMPARATORS[node.operator];
    if (!compare) throw new StepError(`unrecognized filter operator ${node.operator}`, results);
    try {
      return compare(left[0], right[0]);
    } catch (e) {
      throw e instanceof JsonPathError ? new StepError(e.message, results) : e;
    }
  }

  /** One side of a comparison: zero values skip the element, more than one is an error. */
  private singleOperand(temp: Value[], side: ListNode, input: Value[]): Value[] {
    let values: Value[];
    try {
      values = this.evalList(temp, side);
    } catch (e) {
      throw e instanceof JsonPathError ? new StepError(e.message, input) : e;
    }
    if (values.length > 1) throw new StepError('can only compare one element at a time', input);
    return values;
  }

  private valuesIgnoringError(run: () => Value[]): Value[] {
    try {
      return run();
    } catch (e) {
      if (e instanceof StepError) return e.values;
      if (e instanceof JsonPathError) return [];
      throw e;
    }
  }
}

function evalRecursive(input: Value[]): Value[] {
  const results: Value[] = [];
  for (const v of input) {
    if (v === null) continue;
    const children = childrenOf(v);
    // Only values that have children are listed themselves; leaves are reached through their parents.
    if (children.length === 0) continue;
    results.push(v, ...evalRecursive(children));
  }
  return results;
}

function evalArray(input: Value[], params: readonly SliceParam[]): Value[] {
  const results: Value[] = [];
  for (const v of input) {
    if (v === null) continue;
    // kubectl itself panics here; this is the panic's text.
    if (v === INVALID) throw new StepError('reflect: call of reflect.Value.Type on zero Value', input);
    if (!Array.isArray(v)) throw new StepError(`${goTypeName(v)} is not array or slice`, input);
    const bounds = sliceBounds(v.length, params, input);
    // client-go returns at the first empty selection, dropping the remaining inputs.
    if (bounds === undefined) return results;
    for (let i = bounds.start; i < bounds.end; i += bounds.step) results.push(v[i]);
  }
  return results;
}

function sliceBounds(length: number, params: readonly SliceParam[], input: Value[]) {
  let start = params[0].known ? params[0].value : 0;
  if (start < 0) start += length;
  let end = params[1].known ? params[1].value : length;
  // `[-1]` parses to start -1, end 0 (derived); both are shifted by the length.
  if (end < 0 || (end === 0 && params[1].derived)) end += length;
  if (end === start) return undefined;
  if (start >= length || start < 0) throw new StepError(`array index out of bounds: index ${start}, length ${length}`, input);
  if (end > length || end < 0) throw new StepError(`array index out of bounds: index ${end - 1}, length ${length}`, input);
  if (start > end) throw new StepError(`starting index ${start} is greater than ending index ${end}`, input);
  if (params[2].known && params[2].value <= 0) throw new StepError('step must be > 0', input);
  return { start, end, step: params[2].known ? params[2].value : 1 };
}

// ---------------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------------

/** Options for executing a template; kubectl's default is allowMissingKeys: true. */
export interface JsonPathOptions {
  /** When false, a field missing from every current value fails with `<name> is not found`. Default true. */
  allowMissingKeys?: boolean;
}

/** Parses a template the way client-go does; throws JsonPathError with client-go's reason on bad syntax. */
export function parseJsonPath(template: string): JsonPathTemplate {
  return { source: template, root: new Parser(template).parse() };
}

/**
 * The raw result groups: one group per top-level node (literal text, `{…}`, range iteration), each a
 * list of values. custom-columns uses this; values may include Go bytes from walking into strings.
 */
export function findJsonPathResults(t: JsonPathTemplate, data: unknown, opts: JsonPathOptions = {}): unknown[][] {
  const evaluator = new Evaluator(opts.allowMissingKeys ?? true);
  try {
    return evaluator.findResults(t.root.nodes, asRoot(data));
  } catch (e) {
    if (e instanceof JsonPathError) throw new JsonPathError(e.message);
    throw e;
  }
}

/** One result printed as `-o jsonpath` does: maps and lists as compact Go JSON, scalars raw, nil as `null`. */
function printResult(v: Value): string {
  if (v === INVALID) return '<no value>';
  if (v === null || v === undefined) return 'null';
  return formatGoScalar(v) ?? goJson(v);
}

/**
 * `-o jsonpath=…`: values within one `{…}` are joined by a single space, groups are concatenated, and
 * nothing is added at the end (no trailing newline). Throws JsonPathError with client-go's reason.
 */
export function executeJsonPath(t: JsonPathTemplate, data: unknown, opts: JsonPathOptions = {}): string {
  return findJsonPathResults(t, data, opts)
    .map((group) => group.map(printResult).join(' '))
    .join('');
}

/**
 * `-o jsonpath-as-json=…`: every result group becomes its own JSON array, indented by four spaces and
 * followed by a newline (so `{.a}{.b}` prints two arrays; a missing key prints `[]`).
 */
export function executeJsonPathAsJson(t: JsonPathTemplate, data: unknown, opts: JsonPathOptions = {}): string {
  const groups = findJsonPathResults(t, data, opts);
  // kubectl panics converting the zero Value (a nil range element as `{@}`); this is the panic's text.
  if (groups.some((g) => g.includes(INVALID))) {
    throw new JsonPathError('reflect: call of reflect.Value.Interface on zero Value');
  }
  return groups.map((group) => goJson(group, '    ') + '\n').join('');
}

/**
 * The text kubectl prints after `error: ` for a template that does not parse, e.g.
 * `error parsing jsonpath {.a, unclosed action`.
 */
export function jsonPathParseErrorMessage(template: string, reason: string): string {
  return `error parsing jsonpath ${template}, ${reason}`;
}

/**
 * The text kubectl prints after `error: ` when executing a template fails: the reason, the template and
 * a Go `%#v` dump of the object, ending in three newlines (so kubectl adds none).
 */
export function jsonPathExecuteErrorMessage(template: string, reason: string, data: unknown): string {
  const details =
    `Error executing template: ${reason}. Printing more information for debugging the template:\n` +
    `\ttemplate was:\n\t\t${template}\n` +
    `\tobject given to jsonpath engine was:\n\t\t${formatGoSyntax(data)}\n\n`;
  return `error executing jsonpath ${goQuote(template)}: ${details}\n`;
}

const RELAXED_PATH = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/**
 * kubectl's RelaxedJSONPathExpression (custom-columns): `metadata.name`, `.metadata.name`,
 * `{metadata.name}` and `{.metadata.name}` all become `{.metadata.name}`; an empty path stays empty.
 */
export function relaxedJsonPath(expr: string): string {
  if (expr === '') return expr;
  const m = RELAXED_PATH.exec(expr);
  if (!m) {
    throw new JsonPathError(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  }
  return `{.${m[1] ?? m[2]}}`;
}
