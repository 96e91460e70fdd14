import type { CommandSpec } from '../cli/command.js';
import { nodeFlags, runCordonOrUncordon } from './node-schedulable.js';

export const command: CommandSpec = {
  name: 'cordon',
  short: 'Mark node as unschedulable',
  long: `Mark node as unschedulable.

 The scheduler places no new pods on a cordoned node; pods already running there keep running.`,
  examples: `# Keep new pods off the node "foo"
kubectl cordon foo

# Cordon every node labelled pool=old
kubectl cordon -l pool=old`,
  usage: 'cordon NODE [options]',
  flags: nodeFlags,
  run: (ctx) => runCordonOrUncordon(ctx, true),
};
