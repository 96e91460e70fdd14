import type { CommandContext } from '../cli/command.js';
import type { KubeObject } from '../api/types.js';
import type { Snapshot } from '../api/snapshot.js';
import { matchesSelector, type Selector } from '../api/labels.js';
import { podSelectorOf } from '../resource/pod-selector.js';
import { CliError } from '../errors.js';
import { byLogging } from '../resource/pod-ranking.js';

/** The pod selector of an object kubectl can attach to (polymorphichelpers.AttachablePodForObject). */
function selectorOf(obj: KubeObject): Selector {
  return podSelectorOf(obj, { prefix: '', unsupported: (t) => `cannot attach to ${t}: not implemented` });
}

/** The pod of a workload or service kubectl would pick now (GetFirstPod with its ranking), if any. */
export function bestPodOf(snapshot: Snapshot, obj: KubeObject): KubeObject | undefined {
  if (obj.kind === 'Pod') return obj;
  const sel = selectorOf(obj);
  const pods = snapshot.list('Pod', obj.metadata.namespace ?? '').filter((p) => matchesSelector(sel, p.metadata.labels) && !p.metadata.deletionTimestamp);
  return [...pods].sort(byLogging)[0];
}

/**
 * The pod a command reaches through `TYPE/NAME`: the pod itself, or the best pod of a workload or
 * service, waiting up to --pod-running-timeout for one to exist (one look with a frozen clock).
 */
export async function attachablePod(ctx: CommandContext, obj: KubeObject, timeoutMs: number): Promise<KubeObject> {
  if (obj.kind === 'Pod') return obj;
  const found = await ctx.poll((s) => bestPodOf(s.store, obj), { timeoutMs });
  if (!found) throw new CliError('timed out waiting for the condition');
  return found;
}
