import type { CommandContext, CommandSpec } from '../cli/command.js';
import type { KubeObject } from '../api/types.js';
import { ApiError, CliError } from '../errors.js';
import { NAME_SUFFIX_ALPHABET } from '../util/rng.js';
import { imageRepo } from '../api/images.js';
import { toolboxFor } from '../runtime/toolbox.js';
import { parseEnvs } from './run/pod.js';
import { runInPod } from './exec/in-pod.js';

const PROFILES = ['legacy', 'general', 'baseline', 'netadmin', 'restricted', 'sysadmin'];

export const command: CommandSpec = {
  name: 'debug',
  short: 'Create debugging sessions for troubleshooting workloads and nodes',
  long: `Debug cluster resources using interactive debugging containers.

 'debug' provides automation for common debugging tasks for cluster objects identified by resource and name. Pods will be used by default if no resource is specified.

 The action taken by 'debug' varies depending on what resource is specified. Supported actions include:

  *  Workload: Create a copy of an existing pod with certain attributes changed, for example changing the image tag to a new version.
  *  Workload: Add an ephemeral container to an already running pod, for example to add debugging utilities without restarting the pod.
  *  Node: Create a new pod that runs in the node's host namespaces and can access the node's filesystem.`,
  examples: `# Create an interactive debugging session in pod mypod and immediately attach to it.
kubectl debug mypod -it --image=busybox

# Create an interactive debugging session for the pod in the file pod.yaml and immediately attach to it.
# (requires the EphemeralContainers feature to be enabled in the cluster)
kubectl debug -f pod.yaml -it --image=busybox

# Create a debug container named debugger using a custom automated debugging image.
kubectl debug --image=myproj/debug-tools -c debugger mypod

# Create a copy of mypod adding a debug container and attach to it
kubectl debug mypod -it --image=busybox --copy-to=my-debugger

# Create a copy of mypod changing the command of mycontainer
kubectl debug mypod -it --copy-to=my-debugger --container=mycontainer -- sh

# Create a copy of mypod changing all container images to busybox
kubectl debug mypod --copy-to=my-debugger --set-image=*=busybox

# Create a copy of mypod adding a debug container and changing container images
kubectl debug mypod -it --copy-to=my-debugger --image=debian --set-image=app=app:debug,sidecar=sidecar:debug

# Create an interactive debugging session on a node and immediately attach to it.
# The container will run in the host namespaces and the host's filesystem will be mounted at /host
kubectl debug node/mynode -it --image=busybox`,
  usage: 'debug (POD | TYPE[[.VERSION].GROUP]/NAME) [ -- COMMAND [args...] ] [options]',
  flags: [
    { name: 'arguments-only', type: 'bool', description: 'If specified, everything after -- will be passed to the new container as Args instead of Command.' },
    { name: 'attach', type: 'bool', description: "If true, wait for the container to start running, and then attach as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true." },
    { name: 'container', short: 'c', type: 'string', description: 'Container name to use for debug container.' },
    { name: 'copy-to', type: 'string', description: 'Create a copy of the target Pod with this name.' },
    { name: 'custom', type: 'string', description: 'Path to a JSON or YAML file containing a partial container spec to customize built-in debug profiles.' },
    { name: 'env', type: 'stringArray', description: 'Environment variables to set in the container.' },
    { name: 'filename', short: 'f', type: 'stringSlice', description: 'identifying the resource to debug' },
    { name: 'image', type: 'string', description: 'Container image to use for debug container.' },
    { name: 'image-pull-policy', type: 'string', description: 'The image pull policy for the container. If left empty, this value will not be specified by the client and defaulted by the server.' },
    { name: 'keep-annotations', type: 'bool', description: "If true, keep the original pod annotations.(This flag only works when used with '--copy-to')" },
    { name: 'keep-init-containers', type: 'bool', default: true, description: "Run the init containers for the pod. Defaults to true.(This flag only works when used with '--copy-to')" },
    { name: 'keep-labels', type: 'bool', description: "If true, keep the original pod labels.(This flag only works when used with '--copy-to')" },
    { name: 'keep-liveness', type: 'bool', description: "If true, keep the original pod liveness probes.(This flag only works when used with '--copy-to')" },
    { name: 'keep-readiness', type: 'bool', description: "If true, keep the original pod readiness probes.(This flag only works when used with '--copy-to')" },
    { name: 'keep-startup', type: 'bool', description: "If true, keep the original startup probes.(This flag only works when used with '--copy-to')" },
    { name: 'profile', type: 'string', default: 'legacy', description: 'Options are "legacy", "general", "baseline", "netadmin", "restricted" or "sysadmin".' },
    { name: 'quiet', short: 'q', type: 'bool', description: 'If true, suppress informational messages.' },
    { name: 'replace', type: 'bool', description: "When used with '--copy-to', delete the original Pod." },
    { name: 'same-node', type: 'bool', description: "When used with '--copy-to', schedule the copy of target Pod on the same node." },
    { name: 'set-image', type: 'stringSlice', description: "When used with '--copy-to', a list of name=image pairs for changing container images, similar to how 'kubectl set image' works." },
    { name: 'share-processes', type: 'bool', default: true, description: "When used with '--copy-to', enable process namespace sharing in the copy." },
    { name: 'stdin', short: 'i', type: 'bool', description: 'Keep stdin open on the container(s) in the pod, even if nothing is attached.' },
    { name: 'target', type: 'string', description: 'When using an ephemeral container, target processes in this container name.' },
    { name: 'tty', short: 't', type: 'bool', description: 'Allocate a TTY for the debugging container.' },
  ],
  run: runDebug,
};

