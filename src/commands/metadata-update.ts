import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandContext } from '../cli/command.js';
import type { FlagSpec } from '../cli/flags.js';
import { formatError } from '../cli/format-error.js';
import type { KubeObject } from '../api/types.js';
import { clone } from '../api/types.js';
import { typeForKind } from '../api/kinds.js';
import { createMergePatch, jsonMergePatch } from '../api/patch/index.js';
import type { DryRun } from '../cluster/api-server.js';
import type { Session } from '../cluster/session.js';
import { AggregateError, ApiError, CliError, ExitError, formatFieldError } from '../errors.js';
import { parseResourceArgs } from '../resource/args.js';
import { loadManifests } from '../resource/manifests.js';
import { namespaceFor } from '../resource/namespace.js';
import { getObject, listObjects, parseFilters } from '../resource/select.js';
import { OBJECT_FORMATS, parseOutputFormat } from '../printers/output-format.js';
import { sortKeys } from '../printers/serialize.js';
import { allNamespacesFlag, dryRunFlag, fieldSelectorFlag, filenameFlags, outputFlag, printingFlags } from './flags.js';
import { parseDryRun, printResult } from './write-output.js';

/**
 * What `kubectl label` and `kubectl annotate` share: the `KEY=VALUE` / `KEY-` argument grammar, the
 * overwrite checks, choosing the objects (TYPE NAME…, TYPE/NAME, -l, --all, -A, -f, --local), the
 * merge patch sent to the server, --list, and kubectl's way of reporting several errors.
 */

/** One verb's choices; the run loop is the same for both. */
export interface MetadataVerb {
  /** `label` / `annotation` — in "all resources must be specified before label changes". */
  pairType: string;
  field: 'labels' | 'annotations';
  parse(pairs: string[]): Updates;
  /** The error for values that would be overwritten without --overwrite, if any. */
  conflicts(current: Record<string, string>, set: Map<string, string>): Error | undefined;
  /** `pod.yaml` / `rsrc.yaml` in the --local usage errors. */
  localExample: string;
  /** `at least one label update is required`. */
  noUpdates: string;
  /** Checks after the "at least one update" rule (annotate's modify-and-remove check). */
  validate?(u: Updates): void;
  /** Print `label "x" not found.` for removals of absent keys (label only). */
  reportMissing: boolean;
  /** The operation word for one object: `labeled` / `unlabeled` / `not labeled`, `annotated`. */
  operation(before: string, after: string, overwrite: boolean): string;
  /**
   * Refuse --list with -o (label). kubectl annotate has the same check on a field nothing sets, so
   * there --list simply wins over -o.
   */
  listRefusesOutput: boolean;
  /** Print what the server returned (annotate) instead of the locally changed copy (label). */
  printServerObject: boolean;
}

export interface Updates {
  set: Map<string, string>;
  remove: string[];
}

/** The flags both verbs have (besides --overwrite/--list/--local/--resource-version, which differ in wording). */
export function commonFlags(what: string, fieldManager: string, allDescription: string): FlagSpec[] {
  return [
    { name: 'all', type: 'bool', description: allDescription },
    { ...allNamespacesFlag, description: 'If true, check the specified action in all namespaces.' },
    dryRunFlag,
    { name: 'field-manager', type: 'string', default: fieldManager, description: 'Name of the manager used to track field ownership.' },
    fieldSelectorFlag,
    ...filenameFlags(`Filename, directory, or URL to files identifying the resource to update the ${what}`),
    outputFlag('json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file'),
    {
      name: 'selector',
      short: 'l',
      type: 'string',
      description: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
    },
    ...printingFlags,
  ];
}

/**
 * Splits arguments into resources and `KEY=VALUE`/`KEY-` pairs (cmdutil.GetResourcesAndPairs): the
 * first argument that looks like a pair starts the pairs; a resource after that is an error.
 */
export function splitResourcesAndPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const a of args) {
    const isPair = (a.includes('=') && a[0] !== '=') || (a.endsWith('-') && a !== '-');
    if (isPair) pairs.push(a);
    else if (pairs.length) throw new CliError(`all resources must be specified before ${pairType} changes: ${a}`);
    else resources.push(a);
  }
  return { resources, pairs };
}

const LABEL_VALUE_RE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

/** apimachinery's IsValidLabelValue messages. */
export function labelValueErrors(v: string): string[] {
  const errs: string[] = [];
  if (v.length > 63) errs.push('must be no more than 63 characters');
  if (!LABEL_VALUE_RE.test(v)) errs.push(LABEL_VALUE_MSG);
  return errs;
}

