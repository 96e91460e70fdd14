import type { KubeObject } from '../../api/types.js';
import type { ContainerPlan, ContainerRecord, PodPlan } from '../../api/snapshot.js';
import type { ControllerInput, Op } from '../types.js';
import { clone } from '../../api/types.js';
import { imageInfo, startProcess } from '../../api/images.js';
import { makeEvent } from '../events.js';
import { fullImageRef, imageID, imageSize } from '../images.js';
import { nextPodIP } from '../ipam.js';
import { changed } from '../util.js';
import { ContainerConfigError, containerEnv } from './env.js';
import { mountProblem } from './volumes.js';
import { readiness } from './probes.js';
import { containerStatus, podConditions, podPhase, type Instance } from './status.js';
import { after, backOffSeconds, CRASH_LOOP_MIN_SECONDS, goDuration, logTime, pullMs } from './timing.js';

interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  env?: Array<{ name: string; value?: string }>;
  imagePullPolicy?: string;
  stdin?: boolean;
}

/** One pass of the kubelet over a pod: what it changes, collected as ops. */
class PodSync {
  readonly ops: Op[] = [];
  readonly records = new Map<string, ContainerRecord>();
  plan: PodPlan;

  constructor(
    readonly input: ControllerInput,
    readonly pod: KubeObject,
    readonly node: KubeObject,
    plan: PodPlan,
  ) {
    this.plan = clone(plan);
  }

  record(id: string | undefined): ContainerRecord | undefined {
    if (!id) return undefined;
    return this.records.get(id) ?? this.input.runtime.containers[id];
  }

  put(id: string, rec: ContainerRecord): void {
    this.records.set(id, rec);
    this.ops.push({ op: 'container', id, record: rec });
  }

  event(reason: string, message: string, at: string, c?: string, type: 'Normal' | 'Warning' = 'Normal'): void {
    const src = { component: 'kubelet', host: this.node.metadata.name };
    this.ops.push({ op: 'create', obj: makeEvent(this.pod, type, reason, message, src, at, this.input.rng, c ? `spec.containers{${c}}` : undefined) });
  }

  wake(at: string): void {
    this.ops.push({ op: 'wake', at });
  }
}

/**
 * The kubelet of every node, as a pure reconciler over the runtime's memory:
 * - a bound pod gets a sandbox (its IP: the node's for hostNetwork pods, else the next one of the
 *   node's range), its images are pulled (only where the node lacks them, or with pullPolicy Always);
 * - each container starts when its image is there, writes its start-up lines, and runs, exits or
 *   crashes as its image and command say; Always/OnFailure restart with the kubelet's back-off
 *   (CrashLoopBackOff), Never leaves it terminated;
 * - readiness follows the readiness probe;
 * - a deleted pod is Terminating: its containers get SIGTERM, and the pod goes once they have stopped
 *   — at once for servers, after the whole grace period for processes that ignore SIGTERM.
 * With a frozen clock, pulls, start-up and termination take no time.
 */
export function runKubelet(input: ControllerInput): Op[] {
  const { snapshot, runtime } = input;
  const ops: Op[] = [];
  const pods = snapshot.list('Pod');
  const used = new Set<string>(pods.map((p) => p.status?.podIP).filter(Boolean));
  const lastIP: Record<string, string> = { ...input.allocations.lastPodIP };
  const nodeImages = new Map<string, Set<string>>();
  for (const pod of pods) {
    const nodeName: string | undefined = pod.spec?.nodeName;
    const node = nodeName ? snapshot.get('Node', '', nodeName) : undefined;
    if (!node) {
      if (pod.metadata.deletionTimestamp) ops.push({ op: 'delete', ref: ref(pod), final: true });
      continue;
    }
    const images = nodeImages.get(nodeName!) ?? new Set<string>((node.status?.images ?? []).flatMap((i: { names: string[] }) => i.names));
    nodeImages.set(nodeName!, images);
    const existing = runtime.pods[pod.metadata.uid!];
    if (pod.metadata.deletionTimestamp) {
      ops.push(...terminate(input, pod, node, existing));
      continue;
    }
    if (!existing && pod.status?.podIP === undefined) {
      const ip = pod.spec.hostNetwork ? nodeAddress(node, 'InternalIP') : nextPodIP(node.spec.podCIDR, used, lastIP[nodeName!]);
      if (!ip) continue; // the range is exhausted: the pod stays Pending
      if (!pod.spec.hostNetwork) {
        used.add(ip);
        lastIP[nodeName!] = ip;
        ops.push({ op: 'reserve-pod-ip', node: nodeName!, ip });
      }
      const sync = new PodSync(input, withIPs(pod, nodeAddress(node, 'InternalIP'), ip, input.now), node, createSandbox(input, pod, images));
      ops.push(...syncPod(sync, images, true));
      continue;
    }
    if (!existing) continue;
    ops.push(...syncPod(new PodSync(input, pod, node, existing), images, false));
  }
  ops.push(...recordImages(snapshot.list('Node'), nodeImages));
  ops.push(...forgetGone(input, pods));
  return ops;
}

