import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../util/project-root.js';
import { runningAgent } from './agent-files.js';

/**
 * Starts the host agent unless one already serves this state directory: a detached
 * `kubesim agent run` with no terminal, so the kubectl command that asked returns at once and the
 * agent outlives it. Two commands racing both spawn; the agent that finds a live pid file exits.
 */
export function ensureAgent(env: NodeJS.ProcessEnv, stateDir: string): void {
  if (runningAgent(stateDir) !== undefined) return;
  const child = spawn(process.execPath, [join(projectRoot(), 'bin', 'kubesim.js'), 'agent', 'run'], {
    detached: true,
    stdio: 'ignore',
    env: { ...env, KUBESIM_STATE_DIR: stateDir },
  });
  child.unref();
}
