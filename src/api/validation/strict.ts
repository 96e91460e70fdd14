/**
 * Server-side strict field validation (the default since 1.25): fields the API types do not have are
 * reported as `unknown field "spec.containers[0].imagee"`. The known fields come from the API schema
 * (schema/go-fields.ts); `status` is not checked.
 */
import { OPAQUE_TYPES, isStruct, structFields } from '../schema/go-fields.js';
import { goQuote } from './go-syntax.js';

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
