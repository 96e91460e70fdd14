import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandContext, CommandSpec } from '../cli/command.js';
import type { Session } from '../cluster/session.js';
import type { KubeObject } from '../api/types.js';
import type { Snapshot } from '../api/snapshot.js';
import { qualifiedPlural, typeForKind, type ResourceType } from '../api/kinds.js';
import { ApiError, CliError, ExitError } from '../errors.js';
import { formatError } from '../cli/format-error.js';
import { parseResourceArgs } from '../resource/args.js';
import { loadManifests } from '../resource/manifests.js';
import { namespaceFor } from '../resource/namespace.js';
import { getObject, listObjects, parseFilters } from '../resource/select.js';
import { OBJECT_FORMATS, parseOutputFormat, type OutputFormat } from '../printers/output-format.js';
import { objectName, printObjects } from '../printers/print-objects.js';
import { allNamespacesFlag, fieldSelectorFlag, outputFlag, printingFlags } from './flags.js';
import { ConditionError, conditionMet, parseWaitFor, type WaitFor } from './wait/condition.js';
import { parseGoDuration } from '../util/go-duration.js';
import { MISSING_RESOURCES } from '../resource/args.js';


const LOCAL_RESOURCE = `error: you must specify resources by --filename when --local is set.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'`;

/** kubectl's timeout for a negative --timeout: a week. */
const A_WEEK_MS = 168 * 3_600_000;

export const command: CommandSpec = {
  name: 'wait',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  long: `Experimental: Wait for a specific condition on one or many resources.

 The command looks at every resource it is given and waits until the requested condition holds for each of them: a status condition, a JSONPath value, the resource's creation or its deletion.

 On success it prints one line per resource to stdout (or the resource in the -o format).

 kubesim note: waiting lets simulated time pass. When the cluster's clock is frozen (or KUBESIM_NOW is set) time cannot pass, so the condition is checked exactly once: a condition that does not hold at that moment is reported as a timeout at once, without sleeping.`,
  examples: `# Wait until the pod "busybox1" reports the Ready condition
kubectl wait --for=condition=Ready pod/busybox1

# Wait for a condition to have another value than true (compared case-insensitively)
kubectl wait --for=condition=Ready=false pod/busybox1

# Wait until the pod "busybox1" is in the Running phase
kubectl wait --for=jsonpath='{.status.phase}'=Running pod/busybox1

# Wait until a JSONPath expression yields any value at all
kubectl wait --for=jsonpath='{.status.loadBalancer.ingress}' service/loadbalancer

# Wait up to 30 seconds for the secret "busybox1" to exist
kubectl wait --for=create secret/busybox1 --timeout=30s

# Delete a pod, then wait up to a minute for it to be gone
kubectl delete pod/busybox1
kubectl wait --for=delete pod/busybox1 --timeout=60s`,
  usage: "wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]] [options]",
  flags: [
    { name: 'all', type: 'bool', description: 'Select all resources in the namespace of the specified resource types' },
    allNamespacesFlag,
    fieldSelectorFlag,
    { name: 'filename', short: 'f', type: 'stringSlice', description: 'identifying the resource.' },
    {
      name: 'for',
      type: 'string',
      description:
        "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]. The default condition-value is true. Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity.",
    },
    { name: 'local', type: 'bool', description: 'If true, annotation will NOT contact api-server but run locally.' },
    outputFlag('json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file'),
    { name: 'recursive', short: 'R', type: 'bool', default: true, description: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'selector', short: 'l', type: 'string', description: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)" },
    ...printingFlags,
    { name: 'timeout', type: 'duration', default: '30s', description: "The length of time to wait before giving up. Zero means check once and don't wait, negative means wait for a week." },
  ],
  run: runWait,
};

/** One resource to wait on, as the resource builder found it. */
interface Target {
  type: ResourceType;
  namespace: string;
  name: string;
  obj: KubeObject;
}

