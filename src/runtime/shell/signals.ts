/**
 * How the shell unwinds: `exit`, `break`/`continue`, `return` and shell errors are thrown as these signals
 * and caught where a script, subshell, loop or function ends.
 */

/**
 * The shell stops running the script. `ends` says why: the `exit` builtin, `exec PROGRAM` replacing the
 * shell, or a failure under `set -e` end any shell; without it the unwind is an error (a bad `${x?}`, an
 * arithmetic error, a failing special builtin) that ends a script but returns an interactive shell to
 * its prompt.
 */
export class ExitSignal {
  constructor(
    readonly code: number,
    readonly ends?: 'exit' | 'exec' | 'errexit',
  ) {}
}
export class LoopSignal {
  constructor(
    readonly kind: 'break' | 'continue',
    public n: number,
  ) {}
}
export class ReturnSignal {
  constructor(readonly code: number) {}
}
/** A shell error (bad redirection, bad substitution…): message already printed; aborts the command. */
export class ShellError {
  constructor(readonly code: number) {}
}

/** Whether an unwind that reached the top of a script ends the shell itself (see ExitSignal). */
export function endsShell(e: unknown): boolean {
  return e instanceof ExitSignal && e.ends !== undefined;
}

/** The exit status an unwinding signal leaves a script or subshell with (`lastStatus` after break/continue/return); rethrows anything else. */
export function statusOnUnwind(e: unknown, lastStatus: number): number {
  if (e instanceof ExitSignal || e instanceof ShellError) return e.code;
  if (e instanceof LoopSignal || e instanceof ReturnSignal) return lastStatus;
  throw e;
}
