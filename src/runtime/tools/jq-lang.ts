/**
 * A jq 1.6 subset: paths (`.a.b`, `."x"`, `.[0]`, `.[1:3]`, `.[]`, `..`, `?`), pipes and commas,
 * literals, string interpolation, array and object construction (`{a, b: .c, (.k): 1, $x, "s": 2}`),
 * arithmetic and comparison, `and`/`or`, `//`, `if … then … elif … else … end`, `try … catch …`,
 * `reduce … as $x (init; update)`, `… as $x | …`, `$ENV`/`env`, formats (`@csv`, `@tsv`, `@base64`,
 * `@json`, `@text`, `@sh`, `@html`, `@uri`) and the everyday builtins. Errors carry jq's wording.
 */
import { compareStrings, dumpJson, formatNumber, quoteString, type Json } from './jq-json.js';

export class JqCompileError extends Error {}
export class JqRuntimeError extends Error {
  constructor(
    message: string,
    /** error(value) with a non-string value keeps the value for jq's "(not a string)" report. */
    readonly value?: Json,
  ) {
    super(message);
  }
}

// ---- lexer -------------------------------------------------------------------------------------------

type Tok =
  | { t: 'num'; v: number }
  | { t: 'str'; parts: Array<string | Node> }
  | { t: 'field'; v: string }
  | { t: 'ident'; v: string }
  | { t: 'var'; v: string }
  | { t: 'format'; v: string }
  | { t: 'op'; v: string }
  | { t: 'eof' };

const KEYWORDS = new Set(['if', 'then', 'elif', 'else', 'end', 'as', 'def', 'reduce', 'foreach', 'try', 'catch', 'label', 'import', 'include', 'and', 'or', 'not', '__loc__']);
const OPS = ['?//', '|=', '+=', '-=', '*=', '/=', '%=', '//=', '==', '!=', '<=', '>=', '//', '..', 'and', 'or', '|', ',', '+', '-', '*', '/', '%', '=', '<', '>', '.', '[', ']', '{', '}', '(', ')', ':', ';', '?'];

function tokName(t: Tok): string {
  switch (t.t) {
    case 'num':
      return 'LITERAL';
    case 'str':
      return 'QQSTRING_START';
    case 'field':
      return 'FIELD';
    case 'ident':
      return KEYWORDS.has(t.v) ? t.v : 'IDENT';
    case 'var':
      return '\'$\'';
    case 'format':
      return 'FORMAT';
    case 'op':
      return ['==', '!=', '<=', '>=', '//', '..', '|=', '+=', '-=', '*=', '/=', '%=', '//=', '?//'].includes(t.v) ? { '==': 'EQ', '!=': 'NEQ', '<=': 'LESSEQ', '>=': 'GREATEREQ', '//': '"//"', '..': 'REC', '|=': '"|="', '+=': '"+="', '-=': '"-="', '*=': '"*="', '/=': '"/="', '%=': '"%="', '//=': '"//="', '?//': '"?//"' }[t.v]! : `'${t.v}'`;
    case 'eof':
      return '$end';
  }
}

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const isIdStart = (c: string) => /[A-Za-z_]/.test(c);
  const isId = (c: string) => /[A-Za-z0-9_]/.test(c);
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '"') {
      const { parts, end } = lexString(src, i + 1);
      out.push({ t: 'str', parts });
      i = end;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(src.slice(i))!;
      out.push({ t: 'num', v: Number(m[0]) });
      i += m[0].length;
      continue;
    }
    if (c === '.' && isIdStart(src[i + 1] ?? '')) {
      let j = i + 1;
      while (j < src.length && isId(src[j])) j++;
      out.push({ t: 'field', v: src.slice(i + 1, j) });
      i = j;
      continue;
    }
    if (c === '$' && isIdStart(src[i + 1] ?? '')) {
      let j = i + 1;
      while (j < src.length && (isId(src[j]) || (src[j] === ':' && src[j + 1] === ':'))) j += src[j] === ':' ? 2 : 1;
      out.push({ t: 'var', v: src.slice(i + 1, j) });
      i = j;
      continue;
    }
    if (c === '@' && isIdStart(src[i + 1] ?? '')) {
      let j = i + 1;
      while (j < src.length && isId(src[j])) j++;
      out.push({ t: 'format', v: src.slice(i + 1, j) });
      i = j;
      continue;
    }
    if (isIdStart(c)) {
      let j = i;
      while (j < src.length && (isId(src[j]) || (src[j] === ':' && src[j + 1] === ':' && isIdStart(src[j + 2] ?? '')))) j += src[j] === ':' ? 2 : 1;
      out.push({ t: 'ident', v: src.slice(i, j) });
      i = j;
      continue;
    }
    const op = OPS.find((o) => !/[a-z]/.test(o) && src.startsWith(o, i));
    if (!op) throw new JqCompileError(`syntax error, unexpected INVALID_CHARACTER (Unix shell quoting issues?)`);
    out.push({ t: 'op', v: op });
    i += op.length;
  }
  out.push({ t: 'eof' });
  return out;
}

