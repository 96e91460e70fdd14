import type { CommandContext, CommandSpec } from '../../cli/command.js';

/** `kubectl config current-context`: the simulated context's name (extra arguments are ignored, as in kubectl). */
export const command: CommandSpec = {
  name: 'current-context',
  short: 'Display the current-context',
  long: 'Display the current-context.',
  examples: `# Display the current-context
kubectl config current-context`,
  usage: 'config current-context [flags] [options]',
  async run(ctx: CommandContext) {
    const session = await ctx.session();
    ctx.io.out.write(`${session.profile.contextName}\n`);
  },
};
