/**
 * Values rendered the way a 1.29–1.32 API server prints them inside field errors: apimachinery's
 * `field.Error.ErrorBody` prints ints/bools bare, strings with Go's `%q`, and everything else with `%#v`
 * (`[]string{"a"}`, `map[string]string{"k":"v"}`, `v1.LabelSelector{…}`).
 */

/** A value that is already rendered in Go syntax; `goValue` passes it through unchanged. */
export class GoLiteral {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** Wraps pre-rendered Go syntax so field-error helpers print it verbatim. */
export function goLiteral(text: string): GoLiteral {
  return new GoLiteral(text);
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** One code point escaped as strconv.Quote does. */
function quoteRune(ch: string): string {
  switch (ch) {
    case '"':
      return '\\"';
    case '\\':
      return '\\\\';
    case '\x07':
      return '\\a';
    case '\b':
      return '\\b';
    case '\f':
      return '\\f';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    case '\v':
      return '\\v';
  }
  if (PRINTABLE.test(ch)) return ch;
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x80) return `\\x${hex(cp, 2)}`;
  if (cp < 0x10000) return `\\u${hex(cp, 4)}`;
  return `\\U${hex(cp, 8)}`;
}

/** Go's `%q` / strconv.Quote: double-quoted, with Go escapes for control and non-printable runes. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) out += quoteRune(ch);
  return out + '"';
}

/**
 * A scalar as `field.Error` renders it: numbers and booleans bare, strings quoted. `null`/`undefined`
 * become `"null"` — quoted, because apimachinery replaces a nil value with the *string* "null" before
 * choosing the `%q` branch.
 */
export function goValue(v: unknown): string {
  if (v instanceof GoLiteral) return v.text;
  if (v === null || v === undefined) return '"null"';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return goQuote(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return goStringSlice(v as string[]);
  if (typeof v === 'object' && Object.values(v as object).every((x) => typeof x === 'string')) {
    return goStringMap(v as Record<string, string>);
  }
  return goQuote(JSON.stringify(v));
}

/** `[]string{"a", "b"}`; a missing slice prints as `[]string(nil)`. */
export function goStringSlice(v: readonly string[] | undefined | null): string {
  if (!v) return '[]string(nil)';
  return `[]string{${v.map(goQuote).join(', ')}}`;
}

/** Go sorts map keys bytewise when printing; so do we (code-unit order equals byte order for ASCII keys). */
function sortedKeys(m: Record<string, unknown>): string[] {
  return Object.keys(m).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** `map[string]string{"a":"1", "b":"2"}` (keys sorted); a missing map prints as `map[string]string(nil)`. */
export function goStringMap(m: Record<string, string> | undefined | null): string {
  if (!m) return 'map[string]string(nil)';
  const body = sortedKeys(m)
    .map((k) => `${goQuote(k)}:${goQuote(String(m[k]))}`)
    .join(', ');
  return `map[string]string{${body}}`;
}

interface SelectorLike {
  matchLabels?: Record<string, string> | null;
  matchExpressions?: { key?: string; operator?: string; values?: string[] | null }[] | null;
}

function goRequirement(r: { key?: string; operator?: string; values?: string[] | null }): string {
  return (
    `v1.LabelSelectorRequirement{Key:${goQuote(r.key ?? '')}, Operator:${goQuote(r.operator ?? '')}, ` +
    `Values:${goStringSlice(r.values ?? undefined)}}`
  );
}

/**
 * `%#v` of a metav1.LabelSelector, as in the selector-immutability error:
 * `v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}`.
 * A missing selector (nil pointer) renders as `"null"`.
 */
export function goLabelSelector(sel: SelectorLike | undefined | null): string {
  if (!sel) return '"null"';
  const exprs = sel.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${sel.matchExpressions.map(goRequirement).join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels ?? undefined)}, MatchExpressions:${exprs}}`;
}
