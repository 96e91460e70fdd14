import type { KubeObject } from '../../api/types.js';
import { age, humanDuration } from '../age.js';
import type { TablePrinter } from './types.js';

interface ContainerStatus {
  name: string;
  ready?: boolean;
  restartCount?: number;
  started?: boolean;
  state?: { running?: object; waiting?: { reason?: string }; terminated?: { reason?: string; exitCode?: number; signal?: number; finishedAt?: string } };
  lastState?: { terminated?: { finishedAt?: string } };
}

/** The STATUS cell: phase, overridden by reason, init progress, container waiting/terminated reasons. */
export function podStatus(pod: KubeObject): string {
  let reason: string = pod.status?.reason || pod.status?.phase || 'Pending';
  const sched = (pod.status?.conditions ?? []).find((c: { type: string }) => c.type === 'PodScheduled');
  if (sched?.reason === 'SchedulingGated') reason = 'SchedulingGated';
  const inits: ContainerStatus[] = pod.status?.initContainerStatuses ?? [];
  const initCount = (pod.spec?.initContainers ?? []).length;
  let initializing = false;
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i];
    const t = c.state?.terminated;
    if (t && t.exitCode === 0) continue;
    initializing = true;
    if (t) reason = t.reason ? `Init:${t.reason}` : t.signal ? `Init:Signal:${t.signal}` : `Init:ExitCode:${t.exitCode}`;
    else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') reason = `Init:${c.state.waiting.reason}`;
    else reason = `Init:${i}/${initCount}`;
    break;
  }
  if (!initializing) {
    const cs: ContainerStatus[] = pod.status?.containerStatuses ?? [];
    let hasRunning = false;
    for (let i = cs.length - 1; i >= 0; i--) {
      const c = cs[i];
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (c.state?.terminated?.reason) reason = c.state.terminated.reason;
      else if (c.state?.terminated) reason = c.state.terminated.signal ? `Signal:${c.state.terminated.signal}` : `ExitCode:${c.state.terminated.exitCode}`;
      else if (c.ready && c.state?.running) hasRunning = true;
    }
    if (reason === 'Completed' && hasRunning) {
      const ready = (pod.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
      reason = ready ? 'Running' : 'NotReady';
    }
  }
  if (pod.metadata.deletionTimestamp && pod.status?.reason === 'NodeLost') return 'Unknown';
  if (pod.metadata.deletionTimestamp && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed') return 'Terminating';
  return reason;
}

function readyCell(pod: KubeObject): string {
  const cs: ContainerStatus[] = pod.status?.containerStatuses ?? [];
  const total = (pod.spec?.containers ?? []).length;
  const ready = cs.filter((c) => c.ready && c.state?.running).length;
  return `${ready}/${total}`;
}

function restartsCell(pod: KubeObject, now: string): string {
  const cs: ContainerStatus[] = pod.status?.containerStatuses ?? [];
  const restarts = cs.reduce((n, c) => n + (c.restartCount ?? 0), 0);
  if (restarts === 0) return '0';
  const finished = cs.map((c) => c.lastState?.terminated?.finishedAt).filter(Boolean) as string[];
  if (finished.length === 0) return String(restarts);
  const latest = finished.sort().at(-1)!;
  return `${restarts} (${humanDuration(Date.parse(now) - Date.parse(latest))} ago)`;
}

export const podTable: TablePrinter = {
  columns: [
    { header: 'NAME' },
    { header: 'READY' },
    { header: 'STATUS' },
    { header: 'RESTARTS' },
    { header: 'AGE' },
    { header: 'IP', wide: true },
    { header: 'NODE', wide: true },
    { header: 'NOMINATED NODE', wide: true },
    { header: 'READINESS GATES', wide: true },
  ],
  row(pod, { now }) {
    const gates: Array<{ conditionType: string }> = pod.spec?.readinessGates ?? [];
    const gateCell = gates.length
      ? `${gates.filter((g) => (pod.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === g.conditionType && c.status === 'True')).length}/${gates.length}`
      : '<none>';
    return [
      pod.metadata.name,
      readyCell(pod),
      podStatus(pod),
      restartsCell(pod, now),
      age(pod.metadata.creationTimestamp, now),
      pod.status?.podIPs?.[0]?.ip || pod.status?.podIP || '<none>',
      pod.spec?.nodeName || '<none>',
      pod.status?.nominatedNodeName || '<none>',
      gateCell,
    ];
  },
};
