import type { CommandContext, CommandSpec } from '../cli/command.js';
import type { Session } from '../cluster/session.js';
import type { KubeObject } from '../api/types.js';
import type { ContainerRecord, LogLine } from '../api/snapshot.js';
import { matchesSelector, type Selector } from '../api/labels.js';
import { qualifiedPlural, resolveResourceType } from '../api/kinds.js';
import { ApiError, CliError, ExitError, UsageError } from '../errors.js';
import { UnknownTypeError } from '../resource/args.js';
import { listObjects, parseFilters } from '../resource/select.js';
import { parseGoDuration } from '../util/go-duration.js';
import { followState } from './watch.js';
import { byLogging } from '../resource/pod-ranking.js';
import { podSelectorOf } from '../resource/pod-selector.js';

const USAGE = 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]';
const USAGE_ERROR = `expected '${USAGE}'.\nPOD or TYPE/NAME is a required argument for the logs command`;
const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';
/** With -l and no --tail, kubectl asks for the last 10 lines of each container. */
const SELECTOR_TAIL = 10;

export const command: CommandSpec = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  long: `Print the logs for a container in a pod or specified resource.
 If the pod has only one container, the container name is optional.

 kubesim note: a container's log is what the simulated runtime recorded for it, mostly the lines its image writes when it starts. -f follows the log by re-reading the cluster state until the container stops, the pod goes away, or you press Ctrl-C.`,
  examples: `# Print the log of the only container of pod nginx
kubectl logs nginx

# Prefix every line with its pod and container
kubectl logs nginx --prefix

# Print the logs of every container of pod nginx
kubectl logs nginx --all-containers=true

# Print the log of one pod of the deployment nginx
kubectl logs deployment/nginx

# Print the last 10 lines of each pod labelled app=nginx
kubectl logs -l app=nginx

# Print the log of the previous, terminated instance of container ruby in pod web-1
kubectl logs -p -c ruby web-1

# Keep printing new lines of container ruby in pod web-1
kubectl logs -f -c ruby web-1

# Print only the last 20 lines, with their timestamps
kubectl logs --tail=20 --timestamps nginx

# Print what pod nginx wrote in the last hour
kubectl logs --since=1h nginx`,
  usage: `${USAGE} [options]`,
  flags: [
    { name: 'all-containers', type: 'bool', description: "Get all containers' logs in the pod(s)." },
    { name: 'all-pods', type: 'bool', description: 'Get logs from all pod(s). Sets prefix to true.' },
    { name: 'container', short: 'c', type: 'string', description: 'Print the logs of this container' },
    { name: 'follow', short: 'f', type: 'bool', description: 'Specify if the logs should be streamed.' },
    { name: 'ignore-errors', type: 'bool', description: 'If watching / following pod logs, allow for any errors that occur to be non-fatal' },
    {
      name: 'insecure-skip-tls-verify-backend',
      type: 'bool',
      description:
        'Skip verifying the identity of the kubelet that logs are requested from.  In theory, an attacker could provide invalid log content back. You might want to use this if your kubelet serving certificates have expired.',
    },
    { name: 'limit-bytes', type: 'int', default: 0, description: 'Maximum bytes of logs to return. Defaults to no limit.' },
    { name: 'max-log-requests', type: 'int', default: 5, description: 'Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.' },
    { name: 'pod-running-timeout', type: 'duration', default: '20s', description: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
    { name: 'prefix', type: 'bool', description: 'Prefix each log line with the log source (pod name and container name)' },
    { name: 'previous', short: 'p', type: 'bool', description: 'If true, print the logs for the previous instance of the container in a pod if it exists.' },
    {
      name: 'selector',
      short: 'l',
      type: 'string',
      description: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
    },
    { name: 'since', type: 'duration', default: '0s', description: 'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.' },
    { name: 'since-time', type: 'string', description: 'Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used.' },
    { name: 'tail', type: 'int', default: -1, description: 'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.' },
    { name: 'timestamps', type: 'bool', description: 'Include timestamps on each line in the log output' },
  ],
  run: runLogs,
};

/** The PodLogOptions kubectl sends, plus its own client-side switches. */
interface LogOptions {
  container: string;
  follow: boolean;
  previous: boolean;
  timestamps: boolean;
  /** undefined = the whole log. */
  tail?: number;
  /** Lines before this instant (ns since the epoch) are left out. */
  sinceNs?: bigint;
  limitBytes: number;
  prefix: boolean;
  ignoreErrors: boolean;
}

