/**
 * Character classes and measures of go-yaml v2's emitter (yamlprivateh.go), on code points: the
 * emitter works on UTF-8 bytes, so each helper here states how it maps onto JS strings.
 */

/** is_break: LF, CR, NEL, LS (U+2028), PS (U+2029). */
export const isBreak = (c: number): boolean => c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;

/** is_blank: space or tab. */
export const isBlank = (c: number): boolean => c === 0x20 || c === 0x09;

/** is_printable: note that it rejects everything outside the BMP, and U+FEFF. */
export const isPrintable = (c: number): boolean =>
  c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);

/** Code point at i of s (NaN past the end). */
export const cpAt = (s: string, i: number): number => (i < s.length ? s.codePointAt(i)! : NaN);

/** UTF-16 units of the code point c (go-yaml's width() counts UTF-8 bytes; the emitter steps by it). */
export const units = (c: number): number => (c > 0xffff ? 2 : 1);

/** Columns the emitter counts for s: one per code point (go-yaml's put / write advance column by 1 per character). */
export function cpLength(s: string): number {
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

/** Bytes of s in UTF-8: go-yaml measures a simple key's length (at most 128) in bytes. */
export function utf8Length(s: string): number {
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
