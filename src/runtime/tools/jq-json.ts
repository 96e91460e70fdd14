/**
 * JSON the way jq 1.6 reads and writes it.
 *
 * Reading follows jv_parse.c: characters other than whitespace, quotes and `[]{},:` accumulate into a
 * literal token that is checked only when a delimiter arrives, so errors name the position of that
 * delimiter (`hello world` → "Invalid numeric literal at line 1, column 6"); a newline moves to the next
 * line at column 0. Values stream out as they complete, so earlier values are processed before a later
 * error stops the input.
 *
 * Writing follows jv_print.c: two-space indent, `"key": value`, `[]`/`{}` for empties, control characters
 * as \uXXXX (lower-case hex) except \b \f \n \r \t, DEL escaped, other characters raw.
 */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface ParsedValue {
  value: Json;
  /** jq's "<stdin>:N": lines read (fgets by fgets) when the value completed. */
  line: number;
}

export interface ParseResult {
  values: ParsedValue[];
  error?: string;
}

type Frame = { kind: 'array'; items: Json[] } | { kind: 'object'; obj: Record<string, Json> } | { kind: 'key'; key: string };

export function parseJsonStream(text: string): ParseResult {
  const values: ParsedValue[] = [];
  const stack: Frame[] = [];
  let next: Json | undefined;
  let token = '';
  let line = 1;
  let column = 0;
  let inString = false;
  let str = '';
  let i = 0;
  const linesReadAt = (idx: number) => {
    // jq reads its input with fgets and counts the lines read; at EOF the count is reset to 0.
    if (idx >= text.length) return 0;
    const nl = text.indexOf('\n', idx);
    const upto = nl < 0 ? text.length : nl + 1;
    let n = 0;
    for (let k = 0; k < upto; k++) if (text[k] === '\n') n++;
    return n;
  };
  const fail = (msg: string): ParseResult => ({ values, error: `${msg} at line ${line}, column ${column}` });
  const value = (v: Json): string | undefined => {
    if (next !== undefined) return 'Expected separator between values';
    next = v;
    return undefined;
  };
  const checkLiteral = (): string | undefined => {
    if (!token) return undefined;
    const t = token;
    token = '';
    const pattern = t[0] === 't' ? 'true' : t[0] === 'f' ? 'false' : t[0] === 'n' ? 'null' : undefined;
    if (pattern) {
      if (t !== pattern) return 'Invalid literal';
      return value(pattern === 'true' ? true : pattern === 'false' ? false : null);
    }
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return 'Invalid numeric literal';
    return value(Number(t));
  };
  const checkDone = (idx: number) => {
    if (stack.length === 0 && next !== undefined) {
      values.push({ value: next, line: linesReadAt(idx) });
      next = undefined;
    }
  };
  const structure = (ch: string): string | undefined => {
    const top = stack[stack.length - 1];
    switch (ch) {
      case '[':
        if (next !== undefined) return 'Expected separator between values';
        stack.push({ kind: 'array', items: [] });
        return undefined;
      case '{':
        if (next !== undefined) return 'Expected separator between values';
        stack.push({ kind: 'object', obj: {} });
        return undefined;
      case ':':
        if (!top || top.kind !== 'object') return "':' not as part of an object";
        if (typeof next !== 'string') return 'Object keys must be strings';
        stack.push({ kind: 'key', key: next });
        next = undefined;
        return undefined;
      case ',':
        if (next === undefined) return "Expected value before ','";
        if (!top) return "',' not as part of an object or array";
        if (top.kind === 'array') top.items.push(next);
        else if (top.kind === 'key') {
          stack.pop();
          (stack[stack.length - 1] as { obj: Record<string, Json> }).obj[top.key] = next;
        } else return 'Objects must consist of key:value pairs';
        next = undefined;
        return undefined;
      case ']':
        if (!top || top.kind !== 'array') return "Unmatched ']'";
        if (next !== undefined) top.items.push(next);
        else if (top.items.length) return 'Expected another array element';
        stack.pop();
        next = top.items;
        return undefined;
      case '}': {
        if (!top) return "Unmatched '}'";
        if (next !== undefined) {
          if (top.kind !== 'key') return 'Objects must consist of key:value pairs';
          stack.pop();
          (stack[stack.length - 1] as { obj: Record<string, Json> }).obj[top.key] = next;
          next = undefined;
        } else {
          if (top.kind !== 'object') return "Unmatched '}'";
          if (Object.keys(top.obj).length) return 'Expected another key-value pair';
        }
        const o = stack.pop() as { obj: Record<string, Json> };
        next = o.obj;
        return undefined;
      }
    }
    return undefined;
  };
  for (i = 0; i < text.length; i++) {
    const ch = text[i];
    column++;
    if (ch === '\n') {
      line++;
      column = 0;
    }
    if (inString) {
      if (ch === '\\') {
        const e = text[i + 1];
        i++;
        column++;
        const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e === 'u') {
          const hex = text.slice(i + 1, i + 5);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) return fail('Invalid escape');
          str += String.fromCharCode(parseInt(hex, 16));
          i += 4;
          column += 4;
        } else if (e !== undefined && map[e] !== undefined) str += map[e];
        else return fail('Invalid escape');
      } else if (ch === '"') {
        inString = false;
        const err = value(str);
        if (err) return fail(err);
        checkDone(i);
      } else str += ch;
      continue;
    }
    const ws = ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
    const st = '[]{},:'.includes(ch);
    if (ws || st || ch === '"') {
      const err = checkLiteral();
      if (err) return fail(err);
      checkDone(i);
    }
    if (ch === '"') {
      inString = true;
      str = '';
    } else if (st) {
      const err = structure(ch);
      if (err) return fail(err);
      checkDone(i);
    } else if (!ws) token += ch;
  }
  if (inString) return fail('Unfinished string at EOF');
  const err = checkLiteral();
  if (err) return fail(err);
  checkDone(text.length);
  if (stack.length || next !== undefined) return { values, error: `Unfinished JSON term at EOF at line ${line}, column ${column}` };
  return { values };
}

