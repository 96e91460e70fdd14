import type { Json } from '../../api/types.js';
import { formatLabelSelector } from '../../api/labels.js';
import { LEVEL_0, type PrefixWriter, writeMultiline } from './prefix-writer.js';

/**
 * One toleration as describe prints it: `key[=value][:Effect][ op=Exists][ for Ns]`, e.g.
 * `node.kubernetes.io/not-ready:NoExecute op=Exists for 300s`. An empty-key Exists toleration (tolerates
 * everything) prints bare `op=Exists` without the leading space.
 */
export function formatToleration(t: Json): string {
  let s = t.key ?? '';
  if (t.value) s += `=${t.value}`;
  if (t.effect) s += `:${t.effect}`;
  if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
  if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
  return s;
}

/** printTolerationsMultiline: sorted by key (stable), one per line, `<none>` when empty. */
export function writeTolerations(w: PrefixWriter, title: string, tolerations: Json[] | undefined): void {
  const sorted = [...(tolerations ?? [])].sort((a, b) => cmp(a.key ?? '', b.key ?? ''));
  writeMultiline(w, title, sorted.map(formatToleration));
}

/** Taint.ToString(): `key=value:Effect`, `key:Effect`, `key=value:` or `key`. */
export function formatTaint(t: Json): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : `${t.key}`;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

/** printNodeTaintsMultiline: sorted by `effect,key`. */
export function writeTaints(w: PrefixWriter, taints: Json[] | undefined): void {
  const sorted = [...(taints ?? [])].sort((a, b) => cmp(`${a.effect ?? ''},${a.key}`, `${b.effect ?? ''},${b.key}`));
  writeMultiline(w, 'Taints', sorted.map(formatTaint));
}

/**
 * describeTopologySpreadConstraints: nothing when there are none; otherwise sorted by topologyKey,
 * `key:WhenUnsatisfiable when max skew N is exceeded[ for selector S]`.
 */
export function writeTopologySpread(w: PrefixWriter, tscs: Json[] | undefined, space: string): void {
  if (!tscs || tscs.length === 0) return;
  const sorted = [...tscs].sort((a, b) => cmp(a.topologyKey ?? '', b.topologyKey ?? ''));
  const items = sorted.map((t) => {
    let s = `${t.topologyKey}:${t.whenUnsatisfiable} when max skew ${t.maxSkew} is exceeded`;
    if (t.labelSelector) s += ` for selector ${formatLabelSelector(t.labelSelector) || '<none>'}`;
    return s;
  });
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  items.forEach((item, i) => {
    if (i !== 0) w.write(LEVEL_0, `${space}\t`);
    w.write(LEVEL_0, `${item}\n`);
  });
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
