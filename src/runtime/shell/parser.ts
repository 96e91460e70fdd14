/**
 * The shell's parser: tokens from lexer.ts into a small AST (lists, and-or lists, pipelines, simple and
 * compound commands, redirections). Error texts follow busybox ash (`sh: syntax error: unexpected "fi"`).
 */
import { lex, ShellSyntaxError, type HereDoc, type Token, type Word } from './lexer.js';

export { ShellSyntaxError } from './lexer.js';

export interface Redirect {
  fd: number;
  op: string;
  target: Word;
  heredoc?: HereDoc;
}

export interface Assignment {
  name: string;
  value: Word;
}

export type Command =
  | { type: 'simple'; assigns: Assignment[]; words: Word[]; redirects: Redirect[] }
  | { type: 'if'; clauses: { cond: List; body: List }[]; elseBody?: List; redirects: Redirect[] }
  | { type: 'loop'; until: boolean; cond: List; body: List; redirects: Redirect[] }
  | { type: 'for'; name: string; items?: Word[]; body: List; redirects: Redirect[] }
  | { type: 'case'; subject: Word; items: { patterns: Word[]; body: List }[]; redirects: Redirect[] }
  | { type: 'group'; body: List; redirects: Redirect[] }
  | { type: 'subshell'; body: List; redirects: Redirect[] }
  | { type: 'func'; name: string; body: Command };

export interface Pipeline {
  negate: boolean;
  commands: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

export type List = AndOr[];

const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', '{', '}', '!', 'in']);
const REDIR_OPS = new Set(['<', '>', '>>', '<&', '>&', '<>', '>|', '<<', '<<-']);

export function parse(src: string): List {
  return new Parser(lex(src)).parseProgram();
}

/** Syntax errors that mean the input stopped short (more lines would complete it), not that it is wrong. */
const ENDED_EARLY = /unexpected end of file|unterminated|missing \}/;

/**
 * Whether `src`, typed so far at an interactive shell, stops short of a complete command: an open
 * quote, backquote, `$(` or `${`, a here-document without its delimiter line, a trailing `|`, `&&` or
 * `||`, a backslash ending the last line, a compound command without its `fi`/`done`/`esac`/`}`/`)`.
 * The shell then prints PS2 and reads another line instead of running it. A trailing newline is
 * ignored (the typed line's own).
 */
export function isIncomplete(src: string): boolean {
  const text = src.endsWith('\n') ? src.slice(0, -1) : src;
  try {
    const toks = lex(text);
    const eof = toks[toks.length - 1];
    if (eof.t === 'eof' && eof.open) return true;
    new Parser(toks).parseProgram();
    return false;
  } catch (e) {
    if (e instanceof ShellSyntaxError) return ENDED_EARLY.test(e.message);
    throw e;
  }
}

/** The literal text of a word when it has no quotes or expansions. */
function plain(w: Word): string | undefined {
  if (w.parts.length === 1 && w.parts[0].k === 'lit' && !w.parts[0].quoted) return w.parts[0].v;
  return undefined;
}

class Parser {
  private p = 0;
  constructor(private readonly toks: Token[]) {}

  private peek(): Token {
    return this.toks[this.p];
  }
  private next(): Token {
    return this.toks[this.p++];
  }
  private isOp(op: string): boolean {
    const t = this.peek();
    return t.t === 'op' && t.op === op;
  }
  private isKw(kw: string): boolean {
    const t = this.peek();
    return t.t === 'word' && plain(t.word) === kw;
  }
  private describe(t: Token): string {
    if (t.t === 'eof') return 'end of file';
    if (t.t === 'nl') return 'newline';
    if (t.t === 'op') return `"${t.op}"`;
    return `"${t.word.raw}"`;
  }
  private unexpected(): never {
    const t = this.peek();
    throw new ShellSyntaxError(
      t.t === 'eof' ? 'syntax error: unexpected end of file' : `syntax error: unexpected ${this.describe(t)}`,
    );
  }
  private skipNl(): void {
    while (this.peek().t === 'nl') this.p++;
  }
  private expectKw(kw: string): void {
    this.skipNl();
    if (!this.isKw(kw)) {
      const t = this.peek();
      if (t.t === 'eof') throw new ShellSyntaxError(`syntax error: unexpected end of file (expecting "${kw}")`);
      this.unexpected();
    }
    this.p++;
  }

