/**
 * Reading the field notation of structs.ts (`name[:type][!][=v1|v2|…]` and `...Struct`): one struct's
 * fields with embedded structs inlined, and the OpenAPI type `kubectl explain` shows for a Go type.
 * Shared by explain (index.ts) and by the decoding/validation/patch view (go-fields.ts).
 */
import { STRUCT_FIELDS } from './structs.js';

/** One JSON field of a struct, as structs.ts records it. */
export interface FieldFacts {
  name: string;
  /** Go type token: `string`, `int32`, `bool`, `[]byte`, `v1.Protocol`, `[]Container`, `map[string]string`, … */
  goType: string;
  required: boolean;
  /** Allowed values of an enum-typed string (or of the elements of a list of them). */
  enum?: string[];
}

/** True when structs.ts has a struct of this name. */
export function hasStruct(key: string): boolean {
  return Object.hasOwn(STRUCT_FIELDS, key);
}

/** A struct's fields in declaration order, embedded (`...S`) structs inlined; undefined for unknown names. */
export function structFacts(key: string): FieldFacts[] | undefined {
  if (!hasStruct(key)) return undefined;
  return STRUCT_FIELDS[key]
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((tok) => (tok.startsWith('...') ? (structFacts(tok.slice(3)) ?? []) : [parseFieldToken(tok)]));
}

/** Parses one `name[:type][!][=v1|v2]` token of STRUCT_FIELDS. */
export function parseFieldToken(token: string): FieldFacts {
  let rest = token;
  let enumValues: string[] | undefined;
  const eq = rest.indexOf('=');
  if (eq >= 0) {
    enumValues = rest
      .slice(eq + 1)
      .split('|')
      .map((v) => (v === '""' ? '' : v));
    rest = rest.slice(0, eq);
  }
  const required = rest.endsWith('!');
  if (required) rest = rest.slice(0, -1);
  const colon = rest.indexOf(':');
  const name = colon >= 0 ? rest.slice(0, colon) : rest;
  const goType = colon >= 0 ? rest.slice(colon + 1) : 'string';
  return enumValues ? { name, goType, required, enum: enumValues } : { name, goType, required };
}

const OPENAPI_SCALARS: Readonly<Record<string, string>> = {
  int32: 'integer',
  int64: 'integer',
  bool: 'boolean',
  float64: 'number',
  '[]byte': 'string',
  'v1.ResourceList': 'map[string]Quantity',
};

/**
 * The OpenAPI type token of a Go type, as the server's schema (and so `kubectl explain`) has it: `integer`,
 * `boolean`, `number`, `string` for `[]byte` and named string types, `map[string]Quantity` for a
 * ResourceList; lists and maps convert their elements; structs and apimachinery types keep their names.
 */
export function openApiType(goType: string): string {
  if (Object.hasOwn(OPENAPI_SCALARS, goType)) return OPENAPI_SCALARS[goType];
  if (goType.startsWith('[]')) return `[]${openApiType(goType.slice(2))}`;
  if (goType.startsWith('map[string]')) return `map[string]${openApiType(goType.slice('map[string]'.length))}`;
  return goType.startsWith('v1.') ? 'string' : goType;
}
