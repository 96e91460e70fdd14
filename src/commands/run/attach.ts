import type { CommandContext } from '../../cli/command.js';
import type { Session } from '../../cluster/session.js';
import type { KubeObject } from '../../api/types.js';
import { kindPrefix, typeForKind } from '../../api/kinds.js';
import { matchesMap } from '../../api/labels.js';
import { imageRepo } from '../../api/images.js';
import { AggregateError, CliError, ExitError } from '../../errors.js';
import { runInPod } from '../exec/in-pod.js';
import { toolboxFor } from '../../runtime/toolbox.js';

/**
 * `kubectl run -i [-t] [--rm]`: attach to the new pod's first container and feed it standard input.
 * Piped input (scripts, CI) runs as the container's shell session would; kubectl's lines come around it
 * (`Unable to use a TTY …` when -t has no terminal, `If you don't see a command prompt, try pressing
 * enter.`, `pod "x" deleted` with --rm). An interactive terminal session is not simulated yet.
 */
export async function attachRun(ctx: CommandContext, session: Session, created: KubeObject[], remove: boolean): Promise<void> {
  const f = ctx.parsed.flags;
  const tty = f.tty as boolean;
  if (tty && ctx.io.stdinIsTTY) throw new CliError('interactive terminal sessions (run -it on a terminal) are not simulated by kubesim yet; pipe the commands in instead');
  const quiet = f.quiet as boolean;
  if (tty) ctx.io.err.write('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  session.reconcile();
  const pod = podOf(session, created[0]);
  if (!pod) throw new AggregateError([new CliError(`timed out waiting for the condition`)]);
  const c = pod.spec.containers[0] as { name: string; image: string; command?: string[]; args?: string[] };
  if (!quiet) ctx.io.err.write("If you don't see a command prompt, try pressing enter.\n");
  const argv = [...(c.command ?? []), ...(c.args ?? [])];
  const box = toolboxFor(c.image);
  const stdin = f.stdin ? await ctx.io.readStdin() : '';
  const result = await runInPod(session, pod, c, argv.length ? argv : [box.shell ?? imageRepo(c.image)], stdin);
  ctx.io.out.write(result.stdout);
  ctx.io.err.write(result.stderr);
  // kubectl prints `Session ended, resume using 'kubectl attach …'` (on stdout) only after a raw
  // terminal session; piped input never has one.
  const restart = pod.spec.restartPolicy ?? 'Always';
  if (remove) {
    for (const obj of created) {
      const t = typeForKind(obj.kind, obj.apiVersion)!;
      session.api.delete({ kind: obj.kind, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name }, { gracePeriodSeconds: 0 }, 'none');
      ctx.io.out.write(`${kindPrefix(t)} "${obj.metadata.name}" deleted\n`);
    }
  }
  if (restart !== 'Always' && result.exitCode !== 0) {
    throw new ExitError(result.exitCode, `pod ${pod.metadata.namespace}/${pod.metadata.name} terminated (Error)`);
  }
}

/** The pod to attach to: the created Pod, or the first pod of a created Deployment (≤1.17 run). */
function podOf(session: Session, obj: KubeObject): KubeObject | undefined {
  const ns = obj.metadata.namespace ?? 'default';
  if (obj.kind === 'Pod') return session.store.get('Pod', ns, obj.metadata.name);
  const sel: Record<string, string> | undefined = obj.spec?.selector?.matchLabels;
  return session.store.list('Pod', ns).find((p) => matchesMap(sel, p.metadata.labels));
}
