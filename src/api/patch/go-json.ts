/** Decoding patch bodies as Go's encoding/json does: the texts the API server returns for bad JSON. */
import type { Json } from '../types.js';

/** Go's quoteChar: `'x'`, `'\''`, `'"'`, `'\n'`. */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return "'\"'";
  const q = JSON.stringify(c);
  return `'${q.slice(1, -1)}'`;
}

/**
 * The syntax error Go's JSON scanner reports for `text` (`invalid character 's' looking for beginning
 * of object key string`, `unexpected end of JSON input`), or undefined when the text is valid JSON.
 */
export function goJsonSyntaxError(text: string): string | undefined {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && ' \t\r\n'.includes(text[i])) i++;
  };
  class Fail extends Error {}
  const fail = (msg: string): never => {
    throw new Fail(msg);
  };
  const eof = () => fail('unexpected end of JSON input');
  const bad = (ctx: string) => fail(`invalid character ${quoteChar(text[i])} ${ctx}`);
  /** Skips whitespace; the input must go on. */
  const more = () => {
    ws();
    if (i >= n) eof();
  };
  const literal = (word: string) => {
    for (let k = 1; k < word.length; k++) {
      i++;
      if (i >= n) eof();
      if (text[i] !== word[k]) bad(`in literal ${word} (expecting ${quoteChar(word[k])})`);
    }
    i++;
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= n) eof();
      const c = text[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        i++;
        if (i >= n) eof();
        if (text[i] === 'u') {
          for (let k = 0; k < 4; k++) {
            i++;
            if (i >= n) eof();
            if (!/[0-9a-fA-F]/.test(text[i])) bad('in \\u hexadecimal character escape');
          }
        } else if (!'"\\/bfnrt'.includes(text[i])) bad('in string escape code');
        i++;
        continue;
      }
      if (c < ' ') bad('in string literal');
      i++;
    }
  };
  const digits = () => {
    while (i < n && /[0-9]/.test(text[i])) i++;
  };
  const number = () => {
    if (text[i] === '-') {
      i++;
      if (i >= n) eof();
      if (!/[0-9]/.test(text[i])) bad('in numeric literal');
    }
    if (text[i] === '0') i++;
    else digits();
    if (i < n && text[i] === '.') {
      i++;
      if (i >= n) eof();
      if (!/[0-9]/.test(text[i])) bad('after decimal point in numeric literal');
      digits();
    }
    if (i < n && (text[i] === 'e' || text[i] === 'E')) {
      i++;
      if (i < n && (text[i] === '+' || text[i] === '-')) i++;
      if (i >= n) eof();
      if (!/[0-9]/.test(text[i])) bad('in exponent of numeric literal');
      digits();
    }
  };
  /** An object or array from its opening bracket: `element` reads one member, commas separate them. */
  const container = (close: string, element: () => void, afterElement: string) => {
    i++;
    more();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      element();
      more();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === close) {
        i++;
        return;
      }
      bad(afterElement);
    }
  };
  const member = () => {
    more();
    if (text[i] !== '"') bad('looking for beginning of object key string');
    string();
    more();
    if (text[i] !== ':') bad('after object key');
    i++;
    value();
  };
  const value = (): void => {
    more();
    const c = text[i];
    if (c === '{') return container('}', member, 'after object key:value pair');
    if (c === '[') return container(']', value, 'after array element');
    if (c === '"') return string();
    if (c === '-' || /[0-9]/.test(c)) return number();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    bad('looking for beginning of value');
  };
  try {
    value();
    ws();
    if (i < n) bad('after top-level value');
    return undefined;
  } catch (e) {
    if (e instanceof Fail) return e.message;
    throw e;
  }
}

/** Go's name for a decoded JSON value's kind in `json: cannot unmarshal <kind> into Go value of type …`. */
export function goJsonKind(v: Json): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}
