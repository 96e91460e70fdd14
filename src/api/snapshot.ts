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
