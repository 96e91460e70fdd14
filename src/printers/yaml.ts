/**
 * YAML exactly as kubectl prints it with `-o yaml`.
 *
 * kubectl marshals an object to JSON, then sigs.k8s.io/yaml turns that JSON into YAML: it decodes the
 * JSON with go-yaml v2 (so strings come back as strings, numbers as int / uint / float64) and encodes the
 * result with go-yaml v2's emitter (a Go port of libyaml). This module re-implements that pipeline:
 *
 *  - the JSON → YAML decode step (raw NEL characters fold like YAML line breaks; characters the YAML
 *    reader rejects make kubectl fail with "yaml: control characters are not allowed");
 *  - go-yaml's map-key order (a "natural" order: letters before other characters, digit runs compared
 *    as numbers);
 *  - the encoder's style choice (plain unless the text would resolve to a non-string under YAML 1.1,
 *    then double-quoted; literal block style for text containing "\n");
 *  - the emitter's analysis (which styles a scalar allows), its fallback from plain to single-quoted
 *    to double-quoted, its writers (line folding at best_width 80, escapes, block-scalar hints) and its
 *    indentation rules (2 spaces, block sequences not indented under a mapping key, `{}` / `[]`).
 *
 * Pure: no I/O. Written from reading go-yaml's source; not a copy of it.
 */

/** go-yaml's emitter defaults (kubectl does not change them). */
const BEST_INDENT = 2;
const BEST_WIDTH = 80;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

type Style = 'plain' | 'single' | 'double' | 'literal';

/** The message kubectl (go-yaml's reader) fails with for characters YAML may not contain (after "error: "). */
export const CONTROL_CHARACTERS_ERROR = 'yaml: control characters are not allowed';

/**
 * `value` (JSON-compatible: plain objects, arrays, strings, numbers, booleans, null) as go-yaml v2
 * emits it after kubectl's JSON round trip, ending with a newline. Map keys are (re)ordered the way
 * go-yaml orders them. Throws an Error with go-yaml's message (kubectl prints it after "error: ") for
 * the rare strings kubectl cannot print: see checkReadable.
 */
export function toGoYaml(value: unknown): string {
  checkReadable(value);
  const e = new Emitter();
  e.emitNode(normalize(value), { root: true, sequence: false, mapping: false, simpleKey: false });
  // Document end (implicit): finish the last line.
  e.writeIndent();
  return e.output();
}

// ---------------------------------------------------------------------------------------------------
// Data model after the JSON → go-yaml decode.

interface Scalar {
  kind: 'scalar';
  text: string;
  isString: boolean;
}
type Node = Scalar | { kind: 'seq'; items: Node[] } | { kind: 'map'; entries: [Scalar, Node][] };

const NULL: Scalar = { kind: 'scalar', text: 'null', isString: false };

function normalize(v: unknown): Node {
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    v = (v as { toJSON: () => unknown }).toJSON();
  }
  switch (typeof v) {
    case 'string':
      return { kind: 'scalar', text: decodeJsonString(v), isString: true };
    case 'boolean':
      return { kind: 'scalar', text: v ? 'true' : 'false', isString: false };
    case 'number':
      return { kind: 'scalar', text: formatNumber(v), isString: false };
    case 'bigint':
      return { kind: 'scalar', text: formatBigInt(v), isString: false };
    case 'object':
      if (v === null) return NULL;
      break;
    default:
      return NULL;
  }
  if (Array.isArray(v)) return { kind: 'seq', items: v.map(normalize) };
  const o = v as Record<string, unknown>;
  const sortable: { seq: string | string[]; entry: [Scalar, Node] }[] = [];
  for (const k of Object.keys(o)) {
    const val = o[k];
    if (val === undefined || typeof val === 'function' || typeof val === 'symbol') continue;
    const text = decodeJsonString(k);
    sortable.push({ seq: codePoints(text), entry: [{ kind: 'scalar', text, isString: true }, normalize(val)] });
  }
  sortable.sort((a, b) => (lessSeq(a.seq, b.seq) ? -1 : lessSeq(b.seq, a.seq) ? 1 : 0));
  return { kind: 'map', entries: sortable.map((x) => x.entry) };
}