function lexString(src: string, start: number): { parts: Array<string | Node>; end: number } {
  const parts: Array<string | Node> = [];
  let cur = '';
  let i = start;
  while (i < src.length) {
    const c = src[i];
    if (c === '"') {
      if (cur || !parts.length) parts.push(cur);
      return { parts, end: i + 1 };
    }
    if (c === '\\') {
      const e = src[i + 1];
      if (e === '(') {
        // \( … ) interpolation: find the matching parenthesis, strings inside included.
        let depth = 1;
        let j = i + 2;
        while (j < src.length && depth) {
          if (src[j] === '"') j = lexString(src, j + 1).end;
          else {
            if (src[j] === '(') depth++;
            else if (src[j] === ')') depth--;
            j++;
          }
        }
        if (cur) parts.push(cur);
        cur = '';
        parts.push(parse(src.slice(i + 2, j - 1)));
        i = j;
        continue;
      }
      const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (e === 'u') {
        cur += String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      if (map[e] === undefined) throw new JqCompileError(`syntax error, unexpected INVALID_CHARACTER, expecting QQSTRING_TEXT or QQSTRING_INTERP_START or QQSTRING_END (Unix shell quoting issues?)`);
      cur += map[e];
      i += 2;
      continue;
    }
    cur += c;
    i++;
  }
  throw new JqCompileError('syntax error, unexpected $end, expecting QQSTRING_TEXT or QQSTRING_INTERP_START or QQSTRING_END (Unix shell quoting issues?)');
}

// ---- parser ------------------------------------------------------------------------------------------

export type Node =
  | { k: 'identity' }
  | { k: 'recurse' }
  | { k: 'literal'; v: Json }
  | { k: 'string'; parts: Array<string | Node>; format?: string }
  | { k: 'format'; name: string }
  | { k: 'index'; target: Node; key: Node }
  | { k: 'slice'; target: Node; from?: Node; to?: Node }
  | { k: 'iterate'; target: Node }
  | { k: 'try'; body: Node; handler?: Node }
  | { k: 'pipe'; left: Node; right: Node }
  | { k: 'comma'; left: Node; right: Node }
  | { k: 'binop'; op: string; left: Node; right: Node }
  | { k: 'alt'; left: Node; right: Node }
  | { k: 'and' | 'or'; left: Node; right: Node }
  | { k: 'neg'; body: Node }
  | { k: 'array'; body?: Node }
  | { k: 'object'; entries: Array<{ key: Node; value?: Node }> }
  | { k: 'call'; name: string; args: Node[] }
  | { k: 'var'; name: string }
  | { k: 'as'; source: Node; name: string; body: Node }
  | { k: 'if'; cond: Node; then: Node; elifs: Array<[Node, Node]>; else?: Node }
  | { k: 'reduce'; source: Node; name: string; init: Node; update: Node }
  | { k: 'update'; op: string; path: Node; value: Node };

class Parser {
  private pos = 0;
  constructor(private readonly toks: Tok[]) {}
  peek(): Tok {
    return this.toks[this.pos];
  }
  isOp(v: string): boolean {
    const t = this.peek();
    return (t.t === 'op' && t.v === v) || (t.t === 'ident' && t.v === v);
  }
  unexpected(): never {
    throw new JqCompileError(`syntax error, unexpected ${tokName(this.peek())} (Unix shell quoting issues?)`);
  }
  expect(v: string): void {
    if (!this.isOp(v)) this.unexpected();
    this.pos++;
  }
  parseProgram(): Node {
    const n = this.pipe();
    if (this.peek().t !== 'eof') this.unexpected();
    return n;
  }
  /** Pipe level (lowest): `a | b`, `term as $x | body`. */
  pipe(): Node {
    const left = this.comma();
    if (this.isOp('|')) {
      this.pos++;
      return { k: 'pipe', left, right: this.pipe() };
    }
    return left;
  }
  comma(): Node {
    let left = this.alt();
    while (this.isOp(',')) {
      this.pos++;
      left = { k: 'comma', left, right: this.alt() };
    }
    return left;
  }
  alt(): Node {
    const left = this.assign();
    if (this.isOp('//')) {
      this.pos++;
      return { k: 'alt', left, right: this.alt() };
    }
    return left;
  }
  assign(): Node {
    const left = this.or();
    for (const op of ['|=', '=', '+=', '-=', '*=', '/=', '%=', '//=']) {
      if (this.isOp(op)) {
        this.pos++;
        return { k: 'update', op, path: left, value: this.alt() };
      }
    }
    return left;
  }
  or(): Node {
    let left = this.and();
    while (this.isOp('or')) {
      this.pos++;
      left = { k: 'or', left, right: this.and() };
    }
    return left;
  }
  and(): Node {
    let left = this.compare();
    while (this.isOp('and')) {
      this.pos++;
      left = { k: 'and', left, right: this.compare() };
    }
    return left;
  }
  compare(): Node {
    const left = this.additive();
    for (const op of ['==', '!=', '<=', '>=', '<', '>']) {
      if (this.isOp(op)) {
        this.pos++;
        const right = this.additive();
        if (['==', '!=', '<=', '>=', '<', '>'].some((o) => this.isOp(o))) this.unexpected();
        return { k: 'binop', op, left, right };
      }
    }
    return left;
  }
  additive(): Node {
    let left = this.multiplicative();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.peek() as { v: string }).v;
      this.pos++;
      left = { k: 'binop', op, left, right: this.multiplicative() };
    }
    return left;
  }
  multiplicative(): Node {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const op = (this.peek() as { v: string }).v;
      this.pos++;
      left = { k: 'binop', op, left, right: this.unary() };
    }
    return left;
  }
  unary(): Node {
    if (this.isOp('-')) {
      this.pos++;
      return { k: 'neg', body: this.unary() };
    }
    return this.postfixAs();
  }
  /** A term, optionally bound: `term as $x | body` binds over the whole rest of the pipe. */
  postfixAs(): Node {
    const t = this.postfix();
    if (this.isOp('as')) {
      this.pos++;
      const v = this.peek();
      if (v.t !== 'var') this.unexpected();
      this.pos++;
      this.expect('|');
      return { k: 'as', source: t, name: v.v, body: this.pipe() };
    }
    return t;
  }
  postfix(): Node {
    let n = this.primary();
    for (;;) {
      const t = this.peek();
      if (t.t === 'field') {
        this.pos++;
        n = { k: 'index', target: n, key: { k: 'literal', v: t.v } };
      } else if (t.t === 'op' && t.v === '.' && this.toks[this.pos + 1]?.t === 'str') {
        this.pos++;
        const s = this.peek() as { t: 'str'; parts: Array<string | Node> };
        this.pos++;
        n = { k: 'index', target: n, key: { k: 'string', parts: s.parts } };
      } else if (t.t === 'op' && t.v === '.' && this.toks[this.pos + 1]?.t === 'op' && (this.toks[this.pos + 1] as { v: string }).v === '[') {
        this.pos++;
      } else if (t.t === 'op' && t.v === '[') {
        n = this.bracket(n);
      } else if (t.t === 'op' && t.v === '?') {
        this.pos++;
        n = { k: 'try', body: n };
      } else return n;
    }
  }
  bracket(target: Node): Node {
    this.expect('[');
    if (this.isOp(']')) {
      this.pos++;
      return { k: 'iterate', target };
    }
    if (this.isOp(':')) {
      this.pos++;
      const to = this.pipe();
      this.expect(']');
      return { k: 'slice', target, to };
    }
    const key = this.pipe();
    if (this.isOp(':')) {
      this.pos++;
      if (this.isOp(']')) {
        this.pos++;
        return { k: 'slice', target, from: key };
      }
      const to = this.pipe();
      this.expect(']');
      return { k: 'slice', target, from: key, to };
    }
    this.expect(']');
    return { k: 'index', target, key };
  }
  primary(): Node {
    const t = this.peek();
    switch (t.t) {
      case 'num':
        this.pos++;
        return { k: 'literal', v: t.v };
      case 'str':
        this.pos++;
        return { k: 'string', parts: t.parts };
      case 'field':
        this.pos++;
        return { k: 'index', target: { k: 'identity' }, key: { k: 'literal', v: t.v } };
      case 'var':
        this.pos++;
        return { k: 'var', name: t.v };
      case 'format': {
        this.pos++;
        const s = this.peek();
        if (s.t === 'str') {
          this.pos++;
          return { k: 'string', parts: s.parts, format: t.v };
        }
        return { k: 'format', name: t.v };
      }
      case 'ident':
        return this.identTerm(t.v);
      case 'op':
        if (t.v === '.') {
          this.pos++;
          if (this.peek().t === 'str') {
            const s = this.peek() as { t: 'str'; parts: Array<string | Node> };
            this.pos++;
            return { k: 'index', target: { k: 'identity' }, key: { k: 'string', parts: s.parts } };
          }
          return { k: 'identity' };
        }
        if (t.v === '..') {
          this.pos++;
          return { k: 'recurse' };
        }
        if (t.v === '(') {
          this.pos++;
          const n = this.pipe();
          this.expect(')');
          return n;
        }
        if (t.v === '[') {
          this.pos++;
          if (this.isOp(']')) {
            this.pos++;
            return { k: 'array' };
          }
          const body = this.pipe();
          this.expect(']');
          return { k: 'array', body };
        }
        if (t.v === '{') return this.object();
        return this.unexpected();
      default:
        return this.unexpected();
    }
  }
  identTerm(name: string): Node {
    this.pos++;
    if (name === 'if') {
      const cond = this.pipe();
      this.expect('then');
      const then = this.pipe();
      const elifs: Array<[Node, Node]> = [];
      let otherwise: Node | undefined;
      for (;;) {
        if (this.isOp('elif')) {
          this.pos++;
          const c = this.pipe();
          this.expect('then');
          elifs.push([c, this.pipe()]);
        } else if (this.isOp('else')) {
          this.pos++;
          otherwise = this.pipe();
          this.expect('end');
          break;
        } else {
          this.expect('end');
          break;
        }
      }
      return { k: 'if', cond, then, elifs, ...(otherwise ? { else: otherwise } : {}) };
    }
    if (name === 'try') {
      const body = this.postfix();
      if (this.isOp('catch')) {
        this.pos++;
        return { k: 'try', body, handler: this.postfix() };
      }
      return { k: 'try', body };
    }
    if (name === 'reduce') {
      const source = this.postfix();
      this.expect('as');
      const v = this.peek();
      if (v.t !== 'var') this.unexpected();
      this.pos++;
      this.expect('(');
      const init = this.pipe();
      this.expect(';');
      const update = this.pipe();
      this.expect(')');
      return { k: 'reduce', source, name: v.v, init, update };
    }
    if (KEYWORDS.has(name) && name !== 'not' && name !== '__loc__') {
      this.pos--;
      this.unexpected();
    }
    const args: Node[] = [];
    if (this.isOp('(')) {
      this.pos++;
      args.push(this.pipe());
      while (this.isOp(';')) {
        this.pos++;
        args.push(this.pipe());
      }
      this.expect(')');
    }
    return { k: 'call', name, args };
  }
  object(): Node {
    this.expect('{');
    const entries: Array<{ key: Node; value?: Node }> = [];
    if (this.isOp('}')) {
      this.pos++;
      return { k: 'object', entries };
    }
    for (;;) {
      const t = this.peek();
      let key: Node;
      if (t.t === 'ident') {
        this.pos++;
        key = { k: 'literal', v: t.v };
      } else if (t.t === 'var') {
        this.pos++;
        key = { k: 'var', name: t.v };
        if (!this.isOp(':')) {
          entries.push({ key: { k: 'literal', v: t.v }, value: key });
          if (this.isOp(',')) {
            this.pos++;
            continue;
          }
          this.expect('}');
          return { k: 'object', entries };
        }
      } else if (t.t === 'str') {
        this.pos++;
        key = { k: 'string', parts: t.parts };
      } else if (t.t === 'num') {
        this.pos++;
        key = { k: 'literal', v: t.v };
      } else if (t.t === 'op' && t.v === '(') {
        this.pos++;
        key = this.pipe();
        this.expect(')');
      } else return this.unexpected();
      let value: Node | undefined;
      if (this.isOp(':')) {
        this.pos++;
        value = this.objectValue();
      }
      entries.push({ key, ...(value ? { value } : {}) });
      if (this.isOp(',')) {
        this.pos++;
        continue;
      }
      this.expect('}');
      return { k: 'object', entries };
    }
  }
  /** jq's ExpD: terms joined by `|`, or a negated term — `{a: 1 + 2}` is a syntax error in jq 1.6. */
  objectValue(): Node {
    let left: Node = this.isOp('-') ? (this.pos++, { k: 'neg', body: this.postfix() }) : this.postfix();
    while (this.isOp('|')) {
      this.pos++;
      left = { k: 'pipe', left, right: this.postfix() };
    }
    return left;
  }
}