/** One log stream kubectl opens: a container of a pod. */
interface LogRequest {
  pod: KubeObject;
  container: string;
}

async function runLogs(ctx: CommandContext): Promise<void> {
  const f = ctx.parsed.flags;
  const args = ctx.parsed.args;
  const selector = f.selector as string;
  // Complete: the argument shapes.
  if (args.length === 0 && !selector) throw new UsageError(USAGE_ERROR, ctx.path);
  if (args.length === 1 && selector) throw new UsageError('only a selector (-l) or a POD name is allowed', ctx.path);
  if (args.length > 2) throw new UsageError(USAGE_ERROR, ctx.path);
  const container = args.length === 2 ? args[1] : (f.container as string);
  const allPods = f['all-pods'] as boolean;
  const podTimeoutMs = parseGoDuration(f['pod-running-timeout'] as string);
  if (podTimeoutMs <= 0) throw new CliError('--pod-running-timeout must be higher than zero');
  const sinceTime = f['since-time'] as string;
  const sinceTimeNs = sinceTime ? parseRfc3339Ns(sinceTime) : undefined;
  const sinceMs = parseGoDuration(f.since as string);
  const tailGiven = ctx.parsed.given.has('tail');
  const tail = f.tail as number;

  // The lookups and the first output use one session of their own, released before any waiting.
  const first = await ctx.openSession({ readOnly: true });
  let target: Target | undefined;
  let minor: number;
  try {
    minor = kubectlMinor(first.state.cluster.kubectlVersion);
    target = findTarget(ctx, first, args[0], selector, minor);
  } catch (e) {
    first.abort();
    throw e;
  }
  await first.commit();
  if (target === undefined) return;

  // Validate (after the lookup, as in kubectl).
  if (sinceTime && sinceMs !== 0) throw new CliError('at most one of `sinceTime` or `sinceSeconds` may be specified');
  if (f['all-containers'] && container) throw new CliError(`--all-containers=true should not be specified with container name ${container}`);
  if (ctx.parsed.given.has('container') && args.length === 2) throw new CliError('only one of -c or an inline [CONTAINER] arg is allowed');
  if ((f['limit-bytes'] as number) < 0) throw new CliError('--limit-bytes must be greater than 0');
  if (sinceMs < 0) throw new CliError('--since must be greater than 0');
  const tailLines = selector && tail === -1 && !tailGiven ? SELECTOR_TAIL : tail !== -1 ? tail : undefined;
  if (tailLines !== undefined && tailLines < -1) throw new CliError('--tail must be greater than or equal to -1');

  const opts: LogOptions = {
    container,
    follow: f.follow as boolean,
    previous: f.previous as boolean,
    timestamps: f.timestamps as boolean,
    tail: tailLines,
    sinceNs: sinceTimeNs,
    limitBytes: f['limit-bytes'] as number,
    prefix: (f.prefix as boolean) || allPods,
    ignoreErrors: f['ignore-errors'] as boolean,
  };
  const pods = target.kind === 'pods' ? target.pods : await podsOf(ctx, target.owner, allPods, podTimeoutMs);

  const session = await ctx.openSession({ readOnly: true });
  let streams: Stream[];
  try {
    if (sinceMs > 0) opts.sinceNs = rfc3339Ns(session.now) - BigInt(Math.round(sinceMs / 1000)) * 1_000_000_000n;
    const requests: LogRequest[] = [];
    for (const found of pods) {
      // The pod as it is now (the lookup may have been a moment ago, or a wait for pods to appear).
      const pod = session.store.get('Pod', found.metadata.namespace ?? '', found.metadata.name) ?? found;
      requests.push(...requestsForPod(ctx, pod, opts, f['all-containers'] as boolean, allPods, minor));
    }
    if (opts.follow && requests.length > 1 && requests.length > (f['max-log-requests'] as number)) {
      throw new CliError(
        `you are attempting to follow ${requests.length} log streams, but maximum allowed concurrency is ${f['max-log-requests']}, use --max-log-requests to increase the limit`,
      );
    }
    streams = printLogs(ctx, session, requests, opts);
  } catch (e) {
    session.abort();
    throw e;
  }
  await session.commit();
  if (!opts.follow || !streams.some((st) => st.open)) return;
  const end = await followState(ctx, (s) => {
    for (const st of streams) if (st.open) followStream(s, st);
    return !streams.some((st) => st.open);
  });
  if (end === 'interrupted') throw new ExitError(1);
}

