import type { CommandContext, CommandSpec } from '../cli/command.js';
import { commandHelp } from '../cli/help.js';
import { ExitError, UsageError } from '../errors.js';

const sub = (m: { command: CommandSpec }) => m.command;

export const command: CommandSpec = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  long: `Manage the rollout of one or more resources.

 Valid resource types include:

  *  deployments
  *  daemonsets
  *  statefulsets`,
  examples: `# Go back to the previous revision of a deployment
kubectl rollout undo deployment/web

# Follow the rollout of a daemon set
kubectl rollout status daemonset/fluentd

# Replace every pod of a deployment
kubectl rollout restart deployment/web

# Restart the deployments labelled app=nginx
kubectl rollout restart deployment --selector=app=nginx`,
  usage: 'rollout SUBCOMMAND [options]',
  subcommands: [
    { name: 'history', short: 'View rollout history', load: () => import('./rollout/history.js').then(sub) },
    { name: 'pause', short: 'Mark the provided resource as paused', load: () => import('./rollout/pause.js').then(sub) },
    { name: 'restart', short: 'Restart a resource', load: () => import('./rollout/restart.js').then(sub) },
    { name: 'resume', short: 'Resume a paused resource', load: () => import('./rollout/resume.js').then(sub) },
    { name: 'status', short: 'Show the status of the rollout', load: () => import('./rollout/status.js').then(sub) },
    { name: 'undo', short: 'Undo a previous rollout', load: () => import('./rollout/undo.js').then(sub) },
  ],
  run: runRollout,
};

/** `kubectl rollout` alone prints its help on stdout and fails; an unknown subcommand is a usage error. */
async function runRollout(ctx: CommandContext): Promise<void> {
  if (ctx.parsed.args.length > 0) throw new UsageError(`unknown command ${JSON.stringify(ctx.parsed.args.join(' '))}`, ctx.path);
  ctx.io.out.write(commandHelp(command, ctx.path));
  throw new ExitError(1);
}
