/**
 * Go's encoding/base64 StdEncoding, which the API server's JSON decoder uses for `[]byte` fields such as
 * Secret `data`. Reproduced so that the error offset matches Go's CorruptInputError exactly: the decoder
 * skips '\r' and '\n', requires '=' padding, and reports the byte offset of the first bad input byte.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Map<number, number>([...ALPHABET].map((c, i) => [c.charCodeAt(0), i]));
const PAD = 0x3d; // '='
const isNewline = (b: number): boolean => b === 0x0a || b === 0x0d;

/** Outcome of decoding: the bytes, or Go's `illegal base64 data at input byte N` offset. */
export type DecodeResult = { ok: true; bytes: Uint8Array } | { ok: false; offset: number };

/** Decodes one 4-character quantum starting at `si` (Go's decodeQuantum). */
function decodeQuantum(src: Uint8Array, si: number, out: number[]): { si: number; err?: number; done?: boolean } {
  const buf = [0, 0, 0, 0];
  let len = 4;
  for (let j = 0; j < 4; j++) {
    if (si === src.length) {
      if (j === 0) return { si, done: true };
      return { si, err: si - j };
    }
    const b = src[si++];
    const v = DECODE.get(b);
    if (v !== undefined) {
      buf[j] = v;
      continue;
    }
    if (isNewline(b)) {
      j--;
      continue;
    }
    if (b !== PAD || j < 2) return { si, err: si - 1 };
    if (j === 2) {
      // "==" is expected; the first '=' is already consumed.
      while (si < src.length && isNewline(src[si])) si++;
      if (si === src.length) return { si, err: src.length };
      if (src[si] !== PAD) return { si, err: si - 1 };
      si++;
    }
    while (si < src.length && isNewline(src[si])) si++;
    if (si < src.length) return { si, err: si };
    len = j;
    break;
  }
  const val = (buf[0] << 18) | (buf[1] << 12) | (buf[2] << 6) | buf[3];
  const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff];
  out.push(...bytes.slice(0, len - 1));
  return { si, done: len < 4 };
}

/** Decodes like Go's base64.StdEncoding.Decode (offsets count UTF-8 bytes of the input). */
export function decodeBase64(s: string): DecodeResult {
  const src = new TextEncoder().encode(s);
  const out: number[] = [];
  let si = 0;
  while (si < src.length) {
    const r = decodeQuantum(src, si, out);
    if (r.err !== undefined) return { ok: false, offset: r.err };
    si = r.si;
    if (r.done) break;
  }
  return { ok: true, bytes: Uint8Array.from(out) };
}

/** Standard padded base64 of a UTF-8 string (what `stringData` becomes in `data`). */
export function encodeBase64(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = [18, 12, 6, 0].map((sh) => ALPHABET[(n >> sh) & 63]);
    const keep = Math.min(4, bytes.length - i + 1);
    out += chars.slice(0, keep).join('') + '='.repeat(4 - keep);
  }
  return out;
}
