import type { KubeObject } from './types.js';

/** A read-only view of the cluster's objects: what controllers, printers and the data plane are given. */
export interface Snapshot {
  get(kind: string, namespace: string, name: string): KubeObject | undefined;
  /** Objects of a kind, sorted by namespace then name (etcd key order); `namespace` undefined = all. */
  list(kind: string, namespace?: string): KubeObject[];
}

/**
 * Allocator memory that belongs to no object. Pod IPs are handed out the way the host-local IPAM plugin
 * does it: the next free address after the last one reserved on that node, so a pod that is deleted and
 * recreated gets a new IP (as the walkthroughs show) while a fresh node starts at the bottom of its range.
 */
export interface Allocations {
  lastPodIP: Record<string, string>;
}

/** One line a container wrote, as `kubectl logs --timestamps` shows it. */
export interface LogLine {
  /** RFC3339 with nanoseconds, e.g. 2025-01-01T00:00:00.123456789Z. */
  time: string;
  stream: 'stdout' | 'stderr';
  line: string;
}

/**
 * What the simulated container runtime remembers about one container instance, keyed by its
 * containerID (`containerd://…`) — not part of any API object, as on a real node.
 */
export interface ContainerRecord {
  podUid: string;
  namespace: string;
  pod: string;
  container: string;
  image: string;
  /** The environment fixed when the container started: its own env plus service links of that moment. */
  env: Array<{ name: string; value: string }>;
  startedAt: string;
  finishedAt?: string;
  exitCode?: number;
  log: LogLine[];
  /** When the main process exits by itself (undefined: it runs until stopped). */
  exitAt?: string;
  /** When the container counts as ready (start + readiness delay); absent while a probe keeps failing. */
  readyAt?: string;
  /** When it stops after the pod was deleted (SIGTERM honoured, or the grace period ran out). */
  stopAt?: string;
  /** Files this instance's processes wrote (path → content; a new directory as `path/` → ""), laid over the image in the pod view. */
  files?: Record<string, string>;
}

/** The kubelet's memory of one container of a pod. */
export interface ContainerPlan {
  /** When its image is there and the first instance starts. */
  startAt: string;
  /** The image had to be pulled (so Pulling/Pulled events). */
  pulled: boolean;
  /** containerID of the current instance, and of the one before (for lastState and --previous). */
  current?: string;
  previous?: string;
  restarts: number;
  /** After a crash: when the back-off ends and the next instance starts. */
  restartAt?: string;
  /** A failing readiness probe was reported. */
  unhealthy?: boolean;
  /** The environment could not be built (a missing ConfigMap or Secret): CreateContainerConfigError, retried. */
  configError?: string;
}

/** The kubelet's plan for a pod that got a sandbox: when each container is created and started. */
export interface PodPlan {
  /** container name → when its image is pulled and it starts; the containerID of its current instance. */
  containers: Record<string, ContainerPlan>;
  /** A ConfigMap or Secret volume's source is missing: nothing starts until it exists (FailedMount). */
  mountError?: string;
}

/** The simulated node runtimes' memory, shared by all nodes. */
export interface RuntimeState {
  containers: Record<string, ContainerRecord>;
  pods: Record<string, PodPlan>;
}

/** What a process changed in the runtime's memory, for the caller to keep in the cluster state. */
export interface RuntimeEffects {
  /** Lines servers wrote while answering this process (containerID → lines), e.g. nginx access lines. */
  logs: Array<{ containerID: string; lines: LogLine[] }>;
  /** Files the process created or changed in its own container (path → content), to keep for later execs. */
  files?: { containerID: string; files: Record<string, string> };
}