/** Numbers as jq 1.6 prints them (shortest round-trip digits; non-finite values as jq maps them). */
export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'null';
  if (n === Infinity) return '1.7976931348623157e+308';
  if (n === -Infinity) return '-1.7976931348623157e+308';
  if (Object.is(n, -0)) return '-0';
  const s = String(n);
  // JavaScript writes 1e-7 / 1e+21; jq's dtoa pads the exponent to two digits (1e-07, 1e+21).
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

export function quoteString(s: string, ascii = false): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || c === 0x7f) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else if (ascii && c > 0x7e) {
      if (c > 0xffff) {
        const v = c - 0x10000;
        out += `\\u${(0xd800 + (v >> 10)).toString(16)}\\u${(0xdc00 + (v & 0x3ff)).toString(16)}`;
      } else out += `\\u${c.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return out + '"';
}

export interface DumpOptions {
  indent: number | 'tab';
  sortKeys?: boolean;
  ascii?: boolean;
}

export function dumpJson(v: Json, opts: DumpOptions, level = 0): string {
  const pretty = opts.indent !== 0;
  const unit = opts.indent === 'tab' ? '\t' : ' '.repeat(opts.indent as number);
  const nl = (l: number) => (pretty ? '\n' + unit.repeat(l) : '');
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') return quoteString(v, opts.ascii);
  if (Array.isArray(v)) {
    if (!v.length) return '[]';
    return `[${v.map((x) => nl(level + 1) + dumpJson(x, opts, level + 1)).join(',')}${nl(level)}]`;
  }
  let keys = Object.keys(v);
  if (!keys.length) return '{}';
  if (opts.sortKeys) keys = keys.sort(compareStrings);
  return `{${keys.map((k) => `${nl(level + 1)}${quoteString(k, opts.ascii)}:${pretty ? ' ' : ''}${dumpJson(v[k], opts, level + 1)}`).join(',')}${nl(level)}}`;
}

/** jq compares strings by their UTF-8 bytes. */
export function compareStrings(a: string, b: string): number {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return Buffer.compare(x, y);
}
