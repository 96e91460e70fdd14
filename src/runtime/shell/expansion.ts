/**
 * Word expansion: parameters (`$x`, `${x:-w}`, `${#x}`, `${x%pat}`…), `$(…)` command substitution,
 * `$((…))` arithmetic, tilde, field splitting on IFS and pathname globbing.
 */
import { ShellSyntaxError, type Word, type WordPart } from './lexer.js';
import { parse } from './parser.js';
import { evalArith, lexArithParts } from './arith.js';
import { globPaths, globToRegExp } from './glob.js';
import { ExitSignal, ShellError } from './signals.js';
import type { Fds, Field } from './types.js';
import type { Shell } from './interpreter.js';

/** The value of a parameter: special (`$?`, `$#`, `$@`…), positional or variable. */
function lookup(sh: Shell, name: string): string | undefined {
  switch (name) {
    case '?':
      return String(sh.session.lastStatus);
    case '$':
      return String(sh.ctx.pid ?? 1);
    case '#':
      return String(sh.positional.length);
    case '@':
    case '*':
      return sh.positional.join(name === '*' ? (sh.vars.get('IFS') ?? ' ').slice(0, 1) : ' ');
    case '!':
      return '';
    case '-':
      return (sh.session.errexit ? 'e' : '') + (sh.session.xtrace ? 'x' : '');
    case '0':
      return sh.argv0;
  }
  if (/^\d+$/.test(name)) return sh.positional[Number(name) - 1];
  return sh.vars.get(name);
}

/** Expands a word into one string (no field splitting or globbing): assignments, redirections, here-docs. */
export async function expandString(sh: Shell, w: Word, fds: Fds): Promise<Field> {
  let value = '';
  let pattern = '';
  for (const p of w.parts) {
    const v = await expandPart(sh, p, fds);
    if (v === undefined) continue;
    value += v.join(' ');
    pattern += p.k === 'lit' && !p.quoted ? v.join(' ') : p.quoted ? v.join(' ').replace(/[\\*?[\]]/g, '\\$&') : v.join(' ');
  }
  if (w.parts[0]?.k === 'lit' && !w.parts[0].quoted && /^~(\/|$)/.test(w.parts[0].v)) {
    const home = sh.vars.get('HOME') ?? '/';
    value = home + value.slice(1);
    pattern = home + pattern.slice(1);
  }
  return { value, pattern, glob: false };
}

/** Expands the words of a command into fields: expansions, field splitting, globbing. */
export async function expandWords(sh: Shell, words: Word[], fds: Fds): Promise<string[]> {
  const out: string[] = [];
  for (const w of words) {
    for (const f of await expandFields(sh, w, fds)) {
      if (f.glob) {
        const matches = globPaths(sh.ctx.fs, sh.cwd, f.pattern);
        if (matches.length) {
          out.push(...matches);
          continue;
        }
      }
      out.push(f.value);
    }
  }
  return out;
}