function ref(pod: KubeObject) {
  return { kind: 'Pod', namespace: pod.metadata.namespace ?? '', name: pod.metadata.name };
}

export function nodeAddress(node: KubeObject, type: string): string {
  return (node.status?.addresses ?? []).find((a: { type: string }) => a.type === type)?.address ?? '';
}

function withIPs(pod: KubeObject, hostIP: string, podIP: string, now: string): KubeObject {
  const p = clone(pod);
  p.status = { ...p.status, hostIP, hostIPs: [{ ip: hostIP }], podIP, podIPs: [{ ip: podIP }], startTime: now };
  return p;
}

/** The sandbox: every container's start time (now, or after its image pull). */
function createSandbox(input: ControllerInput, pod: KubeObject, images: Set<string>): PodPlan {
  const containers: Record<string, ContainerPlan> = {};
  for (const c of pod.spec.containers as Container[]) {
    const present = images.has(fullImageRef(c.image)) && c.imagePullPolicy !== 'Always';
    const ms = input.instant ? 0 : (present ? 0 : pullMs(pod.metadata.uid!, c.name)) + 1000;
    containers[c.name] = { startAt: after(input.now, ms), pulled: !present, restarts: 0 };
  }
  return { containers };
}

/** Moves every container of a running pod on as far as `now` allows, then writes the pod status. */
function syncPod(s: PodSync, images: Set<string>, fresh: boolean): Op[] {
  const { now } = s.input;
  const pod = s.pod;
  // Volumes are set up before images are pulled; a missing ConfigMap or Secret holds the pod in
  // ContainerCreating (FailedMount) until it appears.
  const wasBlocked = s.plan.mountError !== undefined;
  const mount = Object.values(s.plan.containers).some((st) => st.current) ? undefined : mountProblem(pod, s.input.snapshot);
  if (mount && mount !== s.plan.mountError) s.event('FailedMount', mount, now, undefined, 'Warning');
  if (mount) s.plan.mountError = mount;
  else delete s.plan.mountError;
  if ((fresh || wasBlocked) && !mount) {
    for (const c of pod.spec.containers as Container[]) if (s.plan.containers[c.name].pulled) s.event('Pulling', `Pulling image "${c.image}"`, now, c.name);
  }
  const statuses: object[] = [];
  const notReady: string[] = [];
  for (const c of pod.spec.containers as Container[]) {
    const st = (s.plan.containers[c.name] ??= { startAt: now, pulled: false, restarts: 0 });
    // Instances start, exit and restart until nothing more is due at `now`.
    for (let guard = 0; guard < 4; guard++) {
      const cur = s.record(st.current);
      if (cur && !cur.finishedAt) {
        if (cur.exitAt && now >= cur.exitAt) exitInstance(s, pod, c, st, cur);
        else break;
      } else {
        const due = st.restartAt ?? (st.current ? undefined : st.startAt);
        if (!due) break;
        if (now < due) {
          s.wake(due);
          break;
        }
        if (s.plan.mountError || !startInstance(s, c, st, due, images)) break;
      }
    }
    const cur = s.record(st.current);
    const prev = s.record(st.previous);
    const running = cur && !cur.finishedAt;
    if (running && cur.exitAt) s.wake(cur.exitAt);
    const ready = Boolean(running && cur.readyAt && now >= cur.readyAt);
    if (running && cur.readyAt && now < cur.readyAt) s.wake(cur.readyAt);
    if (!ready) notReady.push(c.name);
    const backingOff = st.restartAt && now < st.restartAt && backOffSeconds(st.restarts) >= CRASH_LOOP_MIN_SECONDS;
    const waiting = backingOff
      ? { message: `back-off ${backOffSeconds(st.restarts)}s restarting failed container=${c.name} pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`, reason: 'CrashLoopBackOff' }
      : st.configError && !running
        ? { message: st.configError, reason: 'CreateContainerConfigError' }
        : undefined;
    const currentInst: Instance | undefined = st.current && cur ? { id: st.current, rec: cur } : undefined;
    const previousInst: Instance | undefined = st.previous && prev ? { id: st.previous, rec: prev } : undefined;
    const shownCurrent = waiting ? undefined : currentInst;
    const shownPrevious = waiting ? currentInst ?? previousInst : previousInst;
    statuses.push(containerStatus(c, shownCurrent, shownPrevious, st.restarts, ready, waiting));
  }
  const next = clone(pod);
  const allReady = notReady.length === 0;
  next.status = {
    ...next.status,
    conditions: podConditions(pod.status?.conditions, now, true, allReady, notReady),
    containerStatuses: statuses,
    phase: podPhase(pod, statuses as Parameters<typeof podPhase>[1]),
  };
  s.ops.push({ op: 'pod-plan', uid: pod.metadata.uid!, plan: s.plan });
  const c = changed(s.pod, next);
  if (c) s.ops.push({ op: 'update', obj: c });
  return s.ops;
}

