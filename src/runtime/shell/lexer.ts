/**
 * The shell's lexer (busybox ash flavoured): turns a script into words, operators and newlines.
 * Words keep their structure (quoted / unquoted literals, parameter expansions, command substitutions)
 * so the interpreter can expand them later; here-document bodies are read after the newline that ends
 * the line holding their `<<` and attached to the operator's token.
 */

export type WordPart =
  | { k: 'lit'; v: string; quoted: boolean }
  | { k: 'param'; name: string; op?: string; arg?: Word; length?: boolean; quoted: boolean }
  | { k: 'cmd'; src: string; quoted: boolean }
  | { k: 'arith'; src: string; quoted: boolean };

export interface Word {
  parts: WordPart[];
  /** The source text of the word, as written. */
  raw: string;
}

export interface HereDoc {
  delim: string;
  /** false when the delimiter was quoted: the body is taken literally. */
  expand: boolean;
  strip: boolean;
  body: string;
  /** The body as a word (expansions only), filled in when `expand`. */
  word?: Word;
}

export type Token =
  | { t: 'word'; word: Word }
  | { t: 'op'; op: string; ioNumber?: number; heredoc?: HereDoc }
  | { t: 'nl' }
  /** `open`: the input ended inside a here-document body or just after a line-continuation backslash. */
  | { t: 'eof'; open?: true };

export class ShellSyntaxError extends Error {}

const OPERATORS = ['<<-', '&&', '||', ';;', '<<', '>>', '<&', '>&', '<>', '>|', '|', '&', ';', '<', '>', '(', ')'];
const SPECIAL_PARAMS = '?$#@*!-0123456789';

export function isNameStart(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z_]/.test(c);
}
function isNameChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_]/.test(c);
}

export function lex(src: string): Token[] {
  return new Lexer(src).run();
}

class Lexer {
  private i = 0;
  private readonly out: Token[] = [];
  private pending: HereDoc[] = [];
  /** The input ended where the shell would read more (see the eof token). */
  private open = false;

  constructor(private readonly s: string) {}

