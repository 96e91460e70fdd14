import type { Json, KubeObject } from '../../api/types.js';
import { rfc1123z } from '../age.js';
import { type DescribeContext, printController, since } from './context.js';
import { describeContainers, writeResources } from './containers.js';
import { describeEventsOf } from './events.js';
import { LEVEL_0, LEVEL_1, PrefixWriter, writeAnnotations, writeLabels } from './prefix-writer.js';
import { writeTolerations, writeTopologySpread } from './scheduling.js';
import { describeVolumes } from './volumes.js';
import { cmpQuantity, parseQuantity, type Quantity, addQuantity } from './quantity.js';

/** `kubectl describe pod` (§3.3): header fields, containers, conditions, volumes, QoS, scheduling, events. */
export function describePod(pod: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  writeHeader(w, pod, ctx);
  w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
  writePodIPs(w, status.podIPs);
  const controlledBy = printController(pod);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  if (spec.resources) {
    w.write(LEVEL_0, 'Resources:\n');
    writeResources(w, spec.resources, LEVEL_1);
  }
  if ((spec.initContainers ?? []).length > 0) {
    describeContainers(w, 'Init Containers', spec.initContainers, status.initContainerStatuses ?? [], pod, '');
  }
  describeContainers(w, 'Containers', spec.containers, status.containerStatuses ?? [], pod, '');
  if ((spec.ephemeralContainers ?? []).length > 0) {
    describeContainers(w, 'Ephemeral Containers', spec.ephemeralContainers, status.ephemeralContainerStatuses ?? [], pod, '');
  }
  writeReadinessGates(w, spec.readinessGates, status.conditions);
  writeConditions(w, status.conditions);
  describeVolumes(w, spec.volumes, '');
  w.write(LEVEL_0, `QoS Class:\t${status.qosClass || computeQOS(pod)}\n`);
  writeLabels(w, 'Node-Selectors', spec.nodeSelector);
  writeTolerations(w, 'Tolerations', spec.tolerations);
  writeTopologySpread(w, spec.topologySpreadConstraints, '');
  describeEventsOf(w, pod, ctx);
  return w.toString();
}

function writeHeader(w: PrefixWriter, pod: KubeObject, ctx: DescribeContext): void {
  const { metadata: md } = pod;
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  w.write(LEVEL_0, `Name:\t${md.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${md.namespace ?? ''}\n`);
  if (spec.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
  // Node is `name/hostIP`; before the kubelet reports a hostIP that reads `kind-worker/`.
  w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  writeLabels(w, 'Labels', md.labels);
  writeAnnotations(w, 'Annotations', md.annotations);
  if (md.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    // "lasts" is the time since the deletion timestamp (which is in the future while the grace period runs).
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(md.deletionTimestamp, ctx)})\n`);
    w.write(LEVEL_0, `Termination Grace Period:\t${md.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
  }
  if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
  const seccomp = spec.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`);
    if (seccomp.type === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
  }
}

/** `IPs:` (no tab, so a new alignment block) then `  IP:\t⟨ip⟩` per IP, or `IPs:\t<none>`. */
function writePodIPs(w: PrefixWriter, podIPs: Json[] | undefined): void {
  if (!podIPs || podIPs.length === 0) {
    w.write(LEVEL_0, 'IPs:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'IPs:\n');
  for (const ip of podIPs) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
}

function writeReadinessGates(w: PrefixWriter, gates: Json[] | undefined, conditions: Json[] | undefined): void {
  if (!gates || gates.length === 0) return;
  w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
  for (const g of gates) {
    const c = (conditions ?? []).find((x) => x.type === g.conditionType);
    w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
  }
}

/** Pod conditions table; kubectl writes `%v \t%v \n`, hence the trailing space after the status. */
function writeConditions(w: PrefixWriter, conditions: Json[] | undefined): void {
  if (!conditions || conditions.length === 0) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
}

const QOS_RESOURCES = ['cpu', 'memory'];

/** qos.ComputePodQOS, used when status.qosClass is not set. */
export function computeQOS(pod: KubeObject): string {
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  const containers: Json[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  const holders: Json[] = pod.spec?.resources ? [pod.spec.resources] : containers.map((c) => c.resources ?? {});
  for (const r of holders) {
    accumulate(requests, r.requests);
    accumulate(limits, r.limits);
    const positive = QOS_RESOURCES.filter((n) => r.limits?.[n] !== undefined && parseQuantity(r.limits[n]).nano > 0n);
    if (positive.length < 2) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  for (const [name, req] of requests) {
    const lim = limits.get(name);
    if (!lim || cmpQuantity(lim, req) !== 0) guaranteed = false;
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

function accumulate(into: Map<string, Quantity>, list: Record<string, string> | undefined): void {
  for (const [name, raw] of Object.entries(list ?? {})) {
    if (!QOS_RESOURCES.includes(name)) continue;
    const q = parseQuantity(raw);
    if (q.nano <= 0n) continue;
    const prev = into.get(name);
    into.set(name, prev ? addQuantity(q, prev) : q);
  }
}