export function parse(src: string): Node {
  return new Parser(lex(src)).parseProgram();
}

// ---- evaluation --------------------------------------------------------------------------------------

export type Env = Map<string, Json>;

export function kindOf(v: Json): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  return Array.isArray(v) ? 'array' : 'object';
}

const ORDER = ['null', 'boolean', 'number', 'string', 'array', 'object'];

export function compare(a: Json, b: Json): number {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka !== kb || (ka === 'boolean' && a !== b)) {
    if (ka === 'boolean' && kb === 'boolean') return a ? 1 : -1;
    return ORDER.indexOf(ka) - ORDER.indexOf(kb);
  }
  if (ka === 'number') return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
  if (ka === 'string') return compareStrings(a as string, b as string);
  if (ka === 'array') {
    const x = a as Json[];
    const y = b as Json[];
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const c = compare(x[i], y[i]);
      if (c) return c;
    }
    return x.length - y.length;
  }
  if (ka === 'object') {
    const x = a as Record<string, Json>;
    const y = b as Record<string, Json>;
    const kc = compare(Object.keys(x).sort(compareStrings), Object.keys(y).sort(compareStrings));
    if (kc) return kc;
    for (const k of Object.keys(x).sort(compareStrings)) {
      const c = compare(x[k], y[k]);
      if (c) return c;
    }
  }
  return 0;
}

