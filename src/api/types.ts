/**
 * Object shapes. Objects keep real Kubernetes shape (what `-o yaml` prints), so the types are loose
 * records with the few fields the simulator reads typed out.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Json = any;

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  generateName?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  [key: string]: Json;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: Json;
  status?: Json;
  [key: string]: Json;
}

/** Identifies one object. `namespace` is '' for cluster-scoped kinds. */
export interface ObjectRef {
  kind: string;
  namespace: string;
  name: string;
}

export function refOf(o: KubeObject): ObjectRef {
  return { kind: o.kind, namespace: o.metadata.namespace ?? '', name: o.metadata.name };
}

export function sameRef(a: ObjectRef, b: ObjectRef): boolean {
  return a.kind === b.kind && a.namespace === b.namespace && a.name === b.name;
}

/** Deep copy of JSON data. */
export function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}
