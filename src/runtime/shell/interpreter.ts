/**
 * A POSIX-ish shell interpreter, busybox ash flavoured, over a virtual file system and a registry of
 * simulated tools. Pure: it never starts a host process, touches a host file or opens a socket. Output is
 * buffered; pipelines hand each stage's stdout to the next stage's stdin.
 *
 * This module holds the public entry (runScript) and the Shell state with the core of running a command:
 * finding argv[0] as a function, builtin, tool or nested shell. The rest lives beside it:
 *   types.ts       public and internal types, newSession
 *   control.ts     lists, pipelines, compound and simple commands, `set -e`
 *   expansion.ts   parameters, $(…), $((…)), field splitting, globbing of words
 *   arith.ts       the $((…)) evaluator          glob.ts       patterns and pathname expansion
 *   redirects.ts   redirections and here-docs    signals.ts    exit/break/continue/return unwinding
 *   builtins.ts    the builtins                  var-builtins.ts  export, unset, set, read
 *   printf.ts      echo and the printf formatter test-expr.ts  the `test` / `[` language
 * Those modules reach back into the Shell only through its instance (type-only imports of this file), so
 * there is no import cycle at run time.
 */
import { ShellSyntaxError } from './lexer.js';
import { parse, type List } from './parser.js';
import { normalizePath } from './vfs.js';
import { BUILTINS, SPECIAL, runBuiltin } from './builtins.js';
import { runCommand, runList } from './control.js';
import { endsShell, ReturnSignal, statusOnUnwind } from './signals.js';
import { deliveredChunks, pushChunk } from './stdio.js';
import { newSession, type Fds, type OutputChunk, type ShellContext, type ShellName, type ShellResult, type ShellSession, type Tool, type ToolIO, type ToolResult } from './types.js';

export type { OutputChunk, ShellContext, ShellName, ShellResult, ShellSession, Tool, ToolIO, ToolRegistry, ToolResult } from './types.js';
export { newSession } from './types.js';
export { deliveredChunks, pushChunk } from './stdio.js';
export { isIncomplete } from './parser.js';
export { globToRegExp } from './glob.js';
export { evalArith } from './arith.js';
export { formatPrintf } from './printf.js';

export async function runScript(script: string, ctx: ShellContext): Promise<ShellResult> {
  let stdout = '';
  let stderr = '';
  let output = '';
  const chunks: OutputChunk[] = [];
  const fds: Fds = {
    0: { data: ctx.stdin, pos: 0 },
    1: { write: (s) => ((stdout += s), (output += s), pushChunk(chunks, 1, s)), isTTY: Boolean(ctx.tty) },
    2: { write: (s) => ((stderr += s), (output += s), pushChunk(chunks, 2, s)) },
  };
  ctx.session ??= newSession();
  const sh = new Shell(ctx, ctx.env, ctx.session);
  const start = sh.now;
  let code: number;
  let exited = false;
  try {
    const ast = parse(script);
    await sh.runList(ast, fds);
    code = sh.session.lastStatus;
  } catch (e) {
    if (e instanceof ShellSyntaxError) {
      sh.error(fds, e.message);
      code = 2;
    } else {
      code = statusOnUnwind(e, sh.session.lastStatus);
      exited = endsShell(e);
    }
  }
  sh.session.lastStatus = code;
  ctx.cwd = sh.cwd;
  ctx.now = sh.now;
  return { stdout, stderr, output, chunks, exitCode: code, exited, sleptMs: sh.now - start };
}

/** One shell (or subshell): its variables, positional parameters, cwd and clock. Internal to the shell modules. */
export class Shell {
  cwd: string;
  positional: string[];
  argv0: string;
  now: number;
  loopDepth = 0;
  funcDepth = 0;
  /** How many conditions (if/while tests, `&&`/`||` operands, `!`) enclose the running command; `set -e` waits for 0. */
  condDepth = 0;
  /** The status of the last `$(…)` in the command being expanded (a bare assignment's status). */
  substStatus: number | undefined;
  /** Names exported before they were set. */
  pendingExport = new Set<string>();

  constructor(
    readonly ctx: ShellContext,
    readonly vars: Map<string, string>,
    readonly session: ShellSession,
  ) {
    this.cwd = ctx.cwd || '/';
    this.positional = [...(ctx.args ?? [])];
    this.argv0 = ctx.argv0 ?? ctx.shellName;
    this.now = ctx.now ?? 0;
  }

