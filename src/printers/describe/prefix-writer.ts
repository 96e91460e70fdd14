import { alignTabs } from '../tabwriter.js';

/** Indentation levels as describe.go names them (2 spaces each). */
export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;

/**
 * describe.go's PrefixWriter on top of a text/tabwriter (minwidth 0, padding 2): `write` prefixes
 * 2 spaces per level and buffers the text; `flush` aligns everything buffered so far on its own, which is
 * how the Events table escapes the alignment of the fields above it. Text uses `\t` between cells and
 * `\n` at line ends exactly like the Go format strings.
 */
export class PrefixWriter {
  private pending = '';
  private done = '';

  /** Writes `text` with `level` × 2 spaces in front (the prefix goes before the text, not per line). */
  write(level: number, text: string): void {
    this.pending += '  '.repeat(level) + text;
  }

  /** Aligns the buffered text now; later text forms new alignment blocks. */
  flush(): void {
    if (this.pending === '') return;
    this.done += alignTabs(this.pending, 2);
    this.pending = '';
  }

  /** Everything written, flushed. */
  toString(): string {
    this.flush();
    return this.done;
  }
}

/**
 * printLabelsMultilineWithIndent: `Title:\tk=v` then every further label on its own line made of
 * `initialIndent` + `innerIndent` (a tab, so it lines up under the first value). Sorted by key;
 * `<none>` when empty.
 */
export function writeLabels(
  w: PrefixWriter,
  title: string,
  labels: Record<string, string> | undefined,
  initialIndent = '',
  innerIndent = '\t',
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort(byCodeUnit);
  if (keys.length === 0) {
    w.write(LEVEL_0, '<none>\n');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, initialIndent + innerIndent);
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

/** Annotations describe never prints. */
const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const MAX_ANNOTATION_LEN = 140;

/**
 * printAnnotationsMultiline: like labels but `k: v`. last-applied-configuration is always hidden. A value
 * that is multi-line, or whose key+value+2 exceeds 140 characters, goes on its own lines below `key:`,
 * indented 2 more than the value column, each line cut at 138 characters plus `...`.
 */
export function writeAnnotations(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const all = annotations ?? {};
  const keys = Object.keys(all)
    .filter((k) => !SKIPPED_ANNOTATIONS.has(k))
    .sort(byCodeUnit);
  if (keys.length === 0) {
    w.write(LEVEL_0, '<none>\n');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    // kubectl trims one trailing newline only (YAML block scalars end with one).
    const value = all[key].endsWith('\n') ? all[key].slice(0, -1) : all[key];
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const line of value.split('\n')) w.write(LEVEL_0, `\t  ${shorten(line, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

function shorten(s: string, max: number): string {
  return s.length > max ? s.slice(0, max) + '...' : s;
}

/** One `title:\titem` line, further items on lines of `\t` + item; `<none>` when empty. */
export function writeMultiline(w: PrefixWriter, title: string, items: string[], initialIndent = ''): void {
  w.write(LEVEL_0, `${initialIndent}${title}:\t`);
  if (items.length === 0) {
    w.write(LEVEL_0, '<none>\n');
    return;
  }
  items.forEach((item, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}\t`);
    w.write(LEVEL_0, `${item}\n`);
  });
}

/** Go's sort.Strings order (byte order; for our ASCII keys the same as UTF-16 code units). */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
