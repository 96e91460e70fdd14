import type { KubesimCommand } from './run.js';
import { loadNodeShell } from '../cli/node-shell.js';

/** `kubesim node ssh NODE [-- COMMAND [ARGS]]`: a root shell on a node of the simulated cluster. */
export const command: KubesimCommand = {
  path: 'node ssh',
  short: 'Open a root shell on a node of the simulated cluster (or run one command there)',
  usage: 'node ssh NODE [-- COMMAND [ARGS...]]',
  flags: [],
  async run(args, _f, _given, o) {
    const { nodeSsh } = await loadNodeShell();
    return nodeSsh(args, o);
  },
};
