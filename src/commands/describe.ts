import type { CommandContext, CommandSpec } from '../cli/command.js';
import type { KubeObject } from '../api/types.js';
import { STORED_KINDS, typeForKind } from '../api/kinds.js';
import { AggregateError, ApiError, CliError } from '../errors.js';
import { parseResourceArgs } from '../resource/args.js';
import { loadManifests } from '../resource/manifests.js';
import { namespaceFor } from '../resource/namespace.js';
import { getObject, listObjects, noResourcesMessage, parseFilters } from '../resource/select.js';
import { describeMany } from '../printers/describe/index.js';
import { allNamespacesFlag, filenameFlags, selectorFlag } from './flags.js';

export const command: CommandSpec = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  long: `Show details of a specific resource or group of resources.

 Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:

        $ kubectl describe TYPE NAME_PREFIX

 will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for every resource that has a name prefixed with NAME_PREFIX.

Use "kubectl api-resources" for a complete list of supported resources.`,
  examples: `# Describe a node
kubectl describe nodes kubesim-worker

# Describe a pod
kubectl describe pods/nginx

# Describe pods by label name=myLabel
kubectl describe pods -l name=myLabel

# Describe all pods managed by the 'frontend' replication controller
kubectl describe pods frontend`,
  usage: 'describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
  flags: [
    allNamespacesFlag,
    { name: 'chunk-size', type: 'int', default: 500, description: 'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.' },
    ...filenameFlags('Filename, directory, or URL to files containing the resource to describe'),
    selectorFlag,
    { name: 'show-events', type: 'bool', default: true, description: 'If true, display events related to the described object.' },
  ],
  readOnly: true,
  run: runDescribe,
};

async function runDescribe(ctx: CommandContext): Promise<void> {
  const f = ctx.parsed.flags;
  const args = ctx.parsed.args;
  const filenames = f.filename as string[];
  if (args.length === 0 && filenames.length === 0) {
    throw new CliError(`You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n`);
  }
  const session = await ctx.session();
  const snap = session.store;
  const allNs = f['all-namespaces'] as boolean;
  const errors: Error[] = [];
  const objs: KubeObject[] = [];
  if (filenames.length) {
    for (const m of await loadManifests(filenames, { cwd: ctx.cwd, recursive: f.recursive as boolean, readStdin: ctx.io.readStdin })) {
      const t = typeForKind(m.obj.kind, m.obj.apiVersion);
      if (!t) continue;
      try {
        objs.push(getObject(snap, t, namespaceFor(m.obj, ctx.namespace, ctx.namespaceGiven), m.obj.metadata?.name));
      } catch (e) {
        errors.push(e as Error);
      }
    }
  } else {
    const { requests } = parseResourceArgs(args);
    const filters = parseFilters(f.selector as string, '');
    let listed = false;
    for (const r of requests) {
      if (r.name === undefined) {
        listed = true;
        objs.push(...listObjects(snap, r.type, ctx.namespace, allNs, filters));
        continue;
      }
      try {
        objs.push(getObject(snap, r.type, ctx.namespace, r.name));
      } catch (e) {
        // kubectl describe TYPE NAME_PREFIX: no exact match → every object whose name starts with it.
        const byPrefix = STORED_KINDS.has(r.type.kind)
          ? snap.list(r.type.kind, r.type.namespaced ? ctx.namespace : undefined).filter((o) => o.metadata.name.startsWith(r.name!))
          : [];
        if (byPrefix.length) objs.push(...byPrefix);
        else errors.push(e as ApiError);
      }
    }
    if (listed && objs.length === 0 && errors.length === 0) {
      ctx.io.err.write(noResourcesMessage(requests, ctx.namespace, allNs));
      return;
    }
  }
  if (objs.length) {
    ctx.io.out.write(describeMany(objs, { snapshot: snap, now: session.now, kubectlVersion: session.state.cluster.kubectlVersion, showEvents: f['show-events'] as boolean }));
  }
  if (errors.length) throw new AggregateError(errors);
}
