import type { CommandContext, CommandSpec } from '../cli/command.js';
import type { KubeObject } from '../api/types.js';
import { clone } from '../api/types.js';
import { typeForKind } from '../api/kinds.js';
import { matchesSelector, parseSelector } from '../api/labels.js';
import { AggregateError, ApiError, CliError, UsageError } from '../errors.js';
import { loadManifests, type ManifestObject } from '../resource/manifests.js';
import { namespaceFor } from '../resource/namespace.js';
import { dryRunFlag, filenameFlags, outputFlag, printingFlags } from './flags.js';
import { parseDryRun, printResult } from './write-output.js';
import { checkOutput, checkValidate, createValidateFlag, fieldManagerFlag, OUTPUT_FORMATS, saveConfigFlag, withApplyAnnotation } from './create/common.js';

const sub = (m: { command: CommandSpec }) => m.command;

export const command: CommandSpec = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  long: `Create the resources described in files, a directory of manifests, or standard input.

 JSON and YAML formats are accepted. Unlike apply, create fails for an object that already exists. The subcommands generate common objects from flags, without a manifest.`,
  examples: `# Create the objects described in a manifest
kubectl create -f ./web.yaml

# Create from a manifest read on standard input
cat web.yaml | kubectl create -f -

# Create every manifest of a directory and remember the configuration for a later apply
kubectl create -f ./manifests/ --save-config`,
  usage: 'create -f FILENAME [options]',
  flags: [
    dryRunFlag,
    { name: 'edit', type: 'bool', description: 'Edit the API resource before creating' },
    fieldManagerFlag('kubectl-create'),
    ...filenameFlags('Filename, directory, or URL to files to use to create the resource'),
    outputFlag(OUTPUT_FORMATS),
    { name: 'raw', type: 'string', description: 'Raw URI to POST to the server.  Uses the transport specified by the kubeconfig file.' },
    saveConfigFlag,
    {
      name: 'selector',
      short: 'l',
      type: 'string',
      description: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
    },
    createValidateFlag,
    { name: 'windows-line-endings', type: 'bool', description: 'Only relevant if --edit=true. Defaults to the line ending native to your platform.' },
    ...printingFlags,
  ],
  subcommands: [
    { name: 'configmap', aliases: ['cm'], short: 'Create a config map from a local file, directory or literal value', load: () => import('./create/configmap.js').then(sub) },
    { name: 'deployment', aliases: ['deploy'], short: 'Create a deployment with the specified name', load: () => import('./create/deployment.js').then(sub) },
    { name: 'namespace', aliases: ['ns'], short: 'Create a namespace with the specified name', load: () => import('./create/namespace.js').then(sub) },
    { name: 'secret', short: 'Create a secret using a specified subcommand', load: () => import('./create/secret.js').then(sub) },
    { name: 'service', aliases: ['svc'], short: 'Create a service using a specified subcommand', load: () => import('./create/service.js').then(sub) },
    { name: 'serviceaccount', aliases: ['sa'], short: 'Create a service account with the specified name', load: () => import('./create/serviceaccount.js').then(sub) },
  ],
  run: runCreate,
};

async function runCreate(ctx: CommandContext): Promise<void> {
  const f = ctx.parsed.flags;
  // Complete(): stray words are a usage error, then the dry-run strategy, printer and validation mode.
  if (ctx.parsed.args.length) throw new UsageError(`Unexpected args: [${ctx.parsed.args.join(' ')}]`, ctx.path);
  const dryRun = parseDryRun(f['dry-run'] as string);
  checkValidate(ctx);
  checkOutput(ctx);
  const filenames = f.filename as string[];
  if (filenames.length === 0 && !f.kustomize) throw new CliError('must specify one of -f and -k');
  if (f.raw) throw new CliError('--raw is not simulated by kubesim: there is no HTTP server to POST to');
  if (f.kustomize) throw new CliError('kustomize directories are not simulated by kubesim; pass the manifests with -f');
  if (f.edit) throw new CliError('--edit is not simulated by kubesim; edit the file, then run kubectl create -f');
  const selector = f.selector ? parseSelectorOrFail(f.selector as string) : undefined;
  const manifests = await loadManifests(filenames, { cwd: ctx.cwd, recursive: f.recursive as boolean, readStdin: ctx.io.readStdin });
  const session = dryRun === 'client' ? undefined : await ctx.session();
  const errors: Error[] = [];
  let count = 0;
  for (const m of manifests) {
    if (selector && !matchesSelector(selector, m.obj.metadata?.labels)) continue;
    try {
      const obj = prepareObject(ctx, m);
      if (!session) {
        printResult(ctx, obj, 'created', dryRun);
      } else {
        printResult(ctx, createOne(session.api, obj, m.source, dryRun), 'created', dryRun);
      }
      count++;
    } catch (e) {
      errors.push(e as Error);
    }
  }
  if (errors.length) throw new AggregateError(errors);
  if (count === 0) throw new CliError('no objects passed to create');
}

function parseSelectorOrFail(s: string) {
  try {
    return parseSelector(s);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
}

/**
 * What the resource builder does before the request: the object gets -n / the default namespace
 * (namespaced kinds only), an unknown kind is refused, and --save-config (or an existing
 * last-applied annotation) writes the sorted-key configuration into the annotation.
 */
function prepareObject(ctx: CommandContext, m: ManifestObject): KubeObject {
  const obj = clone(m.obj);
  obj.metadata = obj.metadata ?? ({} as KubeObject['metadata']);
  const t = typeForKind(obj.kind, obj.apiVersion);
  const ns = namespaceFor(obj, ctx.namespace, ctx.namespaceGiven);
  if (!t) {
    throw new CliError(
      `resource mapping not found for name: "${obj.metadata.name ?? ''}" namespace: "${ns}" from "${m.source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`,
    );
  }
  if (t.namespaced) obj.metadata.namespace = ns;
  return withApplyAnnotation(obj, ctx.parsed.flags['save-config'] as boolean, false);
}

/** POSTs one object; server errors name the file they came from (`error when creating "f.yaml": …`). */
function createOne(api: { create(o: KubeObject, opts: { dryRun: 'none' | 'server' | 'client' }): KubeObject }, obj: KubeObject, source: string, dryRun: 'none' | 'server' | 'client'): KubeObject {
  try {
    // Like kubectl's resource helper, drop a resourceVersion (e.g. from a saved `get -o yaml`) before the POST.
    const body = clone(obj);
    delete body.metadata.resourceVersion;
    return api.create(body, { dryRun });
  } catch (e) {
    throw e instanceof ApiError ? e.withContext(`error when creating "${source}": `) : e;
  }
}
