import { CliError } from '../errors.js';

/** What `-o` asked for. */
export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'yaml' }
  | { kind: 'json' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: string; asJson: boolean }
  | { kind: 'custom-columns'; spec: string; fromFile: boolean };

/** Formats every printing verb accepts; `get` adds the table formats. */
const BASE = ['go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'yaml'];
export const GET_FORMATS = ['custom-columns', 'custom-columns-file', ...BASE, 'wide'].sort();
export const OBJECT_FORMATS = BASE;

/**
 * Parses -o the way kubectl's PrintFlags do: `-o yaml`, `-o wide`, `-o jsonpath=TEMPLATE`,
 * `-ojsonpath='{…}'`, `-o custom-columns=A:.b`, `-o jsonpath-file=F` (read by the caller).
 */
export function parseOutputFormat(value: string, allowed: string[], readFile: (path: string) => string): OutputFormat {
  if (value === '') return { kind: 'table', wide: false };
  const eq = value.indexOf('=');
  const name = eq >= 0 ? value.slice(0, eq) : value;
  const arg = eq >= 0 ? value.slice(eq + 1) : '';
  if (!allowed.includes(name)) {
    throw new CliError(`unable to match a printer suitable for the output format "${value}", allowed formats are: ${allowed.join(',')}`);
  }
  switch (name) {
    case 'wide':
      return { kind: 'table', wide: true };
    case 'yaml':
      return { kind: 'yaml' };
    case 'json':
      return { kind: 'json' };
    case 'name':
      return { kind: 'name' };
    case 'jsonpath':
    case 'jsonpath-as-json':
    case 'jsonpath-file': {
      if (!arg) throw new CliError('template format specified but no template given');
      const template = name === 'jsonpath-file' ? readFile(arg) : arg;
      return { kind: 'jsonpath', template, asJson: name === 'jsonpath-as-json' };
    }
    case 'custom-columns':
    case 'custom-columns-file':
      if (!arg) throw new CliError('custom-columns format specified but no custom columns given');
      return { kind: 'custom-columns', spec: name === 'custom-columns-file' ? readFile(arg) : arg, fromFile: name === 'custom-columns-file' };
    default:
      if (!arg) throw new CliError('template format specified but no template given');
      throw new CliError(`the ${name} output format (Go templates) is not simulated by kubesim; use -o jsonpath instead`);
  }
}
