import type { Json, KubeObject } from '../../api/types.js';
import type { DescribeContext } from './context.js';
import { describeEventsOf } from './events.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, PrefixWriter, writeAnnotations, writeLabels } from './prefix-writer.js';

/**
 * `kubectl describe endpointslice` (discovery/v1): AddressType, a Ports table (`Ports: <unset>` when
 * none — written with a space, not a tab), then per endpoint `- Addresses:` with its conditions,
 * hostname, target ref, node and zone (`<unset>` for missing values).
 */
export function describeEndpointSlice(eps: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${eps.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${eps.metadata.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', eps.metadata.labels);
  writeAnnotations(w, 'Annotations', eps.metadata.annotations);
  w.write(LEVEL_0, `AddressType:\t${eps.addressType ?? ''}\n`);
  writePorts(w, eps.ports ?? []);
  const endpoints: Json[] = eps.endpoints ?? [];
  if (endpoints.length === 0) {
    w.write(LEVEL_0, 'Endpoints: <none>\n');
  } else {
    w.write(LEVEL_0, 'Endpoints:\n');
    for (const ep of endpoints) writeEndpoint(w, ep);
  }
  describeEventsOf(w, eps, ctx);
  return w.toString();
}

function writePorts(w: PrefixWriter, ports: Json[]): void {
  if (ports.length === 0) {
    w.write(LEVEL_0, 'Ports: <unset>\n');
    return;
  }
  w.write(LEVEL_0, 'Ports:\n');
  w.write(LEVEL_1, 'Name\tPort\tProtocol\n');
  w.write(LEVEL_1, '----\t----\t--------\n');
  for (const p of ports) {
    const port = p.port === undefined || p.port === null ? '<unset>' : String(p.port);
    w.write(LEVEL_1, `${p.name || '<unset>'}\t${port}\t${p.protocol ?? 'TCP'}\n`);
  }
}

function writeEndpoint(w: PrefixWriter, ep: Json): void {
  const unset = (v: unknown) => (v === undefined || v === null ? '<unset>' : String(v));
  // v1 joins addresses with ", " (v1beta1 used ",").
  w.write(LEVEL_1, `- Addresses:\t${(ep.addresses ?? []).join(', ') || '<none>'}\n`);
  w.write(LEVEL_2, 'Conditions:\n');
  w.write(LEVEL_3, `Ready:\t${unset(ep.conditions?.ready)}\n`);
  w.write(LEVEL_2, `Hostname:\t${unset(ep.hostname)}\n`);
  if (ep.targetRef) w.write(LEVEL_2, `TargetRef:\t${ep.targetRef.kind}/${ep.targetRef.name}\n`);
  w.write(LEVEL_2, `NodeName:\t${unset(ep.nodeName)}\n`);
  w.write(LEVEL_2, `Zone:\t${unset(ep.zone)}\n`);
}
