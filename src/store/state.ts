import type { KubeObject } from '../api/types.js';
import type { Allocations, RuntimeState } from '../api/snapshot.js';

/** What a cluster record holds besides its objects. */
export interface ClusterRecord {
  name: string;
  profile: string;
  /** kubectl persona, `1.32` by default; `1.17` switches `run` to the deployment generator. */
  kubectlVersion: string;
  seed: number;
  rngState: number;
  /** When set, time never moves: every command sees this instant. */
  frozenAt?: string;
  createdAt: string;
}

/** The whole state file. */
export interface State {
  version: 1;
  cluster: ClusterRecord;
  /** The next resourceVersion to hand out. */
  resourceVersion: number;
  /** Every object, keyed by `Kind/namespace/name` (namespace '' for cluster-scoped). */
  objects: Record<string, KubeObject>;
  /** Allocator memory that is not part of any object (recently released pod IPs, …). */
  allocations: Allocations;
  /** The simulated container runtime's memory: container instances by containerID. */
  runtime?: RuntimeState;
  /**
   * Set when the stored objects are a fixpoint of every controller: a read-only command can then skip
   * reconciling, unless time has reached `wakeAt` (the next time-driven transition). Any write clears it.
   */
  settled?: boolean;
  wakeAt?: string;
}

export function objectKey(kind: string, namespace: string, name: string): string {
  return `${kind}/${namespace}/${name}`;
}

