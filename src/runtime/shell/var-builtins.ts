/**
 * The builtins that manage variables and options: export / readonly / local, unset, set (options and
 * positional parameters) and read (IFS splitting of one input line).
 */
import type { Fds } from './types.js';
import type { Shell } from './interpreter.js';

/** A value quoted for re-input, as `export` and `set` list them. */
function shellQuote(v: string): string {
  return `'${v.replace(/'/g, `'"'"'`)}'`;
}

type Write = (s: string) => void;

/** export, readonly and local (`name` says which); readonly and local only assign here. */
export function exportBuiltin(sh: Shell, name: string, args: string[], out: Write, err: Write): number {
  const list = args.filter((a) => a !== '-p' && a !== '-n');
  if (!list.length && name === 'export') {
    for (const [k, v] of [...sh.exportedEnv()].sort(([a], [b]) => (a < b ? -1 : 1))) out(`export ${k}=${shellQuote(v)}\n`);
    return 0;
  }
  for (const a of list) {
    const eq = a.indexOf('=');
    const k = eq < 0 ? a : a.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) {
      err(`${name}: ${a}: bad variable name`);
      return sh.bash ? 1 : 2;
    }
    if (eq >= 0) sh.setVar(k, a.slice(eq + 1));
    if (name === 'export') {
      sh.session.unexported.delete(k);
    } else if (name === 'local' && eq < 0 && !sh.vars.has(k)) sh.setVar(k, '');
  }
  if (name === 'export') {
    // a name exported before it is set stays exported once set
    for (const a of list) {
      const k = a.split('=')[0];
      if (!sh.vars.has(k)) sh.pendingExport.add(k);
    }
  }
  return 0;
}

export function unsetBuiltin(sh: Shell, args: string[]): number {
  for (const a of args.filter((x) => !x.startsWith('-'))) {
    if (args.includes('-f')) sh.session.functions.delete(a);
    else {
      sh.vars.delete(a);
      sh.session.unexported.delete(a);
    }
  }
  return 0;
}

/** `set` alone lists the variables; `-e`/`-x`/`-o errexit|xtrace` switch options; other words become $1…. */
export function setBuiltin(sh: Shell, args: string[], out: Write): number {
  if (!args.length) {
    for (const [k, v] of [...sh.vars].sort(([a], [b]) => (a < b ? -1 : 1))) out(`${k}=${shellQuote(v)}\n`);
    return 0;
  }
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      sh.positional = args.slice(i);
      return 0;
    }
    if (a === '-o' || a === '+o') {
      const opt = args[++i];
      if (opt === 'errexit') sh.session.errexit = a === '-o';
      else if (opt === 'xtrace') sh.session.xtrace = a === '-o';
      continue;
    }
    if (/^[-+][a-zA-Z]+$/.test(a)) {
      const on = a[0] === '-';
      for (const f of a.slice(1)) {
        if (f === 'e') sh.session.errexit = on;
        else if (f === 'x') sh.session.xtrace = on;
      }
      continue;
    }
    sh.positional = args.slice(i);
    return 0;
  }
  return 0;
}

/** `read [-r] [-p prompt] [name…]`: one line of stdin split on IFS; status 1 at end of input. */
export function readBuiltin(sh: Shell, args: string[], fds: Fds): number {
  let raw = false;
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-r') raw = true;
    else if (args[i] === '-p') fds[2].write(args[++i] ?? '');
    else if (args[i].startsWith('-') && names.length === 0 && args[i] !== '-') continue;
    else names.push(args[i]);
  }
  if (!names.length) names.push('REPLY');
  const input = fds[0];
  if (input.pos >= input.data.length) {
    for (const n of names) sh.setVar(n, '');
    return 1;
  }
  let line = '';
  let eof = true;
  while (input.pos < input.data.length) {
    const c = input.data[input.pos++];
    if (c === '\n') {
      eof = false;
      break;
    }
    if (c === '\\' && !raw) {
      const n = input.data[input.pos++];
      if (n === undefined) break;
      if (n !== '\n') line += '\0' + n; // protected from splitting
      continue;
    }
    line += c;
  }
  const ifs = sh.vars.get('IFS') ?? ' \t\n';
  const isSep = (c: string) => ifs.includes(c);
  let rest = line;
  const trimWs = (s: string) => {
    let i = 0;
    while (i < s.length && isSep(s[i]) && ' \t\n'.includes(s[i])) i++;
    return s.slice(i);
  };
  rest = trimWs(rest);
  for (let k = 0; k < names.length; k++) {
    if (k === names.length - 1) {
      let v = rest;
      let end = v.length;
      while (end > 0 && isSep(v[end - 1]) && ' \t\n'.includes(v[end - 1]) && v[end - 2] !== '\0') end--;
      v = v.slice(0, end);
      sh.setVar(names[k], v.replace(/\0([\s\S])/g, '$1'));
      break;
    }
    let j = 0;
    while (j < rest.length && !(isSep(rest[j]) && rest[j - 1] !== '\0')) j++;
    sh.setVar(names[k], rest.slice(0, j).replace(/\0([\s\S])/g, '$1'));
    rest = trimWs(rest.slice(j + (j < rest.length && !' \t\n'.includes(rest[j]) ? 1 : 0)));
  }
  return eof ? 1 : 0;
}