/** Starts the next instance of a container; false when its configuration cannot be built yet (CreateContainerConfigError). */
function startInstance(s: PodSync, c: Container, st: ContainerPlan, at: string, images: Set<string>): boolean {
  const pod = s.pod;
  const first = !st.current;
  const retry = st.configError !== undefined;
  if (retry) {
    at = s.input.now;
    // Retried on every sync until the ConfigMap or Secret exists; reported once per distinct cause.
  } else if (first && st.pulled) {
    const d = goDuration(pullMs(pod.metadata.uid!, c.name));
    s.event('Pulled', `Successfully pulled image "${c.image}" in ${d} (${d} including waiting). Image size: ${imageSize(c.image)} bytes.`, at, c.name);
    images.add(fullImageRef(c.image));
  } else {
    s.event('Pulled', `Container image "${c.image}" already present on machine`, at, c.name);
  }
  const id = `containerd://${s.input.rng.hex(64)}`;
  let envList: Array<{ name: string; value: string }>;
  try {
    envList = containerEnv(pod, c, s.input.snapshot, s.input.rng);
  } catch (e) {
    if (!(e instanceof ContainerConfigError)) throw e;
    if (st.configError !== e.message) s.event('Failed', `Error: ${e.message}`, s.input.now, c.name, 'Warning');
    st.configError = e.message;
    return false;
  }
  delete st.configError;
  const env = Object.fromEntries(envList.map((e) => [e.name, e.value]));
  const outcome = startProcess(c.image, c.command, c.args, { podName: pod.metadata.name, podIP: pod.status?.podIP ?? '', env, seed: s.input.rng.int(1 << 30), stdin: Boolean(c.stdin) });
  const r = readiness(pod, c, s.input.instant);
  const log = [...outcome.stdout.map((line) => ({ stream: 'stdout' as const, line })), ...outcome.stderr.map((line) => ({ stream: 'stderr' as const, line }))].map((l, i) => ({ ...l, time: logTime(at, i, id) }));
  const rec: ContainerRecord = {
    podUid: pod.metadata.uid!,
    namespace: pod.metadata.namespace ?? 'default',
    pod: pod.metadata.name,
    container: c.name,
    image: c.image,
    env: envList,
    startedAt: at,
    log,
    ...(outcome.exitsAfterMs !== undefined ? { exitAt: after(at, outcome.exitsAfterMs), exitCode: outcome.exitCode ?? 0 } : {}),
    ...(r.failure ? {} : { readyAt: after(at, r.delayMs) }),
  };
  s.put(id, rec);
  if (st.current) {
    st.previous = st.current;
    st.restarts += 1;
  }
  st.current = id;
  delete st.restartAt;
  s.event('Created', `Created container ${c.name}`, at, c.name);
  s.event('Started', `Started container ${c.name}`, at, c.name);
  if (r.failure && !st.unhealthy) {
    st.unhealthy = true;
    s.event('Unhealthy', r.failure, after(at, r.delayMs), c.name, 'Warning');
  }
  return true;
}

