/**
 * The JSON text kubectl hands to sigs.k8s.io/yaml, as go-yaml v2's reader sees it: which values Go's
 * encoder writes, in what order, how long a string's JSON form is, and what a string reads back as.
 */

const SURROGATE = /[\ud800-\udfff]/;

/** A value as JSON.stringify would see it: an object with a toJSON method stands for its result. */
export function toJsonValue(v: unknown): unknown {
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    return (v as { toJSON: () => unknown }).toJSON();
  }
  return v;
}

/** An object's members that make it into JSON (undefined, functions and symbols are dropped), in key insertion order. */
export function jsonEntries(o: Record<string, unknown>): [string, unknown][] {
  const entries: [string, unknown][] = [];
  for (const k of Object.keys(o)) {
    const val = o[k];
    if (val === undefined || typeof val === 'function' || typeof val === 'symbol') continue;
    entries.push([k, val]);
  }
  return entries;
}

/** Visits every string of a JSON value (map keys too), optionally in Go's JSON order (map keys sorted bytewise). */
export function walkJson(v: unknown, visit: (s: string, isKey: boolean) => void, ordered: boolean): void {
  v = toJsonValue(v);
  if (typeof v === 'string') visit(v, false);
  else if (Array.isArray(v)) for (const x of v) walkJson(x, visit, ordered);
  else if (v !== null && typeof v === 'object') {
    const entries = jsonEntries(v as Record<string, unknown>);
    if (ordered) entries.sort((a, b) => compareCodePoints(a[0], b[0]));
    for (const [k, val] of entries) {
      visit(k, true);
      walkJson(val, visit, ordered);
    }
  }
}

/** JS strings may hold lone surrogates; Go's JSON decoder reads them (as JSON.stringify writes them) as U+FFFD. */
export function wellFormed(s: string): string {
  return SURROGATE.test(s)
    ? s.replace(/[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g, (m) => (m.length === 2 ? m : '\ufffd'))
    : s;
}

/**
 * A string as go-yaml reads it back from the JSON Go wrote. Go's JSON encoder escapes control
 * characters, U+2028/U+2029, `"`, `\\`, `<`, `>` and `&`, but writes spaces and NEL (U+0085) raw, and
 * inside a YAML double-quoted scalar a raw NEL is a line break: a run of spaces and n NELs folds into
 * one space (n = 1) or n-1 newlines (go-yaml's scanner, yaml_parser_scan_flow_scalar).
 */
export function decodeJsonString(s: string): string {
  const out = wellFormed(s);
  if (!out.includes('\u0085')) return out;
  return out.replace(/[ \u0085]+/g, (run) => {
    const breaks = run.split('\u0085').length - 1;
    if (breaks === 0) return run;
    return breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
  });
}

/** Go's string order (UTF-8 bytes, i.e. code points), which encoding/json uses for map keys. */
export function compareCodePoints(a: string, b: string): number {
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

/** Characters in Go's JSON encoding of s, without the quotes (encoding/json's escapes: \n-style or \u00XX). */
export function goJsonLength(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 0x22 || c === 0x5c || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x08 || c === 0x0c) n += 2;
    else if (c < 0x20 || c === 0x3c || c === 0x3e || c === 0x26 || c === 0x2028 || c === 0x2029) n += 6;
    else n += 1;
  }
  return n;
}
