/**
 * `kubectl get -w` / `--watch-only` / `--output-watch-events`, and the state-following loop `logs -f`
 * shares. There is no API server to hold a watch open: the watcher re-reads the state file every
 * quarter second (a fresh session each time, committed, so time-driven transitions happen even when
 * nothing else runs) and turns the differences into ADDED / MODIFIED / DELETED events, told apart by
 * uid and resourceVersion. Works with a frozen clock too: other terminals' commands change the state.
 */
import type { CommandContext } from '../cli/command.js';
import type { Session } from '../cluster/session.js';
import type { KubeObject } from '../api/types.js';
import type { Snapshot } from '../api/snapshot.js';
import { formatLabelMap } from '../api/labels.js';
import { typeForKind, type ResourceType } from '../api/kinds.js';
import { CliError, ExitError } from '../errors.js';
import { parseResourceArgs } from '../resource/args.js';
import { loadManifests } from '../resource/manifests.js';
import { namespaceFor } from '../resource/namespace.js';
import { getObject, listObjects, parseFilters, type Filters } from '../resource/select.js';
import type { OutputFormat } from '../printers/output-format.js';
import { objectName } from '../printers/print-objects.js';
import { tablePrinterFor } from '../printers/table/index.js';
import { cellWidth } from '../printers/tabwriter.js';
import { sortKeys, toJson } from '../printers/json.js';

/** How often the state file is read again while watching or following. */
export const FOLLOW_INTERVAL_MS = 250;

export type FollowEnd = 'done' | 'interrupted' | 'expired';

/**
 * Runs `step` against a fresh session (committed afterwards) every FOLLOW_INTERVAL_MS until it returns
 * true ('done'), a termination signal arrives ('interrupted': kubectl's interrupt handler then exits 1),
 * or the test-only KUBESIM_WATCH_EXIT_AFTER_MS has elapsed ('expired', like a watch the server closed).
 */
export async function followState(ctx: CommandContext, step: (s: Session) => boolean | Promise<boolean>): Promise<FollowEnd> {
  const limit = Number(ctx.env.KUBESIM_WATCH_EXIT_AFTER_MS);
  const deadline = Number.isFinite(limit) && limit >= 0 && ctx.env.KUBESIM_WATCH_EXIT_AFTER_MS !== '' ? Date.now() + limit : Infinity;
  let interrupted = false;
  let wake: (() => void) | undefined;
  const onSignal = () => {
    interrupted = true;
    wake?.();
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const sig of signals) process.on(sig, onSignal);
  const look = async (): Promise<boolean> => {
    const s = await ctx.openSession({ readOnly: true });
    try {
      const done = await step(s);
      await s.commit();
      return done;
    } catch (e) {
      s.abort();
      throw e;
    }
  };
  try {
    for (;;) {
      const left = deadline - Date.now();
      if (interrupted) return 'interrupted';
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, Math.max(0, Math.min(FOLLOW_INTERVAL_MS, left)));
      });
      wake = undefined;
      if (interrupted) return 'interrupted';
      if (await look()) return 'done';
      // The test knob's end still gets the look above, so what happened before it is always reported.
      if (Date.now() >= deadline) return 'expired';
    }
  } finally {
    for (const sig of signals) process.off(sig, onSignal);
  }
}

// ---------------------------------------------------------------------------------------------------
// Tables whose column widths only grow (the tabwriter kubectl's watch writes to keeps RememberWidths).

/**
 * A get table that is printed in pieces: each print lays its rows out with the widths of this print
 * and of every earlier one, widths never shrink, and the last cell of a row is never padded.
 */
export class GrowingTable {
  private widths: number[] = [];

  constructor(
    private readonly minWidth = 6,
    private readonly padding = 3,
  ) {}

  /** Lays out `rows` (one flush of kubectl's tabwriter). */
  format(rows: string[][]): string {
    for (const row of rows) {
      row.forEach((cell, i) => {
        if (i === row.length - 1) return;
        this.widths[i] = Math.max(this.widths[i] ?? 0, this.minWidth, cellWidth(cell) + this.padding);
      });
    }
    return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(this.widths[i] - cellWidth(cell)))).join('') + '\n').join('');
  }
}