/**
 * kubectl label's parser: `k=v` (exactly one `=`, the value checked client-side; keys are left to the
 * server), `k-`; anything else is an unknown spec. Modifying and removing one key is refused.
 */
export function parseLabelPairs(pairs: string[]): Updates {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const spec of pairs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (parts.length !== 2) throw new CliError(`invalid label spec: ${spec}`);
      const errs = labelValueErrors(parts[1]);
      if (errs.length) throw new CliError(`invalid label value: ${JSON.stringify(spec)}: ${errs.join(';')}`);
      set.set(parts[0], parts[1]);
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else throw new CliError(`unknown label spec: ${spec}`);
  }
  if (remove.some((k) => set.has(k))) throw new CliError('can not both modify and remove a label in the same command');
  return { set, remove };
}

/** cmdutil.ParsePairs: `k=v` splits at the first `=` (values may contain `=`), `k-` removes. */
export function parseGenericPairs(pairs: string[], pairType: string): Updates {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const p of pairs) {
    if (p.includes('=') && p[0] !== '=') {
      const i = p.indexOf('=');
      set.set(p.slice(0, i), p.slice(i + 1));
    } else if (p.endsWith('-') && p !== '-') remove.push(p.slice(0, -1));
    else invalid.push(p);
  }
  if (invalid.length) throw new CliError(`invalid ${pairType} format: ${invalid.join(', ')}`);
  return { set, remove };
}

/** A target object, or the error getting it produced (reported at the end, as ContinueOnError does). */
export interface Target {
  obj?: KubeObject;
  error?: Error;
}

export interface TargetQuery {
  resources: string[];
  filenames: string[];
  recursive: boolean;
  selector: string;
  fieldSelector: string;
  all: boolean;
  allNamespaces: boolean;
  /** Use the objects of the files as they are (--local), instead of the live objects they name. */
  local: boolean;
  /** Type-only arguments need -l/--all (label, annotate) or are an error (patch). */
  allowSelectors: boolean;
}

/**
 * The objects a command acts on, in kubectl's builder order, with `single` telling whether one item was
 * implied (one TYPE NAME or TYPE/NAME, or one non-directory file): that hides --list headers and allows
 * --resource-version.
 */
