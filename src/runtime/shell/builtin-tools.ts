/**
 * Small text tools as busybox applets behave: cat, grep, head, tail, wc, tr, sort, uniq, printenv, env,
 * hostname, ls, date, sleep, mkdir, touch, rm. Pure: they work on the virtual file system and the
 * simulated clock only.
 */
import type { Tool, ToolIO, ToolRegistry, ToolResult } from './interpreter.js';
import { normalizePath, VfsError } from './vfs.js';

const ok = (stdout: string, exitCode = 0, stderr = ''): ToolResult => ({ stdout, stderr, exitCode });

/** Reads the named files (or stdin for none / `-`), reporting busybox-style errors. */
function readInputs(
  files: string[],
  io: ToolIO,
  onError: (name: string, e: VfsError) => string,
): { chunks: { name: string; text: string }[]; stderr: string; failed: boolean } {
  const chunks: { name: string; text: string }[] = [];
  let stderr = '';
  let failed = false;
  if (!files.length) files = ['-'];
  for (const f of files) {
    if (f === '-') {
      chunks.push({ name: '(standard input)', text: io.stdin });
      continue;
    }
    try {
      chunks.push({ name: f, text: io.fs.readFile(normalizePath(f, io.cwd)) });
    } catch (e) {
      if (!(e instanceof VfsError)) throw e;
      stderr += onError(f, e) + '\n';
      failed = true;
    }
  }
  return { chunks, stderr, failed };
}

const why = (e: VfsError) => (e.code === 'EISDIR' ? 'Is a directory' : e.code === 'ENOTDIR' ? 'Not a directory' : 'No such file or directory');

function lines(text: string): string[] {
  if (!text) return [];
  const l = text.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}

export const cat: Tool = async (args, io) => {
  const files = args.filter((a) => a === '-' || !a.startsWith('-'));
  const number = args.includes('-n');
  const r = readInputs(files, io, (f, e) => `cat: ${e.code === 'EISDIR' ? `read error: Is a directory` : `can't open '${f}': ${why(e)}`}`);
  let out = r.chunks.map((c) => c.text).join('');
  if (number) out = lines(out).map((l, i) => `${String(i + 1).padStart(6)}\t${l}\n`).join('');
  return ok(out, r.failed ? 1 : 0, r.stderr);
};

/** Basic regular expression (grep without -E) to a JavaScript one. */
export function breToJs(p: string): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\' && i + 1 < p.length) {
      const n = p[++i];
      if ('(){}|+?'.includes(n)) out += n;
      else out += '\\' + n;
    } else if ('(){}|+?'.includes(c)) out += '\\' + c;
    else if (c === '[') {
      const end = p.indexOf(']', i + (p[i + 1] === ']' ? 2 : p[i + 1] === '^' && p[i + 2] === ']' ? 3 : 1));
      if (end < 0) {
        out += '\\[';
        continue;
      }
      out += posixClass(p.slice(i, end + 1));
      i = end;
    } else out += c;
  }
  return out;
}

function posixClass(cls: string): string {
  return cls
    .replace(/\[:alpha:\]/g, 'A-Za-z')
    .replace(/\[:digit:\]/g, '0-9')
    .replace(/\[:alnum:\]/g, 'A-Za-z0-9')
    .replace(/\[:upper:\]/g, 'A-Z')
    .replace(/\[:lower:\]/g, 'a-z')
    .replace(/\[:space:\]/g, ' \\t\\n\\r\\f\\v')
    .replace(/\[:blank:\]/g, ' \\t')
    .replace(/\[:punct:\]/g, '!-\\/:-@\\[-`{-~')
    .replace(/\[:xdigit:\]/g, '0-9A-Fa-f');
}

/**
 * busybox grep: -i -v -c -E -F -o -q -n -w -x -l -L -h -H -s -e PATTERN -m MAX -A/-B/-C NUM, flags
 * combined or apart (`-in`, `-m1`, `-A 2`). Exit 0 when a line was selected, 1 when none, 2 on a
 * missing file or a bad pattern (but -q with a match still wins).
 */