  get bash(): boolean {
    return this.ctx.shellName === 'bash';
  }

  errPrefix(): string {
    return `${this.argv0}: `;
  }

  /** Writes `argv0: message` to stderr, as the shell reports its own errors. */
  error(fds: Fds, message: string): void {
    fds[2].write(`${this.errPrefix()}${message}\n`);
  }

  subshell(): Shell {
    const session: ShellSession = {
      ...this.session,
      unexported: new Set(this.session.unexported),
      functions: new Map(this.session.functions),
    };
    const s = new Shell(this.ctx, new Map(this.vars), session);
    s.cwd = this.cwd;
    s.positional = [...this.positional];
    s.argv0 = this.argv0;
    s.now = this.now;
    return s;
  }

  /** Runs a subshell and folds its clock back; returns its exit status. */
  async inSubshell(fn: (s: Shell) => Promise<void>): Promise<number> {
    const s = this.subshell();
    let code: number;
    try {
      await fn(s);
      code = s.session.lastStatus;
    } catch (e) {
      code = statusOnUnwind(e, s.session.lastStatus);
    }
    this.now = s.now;
    return code;
  }

  exportedEnv(extra?: Map<string, string>): Map<string, string> {
    const env = new Map<string, string>();
    for (const [k, v] of this.vars) if (!this.session.unexported.has(k)) env.set(k, v);
    if (extra) for (const [k, v] of extra) env.set(k, v);
    return env;
  }

  setVar(name: string, value: string): void {
    if (!this.vars.has(name) && !this.pendingExport.has(name)) this.session.unexported.add(name);
    this.vars.set(name, value);
  }

  runList(list: List, fds: Fds): Promise<number> {
    return runList(this, list, fds);
  }


  /** Finds and runs argv[0]: function, builtin, shell, tool. */
  async invoke(argv: string[], assigns: [string, string][], fds: Fds): Promise<number> {
    const name = argv[0];
    const fn = this.session.functions.get(name);
    if (fn && !BUILTINS.has(name)) {
      const saved = this.positional;
      const savedVars = assigns.map(([k]) => [k, this.vars.get(k)] as const);
      for (const [k, v] of assigns) this.setVar(k, v);
      this.positional = argv.slice(1);
      this.funcDepth++;
      try {
        return await runCommand(this, fn, fds);
      } catch (e) {
        if (e instanceof ReturnSignal) return e.code;
        throw e;
      } finally {
        this.funcDepth--;
        this.positional = saved;
        for (const [k, v] of savedVars) if (v === undefined) this.vars.delete(k);
        else this.vars.set(k, v);
      }
    }
    if (BUILTINS.has(name)) {
      if (SPECIAL.has(name)) {
        for (const [k, v] of assigns) this.setVar(k, v);
        return runBuiltin(this, name, argv.slice(1), fds);
      }
      const savedVars = assigns.map(([k]) => [k, this.vars.get(k), this.session.unexported.has(k)] as const);
      for (const [k, v] of assigns) this.setVar(k, v);
      try {
        return await runBuiltin(this, name, argv.slice(1), fds);
      } finally {
        for (const [k, v, u] of savedVars) {
          if (v === undefined) this.vars.delete(k);
          else this.vars.set(k, v);
          if (!u) this.session.unexported.delete(k);
        }
      }
    }
    const extra = new Map(assigns);
    return this.runExternal(name, argv.slice(1), extra, fds);
  }

  toolPath(name: string): string {
    return this.ctx.toolPaths?.[name] ?? `/bin/${name}`;
  }

  /** The tool for a command name or path, if any. */
  findTool(name: string): { name: string; tool: Tool } | undefined {
    if (name.includes('/')) {
      const base = name.slice(name.lastIndexOf('/') + 1);
      const tool = this.ctx.tools.get(base);
      const path = normalizePath(name, this.cwd);
      const dirs = ['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin'];
      if (tool && (path === this.toolPath(base) || dirs.includes(path.slice(0, path.lastIndexOf('/'))))) return { name: base, tool };
      return undefined;
    }
    const tool = this.ctx.tools.get(name);
    return tool ? { name, tool } : undefined;
  }

