import type { RuntimeEffects } from '../api/snapshot.js';
import { deliveredChunks, runScript, type OutputChunk, type ShellContext, type ShellSession, type Tool } from './shell/interpreter.js';
import { toolboxFor } from './toolbox.js';
import { podView, type PodViewRequest } from './pod-view.js';
import { toolsFor, type ToolEnvironment } from './tool-registry.js';
import { ServerLogs } from './net/server-logs.js';
import { withHostRoot } from './node-exec.js';
import type { VirtualFs } from './shell/vfs.js';

export { hostsFile } from './pod-view.js';
export type { RuntimeEffects } from '../api/snapshot.js';

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

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  effects: RuntimeEffects;
  /** stdout and stderr in the order they were written (shell runs only), as a terminal shows them. */
  output?: string;
  /**
   * stdout and stderr in the order they reach kubectl, each piece tagged with its stream (shell runs,
   * and programs that record their own order, such as curl); absent: all of stdout, then stderr.
   */
  chunks?: OutputChunk[];
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
  const before = { files: fs.toRecord(), dirs: new Set(fs.directories()) };
  const serverLogs = new ServerLogs();
  const tools = toolsFor(box, { ...req, serverLogs }, fs);
  // A pod mounting the node's root (kubectl debug node/…) sees the node's files there and can chroot into it.
  withHostRoot(req.pod, req.container.name, fs, tools, req);
  const finish = (r: { stdout: string; stderr: string; exitCode: number; output?: string; chunks?: OutputChunk[] }): ExecResult => ({
    stdout: r.stdout,
    stderr: r.stderr,
    exitCode: r.exitCode,
    ...(r.output !== undefined ? { output: r.output } : {}),
    ...(r.chunks ? { chunks: r.chunks } : {}),
    effects: effectsOf(req, serverLogs, before, fs),
  });
  const [cmd, ...args] = req.argv;
  const program = cmd.slice(cmd.lastIndexOf('/') + 1);
  // Every image with a shell has `sh`; bash and ash only where the image ships them.
  const shellHere = Boolean(box.shell) && (program === 'sh' || program === box.shell);
  // A hostNetwork pod shares the node's UTS namespace too: its hostname is the node's.
  const hostname = req.pod.spec?.hostNetwork ? (req.pod.spec.nodeName ?? req.pod.metadata.name) : req.pod.metadata.name;
  // A shell's stdout is a terminal with -t and in an interactive session: programs' stdio flushes by line.
  const base = { env, cwd: '/', fs, tools, hostname, now: req.now, tty: Boolean(req.tty || kept) };
  if (shellHere && kept) return finish(await interactiveLine(req.stdin, kept, tools, { ...base, cwd: kept.cwd }, program));
  if (shellHere) {
    const c = args.indexOf('-c');
    const script = c >= 0 ? (args[c + 1] ?? '') : req.stdin;
    return finish(await runScript(script, { ...base, stdin: c >= 0 ? req.stdin : '', shellName: program === 'bash' ? 'bash' : 'sh', argv0: c >= 0 ? (args[c + 2] ?? program) : program, args: c >= 0 ? args.slice(c + 3) : [] }));
  }
  // Programs that are shell builtins too (`echo`, `true`, …) exist as binaries in any image with a shell.
  if (!tools.has(program) && box.shell && SHELL_BINARIES.includes(program)) {
    const quoted = req.argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    return finish(await runScript(quoted, { ...base, stdin: req.stdin, shellName: 'sh', argv0: 'sh', args: [] }));
  }
  const tool = tools.get(program);
  if (!tool || (cmd.includes('/') && !cmd.startsWith('/bin/') && !cmd.startsWith('/usr/'))) {
    return {
      stdout: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${cmd}": executable file not found in $PATH: unknown\n`,
      stderr: '',
      exitCode: 126,
      effects: { logs: [] },
    };
  }
  const r = await tool(args, { stdin: req.stdin, env, cwd: '/', fs, argv0: cmd, shellName: 'sh', now: req.now, hostname, sleep: () => undefined });
  if (!r.chunks) return finish(r);
  const chunks = deliveredChunks(r, Boolean(req.tty));
  return finish({ ...r, chunks, output: chunks.map((c) => c.text).join('') });
}

/**
 * What the process leaves behind: the servers' log lines, and the files it created or changed in
 * its container's view (kept per container instance; deletions are not kept).
 */
function effectsOf(req: ExecRequest, serverLogs: ServerLogs, before: { files: Record<string, string>; dirs: Set<string> }, fs: VirtualFs): RuntimeEffects {
  const effects: RuntimeEffects = { logs: serverLogs.entries };
  const changed: Record<string, string> = {};
  // A new directory is kept as its path with a trailing slash (so an empty one survives too).
  for (const dir of fs.directories()) if (!before.dirs.has(dir)) changed[`${dir}/`] = '';
  for (const [path, content] of Object.entries(fs.toRecord())) if (before.files[path] !== content) changed[path] = content;
  const containerID: string | undefined = (req.pod.status?.containerStatuses ?? []).find((s: { name: string }) => s.name === req.container.name)?.containerID;
  if (containerID && req.record && Object.keys(changed).length > 0) effects.files = { containerID, files: changed };
  return effects;
}

/**
 * One line typed at an interactive shell. The line runs with the session's variables, cwd and files.
 * An interactive shell survives what ends a script (a syntax error, a failing special builtin): only
 * `exit`, `exec` and `set -e` failures end it, as the interpreter reports in `exited`.
 */
async function interactiveLine(line: string, kept: InteractiveShell, tools: Map<string, Tool>, base: Omit<ShellContext, 'stdin' | 'shellName'>, program: string): Promise<Omit<ExecResult, 'effects'>> {
  const ctx: ShellContext = { ...base, tools, stdin: '', shellName: program === 'bash' ? 'bash' : 'sh', argv0: program, args: [], session: kept.session };
  const r = await runScript(line, ctx);
  kept.cwd = ctx.cwd;
  if (r.exited) kept.exited = r.exitCode;
  return { stdout: r.stdout, stderr: r.stderr, output: r.output, exitCode: r.exitCode };
}
