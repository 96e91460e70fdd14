import type { KubeObject } from '../api/types.js';
import type { ControllerInput, Op } from './types.js';
import { clone } from '../api/types.js';
import { makeEvent } from './events.js';
import { isTerminating } from './util.js';

interface Taint {
  key: string;
  value?: string;
  effect: string;
}
interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
}

function tolerates(tolerations: Toleration[], taint: Taint): boolean {
  return tolerations.some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (t.operator === 'Exists') return !t.key || t.key === taint.key;
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
  });
}

/** Can `pod` run on `node`: schedulable, selector labels present, NoSchedule taints tolerated. */
export function fits(pod: KubeObject, node: KubeObject): boolean {
  if (node.spec?.unschedulable) return false;
  const sel: Record<string, string> = pod.spec?.nodeSelector ?? {};
  const labels: Record<string, string> = node.metadata.labels ?? {};
  if (!Object.entries(sel).every(([k, v]) => labels[k] === v)) return false;
  const taints: Taint[] = node.spec?.taints ?? [];
  const tol: Toleration[] = pod.spec?.tolerations ?? [];
  return taints.filter((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute').every((t) => tolerates(tol, t));
}

function ownerUid(p: KubeObject): string | undefined {
  return p.metadata.ownerReferences?.find((r) => r.controller)?.uid;
}

/**
 * Binds pending pods to nodes. Like the default scheduler's spreading, a pod goes to the feasible node
 * with the fewest pods of the same owner, then the fewest pods overall, then by name — so a
 * Deployment's replicas land on different nodes.
 */
export function schedulePods({ snapshot, now, rng }: ControllerInput): Op[] {
  const ops: Op[] = [];
  const nodes = snapshot.list('Node');
  const pods = snapshot.list('Pod');
  const placed = pods.filter((p) => p.spec?.nodeName);
  for (const pod of pods) {
    if (pod.spec?.nodeName || isTerminating(pod)) continue;
    const feasible = nodes.filter((n) => fits(pod, n));
    if (feasible.length === 0) continue; // stays Pending, as on a real cluster
    const owner = ownerUid(pod);
    const score = (n: KubeObject) => {
      const on = placed.filter((p) => p.spec.nodeName === n.metadata.name);
      return [owner ? on.filter((p) => ownerUid(p) === owner).length : 0, on.length];
    };
    feasible.sort((a, b) => {
      const [sa, sb] = [score(a), score(b)];
      return sa[0] - sb[0] || sa[1] - sb[1] || (a.metadata.name < b.metadata.name ? -1 : 1);
    });
    const node = feasible[0];
    const bound = clone(pod);
    bound.spec.nodeName = node.metadata.name;
    bound.status = {
      ...bound.status,
      conditions: [{ lastProbeTime: null, lastTransitionTime: now, status: 'True', type: 'PodScheduled' }],
    };
    placed.push(bound);
    ops.push({ op: 'update', obj: bound });
    ops.push({
      op: 'create',
      obj: makeEvent(pod, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node.metadata.name}`, { component: 'default-scheduler' }, now, rng),
    });
  }
  return ops;
}
