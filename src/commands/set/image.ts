import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandContext, CommandSpec } from '../../cli/command.js';
import type { Json, KubeObject } from '../../api/types.js';
import { typeForKind } from '../../api/kinds.js';
import { CliError } from '../../errors.js';
import { OBJECT_FORMATS, parseOutputFormat } from '../../printers/output-format.js';
import { dryRunFlag, filenameFlags, outputFlag, printingFlags } from '../flags.js';
import { finishWithErrors, resolveTargets, splitResourcesAndPairs } from '../metadata-update.js';
import { parseDryRun, printResult } from '../write-output.js';
import { MISSING_RESOURCES } from '../../resource/args.js';


const LOCAL_RESOURCE = `error: you must specify resources by --filename when --local is set.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'`;

export const command: CommandSpec = {
  name: 'image',
  short: 'Update the image of a pod template',
  long: `Change the image of one or more containers of pods, or of the pod templates of workloads.

 Possible resources include (case insensitive):

        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)`,
  examples: `# Run nginx:1.25 in the nginx container of the web deployment, and busybox:1.36 in its sidecar
kubectl set image deployment/web nginx=nginx:1.25 sidecar=busybox:1.36

# Change the nginx container of every deployment and replica set of the namespace
kubectl set image deployments,rs nginx=nginx:1.25 --all

# Use one image for every container of a daemon set
kubectl set image daemonset fluentd *=fluentd:v1.16

# Show the changed manifest of a local file without contacting the cluster
kubectl set image -f web.yaml nginx=nginx:1.25 --local -o yaml`,
  usage: 'set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]',
  flags: [
    { name: 'all', type: 'bool', description: 'Select all resources, in the namespace of the specified resource types' },
    dryRunFlag,
    { name: 'field-manager', type: 'string', default: 'kubectl-set', description: 'Name of the manager used to track field ownership.' },
    ...filenameFlags('Filename, directory, or URL to files identifying the resource to get from a server.'),
    { name: 'local', type: 'bool', description: 'If true, set image will NOT contact api-server but run locally.' },
    outputFlag('json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file'),
    { name: 'record', type: 'bool', hidden: true, description: 'Record current kubectl command in the resource annotation.' },
    {
      name: 'selector',
      short: 'l',
      type: 'string',
      description: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
    },
    ...printingFlags,
  ],
  run: runSetImage,
};

async function runSetImage(ctx: CommandContext): Promise<void> {
  const f = ctx.parsed.flags;
  // pflag prints a deprecated flag's notice while parsing, before anything else.
  if (ctx.parsed.given.has('record')) ctx.io.err.write('Flag --record has been deprecated, --record will be removed in the future\n');
  const dryRun = parseDryRun(f['dry-run'] as string);
  const local = f.local as boolean;
  if (local && dryRun === 'server') throw new CliError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  if (f.output) parseOutputFormat(f.output as string, OBJECT_FORMATS, (p) => readFileSync(resolve(ctx.cwd, p), 'utf8'));
  const { resources, pairs } = splitResourcesAndPairs(ctx.parsed.args, 'image');
  const images = parseImagePairs(pairs);
  const filenames = f.filename as string[];
  if (local && resources.length) throw new CliError(LOCAL_RESOURCE);
  if (!resources.length && !filenames.length) throw new CliError(MISSING_RESOURCES);

  // The builder: every object must be found before anything is changed.
  const session = local ? undefined : await ctx.session();
  const { targets } = await resolveTargets(
    ctx,
    { resources, filenames, recursive: f.recursive as boolean, selector: f.selector as string, fieldSelector: '', all: f.all as boolean, allNamespaces: false, local, allowSelectors: true },
    session,
  );
  finishWithErrors(targets.filter((t) => t.error).map((t) => t.error!), false);
  finishWithErrors(validate(f.all as boolean, f.selector as string, images), false);

  const containerErrors: Error[] = [];
  const objectErrors: Error[] = [];
  const cause = f.record ? changeCause(ctx) : undefined;
  const changes: Array<{ before: string; obj: KubeObject }> = [];
  for (const { obj } of targets) {
    const before = JSON.stringify(obj);
    const spec = podSpecOf(obj!);
    if (!spec) {
      const t = typeForKind(obj!.kind, obj!.apiVersion);
      const name = local || !t ? `${obj!.kind.toLowerCase()}/${obj!.metadata.name}` : `${t.plural}/${obj!.metadata.name}`;
      const goType = `*v1.${obj!.kind}`;
      // kubectl's message ends in a newline: alone it prints as one line, among several it leaves a blank line.
      objectErrors.push(new CliError(`error: ${name} the object is not a pod or does not have a pod template: ${goType}\n`));
      continue;
    }
    for (const [name, image] of images) {
      const found = [setImage(spec.initContainers, name, image), setImage(spec.containers, name, image), obj!.kind === 'Pod' && setImage(spec.ephemeralContainers, name, image)];
      if (!found.some(Boolean)) containerErrors.push(new CliError(`error: unable to find container named ${JSON.stringify(name)}`));
    }
    if (cause !== undefined) obj!.metadata.annotations = { ...obj!.metadata.annotations, 'kubernetes.io/change-cause': cause };
    changes.push({ before, obj: obj! });
  }

  let wrote = false;
  for (const { before, obj } of changes) {
    // No change, no patch, and nothing printed.
    if (JSON.stringify(obj) === before) continue;
    if (local || dryRun === 'client') {
      await printResult(ctx, obj, 'image updated', dryRun);
      continue;
    }
    let stored: KubeObject;
    try {
      stored = session!.api.update(obj, { dryRun });
    } catch (e) {
      objectErrors.push(new CliError(`failed to patch image update to pod template: ${(e as Error).message}`));
      continue;
    }
    if (dryRun === 'none') wrote = true;
    await printResult(ctx, stored, 'image updated', dryRun);
  }
  finishWithErrors([...containerErrors, ...objectErrors], wrote);
}