  private isShellName(name: string): boolean {
    const base = name.slice(name.lastIndexOf('/') + 1);
    return base === 'sh' || base === this.ctx.shellName || (base === 'ash' && this.ctx.shellName !== 'bash' && !this.ctx.tools.has('bash'));
  }

  private notFound(name: string, fds: Fds): number {
    if (this.bash) this.error(fds, `${name}: ${name.includes('/') ? 'No such file or directory' : 'command not found'}`);
    else this.error(fds, `${name}: not found`);
    return 127;
  }

  async runExternal(name: string, args: string[], extra: Map<string, string>, fds: Fds): Promise<number> {
    const found = this.findTool(name);
    const stdin = fds[0].data.slice(fds[0].pos);
    if (found) {
      fds[0].pos = fds[0].data.length;
      const io: ToolIO = {
        stdin,
        env: this.exportedEnv(extra),
        cwd: this.cwd,
        fs: this.ctx.fs,
        argv0: found.name,
        shellName: this.ctx.shellName,
        now: this.now,
        ...(this.ctx.hostname !== undefined ? { hostname: this.ctx.hostname } : {}),
        sleep: (s: number) => void (this.now += Math.round(s * 1000)),
      };
      let r: ToolResult;
      try {
        r = await found.tool(args, io);
      } catch (e) {
        fds[2].write(`${found.name}: ${e instanceof Error ? e.message : String(e)}\n`);
        return 1;
      }
      // The program's own interleaving of its two streams (curl -v's trace around the body), as its
      // stdio delivers it to a terminal or to a pipe/file.
      for (const c of deliveredChunks(r, Boolean(fds[1].isTTY))) fds[c.fd].write(c.text);
      return r.exitCode;
    }
    if (this.isShellName(name)) return this.runNestedShell(name, args, extra, fds);
    if (name.includes('/')) {
      const path = normalizePath(name, this.cwd);
      if (this.ctx.fs.isFile(path)) {
        const text = this.ctx.fs.readFile(path);
        if (/^#!\s*\/bin\/(ba|a)?sh\b/.test(text) || !text.startsWith('#!')) {
          return this.runNestedShell(this.ctx.shellName, [path, ...args], extra, fds);
        }
      }
    }
    return this.notFound(name, fds);
  }

  private async runNestedShell(name: string, args: string[], extra: Map<string, string>, fds: Fds): Promise<number> {
    const base = name.slice(name.lastIndexOf('/') + 1) as ShellName;
    let script: string | undefined;
    let rest: string[] = [];
    let argv0 = base;
    let i = 0;
    const opts: string[] = [];
    while (i < args.length && /^[-+][a-z]+$/.test(args[i]) && args[i] !== '-c') opts.push(args[i++]);
    if (args[i] === '-c') {
      script = args[i + 1];
      if (script === undefined) {
        fds[2].write(`${base}: -c requires an argument\n`);
        return 2;
      }
      rest = args.slice(i + 2);
      if (rest.length) argv0 = rest.shift() as ShellName;
    } else if (i < args.length) {
      const path = normalizePath(args[i], this.cwd);
      if (!this.ctx.fs.isFile(path)) {
        fds[2].write(`${base}: can't open '${args[i]}': No such file or directory\n`);
        return 2;
      }
      script = this.ctx.fs.readFile(path);
      argv0 = args[i] as ShellName;
      rest = args.slice(i + 1);
    } else {
      script = fds[0].data.slice(fds[0].pos);
      fds[0].pos = fds[0].data.length;
    }
    const sub: ShellContext = {
      ...this.ctx,
      env: this.exportedEnv(extra),
      cwd: this.cwd,
      stdin: fds[0].data.slice(fds[0].pos),
      shellName: base === 'bash' ? 'bash' : base === 'ash' ? 'ash' : this.ctx.shellName === 'bash' ? 'sh' : this.ctx.shellName,
      argv0,
      args: rest,
      now: this.now,
      session: { ...newSession(), errexit: opts.includes('-e'), xtrace: opts.includes('-x') },
      tty: Boolean(fds[1].isTTY),
    };
    const r = await runScript(script, sub);
    this.now = sub.now ?? this.now;
    for (const c of r.chunks) fds[c.fd].write(c.text);
    return r.exitCode;
  }
}
