/** client-go's JSONPath parser: a template becomes literal text nodes and `{…}` action lists. */
import { JsonPathError } from './errors.js';
import type { ListNode, SliceParam } from './nodes.js';
import { EOF, goAtoi, goUnicodeVerb, isAlphaNumeric, isDigit, isEndOfLine, isTerminator, unquoteExtend } from './runes.js';

/** Parses a whole template; throws JsonPathError with client-go's reason on bad syntax. */
export function parseTemplate(template: string): ListNode {
  return new Parser(template).parse();
}

class Parser {
  private pos = 0;
  private width = 0;

  constructor(private readonly input: string) {}

  /** Literal text up to each `{`, then the action up to its `}`. */
  parse(): ListNode {
    const root: ListNode = { kind: 'list', nodes: [] };
    for (;;) {
      const open = this.input.indexOf('{', this.pos);
      if (open < 0) {
        if (this.pos < this.input.length) root.nodes.push({ kind: 'text', text: this.input.slice(this.pos) });
        return root;
      }
      if (open > this.pos) root.nodes.push({ kind: 'text', text: this.input.slice(this.pos, open) });
      this.pos = open + 1;
      const action: ListNode = { kind: 'list', nodes: [] };
      root.nodes.push(action);
      this.parseAction(action);
    }
  }

  /** Reads one code point; EOF at the end. */
  private next(): string {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const cp = this.input.codePointAt(this.pos)!;
    const r = String.fromCodePoint(cp);
    this.width = r.length;
    this.pos += this.width;
    return r;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  private peek(): string {
    const r = this.next();
    this.backup();
    return r;
  }

  private parseAction(cur: ListNode): void {
    for (;;) {
      if (this.input.startsWith('}', this.pos)) {
        this.pos++;
        return;
      }
      if (this.input.startsWith('[?(', this.pos)) {
        this.parseFilter(cur);
        continue;
      }
      if (this.input.startsWith('..', this.pos)) {
        this.parseRecursive(cur);
        continue;
      }
      this.parseActionToken(cur);
    }
  }

  private parseActionToken(cur: ListNode): void {
    const start = this.pos;
    const r = this.next();
    if (r === EOF || isEndOfLine(r)) throw new JsonPathError('unclosed action');
    if (r === ' ' || r === '@' || r === '$') return; // `@` and `$` both mean "the current object"
    if (r === '[') return this.parseArray(cur, start);
    if (r === '"' || r === "'") return this.parseQuote(cur, start, r);
    if (r === '.') return this.parseField(cur);
    if (r === '+' || r === '-' || isDigit(r)) {
      this.pos = start;
      return this.parseNumber(cur);
    }
    if (isAlphaNumeric(r)) {
      this.pos = start;
      return this.parseIdentifier(cur);
    }
    throw new JsonPathError(`unrecognized character in action: ${goUnicodeVerb(r)}`);
  }

  /** `range`, `end`, `true`, `false` (any other word fails only when executed). */
  private parseIdentifier(cur: ListNode): void {
    const start = this.pos;
    while (!isTerminator(this.next()));
    this.backup();
    const word = this.input.slice(start, this.pos);
    if (word === 'true' || word === 'false') cur.nodes.push({ kind: 'bool', value: word === 'true' });
    else cur.nodes.push({ kind: 'identifier', name: word });
  }

  private parseRecursive(cur: ListNode): void {
    if (cur.nodes.at(-1)?.kind === 'recursive') throw new JsonPathError('invalid multiple recursive descent');
    this.pos += 2;
    cur.nodes.push({ kind: 'recursive' });
    if (isAlphaNumeric(this.peek())) this.parseField(cur);
  }

  /** Digits and dots after an optional sign: an int if Go's Atoi takes it, else a float, else an error. */
  private parseNumber(cur: ListNode): void {
    const start = this.pos;
    const sign = this.peek();
    if (sign === '+' || sign === '-') this.next();
    for (;;) {
      const r = this.next();
      if (r !== '.' && !isDigit(r)) break;
    }
    this.backup();
    const text = this.input.slice(start, this.pos);
    const int = goAtoi(text);
    if (int !== undefined) cur.nodes.push({ kind: 'int', value: int });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) cur.nodes.push({ kind: 'float', value: Number(text) });
    else throw new JsonPathError(`cannot parse number ${text}`);
  }

