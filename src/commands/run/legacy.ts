import type { CommandContext } from '../../cli/command.js';
import type { KubeObject } from '../../api/types.js';
import { AggregateError, CliError, FlagError, UsageError } from '../../errors.js';
import { checkOutput, requireFlags } from '../create/common.js';
import { parseDryRun } from '../write-output.js';
import { applyOverrides, exposeRun, runChecks, runParams, sendGenerated } from './common.js';
import { attachRun } from './attach.js';
import { ResultPrinter } from './output.js';
import { buildPod, legacyPodSpec, runLabels, type RunParams } from './pod.js';

/**
 * `kubectl run` as kubectl 1.17 and older had it: a generator picked by --restart (Always → a
 * Deployment, OnFailure → a Job, Never → a Pod) or named with --generator, and a deprecation line on
 * stderr for every generator but run-pod/v1. This is what TGIK 002 and the 2017-era docs assume.
 */

const RUN_POD = 'run-pod/v1';
const DEPLOYMENT = 'deployment/apps.v1';

/** The run generators of kubectl 1.17 (generate/versioned GeneratorFn("run")). */
const GENERATORS = ['run/v1', RUN_POD, 'deployment/v1beta1', 'deployment/apps.v1beta1', DEPLOYMENT, 'job/v1', 'cronjob/v2alpha1', 'cronjob/v1beta1'];

/** pflag's error for an int flag that is not a number (the old flags were ints). */
function intFlag(ctx: CommandContext, name: string, label: string): number {
  const raw = ctx.parsed.flags[name] as string;
  if (!/^[+-]?\d+$/.test(raw)) throw new FlagError(`invalid argument "${raw}" for "${label}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`, ctx.path);
  return Number(raw);
}

/** The deployment/apps.v1 generator: labels `run=NAME` on the deployment, its selector and its pods. */
export function buildLegacyDeployment(p: RunParams, replicas: number): KubeObject {
  const labels = runLabels(p);
  const podSpec = legacyPodSpec(p);
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: { name: p.name, creationTimestamp: null as unknown as string, labels },
    spec: {
      replicas,
      selector: { matchLabels: { ...labels } },
      template: { metadata: { creationTimestamp: null, labels: { ...labels } }, spec: podSpec },
      strategy: {},
    },
    status: {},
  };
}

/** The generator kubectl 1.17 would use for these flags. */
function pickGenerator(ctx: CommandContext, restart: string): string {
  const named = ctx.parsed.flags.generator as string;
  if (named) return named;
  if (ctx.parsed.flags.schedule) return 'cronjob/v1beta1';
  return restart === 'OnFailure' ? 'job/v1' : restart === 'Never' ? RUN_POD : DEPLOYMENT;
}

/** The object a generator makes, or kubectl's (or kubesim's) reason why it cannot be made here. */
function generate(generator: string, p: RunParams, replicas: number): KubeObject {
  switch (generator) {
    case RUN_POD:
      return buildPod(p);
    case DEPLOYMENT:
      return buildLegacyDeployment(p, replicas);
    // What a current API server answers for the API versions these generators wrote.
    case 'deployment/v1beta1':
      throw new CliError('no matches for kind "Deployment" in version "extensions/v1beta1"');
    case 'deployment/apps.v1beta1':
      throw new CliError('no matches for kind "Deployment" in version "apps/v1beta1"');
    case 'cronjob/v2alpha1':
      throw new CliError('no matches for kind "CronJob" in version "batch/v2alpha1"');
    case 'cronjob/v1beta1':
      throw new CliError('no matches for kind "CronJob" in version "batch/v1beta1"');
    case 'job/v1':
      throw new CliError(`kubesim does not simulate Jobs: this kubectl's run would create job.batch/${p.name} (generator job/v1, from --restart=OnFailure); use --restart=Never for a pod`);
    default:
      throw new CliError(`kubesim does not simulate ReplicationControllers: the run/v1 generator would create replicationcontroller/${p.name}; use the default generator for a deployment`);
  }
}

/** `kubectl run` with a ≤1.17 persona. */
export async function runLegacy(ctx: CommandContext): Promise<void> {
  const f = ctx.parsed.flags;
  requireFlags(ctx, 'image');
  const dryRun = parseDryRun(f['dry-run'] as string);
  checkOutput(ctx);
  const replicas = intFlag(ctx, 'replicas', '-r, --replicas');
  const hostPort = intFlag(ctx, 'hostport', '--hostport');
  const checks = runChecks(ctx, dryRun, { dryRunText: '--dry-run' });
  if (f.stdin && replicas !== 1) throw new UsageError(`-i/--stdin requires that replicas is 1, found ${replicas}`, ctx.path);
  if (checks.restart !== 'Always' && replicas !== 1) throw new UsageError(`--restart=${checks.restart} requires that --replicas=1, found ${replicas}`, ctx.path);
  const generator = pickGenerator(ctx, checks.restart);
  if (!GENERATORS.includes(generator)) throw new UsageError(`generator "${generator}" not found`, ctx.path);
  if (generator !== RUN_POD) {
    ctx.io.err.write(`kubectl run --generator=${generator} is DEPRECATED and will be removed in a future version. Use kubectl run --generator=${RUN_POD} or kubectl create instead.\n`);
  }
  const params: RunParams = {
    ...runParams(ctx, checks),
    hostPort,
    serviceAccount: f.serviceaccount as string,
    requests: f.requests as string,
    limits: f.limits as string,
  };
  const obj = applyOverrides(generate(generator, params, replicas), f.overrides as string, 'merge');
  const printer = new ResultPrinter(ctx, 'created', dryRun, true);
  const created: KubeObject[] = [await sendGenerated(ctx, obj, dryRun, { setNamespace: false })];
  const errors: Error[] = [];
  if (f.expose) {
    if (!f['service-generator']) throw new UsageError('No service generator specified', ctx.path);
    try {
      created.push(await exposeRun(ctx, params, dryRun, printer, { setNamespace: false, overrides: f['service-overrides'] as string }));
    } catch (e) {
      errors.push(e as Error);
    }
  }
  if (checks.attach) return attachRun(ctx, await ctx.session(), created, checks.remove);
  await printer.print(created[0]);
  if (errors.length) throw new AggregateError(errors);
}
