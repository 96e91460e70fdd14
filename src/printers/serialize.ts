import { stringify } from 'yaml';
import { sortKeys } from './json.js';

export { sortKeys, toJson } from './json.js';

/**
 * YAML as kubectl prints it (JSON → go-yaml v2): keys sorted, 2-space indent, sequences not indented
 * under their key, YAML 1.1 quoting (timestamps, yes/no, numbers-as-strings get double quotes), literal
 * blocks for multi-line strings, long plain strings folded at 80 columns.
 */
export function toYaml(v: unknown): string {
  return stringify(sortKeys(v), {
    version: '1.1',
    indent: 2,
    indentSeq: false,
    lineWidth: 80,
    minContentWidth: 0,
    blockQuote: 'literal',
    defaultStringType: 'PLAIN',
    defaultKeyType: 'PLAIN',
    doubleQuotedAsJSON: true,
    nullStr: 'null',
    aliasDuplicateObjects: false,
  });
}
