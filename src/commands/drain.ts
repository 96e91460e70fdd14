import type { CommandContext, CommandSpec } from '../cli/command.js';
import type { DryRun } from '../cluster/api-server.js';
import type { Session } from '../cluster/session.js';
import type { KubeObject } from '../api/types.js';
import type { Snapshot } from '../api/snapshot.js';
import { matchesSelector, parseSelector, type Selector } from '../api/labels.js';
import { parseInstant } from '../util/clock.js';
import { CliError, ExitError } from '../errors.js';
import { checkNodeArgs, dryRunSuffix, nodeDryRun, nodeFlags, selectNodes, setSchedulable } from './node-schedulable.js';
import { parseGoDuration } from '../util/go-duration.js';

export const command: CommandSpec = {
  name: 'drain',
  short: 'Drain node in preparation for maintenance',
  long: `Drain node in preparation for maintenance.

 The node is cordoned first, so that no new pods are placed on it. Then every pod on it is evicted (or deleted, with --disable-eviction), and the command waits until those pods are gone.

 Some pods stop the drain unless a flag allows them: DaemonSet-managed pods (--ignore-daemonsets leaves them in place, since their controller would bring them straight back), pods with emptyDir volumes (--delete-emptydir-data) and pods that no controller manages (--force; such pods are not recreated anywhere). Mirror pods of static pods are left alone.

 Use 'kubectl uncordon' to make the node schedulable again after the maintenance.`,
  examples: `# Drain the node "foo", evicting pods that no controller manages too
kubectl drain foo --force

# Drain the node "foo", leaving DaemonSet pods alone and giving each pod 15 minutes to stop
kubectl drain foo --ignore-daemonsets --grace-period=900`,
  usage: 'drain NODE [options]',
  flags: [
    { name: 'chunk-size', type: 'int', default: 500, description: 'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.' },
    { name: 'delete-emptydir-data', type: 'bool', description: 'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).' },
    { name: 'disable-eviction', type: 'bool', description: 'Force drain to use delete, even if eviction is supported. This will bypass checking PodDisruptionBudgets, use with caution.' },
    { name: 'force', type: 'bool', description: 'Continue even if there are pods that do not declare a controller.' },
    { name: 'grace-period', type: 'int', default: -1, description: 'Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.' },
    { name: 'ignore-daemonsets', type: 'bool', description: 'Ignore DaemonSet-managed pods.' },
    { name: 'pod-selector', type: 'string', description: 'Label selector to filter pods on the node' },
    { name: 'skip-wait-for-delete-timeout', type: 'int', default: 0, description: 'If pod DeletionTimestamp older than N seconds, skip waiting for the pod.  Seconds must be greater than 0 to skip.' },
    { name: 'timeout', type: 'duration', default: '0s', description: 'The length of time to wait before giving up, zero means infinite' },
    ...nodeFlags,
  ],
  run: runDrain,
};

/** The drain.Helper settings that decide which pods go and how. */
export interface DrainOptions {
  force: boolean;
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  podSelector: Selector;
  skipWaitForDeleteTimeoutSeconds: number;
  now: string;
}

/** One pod's verdict, as kubectl's drain filters give it. */
export interface PodVerdict {
  pod: KubeObject;
  delete: boolean;
  reason: 'Okay' | 'Skip' | 'Warning' | 'Error';
  message?: string;
}

const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

const okay = (pod: KubeObject): PodVerdict => ({ pod, delete: true, reason: 'Okay' });
const warn = (pod: KubeObject, del: boolean, message: string): PodVerdict => ({ pod, delete: del, reason: 'Warning', message });
const fail = (pod: KubeObject, message: string): PodVerdict => ({ pod, delete: false, reason: 'Error', message });

function finished(pod: KubeObject): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

function controllerOf(pod: KubeObject) {
  return pod.metadata.ownerReferences?.find((r) => r.controller);
}

