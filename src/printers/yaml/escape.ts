/**
 * Escapes in a double-quoted scalar, as go-yaml v2's yaml_emitter_write_double_quoted_scalar writes them:
 * which characters it escapes, and how (named escapes first, else \x.. / \u.... / \U........ in upper-case hex).
 */
import { isBreak, isPrintable } from './chars.js';

/** The named escapes of the YAML spec that go-yaml uses ("\N" for NEL, "\_" for NBSP, "\L" / "\P" for LS / PS). */
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
export function escapeFor(c: number): string {
  const named = DOUBLE_QUOTE_ESCAPES[c];
  if (named !== undefined) return '\\' + named;
  const [letter, width] = c <= 0xff ? ['x', 2] : c <= 0xffff ? ['u', 4] : ['U', 8];
  return '\\' + letter + c.toString(16).toUpperCase().padStart(width, '0');
}

/**
 * True when go-yaml escapes the code point c in a double-quoted scalar: anything not printable, any line
 * break, '"' and '\'. `bom` is whether the whole value starts with U+FEFF: go-yaml's is_bom() looks at the
 * start of the value, not at the current character, so such a value has every character escaped.
 */
export function mustEscape(c: number, bom: boolean): boolean {
  return bom || !isPrintable(c) || isBreak(c) || c === 0x22 || c === 0x5c;
}