export async function resolveTargets(ctx: CommandContext, q: TargetQuery, session?: Session): Promise<{ targets: Target[]; single: boolean }> {
  const targets: Target[] = [];
  if (q.filenames.length) {
    const single = q.filenames.length === 1 && q.filenames[0] !== '-' && !isDirectory(resolve(ctx.cwd, q.filenames[0]));
    for (const m of await loadManifests(q.filenames, { cwd: ctx.cwd, recursive: q.recursive, readStdin: ctx.io.readStdin })) {
      const obj = clone(m.obj);
      const ns = namespaceFor(obj, ctx.namespace, ctx.namespaceGiven);
      const t = typeForKind(obj.kind, obj.apiVersion);
      if (!t) {
        targets.push({
          error: new CliError(
            `resource mapping not found for name: "${obj.metadata?.name}" namespace: "${ns}" from "${m.source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`,
          ),
        });
        continue;
      }
      if (q.local || !session) {
        // Local objects stay as the file has them (no namespace filled in).
        targets.push({ obj });
        continue;
      }
      try {
        targets.push({ obj: clone(getObject(session.store, t, ns, obj.metadata.name)) });
      } catch (e) {
        targets.push({ error: e as Error });
      }
    }
    return { targets, single };
  }
  if (!session) return { targets, single: false };
  const { requests, names } = parseResourceArgs(q.resources);
  const bulk = q.all || q.selector !== '' || q.fieldSelector !== '';
  if (names && q.selector) throw new CliError('name cannot be provided when a selector is specified');
  if (names && q.allNamespaces) throw new CliError('a resource cannot be retrieved by name across all namespaces');
  if (!names && !(bulk && q.allowSelectors)) throw new CliError('resource(s) were provided, but no name was specified');
  const filters = parseFilters(q.selector, q.fieldSelector);
  for (const r of requests) {
    if (r.name !== undefined) {
      try {
        targets.push({ obj: clone(getObject(session.store, r.type, ctx.namespace, r.name)) });
      } catch (e) {
        targets.push({ error: e as Error });
      }
    } else {
      for (const obj of listObjects(session.store, r.type, ctx.namespace, q.allNamespaces, filters)) targets.push({ obj: clone(obj) });
    }
  }
  return { targets, single: names && requests.length === 1 };
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The text kubectl prints for one error inside a several-error report (cmdutil.MultipleErrors: no `error: ` prefix). */
function aggregateLine(e: Error): string {
  if (e instanceof ApiError) {
    if (e.reason === 'Invalid' && e.message.startsWith('The ')) {
      const m = /^The (\S+) "(.*?)" is invalid: /.exec(e.message);
      const causes = e.causes.map(formatFieldError);
      const body = causes.length === 1 ? causes[0] : `[${causes.join(', ')}]`;
      if (m) return `Error from server (Invalid): ${m[1]} "${m[2]}" is invalid: ${body}\n`;
    }
    return formatError(e).text;
  }
  if (e instanceof MultiError) return `${e.inline}\n`;
  if (e instanceof ExitError) return e.message.endsWith('\n') ? e.message : `${e.message}\n`;
  return `${e.message}\n`;
}

/**
 * Ends a multi-object verb the way cmdutil.CheckErr reports a visitor's errors: one error prints as
 * usual; several print one per line without the `error: ` prefix. What succeeded is kept (committed)
 * when something was written; otherwise the state is left untouched.
 */
export function finishWithErrors(errors: Error[], wrote: boolean): void {
  if (errors.length === 0) return;
  if (errors.length === 1) {
    if (wrote) throw new AggregateError(errors);
    throw errors[0];
  }
  if (wrote) throw new AggregateError(errors.map((e) => new ExitError(1, aggregateLine(e))));
  throw new ExitError(1, errors.map(aggregateLine).join(''));
}

/**
 * Several errors about one object (an apimachinery aggregate): printed alone, one per line without the
 * `error: ` prefix; inside a report of several objects' errors, as `[a, b]`.
 */
export class MultiError extends ExitError {
  readonly inline: string;
  constructor(messages: string[]) {
    super(1, messages.map((m) => `${m}\n`).join(''));
    this.inline = `[${messages.join(', ')}]`;
  }
}

/** An aggregate of error messages: none, one plain error, or a MultiError. */
export function aggregateOf(messages: string[]): Error | undefined {
  if (messages.length === 0) return undefined;
  if (messages.length === 1) return new CliError(messages[0]);
  return new MultiError(messages);
}

/** JSON as Go's json.Marshal writes it (compact, keys sorted): used for kubectl's before/after comparisons. */
export function goJson(v: unknown): string {
  return JSON.stringify(sortKeys(v)).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** Runs `kubectl label` / `kubectl annotate`. */
export async function runMetadataUpdate(ctx: CommandContext, verb: MetadataVerb): Promise<void> {
  const f = ctx.parsed.flags;
  const dryRun = parseDryRun(f['dry-run'] as string);
  const output = f.output as string;
  const list = f.list as boolean;
  const local = f.local as boolean;
  const overwrite = f.overwrite as boolean;
  const all = f.all as boolean;
  const selector = f.selector as string;
  const fieldSelector = f['field-selector'] as string;
  const resourceVersion = f['resource-version'] as string;
  const filenames = f.filename as string[];
  if (output) parseOutputFormat(output, OBJECT_FORMATS, (p) => readFileSync(resolve(ctx.cwd, p), 'utf8'));
  const { resources, pairs } = splitResourcesAndPairs(ctx.parsed.args, verb.pairType);
  const updates = verb.parse(pairs);
  if (list && output && verb.listRefusesOutput) throw new CliError('--list and --output may not be specified together');
  if (all && selector) throw new CliError('cannot set --all and --selector at the same time');
  if (all && fieldSelector) throw new CliError('cannot set --all and --field-selector at the same time');
  if (local) {
    if (dryRun === 'server') throw new CliError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    if (resources.length) throw new CliError(`can only use local files by -f ${verb.localExample}.yaml or --filename=${verb.localExample}.json when --local=true is set`);
    if (!filenames.length) throw new CliError(`one or more files must be specified as -f ${verb.localExample}.yaml or --filename=${verb.localExample}.json`);
  } else if (!resources.length && !filenames.length) {
    throw new CliError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  }
  if (updates.set.size === 0 && updates.remove.length === 0 && !list) throw new CliError(verb.noUpdates);
  verb.validate?.(updates);

  const session = local ? undefined : await ctx.session();
  const query: TargetQuery = { resources, filenames, recursive: f.recursive as boolean, selector, fieldSelector, all, allNamespaces: f['all-namespaces'] as boolean, local, allowSelectors: true };
  const { targets, single } = await resolveTargets(ctx, query, session);
  if (!single && resourceVersion) throw new CliError('--resource-version may only be used with a single resource');

  const errors: Error[] = [];
  let wrote = false;
  for (const t of targets) {
    if (!t.obj) {
      errors.push(t.error!);
      continue;
    }
    try {
      const offline = dryRun === 'client' || local || list;
      const shown = offline ? changeLocally(t.obj, verb, updates, overwrite, resourceVersion) : await changeOnServer(ctx, session!, t.obj, verb, updates, overwrite, resourceVersion, dryRun);
      if (!offline && dryRun === 'none') wrote = true;
      if (list) listPairs(ctx, shown.obj, verb, single);
      else await printResult(ctx, shown.obj, shown.op, dryRun);
    } catch (e) {
      errors.push(e as Error);
    }
  }
  finishWithErrors(errors, wrote);
}

/** Applies the updates to `obj` (kubectl's labelFunc/updateAnnotations); throws the overwrite error. */
function applyUpdates(obj: KubeObject, verb: MetadataVerb, u: Updates, overwrite: boolean, resourceVersion: string): void {
  const current = obj.metadata[verb.field] ?? {};
  if (!overwrite) {
    const err = verb.conflicts(current, u.set);
    if (err) throw err;
  }
  const next: Record<string, string> = { ...current };
  for (const [k, v] of u.set) next[k] = v;
  for (const k of u.remove) delete next[k];
  obj.metadata[verb.field] = next;
  if (resourceVersion) obj.metadata.resourceVersion = resourceVersion;
}

function changeLocally(obj: KubeObject, verb: MetadataVerb, u: Updates, overwrite: boolean, resourceVersion: string): { obj: KubeObject; op: string } {
  if (resourceVersion) obj.metadata.resourceVersion = '';
  const before = goJson(obj);
  applyUpdates(obj, verb, u, overwrite, resourceVersion);
  return { obj, op: verb.operation(before, goJson(obj), overwrite) };
}

async function changeOnServer(
  ctx: CommandContext,
  session: Session,
  obj: KubeObject,
  verb: MetadataVerb,
  u: Updates,
  overwrite: boolean,
  resourceVersion: string,
  dryRun: DryRun,
): Promise<{ obj: KubeObject; op: string }> {
  const live = session.store.get(obj.kind, obj.metadata.namespace ?? '', obj.metadata.name) ?? obj;
  // The resource version is cleared before the "before" copy so the patch always carries --resource-version.
  if (resourceVersion) obj.metadata.resourceVersion = '';
  const before = clone(obj);
  const beforeJson = goJson(before);
  if (verb.reportMissing) {
    const current = obj.metadata[verb.field] ?? {};
    for (const k of u.remove) if (!(k in current)) ctx.io.out.write(`${verb.pairType} ${JSON.stringify(k)} not found.\n`);
  }
  applyUpdates(obj, verb, u, overwrite, resourceVersion);
  const op = verb.operation(beforeJson, goJson(obj), overwrite);
  // kubectl sends a JSON merge patch of its change; the server applies it to the live object.
  const patch = createMergePatch(before, obj);
  const sentVersion = patch.metadata?.resourceVersion;
  if (typeof sentVersion === 'string' && sentVersion !== live.metadata.resourceVersion) {
    const t = typeForKind(live.kind, live.apiVersion);
    throw new ApiError(
      'Conflict',
      `Operation cannot be fulfilled on ${t ? (t.group ? `${t.plural}.${t.group}` : t.plural) : live.kind} "${live.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`,
    );
  }
  const merged = jsonMergePatch(live, patch) as KubeObject;
  // The API types omit empty maps.
  const map = merged.metadata[verb.field];
  if (map && Object.keys(map).length === 0) delete merged.metadata[verb.field];
  const stored = session.api.update(merged, { dryRun });
  return { obj: verb.printServerObject ? stored : obj, op };
}

/** --list: `key=value` lines (sorted; kubectl's order is Go map order), with a heading per object when several are implied. */
function listPairs(ctx: CommandContext, obj: KubeObject, verb: MetadataVerb, single: boolean): void {
  const pairs = obj.metadata[verb.field] ?? {};
  let indent = '';
  if (!single) {
    indent = ' ';
    const group = obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0] : '';
    ctx.io.out.write(`Listing ${verb.field} for ${obj.kind}.${group}/${obj.metadata.name}:\n`);
  }
  for (const k of Object.keys(pairs).sort()) ctx.io.out.write(`${indent}${k}=${pairs[k]}\n`);
}
