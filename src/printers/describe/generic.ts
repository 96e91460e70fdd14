import type { Json, KubeObject } from '../../api/types.js';
import type { DescribeContext } from './context.js';
import { describeEventsOf } from './events.js';
import { LEVEL_0, PrefixWriter, byCodeUnit, writeAnnotations, writeLabels } from './prefix-writer.js';

/** Paths the generic describer leaves out (they are printed above, or noise). */
const SKIP = ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations'];

/**
 * The generic describer kubectl uses for kinds without their own (Event, Lease, CRDs …): Name,
 * Namespace, Labels, Annotations, then every remaining field sorted by name with "smart" labels
 * (`apiVersion` → `API Version`, `involvedObject` → `Involved Object`), nested maps and lists indented,
 * then Events.
 */
export function describeGeneric(obj: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', obj.metadata.labels);
  writeAnnotations(w, 'Annotations', obj.metadata.annotations);
  printContent(w, LEVEL_0, obj, '');
  describeEventsOf(w, obj, ctx);
  return w.toString();
}

/** printUnstructuredContent. */
function printContent(w: PrefixWriter, level: number, content: Record<string, Json>, prefix: string): void {
  for (const field of Object.keys(content).sort(byCodeUnit)) {
    const path = `${prefix}.${field}`;
    const value = content[field];
    // undefined cannot come from stored JSON; treat it as absent rather than Go's <nil>.
    if (SKIP.includes(path) || value === undefined) continue;
    if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const child of value) {
        if (isMap(child)) printContent(w, level + 1, child, path);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else if (isMap(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      printContent(w, level + 1, value, path);
    } else {
      w.write(level, `${smartLabel(field)}:\t${goValue(value)}\n`);
    }
  }
}

function isMap(v: Json): v is Record<string, Json> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Go's `%v` of a decoded JSON scalar. */
function goValue(v: Json): string {
  if (v === null || v === undefined) return '<nil>';
  return String(v);
}

const ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID'];

/** smartLabelFor: camel-case words, title-cased, known acronyms upper-cased; fields with digits etc. as-is. */
export function smartLabel(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return camelSplit(field)
    .filter((p) => p !== '_')
    .map((p) => (ACRONYMS.includes(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(' ');
}

/** fatih/camelcase Split: runs of lower / upper / other, with `PDFLoader` → `PDF`, `Loader`. */
function camelSplit(s: string): string[] {
  const cls = (ch: string) => (/\p{Ll}/u.test(ch) ? 1 : /\p{Lu}/u.test(ch) ? 2 : 3);
  const runs: string[] = [];
  let last = 0;
  for (const ch of s) {
    const c = cls(ch);
    if (c === last) runs[runs.length - 1] += ch;
    else runs.push(ch);
    last = c;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (cls(runs[i][0]) === 2 && cls(runs[i + 1][0]) === 1) {
      runs[i + 1] = runs[i].slice(-1) + runs[i + 1];
      runs[i] = runs[i].slice(0, -1);
    }
  }
  return runs.filter((r) => r.length > 0);
}
