import type { CommandContext, CommandSpec } from '../cli/command.js';
import type { KubeObject } from '../api/types.js';
import { clone } from '../api/types.js';
import { kindPrefix, qualifiedPlural, STORED_KINDS, typeForKind, type ResourceType } from '../api/kinds.js';
import type { DeleteOptions, DryRun } from '../cluster/api-server.js';
import type { Session } from '../cluster/session.js';
import { AggregateError, ApiError, CliError } from '../errors.js';
import { loadManifests, type ManifestObject } from '../resource/manifests.js';
import { namespaceFor } from '../resource/namespace.js';
import { dryRunFlag, outputFlag, printingFlags } from './flags.js';
import { parseDryRun, printResult } from './write-output.js';
import { checkOutput, checkValidate, createValidateFlag, fieldManagerFlag, OUTPUT_FORMATS, saveConfigFlag, withApplyAnnotation } from './create/common.js';

export const command: CommandSpec = {
  name: 'replace',
  short: 'Replace a resource by file name or stdin',
  long: `Replace existing resources with the complete definitions given in files or on standard input.

 JSON and YAML formats are accepted. The file must describe the whole object, not only the fields to change: a convenient starting point is the output of

    $ kubectl get TYPE NAME -o yaml

 With --force the objects are deleted and created again instead of being updated in place.`,
  examples: `# Replace a deployment with the definition in web.yaml
kubectl replace -f ./web.yaml

# Replace from standard input
cat web.yaml | kubectl replace -f -

# Change a pod's image and put it back
kubectl get pod web -o yaml | sed 's/nginx:1.25/nginx:1.27/' | kubectl replace -f -

# Delete the objects and create them again
kubectl replace --force -f ./web.yaml`,
  usage: 'replace -f FILENAME [options]',
  flags: [
    {
      name: 'cascade',
      type: 'string',
      default: 'background',
      noOptDefault: 'background',
      description: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.',
    },
    dryRunFlag,
    fieldManagerFlag('kubectl-replace'),
    { name: 'filename', short: 'f', type: 'stringSlice', description: 'The files that contain the configurations to replace.' },
    {
      name: 'force',
      type: 'bool',
      description: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.',
    },
    {
      name: 'grace-period',
      type: 'int',
      default: -1,
      description: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).',
    },
    { name: 'kustomize', short: 'k', type: 'string', description: "Process a kustomization directory. This flag can't be used together with -f or -R." },
    outputFlag(OUTPUT_FORMATS),
    { name: 'raw', type: 'string', description: 'Raw URI to PUT to the server.  Uses the transport specified by the kubeconfig file.' },
    {
      name: 'recursive',
      short: 'R',
      type: 'bool',
      description: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
    },
    saveConfigFlag,
    { name: 'subresource', type: 'string', description: 'If specified, replace will operate on the subresource of the requested object. This flag is beta and may change in the future.' },
    { name: 'timeout', type: 'duration', default: '0s', description: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object' },
    createValidateFlag,
    { name: 'wait', type: 'bool', description: 'If true, wait for resources to be gone before returning. This waits for finalizers.' },
    ...printingFlags,
  ],
  run: runReplace,
};

interface Prepared {
  obj: KubeObject;
  type: ResourceType;
  source: string;
}

async function runReplace(ctx: CommandContext): Promise<void> {
  const f = ctx.parsed.flags;
  // Complete(): validation mode, dry-run strategy, printer, cascade, then a file is required.
  checkValidate(ctx);
  const dryRun = parseDryRun(f['dry-run'] as string);
  checkOutput(ctx);
  const cascade = parseCascade(f.cascade as string);
  const filenames = f.filename as string[];
  if (filenames.length === 0 && !f.kustomize) throw new CliError('must specify one of -f and -k');
  // Validate().
  const force = f.force as boolean;
  if ((f['grace-period'] as number) >= 0 && !force) throw new CliError('--grace-period must have --force specified');
  if (f.timeout !== '0s' && f.timeout !== '0' && !force) throw new CliError('--timeout must have --force specified');
  if (force && dryRun !== 'none') throw new CliError('--dry-run can not be used when --force is set');
  if (f.raw) throw new CliError('--raw is not simulated by kubesim: there is no HTTP server to PUT to');
  if (f.kustomize) throw new CliError('kustomize directories are not simulated by kubesim; pass the manifests with -f');
  if (f.subresource) throw new CliError('--subresource is not simulated by kubesim');

  const manifests = await loadManifests(filenames, { cwd: ctx.cwd, recursive: f.recursive as boolean, readStdin: ctx.io.readStdin });
  if (force) return forceReplace(ctx, manifests, cascade);
  const session = dryRun === 'client' ? undefined : await ctx.session();
  const errors: Error[] = [];
  for (const m of manifests) {
    try {
      const p = prepare(ctx, m);
      const obj = withApplyAnnotation(p.obj, f['save-config'] as boolean, false);
      if (!session) printResult(ctx, obj, 'replaced', dryRun);
      else printResult(ctx, replaceOne(session, p.type, obj, p.source, dryRun), 'replaced', dryRun);
    } catch (e) {
      errors.push(e as Error);
    }
  }
  if (errors.length) throw new AggregateError(errors);
}

