import type { LogLine } from '../api/snapshot.js';
import { runScript, type ShellContext, type ShellSession, type Tool } from './shell/interpreter.js';
import type { VirtualFs } from './shell/vfs.js';
import { toolboxFor } from './toolbox.js';
import { podView, type PodViewRequest } from './pod-view.js';
import { toolsFor, type ToolEnvironment } from './tool-registry.js';

export { hostsFile } from './pod-view.js';

export interface ExecRequest extends PodViewRequest, Omit<ToolEnvironment, 'profile' | 'snapshot' | 'pod'> {
  argv: string[];
  stdin: string;
  /** A terminal is allocated (`-t`): the runtime adds TERM=xterm to the process's environment. */
  tty?: boolean;
  /**
   * One typed line for a shell that lives across calls (an interactive session): `stdin` is the line,
   * and the shell's variables, working directory and files stay in this object between lines.
   */
  interactive?: InteractiveShell;
}

/** What an interactive shell keeps between the lines typed into it. */
export interface InteractiveShell {
  session: ShellSession;
  cwd: string;
  /** Filled on the first line from the pod view, then kept. */
  env?: Map<string, string>;
  fs?: VirtualFs;
  /** Set when the line ended the shell (`exit`, `exec`, a failure under `set -e`): its exit status. */
  exited?: number;
}

/** Runs after each interactive line to tell that the shell is still there (and to keep `$?`). */
const ALIVE = '__kubesim_line_done';

/** What a process changed in the runtime's memory, for the caller to keep in the cluster state. */
export interface RuntimeEffects {
  /** Lines servers wrote while answering this process (containerID → lines), e.g. nginx access lines. */
  logs: Array<{ containerID: string; lines: LogLine[] }>;
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  effects: RuntimeEffects;
  /** stdout and stderr in the order they were written (shell runs only), as a terminal shows them. */
  output?: string;
}

const SHELL_BINARIES = ['echo', 'true', 'false', 'printf', 'test', '[', 'pwd', 'kill'];

/**
 * Runs a command in a container the way `kubectl exec` reaches it through the runtime: a shell runs
 * its script, a program present in the image runs directly, anything else fails as runc reports it
 * (exit 126). Nothing here touches the host.
 */
export async function execInContainer(req: ExecRequest): Promise<ExecResult> {
  const box = toolboxFor(req.container.image);
  const kept = req.interactive;
  const view = kept?.fs && kept.env ? { fs: kept.fs, env: kept.env } : podView(req);
  if (req.tty && !kept?.env) view.env.set('TERM', 'xterm');
  if (kept) Object.assign(kept, view);
  const { fs, env } = view;
  const tools = toolsFor(box, req, fs);
  const effects: RuntimeEffects = { logs: [] };
  const [cmd, ...args] = req.argv;
  const program = cmd.slice(cmd.lastIndexOf('/') + 1);
  // Every image with a shell has `sh`; bash and ash only where the image ships them.
  const shellHere = Boolean(box.shell) && (program === 'sh' || program === box.shell);
  const base = { env, cwd: '/', fs, tools, hostname: req.pod.metadata.name, now: req.now };
  if (shellHere && kept) return { ...(await interactiveLine(req.stdin, kept, tools, { ...base, cwd: kept.cwd }, program)), effects };
  if (shellHere) {
    const c = args.indexOf('-c');
    const script = c >= 0 ? (args[c + 1] ?? '') : req.stdin;
    const r = await runScript(script, { ...base, stdin: c >= 0 ? req.stdin : '', shellName: program === 'bash' ? 'bash' : 'sh', argv0: c >= 0 ? (args[c + 2] ?? program) : program, args: c >= 0 ? args.slice(c + 3) : [] });
    return { stdout: r.stdout, stderr: r.stderr, output: r.output, exitCode: r.exitCode, effects };
  }
  // Programs that are shell builtins too (`echo`, `true`, …) exist as binaries in any image with a shell.
  if (!tools.has(program) && box.shell && SHELL_BINARIES.includes(program)) {
    const quoted = req.argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const r = await runScript(quoted, { ...base, stdin: req.stdin, shellName: 'sh', argv0: 'sh', args: [] });
    return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, effects };
  }
  const tool = tools.get(program);
  if (!tool || (cmd.includes('/') && !cmd.startsWith('/bin/') && !cmd.startsWith('/usr/'))) {
    return {
      stdout: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${cmd}": executable file not found in $PATH: unknown\n`,
      stderr: '',
      exitCode: 126,
      effects,
    };
  }
  const r = await tool(args, { stdin: req.stdin, env, cwd: '/', fs, argv0: cmd, shellName: 'sh', now: req.now, hostname: req.pod.metadata.name, sleep: () => undefined });
  return { ...r, effects };
}

/**
 * One line typed at an interactive shell. The line runs with the session's variables, cwd and files;
 * a marker command after it tells whether the shell is still there. An interactive shell survives
 * what ends a script (a syntax error, a failing special builtin): only `exit`, `exec` and `set -e`
 * failures end it.
 */
async function interactiveLine(line: string, kept: InteractiveShell, tools: Map<string, Tool>, base: Omit<ShellContext, 'stdin' | 'shellName'>, program: string): Promise<Omit<ExecResult, 'effects'>> {
  let alive = false;
  tools.set(ALIVE, async (args) => {
    alive = true;
    return { stdout: '', stderr: '', exitCode: Number(args[0]) };
  });
  const ctx: ShellContext = { ...base, stdin: '', shellName: program === 'bash' ? 'bash' : 'sh', argv0: program, args: [], session: kept.session };
  const r = await runScript(`${line}\n${ALIVE} $?`, ctx);
  kept.cwd = ctx.cwd;
  const trace = new RegExp(`\\+ ${ALIVE} \\d+\\n$`);
  const output = r.output.replace(trace, '');
  const stderr = r.stderr.replace(trace, '');
  if (!alive && (kept.session.errexit || /(^|[\s;&|(){}])(exit|exec)(\s|;|&|\||\)|$)/.test(line))) kept.exited = r.exitCode;
  return { stdout: r.stdout, stderr, output, exitCode: r.exitCode };
}
