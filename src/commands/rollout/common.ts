import type { CommandContext } from '../../cli/command.js';
import type { FlagSpec } from '../../cli/flags.js';
import type { KubeObject } from '../../api/types.js';
import { clone } from '../../api/types.js';
import { qualifiedPlural, typeForKind } from '../../api/kinds.js';
import type { Session } from '../../cluster/session.js';
import { CliError } from '../../errors.js';
import { filenameFlags, outputFlag, printingFlags } from '../flags.js';
import { finishWithErrors, resolveTargets, type Target } from '../metadata-update.js';
import { printResult } from '../write-output.js';

/** What the rollout subcommands share: flags, picking the objects, and kubectl's per-object error texts. */

export const ROLLOUT_FILENAME = 'Filename, directory, or URL to files identifying the resource to get from a server.';

export const rolloutSelectorFlag: FlagSpec = {
  name: 'selector',
  short: 'l',
  type: 'string',
  description: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
};

export const rolloutOutputFlag = outputFlag('json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file');

/** Flags of pause / resume / restart. */
export function patchVerbFlags(): FlagSpec[] {
  return [
    { name: 'field-manager', type: 'string', default: 'kubectl-rollout', description: 'Name of the manager used to track field ownership.' },
    ...filenameFlags(ROLLOUT_FILENAME),
    rolloutOutputFlag,
    rolloutSelectorFlag,
    ...printingFlags,
  ];
}

/** Every rollout subcommand wants a resource argument or -f first. */
export function requireResource(ctx: CommandContext): void {
  if (ctx.parsed.args.length === 0 && (ctx.parsed.flags.filename as string[]).length === 0) {
    throw new CliError('required resource not specified');
  }
}

/**
 * The objects named by TYPE NAME…, TYPE/NAME…, -f or -l, as the rollout builders select them: a bare
 * TYPE means every object of that type in the namespace (ResourceTypeOrNameArgs with an empty selector
 * allowed). Objects that could not be got come back as errors, in order.
 */
export async function rolloutTargets(ctx: CommandContext, session: Session): Promise<Target[]> {
  const f = ctx.parsed.flags;
  const { targets } = await resolveTargets(
    ctx,
    {
      resources: ctx.parsed.args,
      filenames: f.filename as string[],
      recursive: f.recursive as boolean,
      selector: (f.selector as string) ?? '',
      fieldSelector: '',
      all: true,
      allNamespaces: false,
      local: false,
      allowSelectors: true,
    },
    session,
  );
  return targets;
}

/** `deployments.apps "x"` — how the rollout verbs name an object in their per-object errors. */
export function resourceName(obj: KubeObject): string {
  const t = typeForKind(obj.kind, obj.apiVersion);
  return `${t ? qualifiedPlural(t) : obj.kind.toLowerCase()} ${JSON.stringify(obj.metadata.name)}`;
}

/** `No resources found in NS namespace.` — on stdout, as pause/resume/restart print it. */
export function noResources(ctx: CommandContext): string {
  return `No resources found in ${ctx.namespace} namespace.\n`;
}

/** One of pause / resume / restart: how it changes an object (throwing kubectl's reason when it cannot). */
export interface PatchVerb {
  /** Changes `obj` in place; throws an Error whose message follows the object's name in the report. */
  change(obj: KubeObject, session: Session): void;
  /** `paused`, `resumed`, `restarted`. */
  operation: string;
  /** The report line for an object the change left as it was. */
  unchanged(obj: KubeObject): { print?: string; error?: string };
  /** restart's per-object errors carry their own `error: ` prefix. */
  errorPrefix: string;
}

/**
 * The shared loop (set.CalculatePatches + patch + print): objects that cannot be changed are reported at
 * the end while the others are written; `No resources found in NS namespace.` when nothing matched.
 */
export async function runPatchVerb(ctx: CommandContext, verb: PatchVerb): Promise<void> {
  requireResource(ctx);
  const session = await ctx.session();
  const targets = await rolloutTargets(ctx, session);
  const errors: Error[] = targets.filter((t) => t.error).map((t) => t.error!);
  const objs = targets.filter((t) => t.obj).map((t) => t.obj!);
  if (objs.length === 0 && errors.length === 0) {
    ctx.io.out.write(noResources(ctx));
    return;
  }
  let wrote = false;
  for (const obj of objs) {
    const before = JSON.stringify(obj);
    const changed = clone(obj);
    try {
      verb.change(changed, session);
    } catch (e) {
      errors.push(new CliError(`${verb.errorPrefix}${resourceName(obj)} ${(e as Error).message}`));
      continue;
    }
    if (JSON.stringify(changed) === before) {
      const u = verb.unchanged(obj);
      if (u.error) errors.push(new CliError(u.error));
      if (u.print) ctx.io.out.write(`${u.print}\n`);
      continue;
    }
    let stored: KubeObject;
    try {
      stored = session.api.update(changed);
    } catch (e) {
      errors.push(new CliError(`failed to patch: ${(e as Error).message}`));
      continue;
    }
    wrote = true;
    await printResult(ctx, stored, verb.operation, 'none');
  }
  finishWithErrors(errors, wrote);
}