async function expandFields(sh: Shell, w: Word, fds: Fds): Promise<Field[]> {
  const fields: Field[] = [];
  let cur: Field = { value: '', pattern: '', glob: false };
  let have = false;
  const ifs = sh.vars.get('IFS') ?? ' \t\n';
  const push = () => {
    fields.push(cur);
    cur = { value: '', pattern: '', glob: false };
    have = false;
  };
  const addLiteral = (s: string, quoted: boolean) => {
    cur.value += s;
    if (quoted) cur.pattern += s.replace(/[\\*?[\]]/g, '\\$&');
    else {
      cur.pattern += s;
      if (/[*?[]/.test(s)) cur.glob = true;
    }
    have = true;
  };
  let first = true;
  for (const p of w.parts) {
    if (p.k === 'lit') {
      let v = p.v;
      if (first && !p.quoted && /^~(\/|$)/.test(v)) v = (sh.vars.get('HOME') ?? '/') + v.slice(1);
      first = false;
      addLiteral(v, p.quoted);
      if (p.quoted) have = true;
      continue;
    }
    first = false;
    const vals = await expandPart(sh, p, fds);
    if (vals === undefined) continue;
    if (p.quoted) {
      // "$@" gives one field per positional parameter
      vals.forEach((v, i) => {
        if (i > 0) push();
        addLiteral(v, true);
      });
      if (vals.length) have = true;
      continue;
    }
    for (const v of vals) {
      if (!v) continue;
      const leading = ifs.includes(v[0]) && ' \t\n'.includes(v[0]);
      const trailing = ifs.includes(v[v.length - 1]) && ' \t\n'.includes(v[v.length - 1]);
      const pieces = ifs === '' ? [v] : fieldsSplit(v, ifs);
      if (leading && have) push();
      pieces.forEach((piece, i) => {
        if (i > 0) push();
        addLiteral(piece, false);
      });
      if (trailing && pieces.length) push();
      if (vals.length > 1 && v !== vals[vals.length - 1] && have) push();
    }
  }
  if (have) fields.push(cur);
  return fields;
}

/** The values of one part: one string, or several for `$@`; undefined when it expands to nothing. */
async function expandPart(sh: Shell, p: WordPart, fds: Fds): Promise<string[] | undefined> {
  switch (p.k) {
    case 'lit':
      return [p.v];
    case 'cmd':
      return [await commandSubst(sh, p.src, fds)];
    case 'arith': {
      const src = (await expandString(sh, { parts: lexArithParts(p.src), raw: p.src }, fds)).value;
      try {
        return [String(evalArith(src, sh))];
      } catch (e) {
        const msg = e instanceof Error && e.message === 'divide by zero' ? 'divide by zero' : 'arithmetic syntax error';
        sh.error(fds, msg);
        throw new ExitSignal(2);
      }
    }
    case 'param':
      return expandParam(sh, p, fds);
  }
}

async function expandParam(sh: Shell, p: Extract<WordPart, { k: 'param' }>, fds: Fds): Promise<string[] | undefined> {
  const val = lookup(sh, p.name);
  if (p.length) return [String((val ?? '').length)];
  if (!p.op) {
    if ((p.name === '@' || p.name === '*') && p.quoted && p.name === '@') return sh.positional.length ? [...sh.positional] : undefined;
    if (p.name === '@' || p.name === '*') return sh.positional.length ? (p.quoted ? [val ?? ''] : [...sh.positional]) : undefined;
    return val === undefined ? undefined : [val];
  }
  const op = p.op;
  const colon = op.startsWith(':');
  const unsetOrNull = val === undefined || (colon && val === '');
  const arg = async () => (p.arg ? (await expandString(sh, p.arg, fds)).value : '');
  switch (op.replace(':', '')) {
    case '-':
      return [unsetOrNull ? await arg() : (val ?? '')];
    case '=': {
      if (unsetOrNull) {
        const v = await arg();
        sh.setVar(p.name, v);
        return [v];
      }
      return [val ?? ''];
    }
    case '+':
      return unsetOrNull ? undefined : [await arg()];
    case '?': {
      if (unsetOrNull) {
        const msg = (await arg()) || (val === undefined ? 'parameter not set' : 'parameter null or not set');
        sh.error(fds, `${p.name}: ${msg}`);
        throw new ExitSignal(sh.bash ? 1 : 2);
      }
      return [val ?? ''];
    }
  }
  // # ## % %%
  const v = val ?? '';
  const pat = p.arg ? (await expandString(sh, p.arg, fds)).pattern : '';
  const re = globToRegExp(pat);
  if (op === '#' || op === '##') {
    const order = op === '#' ? [...Array(v.length + 1).keys()] : [...Array(v.length + 1).keys()].reverse();
    for (const i of order) if (re.test(v.slice(0, i))) return [v.slice(i)];
    return [v];
  }
  const order = op === '%' ? [...Array(v.length + 1).keys()].reverse() : [...Array(v.length + 1).keys()];
  for (const i of order) if (re.test(v.slice(i))) return [v.slice(0, i)];
  return [v];
}

async function commandSubst(sh: Shell, src: string, fds: Fds): Promise<string> {
  let buf = '';
  const subFds: Fds = { 0: fds[0], 1: { write: (s) => void (buf += s) }, 2: fds[2] };
  sh.substStatus = await sh.inSubshell(async (s) => {
    try {
      await s.runList(parse(src), subFds);
    } catch (e) {
      // a syntax error inside `$(…)` ends only the substitution, with status 2
      if (!(e instanceof ShellSyntaxError)) throw e;
      s.error(fds, e.message);
      throw new ShellError(2);
    }
  });
  return buf.replace(/\n+$/, '');
}

/** Splits an unquoted expansion on IFS: runs of IFS white space separate, each other IFS character ends a field. */
function fieldsSplit(s: string, ifs: string): string[] {
  const ws = [...ifs].filter((c) => ' \t\n'.includes(c));
  const other = [...ifs].filter((c) => !' \t\n'.includes(c));
  const out: string[] = [];
  let cur = '';
  let have = false;
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (ws.includes(c)) {
      if (have) out.push(cur);
      cur = '';
      have = false;
      while (i < s.length && ws.includes(s[i])) i++;
      if (i < s.length && other.includes(s[i])) {
        i++;
        if (!out.length && !have) out.push('');
      }
      continue;
    }
    if (other.includes(c)) {
      out.push(cur);
      cur = '';
      have = false;
      i++;
      while (i < s.length && ws.includes(s[i])) i++;
      continue;
    }
    cur += c;
    have = true;
    i++;
  }
  if (have) out.push(cur);
  return out;
}
