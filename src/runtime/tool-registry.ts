import type { ContainerRecord, Snapshot } from '../api/snapshot.js';
import type { Profile } from '../api/profiles.js';
import type { KubeObject } from '../api/types.js';
import type { ToolRegistry } from './shell/interpreter.js';
import { builtinTools } from './shell/builtin-tools.js';
import type { VirtualFs } from './shell/vfs.js';
import type { Toolbox } from './toolbox.js';
import { nslookupTool } from './tools/nslookup.js';
import { withNetworkPolicy } from './tools/nslookup-policy.js';
import { curlTool } from './tools/curl.js';
import { wgetTool } from './tools/wget.js';
import type { ClientContext } from './tools/http-client.js';
import type { ServerLogs } from './net/server-logs.js';
import { podView } from './pod-view.js';
import { listenersOf } from './net/listeners.js';
import { pingTool } from './tools/ping.js';
import { ipTool } from './tools/ip.js';
import { ifconfigTool } from './tools/ifconfig.js';
import { getentTool } from './tools/getent.js';
import { ncTool } from './tools/nc.js';
import { jqTool } from './tools/jq.js';

/** Everything the network tools of one process need: where it runs and what the cluster holds. */
export interface ToolEnvironment {
  snapshot: Snapshot;
  profile: Profile;
  /** The pod the process runs in (its IP is the source address, its node the kube-proxy rules). */
  pod: KubeObject;
  /** Simulated now, epoch milliseconds. */
  now: number;
  /** Every container instance the runtime knows (servers' environments). */
  containers: Record<string, ContainerRecord>;
  /** Seed for this process's random choices (endpoint picks, ephemeral ports). */
  seed: number;
  /** Where servers this process talks to write their log lines (access logs). */
  serverLogs?: ServerLogs;
}

/** A small deterministic generator for one exec (mulberry32). */
export function randomFrom(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

export function clientContext(env: ToolEnvironment, fs: VirtualFs): ClientContext {
  return {
    snapshot: env.snapshot,
    profile: env.profile,
    from: env.pod,
    resolvConf: fs.readFile('/etc/resolv.conf'),
    random: randomFrom(env.seed),
    now: env.now,
    serverEnv(pod, container) {
      const id = (pod.status?.containerStatuses ?? []).find((c: { name: string }) => c.name === container)?.containerID;
      return new Map((env.containers[id] ?? { env: [] }).env.map((e) => [e.name, e.value] as [string, string]));
    },
    listening(pod, container) {
      const id: string | undefined = (pod.status?.containerStatuses ?? []).find((c: { name: string }) => c.name === container.name)?.containerID;
      const view = podView({ snapshot: env.snapshot, profile: env.profile, pod, container, record: id ? env.containers[id] : undefined });
      return listenersOf(container.image, view.fs).map((l) => l.port);
    },
    server(pod, container) {
      const id: string | undefined = (pod.status?.containerStatuses ?? []).find((c: { name: string }) => c.name === container.name)?.containerID;
      const record = id ? env.containers[id] : undefined;
      const view = podView({ snapshot: env.snapshot, profile: env.profile, pod, container, record });
      return { containerID: record ? id : undefined, fs: view.fs, env: view.env, log: record?.log ?? [] };
    },
    serverLogs: env.serverLogs,
  };
}

/** The programs an image ships, as simulated tools bound to the process's network view. */
export function toolsFor(box: Toolbox, env: ToolEnvironment, fs: VirtualFs): ToolRegistry {
  const all = builtinTools();
  if (box.busybox) all.set('nslookup', withNetworkPolicy(nslookupTool(env.snapshot, box.busybox), env, box.busybox));
  const net = clientContext(env, fs);
  if (box.curl) all.set('curl', curlTool(net, { version: box.curl, libc: box.libc }));
  if (box.busybox) {
    all.set('wget', wgetTool(net, { busybox: box.busybox, libc: box.libc }));
    all.set('ping', pingTool({ snapshot: env.snapshot, profile: env.profile, from: env.pod, now: env.now }, box.busybox, box.libc));
    all.set('ip', ipTool(env.profile, env.pod, box.busybox));
    all.set('ifconfig', ifconfigTool(env.profile, env.pod));
    all.set('nc', ncTool(net, fs, box.busybox, box.libc));
  }
  all.set('getent', getentTool(env.snapshot, box.libc));
  all.set('jq', jqTool);
  return new Map([...all].filter(([name]) => box.programs.includes(name)));
}
