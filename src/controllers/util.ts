import type { KubeObject, OwnerReference } from '../api/types.js';
import { clone } from '../api/types.js';

/** The controller owner reference a child of `owner` carries. */
export function controllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

export function isOwnedBy(child: KubeObject, owner: KubeObject): boolean {
  return (child.metadata.ownerReferences ?? []).some((r) => r.uid === owner.metadata.uid && r.controller);
}

export function isTerminating(o: KubeObject): boolean {
  return Boolean(o.metadata.deletionTimestamp);
}

/** Pods that count as active for a workload: not terminating and not finished. */
export function isActivePod(p: KubeObject): boolean {
  return !isTerminating(p) && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';
}

export function isPodReady(p: KubeObject): boolean {
  return (p.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
}

/** Returns `updated` when it differs from `current` in JSON terms, else undefined (no write). */
export function changed(current: KubeObject, updated: KubeObject): KubeObject | undefined {
  return JSON.stringify(current) === JSON.stringify(updated) ? undefined : updated;
}

/** A pod built from a template, as ReplicaSet and DaemonSet controllers create them. */
export function podFromTemplate(owner: KubeObject, template: KubeObject['spec'], name: string, generateName: string): KubeObject {
  const t = clone(template) ?? {};
  const md = t.metadata ?? {};
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...(md.annotations ? { annotations: md.annotations } : {}),
      generateName,
      labels: md.labels ?? {},
      name,
      namespace: owner.metadata.namespace,
      ownerReferences: [controllerRef(owner)],
    },
    spec: t.spec ?? {},
    status: { phase: 'Pending', qosClass: 'BestEffort' },
  };
}
