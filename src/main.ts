import { writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { runKubectl } from './cli/run.js';
import type { IO } from './cli/io.js';

/**
 * Writes straight to a file descriptor. Creating process.stdout costs start-up time every command would
 * pay; a synchronous write also keeps output and exit in order. EAGAIN (a non-blocking pipe that is
 * full) is retried.
 */
function fdWriter(fd: number): { write(s: string): void } {
  return {
    write(s: string) {
      let buf = Buffer.from(s, 'utf8');
      while (buf.length > 0) {
        try {
          const n = writeSync(fd, buf);
          buf = buf.subarray(n);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'EAGAIN') continue;
          // The reader went away (`kubectl get -w | head`): a Go program dies of SIGPIPE there, and so
          // must a watch, or it would poll forever. A stale lock is taken over by the next command.
          if (code === 'EPIPE') process.exit(141);
          throw e;
        }
      }
    },
  };
}

/** The process side of IO: output to fds 1 and 2, stdin read on demand. */
export function processIO(): IO {
  return {
    out: fdWriter(1),
    err: fdWriter(2),
    readStdin: () =>
      new Promise((resolve, reject) => {
        let data = '';
        process.stdin.setEncoding('utf8');
        process.stdin.on('data', (c) => (data += c));
        process.stdin.on('end', () => resolve(data));
        process.stdin.on('error', reject);
      }),
    stdinIsTTY: isatty(0),
    stdoutIsTTY: isatty(1),
  };
}

/**
 * KUBESIM_TRANSCRIPT=1 (set by `kubesim lab run` for a documented interactive step): piped input plays
 * the part of a terminal, so `run -it` / `exec -it` print what a terminal shows — the prompt, each typed
 * line echoed after it — and the step's output reads as the walkthrough document prints it.
 */
function transcriptIO(io: IO): IO {
  let lines: string[] | undefined;
  const stdin = io.readStdin().then((text) => (lines = text.replace(/\n$/, '').split('\n').filter((l, i, all) => l !== '' || i < all.length - 1)));
  return {
    ...io,
    stdinIsTTY: true,
    readStdin: () => stdin.then(() => (lines ?? []).join('\n')),
    lines: () => {
      const pending = Promise.all([stdin, import('./cli/io.js')]).then(([, m]) => m.scriptedLines(lines ?? [], io.out));
      return {
        read: (prompt: string) => pending.then((r) => r.read(prompt)),
        close: () => undefined,
      };
    },
  };
}

export async function kubectlMain(argv: string[]): Promise<void> {
  const base = processIO();
  const io = process.env.KUBESIM_TRANSCRIPT === '1' && !base.stdinIsTTY ? transcriptIO(base) : base;
  process.exitCode = await runKubectl(argv, { io, env: process.env, cwd: process.cwd() });
}
