import type { CommandContext, CommandSpec } from '../../cli/command.js';

/** `kubectl config get-clusters`: a NAME header and the simulated cluster (arguments are ignored, as in kubectl). */
export const command: CommandSpec = {
  name: 'get-clusters',
  short: 'Display clusters defined in the kubeconfig',
  long: 'Display clusters defined in the kubeconfig.',
  examples: `# List the clusters that kubectl knows about
kubectl config get-clusters`,
  usage: 'config get-clusters [flags] [options]',
  async run(ctx: CommandContext) {
    const session = await ctx.session();
    ctx.io.out.write(`NAME\n${session.profile.contextName}\n`);
  },
};
