import type { CommandContext } from '../../cli/command.js';
import type { KubeObject } from '../../api/types.js';
import { clone } from '../../api/types.js';
import type { DryRun } from '../../cluster/api-server.js';
import { CliError, FlagError, UsageError } from '../../errors.js';
import { patchLocally, type PatchType } from '../patch.js';
import { parseGoDuration } from '../../util/go-duration.js';
import { createService } from '../expose/service.js';
import { ResultPrinter, withLastApplied } from './output.js';
import { isImageReference, type RunParams } from './pod.js';
import { typedDecode } from './typed.js';

/** Flags only the ≤1.17 `kubectl run` had (1.18–1.20 still accepted them, without effect). */
export const LEGACY_ONLY_FLAGS = ['generator', 'replicas', 'hostport', 'requests', 'limits', 'serviceaccount', 'schedule', 'service-generator', 'service-overrides'];

/** The kubectl minor version of the cluster's persona, read without holding the cluster lock. */
export async function personaMinor(ctx: CommandContext): Promise<number> {
  const s = await ctx.openSession({ readOnly: true });
  try {
    const m = /^1\.(\d+)/.exec(s.state.cluster.kubectlVersion ?? '');
    return m ? Number(m[1]) : 32;
  } finally {
    s.abort();
  }
}

/**
 * What pflag does with flags the persona's kubectl did or did not have: since 1.21 the old generator
 * flags are unknown flags; 1.18–1.20 accepted them with a deprecation notice; --record is deprecated
 * since 1.22. Notices go to stderr before anything else, as pflag prints them while parsing.
 */
export function checkPersonaFlags(ctx: CommandContext, minor: number): void {
  const given = LEGACY_ONLY_FLAGS.filter((f) => ctx.parsed.given.has(f));
  if (minor >= 21 && given.length) throw new FlagError(`unknown flag: --${given[0]}`, ctx.path);
  if (minor >= 18) for (const f of given) ctx.io.err.write(`Flag --${f} has been deprecated, has no effect and will be removed in the future.\n`);
  if (minor >= 22 && ctx.parsed.given.has('record')) ctx.io.err.write('Flag --record has been deprecated, --record will be removed in the future\n');
}

/** The checks every persona's Run() makes before generating anything, in kubectl's order. */
export interface RunChecks {
  name: string;
  args: string[];
  attach: boolean;
  remove: boolean;
  restart: string;
}

/**
 * NAME, the image, -i/-t, --expose/--port, --restart, --rm/--attach and --image-pull-policy. The
 * words after `--` join the positional ones: the first word is NAME, the rest the container's args.
 */
export function runChecks(ctx: CommandContext, dryRun: DryRun, o: { dryRunText: string }): RunChecks {
  const f = ctx.parsed.flags;
  const words = [...ctx.parsed.args, ...(ctx.parsed.afterDash ?? [])];
  if (words.length === 0) throw new UsageError('NAME is required for run', ctx.path);
  if (parseGoDuration(f['pod-running-timeout'] as string) <= 0) throw new UsageError('--pod-running-timeout must be higher than zero', ctx.path);
  const image = f.image as string;
  if (image === '') throw new CliError('--image is required');
  if (!isImageReference(image)) throw new CliError(`Invalid image name "${image}": invalid reference format`);
  const stdin = f.stdin as boolean;
  if (f.tty && !stdin) throw new UsageError('-i/--stdin is required for containers with -t/--tty=true', ctx.path);
  if (f.expose && !f.port) throw new UsageError('--port must be set when exposing a service', ctx.path);
  const restart = restartPolicy(ctx);
  const attach = ctx.parsed.given.has('attach') ? (f.attach as boolean) : stdin;
  const remove = f.rm as boolean;
  if (!attach && remove) throw new UsageError('--rm should only be used for attached containers', ctx.path);
  if (attach && dryRun !== 'none') throw new UsageError(`${o.dryRunText} can't be used with attached containers options (--attach, --stdin, or --tty)`, ctx.path);
  const pull = f['image-pull-policy'] as string;
  if (pull && !['Always', 'IfNotPresent', 'Never'].includes(pull)) throw new UsageError(`invalid image pull policy: ${pull}`, ctx.path);
  return { name: words[0], args: words.slice(1), attach, remove, restart };
}

