/**
 * Errors the API server reports while *decoding* a request body, before any validation: a value of the
 * wrong JSON type for its field, a `[]byte` field (Secret `data`) that is not valid base64, or a
 * malformed resource quantity. The server answers BadRequest: `Secret in version "v1" cannot be handled
 * as a Secret: illegal base64 data at input byte 4`.
 */
import { decodeBase64 } from './base64.js';
import { OPAQUE_TYPES, isStruct, structFields } from '../schema/go-fields.js';
import { sortedEntries } from './strict.js';
import { quantityOf } from './quantity.js';

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

/** Decoder state: encoding/json keeps the first type error and goes on; an Unmarshaler's error aborts. */
interface State {
  saved?: string;
  fatal?: string;
}

function save(state: State, msg: string): void {
  state.saved ??= msg;
}

function typeError(kind: string, type: string, ctx: Ctx): string {
  return `json: cannot unmarshal ${kind} into Go struct field ${ctx.struct}.${ctx.fieldPath} of type ${goTypeName(type)}`;
}

function checkValue(type: string, v: unknown, ctx: Ctx, state: State): void {
  if (v === null || v === undefined || state.fatal) return;
  if (type === 'Quantity') {
    // resource.Quantity has its own UnmarshalJSON, whose error ends decoding at once.
    const q = quantityOf(typeof v === 'object' ? JSON.stringify(v) : v);
    if (typeof q === 'string') state.fatal = q;
    return;
  }
  if (OPAQUE_TYPES.has(type)) return;
  if (type === '[]byte') {
    if (typeof v !== 'string') return save(state, typeError(jsonKind(v), type, ctx));
    const r = decodeBase64(v);
    if (!r.ok) save(state, `illegal base64 data at input byte ${r.offset}`);
    return;
  }
  if (type.startsWith('[]')) {
    if (!Array.isArray(v)) return save(state, typeError(jsonKind(v), type, ctx));
    for (const x of v) checkValue(type.slice(2), x, ctx, state);
    return;
  }
  if (type.startsWith('map[string]') || type === 'v1.ResourceList') {
    if (!isObject(v)) return save(state, typeError(jsonKind(v), type, ctx));
    const elem = type === 'v1.ResourceList' ? 'Quantity' : type.slice(11);
    for (const [, x] of sortedEntries(v)) checkValue(elem, x, ctx, state);
    return;
  }
  if (isStruct(type)) {
    if (isObject(v)) checkStruct(type, type.replace(/^discovery\./, ''), v, ctx.fieldPath, state);
    else save(state, typeError(jsonKind(v), type, ctx));
    return;
  }
  const mismatch = scalarMismatch(type, v);
  if (mismatch) save(state, typeError(mismatch, type, ctx));
}

function checkStruct(schemaName: string, goName: string, obj: Obj, path: string, state: State): void {
  const fields = structFields(schemaName);
  if (!fields) return;
  for (const [k, v] of sortedEntries(obj)) {
    const type = fields.get(k);
    if (type === undefined) continue; // unknown fields are skipped while decoding (strict.ts reports them)
    checkValue(type, v, { struct: goName, fieldPath: path ? `${path}.${k}` : k }, state);
  }
}

/**
 * The first decoding error in `obj` (as encoding/json reports it: keys in sorted order, first error
 * wins), as the tail of the BadRequest message: `<Kind> in version "<version>" cannot be handled as a
 * <Kind>: <error>`; undefined when the object decodes. A malformed resource quantity wins over type errors,
 * because its unmarshaller aborts decoding. Field paths in type errors carry no list indices,
 * as in Go (`Go struct field EnvVar.spec.containers.env.value of type string`).
 */
export function decodeErrors(obj: KubeObjectLike): string | undefined {
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  const state: State = {};
  checkStruct(`root:${kind}`, kind, obj as Obj, '', state);
  const err = state.fatal ?? state.saved;
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
