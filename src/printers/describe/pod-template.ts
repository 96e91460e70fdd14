import type { Json, KubeObject } from '../../api/types.js';
import { type DescribeContext, controllerOf, kubectlMinor } from './context.js';
import { describeContainers } from './containers.js';
import { LEVEL_0, LEVEL_1, type PrefixWriter, writeAnnotations, writeLabels } from './prefix-writer.js';
import { writeTolerations, writeTopologySpread } from './scheduling.js';
import { describeVolumes } from './volumes.js';

/**
 * DescribePodTemplate: `Pod Template:` then the template's labels, annotations (only if any), service
 * account, containers (name lines `   nginx:` with 3 spaces), volumes, topology spread, priority class,
 * and — kubectl 1.30+ only — `  Node-Selectors:` and `  Tolerations:`. Those two lines join the
 * containers' alignment block, which is why 1.29 and 1.30+ pad container fields differently.
 */
export function describePodTemplate(w: PrefixWriter, template: Json | undefined, ctx: DescribeContext): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  const spec = template.spec ?? {};
  writeLabels(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) {
    writeAnnotations(w, '  Annotations', template.metadata.annotations);
  }
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec.initContainers ?? []).length > 0) {
    describeContainers(w, 'Init Containers', spec.initContainers, undefined, undefined, '  ');
  }
  describeContainers(w, 'Containers', spec.containers, undefined, undefined, '  ');
  describeVolumes(w, spec.volumes, '  ');
  writeTopologySpread(w, spec.topologySpreadConstraints, '  ');
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (kubectlMinor(ctx) >= 30) {
    writeLabels(w, '  Node-Selectors', spec.nodeSelector);
    writeTolerations(w, '  Tolerations', spec.tolerations);
  }
}

/** Pod phase counts for `Pods Status:`. */
export interface PodCounts {
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
}

/**
 * getPodStatusForController: pods in the controller's namespace whose controller reference has the
 * controller's uid, counted by phase (Pending counts as Waiting; Unknown is not counted).
 */
export function podCountsFor(owner: KubeObject, ctx: DescribeContext): PodCounts {
  const counts: PodCounts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const pod of ctx.snapshot.list('Pod', owner.metadata.namespace ?? '')) {
    if (controllerOf(pod)?.uid !== owner.metadata.uid || !owner.metadata.uid) continue;
    const phase = pod.status?.phase;
    if (phase === 'Running') counts.running++;
    else if (phase === 'Pending') counts.waiting++;
    else if (phase === 'Succeeded') counts.succeeded++;
    else if (phase === 'Failed') counts.failed++;
  }
  return counts;
}

/** `N Running / N Waiting / N Succeeded / N Failed`. */
export function formatPodCounts(c: PodCounts): string {
  return `${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed`;
}

/** Conditions table of workloads: `Type \tStatus\tReason` — the Type cell is followed by a space. */
export function writeWorkloadConditions(w: PrefixWriter, conditions: Json[] | undefined): void {
  if (!conditions || conditions.length === 0) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}
