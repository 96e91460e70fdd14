import type { KubeObject } from '../../api/types.js';
import { formatLabelSelector } from '../../api/labels.js';
import { type DescribeContext, printController } from './context.js';
import { describeEventsOf } from './events.js';
import { LEVEL_0, PrefixWriter, writeAnnotations, writeLabels } from './prefix-writer.js';
import { describePodTemplate, formatPodCounts, podCountsFor, writeWorkloadConditions } from './pod-template.js';

/**
 * `kubectl describe replicaset`. Unlike most kinds, Selector comes *before* Labels here (describe.go
 * order); `Replicas:  N current / N desired`; `Pods Status` counts the pods the RS controls.
 */
export function describeReplicaSet(rs: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${rs.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
  // metav1.FormatLabelSelector prints <none> for an empty selector.
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector) || '<none>'}\n`);
  writeLabels(w, 'Labels', rs.metadata.labels);
  writeAnnotations(w, 'Annotations', rs.metadata.annotations);
  const controlledBy = printController(rs);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired\n`);
  w.write(LEVEL_0, `Pods Status:\t${formatPodCounts(podCountsFor(rs, ctx))}\n`);
  describePodTemplate(w, rs.spec?.template, ctx);
  writeWorkloadConditions(w, rs.status?.conditions);
  describeEventsOf(w, rs, ctx);
  return w.toString();
}