export const grep: Tool = async (args, io) => {
  const flags = new Set<string>();
  const patterns: string[] = [];
  const files: string[] = [];
  let max = Infinity;
  let after = 0;
  let before = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      if (!patterns.length && !flags.has('e')) patterns.push(args[++i] ?? '');
      files.push(...args.slice(i + 1));
      break;
    }
    if (/^-[a-zA-Z0-9]+$/.test(a)) {
      for (let k = 1; k < a.length; k++) {
        const c = a[k];
        if ('emABCf'.includes(c)) {
          const v = k + 1 < a.length ? a.slice(k + 1) : args[++i];
          if (v === undefined) return ok('', 2, `grep: option requires an argument -- '${c}'\nBusyBox v1.36.1 multi-call binary.\n\nUsage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n`);
          if (c === 'e') {
            patterns.push(v);
            flags.add('e');
          } else if (c === 'f') {
            try {
              patterns.push(...lines(io.fs.readFile(normalizePath(v, io.cwd))));
              flags.add('e');
            } catch (e) {
              if (!(e instanceof VfsError)) throw e;
              return ok('', 2, `grep: ${v}: ${why(e)}\n`);
            }
          } else {
            if (!/^\d+$/.test(v)) return ok('', 2, `grep: invalid number '${v}'\n`);
            const n = Number(v);
            if (c === 'm') max = n;
            if (c === 'A' || c === 'C') after = n;
            if (c === 'B' || c === 'C') before = n;
          }
          break;
        }
        flags.add(c);
      }
      continue;
    }
    if (!patterns.length && !flags.has('e')) patterns.push(a);
    else files.push(a);
  }
  if (!patterns.length && !flags.has('e')) return ok('', 2, 'BusyBox v1.36.1 multi-call binary.\n\nUsage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n');
  const ere = flags.has('E');
  const fixed = flags.has('F');
  let regs: RegExp[];
  try {
    regs = patterns.map((p) => {
      let src = fixed ? p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : ere ? p.replace(/\[[^\]]*\]/g, posixClass) : breToJs(p);
      if (flags.has('w')) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`;
      if (flags.has('x')) src = `^(?:${src})$`;
      return new RegExp(src, flags.has('i') ? 'gi' : 'g');
    });
  } catch {
    return ok('', 2, `grep: bad regex '${patterns[0]}'\n`);
  }
  const r = readInputs(files, io, (f, e) => `grep: ${f}: ${why(e)}`);
  const prefixName = (files.length > 1 || flags.has('H')) && !flags.has('h');
  const listOnly = flags.has('q') || flags.has('c') || flags.has('l') || flags.has('L');
  let out = '';
  let matchedAny = false;
  for (const c of r.chunks) {
    let count = 0;
    let lastPrinted = -1;
    let afterLeft = 0;
    const ls = lines(c.text);
    const name = prefixName ? c.name : '';
    const emit = (idx: number, sep: ':' | '-') => {
      if ((before || after) && lastPrinted >= 0 && idx > lastPrinted + 1) out += '--\n';
      out += `${name ? name + sep : ''}${flags.has('n') ? `${idx + 1}${sep}` : ''}${ls[idx]}\n`;
      lastPrinted = idx;
    };
    for (let idx = 0; idx < ls.length; idx++) {
      const line = ls[idx];
      if (count >= max) {
        if (afterLeft > 0 && !listOnly) {
          emit(idx, '-');
          afterLeft--;
          continue;
        }
        break;
      }
      const hit = regs.some((re) => {
        re.lastIndex = 0;
        return re.test(line);
      });
      if (hit === flags.has('v')) {
        if (afterLeft > 0 && !listOnly) {
          emit(idx, '-');
          afterLeft--;
        }
        continue;
      }
      count++;
      matchedAny = true;
      if (listOnly) continue;
      for (let b = Math.max(lastPrinted + 1, idx - before); b < idx; b++) emit(b, '-');
      afterLeft = after;
      if (flags.has('o')) {
        // busybox prints nothing for -o -v: a non-matching line has no matching part to show.
        if (flags.has('v')) continue;
        const pre = `${name ? name + ':' : ''}${flags.has('n') ? `${idx + 1}:` : ''}`;
        for (const re of regs) {
          re.lastIndex = 0;
          for (const m of line.matchAll(re)) if (m[0]) out += `${pre}${m[0]}\n`;
        }
        lastPrinted = idx;
      } else emit(idx, ':');
    }
    if (flags.has('c') && !flags.has('q') && !flags.has('l')) out += `${name ? `${name}:` : ''}${count}\n`;
    if (flags.has('l') && count && !flags.has('q')) out += `${c.name}\n`;
    if (flags.has('L') && !count && !flags.has('q')) out += `${c.name}\n`;
  }
  if (flags.has('q')) return ok('', matchedAny ? 0 : r.failed && !flags.has('s') ? 2 : 1, flags.has('s') ? '' : r.stderr);
  return ok(out, r.failed ? 2 : matchedAny ? 0 : 1, flags.has('s') ? '' : r.stderr);
};

/** -n N / -N / -nN parsing shared by head and tail. */
function countArg(args: string[], name: string): { n: number; plus: boolean; bytes: boolean; files: string[]; error?: string } {
  let n = 10;
  let plus = false;
  let bytes = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    let v: string | undefined;
    if (a === '-n' || a === '-c') {
      bytes = a === '-c';
      v = args[++i];
    } else if (/^-[nc].+/.test(a)) {
      bytes = a[1] === 'c';
      v = a.slice(2);
    } else if (/^-\d+$/.test(a)) v = a.slice(1);
    else if (a === '-q' || a === '-v' || a === '-f') continue;
    else {
      files.push(a);
      continue;
    }
    if (v === undefined) return { n, plus, bytes, files, error: `${name}: option requires an argument -- 'n'` };
    if (v.startsWith('+')) plus = true;
    const num = Number(v.replace(/^[+-]/, ''));
    if (!/^[+-]?\d+$/.test(v)) return { n, plus, bytes, files, error: `${name}: invalid number '${v}'` };
    n = num;
  }
  return { n, plus, bytes, files };
}

function headTail(which: 'head' | 'tail'): Tool {
  return async (args, io) => {
    const p = countArg(args, which);
    if (p.error) return ok('', 1, p.error + '\n');
    const r = readInputs(p.files, io, (f, e) => `${which}: can't open '${f}': ${why(e)}`);
    let out = '';
    r.chunks.forEach((c, idx) => {
      if (r.chunks.length > 1 || (p.files.length > 1 && !args.includes('-q'))) out += `${idx ? '\n' : ''}==> ${c.name} <==\n`;
      if (p.bytes) {
        out += which === 'head' ? c.text.slice(0, p.n) : p.plus ? c.text.slice(Math.max(0, p.n - 1)) : p.n ? c.text.slice(-p.n) : '';
        return;
      }
      const ls = c.text.split(/(?<=\n)/).filter((l) => l !== '');
      const picked = which === 'head' ? ls.slice(0, p.n) : p.plus ? ls.slice(Math.max(0, p.n - 1)) : p.n ? ls.slice(-p.n) : [];
      out += picked.join('');
    });
    return ok(out, r.failed ? 1 : 0, r.stderr);
  };
}

