import type { KubeObject } from '../api/types.js';

function podReady(p: KubeObject): boolean {
  return (p.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
}

function readyTime(p: KubeObject): string {
  return (p.status?.conditions ?? []).find((c: { type: string }) => c.type === 'Ready')?.lastTransitionTime ?? '';
}

function maxRestarts(p: KubeObject): number {
  return Math.max(0, ...(p.status?.containerStatuses ?? []).map((c: { restartCount?: number }) => c.restartCount ?? 0));
}

/**
 * podutils.ByLogging as a comparator: the pod `logs`, `exec`, `attach` and `port-forward` pick for a
 * workload — scheduled, running, ready, longest ready, most restarts, oldest.
 */
export function byLogging(a: KubeObject, b: KubeObject): number {
  const an = a.spec?.nodeName ?? '';
  const bn = b.spec?.nodeName ?? '';
  if (an !== bn && (!an || !bn)) return an ? -1 : 1;
  const rank: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };
  const ar = rank[a.status?.phase] ?? 3;
  const br = rank[b.status?.phase] ?? 3;
  if (ar !== br) return ar - br;
  if (podReady(a) !== podReady(b)) return podReady(a) ? -1 : 1;
  if (podReady(a) && podReady(b) && readyTime(a) !== readyTime(b)) return readyTime(a) < readyTime(b) ? -1 : 1;
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(b) - maxRestarts(a);
  const at = a.metadata.creationTimestamp ?? '';
  const bt = b.metadata.creationTimestamp ?? '';
  if (at !== bt) return !at ? 1 : !bt ? -1 : at < bt ? -1 : 1;
  return 0;
}
