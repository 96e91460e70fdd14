/**
 * A POSIX-ish shell interpreter, busybox ash flavoured, over a virtual file system and a registry of
 * simulated tools. Pure: it never starts a host process, touches a host file or opens a socket. Output is
 * buffered; pipelines hand each stage's stdout to the next stage's stdin.
 */
import { ShellSyntaxError, isNameStart, type Word, type WordPart } from './lexer.js';
import { parse, type AndOr, type Command, type List, type Pipeline, type Redirect } from './parser.js';
import { normalizePath, VfsError, type VirtualFs } from './vfs.js';

export interface ToolResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface ToolIO {
  stdin: string;
  /** The exported environment the tool runs with. */
  env: Map<string, string>;
  cwd: string;
  fs: VirtualFs;
  /** The name the tool was invoked by (argv[0]). */
  argv0: string;
  shellName: ShellName;
  /** Simulated wall clock in epoch milliseconds. */
  now: number;
  hostname?: string;
  /** Advances the simulated clock; never sleeps for real. */
  sleep(seconds: number): void;
}

/** A simulated program: `args` excludes argv[0] (that is `io.argv0`). */
export type Tool = (args: string[], io: ToolIO) => Promise<ToolResult>;
export type ToolRegistry = Map<string, Tool>;
export type ShellName = 'sh' | 'ash' | 'bash';

/** What persists between runScript calls of one interactive session. */
export interface ShellSession {
  unexported: Set<string>;
  functions: Map<string, Command>;
  lastStatus: number;
  errexit: boolean;
  xtrace: boolean;
}

export interface ShellContext {
  env: Map<string, string>;
  cwd: string;
  fs: VirtualFs;
  tools: ToolRegistry;
  stdin: string;
  shellName: ShellName;
  argv0?: string;
  args?: string[];
  /** Where each tool lives for `type` / `command -v` (default `/bin/NAME`). */
  toolPaths?: Record<string, string>;
  hostname?: string;
  /** The shell's pid for `$$` (default 1). */
  pid?: number;
  /** Simulated epoch milliseconds; `sleep` advances it. */
  now?: number;
  session?: ShellSession;
}

export interface ShellResult {
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved in the order they were written. */
  output: string;
  exitCode: number;
  /** Simulated milliseconds spent sleeping. */
  sleptMs: number;
}

interface Out {
  write(s: string): void;
}
interface In {
  data: string;
  pos: number;
}
interface Fds {
  0: In;
  1: Out;
  2: Out;
}

class ExitSignal {
  constructor(readonly code: number) {}
}
class LoopSignal {
  constructor(
    readonly kind: 'break' | 'continue',
    public n: number,
  ) {}
}
class ReturnSignal {
  constructor(readonly code: number) {}
}
/** A shell error (bad redirection, bad substitution…): message already printed; aborts the command. */
class ShellError {
  constructor(readonly code: number) {}
}

const BUILTINS = new Set([
  ':', '.', 'true', 'false', 'echo', 'printf', 'test', '[', 'cd', 'pwd', 'export', 'unset', 'exit', 'read', 'set',
  'shift', 'type', 'command', 'return', 'break', 'continue', 'eval', 'local', 'source', 'readonly', 'exec', 'wait', 'trap', 'umask',
]);
const SPECIAL = new Set([':', '.', 'export', 'unset', 'exit', 'set', 'shift', 'return', 'break', 'continue', 'eval', 'readonly', 'exec', 'trap', 'source']);
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', '{', '}', '!', 'in']);

export function newSession(): ShellSession {
  return { unexported: new Set(), functions: new Map(), lastStatus: 0, errexit: false, xtrace: false };
}

export async function runScript(script: string, ctx: ShellContext): Promise<ShellResult> {
  let stdout = '';
  let stderr = '';
  let output = '';
  const fds: Fds = {
    0: { data: ctx.stdin, pos: 0 },
    1: { write: (s) => ((stdout += s), (output += s)) },
    2: { write: (s) => ((stderr += s), (output += s)) },
  };
  ctx.session ??= newSession();
  const sh = new Shell(ctx, ctx.env, ctx.session);
  const start = sh.now;
  let code: number;
  try {
    const ast = parse(script);
    await sh.runList(ast, fds);
    code = sh.session.lastStatus;
  } catch (e) {
    if (e instanceof ShellSyntaxError) {
      fds[2].write(`${sh.errPrefix()}${e.message}\n`);
      code = 2;
    } else if (e instanceof ExitSignal) code = e.code;
    else if (e instanceof ShellError) code = e.code;
    else if (e instanceof LoopSignal || e instanceof ReturnSignal) code = sh.session.lastStatus;
    else throw e;
  }
  sh.session.lastStatus = code;
  ctx.cwd = sh.cwd;
  ctx.now = sh.now;
  return { stdout, stderr, output, exitCode: code, sleptMs: sh.now - start };
}

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

