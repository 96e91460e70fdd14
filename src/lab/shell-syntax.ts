/**
 * Just enough of the shell's grammar to tell where a command typed at a prompt ends: quotes, `\` at the
 * end of a line, here-documents (`<<EOF`, `<<'EOF'`, `<<-EOF`), compound commands (`if … fi`,
 * `for/while … do … done`, `case … esac`, `{ … }`, `( … )`), a line ending in `|`, `&&` or `||`, and
 * `#` comments (collected, for the lab runner's `# this_will_fail` markers). Nothing is expanded or run.
 */

interface Heredoc {
  delim: string;
  /** `<<-`: leading tabs are stripped from the body and the closing line. */
  stripTabs: boolean;
}

const OPENERS: Record<string, string> = { if: 'fi', case: 'esac', do: 'done', '{': '}' };
const CLOSERS = new Set(['fi', 'esac', 'done', '}']);
/** Words after which the next word is again in command position (so `if`/`{` there are keywords). */
const LEADERS = new Set(['then', 'else', 'elif', 'do', 'if', 'while', 'until', '!', '{', 'time']);

export class ShellReader {
  private quote: '' | "'" | '"' = '';
  private stack: string[] = [];
  private parens = 0;
  private pending: Heredoc[] = [];
  private body: Heredoc | undefined;
  private continued = false;
  private trailingOp = false;
  /** The `#` comments seen outside quotes and here-document bodies, without the `#`. */
  readonly comments: string[] = [];

  /** True when the lines pushed so far form complete commands a shell would run. */
  complete(): boolean {
    return !this.quote && !this.stack.length && this.parens <= 0 && !this.pending.length && !this.body && !this.continued && !this.trailingOp;
  }

  push(line: string): void {
    if (this.body) {
      const text = this.body.stripTabs ? line.replace(/^\t+/, '') : line;
      if (text === this.body.delim) this.body = this.pending.shift();
      return;
    }
    let cmdPos = !this.continued;
    this.continued = false;
    let i = 0;
    let last = '';
    while (i < line.length) {
      const c = line[i];
      if (this.quote === "'") {
        if (c === "'") this.quote = '';
        i++;
        continue;
      }
      if (this.quote === '"') {
        if (c === '\\') i++;
        else if (c === '"') this.quote = '';
        i++;
        continue;
      }
      if (c === '\\') {
        if (i === line.length - 1) {
          this.continued = true;
          break;
        }
        i += 2;
        cmdPos = false;
        last = 'x';
        continue;
      }
      if (c === "'" || c === '"') {
        this.quote = c;
        cmdPos = false;
        last = 'x';
        i++;
        continue;
      }
      if (c === '#' && (i === 0 || /[\s;&|()]/.test(line[i - 1]))) {
        this.comments.push(line.slice(i + 1).trim());
        break;
      }
      if (line.startsWith('<<', i)) {
        if (line[i + 2] === '<') {
          i += 3;
          continue;
        }
        let j = i + 2;
        const stripTabs = line[j] === '-';
        if (stripTabs) j++;
        while (line[j] === ' ' || line[j] === '\t') j++;
        const m = /^(?:'([^']*)'|"([^"]*)"|([^\s;&|<>()]+))/.exec(line.slice(j));
        if (m) {
          const delim = m[1] ?? m[2] ?? m[3].replace(/['"\\]/g, '');
          this.pending.push({ delim, stripTabs });
          i = j + m[0].length;
        } else i = j;
        cmdPos = false;
        last = 'x';
        continue;
      }
      if (c === ';' || c === '&' || c === '|') {
        cmdPos = true;
        last = c;
        i++;
        continue;
      }
      if (c === '(') {
        this.parens++;
        cmdPos = true;
        last = c;
        i++;
        continue;
      }
      if (c === ')') {
        // A `case` pattern's `)` closes nothing.
        if (this.parens > 0 && this.stack[this.stack.length - 1] !== 'esac') this.parens--;
        last = c;
        i++;
        continue;
      }
      if (/\s/.test(c)) {
        i++;
        continue;
      }
      if (c === '<' || c === '>') {
        last = c;
        i++;
        continue;
      }
      const word = /^[^\s;&|()<>'"\\]+/.exec(line.slice(i))![0];
      i += word.length;
      last = 'x';
      const next = line[i];
      const whole = next === undefined || /[\s;&|()<>]/.test(next);
      if (cmdPos && whole) {
        if (OPENERS[word]) this.stack.push(OPENERS[word]);
        else if (CLOSERS.has(word)) {
          if (this.stack[this.stack.length - 1] === word) this.stack.pop();
        }
        cmdPos = LEADERS.has(word);
      } else if (word === 'esac' && this.stack[this.stack.length - 1] === 'esac' && whole) {
        this.stack.pop();
      } else cmdPos = false;
    }
    this.trailingOp = !this.continued && !this.quote && (last === '|' || last === '&' && /&&\s*(#.*)?$/.test(line));
    if (!this.continued && !this.body && this.pending.length) this.body = this.pending.shift();
  }
}
