import type { CommandContext } from '../../cli/command.js';
import type { Session } from '../../cluster/session.js';
import type { KubeObject } from '../../api/types.js';
import { toolboxFor } from '../../runtime/toolbox.js';
import { imageFiles } from '../../runtime/images/image-files.js';
import { newSession } from '../../runtime/shell/interpreter.js';
import type { InteractiveShell } from '../../runtime/exec.js';
import type { InteractiveTarget } from './interactive.js';
import { continuationPrompt, LineBuffer } from './line-buffer.js';
import { runInPod } from './in-pod.js';

/** Which shell answers: busybox ash (busybox, alpine), Debian's bash, or Debian's dash as `sh`. */
export type ShellFlavour = 'ash' | 'bash' | 'dash';

/** The shell an argv starts in an image, when it is an interactive one (a shell with no -c and no script). */
export function interactiveShell(image: string, argv: string[]): ShellFlavour | undefined {
  const box = toolboxFor(image);
  if (!box.shell || argv.length === 0) return undefined;
  const program = argv[0].slice(argv[0].lastIndexOf('/') + 1);
  if (program !== 'sh' && program !== box.shell) return undefined;
  // `sh -c '…'` or `sh script.sh` runs and ends; `sh`, `sh -i`, `sh -l` wait for a terminal.
  if (argv.slice(1).some((a) => !/^-[a-z]+$/.test(a) || a.includes('c'))) return undefined;
  if (program === 'bash') return 'bash';
  return box.shell === 'bash' ? 'dash' : 'ash';
}

/**
 * The prompt a root shell prints. busybox ash's default PS1 is `\w \$ ` (`/ # `, `/tmp # `, `~ # `);
 * Debian's /etc/bash.bashrc sets `\u@\h:\w\$ ` for bash (`root@POD:/# `); dash's is a plain `# `.
 */
export function promptFor(flavour: ShellFlavour, o: { cwd: string; home: string; hostname: string; ps1?: string; user?: string }): string {
  // `\$` is `#` for root and `$` for anyone else (kuard's nobody: `~ $ `, its HOME being `/`).
  const user = o.user ?? 'root';
  const dollar = user === 'root' ? '#' : '$';
  const ps1 = o.ps1 ?? (flavour === 'ash' ? '\\w \\$ ' : flavour === 'bash' ? '\\u@\\h:\\w\\$ ' : `${dollar} `);
  // dash prints PS1 as it is; ash and bash expand the backslash escapes.
  if (flavour === 'dash') return ps1;
  const w = o.cwd === o.home ? '~' : o.home !== '/' && o.cwd.startsWith(`${o.home}/`) ? `~${o.cwd.slice(o.home.length)}` : o.cwd;
  return ps1.replace(/\\(.)/g, (all, c: string) => {
    switch (c) {
      case 'w':
        return w;
      case 'W':
        return o.cwd === o.home ? '~' : o.cwd === '/' ? '/' : o.cwd.slice(o.cwd.lastIndexOf('/') + 1);
      case 'u':
        return user;
      case 'h':
        return o.hostname.split('.')[0];
      case 'H':
        return o.hostname;
      case '$':
        return dollar;
      case 'n':
        return '\n';
      case '\\':
        return '\\';
      default:
        return all;
    }
  });
}

export interface PodShellSpec {
  namespace: string;
  pod: KubeObject;
  container: { name: string; image: string };
  /** The shell's argv (`sh`, `/bin/bash`, …). */
  argv: string[];
  flavour: ShellFlavour;
}

/** The process a session typed into ended because its container went away (SIGKILL). */
const KILLED = 137;

/**
 * A shell in a pod's container for a terminal session: one shell (variables, functions, `$?`, cwd
 * and the files it wrote) for the whole session, while every line opens the cluster as it is then,
 * runs, saves what the process changed, and lets go before the next prompt. When the container
 * instance is gone (pod deleted, container restarted) the session ends as a killed process does.
 */