/**
 * Mirror pods (the API copies of static pods) cannot be deleted through the API. kubectl recognises
 * them by the kubelet's `kubernetes.io/config.mirror` annotation; kubesim's static pods also carry
 * `kubernetes.io/config.source: file`, which counts the same.
 */
function isMirrorPod(pod: KubeObject): boolean {
  const a = pod.metadata.annotations ?? {};
  return 'kubernetes.io/config.mirror' in a || a['kubernetes.io/config.source'] === 'file';
}

/**
 * kubectl's drain filters, applied in its order (skip-deleted, DaemonSet, mirror, local storage,
 * unreplicated); the first verdict that keeps the pod ends the chain, so only the last warning survives.
 */
export function podVerdict(pod: KubeObject, snap: Snapshot, o: DrainOptions): PodVerdict {
  const filters: Array<(p: KubeObject) => PodVerdict> = [
    (p) => (shouldSkipPod(p, o) ? { pod: p, delete: false, reason: 'Skip' } : okay(p)),
    (p) => daemonSetFilter(p, snap, o),
    (p) => (isMirrorPod(p) ? { pod: p, delete: false, reason: 'Skip' } : okay(p)),
    (p) => localStorageFilter(p, o),
    (p) => unreplicatedFilter(p, o),
  ];
  let verdict = okay(pod);
  for (const f of filters) {
    verdict = f(pod);
    if (!verdict.delete) break;
  }
  return verdict;
}

function shouldSkipPod(pod: KubeObject, o: DrainOptions): boolean {
  const deleted = pod.metadata.deletionTimestamp ? parseInstant(pod.metadata.deletionTimestamp) : undefined;
  const now = parseInstant(o.now);
  if (o.skipWaitForDeleteTimeoutSeconds <= 0 || deleted === undefined || now === undefined) return false;
  return Math.floor((now - deleted) / 1000) > o.skipWaitForDeleteTimeoutSeconds;
}

function daemonSetFilter(pod: KubeObject, snap: Snapshot, o: DrainOptions): PodVerdict {
  const ref = controllerOf(pod);
  if (!ref || ref.kind !== 'DaemonSet') return okay(pod);
  if (finished(pod)) return okay(pod);
  if (!snap.get('DaemonSet', pod.metadata.namespace ?? '', ref.name)) {
    // An orphan of a deleted DaemonSet: removable with --force, with the lookup's error as warning.
    const notFound = `daemonsets.apps "${ref.name}" not found`;
    return o.force ? warn(pod, true, notFound) : fail(pod, notFound);
  }
  return o.ignoreDaemonSets ? warn(pod, false, DAEMONSET_WARNING) : fail(pod, DAEMONSET_FATAL);
}

function localStorageFilter(pod: KubeObject, o: DrainOptions): PodVerdict {
  const volumes: Array<{ emptyDir?: unknown }> = pod.spec?.volumes ?? [];
  if (!volumes.some((v) => v.emptyDir)) return okay(pod);
  if (finished(pod)) return okay(pod);
  return o.deleteEmptyDirData ? warn(pod, true, LOCAL_STORAGE_WARNING) : fail(pod, LOCAL_STORAGE_FATAL);
}

function unreplicatedFilter(pod: KubeObject, o: DrainOptions): PodVerdict {
  if (finished(pod)) return okay(pod);
  if (controllerOf(pod)) return okay(pod);
  return o.force ? warn(pod, true, UNMANAGED_WARNING) : fail(pod, UNMANAGED_FATAL);
}

/** The pods on a node (all namespaces, in list order) that match --pod-selector, with their verdicts. */
export function podsForDeletion(snap: Snapshot, nodeName: string, o: DrainOptions): PodVerdict[] {
  return snap
    .list('Pod')
    .filter((p) => p.spec?.nodeName === nodeName && matchesSelector(o.podSelector, p.metadata.labels))
    .map((p) => podVerdict(p, snap, o));
}

