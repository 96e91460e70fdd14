/**
 * Go's view of characters and literals as client-go's JSONPath lexer uses it: the character classes,
 * strconv.Atoi, `%#U`, and strconv.Unquote extended to single quotes.
 */

/** What the lexer reads past the end of the input. */
export const EOF = '';

/** Characters that end a field name or identifier. */
export function isTerminator(r: string): boolean {
  return r === EOF || r === ' ' || r === '\t' || isEndOfLine(r) || '.,[]$@{}'.includes(r);
}

/** `\r` or `\n`. */
export function isEndOfLine(r: string): boolean {
  return r === '\r' || r === '\n';
}

/** Go's unicode.IsDigit. */
export function isDigit(r: string): boolean {
  return /^\p{Nd}$/u.test(r);
}

/** `_`, a letter or a digit (client-go's isAlphaNumeric). */
export function isAlphaNumeric(r: string): boolean {
  return r === '_' || /^[\p{L}\p{Nd}]$/u.test(r);
}

/** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
export function isGoPrintable(r: string): boolean {
  return r === ' ' || /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(r);
}

/** Go's `%#U`: `U+002C ','`, without the quoted character when it is not printable. */
export function goUnicodeVerb(r: string): string {
  const hex = r.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return isGoPrintable(r) ? `U+${hex} '${r}'` : `U+${hex}`;
}

/** Go's strconv.Atoi: optional sign, ASCII digits, int64 range. */
export function goAtoi(text: string): number | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const n = BigInt(text);
  if (n > 9223372036854775807n || n < -9223372036854775808n) return undefined;
  return Number(n);
}

/**
 * strconv.Unquote extended to single quotes. `\x` and octal escapes yield raw bytes, so the literal is
 * assembled as UTF-8 bytes and decoded at the end. Returns undefined for Go's "invalid syntax".
 */
export function unquoteExtend(literal: string): string | undefined {
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
