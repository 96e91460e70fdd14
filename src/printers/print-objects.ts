import type { KubeObject } from '../api/types.js';
import type { Snapshot } from '../api/snapshot.js';
import { formatLabelMap } from '../api/labels.js';
import { kindPrefix, typeForKind } from '../api/kinds.js';
import { formatTable } from './tabwriter.js';
import { tablePrinterFor } from './table/index.js';
import { toJson } from './json.js';
import type { OutputFormat } from './output-format.js';

export interface PrintOptions {
  format: OutputFormat;
  now: string;
  snapshot: Snapshot;
  /** Prepend the NAMESPACE column (-A). */
  withNamespace: boolean;
  showLabels: boolean;
  labelColumns: string[];
  noHeaders: boolean;
  /** Several objects or a list query: yaml/json/jsonpath get the List wrapper. */
  asList: boolean;
  /** Force the `kind/` prefix on names (several kinds in the result). */
  kindPrefix: boolean;
}

/** `lower(kind)[.group]/name` (`-o name`, messages, multi-kind prefixes). */
export function objectName(o: KubeObject): string {
  const t = typeForKind(o.kind, o.apiVersion);
  return `${t ? kindPrefix(t) : o.kind.toLowerCase()}/${o.metadata.name}`;
}

/** The List wrapper kubectl prints around several objects. */
export function asListObject(objs: KubeObject[]): object {
  return { apiVersion: 'v1', items: objs, kind: 'List', metadata: { resourceVersion: '' } };
}

/**
 * Renders objects in the requested format; tables group by kind with a blank line between blocks. The
 * YAML, JSONPath and custom-columns printers are loaded only when asked for (start-up time).
 */
export async function printObjects(objs: KubeObject[], o: PrintOptions): Promise<string> {
  const f = o.format;
  switch (f.kind) {
    case 'yaml': {
      const { toYaml } = await import('./serialize.js');
      if (!o.asList && objs.length === 1) return toYaml(objs[0]);
      return toYaml(asListObject(objs));
    }
    case 'json':
      if (!o.asList && objs.length === 1) return toJson(objs[0]);
      return toJson(asListObject(objs));
    case 'name':
      return objs.map((x) => `${objectName(x)}\n`).join('');
    case 'jsonpath': {
      const { executeJsonPath, executeJsonPathAsJson, parseJsonPath } = await import('./jsonpath/index.js');
      const t = parseJsonPath(f.template);
      const data = !o.asList && objs.length === 1 ? objs[0] : asListObject(objs);
      return f.asJson ? executeJsonPathAsJson(t, data) : executeJsonPath(t, data, { allowMissingKeys: true });
    }
    case 'custom-columns': {
      const { formatCustomColumns, parseCustomColumns, parseCustomColumnsFile } = await import('./custom-columns.js');
      const cols = f.fromFile ? parseCustomColumnsFile(f.spec) : parseCustomColumns(f.spec);
      return formatCustomColumns(cols, objs, { noHeaders: o.noHeaders });
    }
    case 'table':
      return printTables(objs, o, f.wide);
  }
}

function printTables(objs: KubeObject[], o: PrintOptions, wide: boolean): string {
  const groups: KubeObject[][] = [];
  for (const obj of objs) {
    const last = groups.at(-1);
    if (last && last[0].kind === obj.kind) last.push(obj);
    else groups.push([obj]);
  }
  const blocks = groups.map((g) => printTable(g, o, wide));
  return blocks.join(o.noHeaders ? '' : '\n');
}

function printTable(objs: KubeObject[], o: PrintOptions, wide: boolean): string {
  const printer = tablePrinterFor(objs[0].kind);
  const keep = printer.columns.map((c) => wide || !c.wide);
  const rows: string[][] = [];
  const t = typeForKind(objs[0].kind, objs[0].apiVersion);
  const nsCol = o.withNamespace && (t?.namespaced ?? true);
  if (!o.noHeaders) {
    const header = printer.columns.filter((_, i) => keep[i]).map((c) => c.header);
    rows.push([...(nsCol ? ['NAMESPACE'] : []), ...header, ...o.labelColumns.map(labelHeader), ...(o.showLabels ? ['LABELS'] : [])]);
  }
  for (const obj of objs) {
    const cells = printer.row(obj, { now: o.now, snapshot: o.snapshot }).filter((_, i) => keep[i]);
    if (o.kindPrefix && printer.columns[0].header === 'NAME') cells[0] = objectName(obj);
    const labels = obj.metadata.labels ?? {};
    rows.push([
      ...(nsCol ? [obj.metadata.namespace ?? ''] : []),
      ...cells,
      ...o.labelColumns.map((k) => labels[k] ?? ''),
      ...(o.showLabels ? [formatLabelMap(labels) || '<none>'] : []),
    ]);
  }
  return formatTable(rows.map((r) => r.map(cutAtNewline)));
}

/** `-L app.kubernetes.io/name` → header `NAME`: the upper-cased last path segment. */
function labelHeader(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1).toUpperCase();
}

/** A cell is cut at its first line break and marked with `...`. */
function cutAtNewline(cell: string): string {
  const i = cell.search(/[\n\r\f]/);
  return i < 0 ? cell : `${cell.slice(0, i)}...`;
}
