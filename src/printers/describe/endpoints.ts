import type { Json, KubeObject } from '../../api/types.js';
import type { DescribeContext } from './context.js';
import { describeEventsOf } from './events.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, PrefixWriter, writeAnnotations, writeLabels } from './prefix-writer.js';

/**
 * `kubectl describe endpoints` (§3.5): per subset `Addresses` / `NotReadyAddresses` (IPs joined by `,`
 * without spaces, `<none>` when empty), a `Ports:` table, then an empty line. The empty line ends the
 * alignment block, so `Events:  <none>` is aligned on its own.
 */
export function describeEndpoints(ep: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${ep.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${ep.metadata.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', ep.metadata.labels);
  writeAnnotations(w, 'Annotations', ep.metadata.annotations);
  w.write(LEVEL_0, 'Subsets:\n');
  for (const subset of (ep.subsets ?? []) as Json[]) writeSubset(w, subset);
  describeEventsOf(w, ep, ctx);
  return w.toString();
}

function writeSubset(w: PrefixWriter, subset: Json): void {
  const ips = (list: Json[] | undefined) => (list ?? []).map((a) => a.ip).join(',') || '<none>';
  w.write(LEVEL_1, `Addresses:\t${ips(subset.addresses)}\n`);
  w.write(LEVEL_1, `NotReadyAddresses:\t${ips(subset.notReadyAddresses)}\n`);
  const ports: Json[] = subset.ports ?? [];
  if (ports.length > 0) {
    w.write(LEVEL_1, 'Ports:\n');
    w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
    w.write(LEVEL_2, '----\t----\t--------\n');
    for (const p of ports) w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? 'TCP'}\n`);
  }
  w.write(LEVEL_0, '\n');
}