/** Groups `ns/name` by message, in order of first appearance: `msg: a, b`. */
function groupByMessage(verdicts: PodVerdict[], reason: PodVerdict['reason']): Array<[string, string[]]> {
  const groups = new Map<string, string[]>();
  for (const v of verdicts) {
    if (v.reason !== reason) continue;
    const msg = v.message || 'unexpected error';
    groups.set(msg, [...(groups.get(msg) ?? []), `${v.pod.metadata.namespace}/${v.pod.metadata.name}`]);
  }
  return [...groups];
}

/** The warning line kubectl prints (after `Warning: `), or '' for none. */
export function drainWarnings(verdicts: PodVerdict[]): string {
  return groupByMessage(verdicts, 'Warning')
    .map(([msg, pods]) => `${msg}: ${pods.join(', ')}`)
    .join('; ');
}

/** The errors that stop a node's drain: `cannot delete <msg>: a, b`, one per message. */
export function drainErrors(verdicts: PodVerdict[]): string[] {
  return groupByMessage(verdicts, 'Error').map(([msg, pods]) => `cannot delete ${msg}: ${pods.join(', ')}`);
}

/** utilerrors.Aggregate's Error(): one message as is, several as `[a, b]`. */
function aggregateText(msgs: string[]): string {
  return msgs.length === 1 ? msgs[0] : `[${msgs.join(', ')}]`;
}