  parseProgram(): List {
    const list = this.parseList(new Set());
    if (this.peek().t !== 'eof') this.unexpected();
    return list;
  }

  /** A compound list, stopping before any of the `stop` keywords, `)`, `;;` or end of input. */
  private parseList(stop: Set<string>): List {
    const list: List = [];
    for (;;) {
      this.skipNl();
      const t = this.peek();
      if (t.t === 'eof') break;
      if (t.t === 'op' && (t.op === ')' || t.op === ';;')) break;
      if (t.t === 'word') {
        const w = plain(t.word);
        if (w !== undefined && stop.has(w)) break;
      }
      list.push(this.parseAndOr());
      const s = this.peek();
      if (s.t === 'op' && (s.op === ';' || s.op === '&')) this.p++;
      else if (s.t === 'nl') this.p++;
      else if (s.t === 'eof') break;
      else if (s.t === 'op' && (s.op === ')' || s.op === ';;')) break;
      else if (s.t === 'word' && stop.has(plain(s.word) ?? '\0')) break;
      else this.unexpected();
    }
    return list;
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: AndOr['rest'] = [];
    while (this.isOp('&&') || this.isOp('||')) {
      const op = (this.next() as { op: '&&' | '||' }).op;
      this.skipNl();
      rest.push({ op, pipeline: this.parsePipeline() });
    }
    return { first, rest };
  }

  private parsePipeline(): Pipeline {
    let negate = false;
    while (this.isKw('!')) {
      this.p++;
      negate = !negate;
    }
    const commands = [this.parseCommand()];
    while (this.isOp('|')) {
      this.p++;
      this.skipNl();
      commands.push(this.parseCommand());
    }
    return { negate, commands };
  }

  private parseCommand(): Command {
    const t = this.peek();
    if (t.t === 'op' && t.op === '(') {
      this.p++;
      const body = this.parseList(new Set());
      if (!this.isOp(')')) this.unexpected();
      this.p++;
      return { type: 'subshell', body, redirects: this.parseRedirects() };
    }
    if (t.t === 'word') {
      const w = plain(t.word);
      switch (w) {
        case '{': {
          this.p++;
          const body = this.parseList(new Set(['}']));
          this.expectKw('}');
          return { type: 'group', body, redirects: this.parseRedirects() };
        }
        case 'if':
          return this.parseIf();
        case 'while':
        case 'until': {
          this.p++;
          const cond = this.parseCondition(new Set(['do']));
          this.expectKw('do');
          const body = this.parseList(new Set(['done']));
          this.expectKw('done');
          return { type: 'loop', until: w === 'until', cond, body, redirects: this.parseRedirects() };
        }
        case 'for':
          return this.parseFor();
        case 'case':
          return this.parseCase();
        case 'then':
        case 'else':
        case 'elif':
        case 'fi':
        case 'do':
        case 'done':
        case 'esac':
        case '}':
          this.unexpected();
      }
      // name() compound-command
      if (w !== undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(w)) {
        const a = this.toks[this.p + 1];
        const b = this.toks[this.p + 2];
        if (a?.t === 'op' && a.op === '(' && b?.t === 'op' && b.op === ')') {
          this.p += 3;
          this.skipNl();
          const body = this.parseCommand();
          return { type: 'func', name: w, body };
        }
      }
    }
    return this.parseSimple();
  }

  /** An if/while/until condition: a list that may not be empty (`if then` is an error at `then`, as in ash). */
  private parseCondition(stop: Set<string>): List {
    const list = this.parseList(stop);
    if (!list.length && this.peek().t !== 'eof') this.unexpected();
    return list;
  }