/** 1.32 → 32: the persona decides a few client-side behaviours. */
function kubectlMinor(v: string | undefined): number {
  const m = /^\d+\.(\d+)/.exec(v ?? '');
  return m ? Number(m[1]) : 32;
}

type Target = { kind: 'pods'; pods: KubeObject[] } | { kind: 'owner'; owner: KubeObject };

/**
 * What the argument (`POD`, `TYPE/NAME`) or -l names. Returns undefined when -l matched nothing (kubectl
 * then only says so on stderr).
 */
function findTarget(ctx: CommandContext, session: Session, arg: string | undefined, selector: string, minor: number): Target | undefined {
  if (selector) {
    const pods = listObjects(session.store, resolveResourceType('pods')!, ctx.namespace, false, parseFilters(selector, ''));
    if (pods.length === 0) {
      if (minor >= 22) ctx.io.err.write(`No resources found in ${ctx.namespace} namespace.\n`);
      return undefined;
    }
    return { kind: 'pods', pods };
  }
  const slash = arg!.indexOf('/');
  const typed = slash < 0 ? 'pods' : arg!.slice(0, slash);
  const name = slash < 0 ? arg! : arg!.slice(slash + 1);
  const type = resolveResourceType(typed);
  if (!type) throw new UnknownTypeError(typed);
  const obj = session.store.get(type.kind, type.namespaced ? ctx.namespace : '', name);
  if (!obj) {
    const nf = ApiError.notFound(qualifiedPlural(type), name);
    // kubectl 1.30 wrapped the lookup's NotFound in a plain error naming the namespace.
    if (minor >= 30) throw new CliError(`error from server (NotFound): ${nf.message} in namespace "${ctx.namespace}"`);
    throw nf;
  }
  return type.kind === 'Pod' ? { kind: 'pods', pods: [obj] } : { kind: 'owner', owner: obj };
}

/** The pod selector of a workload or service, with logs' wording for what has none. */
function selectorFor(owner: KubeObject): Selector {
  return podSelectorOf(owner, { prefix: `cannot get the logs from *v1.${owner.kind}: `, unsupported: (t) => `cannot get the logs from ${t}: selector for ${t} not implemented` });
}

/**
 * The pods of a workload, best first (podutils.ByLogging: scheduled, running, ready, longest ready,
 * most restarts, oldest). Without --all-pods only the first is used, with `Found N pods, using pod/x`
 * on stderr. When there are none yet kubectl waits up to --pod-running-timeout for one to appear
 * (with a frozen clock: one look).
 */
async function podsOf(ctx: CommandContext, owner: KubeObject, allPods: boolean, timeoutMs: number): Promise<KubeObject[]> {
  const sel = selectorFor(owner);
  const found = await ctx.poll(
    (s) => {
      const pods = s.store.list('Pod', owner.metadata.namespace ?? '').filter((p) => matchesSelector(sel, p.metadata.labels));
      return pods.length ? pods : undefined;
    },
    { timeoutMs },
  );
  if (!found) throw new CliError('timed out waiting for the condition');
  const pods = [...found].sort(byLogging);
  if (allPods) return pods;
  if (pods.length > 1) ctx.io.err.write(`Found ${pods.length} pods, using pod/${pods[0].metadata.name}\n`);
  return [pods[0]];
}

interface ContainerSpec {
  name: string;
}

function containerNames(pod: KubeObject): { containers: string[]; init: string[]; ephemeral: string[] } {
  const names = (list: ContainerSpec[] | undefined) => (list ?? []).map((c) => c.name);
  return { containers: names(pod.spec?.containers), init: names(pod.spec?.initContainers), ephemeral: names(pod.spec?.ephemeralContainers) };
}

/** podcmd.AllContainerNames: `a, b, dbg (ephem), setup (init)`. */
function allContainerNames(pod: KubeObject): string {
  const n = containerNames(pod);
  return [...n.containers, ...n.ephemeral.map((c) => `${c} (ephem)`), ...n.init.map((c) => `${c} (init)`)].join(', ');
}

function hasContainer(pod: KubeObject, name: string): boolean {
  const n = containerNames(pod);
  return [...n.containers, ...n.init, ...n.ephemeral].includes(name);
}

