import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandContext, CommandSpec } from '../cli/command.js';
import type { KubeObject } from '../api/types.js';
import { typeForKind } from '../api/kinds.js';
import { AggregateError, CliError, ExitError } from '../errors.js';
import { parseResourceArgs } from '../resource/args.js';
import { loadManifests } from '../resource/manifests.js';
import { getObject, listObjects, multipleTypesRequested, noResourcesMessage, parseFilters } from '../resource/select.js';
import { GET_FORMATS, parseOutputFormat } from '../printers/output-format.js';
import { printObjects } from '../printers/print-objects.js';
import { allNamespacesFlag, fieldSelectorFlag, filenameFlags, outputFlag, printingFlags, selectorFlag } from './flags.js';

const MISSING_TYPE = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples
`;

export const command: CommandSpec = {
  name: 'get',
  short: 'Display one or many resources',
  long: `Display one or many resources.

 Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current namespace unless you pass --all-namespaces.

 By specifying the output as 'template' and providing a Go template as the value of the --template flag, you can filter the attributes of the fetched resources.

Use "kubectl api-resources" for a complete list of supported resources.`,
  examples: `# List all pods in ps output format
kubectl get pods

# List all pods in ps output format with more information (such as node name)
kubectl get pods -o wide

# List a single pod in JSON output format
kubectl get -o json pod web-pod-13je7

# List resource information in custom columns
kubectl get pod test-pod -o custom-columns=CONTAINER:.spec.containers[0].name,IMAGE:.spec.containers[0].image

# List all replication controllers and services together in ps output format
kubectl get rc,services

# List one or more resources by their type and names
kubectl get rc/web service/frontend pods/web-pod-13je7`,
  usage:
    'get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  flags: [
    allNamespacesFlag,
    { name: 'chunk-size', type: 'int', default: 500, description: 'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.' },
    fieldSelectorFlag,
    ...filenameFlags('Filename, directory, or URL to files identifying the resource to get from a server.'),
    { name: 'ignore-not-found', type: 'bool', description: 'If set to true, suppresses NotFound error for specific objects that do not exist. Using this flag with commands that query for collections of resources has no effect when no resources are found.' },
    { name: 'label-columns', short: 'L', type: 'stringSlice', description: 'Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2...' },
    { name: 'no-headers', type: 'bool', description: 'When using the default or custom-column output format, don\'t print headers (default print headers).' },
    outputFlag('json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide'),
    { name: 'output-watch-events', type: 'bool', description: 'Output watch event objects when --watch or --watch-only is used. Existing objects are output as initial ADDED events.' },
    { name: 'raw', type: 'string', description: 'Raw URI to request from the server.  Uses the transport specified by the kubeconfig file.' },
    selectorFlag,
    { name: 'server-print', type: 'bool', default: true, description: 'If true, have the server return the appropriate table output. Supports extension APIs and CRDs.' },
    { name: 'show-kind', type: 'bool', description: 'If present, list the resource type for the requested object(s).' },
    { name: 'show-labels', type: 'bool', description: 'When printing, show all labels as the last column (default hide labels column)' },
    { name: 'sort-by', type: 'string', description: "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string." },
    { name: 'subresource', type: 'string', description: 'If specified, gets the subresource of the requested object. This flag is beta and may change in the future.' },
    { name: 'watch', short: 'w', type: 'bool', description: 'After listing/getting the requested object, watch for changes.' },
    { name: 'watch-only', type: 'bool', description: 'Watch for changes to the requested object(s), without listing/getting first.' },
    ...printingFlags,
  ],
  readOnly: true,
  run: runGet,
};

async function runGet(ctx: CommandContext): Promise<void> {
  const f = ctx.parsed.flags;
  const args = ctx.parsed.args;
  const filenames = f.filename as string[];
  const format = parseOutputFormat(f.output as string, GET_FORMATS, (p) => readFileSync(resolve(ctx.cwd, p), 'utf8'));
  // --- watch hook (owned by src/commands/watch.ts): -w / --watch-only hand over to the watch engine.
  if (f.watch || f['watch-only']) return (await import('./watch.js')).runWatch(ctx, format);
  // --- end of watch hook
  if (args.length === 0 && filenames.length === 0) {
    throw new ExitError(1, MISSING_TYPE);
  }
  const allNs = f['all-namespaces'] as boolean;
  const filters = parseFilters(f.selector as string, f['field-selector'] as string);
  const session = await ctx.session();
  const snap = session.store;
  const errors: Error[] = [];
  const objs: KubeObject[] = [];
  let single = false;
  let requests: ReturnType<typeof parseResourceArgs>['requests'] = [];

  if (filenames.length) {
    const manifests = await loadManifests(filenames, { cwd: ctx.cwd, recursive: f.recursive as boolean, readStdin: ctx.io.readStdin });
    for (const m of manifests) {
      const t = typeForKind(m.obj.kind, m.obj.apiVersion);
      if (!t) continue;
      try {
        objs.push(getObject(snap, t, m.obj.metadata?.namespace ?? ctx.namespace, m.obj.metadata?.name));
      } catch (e) {
        errors.push(e as Error);
      }
    }
    single = manifests.length === 1;
  } else {
    const parsed = parseResourceArgs(args);
    requests = parsed.requests;
    if (parsed.names && allNs) throw new CliError('a resource cannot be retrieved by name across all namespaces');
    single = parsed.names && requests.length === 1;
    for (const r of requests) {
      if (r.name !== undefined) {
        try {
          objs.push(getObject(snap, r.type, ctx.namespace, r.name));
        } catch (e) {
          if (!f['ignore-not-found']) errors.push(e as Error);
        }
      } else objs.push(...listObjects(snap, r.type, ctx.namespace, allNs, filters));
    }
  }

  // --sort-by brings the JSONPath engine; a plain `get` does not load it (start-up time).
  const sorted = f['sort-by'] ? (await import('../printers/sort.js')).sortObjects(objs, f['sort-by'] as string) : objs;
  const kinds = new Set(sorted.map((o) => o.kind));
  if (sorted.length === 0 && errors.length === 0 && !filenames.length && !requests.some((r) => r.name)) {
    if (format.kind === 'table' || format.kind === 'name' || format.kind === 'custom-columns') {
      ctx.io.err.write(noResourcesMessage(requests, ctx.namespace, allNs));
      return;
    }
  }
  if (sorted.length > 0 || (format.kind !== 'table' && format.kind !== 'name' && format.kind !== 'custom-columns' && errors.length === 0)) {
    ctx.io.out.write(
      await printObjects(sorted, {
        format,
        now: session.now,
        snapshot: snap,
        withNamespace: allNs,
        showLabels: f['show-labels'] as boolean,
        labelColumns: f['label-columns'] as string[],
        noHeaders: f['no-headers'] as boolean,
        asList: !single,
        kindPrefix: (f['show-kind'] as boolean) || multipleTypesRequested(args) || kinds.size > 1,
      }),
    );
  }
  if (errors.length) throw new AggregateError(errors);
}
