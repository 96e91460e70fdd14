/**
 * `$((…))` arithmetic: the `$x` expansions inside its source, and the integer evaluator (C precedence).
 */
import { isNameStart, type WordPart } from './lexer.js';

/** `$((…))` source may itself hold `$x` expansions. */
export function lexArithParts(src: string): WordPart[] {
  const parts: WordPart[] = [];
  let lit = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '$' && (isNameStart(src[i + 1]) || src[i + 1] === '{' || /[?#$\d]/.test(src[i + 1] ?? ''))) {
      if (lit) parts.push({ k: 'lit', v: lit, quoted: true });
      lit = '';
      if (src[i + 1] === '{') {
        const end = src.indexOf('}', i);
        parts.push({ k: 'param', name: src.slice(i + 2, end), quoted: true });
        i = end;
      } else if (isNameStart(src[i + 1])) {
        let j = i + 1;
        while (/[A-Za-z0-9_]/.test(src[j] ?? '')) j++;
        parts.push({ k: 'param', name: src.slice(i + 1, j), quoted: true });
        i = j - 1;
      } else {
        parts.push({ k: 'param', name: src[i + 1], quoted: true });
        i++;
      }
    } else lit += c;
  }
  if (lit) parts.push({ k: 'lit', v: lit, quoted: true });
  return parts;
}

/** Integer arithmetic for `$((…))`: + - * / % ** << >> comparisons, == !=, && ||, ! ~, ?:, parentheses, names. */
export function evalArith(src: string, sh: { lookup?: unknown; vars: Map<string, string> }): number {
  const toks = src.match(/\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%()<>!~?:&|^]|\S/g) ?? [];
  let i = 0;
  const vars = sh.vars;
  const peek = () => toks[i];
  const num = (s: string): number => {
    const v = vars.get(s) ?? '0';
    const n = Number(v.trim() || '0');
    if (!Number.isFinite(n)) throw new Error('bad number');
    return Math.trunc(n);
  };
  const primary = (): number => {
    const t = toks[i++];
    if (t === undefined) throw new Error('syntax');
    if (t === '(') {
      const v = ternary();
      if (toks[i++] !== ')') throw new Error('syntax');
      return v;
    }
    if (t === '-') return -primary();
    if (t === '+') return primary();
    if (t === '!') return primary() ? 0 : 1;
    if (t === '~') return ~primary();
    if (/^\d+$/.test(t)) return Number(t);
    if (/^[A-Za-z_]/.test(t)) return num(t);
    throw new Error('syntax');
  };
  const levels: string[][] = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '>', '<=', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%'], ['**']];
  const apply = (op: string, a: number, b: number): number => {
    switch (op) {
      case '||': return a || b ? 1 : 0;
      case '&&': return a && b ? 1 : 0;
      case '|': return a | b;
      case '^': return a ^ b;
      case '&': return a & b;
      case '==': return a === b ? 1 : 0;
      case '!=': return a !== b ? 1 : 0;
      case '<': return a < b ? 1 : 0;
      case '>': return a > b ? 1 : 0;
      case '<=': return a <= b ? 1 : 0;
      case '>=': return a >= b ? 1 : 0;
      case '<<': return a << b;
      case '>>': return a >> b;
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/': if (b === 0) throw new Error('divide by zero'); return Math.trunc(a / b);
      case '%': if (b === 0) throw new Error('divide by zero'); return a % b;
      case '**': return a ** b;
    }
    throw new Error('syntax');
  };
  const level = (n: number): number => {
    if (n >= levels.length) return primary();
    let a = level(n + 1);
    while (peek() !== undefined && levels[n].includes(peek())) {
      const op = toks[i++];
      a = apply(op, a, level(n + 1));
    }
    return a;
  };
  const ternary = (): number => {
    const c = level(0);
    if (peek() === '?') {
      i++;
      const a = ternary();
      if (toks[i++] !== ':') throw new Error('syntax');
      const b = ternary();
      return c ? a : b;
    }
    return c;
  };
  if (!toks.length) return 0;
  const v = ternary();
  if (i !== toks.length) throw new Error('syntax');
  return v;
}