export function podShellTarget(ctx: CommandContext, spec: PodShellSpec): InteractiveTarget & { shell: InteractiveShell } {
  const shell: InteractiveShell = { session: newSession(), cwd: '/' };
  const { namespace, container, argv, flavour } = spec;
  const name = spec.pod.metadata.name;
  const instance = containerID(spec.pod, container.name);
  const bashExit = flavour === 'bash' ? 'exit\n' : '';
  const typed = new LineBuffer();
  /** Runs a complete command (one or more typed lines) in the session's shell. */
  async function run(line: string): Promise<{ stdout: string; stderr: string; exited?: number }> {
    const s = await ctx.openSession();
    try {
      const pod = s.store.get('Pod', namespace, name);
      if (!pod || pod.metadata.uid !== spec.pod.metadata.uid || containerID(pod, container.name) !== instance || !running(pod, container.name)) {
        await s.commit();
        return { stdout: '', stderr: '', exited: KILLED };
      }
      const r = await runInPod(s, pod, container, argv, line, { tty: true, interactive: shell });
      await s.commit();
      // A terminal has one output stream: what the shell wrote to stderr is on it too, in order.
      const out = r.output ?? r.stdout + r.stderr;
      // bash says `exit` as an interactive shell leaves through the exit builtin.
      const leaving = shell.exited !== undefined && /(^|[\s;&|(){}])exit(\s|;|&|\||\)|$)/.test(line) ? bashExit : '';
      return { stdout: out + leaving, stderr: '', exited: shell.exited };
    } catch (e) {
      s.abort();
      throw e;
    }
  }
  return {
    shell,
    prompt: () =>
      typed.pending
        ? continuationPrompt(shell.env)
        : promptFor(flavour, {
            cwd: shell.cwd,
            // Before the first line the shell's environment is not loaded yet: the image user's home then.
            home: shell.env?.get('HOME') ?? imageFiles(container.image).home,
            hostname: shell.env?.get('HOSTNAME') ?? name,
            ps1: shell.env?.get('PS1') ?? toolboxFor(container.image).ps1,
            user: toolboxFor(container.image).user,
          }),
    async runLine(typedLine) {
      const line = typed.add(typedLine);
      return line === undefined ? { stdout: '', stderr: '' } : run(line);
    },
    async endOfInput() {
      // Ctrl-D: ash ends the line it was on, bash says `exit`, dash just goes; all exit with `$?`. Input
      // that ends in the middle of a command runs as it is (an open quote is then a syntax error).
      const rest = typed.flush();
      const r = rest === undefined ? undefined : await run(rest);
      if (r?.exited !== undefined) return { ...r, exited: r.exited };
      return { stdout: (r?.stdout ?? '') + (flavour === 'ash' ? '\n' : bashExit), stderr: r?.stderr ?? '', exited: shell.session.lastStatus };
    },
  };
}

function containerID(pod: KubeObject, container: string): string | undefined {
  return (pod.status?.containerStatuses ?? []).find((s: { name: string }) => s.name === container)?.containerID;
}

function running(pod: KubeObject, container: string): boolean {
  return Boolean((pod.status?.containerStatuses ?? []).find((s: { name: string }) => s.name === container)?.state?.running);
}

/**
 * The container's main process (the shell `run -it` / `attach -it` typed into) has exited with `code`:
 * the runtime records it, and the kubelet then restarts it or leaves it terminated as the pod's
 * restart policy says.
 */
export function endMainProcess(session: Session, pod: KubeObject, container: string, code: number): void {
  const id = containerID(session.store.get('Pod', pod.metadata.namespace ?? 'default', pod.metadata.name) ?? pod, container);
  const record = id ? session.state.runtime?.containers[id] : undefined;
  if (!record || record.finishedAt || record.exitAt) return;
  record.exitAt = session.now;
  record.exitCode = code;
  session.store.dirty = true;
  session.state.settled = false;
  session.reconcile();
}
