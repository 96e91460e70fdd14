import { sortKeys } from './json.js';
import { toGoYaml } from './yaml/index.js';

export { sortKeys, toJson } from './json.js';

/**
 * YAML as kubectl prints it (JSON → sigs.k8s.io/yaml → go-yaml v2): keys sorted, 2-space indent,
 * sequences not indented under their key, YAML 1.1 quoting (timestamps, yes/no, numbers-as-strings get
 * double quotes), literal blocks for multi-line strings, long strings folded past column 80.
 * See ./yaml/; throws go-yaml's error for the rare strings kubectl itself cannot print.
 */
export function toYaml(v: unknown): string {
  return toGoYaml(sortKeys(v));
}
