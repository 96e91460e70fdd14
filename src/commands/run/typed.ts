import type { KubeObject } from '../../api/types.js';
import { OPAQUE_TYPES, isStruct, structFields } from '../../api/schema/go-fields.js';
import { DECODED_KIND_STRUCTS } from '../../api/schema/structs.js';
import { toJson } from '../../printers/json.js';

/**
 * Typed objects as Go encodes them. `kubectl run` and `kubectl expose` hold a typed v1.Pod / v1.Service
 * (generated, or decoded from the server's answer), so their JSON comes out in struct declaration order
 * (TypeMeta's `kind` before `apiVersion`), with map keys sorted. Decoding JSON into such a struct also
 * silently drops fields the struct does not have, which is what an --overrides patch goes through.
 */

interface WalkOptions {
  /** Drop fields the struct does not declare (a typed decode); otherwise keep them, sorted, at the end. */
  prune: boolean;
}

function walkType(v: unknown, goType: string | undefined, o: WalkOptions): unknown {
  if (v === null || v === undefined || goType === undefined) return v;
  if (goType.startsWith('[]') && goType !== '[]byte') {
    return Array.isArray(v) ? v.map((x) => walkType(x, goType.slice(2), o)) : v;
  }
  if (goType.startsWith('map[string]')) return sortedMap(v, goType.slice('map[string]'.length), o);
  if (goType === 'v1.ResourceList') return sortedMap(v, 'Quantity', o);
  if (OPAQUE_TYPES.has(goType) || !isStruct(goType)) return v;
  return walkStruct(v, structFields(goType), o);
}

function sortedMap(v: unknown, elem: string, o: WalkOptions): unknown {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  const src = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(src).sort()) if (src[k] !== undefined) out[k] = walkType(src[k], elem, o);
  return out;
}

function walkStruct(v: unknown, fields: Map<string, string> | undefined, o: WalkOptions, first: string[] = []): unknown {
  if (!v || typeof v !== 'object' || Array.isArray(v) || !fields) return v;
  const src = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of [...first, ...fields.keys()]) {
    if (k in out || !(k in src) || src[k] === undefined) continue;
    out[k] = walkType(src[k], fields.get(k), o);
  }
  if (!o.prune) for (const k of Object.keys(src).sort()) if (!(k in out) && src[k] !== undefined) out[k] = src[k];
  return out;
}

function walkObject<T extends KubeObject>(obj: T, o: WalkOptions): T {
  const struct = Object.hasOwn(DECODED_KIND_STRUCTS, obj.kind) ? DECODED_KIND_STRUCTS[obj.kind] : undefined;
  if (!struct) return obj;
  return walkStruct(obj, structFields(struct), o, ['kind', 'apiVersion']) as T;
}

/** The object with its keys in Go struct order (unknown fields kept, sorted, after the known ones). */
export function typedOrder<T extends KubeObject>(obj: T): T {
  return walkObject(obj, { prune: false });
}

/**
 * What decoding into the kind's Go struct keeps: declared fields only, in struct order. Every container
 * keeps its (non-pointer) `resources` struct, which Go always encodes, as `{}` when empty.
 */
export function typedDecode<T extends KubeObject>(obj: T): T {
  const out = walkObject(obj, { prune: true });
  const spec = (out as KubeObject).spec as { containers?: Array<Record<string, unknown>> } | undefined;
  if (out.kind === 'Pod' && Array.isArray(spec?.containers)) {
    for (const c of spec.containers) if (c && typeof c === 'object' && c.resources === undefined) c.resources = {};
  }
  return typedOrder(out);
}

/** `-o json` of a typed object: 4-space indent, struct order. */
export function typedJson(obj: KubeObject): string {
  return toJson(typedOrder(obj), { sort: false });
}
