/**
 * Would go-yaml v2 read a plain scalar with this text back as a string? Its resolver (resolve.go) is
 * YAML 1.1: y/yes/on/off…, ~/null, ints in any base with underscores, floats, .inf/.nan, timestamps.
 * The encoder (encode.go stringv) writes a string plain only when it resolves back to a string and is
 * no base-60 float ("1:20"); otherwise it asks for double quotes.
 */
import { goParseFloatOk, goParseInt, goParseUint } from './strconv.js';

/** resolve.go's resolveMap: the fixed spellings of bool, null, float and merge values. */
const RESOLVE_NON_STRING = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
  '<<',
]);

/** resolve.go's yamlStyleFloat: what may go to strconv.ParseFloat (tried on the text without underscores). */
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** encode.go's isBase60Float: YAML 1.1 sexagesimal numbers, which go-yaml never writes plain. */
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/**
 * True when go-yaml's encoder may write `s` as a plain scalar (it resolves back to the same string). The
 * first character picks the checks, as resolve.go's resolveTable hints do: sign / digit (ints, floats,
 * timestamps), the letters of yes/no/true/false/on/off/~ (the map only), "." (.inf / .nan or a float).
 */
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
      // 'D' / 'S': a timestamp, then ParseInt / ParseUint (base 0) and ParseFloat on the text without
      // underscores, then the YAML 1.1 binary forms 0b… and -0b….
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

// YAML 1.1 timestamps as go-yaml accepts them (resolve.go parseTimestamp): Go's time.Parse with the
// layouts "2006-1-2T15:4:5.999999999Z07:00", "2006-1-2t15:4:5.999999999Z07:00", "2006-1-2 15:4:5.999999999",
// "2006-1-2", after a check that the text starts with four digits and a '-'.
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

