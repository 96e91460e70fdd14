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
  const nodeImages = new Map<string, Set<string>>();
  const pulledOn = new Map<string, KubeObject>();
  for (const pod of pods) {
    const nodeName: string | undefined = pod.spec?.nodeName;
    if (!nodeName || isTerminating(pod) || (pod.status?.phase ?? 'Pending') !== 'Pending' || pod.status?.podIP) continue;
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
    const images = nodeImages.get(nodeName) ?? new Set<string>((node.status?.images ?? []).flatMap((i: { names: string[] }) => i.names));
    nodeImages.set(nodeName, images);
    ops.push(...containerEvents(pod, nodeName, images, now, rng));
    pulledOn.set(nodeName, node);
  }
  for (const [name, node] of pulledOn) {
    const known = new Set<string>((node.status?.images ?? []).flatMap((i: { names: string[] }) => i.names));
    const added = [...nodeImages.get(name)!].filter((ref) => !known.has(ref));
    if (added.length === 0) continue;
    const u = clone(node);
    u.status.images = [...(node.status?.images ?? []), ...added.map((ref) => ({ names: [imageID(ref), ref], sizeBytes: imageSize(ref) }))];
    ops.push({ op: 'update', obj: u });
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

/** Go's time.Duration.String() for a pull time: `512ms`, `4.1s`, `1.234s`. */
function goDuration(ms: number): string {
  return ms < 1000 ? `${ms}ms` : `${String(ms / 1000)}s`;
}

/**
 * The kubelet's events for starting a pod's containers. The image is pulled when the pull policy says
 * Always, or when the node does not have it yet (then it is recorded on the node for the next pod).
 */
function containerEvents(pod: KubeObject, nodeName: string, images: Set<string>, now: string, rng: ControllerInput['rng']): Op[] {
  const src = { component: 'kubelet', host: nodeName };
  const ops: Op[] = [];
  for (const c of pod.spec.containers ?? []) {
    const path = `spec.containers{${c.name}}`;
    const ev = (reason: string, message: string) => ({ op: 'create' as const, obj: makeEvent(pod, 'Normal', reason, message, src, now, rng, path) });
    const ref = fullImageRef(c.image);
    if (c.imagePullPolicy !== 'Always' && images.has(ref)) {
      ops.push(ev('Pulled', `Container image "${c.image}" already present on machine`));
    } else {
      const d = goDuration(400 + rng.int(4000));
      ops.push(ev('Pulling', `Pulling image "${c.image}"`));
      ops.push(ev('Pulled', `Successfully pulled image "${c.image}" in ${d} (${d} including waiting). Image size: ${imageSize(c.image)} bytes.`));
      images.add(ref);
    }
    ops.push(ev('Created', `Created container ${c.name}`));
    ops.push(ev('Started', `Started container ${c.name}`));
  }
  return ops;
}
