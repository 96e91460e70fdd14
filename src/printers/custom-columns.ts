/**
 * `kubectl get -o custom-columns=HDR:path,…` and `-o custom-columns-file=FILE`, as kubectl 1.32's
 * CustomColumnsPrinter does it. Pure: the caller reads the file and writes the text.
 */
import { findJsonPathResults, formatGoValue, JsonPathError, parseJsonPath, relaxedJsonPath } from './jsonpath/index.js';
import type { JsonPathTemplate } from './jsonpath/index.js';
import { formatTable } from './tabwriter.js';

/** One user-specified column: the header as given and the relaxed JSONPath (`{.metadata.name}`). */
export interface Column {
  header: string;
  fieldSpec: string;
}

/**
 * A custom-columns failure. `message` is what kubectl prints after `error: `; `partialOutput` is the
 * table text kubectl had already flushed when the failure happened (header and earlier rows).
 */
export class CustomColumnsError extends Error {
  constructor(
    message: string,
    readonly partialOutput = '',
  ) {
    super(message);
    this.name = 'CustomColumnsError';
  }
}

const FILE_FORMAT_HINT = 'Expected format is one line of space separated headers, one line of space separated column specs.';

/**
 * Parses `HDR:path,HDR2:path2`. The spec is split on every comma first, so a path containing a comma
 * (`[0,1]`) breaks into a part without a colon and fails, exactly as in kubectl.
 */
export function parseCustomColumns(spec: string): Column[] {
  if (spec === '') throw new CustomColumnsError('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) {
      throw new CustomColumnsError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    }
    return { header: part.slice(0, colon), fieldSpec: relaxed(part.slice(colon + 1)) };
  });
}

/**
 * Parses a custom-columns file: a line of headers and a line of paths, both whitespace separated; any
 * further lines are ignored. Note that kubectl prints this format's header even with `--no-headers`.
 */
export function parseCustomColumnsFile(text: string): Column[] {
  const lines = scanLines(text);
  if (lines.length < 1) throw new CustomColumnsError(`invalid template, missing header line. ${FILE_FORMAT_HINT}`);
  if (lines.length < 2) throw new CustomColumnsError(`invalid template, missing spec line. ${FILE_FORMAT_HINT}`);
  const headers = splitWords(lines[0]);
  const specs = splitWords(lines[1]);
  if (headers.length !== specs.length) {
    throw new CustomColumnsError(
      `number of headers (${headers.length}) and field specifications (${specs.length}) don't match`,
    );
  }
  return headers.map((header, i) => ({ header, fieldSpec: relaxed(specs[i]) }));
}

/**
 * The table for a list of objects: a header line (unless noHeaders), then one line per object. Each cell
 * holds every value the path yields, printed with Go's `%v` and joined by `,`; no value gives `<none>`.
 * Templates are parsed and run lazily like kubectl, so with no objects only the header is printed.
 */
export function formatCustomColumns(columns: Column[], objects: unknown[], opts: { noHeaders: boolean }): string {
  const lines: string[][] = [];
  if (!opts.noHeaders) lines.push(columns.map((c) => c.header));
  try {
    const templates = columns.map((c) => parseJsonPath(c.fieldSpec));
    for (const obj of objects) lines.push(templates.map((t) => formatCell(t, obj)));
  } catch (e) {
    if (e instanceof JsonPathError) throw new CustomColumnsError(e.message, renderLines(lines));
    throw e;
  }
  return renderLines(lines);
}

function relaxed(path: string): string {
  try {
    return relaxedJsonPath(path);
  } catch (e) {
    if (e instanceof JsonPathError) throw new CustomColumnsError(e.message);
    throw e;
  }
}

/** bufio.ScanLines: split on `\n`, drop one trailing `\r`, no empty final line. */
function scanLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** bufio.ScanWords: fields separated by the white space Go's scanner knows. */
function splitWords(line: string): string[] {
  return line.split(/[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/).filter((w) => w !== '');
}

function formatCell(t: JsonPathTemplate, obj: unknown): string {
  const groups = findJsonPathResults(t, obj, { allowMissingKeys: true });
  const values: string[] = [];
  if (groups.length === 0 || groups[0].length === 0) values.push('<none>');
  for (const group of groups) for (const v of group) values.push(escapeTerminal(formatGoValue(v)));
  return values.join(',');
}

/** cli-runtime's EscapeTerminal: ESC becomes `^[` and CR becomes a literal `\r`. */
function escapeTerminal(s: string): string {
  return s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');
}

/**
 * kubectl writes `cell\tcell\n` lines into a tabwriter, so a tab or newline inside a value starts a new
 * cell or line there too; re-splitting the written text reproduces that before aligning.
 */
function renderLines(lines: string[][]): string {
  if (lines.length === 0) return '';
  const written = lines.map((cells) => cells.join('\t')).join('\n');
  return formatTable(written.split('\n').map((line) => line.split('\t')));
}