const truthy = (v: Json) => v !== null && v !== false;

/** jq's short dump of a value inside error messages (jv_dump_string_trunc into 15 bytes: 11 then "..."). */
function brief(v: Json): string {
  const s = dumpJson(v, { indent: 0 });
  return Buffer.byteLength(s) > 14 ? `${Buffer.from(s).subarray(0, 11).toString()}...` : s;
}

function indexValue(t: Json, k: Json): Json {
  if (t === null && (typeof k === 'string' || typeof k === 'number' || k === null)) return null;
  if (typeof k === 'string' && t !== null && typeof t === 'object' && !Array.isArray(t)) return Object.prototype.hasOwnProperty.call(t, k) ? t[k] : null;
  if (typeof k === 'number' && Array.isArray(t)) {
    const i = Math.floor(k) < 0 ? t.length + Math.floor(k) : Math.floor(k);
    return i >= 0 && i < t.length ? t[i] : null;
  }
  if (typeof k === 'string' && Buffer.byteLength(k) < 30) throw new JqRuntimeError(`Cannot index ${kindOf(t)} with string "${k}"`);
  throw new JqRuntimeError(`Cannot index ${kindOf(t)} with ${kindOf(k)}`);
}

function add(a: Json, b: Json): Json {
  if (a === null) return b;
  if (b === null) return a;
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  if (kindOf(a) === 'object' && kindOf(b) === 'object') return { ...(a as object), ...(b as object) } as Json;
  throw new JqRuntimeError(`${kindOf(a)} (${brief(a)}) and ${kindOf(b)} (${brief(b)}) cannot be added`);
}

function deepMerge(a: Record<string, Json>, b: Record<string, Json>): Record<string, Json> {
  const out: Record<string, Json> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const cur = out[k];
    out[k] = kindOf(cur) === 'object' && kindOf(v) === 'object' ? deepMerge(cur as Record<string, Json>, v as Record<string, Json>) : v;
  }
  return out;
}

function binop(op: string, a: Json, b: Json): Json {
  switch (op) {
    case '+':
      return add(a, b);
    case '-':
      if (typeof a === 'number' && typeof b === 'number') return a - b;
      if (Array.isArray(a) && Array.isArray(b)) return a.filter((x) => !b.some((y) => compare(x, y) === 0));
      throw new JqRuntimeError(`${kindOf(a)} (${brief(a)}) and ${kindOf(b)} (${brief(b)}) cannot be subtracted`);
    case '*':
      if (typeof a === 'number' && typeof b === 'number') return a * b;
      if (typeof a === 'string' && typeof b === 'number') return b > 0 ? a.repeat(Math.max(1, Math.ceil(b))) : null;
      if (typeof b === 'string' && typeof a === 'number') return a > 0 ? b.repeat(Math.max(1, Math.ceil(a))) : null;
      if (kindOf(a) === 'object' && kindOf(b) === 'object') return deepMerge(a as Record<string, Json>, b as Record<string, Json>);
      throw new JqRuntimeError(`${kindOf(a)} (${brief(a)}) and ${kindOf(b)} (${brief(b)}) cannot be multiplied`);
    case '/':
      if (typeof a === 'number' && typeof b === 'number') {
        if (b === 0) throw new JqRuntimeError(`${kindOf(a)} (${brief(a)}) and ${kindOf(b)} (${brief(b)}) cannot be divided because the divisor is zero`);
        return a / b;
      }
      if (typeof a === 'string' && typeof b === 'string') return a === '' ? [] : a.split(b);
      throw new JqRuntimeError(`${kindOf(a)} (${brief(a)}) and ${kindOf(b)} (${brief(b)}) cannot be divided`);
    case '%':
      if (typeof a === 'number' && typeof b === 'number') {
        if (Math.trunc(b) === 0) throw new JqRuntimeError(`${kindOf(a)} (${brief(a)}) and ${kindOf(b)} (${brief(b)}) cannot be divided (remainder) because the divisor is zero`);
        return Math.trunc(a) % Math.trunc(b);
      }
      throw new JqRuntimeError(`${kindOf(a)} (${brief(a)}) and ${kindOf(b)} (${brief(b)}) cannot be divided (remainder)`);
    case '==':
      return compare(a, b) === 0;
    case '!=':
      return compare(a, b) !== 0;
    case '<':
      return compare(a, b) < 0;
    case '<=':
      return compare(a, b) <= 0;
    case '>':
      return compare(a, b) > 0;
    case '>=':
      return compare(a, b) >= 0;
  }
  throw new JqRuntimeError(`unknown operator ${op}`);
}

function tostring(v: Json): string {
  return typeof v === 'string' ? v : dumpJson(v, { indent: 0 });
}

function applyFormat(name: string, v: Json): string {
  switch (name) {
    case 'text':
      return tostring(v);
    case 'json':
      return dumpJson(v, { indent: 0 });
    case 'base64':
      return Buffer.from(tostring(v)).toString('base64');
    case 'base64d':
      return Buffer.from(tostring(v), 'base64').toString();
    case 'uri':
      return [...Buffer.from(tostring(v))].map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
    case 'html':
      return tostring(v).replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&quot;' })[c]!);
    case 'sh': {
      const q = (x: Json) => {
        if (typeof x === 'string') return `'${x.replace(/'/g, "'\\''")}'`;
        if (x !== null && typeof x === 'object') throw new JqRuntimeError(`${kindOf(x)} (${brief(x)}) can not be escaped for shell`);
        return tostring(x);
      };
      return Array.isArray(v) ? v.map(q).join(' ') : q(v);
    }
    case 'csv':
    case 'tsv': {
      if (!Array.isArray(v)) throw new JqRuntimeError(`${kindOf(v)} (${brief(v)}) cannot be ${name}-formatted, only array`);
      return v
        .map((x) => {
          if (typeof x === 'number') return formatNumber(x);
          if (typeof x === 'boolean') return String(x);
          if (x === null) return '';
          if (typeof x === 'string') return name === 'csv' ? `"${x.replace(/"/g, '""')}"` : x.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
          throw new JqRuntimeError(`${kindOf(x)} (${brief(x)}) is not valid in a csv row`);
        })
        .join(name === 'csv' ? ',' : '\t');
    }
  }
  throw new JqCompileError(`${name} is not a valid format`);
}