/**
 * The streams for one pod: every container with --all-containers (init, regular, ephemeral), else the
 * one asked for or the default one. kubectl 1.24+ defaults to the annotated or first container and
 * says so on stderr when there was a choice; older clients refuse to choose.
 */
function requestsForPod(ctx: CommandContext, pod: KubeObject, opts: LogOptions, allContainers: boolean, quiet: boolean, minor: number): LogRequest[] {
  const n = containerNames(pod);
  if (allContainers) return [...n.init, ...n.containers, ...n.ephemeral].map((c) => ({ pod, container: c }));
  let name = opts.container;
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (!name && annotated && minor >= 21) {
    if (hasContainer(pod, annotated)) name = annotated;
    else ctx.io.err.write(`Default container name "${annotated}" not found in pod ${pod.metadata.name}\n`);
  }
  if (!name) {
    if (minor < 24 && n.containers.length !== 1) {
      let msg = `a container name must be specified for pod ${pod.metadata.name}, choose one of: [${n.containers.join(' ')}]`;
      if (n.init.length) msg += ` or one of the init containers: [${n.init.join(' ')}]`;
      if (n.ephemeral.length) msg += ` or one of the ephemeral containers: [${n.ephemeral.join(' ')}]`;
      throw new CliError(msg);
    }
    name = n.containers[0];
    if (!quiet && (n.containers.length > 1 || n.init.length > 0 || n.ephemeral.length > 0)) {
      ctx.io.err.write(`Defaulted container "${name}" out of: ${allContainerNames(pod)}\n`);
    }
  }
  if (!hasContainer(pod, name)) throw new CliError(`container ${name} is not valid for pod ${pod.metadata.name}`);
  return [{ pod, container: name }];
}

interface ContainerStatus {
  name: string;
  containerID?: string;
  state?: { running?: object; waiting?: { reason?: string }; terminated?: { containerID?: string } };
  lastState?: { terminated?: { containerID?: string } };
}

/**
 * The container instance the kubelet reads the log of (kubelet validateContainerLogStatus), or the
 * kubelet's refusal as a BadRequest. Undefined when the pod is not on a node yet (the API server then
 * returns an empty log).
 */
export function logContainerID(pod: KubeObject, container: string, previous: boolean): string | undefined {
  if (!pod.spec?.nodeName) return undefined;
  const podName = pod.metadata.name;
  const statuses: ContainerStatus[] = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.ephemeralContainerStatuses ?? [])];
  const st = statuses.find((s) => s.name === container);
  const bad = (msg: string) => new ApiError('BadRequest', msg);
  if (!st) {
    // Before its first status report the kubelet shows every container as being created.
    if (statuses.length === 0) throw bad(`container "${container}" in pod "${podName}" is waiting to start: ContainerCreating`);
    throw bad(`container "${container}" in pod "${podName}" is not available`);
  }
  const last = st.lastState?.terminated;
  const { waiting, running, terminated } = st.state ?? {};
  if (previous) {
    if (!last?.containerID) throw bad(`previous terminated container "${container}" in pod "${podName}" not found`);
    return last.containerID;
  }
  if (running) return st.containerID;
  if (terminated) {
    if (terminated.containerID) return terminated.containerID;
    if (last?.containerID) return last.containerID;
    throw bad(`container "${container}" in pod "${podName}" is terminated`);
  }
  if (last) {
    if (!last.containerID) throw bad(`container "${container}" in pod "${podName}" is terminated`);
    return last.containerID;
  }
  if (waiting) {
    if (waiting.reason === 'ErrImagePull') throw bad(`container "${container}" in pod "${podName}" is waiting to start: image can't be pulled`);
    if (waiting.reason === 'ImagePullBackOff') throw bad(`container "${container}" in pod "${podName}" is waiting to start: trying and failing to pull image`);
    throw bad(`container "${container}" in pod "${podName}" is waiting to start: ${waiting.reason ?? ''}`);
  }
  throw bad(`container "${container}" in pod "${podName}" is waiting to start - no logs yet`);
}

function runtimeRecord(session: Session, id: string | undefined): ContainerRecord | undefined {
  return id ? session.state.runtime?.containers[id] : undefined;
}

/** `2025-01-01T00:00:00.5Z` → ns since the epoch. */
function rfc3339Ns(t: string): bigint {
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(t);
  if (!m) return 0n;
  const secMs = Date.parse(`${m[1]}${m[3]}`);
  const frac = (m[2] ?? '').slice(0, 9).padEnd(9, '0');
  return BigInt(secMs) * 1_000_000n + BigInt(frac);
}