export const head = headTail('head');
export const tail = headTail('tail');

export const wc: Tool = async (args, io) => {
  const opts = new Set<string>();
  const files: string[] = [];
  for (const a of args) {
    if (/^-[lwcmL]+$/.test(a)) for (const f of a.slice(1)) opts.add(f === 'm' ? 'c' : f);
    else files.push(a);
  }
  const want = opts.size ? ['l', 'w', 'c', 'L'].filter((o) => opts.has(o)) : ['l', 'w', 'c'];
  const r = readInputs(files, io, (f, e) => `wc: can't open '${f}': ${why(e)}`);
  const count = (t: string): Record<string, number> => ({
    l: (t.match(/\n/g) ?? []).length,
    w: t.split(/\s+/).filter(Boolean).length,
    c: new TextEncoder().encode(t).length,
    L: Math.max(0, ...t.split('\n').map((l) => l.length)),
  });
  const row = (cnt: Record<string, number>, name?: string) => {
    const cols = want.map((o, i) => (want.length === 1 ? String(cnt[o]) : i === 0 ? String(cnt[o]).padStart(7) : ' ' + String(cnt[o]).padStart(7)));
    return cols.join('') + (name ? ` ${name}` : '') + '\n';
  };
  let out = '';
  const totals: Record<string, number> = { l: 0, w: 0, c: 0, L: 0 };
  for (const c of r.chunks) {
    const cnt = count(c.text);
    for (const k of Object.keys(totals)) totals[k] = k === 'L' ? Math.max(totals[k], cnt[k]) : totals[k] + cnt[k];
    out += row(cnt, files.length ? c.name : undefined);
  }
  if (files.length > 1) out += row(totals, 'total');
  return ok(out, r.failed ? 1 : 0, r.stderr);
};