/** The string itself when every code point is one UTF-16 unit, else its code points. */
function codePoints(s: string): string | string[] {
  return /[\ud800-\udfff]/.test(s) ? Array.from(s) : s;
}

/** JS strings may hold lone surrogates; Go's JSON decoder reads them (as JSON.stringify writes them) as U+FFFD. */
function wellFormed(s: string): string {
  return /[\ud800-\udfff]/.test(s)
    ? s.replace(/[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g, (m) => (m.length === 2 ? m : '\ufffd'))
    : s;
}

/**
 * A string as go-yaml reads it back from the JSON Go wrote. Go's JSON encoder escapes control
 * characters, U+2028/U+2029, `"`, `\\`, `<`, `>` and `&`, but writes spaces and NEL (U+0085) raw, and
 * inside a YAML double-quoted scalar a raw NEL is a line break: a run of spaces and n NELs folds into
 * one space (n = 1) or n-1 newlines.
 */
function decodeJsonString(s: string): string {
  const out = wellFormed(s);
  if (!out.includes('\u0085')) return out;
  return out.replace(/[ \u0085]+/g, (run) => {
    const breaks = run.split('\u0085').length - 1;
    if (breaks === 0) return run;
    return breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
  });
}

const CONTROL = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;

/**
 * The ways kubectl fails to turn an object's JSON into YAML (go-yaml's reader and scanner on Go's
 * compact JSON), checked in the order Go writes the JSON (map keys in byte order):
 *  - a character YAML may not contain (DEL, C1 controls other than NEL, U+FFFE, U+FFFF);
 *  - "---" or "..." right after a raw NEL (a line start) and followed by a space or NEL: a document marker;
 *  - a map key go-yaml cannot take as a simple key in flow context: one spanning lines (a NEL) or longer
 *    than 1024 characters from quote to quote.
 * Error messages are go-yaml's, with its line numbers (the JSON is one line; each NEL starts another).
 */
function checkReadable(value: unknown): void {
  // A quick pass in any order; the exact (ordered) pass only when a NEL or a long key needs it.
  let control = false;
  let ordered = false;
  const quick = (s: string, isKey: boolean): void => {
    if (!control && CONTROL.test(s)) control = true;
    if (s.includes('\u0085') || (isKey && s.length > 170 && goJsonLength(s) > 1022)) ordered = true;
  };
  walkJson(value, quick, false);
  if (control) throw new Error(CONTROL_CHARACTERS_ERROR);
  if (!ordered) return;

  let nel = 0;
  let structural: string | undefined;
  const scan = (raw: string, isKey: boolean): void => {
    if (structural !== undefined) return;
    const s = wellFormed(raw);
    if (s.includes('\u0085')) {
      const cps = Array.from(s);
      let lineStart = false;
      for (let i = 0; i < cps.length && structural === undefined; i++) {
        const c = cps[i]!;
        if (c === '\u0085') {
          nel++;
          lineStart = true;
        } else if (c === ' ') {
          lineStart = false;
        } else {
          if (lineStart) {
            const marker = cps.slice(i, i + 3).join('');
            if ((marker === '---' || marker === '...') && (cps[i + 3] === ' ' || cps[i + 3] === '\u0085')) {
              structural = `yaml: line ${nel + 1}: found unexpected document indicator`;
            }
          }
          lineStart = false;
        }
      }
      if (isKey && structural === undefined) structural = `yaml: line ${nel}: did not find expected ',' or '}'`;
    } else if (isKey && s.length > 170 && goJsonLength(s) > 1022) {
      structural = `yaml: ${nel > 0 ? `line ${nel}: ` : ''}did not find expected ',' or '}'`;
    }
  };
  walkJson(value, scan, true);
  if (structural !== undefined) throw new Error(structural);
}

/** Visits every string of a JSON value (map keys too), optionally in Go's JSON order. */
function walkJson(v: unknown, visit: (s: string, isKey: boolean) => void, ordered: boolean): void {
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    v = (v as { toJSON: () => unknown }).toJSON();
  }
  if (typeof v === 'string') visit(v, false);
  else if (Array.isArray(v)) for (const x of v) walkJson(x, visit, ordered);
  else if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => {
      const t = typeof o[k];
      return t !== 'undefined' && t !== 'function' && t !== 'symbol';
    });
    if (ordered) keys.sort(compareCodePoints);
    for (const k of keys) {
      visit(k, true);
      walkJson(o[k], visit, ordered);
    }
  }
}

