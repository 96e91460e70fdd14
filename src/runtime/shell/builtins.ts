/**
 * The shell builtins: which names are builtins (and which of those are POSIX special builtins), and what
 * each does. Variable and option builtins live in var-builtins.ts, echo and printf in printf.ts, the
 * `test` language in test-expr.ts.
 */
import { parse } from './parser.js';
import { normalizePath } from './vfs.js';
import { echoBuiltin, formatPrintf } from './printf.js';
import { testExpr } from './test-expr.js';
import { exportBuiltin, readBuiltin, setBuiltin, unsetBuiltin } from './var-builtins.js';
import { ExitSignal, LoopSignal, ReturnSignal } from './signals.js';
import type { Fds } from './types.js';
import type { Shell } from './interpreter.js';

export const BUILTINS = new Set([
  ':', '.', 'true', 'false', 'echo', 'printf', 'test', '[', 'cd', 'pwd', 'export', 'unset', 'exit', 'read', 'set',
  'shift', 'type', 'command', 'return', 'break', 'continue', 'eval', 'local', 'source', 'readonly', 'exec', 'wait', 'trap', 'umask',
]);
/** Special builtins: their assignments persist, and ash's `type` says so. */
export const SPECIAL = new Set([':', '.', 'export', 'unset', 'exit', 'set', 'shift', 'return', 'break', 'continue', 'eval', 'readonly', 'exec', 'trap', 'source']);
export const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', '{', '}', '!', 'in']);

/** Runs builtin `name` (one of BUILTINS); `exit`, `return`, `break`, `continue` and `exec` unwind by throwing. */
export async function runBuiltin(sh: Shell, name: string, args: string[], fds: Fds): Promise<number> {
  const out = (s: string) => fds[1].write(s);
  const err = (s: string) => sh.error(fds, s);
  switch (name) {
    case ':':
    case 'true':
    case 'wait':
    case 'trap':
    case 'umask':
      return 0;
    case 'false':
      return 1;
    case 'echo':
      return echoBuiltin(args, out);
    case 'printf': {
      if (!args.length) {
        err('printf: usage: printf format [arguments]');
        return sh.bash ? 2 : 1;
      }
      const r = formatPrintf(args[0], args.slice(1));
      out(r.out);
      for (const e of r.errors) fds[2].write(`${sh.bash ? 'bash: ' : ''}printf: ${e}\n`);
      return r.errors.length ? 1 : 0;
    }
    case 'test':
    case '[': {
      if (name === '[') {
        if (args[args.length - 1] !== ']') {
          err('[: missing ]');
          return 2;
        }
        args = args.slice(0, -1);
      }
      try {
        return testExpr(args, sh.ctx.fs, sh.cwd) ? 0 : 1;
      } catch (e) {
        err(`${name}: ${e instanceof Error ? e.message : String(e)}`);
        return 2;
      }
    }
    case 'pwd':
      out(sh.cwd + '\n');
      return 0;
    case 'cd': {
      let target = args[0] ?? sh.vars.get('HOME') ?? '/';
      const dash = target === '-';
      if (dash) target = sh.vars.get('OLDPWD') ?? sh.cwd;
      const path = normalizePath(target, sh.cwd);
      if (!sh.ctx.fs.isDir(path)) {
        const why = sh.ctx.fs.exists(path) ? 'Not a directory' : 'No such file or directory';
        if (sh.bash) err(`cd: ${target}: ${why}`);
        else err(`cd: can't cd to ${target}: ${why}`);
        return sh.bash ? 1 : 2;
      }
      sh.vars.set('OLDPWD', sh.cwd);
      sh.cwd = path;
      sh.vars.set('PWD', path);
      if (dash) out(path + '\n');
      return 0;
    }
    case 'export':
    case 'readonly':
    case 'local':
      return exportBuiltin(sh, name, args, out, err);
    case 'unset':
      return unsetBuiltin(sh, args);
    case 'exit': {
      const code = args[0] === undefined ? sh.session.lastStatus : Number(args[0]);
      if (!Number.isInteger(code)) {
        err(`exit: Illegal number: ${args[0]}`);
        throw new ExitSignal(2);
      }
      throw new ExitSignal(((code % 256) + 256) % 256, 'exit');
    }
    case 'return': {
      const code = args[0] === undefined ? sh.session.lastStatus : Number(args[0]) & 255;
      if (sh.funcDepth === 0) throw new ExitSignal(code);
      throw new ReturnSignal(code);
    }
    case 'break':
    case 'continue': {
      if (sh.loopDepth === 0) return 0;
      const n = Math.max(1, Math.min(Number(args[0] ?? 1) || 1, sh.loopDepth));
      throw new LoopSignal(name, n);
    }
    case 'shift': {
      const n = Number(args[0] ?? 1);
      if (n > sh.positional.length) {
        err(`shift: can't shift that many`);
        return sh.bash ? 1 : 2;
      }
      sh.positional = sh.positional.slice(n);
      return 0;
    }
    case 'set':
      return setBuiltin(sh, args, out);
    case 'read':
      return readBuiltin(sh, args, fds);
    case 'eval': {
      const src = args.join(' ');
      await sh.runList(parse(src), fds);
      return sh.session.lastStatus;
    }
    case '.':
    case 'source': {
      const file = args[0];
      if (!file) return 0;
      const path = normalizePath(file, sh.cwd);
      if (!sh.ctx.fs.isFile(path)) {
        err(`.: can't open '${file}': No such file or directory`);
        throw new ExitSignal(2);
      }
      await sh.runList(parse(sh.ctx.fs.readFile(path)), fds);
      return sh.session.lastStatus;
    }
    case 'exec': {
      if (!args.length) return 0;
      const code = await sh.invoke(args, [], fds);
      throw new ExitSignal(code, 'exec');
    }
    case 'type': {
      let status = 0;
      for (const a of args) {
        const d = describe(sh, a);
        if (d) out(`${a} is ${d}\n`);
        else {
          if (sh.bash) err(`type: ${a}: not found`);
          else out(`${a}: not found\n`);
          status = 1;
        }
      }
      return status;
    }
    case 'command': {
      if (args[0] === '-v' || args[0] === '-V') {
        let status = 0;
        for (const a of args.slice(1)) {
          if (KEYWORDS.has(a) || BUILTINS.has(a) || sh.session.functions.has(a)) out(args[0] === '-v' ? `${a}\n` : `${a} is ${describe(sh, a)}\n`);
          else if (sh.findTool(a)) out(args[0] === '-v' ? `${sh.toolPath(a.slice(a.lastIndexOf('/') + 1))}\n` : `${a} is ${describe(sh, a)}\n`);
          else status = 1;
        }
        return status;
      }
      if (!args.length) return 0;
      if (BUILTINS.has(args[0])) return runBuiltin(sh, args[0], args.slice(1), fds);
      return sh.runExternal(args[0], args.slice(1), new Map(), fds);
    }
  }
  return 0;
}

/** What `type` and `command -V` say a name is: keyword, function, builtin or a tool's path. */
export function describe(sh: Shell, a: string): string | undefined {
  if (KEYWORDS.has(a)) return 'a shell keyword';
  if (sh.session.functions.has(a)) return 'a function';
  if (BUILTINS.has(a)) return SPECIAL.has(a) && !sh.bash ? 'a special shell builtin' : 'a shell builtin';
  const t = sh.findTool(a);
  if (t) return a.includes('/') ? a : sh.toolPath(a);
  return undefined;
}