/** --since-time: RFC3339, or Go's parse error. */
function parseRfc3339Ns(t: string): bigint {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(t) || Number.isNaN(Date.parse(t))) {
    throw new CliError(`parsing time ${JSON.stringify(t)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(t)} as "2006"`);
  }
  return rfc3339Ns(t);
}

/** The kubelet's timestamp format for --timestamps: RFC3339 with exactly nine fractional digits. */
export function fixedNano(t: string): string {
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(t);
  if (!m) return t;
  return `${m[1]}.${(m[2] ?? '').slice(0, 9).padEnd(9, '0')}${m[3]}`;
}

/** The lines of one log as the kubelet sends them: --tail first (on the whole file), then --since. */
function selectLines(log: LogLine[], opts: LogOptions): LogLine[] {
  let lines = log;
  if (opts.tail !== undefined && opts.tail >= 0) lines = opts.tail === 0 ? [] : lines.slice(-opts.tail);
  if (opts.sinceNs !== undefined) lines = lines.filter((l) => rfc3339Ns(l.time) >= opts.sinceNs!);
  return lines;
}

/** Writes log lines, honouring --timestamps, --prefix and --limit-bytes (which may cut a line short). */
class LogWriter {
  private written = 0;

  constructor(
    private readonly ctx: CommandContext,
    private readonly opts: LogOptions,
    private readonly prefix: string,
  ) {}

  /** False once --limit-bytes is used up. */
  write(lines: LogLine[]): boolean {
    for (const l of lines) {
      let text = `${this.opts.timestamps ? `${fixedNano(l.time)} ` : ''}${l.line}\n`;
      if (this.opts.limitBytes > 0) {
        const buf = Buffer.from(text, 'utf8');
        const room = this.opts.limitBytes - this.written;
        if (room <= 0) return false;
        if (buf.length > room) text = buf.subarray(0, room).toString('utf8');
        this.written += Math.min(buf.length, room);
      }
      this.ctx.io.out.write(this.prefix + text);
      if (this.opts.limitBytes > 0 && this.written >= this.opts.limitBytes) return false;
    }
    return true;
  }
}

/** A stream being followed: which container instance, how far it was printed. */
interface Stream {
  req: LogRequest;
  id?: string;
  printed: number;
  writer: LogWriter;
  open: boolean;
}

/**
 * Prints each stream in turn (kubectl consumes them one after the other unless following several).
 * A stream's error ends the command unless --ignore-errors, which prints it as `error: …` and goes on.
 * Returns the streams, open ones still to be followed with -f.
 */
function printLogs(ctx: CommandContext, session: Session, requests: LogRequest[], opts: LogOptions): Stream[] {
  const streams: Stream[] = [];
  for (const req of requests) {
    const prefix = opts.prefix ? `[pod/${req.pod.metadata.name}/${req.container}] ` : '';
    const writer = new LogWriter(ctx, opts, prefix);
    let id: string | undefined;
    try {
      id = logContainerID(req.pod, req.container, opts.previous);
    } catch (e) {
      if (!opts.ignoreErrors) throw e;
      ctx.io.out.write(`error: ${(e as Error).message}\n`);
      continue;
    }
    const rec = runtimeRecord(session, id);
    const log = rec?.log ?? [];
    const open = writer.write(selectLines(log, opts));
    streams.push({ req, id, printed: log.length, writer, open: open && !opts.previous && isRunning(rec) });
  }
  return streams;
}

function isRunning(rec: ContainerRecord | undefined): boolean {
  return rec !== undefined && rec.finishedAt === undefined;
}

/** Prints what a followed container wrote since the last look; closes the stream when it has stopped or its pod is gone. */
function followStream(s: Session, st: Stream): void {
  const rec = runtimeRecord(s, st.id);
  const pod = s.store.get('Pod', st.req.pod.metadata.namespace ?? '', st.req.pod.metadata.name);
  if (rec) {
    const fresh = rec.log.slice(st.printed);
    st.printed = rec.log.length;
    if (!st.writer.write(fresh)) st.open = false;
  }
  if (!rec || rec.finishedAt !== undefined || !pod || pod.metadata.uid !== st.req.pod.metadata.uid) st.open = false;
}