/** A glob pattern (with `\` escaping literal characters) as a RegExp over one path segment. */
export function globToRegExp(pat: string, anchored = true): RegExp {
  let re = '';
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i];
    if (c === '\\' && i + 1 < pat.length) re += escapeRe(pat[++i]);
    else if (c === '*') re += '[\\s\\S]*';
    else if (c === '?') re += '[\\s\\S]';
    else if (c === '[') {
      const end = pat.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        let body = pat.slice(i + 1, end);
        if (body.startsWith('!') || body.startsWith('^')) body = '^' + body.slice(1);
        re += '[' + body.replace(/\\/g, '\\\\') + ']';
        i = end;
      }
    } else re += escapeRe(c);
  }
  return new RegExp(anchored ? `^${re}$` : re);
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function hasGlob(pat: string): boolean {
  for (let i = 0; i < pat.length; i++) {
    if (pat[i] === '\\') i++;
    else if ('*?['.includes(pat[i])) return true;
  }
  return false;
}

function unescapePat(pat: string): string {
  return pat.replace(/\\([\s\S])/g, '$1');
}

interface Field {
  value: string;
  pattern: string;
  glob: boolean;
}

class Shell {
  cwd: string;
  positional: string[];
  argv0: string;
  now: number;
  loopDepth = 0;
  funcDepth = 0;
  condDepth = 0;

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
      if (e instanceof ExitSignal || e instanceof ShellError) code = e.code;
      else if (e instanceof LoopSignal || e instanceof ReturnSignal) code = s.session.lastStatus;
      else throw e;
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

  // ---- lists ---------------------------------------------------------------------------------------

  async runList(list: List, fds: Fds): Promise<number> {
    for (const ao of list) await this.runAndOr(ao, fds);
    return this.session.lastStatus;
  }

  private async runAndOr(ao: AndOr, fds: Fds): Promise<void> {
    const chain = [{ op: '&&' as const, pipeline: ao.first }, ...ao.rest];
    let status = 0;
    let lastRan: Pipeline | undefined;
    for (let i = 0; i < chain.length; i++) {
      const { op, pipeline } = chain[i];
      if (i > 0 && (op === '&&' ? status !== 0 : status === 0)) continue;
      const isLast = i === chain.length - 1;
      if (!isLast) this.condDepth++;
      try {
        status = await this.runPipeline(pipeline, fds);
      } finally {
        if (!isLast) this.condDepth--;
      }
      lastRan = pipeline;
      void lastRan;
      if (isLast && this.session.errexit && status !== 0 && !pipeline.negate && this.condDepth === 0) {
        throw new ExitSignal(status);
      }
    }
    this.session.lastStatus = status;
  }

  private async runPipeline(p: Pipeline, fds: Fds): Promise<number> {
    if (p.negate) this.condDepth++;
    let status: number;
    try {
      if (p.commands.length === 1) status = await this.runCommand(p.commands[0], fds);
      else {
        let input: In = fds[0];
        status = 0;
        for (let i = 0; i < p.commands.length; i++) {
          const last = i === p.commands.length - 1;
          let buf = '';
          const out: Out = last ? fds[1] : { write: (s) => void (buf += s) };
          const cmd = p.commands[i];
          const stageFds: Fds = { 0: input, 1: out, 2: fds[2] };
          status = await this.inSubshell(async (s) => {
            s.session.lastStatus = await s.runCommand(cmd, stageFds);
          });
          input = { data: buf, pos: 0 };
        }
      }
    } finally {
      if (p.negate) this.condDepth--;
    }
    if (p.negate) status = status === 0 ? 1 : 0;
    this.session.lastStatus = status;
    return status;
  }

  private async runCommand(cmd: Command, fds: Fds): Promise<number> {
    if (cmd.type === 'simple') return this.runSimple(cmd, fds);
    if (cmd.type === 'func') {
      this.session.functions.set(cmd.name, cmd.body);
      return (this.session.lastStatus = 0);
    }
    let rfds: Fds;
    try {
      rfds = await this.applyRedirects(cmd.redirects, fds);
    } catch (e) {
      if (e instanceof ShellError) return (this.session.lastStatus = e.code);
      throw e;
    }
    let status = 0;
    switch (cmd.type) {
      case 'group':
        status = await this.runList(cmd.body, rfds);
        break;
      case 'subshell':
        status = await this.inSubshell((s) => s.runList(cmd.body, rfds).then(() => undefined));
        break;
      case 'if': {
        let done = false;
        for (const c of cmd.clauses) {
          this.condDepth++;
          let cond: number;
          try {
            cond = await this.runList(c.cond, rfds);
          } finally {
            this.condDepth--;
          }
          if (cond === 0) {
            status = c.body.length ? await this.runList(c.body, rfds) : 0;
            done = true;
            break;
          }
        }
        if (!done) status = cmd.elseBody ? await this.runList(cmd.elseBody, rfds) : 0;
        break;
      }
      case 'loop': {
        this.loopDepth++;
        try {
          for (let guard = 0; ; guard++) {
            if (guard > 100000) break;
            this.condDepth++;
            let cond: number;
            try {
              cond = await this.runList(cmd.cond, rfds);
            } finally {
              this.condDepth--;
            }
            if ((cond === 0) === cmd.until) break;
            const r = await this.runLoopBody(cmd.body, rfds);
            if (r.status !== undefined) status = r.status;
            if (r.brk) break;
          }
        } finally {
          this.loopDepth--;
        }
        break;
      }
      case 'for': {
        const items = cmd.items ? await this.expandWords(cmd.items, rfds) : [...this.positional];
        this.loopDepth++;
        try {
          for (const it of items) {
            this.setVar(cmd.name, it);
            const r = await this.runLoopBody(cmd.body, rfds);
            if (r.status !== undefined) status = r.status;
            if (r.brk) break;
          }
        } finally {
          this.loopDepth--;
        }
        break;
      }
      case 'case': {
        const subject = (await this.expandString(cmd.subject, rfds)).value;
        outer: for (const item of cmd.items) {
          for (const pw of item.patterns) {
            const pat = (await this.expandString(pw, rfds)).pattern;
            if (globToRegExp(pat).test(subject)) {
              status = await this.runList(item.body, rfds);
              break outer;
            }
          }
        }
        break;
      }
    }
    return (this.session.lastStatus = status);
  }

