import type { KubeObject } from '../../api/types.js';
import type { DescribeContext } from './context.js';
import { since, showEvents } from './context.js';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer.js';

/**
 * The stored core/v1 Events about `obj` (searchEvents): an event with `involvedObject.uid` matches by uid,
 * otherwise by kind + name + namespace. Node events written by the kubelet carry the node *name* as uid,
 * so for Nodes either the uid or the name is accepted (describe.go queries both and merges).
 * Sorted by lastTimestamp, stable (Go's sort.Sort is an insertion sort for ≤ 12 items, so ties keep
 * the API list order).
 */
export function eventsFor(obj: KubeObject, ctx: DescribeContext): KubeObject[] {
  const uid = obj.metadata.uid;
  const ns = obj.metadata.namespace ?? '';
  const matches = ctx.snapshot.list('Event').filter((e) => {
    const io = e.involvedObject ?? {};
    if (io.uid) return io.uid === uid || (obj.kind === 'Node' && io.uid === obj.metadata.name && io.name === obj.metadata.name);
    return io.kind === obj.kind && io.name === obj.metadata.name && (io.namespace ?? '') === ns;
  });
  return matches
    .map((e, i) => ({ e, i, t: sortTime(e) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.e);
}

/** kubectl 1.32 sorts by lastTimestamp only; unset sorts first (Go's zero time). */
function sortTime(e: KubeObject): number {
  return e.lastTimestamp ? Date.parse(e.lastTimestamp) : Number.NEGATIVE_INFINITY;
}

/** The Age cell: since first occurrence, or `⟨last⟩ (x⟨count⟩ over ⟨first⟩)` for repeated events. */
export function eventInterval(e: KubeObject, ctx: DescribeContext): string {
  const first = e.eventTime ? since(e.eventTime, ctx) : since(e.firstTimestamp, ctx);
  if (e.series) return `${since(e.series.lastObservedTime, ctx)} (x${e.series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1) return `${since(e.lastTimestamp, ctx)} (x${e.count} over ${first})`;
  return first;
}

/**
 * DescribeEvents: `Events:\t<none>` inside the current alignment block when there are none; otherwise the
 * writer is flushed first so the table is aligned on its own (header, dashes, one row per event).
 */
export function writeEvents(w: PrefixWriter, events: KubeObject[], ctx: DescribeContext): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of events) {
    const source = e.source?.component || e.reportingController || '';
    const message = String(e.message ?? '').trim();
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${eventInterval(e, ctx)}\t${source}\t${message}\n`);
  }
}

/** Looks up and writes the Events section for `obj`, unless `--show-events=false`. */
export function describeEventsOf(w: PrefixWriter, obj: KubeObject, ctx: DescribeContext): void {
  if (!showEvents(ctx)) return;
  writeEvents(w, eventsFor(obj, ctx), ctx);
}
