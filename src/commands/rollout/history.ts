import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandContext, CommandSpec } from '../../cli/command.js';
import type { Json, KubeObject } from '../../api/types.js';
import type { Snapshot } from '../../api/snapshot.js';
import { clone } from '../../api/types.js';
import { CliError } from '../../errors.js';
import { OBJECT_FORMATS, parseOutputFormat } from '../../printers/output-format.js';
import { objectName, printObjects } from '../../printers/print-objects.js';
import { alignTabs } from '../../printers/tabwriter.js';
import { describePodTemplate } from '../../printers/describe/pod-template.js';
import { PrefixWriter } from '../../printers/describe/prefix-writer.js';
import type { DescribeContext } from '../../printers/describe/context.js';
import { filenameFlags, printingFlags } from '../flags.js';
import { finishWithErrors } from '../metadata-update.js';
import { ROLLOUT_FILENAME, requireResource, rolloutOutputFlag, rolloutSelectorFlag, rolloutTargets } from './common.js';
import { CHANGE_CAUSE, parseRevision, replicaSetsOf } from './replicasets.js';

export const command: CommandSpec = {
  name: 'history',
  short: 'View rollout history',
  long: 'View the revisions a resource has gone through, with their change causes, or one revision in detail.',
  examples: `# List the revisions of a deployment
kubectl rollout history deployment/web

# Show the pod template of revision 2
kubectl rollout history deployment/web --revision=2`,
  usage: 'rollout history (TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [
    ...filenameFlags(ROLLOUT_FILENAME),
    rolloutOutputFlag,
    { name: 'revision', type: 'int', default: 0, description: 'See the details, including podTemplate of the revision specified' },
    rolloutSelectorFlag,
    ...printingFlags,
  ],
  run: runHistory,
};

async function runHistory(ctx: CommandContext): Promise<void> {
  const f = ctx.parsed.flags;
  requireResource(ctx);
  const revision = f.revision as number;
  if (revision < 0) throw new CliError(`revision must be a positive integer: ${revision}`);
  const output = f.output as string;
  const format = output ? parseOutputFormat(output, OBJECT_FORMATS, (p) => readFileSync(resolve(ctx.cwd, p), 'utf8')) : undefined;
  const session = await ctx.session();
  const describeCtx: DescribeContext = { snapshot: session.store, now: session.now, kubectlVersion: session.state.cluster.kubectlVersion ?? '1.32' };
  const errors: Error[] = [];
  let printed = 0;
  for (const t of await rolloutTargets(ctx, session)) {
    if (!t.obj) {
      errors.push(t.error!);
      continue;
    }
    try {
      const history = historyOf(session.store, t.obj);
      if (format) {
        // -o prints the ReplicaSets behind the revisions (one, with --revision) instead of the table.
        const picked = revision > 0 ? [history.get(revision)].filter((x): x is KubeObject => !!x) : [...history.keys()].sort((a, b) => a - b).map((r) => history.get(r)!);
        for (const rs of picked) {
          // The YAML printer separates the documents it prints with `---`.
          if (format.kind === 'yaml' && printed++ > 0) ctx.io.out.write('---\n');
          ctx.io.out.write(
            format.kind === 'name'
              ? `${objectName(rs)}\n`
              : await printObjects([rs], { format, now: session.now, snapshot: session.store, withNamespace: false, showLabels: false, labelColumns: [], noHeaders: false, asList: false, kindPrefix: false }),
          );
        }
        continue;
      }
      const text = viewHistory(history, revision, describeCtx);
      const withRevision = revision > 0 ? `with revision #${revision}` : '';
      // The NamePrinter prints `kind/name <operation>`; the operation here is the whole history text.
      ctx.io.out.write(`${objectName(t.obj)} ${withRevision}\n${text}\n`);
    } catch (e) {
      errors.push(e as Error);
    }
  }
  finishWithErrors(errors, false);
}

/**
 * The revisions of a deployment: revision number → its ReplicaSet (the one carrying that revision
 * annotation). Other kinds: see historyViewerFor.
 */
export function historyOf(snapshot: Snapshot, obj: KubeObject): Map<number, KubeObject> {
  historyViewerFor(obj);
  const out = new Map<number, KubeObject>();
  if (obj.kind !== 'Deployment') return out;
  for (const rs of replicaSetsOf(snapshot, obj)) {
    const r = parseRevision(rs);
    if (r.revision !== undefined) out.set(r.revision, rs);
  }
  return out;
}

/**
 * HistoryViewerFor: deployments keep their history in ReplicaSets. Daemon sets keep it in
 * ControllerRevisions, which the simulator does not record, so theirs reads as empty. Other kinds
 * fail the way kubectl's kind visitor does.
 */
function historyViewerFor(obj: KubeObject): void {
  const group = obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0] : '';
  const gk = group ? `${obj.kind}.${group}` : obj.kind;
  if (obj.kind === 'Deployment' || obj.kind === 'DaemonSet' || obj.kind === 'StatefulSet') return;
  if (['Pod', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob'].includes(obj.kind)) {
    throw new CliError(`no history viewer has been implemented for ${JSON.stringify(gk)}`);
  }
  throw new CliError(`error retrieving history for ${JSON.stringify(gk)}, no visitor method exists for {${group} ${obj.kind}}`);
}

/**
 * ViewHistory: `REVISION  CHANGE-CAUSE` rows (tabwriter, padding 2) sorted by revision, `<none>` without
 * a change cause; with a revision, that revision's pod template as describe prints it — through a
 * PrefixWriter without a tabwriter, so the tabs stay raw, as in kubectl.
 */
export function viewHistory(history: Map<number, KubeObject>, revision: number, ctx: DescribeContext): string {
  if (history.size === 0) return 'No rollout history found.';
  if (revision > 0) {
    const rs = history.get(revision);
    if (!rs) throw new CliError('unable to find the specified revision');
    return printTemplate(templateWithChangeCause(rs), ctx);
  }
  const rows = [...history.keys()].sort((a, b) => a - b).map((r) => `${r}\t${history.get(r)!.metadata.annotations?.[CHANGE_CAUSE] || '<none>'}\n`);
  return alignTabs(`REVISION\tCHANGE-CAUSE\n${rows.join('')}`, 2);
}

/** The ReplicaSet's template with the ReplicaSet's change cause added to its annotations. */
function templateWithChangeCause(rs: KubeObject): Json {
  const t = clone(rs.spec?.template ?? {});
  const cause = rs.metadata.annotations?.[CHANGE_CAUSE];
  if (cause) t.metadata = { ...t.metadata, annotations: { ...t.metadata?.annotations, [CHANGE_CAUSE]: cause } };
  return t;
}

/** A PrefixWriter that keeps its text as written: describe.NewPrefixWriter over a plain buffer. */
class RawPrefixWriter extends PrefixWriter {
  private text = '';
  override write(level: number, text: string): void {
    this.text += '  '.repeat(level) + text;
  }
  override flush(): void {}
  override toString(): string {
    return this.text;
  }
}

/** printTemplate: DescribePodTemplate with raw tabs. */
export function printTemplate(template: Json, ctx: DescribeContext): string {
  const w = new RawPrefixWriter();
  describePodTemplate(w, template, ctx);
  return w.toString();
}