async function runWait(ctx: CommandContext): Promise<void> {
  const f = ctx.parsed.flags;
  const output = f.output as string;
  const format = output ? parseOutputFormat(output, OBJECT_FORMATS, (p) => readFileSync(resolve(ctx.cwd, p), 'utf8')) : undefined;
  const minor = await personaMinor(ctx);
  const waitFor = parseWaitFor(f.for as string, minor);
  const timeoutMs = effectiveTimeout(f.timeout as string);
  if (f.local && ctx.parsed.args.length) throw new CliError(LOCAL_RESOURCE);

  if (waitFor.type === 'create') {
    // kubectl polls until every named resource exists, then goes on with the normal visit.
    const found = await ctx.poll(async (s) => ((await findTargets(ctx, s.store)).errors.some(isNotFound) ? undefined : true), { timeoutMs });
    if (!found) throw new CliError('timed out waiting for the condition');
  }

  const { targets, errors } = (await ctx.poll((s) => findTargets(ctx, s.store), { timeoutMs: 0 }))!;
  const isDelete = waitFor.type === 'delete';
  // For --for=delete a resource that is already gone is simply skipped.
  const errs = isDelete ? errors.filter((e) => !isNotFound(e)) : errors;
  for (const t of targets) {
    try {
      const final = await waitOne(ctx, t, waitFor, timeoutMs);
      ctx.io.out.write(await printMet(final, format));
    } catch (e) {
      errs.push(e as Error);
    }
  }
  if (errs.length) throw aggregate(errs);
  if (targets.length === 0 && !isDelete) throw new CliError('no matching resources found');
}

/** The persona's kubectl minor version (1.32 → 32), which decides the conditions --for accepts. */
async function personaMinor(ctx: CommandContext): Promise<number> {
  const s = await ctx.openSession({ readOnly: true });
  const v = s.state.cluster.kubectlVersion;
  s.abort();
  const m = /^\d+\.(\d+)/.exec(v ?? '');
  return m ? Number(m[1]) : 32;
}

/** --timeout in milliseconds; a negative value means a week, as in kubectl. */
function effectiveTimeout(raw: string): number {
  const ms = parseGoDuration(raw);
  return ms < 0 ? A_WEEK_MS : ms;
}

function isNotFound(e: Error): boolean {
  return e instanceof ApiError && e.reason === 'NotFound';
}

/**
 * The resources named by the arguments, -f, -l/--field-selector or --all, with the resource builder's
 * errors for the shapes it rejects. Missing named resources are errors, collected rather than thrown
 * (the builder continues past them).
 */
async function findTargets(ctx: CommandContext, snap: Snapshot): Promise<{ targets: Target[]; errors: Error[] }> {
  const f = ctx.parsed.flags;
  const args = ctx.parsed.args;
  const filenames = f.filename as string[];
  const allNs = f['all-namespaces'] as boolean;
  const selector = (f.selector as string).trim();
  const fieldSel = (f['field-selector'] as string).trim();
  const bulk = (f.all as boolean) || selector !== '' || fieldSel !== '';
  const targets: Target[] = [];
  const errors: Error[] = [];
  const add = (type: ResourceType, obj: KubeObject) => targets.push({ type, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name, obj });
  const getOne = (type: ResourceType, ns: string, name: string) => {
    try {
      add(type, getObject(snap, type, ns, name));
    } catch (e) {
      errors.push(e as Error);
    }
  };

  if (filenames.length) {
    const manifests = await loadManifests(filenames, { cwd: ctx.cwd, recursive: f.recursive as boolean, readStdin: ctx.io.readStdin });
    for (const m of manifests) {
      const type = typeForKind(m.obj.kind, m.obj.apiVersion);
      if (!type) continue;
      getOne(type, namespaceFor(m.obj, ctx.namespace, ctx.namespaceGiven), m.obj.metadata?.name);
    }
    return { targets, errors };
  }
  const { requests, names } = parseResourceArgs(args);
  if (bulk) {
    if (names && args.some((a) => a.includes('/'))) throw new CliError('selectors and the all flag cannot be used when passing resource/name arguments');
    if (names) throw new CliError('name cannot be provided when a selector is specified');
    if (requests.length === 0) throw new CliError('at least one resource must be specified to use a selector');
    const filters = parseFilters(selector, fieldSel);
    for (const r of requests) for (const obj of listObjects(snap, r.type, ctx.namespace, allNs, filters)) add(r.type, obj);
    return { targets, errors };
  }
  if (requests.length === 0) throw new CliError(MISSING_RESOURCES);
  if (!names) throw new CliError('resource(s) were provided, but no name was specified');
  if (allNs) throw new CliError('a resource cannot be retrieved by name across all namespaces');
  for (const r of requests) getOne(r.type, ctx.namespace, r.name!);
  return { targets, errors };
}

