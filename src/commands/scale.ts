import type { CommandContext, CommandSpec } from '../cli/command.js';
import type { KubeObject } from '../api/types.js';
import { clone } from '../api/types.js';
import { typeForKind, type ResourceType } from '../api/kinds.js';
import { matchesSelector } from '../api/labels.js';
import type { DryRun } from '../cluster/api-server.js';
import type { Session } from '../cluster/session.js';
import { CliError } from '../errors.js';
import { parseResourceArgs } from '../resource/args.js';
import { loadManifests } from '../resource/manifests.js';
import { namespaceFor } from '../resource/namespace.js';
import { getObject, listObjects, parseFilters } from '../resource/select.js';
import { checkOutput, OUTPUT_FORMATS, requireFlags } from './create/common.js';
import { dryRunFlag, filenameFlags, outputFlag, printingFlags } from './flags.js';
import { finishWithErrors } from './metadata-update.js';
import { parseGoDuration } from '../util/go-duration.js';
import { ResultPrinter } from './run/output.js';
import { parseDryRun } from './write-output.js';
import { MISSING_RESOURCES } from '../resource/args.js';


/** Kinds with a scale subresource (the simulator stores deployments and replica sets). */
const SCALABLE = new Set(['apps/Deployment', 'apps/ReplicaSet', 'apps/StatefulSet', '/ReplicationController']);

export const command: CommandSpec = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  long: `Set a new size for a deployment, replica set, replication controller, or stateful set.

 Preconditions can make the change conditional: with --current-replicas or --resource-version, the object must still have that size or that resource version when the new size is written, or nothing is changed.`,
  examples: `# Scale the replica set web to 3 pods
kubectl scale --replicas=3 rs/web

# Scale the object described in web.yaml to 3 pods
kubectl scale --replicas=3 -f web.yaml

# Scale the deployment mysql to 3 only if it currently runs 2
kubectl scale --current-replicas=2 --replicas=3 deployment/mysql

# Scale several deployments at once
kubectl scale --replicas=5 deploy/api deploy/worker deploy/web

# Scale every deployment labelled tier=front down to zero
kubectl scale deployment -l tier=front --replicas=0`,
  usage: 'scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]',
  flags: [
    { name: 'all', type: 'bool', description: 'Select all resources in the namespace of the specified resource types' },
    { name: 'current-replicas', type: 'int', default: -1, description: 'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.' },
    dryRunFlag,
    ...filenameFlags('Filename, directory, or URL to files identifying the resource to set a new size'),
    outputFlag(OUTPUT_FORMATS),
    { name: 'replicas', type: 'int', default: 0, description: 'The new desired number of replicas. Required.' },
    { name: 'resource-version', type: 'string', description: 'Precondition for resource version. Requires that the current resource version match this value in order to scale.' },
    {
      name: 'selector',
      short: 'l',
      type: 'string',
      description: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
    },
    {
      name: 'timeout',
      type: 'duration',
      default: '0s',
      description: "The length of time to wait before giving up on a scale operation, zero means don't wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).",
    },
    ...printingFlags,
    { name: 'record', type: 'bool', hidden: true, description: 'Record current kubectl command in the resource annotation.' },
  ],
  run: runScale,
};

/** One object the builder found: its type and the object as kubectl holds it (a file's, or the live one). */
interface Info {
  type: ResourceType;
  obj: KubeObject;
}

async function runScale(ctx: CommandContext): Promise<void> {
  const f = ctx.parsed.flags;
  if (ctx.parsed.given.has('record')) ctx.io.err.write('Flag --record has been deprecated, --record will be removed in the future\n');
  requireFlags(ctx, 'replicas');
  const dryRun = parseDryRun(f['dry-run'] as string);
  checkOutput(ctx);
  // Validate()
  const replicas = f.replicas as number;
  const current = f['current-replicas'] as number;
  if (replicas < 0) throw new CliError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  if (current < -1) throw new CliError('The --current-replicas must specify an integer of -1 or greater');
  const session = await ctx.session();
  const { infos, errors } = await findInfos(ctx, session);
  const resourceVersion = f['resource-version'] as string;
  if (resourceVersion && infos.length > 1) throw new CliError('cannot use --resource-version with multiple resources');
  if (infos.length === 0) throw new CliError(`no objects passed to scale${errors.length ? ` ${wrappedMessage(errors)}` : ''}`);
  const timeoutMs = parseGoDuration(f.timeout as string);
  const printer = new ResultPrinter(ctx, 'scaled', dryRun, false);
  let wrote = false;
  for (const info of infos) {
    if (dryRun === 'client') {
      // kubectl 1.32 prints the object as it found it: the new size is not written into it.
      await printer.print(info.obj);
      continue;
    }
    try {
      scaleOne(session, info, replicas, { current, resourceVersion, dryRun });
      if (dryRun === 'none') wrote = true;
      if (timeoutMs !== 0 && dryRun === 'none') waitForReplicas(session, info, replicas);
    } catch (e) {
      finishWithErrors([e as Error], wrote);
    }
    await printer.print(info.obj);
  }
  finishWithErrors(errors, wrote);
}