function expandTrSet(s: string): string[] {
  const classes: Record<string, string> = {
    upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    lower: 'abcdefghijklmnopqrstuvwxyz',
    digit: '0123456789',
    space: ' \t\n\r\f\v',
    blank: ' \t',
  };
  classes.alpha = classes.upper + classes.lower;
  classes.alnum = classes.alpha + classes.digit;
  const out: string[] = [];
  const esc: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\' };
  const chars: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const m = /^\[:([a-z]+):\]/.exec(s.slice(i));
    if (m && classes[m[1]]) {
      chars.push(...[...classes[m[1]]].map((c) => '\0' + c));
      i += m[0].length - 1;
    } else if (s[i] === '\\' && i + 1 < s.length) chars.push(esc[s[++i]] ?? s[i]);
    else chars.push(s[i]);
  }
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i].replace(/^\0/, '');
    if (chars[i + 1] === '-' && chars[i + 2] !== undefined) {
      const end = chars[i + 2].replace(/^\0/, '');
      for (let k = c.charCodeAt(0); k <= end.charCodeAt(0); k++) out.push(String.fromCharCode(k));
      i += 2;
    } else out.push(c);
  }
  return out;
}

export const tr: Tool = async (args, io) => {
  const opts = new Set<string>();
  const sets: string[] = [];
  for (const a of args) {
    if (/^-[dsc]+$/.test(a)) for (const f of a.slice(1)) opts.add(f);
    else sets.push(a);
  }
  if (!sets.length) return ok('', 1, 'tr: missing operand\n');
  const s1 = expandTrSet(sets[0]);
  const s2 = sets[1] !== undefined ? expandTrSet(sets[1]) : [];
  let out = '';
  if (opts.has('d')) {
    const del = new Set(s1);
    out = [...io.stdin].filter((c) => !del.has(c)).join('');
  } else if (s2.length) {
    const map = new Map<string, string>();
    s1.forEach((c, i) => map.set(c, s2[Math.min(i, s2.length - 1)]));
    out = [...io.stdin].map((c) => map.get(c) ?? c).join('');
  } else out = io.stdin;
  if (opts.has('s')) {
    const sq = new Set(s2.length && !opts.has('d') ? s2 : opts.has('d') ? s2 : s1);
    let res = '';
    for (const c of out) if (!(sq.has(c) && res[res.length - 1] === c)) res += c;
    out = res;
  }
  return ok(out);
};

