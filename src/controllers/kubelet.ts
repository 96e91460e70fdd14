import type { KubeObject } from '../api/types.js';
import type { ControllerInput, Op } from './types.js';
import { clone } from '../api/types.js';
import { makeEvent } from './events.js';
import { fullImageRef, imageID, imageSize } from './images.js';
import { nextPodIP } from './ipam.js';
import { isTerminating } from './util.js';

/**
 * The kubelet, reduced to what the simulator needs now: a bound pod gets its IP (the node's IP for
 * hostNetwork pods, else the next one from the node's range), its containers start at once, and the
 * pod reports Running and Ready with the events a real kubelet records.
 */
export function runKubelet(input: ControllerInput): Op[] {
  const { snapshot, now, rng, allocations } = input;
  const ops: Op[] = [];
  const pods = snapshot.list('Pod');
  const used = new Set<string>(pods.map((p) => p.status?.podIP).filter(Boolean));
  const last: Record<string, string> = { ...allocations.lastPodIP };
  for (const pod of pods) {
    const nodeName: string | undefined = pod.spec?.nodeName;
    if (!nodeName || isTerminating(pod) || pod.status?.phase !== 'Pending' || pod.status?.podIP) continue;
    const node = snapshot.get('Node', '', nodeName);
    if (!node) continue;
    const hostIP = nodeAddress(node, 'InternalIP');
    let podIP = hostIP;
    if (!pod.spec.hostNetwork) {
      const ip = nextPodIP(node.spec.podCIDR, used, last[nodeName]);
      if (!ip) continue; // range exhausted: stays Pending
      podIP = ip;
      used.add(ip);
      last[nodeName] = ip;
      ops.push({ op: 'reserve-pod-ip', node: nodeName, ip });
    }
    ops.push({ op: 'update', obj: startPod(pod, hostIP, podIP, now, rng) });
    ops.push(...containerEvents(pod, nodeName, now, rng));
  }
  return ops;
}

export function nodeAddress(node: KubeObject, type: string): string {
  return (node.status?.addresses ?? []).find((a: { type: string }) => a.type === type)?.address ?? '';
}

function startPod(pod: KubeObject, hostIP: string, podIP: string, now: string, rng: ControllerInput['rng']): KubeObject {
  const p = clone(pod);
  const cond = (type: string) => ({ lastProbeTime: null, lastTransitionTime: now, status: 'True', type });
  p.status = {
    conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map(cond),
    containerStatuses: (p.spec.containers ?? []).map((c: { name: string; image: string }) => ({
      containerID: `containerd://${rng.hex(64)}`,
      image: fullImageRef(c.image),
      imageID: imageID(c.image),
      lastState: {},
      name: c.name,
      ready: true,
      restartCount: 0,
      started: true,
      state: { running: { startedAt: now } },
    })),
    hostIP,
    hostIPs: [{ ip: hostIP }],
    phase: 'Running',
    podIP,
    podIPs: [{ ip: podIP }],
    qosClass: pod.status?.qosClass ?? 'BestEffort',
    startTime: now,
  };
  // PodScheduled keeps the time the scheduler set.
  const scheduled = (pod.status?.conditions ?? []).find((c: { type: string }) => c.type === 'PodScheduled');
  if (scheduled) p.status.conditions[4] = scheduled;
  return p;
}

function containerEvents(pod: KubeObject, nodeName: string, now: string, rng: ControllerInput['rng']): Op[] {
  const src = { component: 'kubelet', host: nodeName };
  const ops: Op[] = [];
  for (const c of pod.spec.containers ?? []) {
    const path = `spec.containers{${c.name}}`;
    const ev = (reason: string, message: string) => ({ op: 'create' as const, obj: makeEvent(pod, 'Normal', reason, message, src, now, rng, path) });
    if (c.imagePullPolicy === 'IfNotPresent' || c.imagePullPolicy === 'Never') {
      ops.push(ev('Pulled', `Container image "${c.image}" already present on machine`));
    } else {
      const ms = 500 + rng.int(4000);
      const secs = `${(ms / 1000).toFixed(3).replace(/0+$/, '').replace(/\.$/, '')}s`;
      ops.push(ev('Pulling', `Pulling image "${c.image}"`));
      ops.push(ev('Pulled', `Successfully pulled image "${c.image}" in ${secs} (${secs} including waiting). Image size: ${imageSize(c.image)} bytes.`));
    }
    ops.push(ev('Created', `Created container ${c.name}`));
    ops.push(ev('Started', `Started container ${c.name}`));
  }
  return ops;
}
