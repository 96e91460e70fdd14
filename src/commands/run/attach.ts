import type { CommandContext } from '../../cli/command.js';
import type { Session } from '../../cluster/session.js';
import type { KubeObject } from '../../api/types.js';
import { kindPrefix, typeForKind } from '../../api/kinds.js';
import { matchesMap } from '../../api/labels.js';
import { imageRepo } from '../../api/images.js';
import { AggregateError, CliError, ExitError } from '../../errors.js';
import { runInPod } from '../exec/in-pod.js';
import { writeResult } from '../exec/write-result.js';
import { runInteractive } from '../exec/interactive.js';
import { endMainProcess, interactiveShell, podShellTarget } from '../exec/pod-shell.js';
import { toolboxFor } from '../../runtime/toolbox.js';

/**
 * `kubectl run -i [-t] [--rm]`: attach to the new pod's first container and feed it standard input.
 * On a terminal (-i -t) the user types into the container's shell until it exits; piped input (scripts,
 * CI) runs as the container's shell session would. kubectl's lines come around it (`Unable to use a
 * TTY …` when -t has no terminal, `If you don't see a command prompt, try pressing enter.`, `Session
 * ended, …` after a terminal session with restartPolicy Always, `pod "x" deleted` with --rm).
 */
export async function attachRun(ctx: CommandContext, session: Session, created: KubeObject[], remove: boolean): Promise<void> {
  const f = ctx.parsed.flags;
  const tty = f.tty as boolean;
  const raw = tty && Boolean(f.stdin) && ctx.io.stdinIsTTY;
  const quiet = f.quiet as boolean;
  if (tty && !raw) ctx.io.err.write('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  session.reconcile();
  const pod = podOf(session, created[0]);
  if (!pod) throw new AggregateError([new CliError(`timed out waiting for the condition`)]);
  const c = pod.spec.containers[0] as { name: string; image: string; command?: string[]; args?: string[] };
  if (!quiet) ctx.io.err.write("If you don't see a command prompt, try pressing enter.\n");
  const argv = [...(c.command ?? []), ...(c.args ?? [])];
  const box = toolboxFor(c.image);
  const mainArgv = argv.length ? argv : [box.shell ?? imageRepo(c.image)];
  const restart = pod.spec.restartPolicy ?? 'Always';
  const flavour = raw ? interactiveShell(c.image, mainArgv) : undefined;
  if (flavour) return attachTerminal(ctx, session, created, remove, pod, { c, argv: mainArgv, flavour, restart, quiet });
  // On a terminal to a program that is not a shell, nothing is read: what is typed goes to a process
  // that does not read it.
  const stdin = f.stdin && !raw ? await ctx.io.readStdin() : '';
  const result = await runInPod(session, pod, c, mainArgv, stdin);
  writeResult(ctx.io, result);
  // kubectl prints `Session ended, resume using 'kubectl attach …'` only after a raw terminal
  // session; piped input never has one.
  if (remove) removeCreated(ctx, session, created);
  if (restart !== 'Always' && result.exitCode !== 0) {
    throw new ExitError(result.exitCode, `pod ${pod.metadata.namespace}/${pod.metadata.name} terminated (Error)`);
  }
}

/**
 * The terminal session of `run -it`: the container's main process is the shell typed into, so when
 * it exits the container ends with its status, and the kubelet restarts it or not by restart policy.
 */
async function attachTerminal(
  ctx: CommandContext,
  session: Session,
  created: KubeObject[],
  remove: boolean,
  pod: KubeObject,
  o: { c: { name: string; image: string }; argv: string[]; flavour: NonNullable<ReturnType<typeof interactiveShell>>; restart: string; quiet: boolean },
): Promise<void> {
  await session.commit();
  // kubectl waits for the pod to run before it attaches (with a moving clock, the image pull and start).
  const ns = pod.metadata.namespace ?? 'default';
  const started = await ctx.poll((s) => {
    const p = s.store.get('Pod', ns, pod.metadata.name);
    return p && (p.status?.containerStatuses ?? []).some((st: { name: string; state?: { running?: object } }) => st.name === o.c.name && st.state?.running) ? p : undefined;
  }, { timeoutMs: 60_000 });
  if (!started) throw new CliError('timed out waiting for the condition');
  const target = podShellTarget(ctx, { namespace: ns, pod: started, container: o.c, argv: o.argv, flavour: o.flavour });
  const code = await runInteractive(ctx, target);
  const after = await ctx.openSession();
  try {
    endMainProcess(after, pod, o.c.name, code);
    // attach's reattach hint (stdout), only for pods whose container comes back by itself.
    if (!o.quiet && o.restart === 'Always') {
      ctx.io.out.write(`Session ended, resume using 'kubectl attach ${pod.metadata.name} -c ${o.c.name} -i -t' command when the pod is running\n`);
    }
    // With Never/OnFailure kubectl waits for the pod to finish and reports how it ended.
    const now = after.store.get('Pod', pod.metadata.namespace ?? 'default', pod.metadata.name);
    if (remove) removeCreated(ctx, after, created);
    await after.commit();
    if (o.restart === 'Always') return;
    const phase = now?.status?.phase;
    if (phase === 'Succeeded' || !now) return;
    if (phase === 'Failed') throw new ExitError(code, `pod ${pod.metadata.namespace}/${pod.metadata.name} terminated (Error)`);
    // OnFailure restarted it: the pod never succeeds while kubectl waits (--pod-running-timeout).
    throw new CliError('timed out waiting for the condition');
  } catch (e) {
    after.abort();
    throw e;
  }
}

/** --rm: the created objects go, each with kubectl delete's line. */
function removeCreated(ctx: CommandContext, session: Session, created: KubeObject[]): void {
  for (const obj of created) {
    const t = typeForKind(obj.kind, obj.apiVersion)!;
    session.api.delete({ kind: obj.kind, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name }, { gracePeriodSeconds: 0 }, 'none');
    ctx.io.out.write(`${kindPrefix(t)} "${obj.metadata.name}" deleted\n`);
  }
}

/** The pod to attach to: the created Pod, or the first pod of a created Deployment (≤1.17 run). */
function podOf(session: Session, obj: KubeObject): KubeObject | undefined {
  const ns = obj.metadata.namespace ?? 'default';
  if (obj.kind === 'Pod') return session.store.get('Pod', ns, obj.metadata.name);
  const sel: Record<string, string> | undefined = obj.spec?.selector?.matchLabels;
  return session.store.list('Pod', ns).find((p) => matchesMap(sel, p.metadata.labels));
}