// ---------------------------------------------------------------------------------------------------
// What is watched.

type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

interface WatchEvent {
  type: EventType;
  obj: KubeObject;
}

/** One watch: a type in a namespace (or all), optionally one name, filtered by selectors. */
interface WatchScope {
  type: ResourceType;
  namespace: string;
  allNamespaces: boolean;
  name?: string;
  filters: Filters;
}

function scopeObjects(snap: Snapshot, w: WatchScope): KubeObject[] {
  if (w.name !== undefined) {
    const o = snap.get(w.type.kind, w.type.namespaced ? w.namespace : '', w.name);
    return o ? [o] : [];
  }
  return listObjects(snap, w.type, w.namespace, w.allNamespaces, w.filters);
}

/**
 * The events between two looks at the watched objects: ADDED and MODIFIED in resourceVersion order,
 * then DELETED (the state keeps no record of when an object went away).
 */
export function diffObjects(before: Map<string, KubeObject>, after: KubeObject[], now: string): WatchEvent[] {
  const events: WatchEvent[] = [];
  const seen = new Set<string>();
  for (const o of after) {
    const uid = o.metadata.uid ?? '';
    seen.add(uid);
    const old = before.get(uid);
    if (!old) events.push({ type: 'ADDED', obj: o });
    else if (old.metadata.resourceVersion !== o.metadata.resourceVersion) events.push({ type: 'MODIFIED', obj: o });
  }
  events.sort((a, b) => Number(a.obj.metadata.resourceVersion ?? 0) - Number(b.obj.metadata.resourceVersion ?? 0));
  for (const [uid, o] of before) if (!seen.has(uid)) events.push({ type: 'DELETED', obj: deletedState(o, now) });
  return events;
}

/**
 * The object a DELETED event carries. A pod leaves the API only after its graceful deletion began, so
 * its last state has a deletionTimestamp (kubectl shows it Terminating) even when the simulator went
 * from running to gone between two looks.
 */
function deletedState(o: KubeObject, now: string): KubeObject {
  if (o.kind !== 'Pod' || o.metadata.deletionTimestamp) return o;
  return { ...o, metadata: { ...o.metadata, deletionTimestamp: now } };
}

function byUid(objs: KubeObject[]): Map<string, KubeObject> {
  return new Map(objs.map((o) => [o.metadata.uid ?? '', o]));
}

/** Resolves `get -w`'s arguments to one watch, with kubectl's errors for what it cannot watch. */
async function resolveScope(ctx: CommandContext, snap: Snapshot): Promise<{ scope: WatchScope; initial: KubeObject[]; several: boolean }> {
  const f = ctx.parsed.flags;
  const allNs = f['all-namespaces'] as boolean;
  const filters = parseFilters(f.selector as string, f['field-selector'] as string);
  const filenames = f.filename as string[];
  let requests: Array<{ type: ResourceType; namespace: string; name?: string }>;
  if (filenames.length) {
    const manifests = await loadManifests(filenames, { cwd: ctx.cwd, recursive: f.recursive as boolean, readStdin: ctx.io.readStdin });
    requests = manifests.flatMap((m) => {
      const type = typeForKind(m.obj.kind, m.obj.apiVersion);
      return type ? [{ type, namespace: namespaceFor(m.obj, ctx.namespace, ctx.namespaceGiven), name: m.obj.metadata?.name as string }] : [];
    });
  } else {
    const parsed = parseResourceArgs(ctx.parsed.args);
    if (parsed.names && allNs) throw new CliError('a resource cannot be retrieved by name across all namespaces');
    requests = parsed.requests.map((r) => ({ type: r.type, namespace: ctx.namespace, name: r.name }));
  }
  if (new Set(requests.map((r) => `${r.type.group}/${r.type.kind}`)).size > 1) {
    throw new CliError('watch is only supported on individual resources and resource collections - more than 1 resource was found');
  }
  const initial: KubeObject[] = [];
  for (const r of requests) {
    if (r.name !== undefined) initial.push(getObject(snap, r.type, r.namespace, r.name));
    else initial.push(...listObjects(snap, r.type, r.namespace, allNs, filters));
  }
  const r = requests[0];
  return { scope: { type: r.type, namespace: r.namespace, allNamespaces: allNs, name: r.name, filters }, initial, several: requests.length > 1 };
}