/** Go's string order (UTF-8 bytes, i.e. code points). */
function compareCodePoints(a: string, b: string): number {
  const x = wellFormed(a);
  const y = wellFormed(b);
  let i = 0;
  for (; i < x.length && i < y.length; i++) {
    if (x.charCodeAt(i) !== y.charCodeAt(i)) break;
  }
  if (i === x.length || i === y.length) return x.length - y.length;
  // First differing position; compare whole code points (a surrogate pair sorts after U+E000–U+FFFF).
  return x.codePointAt(i)! - y.codePointAt(i)!;
}

/** Characters in Go's JSON encoding of s, without the quotes. */
function goJsonLength(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 0x22 || c === 0x5c || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x08 || c === 0x0c) n += 2;
    else if (c < 0x20 || c === 0x3c || c === 0x3e || c === 0x26 || c === 0x2028 || c === 0x2029) n += 6;
    else n += 1;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------------
// Numbers: Go's JSON text re-read by go-yaml (int64, then uint64, else float64 printed with
// strconv.FormatFloat(f, 'g', -1, 64)).

function formatNumber(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (n === Infinity) return '.inf';
  if (n === -Infinity) return '-.inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) {
    // Go's JSON text for an integral float64 is its shortest digits padded with zeros (as in JS);
    // go-yaml reads that back as an int64 or uint64 when it fits.
    const text = Object.is(n, -0) ? '0' : String(n);
    const big = BigInt(text);
    if (big >= INT64_MIN && big <= UINT64_MAX) return text;
  }
  return formatFloatG(n);
}

function formatBigInt(n: bigint): string {
  if (n >= INT64_MIN && n <= UINT64_MAX) return n.toString();
  return formatFloatG(Number(n));
}

/** Go's strconv.FormatFloat(f, 'g', -1, 64). */
export function formatFloatG(f: number): string {
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const neg = f < 0;
  const [mant, expStr] = Math.abs(f).toExponential().split('e') as [string, string];
  const digits = mant.replace('.', '');
  const exp = Number(expStr);
  let body: string;
  if (exp < -4 || exp >= 6) {
    const e = Math.abs(exp);
    body =
      digits[0] +
      (digits.length > 1 ? '.' + digits.slice(1) : '') +
      'e' +
      (exp < 0 ? '-' : '+') +
      (e < 10 ? '0' + e : String(e));
  } else {
    const dp = exp + 1;
    if (dp <= 0) body = '0.' + '0'.repeat(-dp) + digits;
    else if (dp >= digits.length) body = digits + '0'.repeat(dp - digits.length);
    else body = digits.slice(0, dp) + '.' + digits.slice(dp);
  }
  return neg ? '-' + body : body;
}

// ---------------------------------------------------------------------------------------------------
// Map key order: go-yaml's keyList.Less for string keys.

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;
const isLetter = (c: string): boolean =>
  c < '\u0080' ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : LETTER.test(c);
const isDigit = (c: string): boolean => (c < '\u0080' ? c >= '0' && c <= '9' : DIGIT.test(c));