/**
 * The pod `kubectl debug node/NODE` creates (generateNodeDebugPod + the profile's Apply): container
 * `debugger` (or -c), the image, stdin/tty as asked, restartPolicy Never, pinned to the node, tolerating
 * every taint; every profile but the restricted ones runs it in the host's network, PID and IPC namespaces
 * with the host's root at /host (sysadmin also privileged).
 */
export function nodeDebugPod(o: { name: string; node: string; container: string; image: string; stdin: boolean; tty: boolean; args: string[]; argsOnly: boolean; env: Array<{ name: string; value?: string }>; pullPolicy: string; profile: string }): KubeObject {
  const c: Record<string, unknown> = { name: o.container, image: o.image };
  if (o.args.length) c[o.argsOnly ? 'args' : 'command'] = [...o.args];
  if (o.env.length) c.env = o.env;
  if (o.pullPolicy) c.imagePullPolicy = o.pullPolicy;
  if (o.profile === 'sysadmin') c.securityContext = { privileged: true };
  if (o.stdin) c.stdin = true;
  c.terminationMessagePolicy = 'File';
  if (o.tty) c.tty = true;
  const hostAccess = !['baseline', 'restricted', 'netadmin'].includes(o.profile);
  if (hostAccess) c.volumeMounts = [{ mountPath: '/host', name: 'host-root' }];
  const spec: Record<string, unknown> = { containers: [c] };
  if (hostAccess) Object.assign(spec, { hostIPC: true, hostNetwork: true, hostPID: true });
  else if (o.profile === 'netadmin') Object.assign(spec, { hostNetwork: true, hostPID: true, hostIPC: true });
  Object.assign(spec, { nodeName: o.node, restartPolicy: 'Never', tolerations: [{ operator: 'Exists' }] });
  if (hostAccess) spec.volumes = [{ name: 'host-root', hostPath: { path: '/' } }];
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: o.name }, spec };
}

