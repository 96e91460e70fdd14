import type { CommandSpec } from '../cli/command.js';
import { nodeFlags, runCordonOrUncordon } from './node-schedulable.js';

export const command: CommandSpec = {
  name: 'uncordon',
  short: 'Mark node as schedulable',
  long: `Mark node as schedulable.

 Undoes cordon (and the cordon part of drain): the scheduler may place new pods on the node again.`,
  examples: `# Let the scheduler use the node "foo" again
kubectl uncordon foo`,
  usage: 'uncordon NODE [options]',
  flags: nodeFlags,
  run: (ctx) => runCordonOrUncordon(ctx, false),
};
