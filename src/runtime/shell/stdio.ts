/**
 * A program's two output streams in time order, and what reaches a reader of both (a terminal, a `2>&1`
 * capture). Pure helpers over OutputChunk lists.
 */
import type { OutputChunk } from './types.js';

/** Appends `text` to `chunks` on `fd`, merging with the last chunk when it is on the same fd. */
export function pushChunk(chunks: OutputChunk[], fd: 1 | 2, text: string): void {
  if (!text) return;
  const last = chunks[chunks.length - 1];
  if (last?.fd === fd) last.text += text;
  else chunks.push({ fd, text });
}

/**
 * The order a program's output reaches whoever reads both streams. Without a record of the order
 * (`chunks`): all of stdout, then all of stderr, as before. With one: on a terminal, stdio flushes stdout
 * at each line, so the chunks arrive as written (curl -v's trace, then the body, then `left intact`).
 * To a pipe or a file, C stdio holds stdout in its buffer until the program exits while stderr is
 * unbuffered: everything on stderr arrives first, then stdout (exact for outputs within the buffer,
 * 1 KiB under musl and 4 KiB under glibc; a bigger body would be flushed in blocks, not modelled).
 */
export function deliveredChunks(r: { stdout: string; stderr: string; chunks?: OutputChunk[] }, stdoutIsTerminal: boolean): OutputChunk[] {
  const out: OutputChunk[] = [];
  if (r.chunks && stdoutIsTerminal) {
    for (const c of r.chunks) pushChunk(out, c.fd, c.text);
  } else if (r.chunks) {
    pushChunk(out, 2, r.stderr);
    pushChunk(out, 1, r.stdout);
  } else {
    pushChunk(out, 1, r.stdout);
    pushChunk(out, 2, r.stderr);
  }
  return out;
}
