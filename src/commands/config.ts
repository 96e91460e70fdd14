import type { CommandContext, CommandSpec } from '../cli/command.js';
import { commandHelp } from '../cli/help.js';
import { ExitError, UsageError } from '../errors.js';

/**
 * `kubectl config`: kubeconfig commands over the simulated cluster's one context. The reading
 * subcommands show a kubeconfig that describes the simulated cluster; the editing ones are listed as
 * kubectl lists them but are not simulated (there is no kubeconfig file to edit).
 */

const def = (m: { command: CommandSpec }) => m.command;

const unsupported = (name: string, short: string) => ({
  name,
  short,
  load: () => import('./config/unsupported.js').then((m) => m.unsupportedCommand(name, short)),
});

export const command: CommandSpec = {
  name: 'config',
  short: 'Modify kubeconfig files',
  long: `Read and change kubeconfig files with subcommands such as "kubectl config set current-context my-context".

 Which files kubectl reads:

  1.  With --kubeconfig, only that file, and nothing is merged.
  2.  Otherwise, when $KUBECONFIG is set, every file in that path list, merged; a change goes to the file that defines the entry, and a new entry to the first file that exists (or to the last one when none does).
  3.  Otherwise \${HOME}/.kube/config alone.

 kubesim has no kubeconfig file: these commands describe the one context of its simulated cluster.`,
  usage: 'config SUBCOMMAND [options]',
  subcommands: [
    { name: 'current-context', short: 'Display the current-context', load: () => import('./config/current-context.js').then(def) },
    unsupported('delete-cluster', 'Delete the specified cluster from the kubeconfig'),
    unsupported('delete-context', 'Delete the specified context from the kubeconfig'),
    unsupported('delete-user', 'Delete the specified user from the kubeconfig'),
    { name: 'get-clusters', short: 'Display clusters defined in the kubeconfig', load: () => import('./config/get-clusters.js').then(def) },
    { name: 'get-contexts', short: 'Describe one or many contexts', load: () => import('./config/get-contexts.js').then(def) },
    { name: 'get-users', short: 'Display users defined in the kubeconfig', load: () => import('./config/get-users.js').then(def) },
    unsupported('rename-context', 'Rename a context from the kubeconfig file'),
    unsupported('set', 'Set an individual value in a kubeconfig file'),
    unsupported('set-cluster', 'Set a cluster entry in kubeconfig'),
    unsupported('set-context', 'Set a context entry in kubeconfig'),
    unsupported('set-credentials', 'Set a user entry in kubeconfig'),
    unsupported('unset', 'Unset an individual value in a kubeconfig file'),
    { name: 'use-context', aliases: ['use'], short: 'Set the current-context in a kubeconfig file', load: () => import('./config/use-context.js').then(def) },
    { name: 'view', short: 'Display merged kubeconfig settings or a specified kubeconfig file', load: () => import('./config/view.js').then(def) },
  ],
  run: runConfig,
};

/** Bare `kubectl config` prints its help on stderr and fails, like cobra's DefaultSubCommandRun. */
async function runConfig(ctx: CommandContext): Promise<void> {
  if (ctx.parsed.args.length) throw new UsageError(`unknown command "${ctx.parsed.args[0]}"`, ctx.path);
  ctx.io.err.write(commandHelp(command, ctx.path));
  throw new ExitError(1);
}
