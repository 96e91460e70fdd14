/**
 * Server-side strict field validation (the default since 1.25): fields the API types do not have are
 * reported as `unknown field "spec.containers[0].imagee"`. The known fields come from schema.ts; `status`
 * is not checked. Also the schema walker that decode.ts uses for type errors.
 */
import { STRUCTS } from './schema.js';
import { goQuote } from './go-syntax.js';

/** Top-level fields per kind (TypeMeta, ObjectMeta and the kind's own fields). */
const ROOTS: Readonly<Record<string, string>> = {
  Pod: 'spec:PodSpec',
  Service: 'spec:ServiceSpec',
  Deployment: 'spec:DeploymentSpec',
  ReplicaSet: 'spec:ReplicaSetSpec',
  DaemonSet: 'spec:DaemonSetSpec',
  ConfigMap: 'data:map[string]string binaryData:map[string][]byte immutable:bool',
  Secret: 'data:map[string][]byte stringData:map[string]string type:v1.SecretType immutable:bool',
  Namespace: 'spec:NamespaceSpec',
  Node: 'spec:NodeSpec',
  ServiceAccount: 'secrets:[]ObjectReference imagePullSecrets:[]LocalObjectReference automountServiceAccountToken:bool',
  Endpoints: 'subsets:[]EndpointSubset',
  EndpointSlice: 'addressType:v1.AddressType endpoints:[]discovery.Endpoint ports:[]discovery.EndpointPort',
  Event:
    'involvedObject:ObjectReference reason message source:EventSource firstTimestamp:Time lastTimestamp:Time ' +
    'count:int32 type eventTime:Time series:EventSeries action related:ObjectReference reportingComponent ' +
    'reportingInstance',
  NetworkPolicy: 'spec:NetworkPolicySpec',
  Ingress: 'spec:IngressSpec',
};
const COMMON_ROOT = 'apiVersion kind metadata:ObjectMeta status:any ';

/** Types whose decoding is opaque here (custom unmarshallers or free-form JSON). */
export const OPAQUE_TYPES = new Set(['any', 'IntOrString', 'Quantity', 'Time']);

const cache = new Map<string, Map<string, string>>();

function parseFields(spec: string, out: Map<string, string>): void {
  for (const tok of spec.split(/\s+/).filter(Boolean)) {
    if (tok.startsWith('...')) parseFields(STRUCTS[tok.slice(3)] ?? '', out);
    else {
      const i = tok.indexOf(':');
      if (i < 0) out.set(tok, 'string');
      else out.set(tok.slice(0, i), tok.slice(i + 1));
    }
  }
}

/** The JSON fields of a struct (or of a kind's root object, keyed by kind) → their type tokens. */
export function structFields(name: string): Map<string, string> | undefined {
  let m = cache.get(name);
  if (m) return m;
  const spec = name.startsWith('root:') ? (ROOTS[name.slice(5)] !== undefined ? COMMON_ROOT + ROOTS[name.slice(5)] : undefined) : STRUCTS[name];
  if (spec === undefined) return undefined;
  m = new Map();
  parseFields(spec, m);
  cache.set(name, m);
  return m;
}

/** True when `type` names a struct in the schema. */
export function isStruct(type: string): boolean {
  return STRUCTS[type] !== undefined;
}

/** Bytewise key order: kubectl sends JSON produced from Go maps, whose keys `encoding/json` sorts. */
export function sortedEntries(o: Record<string, unknown>): [string, unknown][] {
  return Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function walkValue(type: string, v: unknown, path: string, out: string[]): void {
  if (v === null || v === undefined || OPAQUE_TYPES.has(type)) return;
  if (type.startsWith('[]')) {
    if (Array.isArray(v)) v.forEach((x, i) => walkValue(type.slice(2), x, `${path}[${i}]`, out));
  } else if (type.startsWith('map[string]')) {
    if (isObject(v)) for (const [k, x] of sortedEntries(v)) walkValue(type.slice(11), x, `${path}[${k}]`, out);
  } else if (isStruct(type) && isObject(v)) {
    walkStruct(type, v, path, out);
  }
}

function walkStruct(name: string, obj: Record<string, unknown>, path: string, out: string[]): void {
  const fields = structFields(name);
  if (!fields) return;
  for (const [k, v] of sortedEntries(obj)) {
    const p = path ? `${path}.${k}` : k;
    const type = fields.get(k);
    if (type === undefined) out.push(`unknown field ${goQuote(p)}`);
    else walkValue(type, v, p, out);
  }
}

/**
 * The strict-decoding complaints for an object of a served kind, in the order the server reports them
 * (depth-first, keys sorted): `unknown field "spec.containers[0].imagee"`. Empty for unknown kinds.
 * Callers print them as `<Kind> in version "<v>" cannot be handled as a <Kind>: strict decoding error:
 * <errors joined with ", ">` (see `strictDecodingMessage`).
 */
export function strictDecodingErrors(obj: Record<string, unknown>): string[] {
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  const out: string[] = [];
  if (structFields(`root:${kind}`)) walkStruct(`root:${kind}`, obj, '', out);
  return out;
}

/** `strict decoding error: unknown field "a", unknown field "b"`. */
export function strictDecodingMessage(errors: readonly string[]): string {
  return `strict decoding error: ${errors.join(', ')}`;
}
