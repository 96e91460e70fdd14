/**
 * go-yaml v2's emitter state and low-level writers (emitterc.go put / put_break / write / write_break /
 * yaml_emitter_write_indent / yaml_emitter_write_indicator / yaml_emitter_increase_indent): the output
 * with its column / whitespace / indention bookkeeping, which decides every space and line break.
 */
import { cpLength } from './chars.js';

/** go-yaml's emitter default best_indent (kubectl does not change it). */
export const BEST_INDENT = 2;
/** go-yaml's emitter default best_width: spaces past this column may become line breaks. */
export const BEST_WIDTH = 80;

/** The emitter's output and position, as yaml_emitter_t keeps them. */
export class Writer {
  private out = '';
  /** Current column, in characters (code points). */
  column = 0;
  /** The last character written was whitespace (or nothing has been written on this line). */
  whitespace = true;
  /** Only indentation has been written on this line so far. */
  indention = true;
  private indent = -1;
  private readonly indents: number[] = [];
  /** Flow collection depth; stays 0, since only empty collections are written in flow style. */
  readonly flowLevel: number = 0;

  /** Everything written so far. */
  output(): string {
    return this.out;
  }

  /** put / write: text without breaks, one column per UTF-16 unit (callers pass BMP text only). */
  put(s: string): void {
    this.out += s;
    this.column += s.length;
  }

  /** write for text without breaks: one column per code point. */
  putText(s: string): void {
    this.out += s;
    this.column += cpLength(s);
  }

  /** write for one character (code point): one column. */
  putChar(ch: string): void {
    this.out += ch;
    this.column++;
  }

  /** put_break: the configured line break ("\n"). */
  putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  /** write_break: a newline is the configured break; LS / PS (and CR, NEL) are copied. */
  writeBreak(c: number): void {
    if (c === 0x0a) this.putBreak();
    else {
      this.out += String.fromCodePoint(c);
      this.column = 0;
    }
  }

  /** yaml_emitter_write_indent: a line break unless at the indentation already, then spaces up to it. */
  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    if (this.column < indent) this.put(' '.repeat(indent - this.column));
    this.whitespace = true;
    this.indention = true;
  }

  /** yaml_emitter_write_indicator: an indicator, after a space when one is needed and the last character is none. */
  writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  /** yaml_emitter_increase_indent: the first level is 0 (block) or best_indent (flow); "indentless" keeps the level. */
  increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  /** Back to the enclosing indentation (emitter.indents pop). */
  popIndent(): void {
    this.indent = this.indents.pop()!;
  }
}