  private async runLoopBody(body: List, fds: Fds): Promise<{ brk: boolean; status?: number }> {
    try {
      return { brk: false, status: await this.runList(body, fds) };
    } catch (e) {
      if (e instanceof LoopSignal) {
        if (e.n > 1) {
          e.n--;
          throw e;
        }
        return { brk: e.kind === 'break', status: 0 };
      }
      throw e;
    }
  }

  // ---- simple commands -----------------------------------------------------------------------------

  private async runSimple(cmd: Extract<Command, { type: 'simple' }>, fds: Fds): Promise<number> {
    let argv: string[];
    const assigns: [string, string][] = [];
    let substStatus = 0;
    try {
      this.substStatus = undefined;
      argv = await this.expandWords(cmd.words, fds);
      for (const a of cmd.assigns) assigns.push([a.name, (await this.expandString(a.value, fds, true)).value]);
      substStatus = this.substStatus ?? 0;
    } catch (e) {
      if (e instanceof ShellError) {
        return (this.session.lastStatus = e.code);
      }
      throw e;
    }
    if (this.session.xtrace) {
      const shown = [...assigns.map(([k, v]) => `${k}=${v}`), ...argv];
      fds[2].write(`+ ${shown.join(' ')}\n`);
    }
    let rfds: Fds;
    try {
      rfds = await this.applyRedirects(cmd.redirects, fds);
    } catch (e) {
      if (e instanceof ShellError) return (this.session.lastStatus = e.code);
      throw e;
    }
    if (!argv.length) {
      for (const [k, v] of assigns) this.setVar(k, v);
      return (this.session.lastStatus = substStatus);
    }
    const status = await this.invoke(argv, assigns, rfds);
    return (this.session.lastStatus = status);
  }

