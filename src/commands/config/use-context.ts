import type { CommandContext, CommandSpec } from '../../cli/command.js';
import { commandHelp } from '../../cli/help.js';
import { CliError } from '../../errors.js';

/** `kubectl config use-context NAME`: only the simulated context exists, so this switches to nothing new. */
export const command: CommandSpec = {
  name: 'use-context',
  aliases: ['use'],
  short: 'Set the current-context in a kubeconfig file',
  long: 'Set the current-context in a kubeconfig file.',
  examples: `# Use the context for the minikube cluster
kubectl config use-context minikube`,
  usage: 'config use-context CONTEXT_NAME [options]',
  run: runUseContext,
};

async function runUseContext(ctx: CommandContext): Promise<void> {
  const args = ctx.parsed.args;
  if (args.length !== 1) {
    // kubectl prints the command's help on stdout, then the error.
    ctx.io.out.write(commandHelp(command, ctx.path));
    throw new CliError(`Unexpected args: [${args.join(' ')}]`);
  }
  const session = await ctx.session();
  if (args[0] === '') throw new CliError('empty context names are not allowed');
  if (args[0] !== session.profile.contextName) throw new CliError(`no context exists with the name: ${JSON.stringify(args[0])}`);
  ctx.io.out.write(`Switched to context ${JSON.stringify(args[0])}.\n`);
}
