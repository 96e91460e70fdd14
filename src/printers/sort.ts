import type { KubeObject } from '../api/types.js';
import { executeJsonPath, parseJsonPath, relaxedJsonPath } from './jsonpath/index.js';

/**
 * --sort-by: orders objects by the value a JSONPath expression finds in each (numbers numerically,
 * everything else as strings; objects without the field first), like kubectl's RuntimeSort.
 */
export function sortObjects(objs: KubeObject[], expr: string): KubeObject[] {
  const t = parseJsonPath(relaxedJsonPath(expr));
  const keyed = objs.map((o) => {
    const v = executeJsonPath(t, o, { allowMissingKeys: true });
    return { o, v, n: v !== '' && !Number.isNaN(Number(v)) ? Number(v) : undefined };
  });
  const numeric = keyed.every((k) => k.v === '' || k.n !== undefined);
  return keyed
    .sort((a, b) => {
      if (numeric) return (a.n ?? -Infinity) - (b.n ?? -Infinity);
      return a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
    })
    .map((k) => k.o);
}