/** cmdutil.ParsePairs without removals: `name=image` (split at the first `=`); anything else is invalid. */
export function parseImagePairs(pairs: string[]): Map<string, string> {
  const images = new Map<string, string>();
  const invalid: string[] = [];
  for (const p of pairs) {
    if (p.includes('=') && p[0] !== '=') images.set(p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1));
    else invalid.push(p);
  }
  if (invalid.length) throw new CliError(`invalid image format: ${invalid.join(', ')}`);
  return images;
}

function validate(all: boolean, selector: string, images: Map<string, string>): Error[] {
  const errs: Error[] = [];
  if (all && selector) errs.push(new CliError('cannot set --all and --selector at the same time'));
  if (images.size < 1) errs.push(new CliError('at least one image update is required'));
  else if (images.size > 1 && images.has('*')) {
    errs.push(new CliError('all containers are already specified by *, but saw more than one container_name=container_image pairs'));
  }
  return errs;
}

/** The pod spec inside an object, for the kinds kubectl knows how to update (else undefined). */
export function podSpecOf(obj: KubeObject): Json | undefined {
  switch (obj.kind) {
    case 'Pod':
      return (obj.spec ??= {});
    case 'ReplicationController':
    case 'Deployment':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'Job': {
      const t = ((obj.spec ??= {}).template ??= {});
      return (t.spec ??= {});
    }
    case 'CronJob': {
      const t = (((obj.spec ??= {}).jobTemplate ??= {}).spec ??= {}).template ??= {};
      return (t.spec ??= {});
    }
    default:
      return undefined;
  }
}

/** Sets the image of the container called `name` (every container for `*`); true when one matched. */
function setImage(containers: Array<{ name: string; image?: string }> | undefined, name: string, image: string): boolean {
  let found = false;
  for (const c of containers ?? []) {
    if (c.name !== name && name !== '*') continue;
    found = true;
    c.image = image;
  }
  return found;
}

/**
 * --record's change cause: the command line as kubectl reconstructs it — `kubectl`, the arguments, then
 * every flag given as `--name=value` in the order given.
 */
function changeCause(ctx: CommandContext): string {
  const f = ctx.parsed.flags;
  const flags = [...ctx.parsed.given].map((name) => {
    const v = f[name];
    return ` --${name}=${Array.isArray(v) ? v.join(',') : String(v)}`;
  });
  return `${ctx.path} ${ctx.parsed.args.join(' ')}${flags.join('')}`;
}
