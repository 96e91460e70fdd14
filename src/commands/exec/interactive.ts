import type { CommandContext } from '../../cli/command.js';
import { CliError } from '../../errors.js';

/**
 * A shell the user types into on a real terminal (`exec -it`, `run -it`, `attach -it`,
 * `kubesim node ssh`, `debug node/… -it`). `open` is called for every line so the session sees the
 * cluster as it is when the line runs; it returns the process to type into.
 */
export interface InteractiveTarget {
  /** What `kubectl attach` would be told to resume this session, for the "Session ended" line (undefined: none). */
  resumeHint?: string;
  /** The prompt before the first line, and after each line (it may change with `cd`). */
  prompt(): string;
  /** Runs one typed line; `exited` set when the shell exits (`exit`, end of input). */
  runLine(line: string): Promise<{ stdout: string; stderr: string; exited?: number }>;
}

/** Runs an interactive terminal session until the shell exits; returns the shell's exit status. */
export async function runInteractive(_ctx: CommandContext, _target: InteractiveTarget): Promise<number> {
  throw new CliError('interactive terminal sessions are not simulated by kubesim yet; pipe the commands in instead');
}
