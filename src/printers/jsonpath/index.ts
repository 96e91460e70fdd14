/**
 * kubectl's JSONPath dialect (`-o jsonpath=…`, `-o jsonpath-as-json=…`, the cells of `-o custom-columns`),
 * written to behave like client-go's util/jsonpath as built into kubectl 1.32, quirks included.
 *
 * Pure: no I/O, no clock. Data is plain JSON-shaped values (objects, arrays, strings, numbers, booleans,
 * null), seen as Go sees them (go-values.ts). The parts: parser.ts (with runes.ts) builds the template
 * tree (nodes.ts), evaluate.ts runs it, format-value.ts prints the results, relaxed.ts is custom-columns'
 * path syntax.
 */
import { JsonPathError } from './errors.js';
import type { JsonPathTemplate } from './nodes.js';
import { parseTemplate } from './parser.js';
import { asRoot, Evaluator } from './evaluate.js';
import { INVALID } from './go-values.js';
import { formatGoSyntax, goJson, goQuote, printResult } from './format-value.js';

export { JsonPathError } from './errors.js';
export type { JsonPathTemplate, ListNode, Node } from './nodes.js';
export { formatGoValue } from './format-value.js';
export { relaxedJsonPath } from './relaxed.js';

/** Options for executing a template; kubectl's default is allowMissingKeys: true. */
export interface JsonPathOptions {
  /** When false, a field missing from every current value fails with `<name> is not found`. Default true. */
  allowMissingKeys?: boolean;
}

/** Parses a template the way client-go does; throws JsonPathError with client-go's reason on bad syntax. */
export function parseJsonPath(template: string): JsonPathTemplate {
  return { source: template, root: parseTemplate(template) };
}

/**
 * The raw result groups: one group per top-level node (literal text, `{…}`, range iteration), each a
 * list of values. custom-columns uses this; values may include Go bytes from walking into strings.
 */
export function findJsonPathResults(t: JsonPathTemplate, data: unknown, opts: JsonPathOptions = {}): unknown[][] {
  const evaluator = new Evaluator(opts.allowMissingKeys ?? true);
  try {
    return evaluator.findResults(t.root.nodes, asRoot(data));
  } catch (e) {
    if (e instanceof JsonPathError) throw new JsonPathError(e.message);
    throw e;
  }
}

/**
 * `-o jsonpath=…`: values within one `{…}` are joined by a single space, groups are concatenated, and
 * nothing is added at the end (no trailing newline). Throws JsonPathError with client-go's reason.
 */
export function executeJsonPath(t: JsonPathTemplate, data: unknown, opts: JsonPathOptions = {}): string {
  return findJsonPathResults(t, data, opts)
    .map((group) => group.map(printResult).join(' '))
    .join('');
}

/**
 * `-o jsonpath-as-json=…`: every result group becomes its own JSON array, indented by four spaces and
 * followed by a newline (so `{.a}{.b}` prints two arrays; a missing key prints `[]`).
 */
export function executeJsonPathAsJson(t: JsonPathTemplate, data: unknown, opts: JsonPathOptions = {}): string {
  const groups = findJsonPathResults(t, data, opts);
  // kubectl panics converting the zero Value (a nil range element as `{@}`); this is the panic's text.
  if (groups.some((g) => g.includes(INVALID))) {
    throw new JsonPathError('reflect: call of reflect.Value.Interface on zero Value');
  }
  return groups.map((group) => goJson(group, '    ') + '\n').join('');
}

/**
 * The text kubectl prints after `error: ` for a template that does not parse, e.g.
 * `error parsing jsonpath {.a, unclosed action`.
 */
export function jsonPathParseErrorMessage(template: string, reason: string): string {
  return `error parsing jsonpath ${template}, ${reason}`;
}

/**
 * The text kubectl prints after `error: ` when executing a template fails: the reason, the template and
 * a Go `%#v` dump of the object, ending in three newlines (so kubectl adds none).
 */
export function jsonPathExecuteErrorMessage(template: string, reason: string, data: unknown): string {
  const details =
    `Error executing template: ${reason}. Printing more information for debugging the template:\n` +
    `\ttemplate was:\n\t\t${template}\n` +
    `\tobject given to jsonpath engine was:\n\t\t${formatGoSyntax(data)}\n\n`;
  return `error executing jsonpath ${goQuote(template)}: ${details}\n`;
}
