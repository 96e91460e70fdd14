/**
 * The Go view of structs.ts that the API server's write path walks: decoding (validation/decode.ts),
 * strict field validation (validation/strict.ts) and strategic merge patch (patch/). Field → Go type
 * token, per struct and per kind's top-level object. Reads the facts only, never explain's
 * descriptions, so strict decoding (run on every write) loads little.
 */
import { DECODED_KIND_STRUCTS } from './structs.js';
import { hasStruct, structFacts } from './notation.js';

/** Types whose decoding is opaque here (custom unmarshallers or free-form JSON). */
export const OPAQUE_TYPES: ReadonlySet<string> = new Set(['any', 'IntOrString', 'Quantity', 'Time', 'MicroTime', 'FieldsV1']);

const cache = new Map<string, Map<string, string>>();

/**
 * The JSON fields of a struct → their Go type tokens. `root:<Kind>` names the top-level object of a
 * decoded kind (TypeMeta, ObjectMeta and the kind's own fields); its `status` is `any` on every kind, as
 * the server neither checks nor rejects it there. Undefined for unknown names and kinds.
 */
export function structFields(name: string): Map<string, string> | undefined {
  let m = cache.get(name);
  if (m) return m;
  const root = name.startsWith('root:');
  const kind = name.slice('root:'.length);
  const key = root ? (Object.hasOwn(DECODED_KIND_STRUCTS, kind) ? DECODED_KIND_STRUCTS[kind] : undefined) : name;
  const facts = key === undefined ? undefined : structFacts(key);
  if (!facts) return undefined;
  m = new Map(facts.map((f) => [f.name, f.goType]));
  if (root) m.set('status', 'any');
  cache.set(name, m);
  return m;
}

/** True when `type` names a struct in the schema. */
export function isStruct(type: string): boolean {
  return hasStruct(type);
}
