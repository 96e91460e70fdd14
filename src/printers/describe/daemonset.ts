import type { KubeObject } from '../../api/types.js';
import { formatLabelSelector } from '../../api/labels.js';
import { type DescribeContext, formatLabelsOrNone } from './context.js';
import { describeEventsOf } from './events.js';
import { LEVEL_0, PrefixWriter, writeAnnotations, writeLabels } from './prefix-writer.js';
import { describePodTemplate, formatPodCounts, podCountsFor } from './pod-template.js';

/**
 * `kubectl describe daemonset`. No Namespace line (describe.go omits it for DaemonSets), and the
 * "Number of Nodes …" lines use a literal space instead of a tab, so they are not aligned.
 */
export function describeDaemonSet(ds: KubeObject, ctx: DescribeContext): string {
  const st = ds.status ?? {};
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${ds.metadata.name}\n`);
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(ds.spec?.selector)}\n`);
  w.write(LEVEL_0, `Node-Selector:\t${formatLabelsOrNone(ds.spec?.template?.spec?.nodeSelector)}\n`);
  writeLabels(w, 'Labels', ds.metadata.labels);
  writeAnnotations(w, 'Annotations', ds.metadata.annotations);
  w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${st.desiredNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${st.currentNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${st.updatedNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${st.numberAvailable ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Misscheduled: ${st.numberMisscheduled ?? 0}\n`);
  w.write(LEVEL_0, `Pods Status:\t${formatPodCounts(podCountsFor(ds, ctx))}\n`);
  describePodTemplate(w, ds.spec?.template, ctx);
  describeEventsOf(w, ds, ctx);
  return w.toString();
}