async function runDrain(ctx: CommandContext): Promise<void> {
  const f = ctx.parsed.flags;
  checkNodeArgs(ctx, 'drain NODE');
  const dryRun = nodeDryRun(ctx);
  let podSelector: Selector;
  try {
    podSelector = parseSelector(f['pod-selector'] as string);
  } catch {
    throw new CliError('--pod-selector=<pod_selector> must be a valid label selector');
  }
  const timeoutMs = parseGoDuration(f.timeout as string);
  const grace = f['grace-period'] as number;

  // Cordon every node first, as kubectl does, in a session of its own (committed before any eviction).
  const first = await ctx.openSession();
  let nodes: KubeObject[];
  try {
    nodes = selectNodes(ctx, first);
    setSchedulable(ctx, first, nodes, true, dryRun);
    await first.commit();
  } catch (e) {
    first.abort();
    throw e;
  }

  const fatal: string[][] = [];
  const remaining: string[] = [];
  for (const node of nodes) {
    const name = node.metadata.name;
    const errs = await drainNode(ctx, name, {
      dryRun,
      grace,
      timeoutMs,
      disableEviction: f['disable-eviction'] as boolean,
      filter: {
        force: f.force as boolean,
        ignoreDaemonSets: f['ignore-daemonsets'] as boolean,
        deleteEmptyDirData: f['delete-emptydir-data'] as boolean,
        podSelector,
        skipWaitForDeleteTimeoutSeconds: f['skip-wait-for-delete-timeout'] as number,
        now: '',
      },
    });
    if (errs.length === 0) {
      ctx.io.out.write(`node/${name} drained${dryRunSuffix(dryRun)}\n`);
      continue;
    }
    ctx.io.err.write(`error: unable to drain node "${name}" due to error: ${aggregateText(errs)}, continuing command...\n`);
    fatal.push(errs);
    remaining.push(name);
  }
  if (remaining.length === 0) return;
  ctx.io.err.write(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`);
  // kubectl returns an aggregate of per-node aggregates; printed without an `error: ` prefix. One failed
  // node prints each of its errors on a line of its own, several print one `[a, b]` line per node.
  const lines = fatal.length === 1 ? fatal[0] : fatal.map(aggregateText);
  throw new ExitError(1, lines.map((l) => `${l}\n`).join(''));
}

interface NodeDrain {
  dryRun: DryRun;
  grace: number;
  timeoutMs: number;
  disableEviction: boolean;
  filter: DrainOptions;
}

/**
 * Evicts (or deletes) the pods of one node and waits for them to be gone. Returns the errors that kept
 * the node from being drained, as kubectl words them.
 */
async function drainNode(ctx: CommandContext, nodeName: string, o: NodeDrain): Promise<string[]> {
  const session = await ctx.openSession();
  let pods: KubeObject[];
  try {
    const verdicts = podsForDeletion(session.store, nodeName, { ...o.filter, now: session.now });
    const errors = drainErrors(verdicts);
    if (errors.length) {
      session.abort();
      return errors;
    }
    const warnings = drainWarnings(verdicts);
    if (warnings) ctx.io.err.write(`Warning: ${warnings}\n`);
    pods = verdicts.filter((v) => v.delete).map((v) => v.pod);
    if (o.dryRun === 'client') {
      for (const p of pods) ctx.io.out.write(`evicting pod ${p.metadata.namespace}/${p.metadata.name} (dry run)\n`);
      session.abort();
      return [];
    }
    pods = removePods(ctx, session, pods, o);
    await session.commit();
  } catch (e) {
    session.abort();
    throw e;
  }
  if (o.dryRun === 'server' || pods.length === 0) return [];
  return waitForDeletion(ctx, nodeName, pods, o);
}

/**
 * Sends the evictions (or deletions). kubectl prints `evicting pod ns/name` as each eviction starts;
 * a pod that is already gone counts as done without a line. Returns the pods to wait for.
 */
function removePods(ctx: CommandContext, session: Session, pods: KubeObject[], o: NodeDrain): KubeObject[] {
  const waitFor: KubeObject[] = [];
  for (const p of pods) {
    const ref = { kind: 'Pod', namespace: p.metadata.namespace ?? '', name: p.metadata.name };
    if (!o.disableEviction) {
      const tag = o.dryRun === 'server' ? ' (server dry run)' : '';
      ctx.io.out.write(`evicting pod ${ref.namespace}/${ref.name}${tag}\n`);
    }
    if (!session.store.get('Pod', ref.namespace, ref.name)) continue;
    session.api.delete(ref, o.grace >= 0 ? { gracePeriodSeconds: o.grace } : {}, o.dryRun);
    waitFor.push(p);
  }
  return waitFor;
}

/**
 * Polls until every evicted pod is gone (or replaced by one with another uid), printing `pod/x evicted`
 * (`pod/x deleted` without eviction) for each. Simulated time passes between polls; with a frozen clock
 * there is one look, and a pod still there then counts as a timeout.
 */
async function waitForDeletion(ctx: CommandContext, nodeName: string, pods: KubeObject[], o: NodeDrain): Promise<string[]> {
  const verb = o.disableEviction ? 'deleted' : 'evicted';
  let pending = pods;
  const done = await ctx.poll(
    (s) => {
      pending = pending.filter((p) => {
        const cur = s.store.get('Pod', p.metadata.namespace ?? '', p.metadata.name);
        if (cur && cur.metadata.uid === p.metadata.uid) return true;
        ctx.io.out.write(`pod/${p.metadata.name} ${verb}\n`);
        return false;
      });
      return pending.length === 0 ? true : undefined;
    },
    { timeoutMs: o.timeoutMs > 0 ? o.timeoutMs : Number.MAX_SAFE_INTEGER },
  );
  if (done) return [];
  // Go's context error when --timeout runs out (kubesim also lands here when a frozen clock cannot
  // finish a pod's termination, where kubectl would wait forever).
  const why = 'context deadline exceeded';
  const errs = o.disableEviction
    ? [why]
    : pending.map((p) => `error when waiting for pod "${p.metadata.name}" in namespace "${p.metadata.namespace}" to terminate: ${why}`);
  ctx.io.err.write(`There are pending pods in node "${nodeName}" when an error occurred: ${aggregateText(errs)}\n`);
  for (const p of pending) ctx.io.err.write(`pod/${p.metadata.name}\n`);
  return errs;
}