/**
 * go-yaml v2's keyList.Less for two string keys: letters sort before other characters, runs of digits
 * compare as numbers. Not a strict weak order: for some key sets ("0X1f" < "1" < "09" < "0X1f") kubectl's
 * order changes from run to run.
 */
export function keyLess(a: string, b: string): boolean {
  return lessSeq(codePoints(a), codePoints(b));
}

function lessSeq(ar: string | string[], br: string | string[]): boolean {
  if (ar === br) return false;
  const n = Math.min(ar.length, br.length);
  for (let i = 0; i < n; i++) {
    const ac = ar[i]!;
    const bc = br[i]!;
    if (ac === bc) continue;
    const al = isLetter(ac);
    const bl = isLetter(bc);
    if (al && bl) return ac.codePointAt(0)! < bc.codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (ac === '0' || bc === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== '0') {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]!); ai++) {
      an = BigInt.asIntN(64, an * 10n + BigInt(ar[ai]!.codePointAt(0)! - 48));
    }
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]!); bi++) {
      bn = BigInt.asIntN(64, bn * 10n + BigInt(br[bi]!.codePointAt(0)! - 48));
    }
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ac.codePointAt(0)! < bc.codePointAt(0)!;
  }
  return ar.length < br.length;
}

// ---------------------------------------------------------------------------------------------------
// Would a plain scalar with this text resolve to something other than a string (YAML 1.1, go-yaml v2)?

const RESOLVE_NON_STRING = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
  '<<',
]);

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** True when go-yaml's encoder may write `s` as a plain scalar (it resolves back to the same string). */
export function resolvesToString(s: string): boolean {
  if (s === '') return false;
  const c = s[0]!;
  let hint: 'S' | 'D' | 'M' | '.' | '';
  if (c === '+' || c === '-') hint = 'S';
  else if (c >= '0' && c <= '9') hint = 'D';
  else if ('yYnNtTfFoO~'.includes(c)) hint = 'M';
  else if (c === '.') hint = '.';
  else hint = '';
  if (hint === '') return true;
  if (RESOLVE_NON_STRING.has(s)) return false;
  switch (hint) {
    case 'M':
      return true;
    case '.':
      return !goParseFloatOk(s);
    default: {
      if (parseTimestamp(s)) return false;
      const plain = s.replace(/_/g, '');
      if (goParseInt(plain, 0) !== undefined) return false;
      if (goParseUint(plain, 0) !== undefined) return false;
      if (YAML_STYLE_FLOAT.test(plain) && Number.isFinite(Number(plain))) return false;
      if (plain.startsWith('0b')) {
        if (goParseInt(plain.slice(2), 2) !== undefined) return false;
        if (goParseUint(plain.slice(2), 2) !== undefined) return false;
      } else if (plain.startsWith('-0b')) {
        if (goParseInt('-' + plain.slice(3), 2) !== undefined) return false;
      }
      return !BASE60_FLOAT.test(s);
    }
  }
}


/** strconv.ParseUint(s, base, 64) for base 0 or 2 (s has no underscores). */
function goParseUint(s: string, base: 0 | 2): bigint | undefined {
  if (s === '') return undefined;
  let b = 10;
  let digits = s;
  if (base === 2) b = 2;
  else if (s[0] === '0') {
    const p = s.length >= 3 ? s[1]!.toLowerCase() : '';
    if (p === 'b') [b, digits] = [2, s.slice(2)];
    else if (p === 'o') [b, digits] = [8, s.slice(2)];
    else if (p === 'x') [b, digits] = [16, s.slice(2)];
    else [b, digits] = [8, s.slice(1)];
  }
  let n = 0n;
  const bb = BigInt(b);
  for (const ch of digits) {
    const d = parseInt(ch, 36);
    if (Number.isNaN(d) || d >= b) return undefined;
    n = n * bb + BigInt(d);
    if (n > UINT64_MAX) return undefined;
  }
  return n;
}

