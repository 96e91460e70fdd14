/**
 * The schema registry: the API object types kubesim serves, with field names, types, required flags
 * and enum values (facts from structs.ts) joined with kubesim's own short descriptions. `kubectl
 * explain` renders it. The write path reads the same facts through go-fields.ts, without the
 * descriptions this module loads.
 */
import { KIND_STRUCTS } from './structs.js';
import { openApiType, structFacts, type FieldFacts } from './notation.js';
import type { FieldSchema, SchemaDocs, TypeSchema } from './model.js';
import { META_DOCS, OPAQUE_TYPE_DOCS } from './meta.js';
import { POD_DOCS } from './pod.js';
import { VOLUME_DOCS } from './volumes.js';
import { WORKLOAD_DOCS } from './workloads.js';
import { SERVICE_DOCS } from './service.js';
import { CONFIG_DOCS } from './config.js';
import { CLUSTER_DOCS } from './cluster.js';
import { NETWORK_DOCS } from './network.js';

export type { FieldSchema, TypeSchema } from './model.js';

const DOCS: SchemaDocs = {
  ...META_DOCS,
  ...POD_DOCS,
  ...VOLUME_DOCS,
  ...WORKLOAD_DOCS,
  ...SERVICE_DOCS,
  ...CONFIG_DOCS,
  ...CLUSTER_DOCS,
  ...NETWORK_DOCS,
};

/** The scalar type tokens (they have no fields and no description of their own). */
const SCALARS = new Set(['string', 'integer', 'number', 'boolean']);

const cache = new Map<string, TypeSchema>();

/** A field as explain shows it: the OpenAPI type of its Go type. */
function fieldSchema(f: FieldFacts): FieldSchema {
  const type = openApiType(f.goType);
  return f.enum ? { name: f.name, type, required: f.required, enum: f.enum } : { name: f.name, type, required: f.required };
}

/** The display name of a struct key: `discovery.EndpointPort` → `EndpointPort`. */
export function displayName(key: string): string {
  return key.slice(key.lastIndexOf('.') + 1);
}

/** A named type (struct or opaque apimachinery type) by registry key, or undefined for scalars and unknown names. */
export function typeSchema(key: string): TypeSchema | undefined {
  const hit = cache.get(key);
  if (hit) return hit;
  let t: TypeSchema | undefined;
  const facts = structFacts(key);
  if (facts !== undefined) {
    const docs = DOCS[key] ?? {};
    const fields: FieldSchema[] = facts.map((field) => {
      const f = fieldSchema(field);
      const d = Object.prototype.hasOwnProperty.call(docs, f.name) ? docs[f.name] : undefined;
      return d ? { ...f, description: d } : f;
    });
    t = { key, name: displayName(key), description: docs._, fields };
  } else if (OPAQUE_TYPE_DOCS[key] !== undefined) {
    t = { key, name: key, description: OPAQUE_TYPE_DOCS[key], fields: [] };
  }
  if (t) cache.set(key, t);
  return t;
}

/** The root type of a kind's objects (`Pod` → the Pod struct), if kubesim has a schema for it. */
export function kindSchema(kind: string): TypeSchema | undefined {
  const key = KIND_STRUCTS[kind];
  return key ? typeSchema(key) : undefined;
}

/** Kinds with a schema. */
export function schemaKinds(): string[] {
  return Object.keys(KIND_STRUCTS);
}

/** How a type token is built: a list, a map, a named type, or a scalar. */
export type TypeShape =
  | { shape: 'list'; element: string }
  | { shape: 'map'; element: string }
  | { shape: 'named'; key: string }
  | { shape: 'scalar'; type: string };

/** Splits a type token into its outer shape. */
export function typeShape(token: string): TypeShape {
  if (token.startsWith('[]')) return { shape: 'list', element: token.slice(2) };
  if (token.startsWith('map[string]')) return { shape: 'map', element: token.slice('map[string]'.length) };
  if (SCALARS.has(token)) return { shape: 'scalar', type: token };
  return { shape: 'named', key: token };
}
