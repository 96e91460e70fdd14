import type { IO } from '../../cli/io.js';
import type { OutputChunk } from '../../runtime/shell/interpreter.js';

/**
 * Writes a process's output to kubectl's stdout and stderr in the order it arrived (so `2>&1` or a
 * terminal shows curl -v's trace where it belongs); without an order: all of stdout, then stderr.
 */
export function writeResult(io: Pick<IO, 'out' | 'err'>, r: { stdout: string; stderr: string; chunks?: OutputChunk[] }): void {
  if (!r.chunks) {
    io.out.write(r.stdout);
    io.err.write(r.stderr);
    return;
  }
  for (const c of r.chunks) (c.fd === 1 ? io.out : io.err).write(c.text);
}
