import type { Json, KubeObject } from '../../api/types.js';
import { type DescribeContext, timeOrZero } from './context.js';
import { LEVEL_0, LEVEL_1, PrefixWriter, byCodeUnit, writeAnnotations, writeLabels } from './prefix-writer.js';
import { canonicalQuantity } from './quantity.js';

/**
 * `kubectl describe namespace` (§3.5): Name, Labels, Annotations, Status, conditions if any, then the
 * namespace's ResourceQuotas (`No resource quota.`) and LimitRanges (`No LimitRange resource.`), each
 * after an empty line. No Namespace line and no Events.
 */
export function describeNamespace(ns: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${ns.metadata.name}\n`);
  writeLabels(w, 'Labels', ns.metadata.labels);
  writeAnnotations(w, 'Annotations', ns.metadata.annotations);
  w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
  const conditions: Json[] = ns.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n');
    w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(LEVEL_1, `${c.type}\t${c.status}\t${timeOrZero(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
    }
  }
  w.write(LEVEL_0, '\n');
  writeQuotas(w, ctx.snapshot.list('ResourceQuota', ns.metadata.name));
  w.write(LEVEL_0, '\n');
  writeLimitRanges(w, ctx.snapshot.list('LimitRange', ns.metadata.name));
  return w.toString();
}

const SCOPE_HELP: Record<string, string> = {
  Terminating: 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating: 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort: 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

/** DescribeResourceQuotas: per quota Name, scopes, and a `Resource / Used / Hard` table. */
function writeQuotas(w: PrefixWriter, quotas: KubeObject[]): void {
  if (quotas.length === 0) {
    w.write(LEVEL_0, 'No resource quota.\n');
    return;
  }
  w.write(LEVEL_0, 'Resource Quotas\n');
  for (const q of quotas) {
    w.write(LEVEL_1, `Name:\t${q.metadata.name}\n`);
    const scopes: string[] = [...(q.spec?.scopes ?? [])].sort();
    if (scopes.length > 0) w.write(LEVEL_1, `Scopes:\t${scopes.join(', ')}\n`);
    for (const s of scopes) if (SCOPE_HELP[s]) w.write(LEVEL_1, `* ${SCOPE_HELP[s]}\n`);
    w.write(LEVEL_1, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_1, '--------\t---\t---\n');
    const hard: Record<string, string> = q.status?.hard ?? {};
    for (const r of Object.keys(hard).sort(byCodeUnit)) {
      w.write(LEVEL_1, `${r}\t${canonicalQuantity(q.status?.used?.[r])}\t${canonicalQuantity(hard[r])}\n`);
    }
  }
}

const LIMIT_FIELDS = ['min', 'max', 'defaultRequest', 'default', 'maxLimitRequestRatio'] as const;

/** DescribeLimitRanges: one table row per (limit item, resource); `-` for unset values. */
function writeLimitRanges(w: PrefixWriter, ranges: KubeObject[]): void {
  if (ranges.length === 0) {
    w.write(LEVEL_0, 'No LimitRange resource.\n');
    return;
  }
  w.write(LEVEL_0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(LEVEL_0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const lr of ranges) {
    for (const item of (lr.spec?.limits ?? []) as Json[]) {
      const names = new Set<string>(LIMIT_FIELDS.flatMap((f) => Object.keys(item[f] ?? {})));
      for (const r of [...names].sort(byCodeUnit)) {
        const cells = LIMIT_FIELDS.map((f) => (item[f]?.[r] === undefined ? '-' : canonicalQuantity(item[f][r])));
        w.write(LEVEL_0, ` ${item.type}\t${r}\t${cells.join('\t')}\n`);
      }
    }
  }
}
