import type { KubeObject } from '../api/types.js';
import type { Rng } from '../util/rng.js';

export interface EventSource {
  component: string;
  host?: string;
}

/**
 * A core/v1 Event about `obj`, named `<obj>.<16 hex>` as the event recorder names them. `fieldPath`
 * points at a container (`spec.containers{nginx}`) for kubelet events.
 */
export function makeEvent(
  obj: KubeObject,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
  source: EventSource,
  now: string,
  rng: Rng,
  fieldPath?: string,
): KubeObject {
  const ns = obj.metadata.namespace ?? 'default';
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${obj.metadata.name}.${rng.hex(16)}`, namespace: ns, creationTimestamp: now },
    involvedObject: {
      apiVersion: obj.apiVersion,
      kind: obj.kind,
      name: obj.metadata.name,
      namespace: obj.metadata.namespace,
      uid: obj.metadata.uid,
      resourceVersion: obj.metadata.resourceVersion,
      ...(fieldPath ? { fieldPath } : {}),
    },
    reason,
    message,
    source,
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
    type,
    eventTime: null,
    reportingComponent: source.component,
    reportingInstance: source.host ?? '',
  };
}
