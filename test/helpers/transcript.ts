import { runCli, stateBytes } from './cli.js';
import { splitWords } from '../../src/util/words.js';

export interface Step {
  /** The command line as a user types it (`kubectl get pods -o wide`). */
  cmd: string;
  stdin?: string;
  /** Expect the command to be refused and the state file to stay byte-identical. */
  rejected?: boolean;
}

/**
 * Runs steps against one state directory and renders a transcript: the command, its stdout, its stderr
 * (each line prefixed `! `), and the exit code when it is not 0. Rejected steps are checked to leave
 * the state file unchanged; a violation is written into the transcript so the golden diff shows it.
 */
export function transcript(steps: Array<Step | string>, stateDir: string, cwd?: string, env: Record<string, string> = {}): string {
  let out = '';
  for (const s of steps) {
    const step = typeof s === 'string' ? { cmd: s } : s;
    const [bin, ...args] = splitWords(step.cmd);
    const before = step.rejected ? stateBytes(stateDir) : '';
    const r = runCli(args, { stateDir, stdin: step.stdin, cwd, env, bin: bin === 'kubesim' ? 'kubesim' : 'kubectl' });
    out += `$ ${step.cmd}\n${r.stdout}`;
    if (r.stdout && !r.stdout.endsWith('\n')) out += '⏎\n';
    if (r.stderr) for (const line of r.stderr.replace(/\n$/, '').split('\n')) out += `! ${line}\n`;
    if (r.code !== 0) out += `[exit ${r.code}]\n`;
    if (step.rejected) {
      if (r.code === 0) out += '[EXPECTED A REJECTION]\n';
      if (stateBytes(stateDir) !== before) out += '[STATE CHANGED BY A REJECTED COMMAND]\n';
    }
    out += '\n';
  }
  return out;
}