function length(v: Json): Json {
  if (v === null) return 0;
  if (typeof v === 'boolean') throw new JqRuntimeError(`boolean (${v}) has no length`);
  if (typeof v === 'number') return Math.abs(v);
  if (typeof v === 'string') return [...v].length;
  if (Array.isArray(v)) return v.length;
  return Object.keys(v).length;
}

function keys(v: Json, sorted: boolean): Json {
  if (Array.isArray(v)) return v.map((_, i) => i);
  if (v !== null && typeof v === 'object') return sorted ? Object.keys(v).sort(compareStrings) : Object.keys(v);
  throw new JqRuntimeError(`${kindOf(v)} (${brief(v)}) has no keys`);
}

function iterate(v: Json): Json[] {
  if (Array.isArray(v)) return v;
  if (v !== null && typeof v === 'object') return Object.values(v);
  throw new JqRuntimeError(`Cannot iterate over ${kindOf(v)} (${brief(v)})`);
}

function recurseAll(v: Json): Json[] {
  const out: Json[] = [v];
  if (v !== null && typeof v === 'object') for (const c of Array.isArray(v) ? v : Object.values(v)) out.push(...recurseAll(c));
  return out;
}

function contains(a: Json, b: Json): boolean {
  if (kindOf(a) !== kindOf(b)) throw new JqRuntimeError(`${kindOf(a)} (${brief(a)}) and ${kindOf(b)} (${brief(b)}) cannot have their containment checked`);
  if (typeof a === 'string') return a.includes(b as string);
  if (Array.isArray(a)) return (b as Json[]).every((y) => a.some((x) => kindOf(x) === kindOf(y) && contains(x, y)));
  if (a !== null && typeof a === 'object') return Object.entries(b as object).every(([k, y]) => Object.prototype.hasOwnProperty.call(a, k) && kindOf(a[k]) === kindOf(y as Json) && contains(a[k], y as Json));
  return compare(a, b) === 0;
}

// ---- paths (for assignment and del) -----------------------------------------------------------------

type Path = Array<string | number>;

function paths(n: Node, input: Json, env: Env): Path[] {
  switch (n.k) {
    case 'identity':
      return [[]];
    case 'index': {
      const out: Path[] = [];
      for (const p of paths(n.target, input, env)) {
        for (const key of evaluate(n.key, input, env)) out.push([...p, key as string | number]);
      }
      return out;
    }
    case 'iterate': {
      const out: Path[] = [];
      for (const p of paths(n.target, input, env)) {
        const v = getPath(input, p);
        if (Array.isArray(v)) v.forEach((_, i) => out.push([...p, i]));
        else if (v !== null && typeof v === 'object') Object.keys(v).forEach((k) => out.push([...p, k]));
        else if (v !== null) iterate(v);
      }
      return out;
    }
    case 'pipe':
      return paths(n.left, input, env).flatMap((p) => paths(n.right, getPath(input, p), env).map((q) => [...p, ...q]));
    case 'comma':
      return [...paths(n.left, input, env), ...paths(n.right, input, env)];
    case 'call':
      if (n.name === 'select' && n.args.length === 1) return evaluate(n.args[0], input, env).some(truthy) ? [[]] : [];
      if (n.name === 'empty') return [];
      break;
    case 'try':
      try {
        return paths(n.body, input, env);
      } catch (e) {
        if (e instanceof JqRuntimeError) return [];
        throw e;
      }
  }
  throw new JqRuntimeError('Invalid path expression');
}

function getPath(v: Json, p: Path): Json {
  let cur = v;
  for (const k of p) cur = indexValue(cur, k);
  return cur;
}

function setPath(v: Json, p: Path, value: Json): Json {
  if (!p.length) return value;
  const [k, ...rest] = p;
  if (typeof k === 'number') {
    const arr = v === null ? [] : Array.isArray(v) ? [...v] : (() => { throw new JqRuntimeError(`Cannot index ${kindOf(v)} with number`); })();
    const i = k < 0 ? arr.length + k : k;
    while (arr.length < i) arr.push(null);
    arr[i] = setPath(arr[i] ?? null, rest, value);
    return arr;
  }
  if (v !== null && (typeof v !== 'object' || Array.isArray(v))) throw new JqRuntimeError(`Cannot index ${kindOf(v)} with "${k}"`);
  const obj = { ...((v ?? {}) as Record<string, Json>) };
  obj[k] = setPath(obj[k] ?? null, rest, value);
  return obj;
}

function deletePaths(v: Json, ps: Path[]): Json {
  // Delete the longest paths first, array indices from the back.
  const sorted = [...ps].sort((a, b) => compare(b as Json, a as Json));
  let out = v;
  for (const p of sorted) {
    if (!p.length) return null;
    const parent = getPath(out, p.slice(0, -1));
    const k = p[p.length - 1];
    let next: Json;
    if (Array.isArray(parent) && typeof k === 'number') next = parent.filter((_, i) => i !== (k < 0 ? parent.length + k : k));
    else if (parent !== null && typeof parent === 'object' && !Array.isArray(parent)) {
      const { [k as string]: _drop, ...rest } = parent;
      next = rest;
    } else if (parent === null) continue;
    else throw new JqRuntimeError(`Cannot delete field at ${typeof k === 'number' ? 'index' : 'object index'} of ${kindOf(parent)}`);
    out = setPath(out, p.slice(0, -1), next);
  }
  return out;
}

// ---- builtins ----------------------------------------------------------------------------------------

type Builtin = (input: Json, args: Node[], env: Env) => Json[];

const one = (f: (v: Json) => Json): Builtin => (input) => [f(input)];
const withArg = (f: (v: Json, a: Json) => Json): Builtin => (input, args, env) => evaluate(args[0], input, env).map((a) => f(input, a));
const str = (v: Json, fn: string): string => {
  if (typeof v !== 'string') throw new JqRuntimeError(`${kindOf(v)} (${brief(v)}) cannot be ${fn}`);
  return v;
};

