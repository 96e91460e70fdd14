import type { Json, KubeObject } from '../../api/types.js';
import { formatLabelSelector } from '../../api/labels.js';
import { rfc1123z } from '../age.js';
import type { DescribeContext } from './context.js';
import { describeEventsOf } from './events.js';
import { LEVEL_0, LEVEL_1, PrefixWriter, writeAnnotations, writeLabels } from './prefix-writer.js';
import { describePodTemplate, formatPodCounts, podCountsFor } from './pod-template.js';
import { canonicalQuantity } from './quantity.js';

/** `kubectl describe statefulset`: replicas, update strategy, pod template, volume claim templates. */
export function describeStatefulSet(sts: KubeObject, ctx: DescribeContext): string {
  const spec = sts.spec ?? {};
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${sts.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${sts.metadata.namespace ?? ''}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${sts.metadata.creationTimestamp ? rfc1123z(sts.metadata.creationTimestamp) : ''}\n`);
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(spec.selector)}\n`);
  writeLabels(w, 'Labels', sts.metadata.labels);
  writeAnnotations(w, 'Annotations', sts.metadata.annotations);
  w.write(LEVEL_0, `Replicas:\t${spec.replicas ?? 1} desired | ${sts.status?.replicas ?? 0} total\n`);
  w.write(LEVEL_0, `Update Strategy:\t${spec.updateStrategy?.type ?? ''}\n`);
  const ru = spec.updateStrategy?.rollingUpdate;
  // Partition (and MaxUnavailable) only print when a partition is set.
  if (ru && ru.partition !== undefined && ru.partition !== null) {
    w.write(LEVEL_1, `Partition:\t${ru.partition}\n`);
    if (ru.maxUnavailable !== undefined) w.write(LEVEL_1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
  }
  w.write(LEVEL_0, `Pods Status:\t${formatPodCounts(podCountsFor(sts, ctx))}\n`);
  describePodTemplate(w, spec.template, ctx);
  writeClaimTemplates(w, spec.volumeClaimTemplates);
  describeEventsOf(w, sts, ctx);
  return w.toString();
}

function writeClaimTemplates(w: PrefixWriter, templates: Json[] | undefined): void {
  if (!templates || templates.length === 0) {
    w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'Volume Claims:\n');
  for (const pvc of templates) {
    w.write(LEVEL_1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_1, `StorageClass:\t${pvc.spec?.storageClassName ?? ''}\n`);
    writeLabels(w, 'Labels', pvc.metadata?.labels, '  ');
    writeLabels(w, 'Annotations', pvc.metadata?.annotations, '  ');
    const storage = pvc.spec?.resources?.requests?.storage;
    w.write(LEVEL_1, `Capacity:\t${storage === undefined ? '<default>' : canonicalQuantity(storage)}\n`);
    w.write(LEVEL_1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]\n`);
  }
}
