import type { KubeObject } from '../../api/types.js';
import type { DescribeContext } from './context.js';
import { describeEventsOf } from './events.js';
import { base64Length } from './secret.js';
import { LEVEL_0, PrefixWriter, byCodeUnit, writeAnnotations, writeLabels } from './prefix-writer.js';

/**
 * `kubectl describe configmap` (§3.5): values verbatim as `key:` / `----` / value / empty line; then an
 * empty line, `BinaryData` / `====`, `key: N bytes` lines, an empty line, and Events. Keys are sorted
 * (kubectl's Go map order is random). A value ending in a newline leaves an extra empty line, as in kubectl.
 */
export function describeConfigMap(cm: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${cm.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${cm.metadata.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', cm.metadata.labels);
  writeAnnotations(w, 'Annotations', cm.metadata.annotations);
  w.write(LEVEL_0, '\nData\n====\n');
  const data: Record<string, string> = cm.data ?? {};
  for (const k of Object.keys(data).sort(byCodeUnit)) {
    w.write(LEVEL_0, `${k}:\n----\n`);
    w.write(LEVEL_0, `${data[k]}\n`);
    w.write(LEVEL_0, '\n');
  }
  w.write(LEVEL_0, '\nBinaryData\n====\n');
  const binary: Record<string, string> = cm.binaryData ?? {};
  for (const k of Object.keys(binary).sort(byCodeUnit)) w.write(LEVEL_0, `${k}: ${base64Length(binary[k])} bytes\n`);
  w.write(LEVEL_0, '\n');
  describeEventsOf(w, cm, ctx);
  return w.toString();
}
