import type { Json, KubeObject } from '../../api/types.js';
import { type DescribeContext, since } from './context.js';
import { LEVEL_0, LEVEL_1, type PrefixWriter, byCodeUnit } from './prefix-writer.js';
import { type Quantity, ZERO, addQuantity, cmpQuantity, formatQuantity, intValue, milliValue, parseQuantity } from './quantity.js';

type ResourceList = Map<string, Quantity>;

/** Pods on the node that are not Succeeded/Failed, in API list order (namespace, name). */
export function nonTerminatedPods(node: KubeObject, ctx: DescribeContext): KubeObject[] {
  return ctx.snapshot
    .list('Pod')
    .filter((p) => p.spec?.nodeName === node.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
}

/**
 * describeNodeResource: `Non-terminated Pods:\t(N in total)` and its table (note the empty column after
 * Name), then `Allocated resources:` with cpu, memory, ephemeral-storage, hugepages-* and extended
 * resources. Percentages are of allocatable (capacity when allocatable is empty), truncated.
 */
export function writeNodeResources(w: PrefixWriter, node: KubeObject, pods: KubeObject[], ctx: DescribeContext): void {
  const allocatable = toList(Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status.allocatable : node.status?.capacity);
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const totalReqs: ResourceList = new Map();
  const totalLimits: ResourceList = new Map();
  for (const pod of pods) {
    const { reqs, limits } = podRequestsAndLimits(pod);
    addList(totalReqs, reqs);
    addList(totalLimits, limits);
    const cells = [
      withPercent(get(reqs, 'cpu'), get(allocatable, 'cpu'), true),
      withPercent(get(limits, 'cpu'), get(allocatable, 'cpu'), true),
      withPercent(get(reqs, 'memory'), get(allocatable, 'memory'), false),
      withPercent(get(limits, 'memory'), get(allocatable, 'memory'), false),
    ];
    w.write(LEVEL_1, `${pod.metadata.namespace}\t${pod.metadata.name}\t\t${cells.join('\t')}\t${since(pod.metadata.creationTimestamp, ctx)}\n`);
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const names = ['cpu', 'memory', 'ephemeral-storage', ...[...allocatable.keys()].filter((n) => n.startsWith('hugepages-')).sort(byCodeUnit)];
  for (const n of names) {
    const alloc = get(allocatable, n);
    w.write(LEVEL_1, `${n}\t${withPercent(get(totalReqs, n), alloc, n === 'cpu')}\t${withPercent(get(totalLimits, n), alloc, n === 'cpu')}\n`);
  }
  // Extended resources (e.g. nvidia.com/gpu) print without percentages.
  const extended = [...allocatable.keys()].filter((n) => !STANDARD.includes(n) && !n.startsWith('hugepages-') && n !== 'pods').sort(byCodeUnit);
  for (const n of extended) w.write(LEVEL_1, `${n}\t${formatQuantity(get(totalReqs, n))}\t${formatQuantity(get(totalLimits, n))}\n`);
}

const STANDARD = ['cpu', 'memory', 'ephemeral-storage'];

/** `100m (1%)`: cpu compares milli-values, everything else whole values; 0% when nothing is allocatable. */
function withPercent(q: Quantity, alloc: Quantity, cpu: boolean): string {
  const num = cpu ? milliValue(q) : intValue(q);
  const den = cpu ? milliValue(alloc) : intValue(alloc);
  const pct = den === 0 ? 0 : Math.trunc((num / den) * 100);
  return `${formatQuantity(q)} (${pct}%)`;
}

function get(list: ResourceList, name: string): Quantity {
  return list.get(name) ?? ZERO;
}

function toList(raw: Record<string, string> | undefined): ResourceList {
  return new Map(Object.entries(raw ?? {}).map(([k, v]) => [k, parseQuantity(v)]));
}

function addList(into: ResourceList, add: ResourceList): void {
  for (const [k, v] of add) into.set(k, into.has(k) ? addQuantity(into.get(k)!, v) : v);
}

function maxList(into: ResourceList, other: ResourceList): void {
  for (const [k, v] of other) if (!into.has(k) || cmpQuantity(v, into.get(k)!) > 0) into.set(k, v);
}

/**
 * resourcehelper.PodRequestsAndLimits: containers summed; sidecars (restartable init containers) added;
 * the maximum with each ordinary init container (plus the sidecars started before it); pod overhead on top.
 */
export function podRequestsAndLimits(pod: KubeObject): { reqs: ResourceList; limits: ResourceList } {
  const reqs = sumFor(pod, 'requests');
  const limits = sumFor(pod, 'limits');
  const overhead = toList(pod.spec?.overhead);
  addList(reqs, overhead);
  for (const [k, v] of overhead) if (limits.has(k) && limits.get(k)!.nano !== 0n) limits.set(k, addQuantity(limits.get(k)!, v));
  return { reqs, limits };
}

function sumFor(pod: KubeObject, field: 'requests' | 'limits'): ResourceList {
  const total: ResourceList = new Map();
  for (const c of (pod.spec?.containers ?? []) as Json[]) addList(total, toList(c.resources?.[field]));
  const sidecars: ResourceList = new Map();
  const initMax: ResourceList = new Map();
  for (const c of (pod.spec?.initContainers ?? []) as Json[]) {
    const own = toList(c.resources?.[field]);
    let effective: ResourceList;
    if (c.restartPolicy === 'Always') {
      addList(total, own);
      addList(sidecars, own);
      effective = sidecars;
    } else {
      effective = new Map(own);
      addList(effective, sidecars);
    }
    maxList(initMax, effective);
  }
  maxList(total, initMax);
  return total;
}