/** --restart: empty means OnFailure for an interactive pod, else Always; anything else is refused. */
function restartPolicy(ctx: CommandContext): string {
  const r = ctx.parsed.flags.restart as string;
  if (r === '') return ctx.parsed.flags.stdin ? 'OnFailure' : 'Always';
  if (!['Always', 'OnFailure', 'Never'].includes(r)) throw new UsageError(`invalid restart policy: ${r}`, ctx.path);
  return r;
}

/** The generator parameters from the flags (legacy-only flags stay unset for the modern persona). */
export function runParams(ctx: CommandContext, c: RunChecks): RunParams {
  const f = ctx.parsed.flags;
  return {
    name: c.name,
    image: f.image as string,
    args: c.args,
    command: f.command as boolean,
    env: f.env as string[],
    labels: f.labels as string,
    annotations: f.annotations as string[],
    port: f.port as string,
    // The generator reads the flag itself: `--restart=` leaves the pod at Always, whatever -i implies.
    restart: f.restart as string,
    stdin: f.stdin as boolean,
    tty: f.tty as boolean,
    leaveStdinOpen: f['leave-stdin-open'] as boolean,
    imagePullPolicy: f['image-pull-policy'] as string,
    privileged: f.privileged as boolean,
  };
}

/** cmdutil's Overrider: patch the generated object with --overrides, then decode it back into its Go type. */
export function applyOverrides(obj: KubeObject, overrides: string, overrideType: string): KubeObject {
  if (!overrides) return obj;
  if (!['json', 'merge', 'strategic'].includes(overrideType)) throw new CliError(`invalid override type: ${overrideType}`);
  return typedDecode(patchLocally(obj, overrideType as PatchType, overrides));
}

/**
 * Sends a generated object, or keeps it for a client dry run (then only an explicit -n is written into
 * it, when `setNamespace`). The namespace is the request's (-n or the context's), whatever the object says.
 */
export async function sendGenerated(ctx: CommandContext, obj: KubeObject, dryRun: DryRun, o: { setNamespace: boolean }): Promise<KubeObject> {
  if (dryRun === 'client') {
    const out = clone(obj);
    if (o.setNamespace && ctx.namespaceGiven) out.metadata.namespace = ctx.namespace;
    return out;
  }
  const session = await ctx.session();
  const toSend = ctx.parsed.flags['save-config'] ? withLastApplied(obj) : clone(obj);
  toSend.metadata.namespace = ctx.namespace;
  return session.api.create(toSend, { dryRun });
}

/**
 * `--expose`: the service/v2 generator over the run's parameters (selector = --labels or `run=NAME`,
 * one TCP port, target port = port). kubectl prints the service at once, and a YAML `---` after it.
 */
export async function exposeRun(
  ctx: CommandContext,
  p: RunParams,
  dryRun: DryRun,
  printer: ResultPrinter,
  o: { setNamespace: boolean; overrides?: string },
): Promise<KubeObject> {
  let svc = createService({
    name: p.name,
    selector: p.labels || `run=${p.name}`,
    labels: p.labels,
    ports: p.port,
    protocol: '',
    targetPort: '',
    externalIP: '',
    type: '',
    loadBalancerIP: '',
    sessionAffinity: '',
    clusterIP: '',
  });
  if (o.overrides) svc = applyOverrides(svc, o.overrides, 'merge');
  const created = await sendGenerated(ctx, svc, dryRun, o);
  await printer.print(created);
  if (printer.format === 'yaml') ctx.io.out.write('---\n');
  return created;
}

