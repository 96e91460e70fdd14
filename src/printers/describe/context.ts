import type { KubeObject, OwnerReference } from '../../api/types.js';
import type { Snapshot } from '../../api/snapshot.js';
import { age, rfc1123z } from '../age.js';
import { formatLabelMap } from '../../api/labels.js';

/** What every describer gets besides the object: the cluster view, the clock and the kubectl version. */
export interface DescribeContext {
  snapshot: Snapshot;
  /** ISO timestamp "now" for ages. */
  now: string;
  /** kubectl minor version as `1.32` (default); `1.29`–`1.31` change the Service layout (§3.2). */
  kubectlVersion: string;
  /** `--show-events` (default true). */
  showEvents?: boolean;
}

/** The kubectl minor version number (`'1.32'` / `'v1.30.2'` → 32 / 30); 32 when unparsable. */
export function kubectlMinor(ctx: DescribeContext): number {
  const m = /(\d+)\.(\d+)/.exec(ctx.kubectlVersion ?? '');
  return m ? Number(m[2]) : 32;
}

/** Whether the Events section is printed (kubectl `--show-events`, default true). */
export function showEvents(ctx: DescribeContext): boolean {
  return ctx.showEvents !== false;
}

/** translateTimestampSince: HumanDuration since `ts`, `<unknown>` when unset. */
export function since(ts: string | undefined | null, ctx: DescribeContext): string {
  return age(ts, ctx.now);
}

/** Go's `time.Format(time.RFC1123Z)`; a zero (unset) time prints as Go's zero time. */
export function timeOrZero(ts: string | undefined | null): string {
  return ts ? rfc1123z(ts) : 'Mon, 01 Jan 0001 00:00:00 +0000';
}

/** `s`, or `<none>` when empty (kubectl's stringOrNone). */
export function orNone(s: string | undefined | null): string {
  return s ? s : '<none>';
}

/** labels.FormatLabels: sorted `k=v` joined by `,`, `<none>` when empty. */
export function formatLabelsOrNone(m: Record<string, string> | undefined): string {
  return orNone(formatLabelMap(m));
}

/** The controller owner reference (metav1.GetControllerOf). */
export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return (obj.metadata.ownerReferences ?? []).find((r) => r.controller === true);
}

/** `Kind/name` of the controlling owner, '' when none (printController). */
export function printController(obj: KubeObject): string {
  const ref = controllerOf(obj);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/** Go's `%v` of a bool-ish value: `true`/`false`. */
export function goBool(v: unknown): string {
  return v === true ? 'true' : 'false';
}

/** printBool: `True`/`False`. */
export function titleBool(v: unknown): string {
  return v === true ? 'True' : 'False';
}

/** Go's `%v` of a *bool: `<nil>` when unset. */
export function boolPtr(v: unknown): string {
  return v === undefined || v === null ? '<nil>' : goBool(v);
}