  run(): Token[] {
    const s = this.s;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === ' ' || c === '\t') {
        this.i++;
      } else if (c === '\\' && s[this.i + 1] === '\n') {
        this.i += 2;
      } else if (c === '#') {
        while (this.i < s.length && s[this.i] !== '\n') this.i++;
      } else if (c === '\n') {
        this.i++;
        this.out.push({ t: 'nl' });
        this.readHereDocs();
      } else {
        const op = OPERATORS.find((o) => s.startsWith(o, this.i));
        if (op) {
          this.i += op.length;
          this.pushOp(op);
        } else {
          const start = this.i;
          const word = this.readWord(() => {
            const ch = this.s[this.i];
            return ch === ' ' || ch === '\t' || ch === '\n' || ';&|<>()'.includes(ch);
          });
          // An IO number: digits directly before a redirection operator.
          if (/^\d+$/.test(word.raw) && (s[this.i] === '<' || s[this.i] === '>')) {
            const op2 = OPERATORS.find((o) => s.startsWith(o, this.i))!;
            this.i += op2.length;
            this.pushOp(op2, Number(word.raw));
          } else {
            if (this.i === start) throw new ShellSyntaxError(`syntax error: unexpected "${s[this.i]}"`);
            this.out.push({ t: 'word', word });
          }
        }
      }
    }
    if (this.pending.length) this.readHereDocs();
    this.out.push(this.open ? { t: 'eof', open: true } : { t: 'eof' });
    return this.out;
  }

  private pushOp(op: string, ioNumber?: number): void {
    const tok: Token = { t: 'op', op, ...(ioNumber !== undefined ? { ioNumber } : {}) };
    this.out.push(tok);
    if (op === '<<' || op === '<<-') {
      while (this.s[this.i] === ' ' || this.s[this.i] === '\t') this.i++;
      const start = this.i;
      const w = this.readWord(() => {
        const ch = this.s[this.i];
        return ch === ' ' || ch === '\t' || ch === '\n' || ';&|<>()'.includes(ch);
      });
      if (this.i === start) throw new ShellSyntaxError('syntax error: unexpected newline');
      const quoted = w.parts.some((p) => p.k === 'lit' && p.quoted);
      const delim = w.parts.map((p) => (p.k === 'lit' ? p.v : '')).join('');
      const hd: HereDoc = { delim, expand: !quoted, strip: op === '<<-', body: '' };
      tok.heredoc = hd;
      this.pending.push(hd);
    }
  }

  private readHereDocs(): void {
    const s = this.s;
    for (const hd of this.pending) {
      const lines: string[] = [];
      let found = false;
      while (this.i < s.length) {
        let end = s.indexOf('\n', this.i);
        if (end < 0) end = s.length;
        let line = s.slice(this.i, end);
        this.i = Math.min(end + 1, s.length);
        if (hd.strip) line = line.replace(/^\t+/, '');
        if (line === hd.delim) {
          found = true;
          break;
        }
        lines.push(line);
      }
      // A script may end inside a body (the shell takes what there is); an interactive shell reads on.
      if (!found) this.open = true;
      hd.body = lines.length ? lines.join('\n') + '\n' : '';
      if (hd.expand) hd.word = lexHereDocBody(hd.body);
    }
    this.pending = [];
  }

  /** Reads one word up to an unquoted terminator. */
  private readWord(atEnd: () => boolean): Word {
    const start = this.i;
    const parts = this.scanWord(atEnd, { quoted: false, singleQuotes: true, lineContinuation: true });
    return { parts, raw: this.s.slice(start, this.i) };
  }

  /**
   * The parts of a word, up to (not including) where `stop` says it ends: backslash escapes, single
   * quotes (unless inside double quotes), double quotes, `$…` and backquotes, literal text.
   */
  private scanWord(stop: () => boolean, o: { quoted: boolean; singleQuotes: boolean; lineContinuation: boolean }): WordPart[] {
    const s = this.s;
    const parts: WordPart[] = [];
    let lit = '';
    const flush = () => {
      if (lit) parts.push({ k: 'lit', v: lit, quoted: o.quoted });
      lit = '';
    };
    while (this.i < s.length && !stop()) {
      const c = s[this.i];
      if (c === '\\') {
        if (o.lineContinuation && s[this.i + 1] === '\n') {
          this.i += 2;
          continue;
        }
        if (o.lineContinuation && this.i + 1 === s.length) this.open = true;
        flush();
        if (this.i + 1 < s.length) parts.push({ k: 'lit', v: s[this.i + 1], quoted: true });
        this.i += 2;
      } else if (c === "'" && o.singleQuotes) {
        flush();
        const end = s.indexOf("'", this.i + 1);
        if (end < 0) throw new ShellSyntaxError('syntax error: unterminated quoted string');
        parts.push({ k: 'lit', v: s.slice(this.i + 1, end), quoted: true });
        this.i = end + 1;
      } else if (c === '"') {
        flush();
        this.i++;
        const inner = this.readDouble();
        if (inner.length === 0) parts.push({ k: 'lit', v: '', quoted: true });
        parts.push(...inner);
      } else if (c === '$' || c === '`') {
        const p = this.readDollar(o.quoted);
        if (p) {
          flush();
          parts.push(p);
        } else {
          lit += c;
          this.i++;
        }
      } else {
        lit += c;
        this.i++;
      }
    }
    flush();
    return parts;
  }

  /** Inside double quotes, after the opening quote; consumes the closing one. */
  private readDouble(): WordPart[] {
    const s = this.s;
    const parts: WordPart[] = [];
    let lit = '';
    const flush = () => {
      if (lit) parts.push({ k: 'lit', v: lit, quoted: true });
      lit = '';
    };
    for (;;) {
      if (this.i >= s.length) throw new ShellSyntaxError('syntax error: unterminated quoted string');
      const c = s[this.i];
      if (c === '"') {
        this.i++;
        break;
      }
      if (c === '\\') {
        const n = s[this.i + 1];
        if (n === '\n') this.i += 2;
        else if (n !== undefined && '$`"\\'.includes(n)) {
          lit += n;
          this.i += 2;
        } else {
          lit += c;
          this.i++;
        }
      } else if (c === '$' || c === '`') {
        const p = this.readDollar(true);
        if (p) {
          flush();
          parts.push(p);
        } else {
          lit += c;
          this.i++;
        }
      } else {
        lit += c;
        this.i++;
      }
    }
    flush();
    return parts;
  }

  /** At a `$` or backquote: returns the expansion part, or undefined when the `$` is literal. */
  readDollar(quoted: boolean): WordPart | undefined {
    const s = this.s;
    const c = s[this.i];
    if (c === '`') {
      let j = this.i + 1;
      let src = '';
      while (j < s.length && s[j] !== '`') {
        if (s[j] === '\\' && j + 1 < s.length && '$`\\'.includes(s[j + 1])) {
          src += s[j + 1];
          j += 2;
        } else src += s[j++];
      }
      if (j >= s.length) throw new ShellSyntaxError('syntax error: unterminated quoted string');
      this.i = j + 1;
      return { k: 'cmd', src, quoted };
    }
    const n = s[this.i + 1];
    if (n === '(' && s[this.i + 2] === '(') {
      const end = matchParen(s, this.i + 2);
      if (end > 0 && s[end + 1] === ')') {
        const src = s.slice(this.i + 3, end);
        this.i = end + 2;
        return { k: 'arith', src, quoted };
      }
    }
    if (n === '(') {
      const end = matchParen(s, this.i + 1);
      if (end < 0) throw new ShellSyntaxError('syntax error: unterminated $(');
      const src = s.slice(this.i + 2, end);
      this.i = end + 1;
      return { k: 'cmd', src, quoted };
    }
    if (n === '{') return this.readBraced(quoted);
    if (isNameStart(n)) {
      let j = this.i + 1;
      while (isNameChar(s[j])) j++;
      const name = s.slice(this.i + 1, j);
      this.i = j;
      return { k: 'param', name, quoted };
    }
    if (n !== undefined && SPECIAL_PARAMS.includes(n)) {
      this.i += 2;
      return { k: 'param', name: n, quoted };
    }
    return undefined;
  }

  private readBraced(quoted: boolean): WordPart {
    const s = this.s;
    let j = this.i + 2;
    let length = false;
    if (s[j] === '#' && s[j + 1] !== '}' && (isNameStart(s[j + 1]) || SPECIAL_PARAMS.includes(s[j + 1] ?? '~'))) {
      length = true;
      j++;
    }
    let name: string;
    if (isNameStart(s[j])) {
      const st = j;
      while (isNameChar(s[j])) j++;
      name = s.slice(st, j);
    } else if (/\d/.test(s[j] ?? '')) {
      const st = j;
      while (/\d/.test(s[j] ?? '')) j++;
      name = s.slice(st, j);
    } else if (s[j] !== undefined && SPECIAL_PARAMS.includes(s[j])) {
      name = s[j++];
    } else throw new ShellSyntaxError('syntax error: bad substitution');
    if (s[j] === '}') {
      this.i = j + 1;
      return { k: 'param', name, quoted, ...(length ? { length } : {}) };
    }
    if (length) throw new ShellSyntaxError('syntax error: bad substitution');
    const m = /^(:[-=?+]|[-=?+]|##|#|%%|%)/.exec(s.slice(j));
    if (!m) throw new ShellSyntaxError('syntax error: bad substitution');
    const op = m[1];
    this.i = j + op.length;
    const arg = this.readBraceArg(quoted);
    return { k: 'param', name, op, arg, quoted };
  }

  /** The word after the operator of `${name<op>word}`, up to the closing brace. */
  private readBraceArg(quoted: boolean): Word {
    const start = this.i;
    const parts = this.scanWord(() => this.s[this.i] === '}', { quoted, singleQuotes: !quoted, lineContinuation: false });
    if (this.i >= this.s.length) throw new ShellSyntaxError('syntax error: missing }');
    this.i++; // the closing brace
    return { parts, raw: this.s.slice(start, this.i - 1) };
  }

  /** For here-document bodies: `\` escapes only `$`, backquote, `\` and newline; quotes are literal. */
  lexBody(): Word {
    const s = this.s;
    const parts: WordPart[] = [];
    let lit = '';
    const flush = () => {
      if (lit) parts.push({ k: 'lit', v: lit, quoted: true });
      lit = '';
    };
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === '\\' && this.i + 1 < s.length && '$`\\\n'.includes(s[this.i + 1])) {
        if (s[this.i + 1] !== '\n') lit += s[this.i + 1];
        this.i += 2;
      } else if (c === '$' || c === '`') {
        const p = this.readDollar(true);
        if (p) {
          flush();
          parts.push(p);
        } else {
          lit += c;
          this.i++;
        }
      } else {
        lit += c;
        this.i++;
      }
    }
    flush();
    return { parts, raw: s };
  }
}

export function lexHereDocBody(body: string): Word {
  return new Lexer(body).lexBody();
}

/** Index of the `)` matching the `(` at `open`, skipping quotes and nested parentheses; -1 if none. */
export function matchParen(s: string, open: number): number {
  let depth = 0;
  for (let j = open; j < s.length; j++) {
    const c = s[j];
    if (c === '\\') j++;
    else if (c === "'") {
      const e = s.indexOf("'", j + 1);
      if (e < 0) return -1;
      j = e;
    } else if (c === '"') {
      j++;
      while (j < s.length && s[j] !== '"') {
        if (s[j] === '\\') j++;
        j++;
      }
    } else if (c === '`') {
      j++;
      while (j < s.length && s[j] !== '`') {
        if (s[j] === '\\') j++;
        j++;
      }
    } else if (c === '#' && (j === 0 || /\s/.test(s[j - 1]))) {
      while (j < s.length && s[j] !== '\n') j++;
    } else if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return j;
    }
  }
  return -1;
}
