import type { KubeObject } from '../../api/types.js';
import type { ContainerRecord } from '../../api/snapshot.js';
import { fullImageRef, imageID } from '../images.js';

interface Spec {
  name: string;
  image: string;
}

type Cond = { lastProbeTime: null; lastTransitionTime: string; status: string; type: string; reason?: string; message?: string };

/** A container instance: its containerID and what the runtime remembers of it. */
export interface Instance {
  id: string;
  rec: ContainerRecord;
}

/**
 * One container's status from the runtime's memory: waiting (ContainerCreating, CrashLoopBackOff),
 * running, or terminated, with lastState, restartCount and readiness.
 */
export function containerStatus(c: Spec, current: Instance | undefined, previous: Instance | undefined, restartCount: number, ready: boolean, waiting?: { reason: string; message?: string }): object {
  const shown = current ?? previous;
  const base = {
    ...(shown ? { containerID: shown.id } : {}),
    image: shown ? fullImageRef(c.image) : c.image,
    imageID: shown ? imageID(c.image) : '',
    lastState: previous && previous !== current ? { terminated: terminated(previous) } : {},
    name: c.name,
    ready,
    restartCount,
    started: Boolean(current && !current.rec.finishedAt && !waiting),
  };
  if (waiting) return { ...base, state: { waiting } };
  if (!current) return { ...base, state: { waiting: { reason: 'ContainerCreating' } } };
  if (current.rec.finishedAt) return { ...base, state: { terminated: terminated(current) } };
  return { ...base, state: { running: { startedAt: current.rec.startedAt } } };
}

function terminated(i: Instance): object {
  return {
    containerID: i.id,
    exitCode: i.rec.exitCode ?? 0,
    finishedAt: i.rec.finishedAt,
    reason: i.rec.exitCode === 0 ? 'Completed' : 'Error',
    startedAt: i.rec.startedAt,
  };
}

/** Pod conditions in kubectl's order, keeping transition times that did not change. */
export function podConditions(prev: Cond[] | undefined, now: string, sandbox: boolean, containersReady: boolean, notReady: string[]): Cond[] {
  const old = (t: string) => (prev ?? []).find((c) => c.type === t);
  const cond = (type: string, ok: boolean, reason?: string, message?: string): Cond => {
    const o = old(type);
    const status = ok ? 'True' : 'False';
    return {
      lastProbeTime: null,
      lastTransitionTime: o && o.status === status ? o.lastTransitionTime : now,
      ...(message ? { message } : {}),
      ...(reason ? { reason } : {}),
      status,
      type,
    };
  };
  const why = notReady.length ? `containers with unready status: [${notReady.join(' ')}]` : undefined;
  return [
    cond('PodReadyToStartContainers', sandbox),
    cond('Initialized', true),
    cond('Ready', containersReady, containersReady ? undefined : 'ContainersNotReady', why),
    cond('ContainersReady', containersReady, containersReady ? undefined : 'ContainersNotReady', why),
    old('PodScheduled') ?? cond('PodScheduled', true),
  ];
}

/** The pod phase from its containers and restart policy (Pending, Running, Succeeded, Failed). */
export function podPhase(pod: KubeObject, statuses: Array<{ state: { running?: object; waiting?: object; terminated?: { exitCode: number } } }>): string {
  if (statuses.some((s) => s.state.running)) return 'Running';
  const policy = pod.spec?.restartPolicy ?? 'Always';
  const done = statuses.every((s) => s.state.terminated);
  if (done && statuses.length) {
    const failed = statuses.some((s) => s.state.terminated!.exitCode !== 0);
    if (policy === 'Never' || (policy === 'OnFailure' && !failed)) return failed ? 'Failed' : 'Succeeded';
  }
  const everRan = statuses.some((s) => (s as { restartCount?: number }).restartCount || s.state.terminated);
  return everRan ? 'Running' : 'Pending';
}

export type { Cond };
