import type { CommandContext, CommandSpec } from '../../cli/command.js';
import type { KubeObject } from '../../api/types.js';
import type { Session } from '../../cluster/session.js';
import { clone } from '../../api/types.js';
import type { DryRun } from '../../cluster/api-server.js';
import type { DescribeContext } from '../../printers/describe/context.js';
import { CliError } from '../../errors.js';
import { dryRunFlag, filenameFlags, printingFlags } from '../flags.js';
import { parseDryRun, printResult } from '../write-output.js';
import { ROLLOUT_FILENAME, requireResource, rolloutOutputFlag, rolloutSelectorFlag, rolloutTargets } from './common.js';
import { printTemplate } from './history.js';
import { ANNOTATIONS_TO_SKIP, equalIgnoreHash, newReplicaSet, parseRevision, replicaSetsOf, withoutHash } from './replicasets.js';

export const command: CommandSpec = {
  name: 'undo',
  short: 'Undo a previous rollout',
  long: 'Roll a resource back to an earlier revision: by default the one before the current one.',
  examples: `# Go back to the previous revision of a deployment
kubectl rollout undo deployment/web

# Go back to revision 3
kubectl rollout undo deployment/web --to-revision=3

# Check what a rollback would do without changing anything
kubectl rollout undo deployment/web --dry-run=server`,
  usage: 'rollout undo (TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [
    dryRunFlag,
    ...filenameFlags(ROLLOUT_FILENAME),
    rolloutOutputFlag,
    rolloutSelectorFlag,
    ...printingFlags,
    { name: 'to-revision', type: 'int', default: 0, description: 'The revision to rollback to. Default to 0 (last revision).' },
  ],
  run: runUndo,
};

async function runUndo(ctx: CommandContext): Promise<void> {
  const f = ctx.parsed.flags;
  requireResource(ctx);
  const dryRun = parseDryRun(f['dry-run'] as string);
  const toRevision = f['to-revision'] as number;
  const session = await ctx.session();
  const describeCtx: DescribeContext = { snapshot: session.store, now: session.now, kubectlVersion: session.state.cluster.kubectlVersion ?? '1.32' };
  // The visitor stops at the first error; what was rolled back before it stays rolled back.
  for (const t of await rolloutTargets(ctx, session)) {
    if (!t.obj) throw t.error!;
    const result = rollback(session, t.obj, toRevision, dryRun, describeCtx);
    await printResult(ctx, t.obj, result, dryRun);
  }
}

/**
 * DeploymentRollbacker.Rollback: finds the ReplicaSet of the wanted revision (default: the one before
 * the newest), then replaces the deployment's pod template with that ReplicaSet's (minus its
 * pod-template-hash label) and its annotations with the ReplicaSet's — keeping the deployment's own
 * last-applied and revision annotations. Returns the operation word kubectl prints.
 */
export function rollback(session: Session, obj: KubeObject, toRevision: number, dryRun: DryRun, describeCtx: DescribeContext): string {
  if (obj.kind !== 'Deployment') {
    const group = obj.apiVersion.includes('/') ? `.${obj.apiVersion.split('/')[0]}` : '';
    // Daemon sets keep their history in ControllerRevisions, which the simulator does not record.
    if (obj.kind === 'DaemonSet') throw new CliError(toRevision > 0 ? `unable to find specified revision ${toRevision} in history` : 'no last revision to roll back to');
    throw new CliError(`no rollbacker has been implemented for ${JSON.stringify(obj.kind + group)}`);
  }
  if (toRevision < 0) throw new CliError(`unable to find specified revision ${toRevision} in history`);
  const d = session.store.get('Deployment', obj.metadata.namespace ?? '', obj.metadata.name);
  if (!d) throw new CliError(`failed to retrieve Deployment ${obj.metadata.name}: deployments.apps ${JSON.stringify(obj.metadata.name)} not found`);
  const rs = revisionReplicaSet(session, d, toRevision);
  // A client-side dry run prints the template it would restore, as the "operation".
  if (dryRun === 'client') return printTemplate(rs.spec?.template, describeCtx);
  if (d.spec?.paused) throw new CliError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  if (equalIgnoreHash(rs.spec?.template, d.spec?.template)) return `skipped rollback (current template already matches revision ${toRevision})`;
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  const u = clone(d);
  u.spec.template = withoutHash(rs.spec.template);
  u.metadata.annotations = annotations;
  if (Object.keys(annotations).length === 0) delete u.metadata.annotations;
  session.api.update(u, { dryRun });
  return 'rolled back';
}

/**
 * deploymentRevision: the ReplicaSet with that revision; with 0, the second newest revision ("no rollout
 * history" when there is only one).
 */
function revisionReplicaSet(session: Session, d: KubeObject, toRevision: number): KubeObject {
  const owned = replicaSetsOf(session.store, d);
  const current = newReplicaSet(d, owned);
  const all = [...owned.filter((rs) => rs !== current), ...(current ? [current] : [])];
  let latest: KubeObject | undefined;
  let latestRev = -1;
  let previous: KubeObject | undefined;
  let previousRev = -1;
  for (const rs of all) {
    const v = parseRevision(rs).revision;
    if (v === undefined) continue;
    if (toRevision === 0) {
      if (latestRev < v) {
        previous = latest;
        previousRev = latestRev;
        latest = rs;
        latestRev = v;
      } else if (previousRev < v) {
        previous = rs;
        previousRev = v;
      }
    } else if (toRevision === v) return rs;
  }
  if (toRevision > 0) throw new CliError(`unable to find specified revision ${toRevision} in history`);
  if (!previous) throw new CliError(`no rollout history found for deployment ${JSON.stringify(d.metadata.name)}`);
  return previous;
}