  substStatus: number | undefined;

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
        return await this.runCommand(fn, fds);
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
        return this.builtin(name, argv.slice(1), fds);
      }
      const savedVars = assigns.map(([k]) => [k, this.vars.get(k), this.session.unexported.has(k)] as const);
      for (const [k, v] of assigns) this.setVar(k, v);
      try {
        return await this.builtin(name, argv.slice(1), fds);
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

  private toolPath(name: string): string {
    return this.ctx.toolPaths?.[name] ?? `/bin/${name}`;
  }

  /** The tool for a command name or path, if any. */
  private findTool(name: string): { name: string; tool: Tool } | undefined {
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
    if (this.bash) fds[2].write(`${this.errPrefix()}${name}: ${name.includes('/') ? 'No such file or directory' : 'command not found'}\n`);
    else fds[2].write(`${this.errPrefix()}${name}: not found\n`);
    return 127;
  }

  private async runExternal(name: string, args: string[], extra: Map<string, string>, fds: Fds): Promise<number> {
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
      fds[1].write(r.stdout);
      fds[2].write(r.stderr);
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
    };
    const r = await runScript(script, sub);
    this.now = sub.now ?? this.now;
    fds[1].write(r.stdout);
    fds[2].write(r.stderr);
    return r.exitCode;
  }

  // ---- redirections --------------------------------------------------------------------------------

  private async applyRedirects(redirects: Redirect[], fds: Fds): Promise<Fds> {
    if (!redirects.length) return fds;
    const out: Fds = { ...fds };
    for (const r of redirects) {
      if (r.heredoc) {
        const body = r.heredoc.expand && r.heredoc.word ? (await this.expandString(r.heredoc.word, fds, true)).value : r.heredoc.body;
        if (r.fd === 0) out[0] = { data: body, pos: 0 };
        continue;
      }
      const target = (await this.expandString(r.target, fds, true)).value;
      if (r.op === '>&' || r.op === '<&') {
        if (target === '-') continue;
        if (!/^\d+$/.test(target) || !['0', '1', '2'].includes(target)) {
          this.writeErr(fds, `${this.errPrefix()}${target}: bad file descriptor`);
          throw new ShellError(this.bash ? 1 : 2);
        }
        const src = Number(target) as 0 | 1 | 2;
        if (r.fd === 1 || r.fd === 2) {
          if (src !== 0) out[r.fd] = out[src];
        } else if (r.fd === 0 && src === 0) out[0] = out[0];
        continue;
      }
      const path = normalizePath(target, this.cwd);
      if (r.op === '<' || r.op === '<>') {
        if (path === '/dev/null') {
          if (r.fd === 0) out[0] = { data: '', pos: 0 };
          continue;
        }
        if (!this.ctx.fs.isFile(path)) {
          if (this.bash) this.writeErr(fds, `${this.errPrefix()}${target}: ${this.ctx.fs.isDir(path) ? 'Is a directory' : 'No such file or directory'}`);
          else this.writeErr(fds, `${this.errPrefix()}can't open ${target}: ${this.ctx.fs.isDir(path) ? 'Is a directory' : 'no such file'}`);
          throw new ShellError(this.bash ? 1 : 2);
        }
        if (r.fd === 0) out[0] = { data: this.ctx.fs.readFile(path), pos: 0 };
        continue;
      }
      // > >> >|
      let sink: Out;
      if (path === '/dev/null') sink = { write: () => undefined };
      else if (path === '/dev/stdout') sink = fds[1];
      else if (path === '/dev/stderr') sink = fds[2];
      else {
        try {
          if (r.op === '>>') this.ctx.fs.appendFile(path, '');
          else this.ctx.fs.writeFile(path, '');
        } catch (e) {
          if (!(e instanceof VfsError)) throw e;
          const why = e.code === 'EISDIR' ? 'Is a directory' : e.code === 'ENOTDIR' ? 'Not a directory' : undefined;
          if (this.bash) this.writeErr(fds, `${this.errPrefix()}${target}: ${why ?? 'No such file or directory'}`);
          else this.writeErr(fds, `${this.errPrefix()}can't create ${target}: ${why ?? 'nonexistent directory'}`);
          throw new ShellError(this.bash ? 1 : 2);
        }
        const fs = this.ctx.fs;
        sink = { write: (s) => fs.appendFile(path, s) };
      }
      if (r.fd === 1 || r.fd === 2) out[r.fd] = sink;
    }
    return out;
  }

  private writeErr(fds: Fds, line: string): void {
    fds[2].write(line + '\n');
  }

  // ---- expansion -----------------------------------------------------------------------------------

  private lookup(name: string): string | undefined {
    switch (name) {
      case '?':
        return String(this.session.lastStatus);
      case '$':
        return String(this.ctx.pid ?? 1);
      case '#':
        return String(this.positional.length);
      case '@':
      case '*':
        return this.positional.join(name === '*' ? (this.vars.get('IFS') ?? ' ').slice(0, 1) : ' ');
      case '!':
        return '';
      case '-':
        return (this.session.errexit ? 'e' : '') + (this.session.xtrace ? 'x' : '');
      case '0':
        return this.argv0;
    }
    if (/^\d+$/.test(name)) return this.positional[Number(name) - 1];
    return this.vars.get(name);
  }

  /** Expands a word into one string (no field splitting or globbing): assignments, redirections, here-docs. */
  async expandString(w: Word, fds: Fds, _noSplit = true): Promise<Field> {
    let value = '';
    let pattern = '';
    for (const p of w.parts) {
      const v = await this.expandPart(p, fds);
      if (v === undefined) continue;
      value += v.join(' ');
      pattern += p.k === 'lit' && !p.quoted ? v.join(' ') : p.quoted ? v.join(' ').replace(/[\\*?[\]]/g, '\\$&') : v.join(' ');
    }
    if (w.parts[0]?.k === 'lit' && !w.parts[0].quoted && /^~(\/|$)/.test(w.parts[0].v)) {
      const home = this.vars.get('HOME') ?? '/';
      value = home + value.slice(1);
      pattern = home + pattern.slice(1);
    }
    return { value, pattern, glob: false };
  }

  /** Expands the words of a command into fields: expansions, field splitting, globbing. */
  async expandWords(words: Word[], fds: Fds): Promise<string[]> {
    const out: string[] = [];
    for (const w of words) {
      for (const f of await this.expandFields(w, fds)) {
        if (f.glob) {
          const matches = this.glob(f.pattern);
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

  private async expandFields(w: Word, fds: Fds): Promise<Field[]> {
    const fields: Field[] = [];
    let cur: Field = { value: '', pattern: '', glob: false };
    let have = false;
    const ifs = this.vars.get('IFS') ?? ' \t\n';
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
        if (first && !p.quoted && /^~(\/|$)/.test(v)) v = (this.vars.get('HOME') ?? '/') + v.slice(1);
        first = false;
        addLiteral(v, p.quoted);
        if (p.quoted) have = true;
        continue;
      }
      first = false;
      const vals = await this.expandPart(p, fds);
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
  private async expandPart(p: WordPart, fds: Fds): Promise<string[] | undefined> {
    switch (p.k) {
      case 'lit':
        return [p.v];
      case 'cmd':
        return [await this.commandSubst(p.src, fds)];
      case 'arith': {
        const src = (await this.expandString({ parts: lexArithParts(p.src), raw: p.src }, fds)).value;
        try {
          return [String(evalArith(src, this))];
        } catch (e) {
          const msg = e instanceof Error && e.message === 'divide by zero' ? 'divide by zero' : 'arithmetic syntax error';
          this.writeErr(fds, `${this.errPrefix()}${msg}`);
          throw new ExitSignal(2);
        }
      }
      case 'param':
        return this.expandParam(p, fds);
    }
  }

  private async expandParam(p: Extract<WordPart, { k: 'param' }>, fds: Fds): Promise<string[] | undefined> {
    const val = this.lookup(p.name);
    if (p.length) return [String((val ?? '').length)];
    if (!p.op) {
      if ((p.name === '@' || p.name === '*') && p.quoted && p.name === '@') return this.positional.length ? [...this.positional] : undefined;
      if (p.name === '@' || p.name === '*') return this.positional.length ? (p.quoted ? [val ?? ''] : [...this.positional]) : undefined;
      return val === undefined ? undefined : [val];
    }
    const op = p.op;
    const colon = op.startsWith(':');
    const unsetOrNull = val === undefined || (colon && val === '');
    const arg = async () => (p.arg ? (await this.expandString(p.arg, fds)).value : '');
    switch (op.replace(':', '')) {
      case '-':
        return [unsetOrNull ? await arg() : (val ?? '')];
      case '=': {
        if (unsetOrNull) {
          const v = await arg();
          this.setVar(p.name, v);
          return [v];
        }
        return [val ?? ''];
      }
      case '+':
        return unsetOrNull ? undefined : [await arg()];
      case '?': {
        if (unsetOrNull) {
          const msg = (await arg()) || (val === undefined ? 'parameter not set' : 'parameter null or not set');
          this.writeErr(fds, `${this.errPrefix()}${p.name}: ${msg}`);
          throw new ExitSignal(this.bash ? 1 : 2);
        }
        return [val ?? ''];
      }
    }
    // # ## % %%
    const v = val ?? '';
    const pat = p.arg ? (await this.expandString(p.arg, fds)).pattern : '';
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

  private async commandSubst(src: string, fds: Fds): Promise<string> {
    let buf = '';
    const subFds: Fds = { 0: fds[0], 1: { write: (s) => void (buf += s) }, 2: fds[2] };
    const s = this.subshell();
    let code: number;
    try {
      await s.runList(parse(src), subFds);
      code = s.session.lastStatus;
    } catch (e) {
      if (e instanceof ExitSignal || e instanceof ShellError) code = e.code;
      else if (e instanceof ShellSyntaxError) {
        this.writeErr(fds, `${this.errPrefix()}${e.message}`);
        code = 2;
      } else if (e instanceof LoopSignal || e instanceof ReturnSignal) code = s.session.lastStatus;
      else throw e;
    }
    this.now = s.now;
    this.substStatus = code;
    return buf.replace(/\n+$/, '');
  }

  private glob(pattern: string): string[] {
    const abs = pattern.startsWith('/');
    const segs = pattern.split('/').filter((s, i) => s !== '' || i === 0);
    let paths: string[] = [abs ? '/' : ''];
    for (const seg of segs) {
      if (seg === '') continue;
      const next: string[] = [];
      for (const base of paths) {
        const dir = normalizePath(base || '.', this.cwd);
        const join = (n: string) => (base === '' ? n : base.endsWith('/') ? base + n : `${base}/${n}`);
        if (!hasGlob(seg)) {
          const lit = unescapePat(seg);
          if (this.ctx.fs.exists(normalizePath(join(lit), this.cwd))) next.push(join(lit));
          continue;
        }
        if (!this.ctx.fs.isDir(dir)) continue;
        const re = globToRegExp(seg);
        for (const n of this.ctx.fs.list(dir)) {
          if (n.startsWith('.') && !seg.startsWith('.') && !seg.startsWith('\\.')) continue;
          if (re.test(n)) next.push(join(n));
        }
      }
      paths = next;
      if (!paths.length) return [];
    }
    return paths.sort();
  }

  // ---- builtins ------------------------------------------------------------------------------------

  private async builtin(name: string, args: string[], fds: Fds): Promise<number> {
    const out = (s: string) => fds[1].write(s);
    const err = (s: string) => fds[2].write(`${this.errPrefix()}${s}\n`);
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
          return this.bash ? 2 : 1;
        }
        const r = formatPrintf(args[0], args.slice(1));
        out(r.out);
        for (const e of r.errors) fds[2].write(`${this.bash ? 'bash: ' : ''}printf: ${e}\n`);
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
          return testExpr(args, this) ? 0 : 1;
        } catch (e) {
          err(`${name}: ${e instanceof Error ? e.message : String(e)}`);
          return 2;
        }
      }
      case 'pwd':
        out(this.cwd + '\n');
        return 0;
      case 'cd': {
        let target = args[0] ?? this.vars.get('HOME') ?? '/';
        const dash = target === '-';
        if (dash) target = this.vars.get('OLDPWD') ?? this.cwd;
        const path = normalizePath(target, this.cwd);
        if (!this.ctx.fs.isDir(path)) {
          const why = this.ctx.fs.exists(path) ? 'Not a directory' : 'No such file or directory';
          if (this.bash) err(`cd: ${target}: ${why}`);
          else err(`cd: can't cd to ${target}: ${why}`);
          return this.bash ? 1 : 2;
        }
        this.vars.set('OLDPWD', this.cwd);
        this.cwd = path;
        this.vars.set('PWD', path);
        if (dash) out(path + '\n');
        return 0;
      }
      case 'export':
      case 'readonly':
      case 'local': {
        const list = args.filter((a) => a !== '-p' && a !== '-n');
        if (!list.length && name === 'export') {
          for (const [k, v] of [...this.exportedEnv()].sort(([a], [b]) => (a < b ? -1 : 1))) out(`export ${k}=${shellQuote(v)}\n`);
          return 0;
        }
        for (const a of list) {
          const eq = a.indexOf('=');
          const k = eq < 0 ? a : a.slice(0, eq);
          if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) {
            err(`${name}: ${a}: bad variable name`);
            return this.bash ? 1 : 2;
          }
          if (eq >= 0) this.setVar(k, a.slice(eq + 1));
          if (name === 'export') {
            this.session.unexported.delete(k);
            if (!this.vars.has(k)) this.session.unexported.delete(k);
          } else if (name === 'local' && eq < 0 && !this.vars.has(k)) this.setVar(k, '');
        }
        if (name === 'export') {
          // a name exported before it is set stays exported once set
          for (const a of list) {
            const k = a.split('=')[0];
            if (!this.vars.has(k)) this.pendingExport.add(k);
          }
        }
        return 0;
      }
      case 'unset':
        for (const a of args.filter((x) => !x.startsWith('-'))) {
          if (args.includes('-f')) this.session.functions.delete(a);
          else {
            this.vars.delete(a);
            this.session.unexported.delete(a);
          }
        }
        return 0;
      case 'exit': {
        const code = args[0] === undefined ? this.session.lastStatus : Number(args[0]);
        if (!Number.isInteger(code)) {
          err(`exit: Illegal number: ${args[0]}`);
          throw new ExitSignal(2);
        }
        throw new ExitSignal(((code % 256) + 256) % 256);
      }
      case 'return': {
        const code = args[0] === undefined ? this.session.lastStatus : Number(args[0]) & 255;
        if (this.funcDepth === 0) throw new ExitSignal(code);
        throw new ReturnSignal(code);
      }
      case 'break':
      case 'continue': {
        if (this.loopDepth === 0) return 0;
        const n = Math.max(1, Math.min(Number(args[0] ?? 1) || 1, this.loopDepth));
        throw new LoopSignal(name, n);
      }
      case 'shift': {
        const n = Number(args[0] ?? 1);
        if (n > this.positional.length) {
          err(`shift: can't shift that many`);
          return this.bash ? 1 : 2;
        }
        this.positional = this.positional.slice(n);
        return 0;
      }
      case 'set': {
        if (!args.length) {
          for (const [k, v] of [...this.vars].sort(([a], [b]) => (a < b ? -1 : 1))) out(`${k}=${shellQuote(v)}\n`);
          return 0;
        }
        let i = 0;
        for (; i < args.length; i++) {
          const a = args[i];
          if (a === '--') {
            i++;
            this.positional = args.slice(i);
            return 0;
          }
          if (a === '-o' || a === '+o') {
            const opt = args[++i];
            if (opt === 'errexit') this.session.errexit = a === '-o';
            else if (opt === 'xtrace') this.session.xtrace = a === '-o';
            continue;
          }
          if (/^[-+][a-zA-Z]+$/.test(a)) {
            const on = a[0] === '-';
            for (const f of a.slice(1)) {
              if (f === 'e') this.session.errexit = on;
              else if (f === 'x') this.session.xtrace = on;
            }
            continue;
          }
          this.positional = args.slice(i);
          return 0;
        }
        return 0;
      }
      case 'read':
        return this.readBuiltin(args, fds);
      case 'eval': {
        const src = args.join(' ');
        await this.runList(parse(src), fds);
        return this.session.lastStatus;
      }
      case '.':
      case 'source': {
        const file = args[0];
        if (!file) return 0;
        const path = normalizePath(file, this.cwd);
        if (!this.ctx.fs.isFile(path)) {
          err(`.: can't open '${file}': No such file or directory`);
          throw new ExitSignal(2);
        }
        await this.runList(parse(this.ctx.fs.readFile(path)), fds);
        return this.session.lastStatus;
      }
      case 'exec': {
        if (!args.length) return 0;
        const code = await this.invoke(args, [], fds);
        throw new ExitSignal(code);
      }
      case 'type': {
        let status = 0;
        for (const a of args) {
          const d = this.describe(a);
          if (d) out(`${a} is ${d}\n`);
          else {
            if (this.bash) err(`type: ${a}: not found`);
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
            if (KEYWORDS.has(a) || BUILTINS.has(a) || this.session.functions.has(a)) out(args[0] === '-v' ? `${a}\n` : `${a} is ${this.describe(a)}\n`);
            else if (this.findTool(a)) out(args[0] === '-v' ? `${this.toolPath(a.slice(a.lastIndexOf('/') + 1))}\n` : `${a} is ${this.describe(a)}\n`);
            else status = 1;
          }
          return status;
        }
        if (!args.length) return 0;
        if (BUILTINS.has(args[0])) return this.builtin(args[0], args.slice(1), fds);
        return this.runExternal(args[0], args.slice(1), new Map(), fds);
      }
    }
    return 0;
  }

  pendingExport = new Set<string>();

  private describe(a: string): string | undefined {
    if (KEYWORDS.has(a)) return 'a shell keyword';
    if (this.session.functions.has(a)) return 'a function';
    if (BUILTINS.has(a)) return SPECIAL.has(a) && !this.bash ? 'a special shell builtin' : 'a shell builtin';
    const t = this.findTool(a);
    if (t) return a.includes('/') ? a : this.toolPath(a);
    return undefined;
  }

  private readBuiltin(args: string[], fds: Fds): number {
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
      for (const n of names) this.setVar(n, '');
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
    const ifs = this.vars.get('IFS') ?? ' \t\n';
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
        this.setVar(names[k], v.replace(/\0([\s\S])/g, '$1'));
        break;
      }
      let j = 0;
      while (j < rest.length && !(isSep(rest[j]) && rest[j - 1] !== '\0')) j++;
      this.setVar(names[k], rest.slice(0, j).replace(/\0([\s\S])/g, '$1'));
      rest = trimWs(rest.slice(j + (j < rest.length && !' \t\n'.includes(rest[j]) ? 1 : 0)));
    }
    return eof ? 1 : 0;
  }
}

