import type { CommandContext, CommandSpec } from '../cli/command.js';
import type { FlagSpec } from '../cli/flags.js';
import type { KubeObject } from '../api/types.js';
import { AggregateError } from '../errors.js';
import { checkOutput, fieldManagerFlag, OUTPUT_FORMATS, requireFlags, saveConfigFlag } from './create/common.js';
import { dryRunFlag, outputFlag, printingFlags } from './flags.js';
import { parseDryRun } from './write-output.js';
import { applyOverrides, checkPersonaFlags, exposeRun, personaMinor, runChecks, runParams, sendGenerated } from './run/common.js';
import { attachRun } from './run/attach.js';
import { ResultPrinter } from './run/output.js';
import { buildPod } from './run/pod.js';

/** --overrides and --override-type, shared with expose (cmdutil.OverrideOptions). */
export const overrideFlags: FlagSpec[] = [
  { name: 'override-type', type: 'string', default: 'merge', description: 'The method used to override the generated object: json, merge, or strategic.' },
  {
    name: 'overrides',
    type: 'string',
    description: 'An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.',
  },
];

/**
 * Flags of kubectl ≤1.17's run (the deployment/job/cronjob generators). Hidden, and refused as unknown
 * flags unless the cluster's kubectl persona is old enough to have them (see run/common.ts).
 */
const legacyFlags: FlagSpec[] = [
  { name: 'generator', type: 'string', hidden: true, description: 'The name of the API generator to use.' },
  // Strings, so a modern persona reports them as unknown flags rather than as badly typed values.
  { name: 'replicas', type: 'string', hidden: true, default: '1', description: 'Number of replicas to create for this container.' },
  { name: 'hostport', type: 'string', hidden: true, default: '-1', description: 'The host port mapping for the container port.' },
  { name: 'requests', type: 'string', hidden: true, description: 'The resource requirement requests for this container.' },
  { name: 'limits', type: 'string', hidden: true, description: 'The resource requirement limits for this container.' },
  { name: 'serviceaccount', type: 'string', hidden: true, description: 'Service account to set in the pod spec.' },
  { name: 'schedule', type: 'string', hidden: true, description: 'A schedule in the Cron format the job should be run with.' },
  { name: 'service-generator', type: 'string', hidden: true, default: 'service/v2', description: 'The name of the generator to use for creating a service.' },
  { name: 'service-overrides', type: 'string', hidden: true, description: 'An inline JSON override for the generated service object.' },
  { name: 'record', type: 'bool', hidden: true, description: 'Record current kubectl command in the resource annotation.' },
];