// ---------------------------------------------------------------------------------------------------
// Printing events in each -o format.

interface WatchPrinter {
  /** The objects that existed when the watch started, as the initial list or object. */
  initial(objs: KubeObject[], now: string, snap: Snapshot): string;
  /** One event. */
  event(e: WatchEvent, now: string, snap: Snapshot): string;
}

const EVENT_COLUMN: Record<EventType, string> = { ADDED: 'ADDED   ', MODIFIED: 'MODIFIED', DELETED: 'DELETED ' };

/** The human-readable table printer: a header with the first rows only, widths remembered. */
function tableWatchPrinter(ctx: CommandContext, type: ResourceType, wide: boolean, events: boolean): WatchPrinter {
  const f = ctx.parsed.flags;
  const printer = tablePrinterFor(type.kind);
  const keep = printer.columns.map((c) => wide || !c.wide);
  const nsCol = (f['all-namespaces'] as boolean) && type.namespaced;
  const labelColumns = (f['label-columns'] as string[]) ?? [];
  const showLabels = f['show-labels'] as boolean;
  const showKind = f['show-kind'] as boolean;
  const noHeaders = f['no-headers'] as boolean;
  const table = new GrowingTable();
  let headerPrinted = false;
  const header = () => [
    ...(events ? ['EVENT'] : []),
    ...(nsCol ? ['NAMESPACE'] : []),
    ...printer.columns.filter((_, i) => keep[i]).map((c) => c.header),
    ...labelColumns.map((k) => k.slice(k.lastIndexOf('/') + 1).toUpperCase()),
    ...(showLabels ? ['LABELS'] : []),
  ];
  const row = (obj: KubeObject, now: string, snap: Snapshot, ev?: EventType) => {
    const cells = printer.row(obj, { now, snapshot: snap }).filter((_, i) => keep[i]);
    if (showKind && printer.columns[0].header === 'NAME') cells[0] = objectName(obj);
    const labels = obj.metadata.labels ?? {};
    return [
      ...(ev ? [EVENT_COLUMN[ev]] : []),
      ...(nsCol ? [obj.metadata.namespace ?? ''] : []),
      ...cells,
      ...labelColumns.map((k) => labels[k] ?? ''),
      ...(showLabels ? [formatLabelMap(labels) || '<none>'] : []),
    ].map(cutAtNewline);
  };
  const print = (rows: string[][]) => {
    if (rows.length === 0) return '';
    // The header goes out with the first rows printed (an empty initial list prints nothing at all).
    if (!headerPrinted && !noHeaders) rows.unshift(header());
    headerPrinted = true;
    return table.format(rows);
  };
  return {
    initial: (objs, now, snap) => print(objs.map((o) => row(o, now, snap, events ? 'ADDED' : undefined))),
    event: (e, now, snap) => print([row(e.obj, now, snap, events ? e.type : undefined)]),
  };
}

/** custom-columns write into the same remembering tabwriter; the header comes with the first object. */
async function customColumnsWatchPrinter(format: Extract<OutputFormat, { kind: 'custom-columns' }>, noHeaders: boolean): Promise<WatchPrinter> {
  const cc = await import('../printers/custom-columns.js');
  const jp = await import('../printers/jsonpath/index.js');
  const columns = format.fromFile ? cc.parseCustomColumnsFile(format.spec) : cc.parseCustomColumns(format.spec);
  const templates = columns.map((c) => jp.parseJsonPath(c.fieldSpec));
  const table = new GrowingTable();
  let headerPrinted = noHeaders && !format.fromFile;
  const cell = (t: (typeof templates)[number], obj: KubeObject) => {
    const groups = jp.findJsonPathResults(t, obj, { allowMissingKeys: true });
    const values: string[] = groups.length === 0 || groups[0].length === 0 ? ['<none>'] : [];
    for (const g of groups) for (const v of g) values.push(jp.formatGoValue(v).replaceAll('\x1b', '^[').replaceAll('\r', '\\r'));
    return values.join(',');
  };
  const print = (objs: KubeObject[]) => {
    if (objs.length === 0) return '';
    const rows = objs.map((o) => templates.map((t) => cell(t, o)));
    if (!headerPrinted) rows.unshift(columns.map((c) => c.header));
    headerPrinted = true;
    return table.format(rows);
  };
  return { initial: (objs) => print(objs), event: (e) => print([e.obj]) };
}

