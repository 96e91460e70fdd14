import type { CommandContext, CommandSpec } from '../cli/command.js';
import type { KubeObject } from '../api/types.js';
import { clone } from '../api/types.js';
import { qualifiedPlural, STORED_KINDS, typeForKind } from '../api/kinds.js';
import { strategicMergePatch, threeWayPatch } from '../api/patch/index.js';
import { AggregateError, ApiError, CliError } from '../errors.js';
import { loadManifests } from '../resource/manifests.js';
import { namespaceFor } from '../resource/namespace.js';
import { sortKeys } from '../printers/json.js';
import { dryRunFlag, filenameFlags, outputFlag, printingFlags, selectorFlag, validateFlag } from './flags.js';
import { parseDryRun, printResult } from './write-output.js';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export const command: CommandSpec = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  long: `Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.

 JSON and YAML formats are accepted.`,
  examples: `# Apply the configuration in pod.json to a pod
kubectl apply -f ./pod.json

# Apply the JSON passed into stdin to a pod
cat pod.json | kubectl apply -f -

# Apply every manifest in a directory
kubectl apply -f labs/services/specs/pods`,
  usage: 'apply (-f FILENAME | -k DIRECTORY) [options]',
  flags: [
    { name: 'all', type: 'bool', description: 'Select all resources in the namespace of the specified resource types.' },
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background', description: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.' },
    dryRunFlag,
    { name: 'field-manager', type: 'string', default: 'kubectl-client-side-apply', description: 'Name of the manager used to track field ownership.' },
    ...filenameFlags('The files that contain the configurations to apply.'),
    { name: 'force', type: 'bool', description: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.' },
    { name: 'overwrite', type: 'bool', default: true, description: 'Automatically resolve conflicts between the modified and live configuration by using values from the modified configuration' },
    outputFlag('json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file'),
    { name: 'prune', type: 'bool', description: 'Automatically delete resource objects, that do not appear in the configs and are created by either apply or create --save-config. Should be used with either -l or --all.' },
    selectorFlag,
    { name: 'server-side', type: 'bool', description: 'If true, apply runs in the server instead of the client.' },
    validateFlag,
    { name: 'wait', type: 'bool', description: 'If true, wait for resources to be gone before returning. This waits for finalizers.' },
    ...printingFlags,
  ],
  run: runApply,
};

/** The annotation kubectl stores: the config as applied, compact JSON with sorted keys. */
export function lastAppliedOf(config: KubeObject): string {
  const c = clone(config);
  const ann = { ...(c.metadata.annotations ?? {}) };
  delete ann[LAST_APPLIED];
  c.metadata.annotations = ann;
  return `${JSON.stringify(sortKeys(c))}\n`;
}

function withLastApplied(config: KubeObject): KubeObject {
  const o = clone(config);
  o.metadata.annotations = { ...(o.metadata.annotations ?? {}), [LAST_APPLIED]: lastAppliedOf(config) };
  return o;
}

async function runApply(ctx: CommandContext): Promise<void> {
  const f = ctx.parsed.flags;
  const filenames = f.filename as string[];
  if (f.kustomize) throw new CliError('kustomize directories are not simulated by kubesim; pass the manifests with -f');
  if (filenames.length === 0) throw new CliError('error: must specify one of -f and -k');
  const dryRun = parseDryRun(f['dry-run'] as string);
  const manifests = await loadManifests(filenames, { cwd: ctx.cwd, recursive: f.recursive as boolean, readStdin: ctx.io.readStdin });
  const session = await ctx.session();
  const errors: Error[] = [];
  const results: Array<{ obj: KubeObject; op: string }> = [];
  for (const { obj: raw, source } of manifests) {
    try {
      const config = clone(raw);
      config.metadata = config.metadata ?? ({} as KubeObject['metadata']);
      const ns = namespaceFor(config, ctx.namespace, ctx.namespaceGiven);
      if (ns) config.metadata.namespace = ns;
      const t = typeForKind(config.kind, config.apiVersion);
      if (!t) throw new CliError(`resource mapping not found for name: "${config.metadata.name}" namespace: "${ns}" from "${source}": no matches for kind "${config.kind}" in version "${config.apiVersion}"\nensure CRDs are installed first`);
      const live = STORED_KINDS.has(t.kind) ? session.store.get(t.kind, ns, config.metadata.name) : undefined;
      if (!live) {
        try {
          results.push({ obj: session.api.create(withLastApplied(config), { dryRun }), op: 'created' });
        } catch (e) {
          throw e instanceof ApiError ? e.withContext(`error when creating "${source}": `) : e;
        }
        continue;
      }
      const last = live.metadata.annotations?.[LAST_APPLIED];
      if (!last) {
        ctx.io.err.write(
          `Warning: resource ${t.plural}/${config.metadata.name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
        );
      }
      const next = lastAppliedOf(config);
      if (last === next) {
        results.push({ obj: live, op: 'unchanged' });
        continue;
      }
      const original = last ? JSON.parse(last) : {};
      const patch = threeWayPatch(original, withLastApplied(config));
      const merged = strategicMergePatch(live, patch) as KubeObject;
      try {
        const updated = session.api.update(merged, { dryRun });
        results.push({ obj: updated, op: updated === live ? 'unchanged' : 'configured' });
      } catch (e) {
        if (e instanceof ApiError && e.reason !== 'Invalid') {
          throw e.withContext(`error when applying patch:\n${JSON.stringify(patch)}\nto:\nResource: "${qualifiedPlural(t)}", Name: "${config.metadata.name}", Namespace: "${ns}"\nfor: "${source}": `);
        }
        throw e;
      }
    } catch (e) {
      errors.push(e as Error);
    }
  }
  for (const r of results) await printResult(ctx, r.obj, r.op, dryRun);
  if (errors.length) throw new AggregateError(errors);
}