function shellQuote(v: string): string {
  return `'${v.replace(/'/g, `'"'"'`)}'`;
}

/** `$((…))` source may itself hold `$x` expansions. */
function lexArithParts(src: string): WordPart[] {
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
export function evalArith(src: string, sh: { lookup?: unknown; vars: Map<string, string> } | Shell): number {
  const toks = src.match(/\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%()<>!~?:&|^]|\S/g) ?? [];
  let i = 0;
  const vars = sh.vars;
  const peek = () => toks[i];
  const bin: [string[], (a: number, b: number, op: string) => number][] = [];
  void bin;
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

// ---- echo / printf / test ------------------------------------------------------------------------------

function echoBuiltin(args: string[], out: (s: string) => void): number {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (!/^-[neE]+$/.test(a)) break;
    for (const f of a.slice(1)) {
      if (f === 'n') newline = false;
      else if (f === 'e') escapes = true;
      else escapes = false;
    }
  }
  let s = args.slice(i).join(' ');
  if (escapes) {
    const r = unescape(s, true);
    s = r.text;
    if (r.stop) {
      out(s);
      return 0;
    }
  }
  out(s + (newline ? '\n' : ''));
  return 0;
}

/** Backslash escapes of echo -e / printf %b (echoStyle: `\0nnn` octal) and printf formats (`\nnn`). */
function unescape(s: string, echoStyle: boolean): { text: string; stop: boolean } {
  let text = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      text += c;
      continue;
    }
    const n = s[++i];
    const map: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
    if (n in map) text += map[n];
    else if (n === 'c') return { text, stop: true };
    else if (n === 'x' && /[0-9a-fA-F]/.test(s[i + 1] ?? '')) {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1))![0];
      text += String.fromCharCode(parseInt(m, 16));
      i += m.length;
    } else if (/[0-7]/.test(n) && (echoStyle ? n === '0' : true)) {
      const m = /^[0-7]{0,3}/.exec(s.slice(echoStyle ? i + 1 : i))![0];
      text += String.fromCharCode(parseInt(m || '0', 8) & 255);
      i += echoStyle ? m.length : m.length - 1;
    } else if (!echoStyle && (n === '"' || n === "'")) text += n;
    else text += '\\' + n;
  }
  return { text, stop: false };
}

