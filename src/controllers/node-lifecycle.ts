import type { ControllerInput, Op } from './types.js';
import { clone } from '../api/types.js';

const UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

/**
 * The node lifecycle controller's taint for cordoned nodes: `node.kubernetes.io/unschedulable:NoSchedule`
 * while spec.unschedulable is true (describe node and `kubectl get nodes -o yaml` show it).
 */
export function reconcileNodeTaints({ snapshot, now }: ControllerInput): Op[] {
  const ops: Op[] = [];
  for (const node of snapshot.list('Node')) {
    const taints: Array<{ key: string; effect: string; timeAdded?: string }> = node.spec?.taints ?? [];
    const has = taints.some((t) => t.key === UNSCHEDULABLE);
    const want = Boolean(node.spec?.unschedulable);
    if (has === want) continue;
    const u = clone(node);
    const rest = taints.filter((t) => t.key !== UNSCHEDULABLE);
    u.spec.taints = want ? [...rest, { effect: 'NoSchedule', key: UNSCHEDULABLE, timeAdded: now }] : rest;
    if (u.spec.taints.length === 0) delete u.spec.taints;
    ops.push({ op: 'update', obj: u });
  }
  return ops;
}