function parseCascade(v: string): DeleteOptions['cascade'] {
  switch (v) {
    case 'background':
    case 'true':
      return 'background';
    case 'orphan':
    case 'false':
      return 'orphan';
    case 'foreground':
      return 'foreground';
    default:
      throw new CliError(`invalid cascade value (${v}). Must be "background", "foreground", or "orphan"`);
  }
}

/** The builder's part: namespace from the file or -n, and a known kind. */
function prepare(ctx: CommandContext, m: ManifestObject): Prepared {
  const obj = clone(m.obj);
  obj.metadata = obj.metadata ?? ({} as KubeObject['metadata']);
  const ns = namespaceFor(obj, ctx.namespace, ctx.namespaceGiven);
  const type = typeForKind(obj.kind, obj.apiVersion);
  if (!type) {
    throw new CliError(
      `resource mapping not found for name: "${obj.metadata.name ?? ''}" namespace: "${ns}" from "${m.source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`,
    );
  }
  if (type.namespaced) obj.metadata.namespace = ns;
  return { obj, type, source: m.source };
}

/**
 * One PUT: the object must exist, and a resourceVersion in the file must still be the live one
 * (the API server checks that); without one the update is unconditional.
 */
function replaceOne(session: Session, t: ResourceType, obj: KubeObject, source: string, dryRun: DryRun): KubeObject {
  try {
    const ns = t.namespaced ? (obj.metadata.namespace ?? '') : '';
    if (!STORED_KINDS.has(t.kind) || !session.store.get(t.kind, ns, obj.metadata.name)) throw ApiError.notFound(qualifiedPlural(t), obj.metadata.name);
    return session.api.update(obj, { dryRun });
  } catch (e) {
    throw e instanceof ApiError ? e.withContext(`error when replacing "${source}": `) : e;
  }
}

/**
 * `replace --force`: delete every object (a missing one is fine), wait until they are gone, then create
 * them from the files. Deletions print `kind "name" deleted`, creations `kind/name replaced`.
 */
async function forceReplace(ctx: CommandContext, manifests: ManifestObject[], cascade: DeleteOptions['cascade']): Promise<void> {
  const session = await ctx.session();
  const prepared: Prepared[] = [];
  const errors: Error[] = [];
  for (const m of manifests) {
    try {
      prepared.push(prepare(ctx, m));
    } catch (e) {
      errors.push(e as Error);
    }
  }
  if (errors.length) throw new AggregateError(errors);
  const byName = ctx.parsed.flags.output === 'name';
  for (const { obj, type } of prepared) {
    const ref = { kind: type.kind, namespace: type.namespaced ? (obj.metadata.namespace ?? '') : '', name: obj.metadata.name };
    if (!STORED_KINDS.has(type.kind) || !session.store.get(ref.kind, ref.namespace, ref.name)) continue;
    try {
      session.api.delete(ref, { cascade, gracePeriodSeconds: 1 });
      ctx.io.out.write(byName ? `${kindPrefix(type)}/${ref.name}\n` : `${kindPrefix(type)} "${ref.name}" deleted\n`);
    } catch (e) {
      if (!(e instanceof ApiError && e.reason === 'NotFound')) errors.push(e instanceof ApiError ? e.withContext(`error when deleting "${sourceOf(prepared, obj)}": `) : (e as Error));
    }
  }
  if (errors.length) throw new AggregateError(errors);
  waitUntilGone(session, prepared);
  for (const { obj } of prepared) {
    try {
      const created = session.api.create(withApplyAnnotation(obj, ctx.parsed.flags['save-config'] as boolean, false));
      printResult(ctx, created, 'replaced', 'none');
    } catch (e) {
      errors.push(e as Error);
    }
  }
  if (errors.length) throw new AggregateError(errors);
}

function sourceOf(prepared: Prepared[], obj: KubeObject): string {
  return prepared.find((p) => p.obj === obj)?.source ?? '';
}

/**
 * kubectl polls until every deleted object is gone. Objects that linger (a namespace being emptied,
 * finalizers) get the controllers a chance to finish; one still there after that is a timeout.
 */
function waitUntilGone(session: Session, prepared: Prepared[]): void {
  const present = () =>
    prepared.some(({ obj, type }) => STORED_KINDS.has(type.kind) && session.store.get(type.kind, type.namespaced ? (obj.metadata.namespace ?? '') : '', obj.metadata.name));
  if (!present()) return;
  session.reconcile();
  if (present()) throw new CliError('timed out waiting for the condition');
}