const BUILTINS: Record<string, Builtin> = {
  'empty/0': () => [],
  'not/0': one((v) => !truthy(v)),
  'length/0': one(length),
  'utf8bytelength/0': one((v) => Buffer.byteLength(str(v, 'utf8bytelength'))),
  'keys/0': one((v) => keys(v, true)),
  'keys_unsorted/0': one((v) => keys(v, false)),
  'values/0': (v) => (v === null ? [] : [v]),
  'type/0': one(kindOf),
  'add/0': one((v) => iterate(v).reduce<Json>((a, b) => add(a, b), null)),
  'any/0': one((v) => iterate(v).some(truthy)),
  'all/0': one((v) => iterate(v).every(truthy)),
  'reverse/0': one((v) => (typeof v === 'string' ? [...v].reverse().join('') : v === null ? [] : [...(iterate(v) as Json[])].reverse())),
  'sort/0': one((v) => {
    if (!Array.isArray(v)) throw new JqRuntimeError(`${kindOf(v)} (${brief(v)}) cannot be sorted, as it is not an array`);
    return [...v].sort(compare);
  }),
  'unique/0': one((v) => [...(iterate(v) as Json[])].sort(compare).filter((x, i, a) => i === 0 || compare(x, a[i - 1]) !== 0)),
  'min/0': one((v) => (iterate(v).length ? [...iterate(v)].sort(compare)[0] : null)),
  'max/0': one((v) => (iterate(v).length ? [...iterate(v)].sort(compare).pop()! : null)),
  'first/0': one((v) => indexValue(v, 0)),
  'last/0': one((v) => indexValue(v, -1)),
  'floor/0': one((v) => Math.floor(v as number)),
  'ceil/0': one((v) => Math.ceil(v as number)),
  'round/0': one((v) => Math.round(v as number)),
  'sqrt/0': one((v) => Math.sqrt(v as number)),
  'fabs/0': one((v) => Math.abs(v as number)),
  'tostring/0': one(tostring),
  'tonumber/0': one((v) => {
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v)) return Number(v);
    throw new JqRuntimeError(`${kindOf(v)} (${brief(v)}) cannot be parsed as a number`);
  }),
  'tojson/0': one((v) => dumpJson(v, { indent: 0 })),
  'fromjson/0': one((v) => JSON.parse(str(v, 'parsed as JSON')) as Json),
  'ascii_downcase/0': one((v) => str(v, 'lowercased').replace(/[A-Z]/g, (c) => c.toLowerCase())),
  'ascii_upcase/0': one((v) => str(v, 'uppercased').replace(/[a-z]/g, (c) => c.toUpperCase())),
  'to_entries/0': one((v) => Object.entries(v as Record<string, Json>).map(([key, value]) => ({ key, value }))),
  'from_entries/0': one((v) => {
    const out: Record<string, Json> = {};
    for (const e of iterate(v)) {
      const o = e as Record<string, Json>;
      const k = o.key ?? o.k ?? o.name ?? o.Name ?? o.Key ?? o.K;
      out[typeof k === 'string' ? k : tostring(k ?? null)] = o.value ?? o.v ?? o.Value ?? o.V ?? null;
    }
    return out;
  }),
  'flatten/0': one((v) => flatten(iterate(v), Infinity)),
  'flatten/1': withArg((v, d) => {
    if (typeof d !== 'number' || d < 0) throw new JqRuntimeError('flatten depth must not be negative');
    return flatten(iterate(v), d);
  }),
  'tostream/0': (v) => [v],
  'env/0': (_v, _a, env) => [env.get('ENV') ?? {}],
  'input/0': () => {
    throw new JqRuntimeError('No more inputs');
  },
  'halt/0': () => [],
  'recurse/0': (v) => recurseAll(v),
  'isvalid/1': (v, args, env) => {
    try {
      evaluate(args[0], v, env);
      return [true];
    } catch {
      return [false];
    }
  },
  'ltrimstr/1': withArg((v, a) => (typeof v === 'string' && typeof a === 'string' && v.startsWith(a) ? v.slice(a.length) : v)),
  'rtrimstr/1': withArg((v, a) => (typeof v === 'string' && typeof a === 'string' && a && v.endsWith(a) ? v.slice(0, -a.length) : v)),
  'startswith/1': withArg((v, a) => {
    if (typeof v !== 'string' || typeof a !== 'string') throw new JqRuntimeError('startswith() requires string inputs');
    return v.startsWith(a);
  }),
  'endswith/1': withArg((v, a) => {
    if (typeof v !== 'string' || typeof a !== 'string') throw new JqRuntimeError('endswith() requires string inputs');
    return v.endsWith(a);
  }),
  'split/1': withArg((v, a) => {
    if (typeof v !== 'string' || typeof a !== 'string') throw new JqRuntimeError('split input and separator must be strings');
    return v === '' ? [] : v.split(a);
  }),
  'join/1': withArg((v, a) =>
    (iterate(v) as Json[])
      .map((x) => {
        if (x === null) return '';
        if (typeof x === 'object') throw new JqRuntimeError(`Cannot join with ${kindOf(x)}`);
        return tostring(x);
      })
      .join(tostring(a)),
  ),
  'has/1': withArg((v, k) => {
    if (Array.isArray(v) && typeof k === 'number') return k >= 0 && k < v.length;
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && typeof k === 'string') return Object.prototype.hasOwnProperty.call(v, k);
    throw new JqRuntimeError(`Cannot check whether ${kindOf(v)} has a ${kindOf(k)} key`);
  }),
  'in/1': withArg((v, o) => binopHas(o, v)),
  'contains/1': withArg((v, b) => contains(v, b)),
  'inside/1': withArg((v, b) => contains(b, v)),
  'index/1': withArg((v, a) => (typeof v === 'string' && typeof a === 'string' ? (v.indexOf(a) < 0 ? null : v.indexOf(a)) : null)),
  'test/1': withArg((v, re) => new RegExp(str(re, 'matched'), '').test(str(v, 'matched, as it is not a string'))),
  'test/2': (v, args, env) => evaluate(args[0], v, env).flatMap((re) => evaluate(args[1], v, env).map((fl) => new RegExp(str(re, 'matched'), tostring(fl).replace(/[^gimsuy]/g, '')).test(str(v, 'matched, as it is not a string')))),
  'error/0': (v) => {
    throw new JqRuntimeError(typeof v === 'string' ? v : '', v);
  },
  'error/1': (v, args, env) => {
    const m = evaluate(args[0], v, env)[0] ?? null;
    throw new JqRuntimeError(typeof m === 'string' ? m : '', m);
  },
  'select/1': (v, args, env) => evaluate(args[0], v, env).filter(truthy).map(() => v),
  'map/1': (v, args, env) => [iterate(v).flatMap((x) => evaluate(args[0], x, env))],
  'map_values/1': (v, args, env) => {
    if (Array.isArray(v)) return [v.flatMap((x) => evaluate(args[0], x, env).slice(0, 1))];
    const out: Record<string, Json> = {};
    for (const [k, x] of Object.entries(v as Record<string, Json>)) {
      const r = evaluate(args[0], x, env);
      if (r.length) out[k] = r[0];
    }
    return [out];
  },
  'with_entries/1': (v, args, env) => {
    const entries = Object.entries(v as Record<string, Json>).map(([key, value]) => ({ key, value }) as Json);
    const mapped = entries.flatMap((e) => evaluate(args[0], e, env));
    return BUILTINS['from_entries/0'](mapped, [], env);
  },
  'sort_by/1': (v, args, env) => [[...(iterate(v) as Json[])].map((x) => [evaluate(args[0], x, env), x] as [Json, Json]).sort((a, b) => compare(a[0], b[0])).map(([, x]) => x)],
  'group_by/1': (v, args, env) => {
    const sorted = [...(iterate(v) as Json[])].map((x) => [evaluate(args[0], x, env), x] as [Json, Json]).sort((a, b) => compare(a[0], b[0]));
    const groups: Json[][] = [];
    sorted.forEach(([k, x], i) => (i && compare(k, sorted[i - 1][0]) === 0 ? groups[groups.length - 1].push(x) : groups.push([x])));
    return [groups];
  },
  'unique_by/1': (v, args, env) => {
    const sorted = [...(iterate(v) as Json[])].map((x) => [evaluate(args[0], x, env), x] as [Json, Json]).sort((a, b) => compare(a[0], b[0]));
    return [sorted.filter(([k], i) => i === 0 || compare(k, sorted[i - 1][0]) !== 0).map(([, x]) => x)];
  },
  'min_by/1': (v, args, env) => [[...(iterate(v) as Json[])].map((x) => [evaluate(args[0], x, env), x] as [Json, Json]).sort((a, b) => compare(a[0], b[0]))[0]?.[1] ?? null],
  'max_by/1': (v, args, env) => [[...(iterate(v) as Json[])].map((x) => [evaluate(args[0], x, env), x] as [Json, Json]).sort((a, b) => compare(a[0], b[0])).pop()?.[1] ?? null],
  'any/1': (v, args, env) => [iterate(v).some((x) => evaluate(args[0], x, env).some(truthy))],
  'all/1': (v, args, env) => [iterate(v).every((x) => evaluate(args[0], x, env).every(truthy))],
  'first/1': (v, args, env) => evaluate(args[0], v, env).slice(0, 1),
  'last/1': (v, args, env) => evaluate(args[0], v, env).slice(-1),
  'limit/2': (v, args, env) => evaluate(args[0], v, env).flatMap((n) => evaluate(args[1], v, env).slice(0, Math.max(0, n as number))),
  'range/1': (v, args, env) => evaluate(args[0], v, env).flatMap((n) => Array.from({ length: Math.max(0, Math.ceil(n as number)) }, (_, i) => i)),
  'range/2': (v, args, env) =>
    evaluate(args[0], v, env).flatMap((a) =>
      evaluate(args[1], v, env).flatMap((b) => {
        const out: number[] = [];
        for (let i = a as number; i < (b as number); i++) out.push(i);
        return out;
      }),
    ),
  'recurse/1': (v, args, env) => {
    const out: Json[] = [];
    const walk = (x: Json) => {
      out.push(x);
      for (const c of evaluate(args[0], x, env)) walk(c);
    };
    walk(v);
    return out;
  },
  'path/1': (v, args, env) => paths(args[0], v, env),
  'paths/0': (v) => allPaths(v).filter((p) => p.length),
  'leaf_paths/0': (v) => allPaths(v).filter((p) => p.length && (getPath(v, p) === null || typeof getPath(v, p) !== 'object')),
  'getpath/1': withArg((v, p) => {
    try {
      return getPath(v, p as Path);
    } catch {
      return null;
    }
  }),
  'setpath/2': (v, args, env) => evaluate(args[0], v, env).flatMap((p) => evaluate(args[1], v, env).map((x) => setPath(v, p as Path, x))),
  'del/1': (v, args, env) => [deletePaths(v, paths(args[0], v, env))],
  'to_number/0': one((v) => Number(v)),
  'splits/1': withArg((v, a) => str(v, 'split').split(new RegExp(str(a, 'split')))),
  'ascii/0': one((v) => String.fromCharCode(v as number)),
  'implode/0': one((v) => String.fromCodePoint(...(v as number[]))),
  'explode/0': one((v) => [...str(v, 'exploded')].map((c) => c.codePointAt(0)!)),
  'objects/0': (v) => (kindOf(v) === 'object' ? [v] : []),
  'arrays/0': (v) => (Array.isArray(v) ? [v] : []),
  'strings/0': (v) => (typeof v === 'string' ? [v] : []),
  'numbers/0': (v) => (typeof v === 'number' ? [v] : []),
  'booleans/0': (v) => (typeof v === 'boolean' ? [v] : []),
  'nulls/0': (v) => (v === null ? [v] : []),
  'iterables/0': (v) => (v !== null && typeof v === 'object' ? [v] : []),
  'scalars/0': (v) => (v === null || typeof v !== 'object' ? [v] : []),
  'now/0': () => [0],
  'null/0': () => [null],
  'true/0': () => [true],
  'false/0': () => [false],
};

