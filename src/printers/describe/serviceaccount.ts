import type { Json, KubeObject } from '../../api/types.js';
import type { DescribeContext } from './context.js';
import { describeEventsOf } from './events.js';
import { LEVEL_0, PrefixWriter, writeAnnotations, writeLabels } from './prefix-writer.js';

/**
 * `kubectl describe serviceaccount`: `Image pull secrets:`, `Mountable secrets: `, `Tokens:            `
 * — fixed-width headers padded with spaces by kubectl itself (then a tab), in sorted header order.
 * Referenced secrets that do not exist get ` (not found)`. Tokens are legacy token secrets annotated
 * with this account's name and uid.
 */
export function describeServiceAccount(sa: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${sa.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${sa.metadata.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', sa.metadata.labels);
  writeAnnotations(w, 'Annotations', sa.metadata.annotations);
  const secrets = ctx.snapshot.list('Secret', sa.metadata.namespace ?? '');
  const existing = new Set(secrets.map((s) => s.metadata.name));
  const tokens = secrets.filter(
    (s) =>
      s.type === 'kubernetes.io/service-account-token' &&
      s.metadata.annotations?.['kubernetes.io/service-account.name'] === sa.metadata.name &&
      s.metadata.annotations?.['kubernetes.io/service-account.uid'] === (sa.metadata.uid ?? ''),
  );
  const names = (refs: Json[] | undefined) => (refs ?? []).map((r) => String(r.name));
  const sections: [string, string[]][] = [
    ['Image pull secrets:', names(sa.imagePullSecrets)],
    ['Mountable secrets: ', names(sa.secrets)],
    ['Tokens:            ', tokens.map((s) => s.metadata.name)],
  ];
  for (const [header, list] of sections) {
    if (list.length === 0) {
      w.write(LEVEL_0, `${header}\t<none>\n`);
      continue;
    }
    list.forEach((name, i) => {
      const prefix = i === 0 ? header : '                   ';
      w.write(LEVEL_0, `${prefix}\t${name}${existing.has(name) ? '' : ' (not found)'}\n`);
    });
  }
  describeEventsOf(w, sa, ctx);
  return w.toString();
}
