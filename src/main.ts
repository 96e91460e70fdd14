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

export async function kubectlMain(argv: string[]): Promise<void> {
  process.exitCode = await runKubectl(argv, { io: processIO(), env: process.env, cwd: process.cwd() });
}