/** The main process ended: record it, and restart (after the back-off) if the restart policy says so. */
function exitInstance(s: PodSync, pod: KubeObject, c: Container, st: ContainerPlan, cur: ContainerRecord): void {
  const at = cur.exitAt!;
  const code = cur.exitCode ?? 0;
  s.put(st.current!, { ...cur, finishedAt: at });
  const policy = pod.spec.restartPolicy ?? 'Always';
  if (policy === 'Never' || (policy === 'OnFailure' && code === 0)) return;
  const delay = backOffSeconds(st.restarts);
  st.restartAt = after(at, delay * 1000);
  if (delay >= CRASH_LOOP_MIN_SECONDS) s.event('BackOff', `Back-off restarting failed container ${c.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`, at, c.name, 'Warning');
}

/**
 * A deleted pod: SIGTERM to every running container (a Killing event each); the pod object goes once
 * they have all stopped — servers at once, processes ignoring SIGTERM when the grace period ends.
 */
function terminate(input: ControllerInput, pod: KubeObject, node: KubeObject, plan: PodPlan | undefined): Op[] {
  if (!plan || input.instant) return [{ op: 'delete', ref: ref(pod), final: true }];
  const s = new PodSync(input, pod, node, plan);
  const deadline: string = pod.metadata.deletionTimestamp!;
  let last = input.now;
  for (const c of pod.spec.containers as Container[]) {
    const st = s.plan.containers[c.name];
    const cur = s.record(st?.current);
    if (!st || !cur || cur.finishedAt) continue;
    let stopAt = cur.stopAt;
    if (!stopAt) {
      stopAt = imageInfo(c.image).stopsOnTerm ? input.now : deadline;
      s.put(st.current!, { ...cur, stopAt });
      s.event('Killing', `Stopping container ${c.name}`, input.now, c.name);
    }
    if (stopAt > last) last = stopAt;
  }
  if (input.now >= last) return [...s.ops, { op: 'delete', ref: ref(pod), final: true }];
  s.wake(last);
  // While it terminates, nothing is ready.
  const next = clone(pod);
  next.status = {
    ...next.status,
    conditions: podConditions(pod.status?.conditions, input.now, true, false, (pod.spec.containers as Container[]).map((c) => c.name)),
    containerStatuses: (pod.status?.containerStatuses ?? []).map((cs: object) => ({ ...cs, ready: false })),
  };
  const c = changed(pod, next);
  if (c) s.ops.push({ op: 'update', obj: c });
  return s.ops;
}

/** Nodes remember the images they pulled (status.images), so the next pod there starts without a pull. */
function recordImages(nodes: KubeObject[], seen: Map<string, Set<string>>): Op[] {
  const ops: Op[] = [];
  for (const node of nodes) {
    const refs = seen.get(node.metadata.name);
    if (!refs) continue;
    const known = new Set<string>((node.status?.images ?? []).flatMap((i: { names: string[] }) => i.names));
    const added = [...refs].filter((r) => !known.has(r));
    if (added.length === 0) continue;
    const u = clone(node);
    u.status.images = [...(node.status?.images ?? []), ...added.map((r) => ({ names: [imageID(r), r], sizeBytes: imageSize(r) }))];
    ops.push({ op: 'update', obj: u });
  }
  return ops;
}

/** The runtime forgets pods that no longer exist, and their containers. */
function forgetGone(input: ControllerInput, pods: KubeObject[]): Op[] {
  const live = new Set(pods.map((p) => p.metadata.uid));
  const ops: Op[] = [];
  for (const uid of Object.keys(input.runtime.pods)) if (!live.has(uid)) ops.push({ op: 'pod-plan', uid, plan: null });
  for (const [id, rec] of Object.entries(input.runtime.containers)) if (!live.has(rec.podUid)) ops.push({ op: 'container', id, record: null });
  return ops;
}
