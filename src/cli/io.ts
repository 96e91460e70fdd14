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
  /** Typed lines for interactive sessions; absent: the process's terminal (see lineReaderFor). */
  lines?: () => LineReader;
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

/**
 * Lines typed at a terminal, for interactive sessions (`exec -it`, `run -it`, `attach -it`). The
 * terminal layer echoes and edits the line as a remote pty would; Ctrl-C at the prompt drops the line.
 */
export interface LineReader {
  /** Shows `prompt` and resolves with the line typed (no newline), or null at end of input (Ctrl-D). */
  read(prompt: string): Promise<string | null>;
  close(): void;
}

/** Where an IO's typed lines come from: its own reader (tests), else the process's terminal. */
export async function lineReaderFor(io: IO): Promise<LineReader> {
  if (io.lines) return io.lines();
  return terminalLines();
}

/**
 * Lines from the process's terminal through node:readline (line editing, history, echo). Ctrl-C
 * prints `^C` and a fresh prompt, as a shell's line editor does, instead of ending kubectl.
 */
async function terminalLines(): Promise<LineReader> {
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true, historySize: 500, prompt: '' });
  const typed: string[] = [];
  let closed = false;
  let waiting: ((line: string | null) => void) | undefined;
  const deliver = (line: string | null) => {
    const w = waiting;
    waiting = undefined;
    w?.(line);
  };
  rl.on('line', (line) => (waiting ? deliver(line) : typed.push(line)));
  rl.on('close', () => {
    closed = true;
    deliver(null);
  });
  rl.on('SIGINT', () => {
    process.stdout.write('^C\n');
    const editable = rl as unknown as { line: string; cursor: number };
    editable.line = '';
    editable.cursor = 0;
    rl.prompt();
  });
  return {
    read(prompt) {
      if (typed.length) return Promise.resolve(typed.shift()!);
      if (closed) return Promise.resolve(null);
      rl.setPrompt(prompt);
      rl.prompt();
      return new Promise((resolve) => (waiting = resolve));
    },
    close() {
      rl.close();
      process.stdin.pause();
    },
  };
}

/**
 * A terminal driven by a script (tests): each read writes the prompt and the line, as the terminal
 * would echo it; after the last line comes end of input (Ctrl-D).
 */
export function scriptedLines(lines: string[], out: Writer): LineReader {
  const left = [...lines];
  return {
    async read(prompt) {
      out.write(prompt);
      const line = left.shift();
      if (line !== undefined) out.write(`${line}\n`);
      return line ?? null;
    },
    close() {},
  };
}

/** bufferIO on a simulated terminal: stdin is a TTY and typed lines come from `lines`. */
export function terminalBufferIO(lines: string[]): ReturnType<typeof bufferIO> & { lines: () => LineReader } {
  const io = bufferIO();
  return { ...io, stdinIsTTY: true, stdoutIsTTY: true, lines: () => scriptedLines(lines, io.out) };
}