/** Go's json.Marshal: compact, HTML-safe escaping (the form a watch event is printed in). */
function compactJson(v: unknown): string {
  return JSON.stringify(sortKeys(v)).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** -o name|json|yaml|jsonpath: every object printed on its own (a list's items one by one). */
async function objectWatchPrinter(format: OutputFormat, events: boolean): Promise<WatchPrinter> {
  const { toYaml } = format.kind === 'yaml' ? await import('../printers/serialize.js') : { toYaml: undefined };
  const jp = format.kind === 'jsonpath' ? await import('../printers/jsonpath/index.js') : undefined;
  const template = jp && format.kind === 'jsonpath' ? jp.parseJsonPath(format.template) : undefined;
  let printed = 0;
  const one = (obj: KubeObject, type: EventType | undefined): string => {
    const ev = type && events ? { type, object: obj } : undefined;
    switch (format.kind) {
      case 'name':
        return `${objectName(obj)}\n`;
      case 'json':
        // metav1.WatchEvent is a struct: `type` comes before `object`, as declared.
        return ev ? `{"type":${compactJson(ev.type)},"object":${compactJson(obj)}}\n` : toJson(obj);
      case 'yaml': {
        // The YAML printer separates every object after the first with `---`.
        const sep = printed++ > 0 ? '---\n' : '';
        return sep + toYaml!(ev ?? obj);
      }
      case 'jsonpath': {
        const data = ev ?? obj;
        return format.asJson ? jp!.executeJsonPathAsJson(template!, data) : jp!.executeJsonPath(template!, data, { allowMissingKeys: true });
      }
      default:
        return '';
    }
  };
  return {
    initial: (objs) => objs.map((o) => one(o, 'ADDED')).join(''),
    event: (e) => one(e.obj, e.type),
  };
}

/** A cell is cut at its first line break and marked with `...`, as kubectl's table printer does. */
function cutAtNewline(cell: string): string {
  const i = cell.search(/[\n\r\f]/);
  return i < 0 ? cell : `${cell.slice(0, i)}...`;
}

// ---------------------------------------------------------------------------------------------------

/**
 * `kubectl get … --watch`: prints what exists (unless --watch-only), then one entry per change until
 * interrupted (exit 1, as kubectl's interrupt handler exits) or until the watch ends.
 */
export async function runWatch(ctx: CommandContext, format: OutputFormat): Promise<void> {
  const f = ctx.parsed.flags;
  if (ctx.parsed.args.length === 0 && (f.filename as string[]).length === 0) {
    throw new ExitError(
      1,
      `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples\n`,
    );
  }
  const events = f['output-watch-events'] as boolean;
  const s0 = await ctx.openSession({ readOnly: true });
  let scope: WatchScope;
  let seen: Map<string, KubeObject>;
  let printer: WatchPrinter;
  let several: boolean;
  try {
    const r = await resolveScope(ctx, s0.store);
    scope = r.scope;
    printer =
      format.kind === 'table'
        ? tableWatchPrinter(ctx, scope.type, format.wide, events)
        : format.kind === 'custom-columns'
          ? await customColumnsWatchPrinter(format, f['no-headers'] as boolean)
          : await objectWatchPrinter(format, events);
    if (!f['watch-only']) ctx.io.out.write(printer.initial(r.initial, s0.now, s0.store));
    seen = byUid(scopeObjects(s0.store, scope));
    several = r.several;
  } catch (e) {
    s0.abort();
    throw e;
  }
  await s0.commit();
  if (several) throw new CliError('you may only watch a single resource or type of resource at a time');
  const end = await followState(ctx, (s) => {
    const current = scopeObjects(s.store, scope);
    for (const e of diffObjects(seen, current, s.now)) ctx.io.out.write(printer.event(e, s.now, s.store));
    seen = byUid(current);
    return false;
  });
  if (end === 'interrupted') throw new ExitError(1);
}