/** `pods/x` — how kubectl's wait names a resource in its errors (plural, no group). */
function waitName(t: Target): string {
  return `${t.type.plural}/${t.name}`;
}

/**
 * Waits for one resource; returns the object to print. A zero timeout checks once; otherwise the check
 * is repeated as simulated time passes, until the timeout.
 */
async function waitOne(ctx: CommandContext, t: Target, w: WaitFor, timeoutMs: number): Promise<KubeObject> {
  if (w.type === 'create') return t.obj;
  if (w.type === 'delete') return waitDeleted(ctx, t, timeoutMs);
  let first = true;
  const step = (s: Session): KubeObject | undefined => {
    const obj = s.store.get(t.type.kind, t.namespace, t.name);
    if (!obj) {
      // Gone before the wait started: NotFound. Gone later: kubectl keeps waiting until the timeout.
      if (first) throw ApiError.notFound(qualifiedPlural(t.type), t.name);
      return undefined;
    }
    first = false;
    try {
      return conditionMet(w, obj) ? obj : undefined;
    } catch (e) {
      if (e instanceof ConditionError) throw new CliError(e.message);
      throw e;
    }
  };
  const met = await ctx.poll(step, { timeoutMs });
  if (met) return met;
  throw new CliError(timeoutMs === 0 ? `condition not met for ${waitName(t)}` : `timed out waiting for the condition on ${waitName(t)}`);
}

/** --for=delete: the resource is gone, or a new one with another uid took its name. */
async function waitDeleted(ctx: CommandContext, t: Target, timeoutMs: number): Promise<KubeObject> {
  let last = t.obj;
  const gone = await ctx.poll(
    (s) => {
      const obj = s.store.get(t.type.kind, t.namespace, t.name);
      if (!obj || obj.metadata.uid !== t.obj.metadata.uid) return true;
      last = obj;
      return undefined;
    },
    { timeoutMs },
  );
  if (gone) return last;
  throw new CliError(timeoutMs === 0 ? `condition not met for ${waitName(t)}` : `timed out waiting for the condition on ${waitName(t)}`);
}

/** `pod/x condition met`, or the object in the -o format. */
async function printMet(obj: KubeObject, format: OutputFormat | undefined): Promise<string> {
  if (!format) return `${objectName(obj)} condition met\n`;
  return printObjects([obj], {
    format,
    now: '',
    snapshot: { get: () => undefined, list: () => [] },
    withNamespace: false,
    showLabels: false,
    labelColumns: [],
    noHeaders: false,
    asList: false,
    kindPrefix: false,
  });
}

/**
 * kubectl's handling of several errors from one visit: a single error prints as usual (`error: …`,
 * `Error from server …`); several print one per line, server errors in their usual form and the others
 * bare, without the `error: ` prefix.
 */
function aggregate(errs: Error[]): Error {
  if (errs.length === 1) return errs[0];
  const text = errs.map((e) => (e instanceof ApiError ? formatError(e).text : `${e.message}\n`)).join('');
  return new ExitError(1, text);
}
