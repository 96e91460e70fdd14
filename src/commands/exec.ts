import type { CommandContext, CommandSpec } from '../cli/command.js';
import type { KubeObject } from '../api/types.js';
import type { Snapshot } from '../api/snapshot.js';
import { CliError, ExitError, UsageError } from '../errors.js';
import { parseResourceArgs } from '../resource/args.js';
import { getObject } from '../resource/select.js';
import { runInPod } from './exec/in-pod.js';
import { bestPodOf } from './attachable-pod.js';
import { writeResult } from './exec/write-result.js';
import { runInteractive } from './exec/interactive.js';
import { interactiveShell, podShellTarget } from './exec/pod-shell.js';

export const command: CommandSpec = {
  name: 'exec',
  short: 'Execute a command in a container',
  long: 'Execute a command in a container.',
  examples: `# Get output from running the 'date' command from pod mypod, using the first container by default
kubectl exec mypod -- date

# Get output from running the 'date' command in ruby-container from pod mypod
kubectl exec mypod -c ruby-container -- date

# Look up a service name from inside a pod
kubectl exec sleep -- nslookup whoami

# Run a pipeline in the pod's shell
kubectl exec sleep -- sh -c 'printenv | grep SERVICE'`,
  usage: 'exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
  flags: [
    { name: 'container', short: 'c', type: 'string', description: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen' },
    { name: 'filename', short: 'f', type: 'stringSlice', description: 'to use to exec into the resource' },
    { name: 'pod-running-timeout', type: 'duration', default: '1m0s', description: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
    { name: 'quiet', short: 'q', type: 'bool', description: 'Only print output from the remote session' },
    { name: 'stdin', short: 'i', type: 'bool', description: 'Pass stdin to the container' },
    { name: 'tty', short: 't', type: 'bool', description: 'Stdin is a TTY' },
  ],
  run: runExec,
};

function minorOf(v: string): number {
  return Number(v.split('.')[1] ?? 32);
}

async function runExec(ctx: CommandContext): Promise<void> {
  const f = ctx.parsed.flags;
  const { args, afterDash } = ctx.parsed;
  const session = await ctx.session();
  const minor = minorOf(session.state.cluster.kubectlVersion);
  if (args.length === 0) throw new UsageError('pod or type/name must be specified', ctx.path);
  let argv = afterDash ?? [];
  if (!afterDash && args.length > 1) {
    // kubectl ≤1.17 still took `exec POD COMMAND` with a deprecation notice; 1.32 refuses it.
    if (minor > 17) throw new UsageError('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead', ctx.path);
    ctx.io.err.write('kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl exec [POD] -- [COMMAND] instead.\n');
    argv = args.slice(1);
  }
  if (argv.length === 0) throw new UsageError('you must specify at least one command for the container', ctx.path);
  if (f.tty && !ctx.io.stdinIsTTY) {
    ctx.io.err.write('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  }
  // -i -t on a terminal: a raw session, the remote shell reading what the user types.
  const raw = Boolean(f.tty && f.stdin && ctx.io.stdinIsTTY);
  const pod = resolvePod(session.store, ctx.namespace, args[0]);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new CliError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  const containers: Array<{ name: string; image: string }> = pod.spec?.containers ?? [];
  let name = f.container as string;
  if (!name) {
    name = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] ?? containers[0]?.name;
    if (containers.length > 1 && !pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] && !f.quiet) {
      ctx.io.err.write(`Defaulted container "${name}" out of: ${containers.map((c) => c.name).join(', ')}\n`);
    }
  }
  const container = containers.find((c) => c.name === name);
  if (!container) throw new CliError(`container ${name} not found in pod ${pod.metadata.name}`);
  const status = (pod.status?.containerStatuses ?? []).find((s: { name: string }) => s.name === name);
  if (!status?.state?.running) throw new CliError(`unable to upgrade connection: container not found ("${name}")`);
  let exitCode: number;
  const flavour = raw ? interactiveShell(container.image, argv) : undefined;
  if (flavour) {
    const target = podShellTarget(ctx, { namespace: pod.metadata.namespace ?? ctx.namespace, pod, container, argv, flavour });
    // Nothing is held while the user types: each line opens the cluster for itself.
    await session.commit();
    exitCode = await runInteractive(ctx, target);
  } else {
    // A program that is not an interactive shell runs once, even on a terminal; with a terminal its
    // stderr arrives on the same stream as its stdout.
    const stdin = f.stdin && !raw ? await ctx.io.readStdin() : '';
    const r = await runInPod(session, pod, container, argv, stdin, { tty: raw });
    if (raw) ctx.io.out.write(r.output ?? r.stdout + r.stderr);
    else writeResult(ctx.io, r);
    exitCode = r.exitCode;
  }
  if (exitCode !== 0) throw new ExitError(exitCode, `command terminated with exit code ${exitCode}`);
}

/** POD, pod/NAME, or a workload TYPE/NAME whose first running pod is used (kubectl's attachable pod). */
export function resolvePod(snap: Snapshot, namespace: string, arg: string): KubeObject {
  if (!arg.includes('/')) return getObject(snap, parseResourceArgs(['pod', arg]).requests[0].type, namespace, arg);
  const { type, name } = parseResourceArgs([arg]).requests[0];
  const pod = bestPodOf(snap, getObject(snap, type, namespace, name!));
  // kubectl waits --pod-running-timeout for a pod to appear; the simulated cluster has settled already.
  if (!pod) throw new CliError('timed out waiting for the condition');
  return pod;
}