function flatten(v: Json[], depth: number): Json[] {
  return v.flatMap((x) => (Array.isArray(x) && depth > 0 ? flatten(x, depth - 1) : [x]));
}

function binopHas(o: Json, k: Json): Json {
  return BUILTINS['has/1'](o, [{ k: 'literal', v: k }], new Map())[0];
}

function allPaths(v: Json, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...allPaths(x, [...prefix, i])));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...allPaths(x, [...prefix, k]));
  return out;
}

/** Every function the program calls must exist (jq checks at compile time: `foo/0 is not defined`). */
export function checkDefined(n: Node): void {
  const visit = (x: unknown): void => {
    if (!x || typeof x !== 'object') return;
    if (Array.isArray(x)) return x.forEach(visit);
    const node = x as Node;
    if ((node as { k?: string }).k === 'call') {
      const c = node as { name: string; args: Node[] };
      if (!BUILTINS[`${c.name}/${c.args.length}`]) throw new JqCompileError(`${c.name}/${c.args.length} is not defined`);
    }
    if ((node as { k?: string }).k === 'format' && !['text', 'json', 'base64', 'base64d', 'uri', 'html', 'sh', 'csv', 'tsv'].includes((node as { name: string }).name)) {
      throw new JqCompileError(`${(node as { name: string }).name} is not a valid format`);
    }
    for (const v of Object.values(node)) visit(v);
  };
  visit(n);
}

