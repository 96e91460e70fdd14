import type { CommandContext } from '../../cli/command.js';
import { lineReaderFor } from '../../cli/io.js';

/**
 * A shell the user types into on a real terminal (`exec -it`, `run -it`, `attach -it`,
 * `kubesim node ssh`, `debug node/… -it`). The target opens the cluster for every line (and releases
 * it before the next prompt), so the session sees the cluster as it is when the line runs and other
 * commands can change it meanwhile.
 */
export interface InteractiveTarget {
  /** What `kubectl attach` would be told to resume this session, for the "Session ended" line (undefined: none). */
  resumeHint?: string;
  /** The prompt before the first line, and after each line (it may change with `cd`). */
  prompt(): string;
  /** Runs one typed line; `exited` set when the shell exits (`exit`, end of input). */
  runLine(line: string): Promise<{ stdout: string; stderr: string; exited?: number }>;
  /**
   * End of input (Ctrl-D at an empty prompt): what the shell prints as it leaves and its exit status.
   * Absent: nothing printed, status 0.
   */
  endOfInput?(): Promise<{ stdout: string; stderr: string; exited: number }>;
}

/**
 * Runs an interactive terminal session until the shell exits; returns the shell's exit status. Call
 * it holding no cluster session: the user may take minutes to type a line.
 */
export async function runInteractive(ctx: CommandContext, target: InteractiveTarget): Promise<number> {
  const reader = await lineReaderFor(ctx.io);
  try {
    for (;;) {
      const line = await reader.read(target.prompt());
      const r = line === null ? ((await target.endOfInput?.()) ?? { stdout: '', stderr: '', exited: 0 }) : await target.runLine(line);
      ctx.io.out.write(r.stdout);
      ctx.io.err.write(r.stderr);
      if (r.exited !== undefined) return r.exited;
    }
  } finally {
    reader.close();
  }
}