export const command: CommandSpec = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  long: 'Start a pod that runs one container of the given image (labelled run=NAME unless --labels says otherwise).',
  examples: `# Run an nginx pod
kubectl run nginx --image=nginx

# Run a pod whose container declares port 8080
kubectl run echo --image=hashicorp/http-echo --port=8080

# Run a pod with two environment variables
kubectl run web --image=nginx --env="MODE=demo" --env="LEVEL=2"

# Run a pod labelled app=web,tier=front instead of run=web
kubectl run web --image=nginx --labels="app=web,tier=front"

# Print the pod kubectl would create, without creating it
kubectl run nginx --image=nginx --dry-run=client -o yaml

# Run a pod and a ClusterIP service in front of it
kubectl run nginx --image=nginx --port=80 --expose

# Change the generated pod with a JSON merge patch
kubectl run nginx --image=nginx --overrides='{ "apiVersion": "v1", "spec": { "nodeName": "worker-1" } }'

# Pass arguments to the image's default command
kubectl run ticker --image=busybox -- echo one two

# Replace the image's command
kubectl run ticker --image=busybox --command -- sh -c 'while true; do date; sleep 5; done'`,
  usage: 'run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  flags: [
    { name: 'annotations', type: 'stringArray', description: 'Annotations to apply to the pod.' },
    {
      name: 'attach',
      type: 'bool',
      description:
        "If true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true. With '--restart=Never' the exit code of the container process is returned.",
    },
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background', description: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.' },
    { name: 'command', type: 'bool', description: "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default." },
    dryRunFlag,
    { name: 'env', type: 'stringArray', description: 'Environment variables to set in the container.' },
    { name: 'expose', type: 'bool', description: 'If true, create a ClusterIP service associated with the pod.  Requires `--port`.' },
    fieldManagerFlag('kubectl-run'),
    { name: 'filename', short: 'f', type: 'stringSlice', description: 'to use to replace the resource.' },
    { name: 'force', type: 'bool', description: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.' },
    { name: 'grace-period', type: 'int', default: -1, description: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).' },
    { name: 'image', type: 'string', description: 'The image for the container to run.' },
    { name: 'image-pull-policy', type: 'string', description: 'The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server.' },
    { name: 'kustomize', short: 'k', type: 'string', description: "Process a kustomization directory. This flag can't be used together with -f or -R." },
    { name: 'labels', short: 'l', type: 'string', description: 'Comma separated labels to apply to the pod. Will override previous values.' },
    { name: 'leave-stdin-open', type: 'bool', description: 'If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes. By default, stdin will be closed after the first attach completes.' },
    outputFlag(OUTPUT_FORMATS),
    ...overrideFlags,
    { name: 'pod-running-timeout', type: 'duration', default: '1m0s', description: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
    { name: 'port', type: 'string', description: 'The port that this container exposes.' },
    { name: 'privileged', type: 'bool', description: 'If true, run the container in privileged mode.' },
    { name: 'quiet', short: 'q', type: 'bool', description: 'If true, suppress prompt messages.' },
    { name: 'recursive', short: 'R', type: 'bool', description: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'restart', type: 'string', default: 'Always', description: 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].' },
    { name: 'rm', type: 'bool', description: "If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'." },
    saveConfigFlag,
    { name: 'stdin', short: 'i', type: 'bool', description: 'Keep stdin open on the container in the pod, even if nothing is attached.' },
    { name: 'timeout', type: 'duration', default: '0s', description: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object' },
    { name: 'tty', short: 't', type: 'bool', description: 'Allocate a TTY for the container in the pod.' },
    { name: 'wait', type: 'bool', description: 'If true, wait for resources to be gone before returning. This waits for finalizers.' },
    ...printingFlags,
    ...legacyFlags,
  ],
  run: runRun,
};

async function runRun(ctx: CommandContext): Promise<void> {
  const minor = await personaMinor(ctx);
  checkPersonaFlags(ctx, minor);
  if (minor <= 17) {
    const { runLegacy } = await import('./run/legacy.js');
    return runLegacy(ctx);
  }
  return runPod(ctx);
}

/** kubectl ≥1.18: always a Pod (the run-pod/v1 generator), optionally with a service in front of it. */
async function runPod(ctx: CommandContext): Promise<void> {
  const f = ctx.parsed.flags;
  requireFlags(ctx, 'image');
  // Complete(): the dry-run strategy and the printer, then Run()'s own checks.
  const dryRun = parseDryRun(f['dry-run'] as string);
  checkOutput(ctx);
  const checks = runChecks(ctx, dryRun, { dryRunText: '--dry-run=[server|client]' });
  const params = runParams(ctx, checks);
  const pod = applyOverrides(buildPod(params), f.overrides as string, f['override-type'] as string);
  const printer = new ResultPrinter(ctx, 'created', dryRun, true);
  const created: KubeObject[] = [await sendGenerated(ctx, pod, dryRun, { setNamespace: true })];
  const errors: Error[] = [];
  if (f.expose) {
    // The pod exists by now; a failing service is reported after the pod's line.
    try {
      created.push(await exposeRun(ctx, params, dryRun, printer, { setNamespace: true }));
    } catch (e) {
      errors.push(e as Error);
    }
  }
  if (checks.attach) return attachRun(ctx, await ctx.session(), created, checks.remove);
  await printer.print(created[0]);
  if (errors.length) throw new AggregateError(errors);
}
