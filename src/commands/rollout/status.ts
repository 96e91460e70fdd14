import type { CommandContext, CommandSpec } from '../../cli/command.js';
import type { KubeObject } from '../../api/types.js';
import { CliError } from '../../errors.js';
import { filenameFlags } from '../flags.js';
import { parseGoDuration } from '../../util/go-duration.js';
import { ROLLOUT_FILENAME, requireResource, rolloutSelectorFlag, rolloutTargets } from './common.js';
import { parseRevision } from './replicasets.js';

export const command: CommandSpec = {
  name: 'status',
  short: 'Show the status of the rollout',
  long: `Show the status of the rollout.

 Without flags, the command follows the latest rollout, printing a line whenever its progress changes, and returns once it has finished. Use --watch=false to print the current state once and return at once. With --revision=N the command gives up as soon as the running revision is not N (because a newer rollout replaced it).

 kubesim note: the rollout moves on as simulated time passes. When the cluster's clock is frozen (or KUBESIM_NOW is set) rollouts finish within the command that starts them; a rollout that cannot finish at that instant is reported as a timeout at once.`,
  examples: `# Follow the rollout of a deployment until it is done
kubectl rollout status deployment/nginx

# Print the current state of a daemon set's rollout and return
kubectl rollout status daemonset/fluentd --watch=false

# Give up after two minutes
kubectl rollout status deploy/web --timeout=2m`,
  usage: 'rollout status (TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [
    ...filenameFlags(ROLLOUT_FILENAME),
    { name: 'revision', type: 'int', default: 0, description: 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).' },
    rolloutSelectorFlag,
    {
      name: 'timeout',
      type: 'duration',
      default: '0s',
      description: 'The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).',
    },
    { name: 'watch', short: 'w', type: 'bool', default: true, description: "Watch the status of the rollout until it's done." },
  ],
  run: runStatus,
};

/** One reading of a rollout: the line to print and whether the rollout is done. */
export interface RolloutReading {
  message: string;
  done: boolean;
}

/** "Zero means never": a bound far beyond any session (a week). */
const NEVER_MS = 7 * 24 * 3600 * 1000;

async function runStatus(ctx: CommandContext): Promise<void> {
  const f = ctx.parsed.flags;
  requireResource(ctx);
  const revision = f.revision as number;
  if (revision < 0) throw new CliError(`revision must be a positive integer: ${revision}`);
  const timeout = parseGoDuration(f.timeout as string);
  const watch = f.watch as boolean;

  // The builder: exactly one object, of a kind that has a status viewer.
  const target = (await ctx.poll(
    async (s) => {
      const targets = await rolloutTargets(ctx, s);
      const failed = targets.find((t) => t.error);
      if (failed) throw failed.error;
      if (targets.length !== 1) {
        throw new CliError(`rollout status is only supported on individual resources and resource collections - ${targets.length} resources were found`);
      }
      return targets[0].obj!;
    },
    { timeoutMs: 0 },
  ))!;
  statusViewer(target);

  let last = '';
  const done = await ctx.poll(
    (s) => {
      const obj = s.store.get(target.kind, target.metadata.namespace ?? '', target.metadata.name);
      if (!obj || obj.metadata.uid !== target.metadata.uid) throw new CliError('object has been deleted');
      const r = statusViewer(obj)(obj, revision);
      // kubectl prints on every change of the object; lines that did not change are printed once here.
      if (r.message !== last) ctx.io.out.write(r.message);
      last = r.message;
      return r.done || !watch ? true : undefined;
    },
    { timeoutMs: timeout > 0 ? timeout : NEVER_MS },
  );
  if (!done) throw new CliError('timed out waiting for the condition');
}

type Viewer = (obj: KubeObject, revision: number) => RolloutReading;

/** StatusViewerFor: deployments and daemon sets (stateful sets are not simulated). */
export function statusViewer(obj: KubeObject): Viewer {
  if (obj.kind === 'Deployment') return deploymentStatus;
  if (obj.kind === 'DaemonSet') return daemonSetStatus;
  const group = obj.apiVersion.includes('/') ? `.${obj.apiVersion.split('/')[0]}` : '';
  throw new CliError(`no status viewer has been implemented for ${obj.kind}${group}`);
}

/**
 * DeploymentStatusViewer: once the controller has seen the latest spec — a timed-out rollout is an error;
 * then, in this order, not all replicas updated, old replicas still there, updated replicas not all
 * available; else done.
 */
export function deploymentStatus(d: KubeObject, revision: number): RolloutReading {
  const name = d.metadata.name;
  if (revision > 0) {
    const r = parseRevision(d);
    if (r.error) throw new CliError(`cannot get the revision of deployment ${JSON.stringify(name)}: ${r.error}`);
    if (r.revision !== revision) throw new CliError(`desired revision (${revision}) is different from the running revision (${r.revision})`);
  }
  const st = d.status ?? {};
  if ((d.metadata.generation ?? 0) > (st.observedGeneration ?? 0)) {
    return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
  }
  const progressing = (st.conditions ?? []).find((c: { type: string }) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') throw new CliError(`deployment ${JSON.stringify(name)} exceeded its progress deadline`);
  const want = d.spec?.replicas ?? 1;
  const updated = st.updatedReplicas ?? 0;
  const replicas = st.replicas ?? 0;
  const available = st.availableReplicas ?? 0;
  const waiting = (what: string) => ({ message: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${what}...\n`, done: false });
  if (updated < want) return waiting(`${updated} out of ${want} new replicas have been updated`);
  if (replicas > updated) return waiting(`${replicas - updated} old replicas are pending termination`);
  if (available < updated) return waiting(`${available} of ${updated} updated replicas are available`);
  return { message: `deployment ${JSON.stringify(name)} successfully rolled out\n`, done: true };
}

/** DaemonSetStatusViewer (only the RollingUpdate strategy has a rollout to follow). */
export function daemonSetStatus(ds: KubeObject, _revision: number): RolloutReading {
  const name = JSON.stringify(ds.metadata.name);
  if ((ds.spec?.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') {
    throw new CliError('rollout status is only available for RollingUpdate strategy type');
  }
  const st = ds.status ?? {};
  if ((ds.metadata.generation ?? 0) > (st.observedGeneration ?? 0)) {
    return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
  }
  const desired = st.desiredNumberScheduled ?? 0;
  if ((st.updatedNumberScheduled ?? 0) < desired) {
    return { message: `Waiting for daemon set ${name} rollout to finish: ${st.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`, done: false };
  }
  if ((st.numberAvailable ?? 0) < desired) {
    return { message: `Waiting for daemon set ${name} rollout to finish: ${st.numberAvailable ?? 0} of ${desired} updated pods are available...\n`, done: false };
  }
  return { message: `daemon set ${name} successfully rolled out\n`, done: true };
}
