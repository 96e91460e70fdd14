import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../api/types.js';
import { CliError } from '../errors.js';

/**
 * Parses one manifest file: multi-document YAML (or JSON, a subset), skipping empty documents and
 * expanding `kind: List` / `*List` items. Errors read like kubectl's YAML→JSON conversion errors.
 */
export function parseManifestText(text: string, source: string): KubeObject[] {
  const out: KubeObject[] = [];
  const docs = parseAllDocuments(text, { version: '1.2', uniqueKeys: false });
  const list = Array.isArray(docs) ? docs : [docs];
  for (const doc of list) {
    const err = doc.errors[0];
    if (err) {
      const line = err.linePos?.[0]?.line ?? 1;
      throw new CliError(`error parsing ${source}: error converting YAML to JSON: yaml: line ${line}: ${goYamlMessage(err.code, err.message)}`);
    }
    const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new CliError(`error parsing ${source}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value === 'string' ? 'string' : 'number'} into Go value of type map[string]interface {}`);
    }
    const obj = value as KubeObject;
    const missing: string[] = [];
    if (!obj.apiVersion) missing.push('apiVersion not set');
    if (!obj.kind) missing.push('kind not set');
    if (missing.length) {
      throw new CliError(`error validating "${source}": error validating data: [${missing.join(', ')}]; if you choose to ignore these errors, turn validation off with --validate=false`);
    }
    if (typeof obj.kind === 'string' && obj.kind.endsWith('List') && Array.isArray(obj.items)) {
      for (const item of obj.items as KubeObject[]) out.push(item);
    } else out.push(obj);
  }
  return out;
}

/** The go-yaml wording for the yaml library's error codes (kubectl converts YAML with go-yaml). */
function goYamlMessage(code: string, fallback: string): string {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'found a tab character that violates indentation';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'did not find expected key';
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'mapping values are not allowed in this context';
    case 'UNEXPECTED_TOKEN':
      return 'found character that cannot start any token';
    case 'DUPLICATE_KEY':
      return 'mapping key already defined';
    default:
      return fallback.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  }
}
