/** Where a command writes and reads. Tests pass buffers; main passes the process streams. */
export interface Writer {
  write(s: string): void;
}

export interface IO {
  out: Writer;
  err: Writer;
  /** Reads all of standard input (for `-f -`). */
  readStdin(): Promise<string>;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
}

export function bufferIO(stdin = ''): IO & { stdout: () => string; stderr: () => string } {
  let o = '';
  let e = '';
  return {
    out: { write: (s) => void (o += s) },
    err: { write: (s) => void (e += s) },
    readStdin: async () => stdin,
    stdinIsTTY: false,
    stdoutIsTTY: false,
    stdout: () => o,
    stderr: () => e,
  };
}
