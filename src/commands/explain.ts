import type { CommandContext, CommandSpec } from '../cli/command.js';
import { RESOURCE_TYPES, apiVersionOf, type ResourceType } from '../api/kinds.js';
import { displayName, kindSchema, schemaKinds, typeSchema, typeShape, type FieldSchema } from '../api/schema/index.js';
import { CliError } from '../errors.js';

/**
 * `kubectl explain TYPE[.field…]`: renders the schema registry the way kubectl 1.32's OpenAPI v3
 * `plaintext` template does — header, FIELD line, DESCRIPTION wrapped at 76 columns by go-wordwrap,
 * and the alphabetical FIELDS list (one line per field with --recursive).
 */

export const command: CommandSpec = {
  name: 'explain',
  short: 'Get documentation for a resource',
  long: `Show the fields of a resource type and what they are for.

 Name a type, or a field inside it, with a dotted path:

        <type>.<fieldName>[.<fieldName>]
        
 The descriptions come from the OpenAPI schema the API server publishes.

Use "kubectl api-resources" for a complete list of supported resources.`,
  examples: `# Get the documentation of the resource and its fields
kubectl explain pods

# Get all the fields in the resource
kubectl explain pods --recursive

# Get the explanation for deployment in supported api versions
kubectl explain deployments --api-version=apps/v1

# Get the documentation of a specific field of a resource
kubectl explain pods.spec.containers

# Get the documentation of resources in different format
kubectl explain deployment --output=plaintext-openapiv2`,
  usage: 'explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]',
  flags: [
    { name: 'api-version', type: 'string', description: 'Use given api-version (group/version) of the resource.' },
    { name: 'output', short: 'o', type: 'string', default: 'plaintext', description: 'Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).' },
    { name: 'recursive', type: 'bool', description: 'When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.' },
  ],
  run: runExplain,
};

// ---------------------------------------------------------------------------------------------------
// Text helpers (the template's `wrap` and `indent`)
// ---------------------------------------------------------------------------------------------------

const isGoSpace = (c: string) => c === ' ' || c === '\t' || c === '\v' || c === '\f' || c === '\r' || c === '\u0085';

/**
 * mitchellh/go-wordwrap v1.0.1 WrapString, which kubectl's wrap uses: breaks at spaces so lines stay
 * within `limit` runes, keeps existing newlines, and never splits a word — a word longer than the limit
 * (such as a long URL) gets a line of its own and overflows it.
 */
export function wordWrap(s: string, limit: number): string {
  let buf = '';
  let current = 0;
  let word = '';
  let wordLen = 0;
  let space = '';
  let spaceLen = 0;
  for (const ch of s) {
    if (ch === '\n') {
      buf += space + word + ch;
      space = '';
      spaceLen = 0;
      word = '';
      wordLen = 0;
      current = 0;
    } else if (isGoSpace(ch)) {
      if (space.length === 0 || word.length > 0) {
        current += spaceLen + wordLen;
        buf += space + word;
        space = '';
        spaceLen = 0;
        word = '';
        wordLen = 0;
      }
      space += ch;
      spaceLen++;
    } else {
      word += ch;
      wordLen++;
      if (current + spaceLen + wordLen > limit && wordLen < limit) {
        buf += '\n';
        current = 0;
        space = '';
        spaceLen = 0;
      }
    }
  }
  if (word.length === 0) {
    if (current + spaceLen <= limit) buf += space;
  } else buf += space + word;
  return buf;
}

/** The template's indent: pads the first line and every line after a newline, even an empty last one. */
function indent(s: string, n: number): string {
  const pad = ' '.repeat(n);
  return pad + s.replace(/\n/g, `\n${pad}`);
}

const bytewise = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------------------------------
// Schema rendering
// ---------------------------------------------------------------------------------------------------

/** A property schema as the template sees it: a type plus the property's own description. */
interface Node {
  type: string;
  description?: string;
  enum?: string[];
}

/** The template's typeGuess: `[]Container`, `map[string]string`; Time and MicroTime are strings. */
export function displayType(token: string): string {
  const s = typeShape(token);
  switch (s.shape) {
    case 'list':
      return `[]${displayType(s.element)}`;
    case 'map':
      return `map[string]${displayType(s.element)}`;
    case 'scalar':
      return s.type;
    case 'named':
      return s.key === 'Time' || s.key === 'MicroTime' ? 'string' : displayName(s.key);
  }
}

/** Enum values are shown only when the field itself is the enum (not a list of enum values). */
function scalarEnum(f: Node): string[] | undefined {
  return f.enum && typeShape(f.type).shape !== 'list' ? f.enum : undefined;
}

