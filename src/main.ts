import { runKubectl } from './cli/run.js';
import type { IO } from './cli/io.js';

/** The process side of IO: buffered writes flushed before exit, stdin read on demand. */
export function processIO(): IO {
  return {
    out: { write: (s) => void process.stdout.write(s) },
    err: { write: (s) => void process.stderr.write(s) },
    readStdin: () =>
      new Promise((resolve, reject) => {
        let data = '';
        process.stdin.setEncoding('utf8');
        process.stdin.on('data', (c) => (data += c));
        process.stdin.on('end', () => resolve(data));
        process.stdin.on('error', reject);
      }),
    // Getters: touching process.stdin creates the stream, which costs start-up time most commands never use.
    get stdinIsTTY() {
      return Boolean(process.stdin.isTTY);
    },
    stdoutIsTTY: Boolean(process.stdout.isTTY),
  };
}

export async function kubectlMain(argv: string[]): Promise<void> {
  process.exitCode = await runKubectl(argv, { io: processIO(), env: process.env, cwd: process.cwd() });
}