/** `%w` of the builder's error: one error's own text, several as Go prints an aggregate (`[a, b]`). */
function wrappedMessage(errors: Error[]): string {
  return errors.length === 1 ? errors[0].message : `[${errors.map((e) => e.message).join(', ')}]`;
}

/** The builder: -f objects (filtered by -l), or TYPE NAME… / TYPE/NAME…, or TYPE with -l / --all. */
async function findInfos(ctx: CommandContext, session: Session): Promise<{ infos: Info[]; errors: Error[] }> {
  const f = ctx.parsed.flags;
  const args = ctx.parsed.args;
  const filenames = f.filename as string[];
  const selector = f.selector as string;
  const all = f.all as boolean;
  if (args.length === 0 && filenames.length === 0) throw new CliError(MISSING_RESOURCES);
  const filters = parseFilters(selector, '');
  const infos: Info[] = [];
  const errors: Error[] = [];
  if (filenames.length) {
    for (const m of await loadManifests(filenames, { cwd: ctx.cwd, recursive: f.recursive as boolean, readStdin: ctx.io.readStdin })) {
      const obj = clone(m.obj);
      let ns: string;
      try {
        ns = namespaceFor(obj, ctx.namespace, ctx.namespaceGiven);
      } catch (e) {
        errors.push(e as Error);
        continue;
      }
      const type = typeForKind(obj.kind, obj.apiVersion);
      if (!type) {
        errors.push(new CliError(`resource mapping not found for name: "${obj.metadata?.name}" namespace: "${ns}" from "${m.source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`));
        continue;
      }
      if (!matchesSelector(filters.labels, obj.metadata?.labels)) continue;
      if (ns) obj.metadata.namespace = ns;
      infos.push({ type, obj });
    }
  }
  if (args.length) {
    const { requests, names } = parseResourceArgs(args);
    const bulk = all || selector !== '';
    if (names && selector) throw new CliError('name cannot be provided when a selector is specified');
    if (!names && !bulk) throw new CliError('resource(s) were provided, but no name was specified');
    for (const r of requests) {
      if (r.name === undefined) {
        for (const obj of listObjects(session.store, r.type, ctx.namespace, false, filters)) infos.push({ type: r.type, obj: clone(obj) });
        continue;
      }
      try {
        infos.push({ type: r.type, obj: clone(getObject(session.store, r.type, ctx.namespace, r.name)) });
      } catch (e) {
        errors.push(e as Error);
      }
    }
  }
  return { infos, errors };
}

/**
 * The scale subresource: the preconditions checked against the live object, then its spec.replicas
 * written through the API server (so validation applies and the controllers follow).
 */
function scaleOne(session: Session, info: Info, replicas: number, o: { current: number; resourceVersion: string; dryRun: DryRun }): void {
  const t = info.type;
  if (!SCALABLE.has(`${t.group}/${t.kind}`)) {
    throw new CliError(`could not find scale subresource for ${t.group}/${t.version}, Resource=${t.plural} in discovery information`);
  }
  const live = getObject(session.store, t, info.obj.metadata.namespace ?? '', info.obj.metadata.name);
  if (o.current !== -1 && (live.spec?.replicas ?? 1) !== o.current) {
    throw new CliError(`Expected replicas to be ${o.current}, was ${live.spec?.replicas ?? 1}`);
  }
  if (o.resourceVersion && live.metadata.resourceVersion !== o.resourceVersion) {
    throw new CliError(`Expected resource version to be ${o.resourceVersion}, was ${live.metadata.resourceVersion}`);
  }
  const updated = clone(live);
  updated.spec = { ...updated.spec, replicas };
  session.api.update(updated, { dryRun: o.dryRun });
}

/** --timeout: the controllers run now; the workload must then report the new size (no real waiting). */
function waitForReplicas(session: Session, info: Info, replicas: number): void {
  session.reconcile();
  const live = session.store.get(info.type.kind, info.obj.metadata.namespace ?? '', info.obj.metadata.name);
  if ((live?.status?.replicas ?? 0) !== replicas) throw new CliError('timed out waiting for the condition');
}