/** strconv.ParseInt(s, base, 64). */
function goParseInt(s: string, base: 0 | 2): bigint | undefined {
  if (s === '') return undefined;
  let neg = false;
  let rest = s;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    rest = s.slice(1);
  }
  const u = goParseUint(rest, base);
  if (u === undefined) return undefined;
  const v = neg ? -u : u;
  return v < INT64_MIN || v > INT64_MAX ? undefined : v;
}

/** strconv.ParseFloat(s, 64) succeeds, for a string starting with '.'. */
function goParseFloatOk(s: string): boolean {
  if (!/^\.[0-9_]*[0-9][0-9_]*([eE][-+]?[0-9][0-9_]*)?$/.test(s)) return false;
  if (s.includes('_') && !underscoreOk(s)) return false;
  return Number.isFinite(Number(s.replace(/_/g, '')));
}

/** Go's strconv underscoreOK: underscores only between digits. */
function underscoreOk(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s[0] === '-' || s[0] === '+') s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(s[1]!.toLowerCase())) {
    i = 2;
    saw = '0';
    hex = s[1]!.toLowerCase() === 'x';
  }
  for (; i < s.length; i++) {
    const c = s[i]!;
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

// YAML 1.1 timestamps as go-yaml accepts them: Go's time.Parse with the layouts
// "2006-1-2T15:4:5.999999999Z07:00", "2006-1-2t15:4:5.999999999Z07:00", "2006-1-2 15:4:5.999999999",
// "2006-1-2".
function parseTimestamp(s: string): boolean {
  if (!/^[0-9]{4}-/.test(s)) return false;
  const num = (str: string, pos: number): [number, number] | undefined => {
    // Go's getnum(s, false): one or two digits.
    if (!isAsciiDigit(str[pos])) return undefined;
    if (!isAsciiDigit(str[pos + 1])) return [Number(str[pos]), pos + 1];
    return [Number(str[pos]) * 10 + Number(str[pos + 1]), pos + 2];
  };
  const year = Number(s.slice(0, 4));
  let p = 5;
  const m = num(s, p);
  if (!m || m[0] < 1 || m[0] > 12) return false;
  p = m[1];
  if (s[p] !== '-') return false;
  const d = num(s, p + 1);
  if (!d) return false;
  p = d[1];
  if (d[0] < 1 || d[0] > daysIn(m[0], year)) return false;
  if (p === s.length) return true; // "2006-1-2"
  const sep = s[p];
  if (sep !== 'T' && sep !== 't' && sep !== ' ') return false;
  const h = num(s, p + 1);
  if (!h || h[0] >= 24) return false;
  p = h[1];
  if (s[p] !== ':') return false;
  const mi = num(s, p + 1);
  if (!mi || mi[0] >= 60) return false;
  p = mi[1];
  if (s[p] !== ':') return false;
  const se = num(s, p + 1);
  if (!se || se[0] >= 60) return false;
  p = se[1];
  // Optional fractional seconds ('.' or ',' then at least one digit, any number of digits).
  if ((s[p] === '.' || s[p] === ',') && isAsciiDigit(s[p + 1])) {
    p += 1;
    while (isAsciiDigit(s[p])) p++;
  }
  if (sep === ' ') return p === s.length;
  // Z07:00
  if (s[p] === 'Z') return p + 1 === s.length;
  const tz = s.slice(p);
  if (tz.length !== 6 || tz[3] !== ':' || (tz[0] !== '+' && tz[0] !== '-')) return false;
  if (!/^[0-9]{2}$/.test(tz.slice(1, 3)) || !/^[0-9]{2}$/.test(tz.slice(4, 6))) return false;
  return Number(tz.slice(1, 3)) <= 24 && Number(tz.slice(4, 6)) <= 60;
}

function isAsciiDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// ---------------------------------------------------------------------------------------------------
// Character classes of go-yaml's emitter (on code points).

const isBreak = (c: number): boolean => c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
const isBlank = (c: number): boolean => c === 0x20 || c === 0x09;
/** is_printable: note that it rejects everything outside the BMP, and U+FEFF. */
const isPrintable = (c: number): boolean =>
  c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);

