/**
 * Errors the API server reports while *decoding* a request body, before any validation: a value of the
 * wrong JSON type for its field, or a `[]byte` field (Secret `data`) that is not valid base64. The server
 * answers BadRequest: `Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input
 * byte 4`.
 */
import { decodeBase64 } from './base64.js';
import { OPAQUE_TYPES, isStruct, sortedEntries, structFields } from './strict.js';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The Go type name encoding/json prints: `int32`, `[]v1.Container`, `map[string]string`, `v1.RestartPolicy`. */
function goTypeName(type: string): string {
  if (type.startsWith('[]')) return type === '[]byte' ? '[]uint8' : `[]${goTypeName(type.slice(2))}`;
  if (type.startsWith('map[string]')) return `map[string]${goTypeName(type.slice(11))}`;
  if (isStruct(type)) return `v1.${type.replace(/^discovery\./, '')}`;
  return type;
}

/** How encoding/json names the JSON value in an UnmarshalTypeError. */
function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  return typeof v === 'number' ? 'number' : typeof v === 'string' ? 'string' : 'object';
}

const INT_RANGE: Record<string, [number, number]> = { int32: [-2147483648, 2147483647], int64: [-(2 ** 63), 2 ** 63 - 1] };

/** The mismatch description for a scalar target, or undefined when the value fits. */
function scalarMismatch(type: string, v: unknown): string | undefined {
  const range = INT_RANGE[type];
  if (range) {
    if (typeof v !== 'number') return jsonKind(v);
    return Number.isInteger(v) && v >= range[0] && v <= range[1] ? undefined : `number ${v}`;
  }
  if (type === 'bool') return typeof v === 'boolean' ? undefined : jsonKind(v);
  if (type === 'float64') return typeof v === 'number' ? undefined : jsonKind(v);
  return typeof v === 'string' ? undefined : jsonKind(v); // string and named string types
}

interface Ctx {
  struct: string;
  fieldPath: string;
}

function typeError(kind: string, type: string, ctx: Ctx): string {
  return `json: cannot unmarshal ${kind} into Go struct field ${ctx.struct}.${ctx.fieldPath} of type ${goTypeName(type)}`;
}

function checkValue(type: string, v: unknown, ctx: Ctx): string | undefined {
  if (v === null || v === undefined || OPAQUE_TYPES.has(type)) return undefined;
  if (type === '[]byte') {
    if (typeof v !== 'string') return typeError(jsonKind(v), type, ctx);
    const r = decodeBase64(v);
    return r.ok ? undefined : `illegal base64 data at input byte ${r.offset}`;
  }
  if (type.startsWith('[]')) {
    if (!Array.isArray(v)) return typeError(jsonKind(v), type, ctx);
    for (const x of v) {
      const e = checkValue(type.slice(2), x, ctx);
      if (e) return e;
    }
    return undefined;
  }
  if (type.startsWith('map[string]') || type === 'v1.ResourceList') {
    if (!isObject(v)) return typeError(jsonKind(v), type, ctx);
    const elem = type === 'v1.ResourceList' ? 'Quantity' : type.slice(11);
    for (const [, x] of sortedEntries(v)) {
      const e = checkValue(elem, x, ctx);
      if (e) return e;
    }
    return undefined;
  }
  if (isStruct(type)) return isObject(v) ? checkStruct(type, type.replace(/^discovery\./, ''), v, ctx.fieldPath) : typeError(jsonKind(v), type, ctx);
  const mismatch = scalarMismatch(type, v);
  return mismatch ? typeError(mismatch, type, ctx) : undefined;
}

function checkStruct(schemaName: string, goName: string, obj: Obj, path: string): string | undefined {
  const fields = structFields(schemaName);
  if (!fields) return undefined;
  for (const [k, v] of sortedEntries(obj)) {
    const type = fields.get(k);
    if (type === undefined) continue; // unknown fields are skipped while decoding (strict.ts reports them)
    const e = checkValue(type, v, { struct: goName, fieldPath: path ? `${path}.${k}` : k });
    if (e) return e;
  }
  return undefined;
}

/**
 * The first decoding error in `obj` (as encoding/json reports it: keys in sorted order, first error
 * wins), as the tail of the BadRequest message: `<Kind> in version "<version>" cannot be handled as a
 * <Kind>: <error>`; undefined when the object decodes. Field paths in type errors carry no list indices,
 * as in Go (`Go struct field EnvVar.spec.containers.env.value of type string`).
 */
export function decodeErrors(obj: KubeObjectLike): string | undefined {
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  const err = checkStruct(`root:${kind}`, kind, obj as Obj, '');
  return err ? decodingFailureMessage(kind, String(obj.apiVersion ?? ''), err) : undefined;
}

/** Anything with a kind and apiVersion. */
export interface KubeObjectLike {
  kind?: unknown;
  apiVersion?: unknown;
  [key: string]: unknown;
}

/** `<Kind> in version "<v>" cannot be handled as a <Kind>: <detail>` — the version without its group. */
export function decodingFailureMessage(kind: string, apiVersion: string, detail: string): string {
  const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
  return `${kind} in version ${JSON.stringify(version)} cannot be handled as a ${kind}: ${detail}`;
}
