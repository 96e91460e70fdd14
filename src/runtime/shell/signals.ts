/**
 * How the shell unwinds: `exit`, `break`/`continue`, `return` and shell errors are thrown as these signals
 * and caught where a script, subshell, loop or function ends.
 */

export class ExitSignal {
  constructor(readonly code: number) {}
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

/** The exit status an unwinding signal leaves a script or subshell with (`lastStatus` after break/continue/return); rethrows anything else. */
export function statusOnUnwind(e: unknown, lastStatus: number): number {
  if (e instanceof ExitSignal || e instanceof ShellError) return e.code;
  if (e instanceof LoopSignal || e instanceof ReturnSignal) return lastStatus;
  throw e;
}