export function formatPrintf(format: string, args: string[]): { out: string; errors: string[] } {
  let out = '';
  const errors: string[] = [];
  let ai = 0;
  const nextArg = () => (ai < args.length ? args[ai++] : undefined);
  const toNum = (a: string | undefined): number => {
    if (a === undefined || a === '') return 0;
    let s = a.trim();
    if (/^['"]/.test(s)) return s.length > 1 ? s.codePointAt(1)! : 0;
    let neg = false;
    if (/^[-+]/.test(s)) {
      neg = s[0] === '-';
      s = s.slice(1);
    }
    let n: number;
    if (/^0x[0-9a-f]+$/i.test(s)) n = parseInt(s, 16);
    else if (/^0[0-7]+$/.test(s)) n = parseInt(s, 8);
    else if (/^\d+$/.test(s)) n = parseInt(s, 10);
    else {
      errors.push(`invalid number '${a}'`);
      const m = /^\d+/.exec(s);
      n = m ? Number(m[0]) : 0;
    }
    return neg ? -n : n;
  };
  const toFloat = (a: string | undefined): number => {
    if (a === undefined || a === '') return 0;
    const n = Number(a);
    if (Number.isNaN(n)) {
      errors.push(`invalid number '${a}'`);
      return 0;
    }
    return n;
  };
  const pad = (s: string, flags: string, width: number | undefined, numeric: boolean): string => {
    if (width === undefined || s.length >= width) return s;
    if (flags.includes('-')) return s + ' '.repeat(width - s.length);
    if (flags.includes('0') && numeric) {
      const sign = /^[-+ ]/.test(s) ? s[0] : '';
      const body = sign ? s.slice(1) : s;
      return sign + '0'.repeat(width - s.length) + body;
    }
    return ' '.repeat(width - s.length) + s;
  };
  let first = true;
  while (first || (ai < args.length && ai > 0)) {
    const startAi = ai;
    first = false;
    for (let i = 0; i < format.length; i++) {
      const c = format[i];
      if (c === '\\') {
        const m = /^\\(?:[0-7]{1,3}|x[0-9a-fA-F]{1,2}|[\s\S])/.exec(format.slice(i))![0];
        const r = unescape(m, false);
        out += r.text;
        if (r.stop) return { out, errors };
        i += m.length - 1;
        continue;
      }
      if (c !== '%') {
        out += c;
        continue;
      }
      const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([a-zA-Z%])/.exec(format.slice(i));
      if (!m) {
        out += c;
        continue;
      }
      i += m[0].length - 1;
      const flags = m[1];
      const width = m[2] === '*' ? toNum(nextArg()) : m[2] !== undefined ? Number(m[2]) : undefined;
      const prec = m[3] === '*' ? toNum(nextArg()) : m[3] !== undefined ? Number(m[3] || '0') : undefined;
      const conv = m[4];
      const sign = (n: number, s: string) => (n >= 0 ? (flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + s : s);
      switch (conv) {
        case '%':
          out += '%';
          break;
        case 's': {
          let s = nextArg() ?? '';
          if (prec !== undefined) s = s.slice(0, prec);
          out += pad(s, flags, width, false);
          break;
        }
        case 'b': {
          const r = unescape(nextArg() ?? '', true);
          out += pad(r.text, flags, width, false);
          if (r.stop) return { out, errors };
          break;
        }
        case 'c':
          out += pad((nextArg() ?? '').slice(0, 1), flags, width, false);
          break;
        case 'd':
        case 'i': {
          const n = toNum(nextArg());
          let s = String(Math.abs(n));
          if (prec !== undefined) s = s.padStart(prec, '0');
          out += pad(n < 0 ? '-' + s : sign(n, s), prec !== undefined ? flags.replace('0', '') : flags, width, true);
          break;
        }
        case 'u':
        case 'x':
        case 'X':
        case 'o': {
          let n = toNum(nextArg());
          if (n < 0) n = 2 ** 64 + n;
          let s = conv === 'o' ? n.toString(8) : conv === 'u' ? String(n) : n.toString(16);
          if (conv === 'X') s = s.toUpperCase();
          if (prec !== undefined) s = s.padStart(prec, '0');
          if (flags.includes('#') && n !== 0) s = (conv === 'o' ? '0' : conv === 'x' ? '0x' : conv === 'X' ? '0X' : '') + s;
          out += pad(s, flags, width, true);
          break;
        }
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G': {
          const n = toFloat(nextArg());
          const p = prec ?? 6;
          let s: string;
          if (conv === 'f' || conv === 'F') s = Math.abs(n).toFixed(p);
          else if (conv === 'e' || conv === 'E') s = Math.abs(n).toExponential(p).replace(/e([+-])(\d)$/, 'e$10$2');
          else {
            s = String(Number(Math.abs(n).toPrecision(p || 1)));
            if (/e/.test(s)) s = s.replace(/e([+-])(\d)$/, 'e$10$2');
          }
          if (conv === 'E' || conv === 'G') s = s.toUpperCase();
          out += pad(n < 0 ? '-' + s : sign(n, s), flags, width, true);
          break;
        }
        default:
          errors.push(`%${conv}: invalid format`);
          return { out, errors };
      }
    }
    if (ai === startAi) break;
  }
  return { out, errors };
}

function testExpr(args: string[], sh: Shell): boolean {
  let i = 0;
  const fs = sh.ctx.fs;
  const int = (s: string): number => {
    if (!/^\s*[-+]?\d+\s*$/.test(s)) throw new Error(`${s}: bad number`);
    return Number(s);
  };
  const unary = new Set(['-z', '-n', '-f', '-d', '-e', '-s', '-r', '-w', '-x', '-L', '-h', '-t', '-b', '-c', '-p', '-S']);
  const binary = new Set(['=', '==', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '<', '>']);
  const path = (p: string) => normalizePath(p, sh.cwd);
  const primary = (): boolean => {
    const a = args[i];
    if (a === undefined) throw new Error('argument expected');
    if (a === '!') {
      i++;
      return !primary();
    }
    if (a === '(' && args.length - i > 2) {
      i++;
      const v = orExpr();
      if (args[i++] !== ')') throw new Error('closing paren expected');
      return v;
    }
    if (args[i + 1] !== undefined && binary.has(args[i + 1]) && args[i + 2] !== undefined) {
      const l = a;
      const op = args[i + 1];
      const r = args[i + 2];
      i += 3;
      switch (op) {
        case '=':
        case '==':
          return l === r;
        case '!=':
          return l !== r;
        case '<':
          return l < r;
        case '>':
          return l > r;
        case '-eq':
          return int(l) === int(r);
        case '-ne':
          return int(l) !== int(r);
        case '-lt':
          return int(l) < int(r);
        case '-le':
          return int(l) <= int(r);
        case '-gt':
          return int(l) > int(r);
        case '-ge':
          return int(l) >= int(r);
      }
    }
    if (unary.has(a) && args[i + 1] !== undefined) {
      const v = args[i + 1];
      i += 2;
      switch (a) {
        case '-z':
          return v === '';
        case '-n':
          return v !== '';
        case '-f':
          return fs.isFile(path(v));
        case '-d':
          return fs.isDir(path(v));
        case '-e':
        case '-r':
        case '-w':
          return fs.exists(path(v));
        case '-x':
          return fs.isDir(path(v));
        case '-s':
          return fs.isFile(path(v)) ? fs.readFile(path(v)).length > 0 : fs.isDir(path(v));
        default:
          return false;
      }
    }
    i++;
    return a !== '';
  };
  const andExpr = (): boolean => {
    let v = primary();
    while (args[i] === '-a') {
      i++;
      const r = primary();
      v = v && r;
    }
    return v;
  };
  const orExpr = (): boolean => {
    let v = andExpr();
    while (args[i] === '-o') {
      i++;
      const r = andExpr();
      v = v || r;
    }
    return v;
  };
  if (!args.length) return false;
  const v = orExpr();
  if (i < args.length) throw new Error(`${args[i]}: unknown operand`);
  return v;
}
