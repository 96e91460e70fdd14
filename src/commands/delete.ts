import type { CommandContext, CommandSpec } from '../cli/command.js';
import type { KubeObject } from '../api/types.js';
import { kindPrefix, typeForKind, type ResourceType } from '../api/kinds.js';
import { AggregateError, CliError } from '../errors.js';
import { parseResourceArgs } from '../resource/args.js';
import { loadManifests } from '../resource/manifests.js';
import { namespaceFor } from '../resource/namespace.js';
import { getObject, listObjects, parseFilters } from '../resource/select.js';
import type { DeleteOptions } from '../cluster/api-server.js';
import type { Session } from '../cluster/session.js';
import { parseGoDuration } from '../util/go-duration.js';
import { allNamespacesFlag, dryRunFlag, fieldSelectorFlag, filenameFlags, outputFlag, selectorFlag } from './flags.js';
import { parseDryRun } from './write-output.js';
import { MISSING_RESOURCES } from '../resource/args.js';


export const command: CommandSpec = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  long: `Delete resources by file names, stdin, resources and names, or by resources and label selector.

 JSON and YAML formats are accepted. Only one type of argument may be specified: file names, resources and names, or resources and label selector.

 Deleting a namespace deletes everything in it. Deleting a Deployment or ReplicaSet deletes the pods it owns unless --cascade=orphan is given.`,
  examples: `# Delete a pod using the type and name specified in pod.json
kubectl delete -f ./pod.json

# Delete pods and services with same names "baz" and "foo"
kubectl delete pod,service baz foo

# Delete pods and services with label name=myLabel
kubectl delete pods,services -l name=myLabel

# Delete a pod with minimal delay
kubectl delete pod foo --now

# Delete all pods
kubectl delete pods --all`,
  usage: 'delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
  flags: [
    { name: 'all', type: 'bool', description: 'Delete all resources, in the namespace of the specified resource types.' },
    allNamespacesFlag,
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background', description: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.' },
    dryRunFlag,
    fieldSelectorFlag,
    ...filenameFlags('containing the resource to delete.'),
    { name: 'force', type: 'bool', description: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.' },
    { name: 'grace-period', type: 'int', default: -1, description: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).' },
    { name: 'ignore-not-found', type: 'bool', description: 'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.' },
    { name: 'interactive', short: 'i', type: 'bool', description: 'If true, delete resource only when user confirms.' },
    { name: 'now', type: 'bool', description: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).' },
    outputFlag('name'),
    { name: 'raw', type: 'string', description: 'Raw URI to DELETE to the server.  Uses the transport specified by the kubeconfig file.' },
    selectorFlag,
    { name: 'timeout', type: 'duration', default: '0s', description: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object' },
    { name: 'wait', type: 'bool', default: true, description: 'If true, wait for resources to be gone before returning. This waits for finalizers.' },
  ],
  run: runDelete,
};

interface Target {
  type: ResourceType;
  obj: KubeObject;
}

async function runDelete(ctx: CommandContext): Promise<void> {
  const f = ctx.parsed.flags;
  const args = ctx.parsed.args;
  const filenames = f.filename as string[];
  const cascade = f.cascade as string;
  if (!['background', 'foreground', 'orphan', 'true', 'false'].includes(cascade)) {
    throw new CliError(`invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan"`);
  }
  const dryRun = parseDryRun(f['dry-run'] as string);
  const all = f.all as boolean;
  const selector = f.selector as string;
  const fieldSel = f['field-selector'] as string;
  if (all && selector) throw new CliError(`setting 'all' parameter but found a non empty selector. `);
  if (args.length === 0 && filenames.length === 0) throw new CliError(MISSING_RESOURCES);
  const force = f.force as boolean;
  const grace = f.now ? 1 : (f['grace-period'] as number);
  if (grace === 0 && !force) throw new CliError('--grace-period must have --force specified');
  const bulk = all || selector !== '' || fieldSel !== '';
  const ignoreNotFound = (f['ignore-not-found'] as boolean) || (bulk && !ctx.parsed.given.has('ignore-not-found'));

  const session = await ctx.session();
  const errors: Error[] = [];
  const targets: Target[] = [];
  const allNs = f['all-namespaces'] as boolean;
  if (filenames.length) {
    for (const m of await loadManifests(filenames, { cwd: ctx.cwd, recursive: f.recursive as boolean, readStdin: ctx.io.readStdin })) {
      const type = typeForKind(m.obj.kind, m.obj.apiVersion);
      if (!type) continue;
      try {
        targets.push({ type, obj: getObject(session.store, type, namespaceFor(m.obj, ctx.namespace, ctx.namespaceGiven), m.obj.metadata?.name) });
      } catch (e) {
        if (!ignoreNotFound) errors.push(e as Error);
      }
    }
  } else {
    const { requests, names } = parseResourceArgs(args);
    if (names && bulk) throw new CliError('name cannot be provided when a selector is specified');
    if (!names && !bulk) throw new CliError('resource(s) were provided, but no name was specified');
    const filters = parseFilters(selector, fieldSel);
    for (const r of requests) {
      if (r.name !== undefined) {
        try {
          targets.push({ type: r.type, obj: getObject(session.store, r.type, ctx.namespace, r.name) });
        } catch (e) {
          if (!ignoreNotFound) errors.push(e as Error);
        }
      } else {
        for (const obj of listObjects(session.store, r.type, ctx.namespace, allNs, filters)) targets.push({ type: r.type, obj });
      }
    }
    if (targets.length === 0 && errors.length === 0 && bulk) {
      ctx.io.out.write('No resources found\n');
      return;
    }
  }
  if (force && grace === 0 && targets.length) {
    ctx.io.err.write('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  }
  const opts: DeleteOptions = { cascade: cascade === 'false' ? 'orphan' : cascade === 'true' ? 'background' : (cascade as DeleteOptions['cascade']), ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}) };
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  const deleted: Target[] = [];
  for (const t of targets) {
    const { type, obj } = t;
    try {
      session.api.delete({ kind: type.kind, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name }, opts, dryRun);
      deleted.push(t);
      if (f.output === 'name') ctx.io.out.write(`${kindPrefix(type)}/${obj.metadata.name}\n`);
      else ctx.io.out.write(`${kindPrefix(type)} "${obj.metadata.name}" ${force && grace === 0 ? 'force deleted' : 'deleted'}${suffix}\n`);
    } catch (e) {
      errors.push(e as Error);
    }
  }
  // kubectl delete waits (--wait, the default) until the objects are really gone: a pod whose process
  // ignores SIGTERM takes its whole grace period. With a frozen clock that is at once.
  if (f.wait && dryRun === 'none' && deleted.length) {
    await session.commit();
    const timeoutMs = parseGoDuration(f.timeout as string) || 7 * 24 * 3600 * 1000;
    const gone = await ctx.poll((s) => (deleted.every(({ type, obj }) => !stillThere(s, type.kind, obj)) ? true : undefined), { timeoutMs });
    if (!gone) errors.push(new CliError('timed out waiting for the condition'));
  }
  if (errors.length) throw new AggregateError(errors);
}

function stillThere(s: Session, kind: string, obj: KubeObject): boolean {
  const live = s.store.get(kind, obj.metadata.namespace ?? '', obj.metadata.name);
  return Boolean(live && live.metadata.uid === obj.metadata.uid);
}
