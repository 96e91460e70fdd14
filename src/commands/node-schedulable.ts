/**
 * What `cordon`, `uncordon` and `drain` share (kubectl keeps all three in pkg/cmd/drain): the node
 * arguments and -l, --dry-run, and marking nodes (un)schedulable with kubectl's messages.
 */
import type { CommandContext } from '../cli/command.js';
import type { FlagSpec } from '../cli/flags.js';
import type { DryRun } from '../cluster/api-server.js';
import type { Session } from '../cluster/session.js';
import type { KubeObject } from '../api/types.js';
import { clone } from '../api/types.js';
import { resolveResourceType } from '../api/kinds.js';
import { CliError, UsageError } from '../errors.js';
import { UnknownTypeError } from '../resource/args.js';
import { getObject, listObjects, parseFilters } from '../resource/select.js';
import { dryRunFlag } from './flags.js';
import { parseDryRun } from './write-output.js';

const NODES = resolveResourceType('nodes')!;

/** -l as cordon, uncordon and drain describe it. */
export const nodeSelectorFlag: FlagSpec = {
  name: 'selector',
  short: 'l',
  type: 'string',
  description: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
};

export const nodeFlags: FlagSpec[] = [dryRunFlag, nodeSelectorFlag];

/**
 * Checks the arguments the way kubectl's drain Complete does: a node name or -l is required, not both.
 * `use` is the command's usage word (`cordon NODE`).
 */
export function checkNodeArgs(ctx: CommandContext, use: string): void {
  const args = ctx.parsed.args;
  if (args.length === 0 && !ctx.parsed.given.has('selector')) throw new UsageError(`USAGE: ${use} [flags]`, ctx.path);
  if (args.length > 0 && (ctx.parsed.flags.selector as string)) {
    throw new UsageError('error: cannot specify both a node name and a --selector option', ctx.path);
  }
}

/** --dry-run's strategy; `--dry-run` alone is client, as kubectl maps it. */
export function nodeDryRun(ctx: CommandContext): DryRun {
  return parseDryRun(ctx.parsed.flags['dry-run'] as string);
}

/**
 * The nodes named by the arguments (`x`, `node/x`) or matched by -l, in argument (or name) order. The
 * first node that does not exist stops everything with NotFound, before any node is touched.
 */
export function selectNodes(ctx: CommandContext, session: Session): KubeObject[] {
  const selector = ctx.parsed.flags.selector as string;
  if (ctx.parsed.args.length === 0) return listObjects(session.store, NODES, '', false, parseFilters(selector, ''));
  return ctx.parsed.args.map((arg) => {
    const slash = arg.indexOf('/');
    if (slash < 0) return getObject(session.store, NODES, '', arg);
    const typed = arg.slice(0, slash);
    const t = resolveResourceType(typed);
    if (!t) throw new UnknownTypeError(typed);
    const obj = getObject(session.store, t, '', arg.slice(slash + 1));
    if (t.kind !== 'Node') {
      const gvr = `${t.group}/${t.version}, Resource=${t.plural}`;
      throw new CliError(`error: expected resource of type node, got "${gvr}"`);
    }
    return obj;
  });
}

/** ` (dry run)` / ` (server dry run)`: what kubectl's name printer appends under --dry-run. */
export function dryRunSuffix(dryRun: DryRun): string {
  return dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
}

/**
 * Sets spec.unschedulable on each node (cordon: true, uncordon: false) and prints `node/x cordoned`,
 * `node/x already cordoned`, `node/x uncordoned` or `node/x already uncordoned`. Uncordoning drops the
 * field, as kubectl's two-way merge patch of an omitempty bool does.
 */
export function setSchedulable(ctx: CommandContext, session: Session, nodes: KubeObject[], unschedulable: boolean, dryRun: DryRun): void {
  const word = unschedulable ? 'cordoned' : 'uncordoned';
  const suffix = dryRunSuffix(dryRun);
  for (const node of nodes) {
    const name = `node/${node.metadata.name}`;
    if (Boolean(node.spec?.unschedulable) === unschedulable) {
      ctx.io.out.write(`${name} already ${word}${suffix}\n`);
      continue;
    }
    if (dryRun !== 'client') {
      const u = clone(node);
      u.spec = { ...u.spec };
      if (unschedulable) u.spec.unschedulable = true;
      else delete u.spec.unschedulable;
      session.api.update(u, { dryRun });
    }
    ctx.io.out.write(`${name} ${word}${suffix}\n`);
  }
}

/**
 * The whole of `kubectl cordon` / `kubectl uncordon`: check the arguments, find the nodes, mark them.
 * The session is run.ts's own, committed after the command.
 */
export async function runCordonOrUncordon(ctx: CommandContext, unschedulable: boolean): Promise<void> {
  checkNodeArgs(ctx, unschedulable ? 'cordon NODE' : 'uncordon NODE');
  const dryRun = nodeDryRun(ctx);
  const session = await ctx.session();
  setSchedulable(ctx, session, selectNodes(ctx, session), unschedulable, dryRun);
}