/** Code point at i of s (NaN past the end). */
const cpAt = (s: string, i: number): number => (i < s.length ? s.codePointAt(i)! : NaN);
/** UTF-16 units of the code point c. */
const units = (c: number): number => (c > 0xffff ? 2 : 1);

/** Columns the emitter counts for s: one per code point. */
function cpLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      n--;
      i++;
    }
  }
  return n;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u < 0x80) n += 1;
    else if (u < 0x800) n += 2;
    else if (u >= 0xd800 && u <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

interface Analysis {
  multiline: boolean;
  flowPlainAllowed: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

const FIRST_INDICATORS = new Set('#,[]{}&*!|>\'"%@`');
const FLOW_INDICATORS = new Set(',?[]{}');

/** yaml_emitter_analyze_scalar: which styles the text allows. */
function analyzeScalar(s: string): Analysis {
  const n = s.length;
  if (n === 0) {
    return { multiline: false, flowPlainAllowed: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;

  if (s.startsWith('---') || s.startsWith('...')) {
    blockIndicators = true;
    flowIndicators = true;
  }

  let precededByWhitespace = true;
  for (let i = 0; i < n; ) {
    const c = s.codePointAt(i)!;
    const w = units(c);
    const last = i + w >= n;
    const followedByWhitespace = last || isBlank(s.charCodeAt(i + w));
    const ch = s[i]!;
    if (i === 0) {
      if (FIRST_INDICATORS.has(ch)) {
        flowIndicators = true;
        blockIndicators = true;
      } else if (ch === '?' || ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      } else if (ch === '-' && followedByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    } else if (FLOW_INDICATORS.has(ch)) {
      flowIndicators = true;
    } else if (ch === ':') {
      flowIndicators = true;
      if (followedByWhitespace) blockIndicators = true;
    } else if (ch === '#' && precededByWhitespace) {
      flowIndicators = true;
      blockIndicators = true;
    }

    if (!isPrintable(c)) specialCharacters = true;
    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = c === 0 || isBlank(c) || isBreak(c);
    i += w;
  }

  const a: Analysis = {
    multiline: lineBreaks,
    flowPlainAllowed: true,
    blockPlainAllowed: true,
    singleQuotedAllowed: true,
    blockAllowed: true,
  };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
  }
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
    a.blockAllowed = false;
  }
  if (lineBreaks) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
  }
  if (flowIndicators) a.flowPlainAllowed = false;
  if (blockIndicators) a.blockPlainAllowed = false;
  return a;
}

const DOUBLE_QUOTE_ESCAPES: Record<number, string> = {
  0x00: '0',
  0x07: 'a',
  0x08: 'b',
  0x09: 't',
  0x0a: 'n',
  0x0b: 'v',
  0x0c: 'f',
  0x0d: 'r',
  0x1b: 'e',
  0x22: '"',
  0x5c: '\\',
  0x85: 'N',
  0xa0: '_',
  0x2028: 'L',
  0x2029: 'P',
};

/** The escape go-yaml writes in a double-quoted scalar (\x.. / \u.... / \U........ in upper-case hex). */
function escapeFor(c: number): string {
  const named = DOUBLE_QUOTE_ESCAPES[c];
  if (named !== undefined) return '\\' + named;
  const [letter, width] = c <= 0xff ? ['x', 2] : c <= 0xffff ? ['u', 4] : ['U', 8];
  return '\\' + letter + c.toString(16).toUpperCase().padStart(width, '0');
}

interface Context {
  root: boolean;
  sequence: boolean;
  mapping: boolean;
  simpleKey: boolean;
}

// ---------------------------------------------------------------------------------------------------
// The emitter: go-yaml's state machine unrolled into recursion, with its column / whitespace /
// indention bookkeeping, which decides every space and line break.

class Emitter {
  private out = '';
  private column = 0;
  private whitespace = true;
  private indention = true;
  private indent = -1;
  private readonly indents: number[] = [];
  private flowLevel = 0;

  output(): string {
    return this.out;
  }

  // -- low-level writers ---------------------------------------------------------------------------

  /** put / write: text without breaks, one column per code point. */
  private put(s: string): void {
    this.out += s;
    this.column += s.length;
  }

  private putText(s: string): void {
    this.out += s;
    this.column += cpLength(s);
  }

  private putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  /** write_break: a newline is the configured break; LS / PS are copied. */
  private writeBreak(c: number): void {
    if (c === 0x0a) this.putBreak();
    else {
      this.out += String.fromCodePoint(c);
      this.column = 0;
    }
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    if (this.column < indent) this.put(' '.repeat(indent - this.column));
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  // -- nodes ---------------------------------------------------------------------------------------

  emitNode(node: Node, ctx: Context): void {
    switch (node.kind) {
      case 'scalar':
        this.emitScalar(node.text, node.isString, ctx);
        return;
      case 'seq':
        if (node.items.length === 0) this.emitEmptyFlow('[', ']');
        else this.emitBlockSequence(node.items, ctx);
        return;
      case 'map':
        if (node.entries.length === 0) this.emitEmptyFlow('{', '}');
        else this.emitBlockMapping(node.entries);
        return;
    }
  }

  /** Empty collections are written in flow style. */
  private emitEmptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.increaseIndent(true, false);
    this.popIndent();
    this.writeIndicator(close, false, false, false);
  }

  private emitBlockSequence(items: Node[], ctx: Context): void {
    // A sequence that is a mapping value right after "key:" is not indented.
    this.increaseIndent(false, ctx.mapping && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.emitNode(item, { root: false, sequence: true, mapping: false, simpleKey: false });
    }
    this.popIndent();
  }

  private emitBlockMapping(entries: [Scalar, Node][]): void {
    this.increaseIndent(false, false);
    for (const [key, value] of entries) {
      this.writeIndent();
      // yaml_emitter_check_simple_key: single-line and at most 128 bytes, else "? key\n: value".
      if (!analyzeScalar(key.text).multiline && utf8Length(key.text) <= 128) {
        this.emitNode(key, { root: false, sequence: false, mapping: true, simpleKey: true });
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.emitNode(key, { root: false, sequence: false, mapping: true, simpleKey: false });
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.emitNode(value, { root: false, sequence: false, mapping: true, simpleKey: false });
    }
    this.popIndent();
  }

  private emitScalar(text: string, isString: boolean, ctx: Context): void {
    const a = analyzeScalar(text);

    // The encoder's choice (encode.go stringv); non-strings are always plain.
    let style: Style = 'plain';
    if (isString) {
      if (text.includes('\n')) style = 'literal';
      else if (!resolvesToString(text)) style = 'double';
    }

    // The emitter's choice (yaml_emitter_select_scalar_style).
    if (ctx.simpleKey && a.multiline) style = 'double';
    if (style === 'plain') {
      if ((this.flowLevel > 0 && !a.flowPlainAllowed) || (this.flowLevel === 0 && !a.blockPlainAllowed)) {
        style = 'single';
      }
      if (text.length === 0 && (this.flowLevel > 0 || ctx.simpleKey)) style = 'single';
    }
    if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
    if (style === 'literal' && (!a.blockAllowed || this.flowLevel > 0 || ctx.simpleKey)) style = 'double';

    this.increaseIndent(true, false);
    const allowBreaks = !ctx.simpleKey;
    switch (style) {
      case 'plain':
        this.writePlain(text, allowBreaks);
        break;
      case 'single':
        this.writeSingleQuoted(text, allowBreaks);
        break;
      case 'double':
        this.writeDoubleQuoted(text, allowBreaks);
        break;
      case 'literal':
        this.writeLiteral(text);
        break;
    }
    this.popIndent();
  }

  // -- scalar writers ------------------------------------------------------------------------------
  // A space becomes a line break (and the indentation of the scalar) when the column has passed
  // best_width, the previous character was not a space, and (plain / single-quoted) the next is not.

  private writePlain(v: string, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    if (!allowBreaks || this.column + v.length <= BEST_WIDTH + 1) {
      // No space can be reached past best_width (and plain text has no line breaks): as is.
      this.putText(v);
    } else {
      let spaces = false;
      let breaks = false;
      for (let i = 0; i < v.length; ) {
        const c = v.codePointAt(i)!;
        const w = units(c);
        if (c === 0x20) {
          if (!spaces && this.column > BEST_WIDTH && cpAt(v, i + 1) !== 0x20) this.writeIndent();
          else this.put(' ');
          spaces = true;
        } else if (isBreak(c)) {
          if (!breaks && c === 0x0a) this.putBreak();
          this.writeBreak(c);
          this.indention = true;
          breaks = true;
        } else {
          if (breaks) this.writeIndent();
          this.out += v.slice(i, i + w);
          this.column++;
          this.indention = false;
          spaces = false;
          breaks = false;
        }
        i += w;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(v: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < v.length; ) {
      const c = v.codePointAt(i)!;
      const w = units(c);
      if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i + w < v.length && cpAt(v, i + 1) !== 0x20) {
          this.writeIndent();
        } else {
          this.put(' ');
        }
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === 0x27) this.put("'");
        this.out += v.slice(i, i + w);
        this.column++;
        this.indention = false;
        spaces = false;
        breaks = false;
      }
      i += w;
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(v: string, allowBreaks: boolean): void {
    let spaces = false;
    this.writeIndicator('"', true, false, false);
    // go-yaml's is_bom() looks at the start of the value, not at the current character: a value that
    // starts with U+FEFF has every character escaped.
    const bom = v.charCodeAt(0) === 0xfeff;
    for (let i = 0; i < v.length; ) {
      const c = v.codePointAt(i)!;
      const w = units(c);
      if (bom || !isPrintable(c) || isBreak(c) || c === 0x22 || c === 0x5c) {
        this.put(escapeFor(c));
        spaces = false;
      } else if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i + w < v.length) {
          this.writeIndent();
          // Keep the next space from being taken as indentation.
          if (cpAt(v, i + 1) === 0x20) this.put('\\');
        } else {
          this.put(' ');
        }
        spaces = true;
      } else {
        this.out += v.slice(i, i + w);
        this.column++;
        spaces = false;
      }
      i += w;
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(v: string): void {
    this.writeIndicator('|', true, false, false);
    // Block scalar hints: an indentation indicator when the text starts with a space or a break;
    // chomping '-' without a final break, '+' when it ends with two breaks (or is a single break).
    const first = cpAt(v, 0);
    if (first === 0x20 || isBreak(first)) this.writeIndicator(String(BEST_INDENT), false, false, false);
    let chomp = '';
    if (v.length === 0) chomp = '-';
    else {
      const cps = Array.from(v.slice(-4));
      const last = cps[cps.length - 1]!.codePointAt(0)!;
      if (!isBreak(last)) chomp = '-';
      else if (cps.length === 1 && v.length === cps[0]!.length) chomp = '+';
      else if (cps.length > 1 && isBreak(cps[cps.length - 2]!.codePointAt(0)!)) chomp = '+';
    }
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    let i = 0;
    while (i < v.length) {
      let j = i;
      while (j < v.length && !isBreak(v.charCodeAt(j))) j++;
      if (j > i) {
        if (breaks) this.writeIndent();
        this.putText(v.slice(i, j));
        this.indention = false;
        breaks = false;
      }
      if (j < v.length) {
        this.writeBreak(v.charCodeAt(j));
        this.indention = true;
        breaks = true;
        j++;
      }
      i = j;
    }
  }
}
