import { NAME_SUFFIX_ALPHABET } from '../util/rng.js';

/** 32-bit FNV-1a over the UTF-8 bytes of `s`. */
export function fnv32a(s: string): number {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(s)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * apimachinery's rand.SafeEncodeString: every character of the decimal string is mapped into the
 * vowel-free alphabet, which is why template hashes look like `684dd4dcd4`.
 */
export function safeEncode(s: string): string {
  let out = '';
  for (const ch of s) out += NAME_SUFFIX_ALPHABET[ch.charCodeAt(0) % NAME_SUFFIX_ALPHABET.length];
  return out;
}

/** Canonical JSON: object keys sorted, so equal templates hash equally whatever their key order. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** The pod-template-hash of a pod template (and collision count), as the Deployment controller labels it. */
export function podTemplateHash(template: unknown, collisionCount = 0): string {
  const h = fnv32a(canonicalJson(template) + (collisionCount ? String(collisionCount) : ''));
  return safeEncode(String(h));
}