async function runDebug(ctx: CommandContext): Promise<void> {
  const f = ctx.parsed.flags;
  const { args, afterDash } = ctx.parsed;
  // Validate(): the checks kubectl makes before it talks to the server.
  if (!f.image && !f['copy-to']) throw new CliError('you must specify --image when not using --copy-to.');
  if (f.tty && !f.stdin) throw new CliError('-i/--stdin is required for containers with -t/--tty=true');
  const profile = f.profile as string;
  if (!PROFILES.includes(profile)) throw new CliError(`unknown profile: ${profile}`);
  if (args.length === 0 && !(f.filename as string[])?.length) throw new CliError('you must specify --image when not using --copy-to.');
  if (!ctx.parsed.given.has('profile')) {
    ctx.io.err.write('--profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".\n');
  }
  const target = args[0] ?? '';
  const m = target.match(/^(?:node|nodes|no)(?:\.v1)?\/(.+)$/);
  if (!m) {
    throw new CliError('kubectl debug for pods (ephemeral containers, --copy-to) is not simulated by kubesim yet; kubectl debug node/NODE is');
  }
  const nodeName = m[1];
  const session = await ctx.session();
  if (!session.store.get('Node', '', nodeName)) throw new ApiError('NotFound', `nodes "${nodeName}" not found`);
  const stdin = Boolean(f.stdin);
  const attach = ctx.parsed.given.has('attach') ? Boolean(f.attach) : stdin;
  const container = (f.container as string) || 'debugger';
  const name = `node-debugger-${nodeName}-${session.store.rng.string(NAME_SUFFIX_ALPHABET, 5)}`;
  if (!f.quiet) ctx.io.out.write(`Creating debugging pod ${name} with container ${container} on node ${nodeName}.\n`);
  const pod = nodeDebugPod({
    name,
    node: nodeName,
    container,
    image: f.image as string,
    stdin,
    tty: Boolean(f.tty),
    args: afterDash ?? args.slice(1),
    argsOnly: Boolean(f['arguments-only']),
    env: parseEnvs((f.env as string[]) ?? []),
    pullPolicy: (f['image-pull-policy'] as string) ?? '',
    profile,
  });
  pod.metadata.namespace = ctx.namespace;
  session.api.create(pod);
  if (!attach) return;
  await attachDebugger(ctx, name, container);
}

/** Waits for the debugger (one reconcile: start-ups are instant) and attaches to it as `kubectl attach` does. */
async function attachDebugger(ctx: CommandContext, name: string, containerName: string): Promise<void> {
  const f = ctx.parsed.flags;
  const session = await ctx.session();
  session.reconcile();
  const pod = session.store.get('Pod', ctx.namespace, name);
  const c = (pod?.spec?.containers ?? []).find((x: { name: string }) => x.name === containerName) as { name: string; image: string; command?: string[]; args?: string[] } | undefined;
  const status = (pod?.status?.containerStatuses ?? []).find((s: { name: string }) => s.name === containerName);
  if (!pod || !c || !status?.state?.running) throw new CliError('timed out waiting for the condition');
  const argv = [...(c.command ?? []), ...(c.args ?? [])];
  const box = toolboxFor(c.image);
  const program = argv.length ? argv : [box.shell ?? imageRepo(c.image)];
  if (f.tty && ctx.io.stdinIsTTY) {
    if (!f.quiet) ctx.io.err.write("If you don't see a command prompt, try pressing enter.\n");
    const { runInteractive } = await import('./exec/interactive.js');
    await session.commit();
    const ns = ctx.namespace === 'default' ? '' : ` -n ${ctx.namespace}`;
    await runInteractive(ctx, {
      resumeHint: `kubectl attach ${name} -c ${containerName}${ns} -i -t`,
      prompt: () => '/ # ',
      async runLine(line) {
        const s = await ctx.openSession();
        try {
          const p = s.store.get('Pod', ctx.namespace, name);
          if (!p) throw new CliError(`pods "${name}" not found`);
          const r = await runInPod(s, p, c, ['sh', '-c', line], '');
          await s.commit();
          return /^\s*exit(\s|$)/.test(line) ? { stdout: r.stdout, stderr: r.stderr, exited: r.exitCode } : { stdout: r.stdout, stderr: r.stderr };
        } catch (e) {
          s.abort();
          throw e;
        }
      },
    });
    return;
  }
  if (f.tty) ctx.io.err.write('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  if (!f.quiet) ctx.io.err.write("If you don't see a command prompt, try pressing enter.\n");
  const input = await ctx.io.readStdin();
  // The debugger keeps running after the session: stdin stays open (no stdinOnce), and kubectl leaves the pod.
  const r = await runInPod(session, pod, c, program, input);
  ctx.io.out.write(r.stdout);
  ctx.io.err.write(r.stderr);
}