export const sort: Tool = async (args, io) => {
  const opts = new Set<string>();
  const files: string[] = [];
  for (const a of args) {
    if (/^-[rnuf]+$/.test(a)) for (const f of a.slice(1)) opts.add(f);
    else files.push(a);
  }
  const r = readInputs(files, io, (f, e) => `sort: can't open '${f}': ${why(e)}`);
  let ls = r.chunks.flatMap((c) => lines(c.text));
  const key = (s: string) => (opts.has('f') ? s.toUpperCase() : s);
  const cmp = (a: string, b: string) => {
    if (opts.has('n')) {
      const d = (parseFloat(a) || 0) - (parseFloat(b) || 0);
      if (d) return d;
    }
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
  ls.sort(cmp);
  if (opts.has('r')) ls.reverse();
  if (opts.has('u')) ls = ls.filter((l, i) => i === 0 || cmp(l, ls[i - 1]) !== 0);
  return ok(ls.map((l) => l + '\n').join(''), r.failed ? 1 : 0, r.stderr);
};

export const uniq: Tool = async (args, io) => {
  const count = args.includes('-c');
  const ls = lines(io.stdin);
  let out = '';
  for (let i = 0; i < ls.length; ) {
    let j = i;
    while (j < ls.length && ls[j] === ls[i]) j++;
    out += count ? `${String(j - i).padStart(7)} ${ls[i]}\n` : `${ls[i]}\n`;
    i = j;
  }
  return ok(out);
};

export const printenv: Tool = async (args, io) => {
  if (!args.length) return ok([...io.env].map(([k, v]) => `${k}=${v}\n`).join(''));
  let out = '';
  let code = 0;
  for (const a of args) {
    const v = io.env.get(a);
    if (v === undefined) code = 1;
    else out += v + '\n';
  }
  return ok(out, code);
};

export const env: Tool = async (args, io) => {
  const vars = args.includes('-i') ? new Map<string, string>() : new Map(io.env);
  for (const a of args) {
    const m = /^([^=-][^=]*)=(.*)$/s.exec(a);
    if (m) vars.set(m[1], m[2]);
  }
  return ok([...vars].map(([k, v]) => `${k}=${v}\n`).join(''));
};

export const hostname: Tool = async (_args, io) => {
  let name = io.hostname ?? io.env.get('HOSTNAME');
  if (name === undefined && io.fs.isFile('/etc/hostname')) name = io.fs.readFile('/etc/hostname').trim();
  return ok(`${name ?? 'localhost'}\n`);
};

export const ls: Tool = async (args, io) => {
  const opts = new Set<string>();
  const paths: string[] = [];
  for (const a of args) {
    if (/^-[a-zA-Z1]+$/.test(a)) for (const f of a.slice(1)) opts.add(f);
    else paths.push(a);
  }
  const targets = paths.length ? paths : ['.'];
  let out = '';
  let err = '';
  let code = 0;
  const fileRows: string[] = [];
  const dirs: string[] = [];
  for (const t of targets) {
    const p = normalizePath(t, io.cwd);
    if (io.fs.isDir(p) && !opts.has('d')) dirs.push(t);
    else if (io.fs.exists(p)) fileRows.push(t);
    else {
      err += `ls: ${t}: No such file or directory\n`;
      code = 1;
    }
  }
  const entry = (dir: string, name: string) => {
    if (!opts.has('F') && !opts.has('p')) return name;
    return io.fs.isDir(normalizePath(name, normalizePath(dir, io.cwd))) ? name + '/' : name;
  };
  out += fileRows.sort().map((f) => f + '\n').join('');
  dirs.sort().forEach((d, i) => {
    const p = normalizePath(d, io.cwd);
    let names = io.fs.list(p);
    if (!opts.has('a') && !opts.has('A')) names = names.filter((n) => !n.startsWith('.'));
    if (opts.has('a')) names = ['.', '..', ...names];
    if (opts.has('r')) names.reverse();
    if (targets.length > 1) out += `${i || fileRows.length ? '\n' : ''}${d}:\n`;
    out += names.map((n) => entry(d, n) + '\n').join('');
  });
  return ok(out, code, err);
};

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** strftime over UTC, the subset scripts use. */
export function strftime(fmt: string, ms: number): string {
  const d = new Date(ms);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const map: Record<string, () => string> = {
    Y: () => String(d.getUTCFullYear()),
    y: () => p2(d.getUTCFullYear() % 100),
    m: () => p2(d.getUTCMonth() + 1),
    d: () => p2(d.getUTCDate()),
    e: () => String(d.getUTCDate()).padStart(2, ' '),
    H: () => p2(d.getUTCHours()),
    M: () => p2(d.getUTCMinutes()),
    S: () => p2(d.getUTCSeconds()),
    s: () => String(Math.floor(ms / 1000)),
    N: () => String((ms % 1000) * 1e6).padStart(9, '0'),
    a: () => DAYS[d.getUTCDay()],
    A: () => ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][d.getUTCDay()],
    b: () => MONTHS[d.getUTCMonth()],
    h: () => MONTHS[d.getUTCMonth()],
    B: () => ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][d.getUTCMonth()],
    Z: () => 'UTC',
    z: () => '+0000',
    T: () => `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`,
    F: () => `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`,
    D: () => `${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())}/${p2(d.getUTCFullYear() % 100)}`,
    R: () => `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`,
    j: () => String(Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000) + 1).padStart(3, '0'),
    n: () => '\n',
    t: () => '\t',
    '%': () => '%',
  };
  return fmt.replace(/%([a-zA-Z%])/g, (m, c: string) => (map[c] ? map[c]() : m));
}

