import type { Json, KubeObject } from '../../api/types.js';
import { orNone, timeOrZero, titleBool } from './context.js';
import { describeEnv, describeEnvFrom } from './env.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter, byCodeUnit } from './prefix-writer.js';
import { canonicalQuantity } from './quantity.js';

/**
 * describeContainers: `⟨space⟩⟨label⟩:` then one block per container. `statuses` is undefined for pod
 * templates (no Container ID / State / Ready lines); `pod` resolves fieldRef env values.
 * Inside a pod template (`space` non-empty) the name line gets one extra space: `   nginx:`.
 */
export function describeContainers(
  w: PrefixWriter,
  label: string,
  containers: Json[] | undefined,
  statuses: Json[] | undefined,
  pod: KubeObject | undefined,
  space: string,
): void {
  const list = containers ?? [];
  w.write(LEVEL_0, `${space}${label}:${list.length === 0 ? ' <none>' : ''}\n`);
  const byName = new Map<string, Json>((statuses ?? []).map((s) => [s.name, s]));
  for (const c of list) {
    const status = byName.get(c.name);
    writeBasicInfo(w, c, status, space);
    writeCommand(w, c);
    if (status) writeState(w, status);
    writeResources(w, c.resources, LEVEL_2);
    writeProbes(w, c);
    if ((c.envFrom ?? []).length > 0) describeEnvFrom(w, c);
    describeEnv(w, c, pod);
    writeMounts(w, c);
  }
}

function writeBasicInfo(w: PrefixWriter, c: Json, status: Json | undefined, space: string): void {
  w.write(LEVEL_1, `${space ? ' ' : ''}${c.name}:\n`);
  if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`);
  w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`);
  if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`);
  const ports: Json[] = c.ports ?? [];
  const portList = ports.map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
  // kubectl decides between "Port" and "Ports" by looking for a comma in the joined string.
  w.write(LEVEL_2, portList.includes(',') ? `Ports:\t${portList}\n` : `Port:\t${orNone(portList)}\n`);
  const hostList = ports.map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ');
  w.write(LEVEL_2, hostList.includes(',') ? `Host Ports:\t${hostList}\n` : `Host Port:\t${orNone(hostList)}\n`);
  const seccomp = c.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(LEVEL_2, `SeccompProfile:\t${seccomp.type}\n`);
    if (seccomp.type === 'Localhost') w.write(LEVEL_3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
  }
}

function writeCommand(w: PrefixWriter, c: Json): void {
  for (const [title, items] of [['Command', c.command], ['Args', c.args]] as const) {
    if (!items || items.length === 0) continue;
    w.write(LEVEL_2, `${title}:\n`);
    for (const item of items as string[]) for (const line of String(item).split('\n')) w.write(LEVEL_3, `${line}\n`);
  }
}

function writeState(w: PrefixWriter, status: Json): void {
  writeStatus(w, 'State', status.state ?? {});
  if (status.lastState?.terminated) writeStatus(w, 'Last State', status.lastState);
  w.write(LEVEL_2, `Ready:\t${titleBool(status.ready)}\n`);
  w.write(LEVEL_2, `Restart Count:\t${status.restartCount ?? 0}\n`);
}

/** describeStatus: Running + Started; Waiting + Reason; Terminated + Reason/Message/Exit Code/Signal/Started/Finished. */
function writeStatus(w: PrefixWriter, name: string, state: Json): void {
  if (state.running) {
    w.write(LEVEL_2, `${name}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${timeOrZero(state.running.startedAt)}\n`);
  } else if (state.waiting) {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode ?? 0}\n`);
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${timeOrZero(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${timeOrZero(t.finishedAt)}\n`);
  } else {
    // No state at all reads as Waiting (without a reason).
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
  }
}

/** describeResources: `Limits:` / `Requests:` with sorted `name:\tquantity` lines one level deeper. */
export function writeResources(w: PrefixWriter, resources: Json, level: number): void {
  if (!resources) return;
  for (const [title, list] of [['Limits', resources.limits], ['Requests', resources.requests]] as const) {
    const names = Object.keys(list ?? {}).sort(byCodeUnit);
    if (names.length === 0) continue;
    w.write(level, `${title}:\n`);
    for (const n of names) w.write(level + 1, `${n}:\t${canonicalQuantity(list[n])}\n`);
  }
}

function writeProbes(w: PrefixWriter, c: Json): void {
  if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
  if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
  if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
}

/**
 * DescribeProbe: `http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`,
 * `exec [cat /tmp/healthy] …`, `tcp-socket :8080 …`, `grpc <pod>:9090  …`. Unset numbers take the
 * API server defaults (stored objects are normally defaulted already).
 */
export function describeProbe(p: Json): string {
  const attrs =
    `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s ` +
    `#success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const g = p.httpGet;
    const port = g.port === undefined ? '' : String(g.port);
    const host = port ? joinHostPort(g.host ?? '', port) : g.host ?? '';
    return `http-get ${String(g.scheme ?? 'HTTP').toLowerCase()}://${host}${g.path ?? ''} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port ?? ''} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

/** net.JoinHostPort: IPv6 hosts get brackets. */
export function joinHostPort(host: string, port: string | number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** describeContainerVolumes: mounts sorted by path, `path from volume (ro|rw[,path="sub"])`; devices too. */
function writeMounts(w: PrefixWriter, c: Json): void {
  const mounts: Json[] = [...(c.volumeMounts ?? [])].sort((a, b) => byCodeUnit(a.mountPath ?? '', b.mountPath ?? ''));
  const none = mounts.length === 0 ? '\t<none>' : '';
  w.write(LEVEL_2, `Mounts:${none}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw'];
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
  const devices: Json[] = [...(c.volumeDevices ?? [])].sort((a, b) => byCodeUnit(a.devicePath ?? '', b.devicePath ?? ''));
  if (devices.length > 0) {
    // kubectl reuses the Mounts "none" suffix here, so "Devices:\t<none>" appears when there are no mounts.
    w.write(LEVEL_2, `Devices:${none}\n`);
    for (const d of devices) w.write(LEVEL_3, `${d.devicePath} from ${d.name}\n`);
  }
}
