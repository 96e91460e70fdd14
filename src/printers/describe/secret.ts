import type { KubeObject } from '../../api/types.js';
import type { DescribeContext } from './context.js';
import { LEVEL_0, PrefixWriter, byCodeUnit, writeAnnotations, writeLabels } from './prefix-writer.js';

/**
 * `kubectl describe secret` (§3.5): never the values, only `key:\tN bytes` — except the `token` of a
 * service-account-token secret, which is printed in clear. No Events section. kubectl iterates a Go map
 * (random order); we sort keys, which is one of the orders kubectl can print and is deterministic.
 */
export function describeSecret(secret: KubeObject, _ctx: DescribeContext): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${secret.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${secret.metadata.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', secret.metadata.labels);
  writeAnnotations(w, 'Annotations', secret.metadata.annotations);
  w.write(LEVEL_0, `\nType:\t${secret.type ?? ''}\n`);
  w.write(LEVEL_0, '\nData\n====\n');
  for (const [key, bytes, text] of secretEntries(secret)) {
    if (key === 'token' && secret.type === 'kubernetes.io/service-account-token') w.write(LEVEL_0, `${key}:\t${text()}\n`);
    else w.write(LEVEL_0, `${key}:\t${bytes} bytes\n`);
  }
  return w.toString();
}

type Entry = [key: string, bytes: number, text: () => string];

/** `data` (base64) plus any not-yet-merged `stringData`, sorted by key. */
function secretEntries(secret: KubeObject): Entry[] {
  const entries = new Map<string, Entry>();
  for (const [k, v] of Object.entries<string>(secret.data ?? {})) {
    entries.set(k, [k, base64Length(v), () => Buffer.from(v, 'base64').toString('utf8')]);
  }
  for (const [k, v] of Object.entries<string>(secret.stringData ?? {})) {
    entries.set(k, [k, new TextEncoder().encode(v).length, () => v]);
  }
  return [...entries.values()].sort((a, b) => byCodeUnit(a[0], b[0]));
}

/** Decoded byte length of a base64 string. */
export function base64Length(b64: string): number {
  const s = String(b64).replace(/\s+/g, '');
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((s.length * 3) / 4) - pad);
}
