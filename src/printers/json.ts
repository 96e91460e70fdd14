/** Object keys sorted at every level, as Go's encoders emit maps (unstructured objects). */
export function sortKeys<T>(v: T): T {
  if (Array.isArray(v)) return v.map(sortKeys) as T;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort()) if (o[k] !== undefined) out[k] = sortKeys(o[k]);
    return out as T;
  }
  return v;
}

/**
 * JSON as kubectl prints it: 4-space indent, a trailing newline, and Go's HTML-safe escaping of <, >
 * and & (so `<none>` reads `\u003cnone\u003e`).
 */
export function toJson(v: unknown, opts: { sort?: boolean } = {}): string {
  const data = opts.sort === false ? v : sortKeys(v);
  return (
    JSON.stringify(data, null, 4)
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029') + '\n'
  );
}
