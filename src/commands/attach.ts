import type { CommandContext, CommandSpec } from '../cli/command.js';
import type { KubeObject } from '../api/types.js';
import type { LogLine } from '../api/snapshot.js';
import { imageRepo } from '../api/images.js';
import { CliError, ExitError } from '../errors.js';
import { parseGoDuration } from '../util/go-duration.js';
import { toolboxFor } from '../runtime/toolbox.js';
import { resolvePod } from './exec.js';
import { runInPod } from './exec/in-pod.js';
import { runInteractive } from './exec/interactive.js';
import { endMainProcess, interactiveShell, podShellTarget } from './exec/pod-shell.js';
import { followState } from './watch.js';

export const command: CommandSpec = {
  name: 'attach',
  short: 'Attach to a running container',
  long: `Attach to a process that is already running inside an existing container.

 kubesim note: with -i -t on a terminal you type into the container's shell (a container started with stdin and a terminal, as 'kubectl run -it' makes); with -i and piped input the input runs in that shell; without -i new output of the container is followed until it stops or you press Ctrl-C.`,
  examples: `# Get output from running pod mypod; use the 'kubectl.kubernetes.io/default-container' annotation
# for selecting the container to be attached or the first container in the pod will be chosen
kubectl attach mypod

# Get output from ruby-container from pod mypod
kubectl attach mypod -c ruby-container

# Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod
# and sends stdout/stderr from 'bash' back to the client
kubectl attach mypod -c ruby-container -i -t

# Get output from the first pod of a replica set named nginx
kubectl attach rs/nginx`,
  usage: 'attach (POD | TYPE/NAME) -c CONTAINER [options]',
  flags: [
    { name: 'container', short: 'c', type: 'string', description: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen' },
    { name: 'pod-running-timeout', type: 'duration', default: '1m0s', description: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
    { name: 'quiet', short: 'q', type: 'bool', description: 'Only print output from the remote session' },
    { name: 'stdin', short: 'i', type: 'bool', description: 'Pass stdin to the container' },
    { name: 'tty', short: 't', type: 'bool', description: 'Stdin is a TTY' },
  ],
  run: runAttach,
};

interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  stdin?: boolean;
  stdinOnce?: boolean;
  tty?: boolean;
}

async function runAttach(ctx: CommandContext): Promise<void> {
  const f = ctx.parsed.flags;
  const args = ctx.parsed.args;
  const quiet = f.quiet as boolean;
  // Validate, as kubectl's AttachOptions.Validate.
  if (args.length === 0) throw new CliError('at least 1 argument is required for attach');
  if (args.length > 2) throw new CliError(`expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${args.length}: [${args.join(' ')}]`);
  if (parseGoDuration(f['pod-running-timeout'] as string) <= 0) throw new CliError('--pod-running-timeout must be higher than zero');

  const session = await ctx.session();
  const pod = resolvePod(session.store, ctx.namespace, args.length === 2 ? `${args[0]}/${args[1]}` : args[0]);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new CliError(`cannot attach a container in a completed pod; current phase is ${phase}`);
  const c = containerToAttach(ctx, pod, f.container as string, quiet);

  // The terminal: -t to a container without one is dropped with a complaint; a container with one
  // forces it. Without -i there is no input, so no terminal either (StreamOptions.SetupTTY).
  let tty = f.tty as boolean;
  if (tty && !c.tty) {
    tty = false;
    if (!quiet) ctx.io.err.write(`error: Unable to use a TTY - container ${c.name} did not allocate one\n`);
  } else if (!tty && c.tty) tty = true;
  const stdin = f.stdin as boolean;
  let raw = false;
  if (stdin && tty) {
    if (ctx.io.stdinIsTTY) raw = true;
    else if (!quiet) ctx.io.err.write('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  }

  const status = (pod.status?.containerStatuses ?? []).find((s: { name: string }) => s.name === c.name);
  if (!status?.state?.running) throw new CliError(`unable to upgrade connection: container not found ("${c.name}")`);
  if (!quiet) ctx.io.err.write("If you don't see a command prompt, try pressing enter.\n");

  // The main process reads stdin only when the container keeps it open and is a shell waiting for it.
  const argv = [...(c.command ?? []), ...(c.args ?? [])];
  const mainArgv = argv.length ? argv : [toolboxFor(c.image).shell ?? imageRepo(c.image)];
  const flavour = stdin && c.stdin ? interactiveShell(c.image, mainArgv) : undefined;
  if (flavour && raw) {
    const target = podShellTarget(ctx, { namespace: pod.metadata.namespace ?? ctx.namespace, pod, container: c, argv: mainArgv, flavour });
    await session.commit();
    const code = await runInteractive(ctx, target);
    // In raw mode Ctrl-D and `exit` reach the shell itself: the container's main process ends.
    const after = await ctx.openSession();
    try {
      endMainProcess(after, pod, c.name, code);
      await after.commit();
    } catch (e) {
      after.abort();
      throw e;
    }
    if (!quiet && (pod.spec.restartPolicy ?? 'Always') === 'Always') {
      ctx.io.out.write(`Session ended, resume using 'kubectl attach ${pod.metadata.name} -c ${c.name} -i -t' command when the pod is running\n`);
    }
    return;
  }
  if (flavour) {
    const input = await ctx.io.readStdin();
    const r = await runInPod(session, pod, c, mainArgv, input);
    ctx.io.out.write(r.stdout);
    ctx.io.err.write(r.stderr);
    return;
  }
  await followOutput(ctx, pod, status.containerID as string, session);
}

/** kubectl's FindOrDefaultContainerByName: -c, else the default-container annotation, else the first. */
function containerToAttach(ctx: CommandContext, pod: KubeObject, name: string, quiet: boolean): Container {
  const containers: Container[] = pod.spec?.containers ?? [];
  if (name) {
    const c = containers.find((x) => x.name === name);
    if (!c) throw new CliError(`cannot attach to the container: container ${name} not found in pod ${pod.metadata.name}`);
    return c;
  }
  const annotated = containers.find((x) => x.name === pod.metadata.annotations?.['kubectl.kubernetes.io/default-container']);
  if (annotated) return annotated;
  const init: Array<{ name: string }> = pod.spec?.initContainers ?? [];
  if (!quiet && (containers.length > 1 || init.length > 0)) {
    const all = [...init.map((x) => `${x.name} (init)`), ...containers.map((x) => x.name)];
    ctx.io.err.write(`Defaulted container "${containers[0].name}" out of: ${all.join(', ')}\n`);
  }
  return containers[0];
}

/**
 * Without stdin, attach shows what the main process writes from now on: new lines of the container's
 * log, until it stops, its pod goes, or Ctrl-C (kubectl's interrupt handler exits 1).
 */
async function followOutput(ctx: CommandContext, pod: KubeObject, id: string, session: Awaited<ReturnType<CommandContext['session']>>): Promise<void> {
  let printed = session.state.runtime?.containers[id]?.log.length ?? 0;
  await session.commit();
  const write = (lines: LogLine[]) => {
    for (const l of lines) (l.stream === 'stderr' ? ctx.io.err : ctx.io.out).write(`${l.line}\n`);
  };
  const end = await followState(ctx, (s) => {
    const rec = s.state.runtime?.containers[id];
    const now = s.store.get('Pod', pod.metadata.namespace ?? 'default', pod.metadata.name);
    if (rec) {
      write(rec.log.slice(printed));
      printed = rec.log.length;
    }
    return !rec || rec.finishedAt !== undefined || !now || now.metadata.uid !== pod.metadata.uid;
  });
  if (end === 'interrupted') throw new ExitError(1);
}