  /** `[…]`: union `[a,b]`, dict key `['k']`, or index/slice `[n]`, `[a:b:c]`, `[*]`. */
  private parseArray(cur: ListNode, start: number): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathError('unterminated array');
      if (r === ']') break;
    }
    let text = this.input.slice(start + 1, this.pos - 1);
    if (text === '*') text = ':';
    const parts = text.split(',');
    if (parts.length > 1) {
      cur.nodes.push({ kind: 'union', branches: parts.map((p) => parseSubAction(`[${trimSpaces(p)}]`)) });
      return;
    }
    const dictKey = /^'([^']*)'$/.exec(text);
    if (dictKey) {
      // `['a.b']` is re-parsed as `.a.b`, so a quoted key cannot contain dots (kubectl does the same).
      cur.nodes.push(...parseSubAction(`.${dictKey[1]}`).nodes);
      return;
    }
    cur.nodes.push({ kind: 'array', params: parseSliceParams(text) });
  }

  /** `[?(left op right)]` or `[?(path)]` (exists). */
  private parseFilter(cur: ListNode): void {
    this.pos += 3;
    const start = this.pos;
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathError('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')' && begin === end) break;
    }
    if (this.next() !== ']') throw new JsonPathError('unclosed array expect ]');
    const text = this.input.slice(start, this.pos - 2);
    const m = /^([^!<>=]+)([!<>=]+)([^\n]+?)$/.exec(text);
    if (!m) {
      cur.nodes.push({ kind: 'filter', left: parseSubAction(text), right: { kind: 'list', nodes: [] }, operator: 'exists' });
      return;
    }
    cur.nodes.push({ kind: 'filter', left: parseSubAction(m[1]), right: parseSubAction(m[3]), operator: m[2] });
  }

  /** A quoted string literal; the closing quote is one not preceded by a backslash. */
  private parseQuote(cur: ListNode, start: number, quote: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathError('unterminated quoted string');
      if (r === quote && this.input[this.pos - 2] !== '\\') break;
    }
    const literal = this.input.slice(start, this.pos);
    const text = unquoteExtend(literal);
    if (text === undefined) throw new JsonPathError(`unquote string ${literal} error invalid syntax`);
    cur.nodes.push({ kind: 'text', text });
  }

  /** A field name runs to the next unescaped terminator; every backslash is then dropped (`a\.b` → `a.b`). */
  private parseField(cur: ListNode): void {
    const start = this.pos;
    for (;;) {
      const r = this.next();
      if (r === '\\') this.next();
      else if (isTerminator(r)) break;
    }
    this.backup();
    const name = this.input.slice(start, this.pos);
    cur.nodes.push(name === '*' ? { kind: 'wildcard' } : { kind: 'field', name: name.replaceAll('\\', '') });
  }
}

/** client-go re-parses pieces (union members, dict keys, filter sides) as a whole `{…}` template. */
function parseSubAction(text: string): ListNode {
  return new Parser(`{${text}}`).parse().nodes[0] as ListNode;
}

function parseSliceParams(text: string): [SliceParam, SliceParam, SliceParam] {
  const m = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/.exec(text);
  if (!m) throw new JsonPathError(`invalid array index ${text}`);
  const params: SliceParam[] = [];
  for (let i = 0; i < 3; i++) {
    const raw = m[i + 1] ?? '';
    if (raw === '') {
      // No colon at all: `[n]` selects n..n+1.
      params.push(i === 1 ? { known: true, value: params[0].value + 1, derived: true } : { known: false, value: 0, derived: false });
      continue;
    }
    const digits = i > 0 ? raw.slice(1) : raw;
    if (i > 0 && digits === '') {
      params.push({ known: false, value: 0, derived: false });
      continue;
    }
    const value = goAtoi(digits);
    if (value === undefined) throw new JsonPathError(`array index ${digits} is not a number`);
    params.push({ known: true, value, derived: false });
  }
  return params as [SliceParam, SliceParam, SliceParam];
}

function trimSpaces(s: string): string {
  return s.replace(/^ +| +$/g, '');
}
