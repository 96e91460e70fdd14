/**
 * `kubesim node ssh` runs in the command layer (it opens cluster sessions, runs the simulated node and
 * may hand a terminal to the interactive driver); kubesim's own commands reach it through here.
 */
export const loadNodeShell = () => import('../commands/node-shell.js');