export function evaluate(n: Node, input: Json, env: Env): Json[] {
  return [...stream(n, input, env)];
}

/**
 * Outputs one at a time, as jq produces them: `.a, .[0]` on an object prints `.a` before `.[0]` fails,
 * and `first(f)`/`limit` style consumers could stop early.
 */
export function* stream(n: Node, input: Json, env: Env): Generator<Json> {
  switch (n.k) {
    case 'pipe':
      for (const v of stream(n.left, input, env)) yield* stream(n.right, v, env);
      return;
    case 'comma':
      yield* stream(n.left, input, env);
      yield* stream(n.right, input, env);
      return;
    case 'iterate':
      for (const t of stream(n.target, input, env)) yield* iterate(t);
      return;
    case 'index':
      for (const t of stream(n.target, input, env)) for (const k of stream(n.key, input, env)) yield indexValue(t, k);
      return;
    case 'as':
      for (const v of stream(n.source, input, env)) yield* stream(n.body, input, new Map(env).set(n.name, v));
      return;
    case 'try': {
      const it = stream(n.body, input, env);
      for (;;) {
        let r: IteratorResult<Json>;
        try {
          r = it.next();
        } catch (e) {
          if (!(e instanceof JqRuntimeError)) throw e;
          if (n.handler) yield* stream(n.handler, e.value !== undefined ? e.value : e.message, env);
          return;
        }
        if (r.done) return;
        yield r.value;
      }
    }
    default:
      yield* evaluateEager(n, input, env);
  }
}

function evaluateEager(n: Node, input: Json, env: Env): Json[] {
  switch (n.k) {
    case 'identity':
      return [input];
    case 'recurse':
      return recurseAll(input);
    case 'literal':
      return [n.v];
    case 'string': {
      let results: string[] = [''];
      for (const p of n.parts) {
        if (typeof p === 'string') results = results.map((r) => r + p);
        else {
          const vals = evaluate(p, input, env);
          results = results.flatMap((r) => vals.map((v) => r + (n.format ? applyFormat(n.format, v) : tostring(v))));
        }
      }
      return results;
    }
    case 'format':
      return [applyFormat(n.name, input)];
    case 'slice':
      return evaluate(n.target, input, env).flatMap((t) => {
        if (t === null) return [null];
        const from = n.from ? (evaluate(n.from, input, env)[0] as number | null) : null;
        const to = n.to ? (evaluate(n.to, input, env)[0] as number | null) : null;
        if (typeof t === 'string' || Array.isArray(t)) {
          const len = typeof t === 'string' ? t.length : t.length;
          const norm = (x: number | null, d: number) => (x === null ? d : Math.max(0, Math.min(len, x < 0 ? len + Math.floor(x) : Math.floor(x))));
          return [t.slice(norm(from, 0), norm(to, len)) as Json];
        }
        throw new JqRuntimeError(`Cannot index ${kindOf(t)} with object`);
      });
    case 'binop': {
      const rs = evaluate(n.right, input, env);
      const ls = evaluate(n.left, input, env);
      return rs.flatMap((r) => ls.map((l) => binop(n.op, l, r)));
    }
    case 'alt': {
      let left: Json[] = [];
      try {
        left = evaluate(n.left, input, env).filter(truthy);
      } catch (e) {
        if (!(e instanceof JqRuntimeError)) throw e;
      }
      return left.length ? left : evaluate(n.right, input, env);
    }
    case 'and':
    case 'or':
      return evaluate(n.left, input, env).flatMap((l) => {
        if (n.k === 'and' && !truthy(l)) return [false];
        if (n.k === 'or' && truthy(l)) return [true];
        return evaluate(n.right, input, env).map(truthy);
      });
    case 'neg':
      return evaluate(n.body, input, env).map((v) => {
        if (typeof v !== 'number') throw new JqRuntimeError(`${kindOf(v)} (${brief(v)}) cannot be negated`);
        return -v;
      });
    case 'array':
      return [n.body ? evaluate(n.body, input, env) : []];
    case 'object': {
      let objs: Array<Record<string, Json>> = [{}];
      for (const e of n.entries) {
        const keys = evaluate(e.key, input, env);
        const next: Array<Record<string, Json>> = [];
        for (const o of objs) {
          for (const k of keys) {
            if (typeof k !== 'string') throw new JqRuntimeError(`Object keys must be strings`);
            const values = e.value ? evaluate(e.value, input, env) : [indexValue(input, k)];
            for (const v of values) next.push({ ...o, [k]: v });
          }
        }
        objs = next;
      }
      return objs;
    }
    case 'var':
      if (n.name === '__loc__') return [{ file: '<stdin>', line: 1 }];
      if (!env.has(n.name)) throw new JqCompileError(`$${n.name} is not defined`);
      return [env.get(n.name)!];
    case 'if': {
      const branches: Array<[Node, Node]> = [[n.cond, n.then], ...n.elifs];
      const run = (i: number): Json[] => {
        if (i >= branches.length) return n.else ? evaluate(n.else, input, env) : [input];
        return evaluate(branches[i][0], input, env).flatMap((c) => (truthy(c) ? evaluate(branches[i][1], input, env) : run(i + 1)));
      };
      return run(0);
    }
    case 'reduce':
      return evaluate(n.init, input, env).map((init) => {
        let acc = init;
        for (const x of evaluate(n.source, input, env)) acc = evaluate(n.update, acc, new Map(env).set(n.name, x)).slice(-1)[0] ?? null;
        return acc;
      });
    case 'update': {
      const ps = paths(n.path, input, env);
      if (n.op === '=') return evaluate(n.value, input, env).map((v) => ps.reduce((acc, p) => setPath(acc, p, v), input));
      if (n.op === '|=') return [ps.reduce((acc, p) => setPath(acc, p, evaluate(n.value, getPath(acc, p), env)[0] ?? null), input)];
      const op = n.op.slice(0, -1);
      return evaluate(n.value, input, env).map((v) => ps.reduce((acc, p) => setPath(acc, p, op === '//' ? (truthy(getPath(acc, p)) ? getPath(acc, p) : v) : binop(op, getPath(acc, p), v)), input));
    }
    case 'call': {
      const f = BUILTINS[`${n.name}/${n.args.length}`];
      if (!f) throw new JqCompileError(`${n.name}/${n.args.length} is not defined`);
      return f(input, n.args, env);
    }
  }
  throw new JqRuntimeError(`unsupported expression ${n.k}`);
}

export { quoteString };
