import type { LogLine } from '../api/snapshot.js';
import { runScript } from './shell/interpreter.js';
import { toolboxFor } from './toolbox.js';
import { podView, type PodViewRequest } from './pod-view.js';
import { toolsFor, type ToolEnvironment } from './tool-registry.js';
import { withHostRoot } from './node-exec.js';

export { hostsFile } from './pod-view.js';

export interface ExecRequest extends PodViewRequest, Omit<ToolEnvironment, 'profile' | 'snapshot' | 'pod'> {
  argv: string[];
  stdin: string;
}

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
}

const SHELL_BINARIES = ['echo', 'true', 'false', 'printf', 'test', '[', 'pwd', 'kill'];

/**
 * Runs a command in a container the way `kubectl exec` reaches it through the runtime: a shell runs
 * its script, a program present in the image runs directly, anything else fails as runc reports it
 * (exit 126). Nothing here touches the host.
 */
export async function execInContainer(req: ExecRequest): Promise<ExecResult> {
  const box = toolboxFor(req.container.image);
  const { fs, env } = podView(req);
  const tools = toolsFor(box, req, fs);
  // A pod mounting the node's root (kubectl debug node/…) sees the node's files there and can chroot into it.
  withHostRoot(req.pod, req.container.name, fs, tools, req);
  const effects: RuntimeEffects = { logs: [] };
  const [cmd, ...args] = req.argv;
  const program = cmd.slice(cmd.lastIndexOf('/') + 1);
  // Every image with a shell has `sh`; bash and ash only where the image ships them.
  const shellHere = Boolean(box.shell) && (program === 'sh' || program === box.shell);
  // A hostNetwork pod shares the node's UTS namespace too: its hostname is the node's.
  const hostname = req.pod.spec?.hostNetwork ? (req.pod.spec.nodeName ?? req.pod.metadata.name) : req.pod.metadata.name;
  const base = { env, cwd: '/', fs, tools, hostname, now: req.now };
  if (shellHere) {
    const c = args.indexOf('-c');
    const script = c >= 0 ? (args[c + 1] ?? '') : req.stdin;
    const r = await runScript(script, { ...base, stdin: c >= 0 ? req.stdin : '', shellName: program === 'bash' ? 'bash' : 'sh', argv0: c >= 0 ? (args[c + 2] ?? program) : program, args: c >= 0 ? args.slice(c + 3) : [] });
    return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, effects };
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
  const r = await tool(args, { stdin: req.stdin, env, cwd: '/', fs, argv0: cmd, shellName: 'sh', now: req.now, hostname, sleep: () => undefined });
  return { ...r, effects };
}
