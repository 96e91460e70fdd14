import type { CommandContext, CommandSpec } from '../../cli/command.js';

/** `kubectl config get-users`: a NAME header and the simulated user. */
export const command: CommandSpec = {
  name: 'get-users',
  short: 'Display users defined in the kubeconfig',
  long: 'Display users defined in the kubeconfig.',
  examples: `# List the users that kubectl knows about
kubectl config get-users`,
  usage: 'config get-users [flags] [options]',
  async run(ctx: CommandContext) {
    const session = await ctx.session();
    ctx.io.out.write(`NAME\n${session.profile.contextName}\n`);
  },
};