  private parseIf(): Command {
    this.p++;
    const clauses: { cond: List; body: List }[] = [];
    let elseBody: List | undefined;
    for (;;) {
      const cond = this.parseCondition(new Set(['then']));
      this.expectKw('then');
      const body = this.parseList(new Set(['elif', 'else', 'fi']));
      clauses.push({ cond, body });
      this.skipNl();
      if (this.isKw('elif')) {
        this.p++;
        continue;
      }
      if (this.isKw('else')) {
        this.p++;
        elseBody = this.parseList(new Set(['fi']));
      }
      this.expectKw('fi');
      break;
    }
    return { type: 'if', clauses, ...(elseBody ? { elseBody } : {}), redirects: this.parseRedirects() };
  }

  private parseFor(): Command {
    this.p++;
    const t = this.next();
    const name = t.t === 'word' ? plain(t.word) : undefined;
    if (name === undefined || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      this.p--;
      throw new ShellSyntaxError(`syntax error: bad for loop variable`);
    }
    let items: Word[] | undefined;
    this.skipNl();
    if (this.isKw('in')) {
      this.p++;
      items = [];
      while (this.peek().t === 'word') items.push((this.next() as { word: Word }).word);
      if (this.isOp(';')) this.p++;
      else if (this.peek().t !== 'nl') this.unexpected();
    } else if (this.isOp(';')) this.p++;
    this.expectKw('do');
    const body = this.parseList(new Set(['done']));
    this.expectKw('done');
    return { type: 'for', name, ...(items ? { items } : {}), body, redirects: this.parseRedirects() };
  }

  private parseCase(): Command {
    this.p++;
    const t = this.next();
    if (t.t !== 'word') this.unexpected();
    const subject = t.word;
    this.skipNl();
    if (!this.isKw('in')) this.unexpected();
    this.p++;
    const items: { patterns: Word[]; body: List }[] = [];
    for (;;) {
      this.skipNl();
      if (this.isKw('esac')) {
        this.p++;
        break;
      }
      if (this.isOp('(')) this.p++;
      const patterns: Word[] = [];
      for (;;) {
        const pt = this.next();
        if (pt.t !== 'word') {
          this.p--;
          this.unexpected();
        }
        patterns.push(pt.word);
        if (this.isOp('|')) {
          this.p++;
          continue;
        }
        break;
      }
      if (!this.isOp(')')) this.unexpected();
      this.p++;
      const body = this.parseList(new Set(['esac']));
      items.push({ patterns, body });
      if (this.isOp(';;')) this.p++;
      else {
        this.skipNl();
        if (!this.isKw('esac')) this.unexpected();
      }
    }
    return { type: 'case', subject, items, redirects: this.parseRedirects() };
  }

  private parseRedirects(): Redirect[] {
    const out: Redirect[] = [];
    for (;;) {
      const r = this.tryRedirect();
      if (!r) return out;
      out.push(r);
    }
  }

  private tryRedirect(): Redirect | undefined {
    const t = this.peek();
    if (t.t !== 'op' || !REDIR_OPS.has(t.op)) return undefined;
    this.p++;
    const fd = t.ioNumber ?? (t.op.startsWith('<') ? 0 : 1);
    if (t.heredoc) return { fd, op: t.op, target: { parts: [], raw: t.heredoc.delim }, heredoc: t.heredoc };
    const w = this.peek();
    if (w.t !== 'word') this.unexpected();
    this.p++;
    return { fd, op: t.op, target: w.word };
  }

  private parseSimple(): Command {
    const assigns: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      const r = this.tryRedirect();
      if (r) {
        redirects.push(r);
        continue;
      }
      const t = this.peek();
      if (t.t !== 'word') break;
      if (words.length === 0) {
        const a = asAssignment(t.word);
        if (a) {
          assigns.push(a);
          this.p++;
          continue;
        }
      }
      words.push(t.word);
      this.p++;
    }
    if (!assigns.length && !words.length && !redirects.length) this.unexpected();
    return { type: 'simple', assigns, words, redirects };
  }
}

function asAssignment(w: Word): Assignment | undefined {
  const first = w.parts[0];
  if (!first || first.k !== 'lit' || first.quoted) return undefined;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.v);
  if (!m) return undefined;
  const rest = first.v.slice(m[0].length);
  const parts = [...(rest ? [{ ...first, v: rest }] : []), ...w.parts.slice(1)];
  return { name: m[1], value: { parts, raw: w.raw.slice(m[0].length) } };
}

export { RESERVED };
