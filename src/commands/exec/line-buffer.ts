import { isIncomplete } from '../../runtime/shell/interpreter.js';

/** PS2, the prompt for the rest of an unfinished command: `> ` in busybox ash, bash and dash alike. */
export function continuationPrompt(env: Map<string, string> | undefined): string {
  return env?.get('PS2') ?? '> ';
}

/**
 * The lines typed into an interactive shell until they make a complete command: an open quote, a
 * here-document without its delimiter line, `if …; then` without `fi`, a trailing `|` or backslash keep
 * the shell reading (with PS2) before it runs anything, as ash and bash do.
 */
export class LineBuffer {
  private lines: string[] = [];

  /** Whether lines are waiting for the rest of their command. */
  get pending(): boolean {
    return this.lines.length > 0;
  }

  /** Adds a typed line; the whole command once it is complete (then the buffer is empty), else undefined. */
  add(line: string): string | undefined {
    this.lines.push(line);
    const text = this.lines.join('\n');
    if (isIncomplete(text)) return undefined;
    this.lines = [];
    return text;
  }

  /** What is buffered (at end of input), emptying the buffer; undefined when nothing is. */
  flush(): string | undefined {
    if (!this.lines.length) return undefined;
    const text = this.lines.join('\n');
    this.lines = [];
    return text;
  }
}
