import type { KubeObject } from './types.js';

/**
 * Field selectors (`--field-selector`): `field=value`, `field==value`, `field!=value`, comma-joined.
 * Every kind supports metadata.name and metadata.namespace; some kinds add their own fields, as the
 * API server's field label conversion functions do.
 */

export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

const EXTRA_FIELDS: Record<string, string[]> = {
  Pod: ['spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.podIPs', 'status.nominatedNodeName'],
  Event: ['involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type'],
  Secret: ['type'],
  Namespace: ['status.phase'],
  Node: ['spec.unschedulable'],
  ReplicaSet: ['status.replicas'],
  Service: ['spec.clusterIP', 'spec.type'],
};

export function supportedFields(kind: string): string[] {
  return ['metadata.name', 'metadata.namespace', ...(EXTRA_FIELDS[kind] ?? [])];
}

export class FieldSelectorError extends Error {}

export function parseFieldSelector(input: string): FieldRequirement[] {
  if (input.trim() === '') return [];
  return input.split(',').map((part) => {
    const m = part.match(/^([^=!]+?)(==|=|!=)(.*)$/);
    if (!m) throw new FieldSelectorError(`invalid selector: '${input}'; can't understand '${part}'`);
    return { field: m[1].trim(), op: m[2] === '!=' ? '!=' : '=', value: m[3].trim() };
  });
}

/** The first requirement naming a field this kind does not support, if any. */
export function unsupportedField(kind: string, reqs: FieldRequirement[]): string | undefined {
  const ok = supportedFields(kind);
  return reqs.find((r) => !ok.includes(r.field))?.field;
}

function fieldValue(o: KubeObject, field: string): string {
  if (field === 'status.podIPs') return (o.status?.podIPs ?? []).map((p: { ip: string }) => p.ip).join(',');
  if (field === 'source') return o.source?.component ?? '';
  let v: unknown = o;
  for (const part of field.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  if (v === undefined || v === null) return field === 'spec.unschedulable' || field === 'spec.hostNetwork' ? 'false' : '';
  return String(v);
}

export function matchesFields(reqs: FieldRequirement[], o: KubeObject): boolean {
  return reqs.every((r) => (fieldValue(o, r.field) === r.value) === (r.op === '='));
}