export const date: Tool = async (args, io) => {
  const fmtArg = args.find((a) => a.startsWith('+'));
  if (args.includes('-I') || args.includes('--iso-8601')) return ok(strftime('%Y-%m-%d', io.now) + '\n');
  const fmt = fmtArg ? fmtArg.slice(1) : '%a %b %e %H:%M:%S %Z %Y';
  return ok(strftime(fmt, io.now) + '\n');
};

export const sleep: Tool = async (args, io) => {
  if (!args.length) return ok('', 1, 'BusyBox v1.36.1 multi-call binary.\n\nUsage: sleep [N]...\n');
  let total = 0;
  for (const a of args) {
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m) return ok('', 1, `sleep: invalid number '${a}'\n`);
    total += Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  }
  io.sleep(total);
  return ok('');
};

export const mkdir: Tool = async (args, io) => {
  const parents = args.includes('-p');
  let err = '';
  for (const a of args.filter((x) => !x.startsWith('-'))) {
    const p = normalizePath(a, io.cwd);
    if (io.fs.exists(p) && !parents) {
      err += `mkdir: can't create directory '${a}': File exists\n`;
      continue;
    }
    try {
      io.fs.mkdir(p, parents);
    } catch (e) {
      if (!(e instanceof VfsError)) throw e;
      err += `mkdir: can't create directory '${a}': ${why(e)}\n`;
    }
  }
  return ok('', err ? 1 : 0, err);
};

export const touch: Tool = async (args, io) => {
  let err = '';
  for (const a of args.filter((x) => !x.startsWith('-'))) {
    try {
      io.fs.appendFile(normalizePath(a, io.cwd), '');
    } catch (e) {
      if (!(e instanceof VfsError)) throw e;
      err += `touch: ${a}: ${why(e)}\n`;
    }
  }
  return ok('', err ? 1 : 0, err);
};

export const rm: Tool = async (args, io) => {
  const force = args.some((a) => /^-[a-zA-Z]*f/.test(a));
  let err = '';
  for (const a of args.filter((x) => !x.startsWith('-'))) {
    try {
      io.fs.remove(normalizePath(a, io.cwd));
    } catch (e) {
      if (!(e instanceof VfsError)) throw e;
      if (e.code === 'ENOENT' && force) continue;
      err += e.code === 'EISDIR' ? `rm: '${a}' is a directory\n` : `rm: can't remove '${a}': ${why(e)}\n`;
    }
  }
  return ok('', err ? 1 : 0, err);
};

/** The trivial text tools, keyed by command name. */
export function builtinTools(): ToolRegistry {
  return new Map<string, Tool>([
    ['cat', cat],
    ['grep', grep],
    ['head', head],
    ['tail', tail],
    ['wc', wc],
    ['tr', tr],
    ['sort', sort],
    ['uniq', uniq],
    ['printenv', printenv],
    ['env', env],
    ['hostname', hostname],
    ['ls', ls],
    ['date', date],
    ['sleep', sleep],
    ['mkdir', mkdir],
    ['touch', touch],
    ['rm', rm],
  ]);
}