const enumValue = (v: string) => (v === '' ? '""' : v);

/** A field's own description; the server's OpenAPI appends the enum's values to it. */
function ownDescription(f: FieldSchema): string | undefined {
  const values = scalarEnum(f);
  if (!values) return f.description;
  const list = values.map((v) => ` - \`${JSON.stringify(v)}\``).join('\n');
  return `${f.description ?? ''}\n\nPossible enum values:\n${list}`;
}

/** The template's "description": the property's text, then the descriptions of the types it refers to. */
function descriptionOf(node: Node): string {
  const own = node.description ? `${node.description}\n` : '';
  return own + typeDescription(node.type);
}

function typeDescription(token: string): string {
  const s = typeShape(token);
  if (s.shape === 'list' || s.shape === 'map') return typeDescription(s.element);
  if (s.shape === 'scalar') return '';
  const t = typeSchema(s.key);
  return t?.description ? `${t.description}\n` : '';
}

function nodeOf(f: FieldSchema): Node {
  return { type: f.type, description: ownDescription(f), enum: f.enum };
}

/** One field line (and, without --recursive, its wrapped description and a blank line). */
function fieldDetail(f: FieldSchema, level: number, short: boolean): string {
  const ind = level * 2;
  let s = `${' '.repeat(ind)}${f.name}\t<${displayType(f.type)}>`;
  if (f.required) s += ' -required-';
  const values = scalarEnum(f);
  if (values) {
    // The short view lists at most four values, then ", ....".
    s += `\n${' '.repeat(ind)}enum: ${values.slice(0, 4).map(enumValue).join(', ')}${values.length > 4 ? ', ....' : ''}`;
  }
  s += '\n';
  if (!short) s += `${indent(wordWrap(ownDescription(f) || '<no description>', 78 - ind), ind + 2)}\n\n`;
  return s;
}

/** The fields of a type, sorted as Go templates range over maps; lists and maps show their elements' fields. */
function fieldList(token: string, level: number, recursive: boolean, ancestors: string[]): string {
  const s = typeShape(token);
  if (s.shape === 'list' || s.shape === 'map') return fieldList(s.element, level, recursive, ancestors);
  if (s.shape === 'scalar' || ancestors.includes(s.key)) return '';
  const t = typeSchema(s.key);
  if (!t) return '';
  let out = '';
  for (const f of [...t.fields].sort((a, b) => bytewise(a.name, b.name))) {
    out += fieldDetail(f, level, recursive);
    if (recursive) out += fieldList(f.type, level + 1, recursive, [...ancestors, s.key]);
  }
  return out;
}

/**
 * The template's "output": follows the field path, printing `FIELD:` for the last element, then the
 * description and field list of what it points at. Returns '' when the path leads nowhere.
 */
function output(node: Node, path: string[], recursive: boolean): string {
  if (path.length === 0) {
    let s = `DESCRIPTION:\n${indent(wordWrap(descriptionOf(node) || '<empty>', 76), 4)}\n`;
    const list = fieldList(node.type, 1, recursive, []);
    if (list) s += `FIELDS:\n${list}`;
    return s;
  }
  const shape = typeShape(node.type);
  if (shape.shape === 'list' || shape.shape === 'map') return output({ type: shape.element }, path, recursive);
  if (shape.shape !== 'named') return '';
  const field = typeSchema(shape.key)?.fields.find((f) => f.name === path[0]);
  if (!field) return '';
  let s = '';
  if (path.length === 1) {
    const values = scalarEnum(field);
    // Since 1.30 the template writes the (possibly empty) ENUM block and two newlines after the
    // FIELD line, so a field without enum values is followed by two blank lines.
    s += `FIELD: ${field.name} <${displayType(field.type)}>\n${values ? `ENUM:${values.map((v) => `\n    ${enumValue(v)}`).join('')}` : ''}\n\n`;
  }
  return s + output(nodeOf(field), path.slice(1), recursive);
}

// ---------------------------------------------------------------------------------------------------
// Resource resolution
// ---------------------------------------------------------------------------------------------------

const NOT_FIELD = 'invalid jsonpath syntax, first node must be field node';

/** The dot-separated names of a field path; anything but plain field names is a jsonpath error. */
function splitPath(s: string): string[] {
  if (s === '') return [];
  const parts = s.split('.');
  if (parts.some((p) => p === '' || !/^[A-Za-z0-9_-]+$/.test(p))) throw new CliError(NOT_FIELD);
  return parts;
}

/** The types a resource name can mean (plural, singular, short name or kind), core group first. */
function candidates(name: string): ResourceType[] {
  const n = name.toLowerCase();
  return RESOURCE_TYPES.filter((t) => t.plural === n || t.singular === n || t.shortNames.includes(n));
}

