import type { CommandSpec } from '../cli/command.js';
import { groupRun } from './create/common.js';

const sub = (m: { command: CommandSpec }) => m.command;

export const command: CommandSpec = {
  name: 'set',
  short: 'Set specific features on objects',
  long: `Change particular fields of existing objects.

 Each subcommand updates one aspect of the objects it is given, such as the images of their containers.`,
  usage: 'set SUBCOMMAND [options]',
  subcommands: [{ name: 'image', short: 'Update the image of a pod template', load: () => import('./set/image.js').then(sub) }],
  run: groupRun(() => command),
};