/** What `explain` was asked about: a resource type and a field path inside its objects. */
export interface Target {
  type: ResourceType;
  fields: string[];
}

/**
 * kubectl's SplitAndParseResourceRequestWithMatchingPrefix: the first path element names the resource;
 * if `plural.group` prefixes the input, the rest after it is the field path (so `deployments.apps.spec`
 * works); otherwise the first matching type is used and every later element is a field.
 */
function resolveTarget(input: string): Target {
  const trimmed = input.endsWith('.') ? input.slice(0, -1) : input;
  if (!/^[A-Za-z0-9_-]/.test(trimmed)) throw new CliError(NOT_FIELD);
  const dot = trimmed.indexOf('.');
  const resource = dot < 0 ? trimmed : trimmed.slice(0, dot);
  const types = candidates(resource);
  if (types.length === 0) throw new CliError(`the server doesn't have a resource type ${JSON.stringify(resource.toLowerCase())}`);
  for (const t of types) {
    const gr = t.group ? `${t.plural}.${t.group}` : t.plural;
    if (trimmed.startsWith(gr)) {
      const rest = trimmed.slice(gr.length);
      return { type: t, fields: rest === '' ? [] : splitPath(rest.startsWith('.') ? rest.slice(1) : rest) };
    }
  }
  return { type: types[0], fields: dot < 0 ? [] : splitPath(trimmed.slice(dot + 1)) };
}

/** `--api-version=group/version`: the resource must be served in exactly that group and version. */
function resolveWithApiVersion(input: string, apiVersion: string): Target {
  const trimmed = input.endsWith('.') ? input.slice(0, -1) : input;
  const dot = trimmed.indexOf('.');
  const resource = dot < 0 ? trimmed : trimmed.slice(0, dot);
  const types = candidates(resource);
  if (types.length === 0) throw new CliError(`the server doesn't have a resource type ${JSON.stringify(resource.toLowerCase())}`);
  const fields = dot < 0 ? [] : splitPath(trimmed.slice(dot + 1));
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  if (apiVersion.split('/').length > 2) throw new CliError(`unexpected GroupVersion string: ${apiVersion}`);
  const match = types.find((t) => t.group === group && t.version === version);
  if (match) return { type: match, fields };
  const gvr = `${group}/${version}, Resource=${types[0].plural}`;
  const served = RESOURCE_TYPES.some((t) => apiVersionOf(t) === apiVersion);
  if (served) throw new CliError(`GVR (${gvr}) not found in OpenAPI schema`);
  throw new CliError(`couldn't find resource for ${JSON.stringify(gvr)}`);
}

// ---------------------------------------------------------------------------------------------------
// The command
// ---------------------------------------------------------------------------------------------------

/** The whole `kubectl explain` text for a resolved target. */
export function explainText(target: Target, recursive: boolean): string {
  const t = target.type;
  const root = t.group === 'events.k8s.io' ? undefined : kindSchema(t.kind);
  if (!root) {
    throw new CliError(
      `kubesim has no schema for ${t.group ? `${t.plural}.${t.group}` : t.plural}; explain covers ${schemaKinds()
        .map((k) => k.toLowerCase())
        .join(', ')}`,
    );
  }
  const body = output({ type: root.key }, target.fields, recursive);
  if (!body) throw new CliError(`field ${JSON.stringify(target.fields[target.fields.length - 1])} does not exist`);
  let head = '';
  if (t.group) head += `GROUP:      ${t.group}\n`;
  head += `KIND:       ${t.kind}\nVERSION:    ${t.version}\n\n`;
  return `${head}${body}\n`;
}

async function runExplain(ctx: CommandContext): Promise<void> {
  const f = ctx.parsed.flags;
  const args = ctx.parsed.args;
  if (args.length === 0) throw new CliError('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n');
  if (args.length > 1) throw new CliError('We accept only this format: explain RESOURCE\n');
  // The type list and the schema come from the (simulated) server, so the cluster must be there.
  await ctx.session();
  const apiVersion = f['api-version'] as string;
  const target = apiVersion ? resolveWithApiVersion(args[0], apiVersion) : resolveTarget(args[0]);
  const outputFormat = f.output as string;
  if (outputFormat === 'plaintext-openapiv2') throw new CliError('the plaintext-openapiv2 format of kubectl explain is not simulated; use the default plaintext output');
  if (outputFormat !== 'plaintext') throw new CliError(`unrecognized format: ${outputFormat}`);
  ctx.io.out.write(explainText(target, f.recursive as boolean));
}
