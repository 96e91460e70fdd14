import type { KubeObject } from '../../api/types.js';
import { parseQuantity, quantityString } from '../../api/validation/quantity.js';
import { CliError } from '../../errors.js';

/**
 * The generators behind `kubectl run` (kubectl's generate/versioned/run.go): the run-pod/v1 Pod every
 * kubectl since 1.18 makes, and the pod spec the older deployment generator wrapped. Pure functions of
 * the flags; the field order of the objects built here is Go's struct order, so `-o json` matches.
 */

/** The generator parameters, as `kubectl run` collects them from its flags. */
export interface RunParams {
  name: string;
  image: string;
  /** Everything after NAME (positional words and the words after `--`). */
  args: string[];
  /** --command: the args are the container's command, not its args. */
  command: boolean;
  env: string[];
  /** --labels, comma separated `k=v`; empty means `run=NAME`. */
  labels: string;
  annotations: string[];
  /** --port as typed (a string flag: kubectl converts it itself). */
  port: string;
  /** ≤1.17 only: --hostport, -1 when unset. */
  hostPort?: number;
  restart: string;
  stdin: boolean;
  tty: boolean;
  leaveStdinOpen: boolean;
  imagePullPolicy: string;
  privileged: boolean;
  /** ≤1.17 only. */
  serviceAccount?: string;
  requests?: string;
  limits?: string;
}

// distribution/reference's grammar (ReferenceRegexp), which kubectl run checks the image against.
const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const NAME = `(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^${NAME}(?::${TAG})?(?:@${DIGEST})?$`);

/** Does the image name parse as a container image reference? */
export function isImageReference(image: string): boolean {
  return REFERENCE.test(image);
}

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** validation.IsEnvVarName: a C-ish identifier that may also hold `-` and `.`, and no `..` prefix. */
export function isEnvVarName(name: string): boolean {
  return ENV_NAME.test(name) && name !== '.' && !name.startsWith('..');
}

/** --env values → EnvVars; `invalid env: X` for one without `=`, with an empty or bad name. */
export function parseEnvs(env: string[]): Array<{ name: string; value?: string }> {
  return env.map((e) => {
    const pos = e.indexOf('=');
    if (pos <= 0 || !isEnvVarName(e.slice(0, pos))) throw new CliError(`invalid env: ${e}`);
    // EnvVar.value is omitempty: `A=` sets an empty value that is not written out.
    const value = e.slice(pos + 1);
    return value ? { name: e.slice(0, pos), value } : { name: e.slice(0, pos) };
  });
}

/** generate.ParseLabels: `k=v,k2=v2`, exactly one `=` each (a later key wins). */
export function parseGeneratorLabels(spec: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const item of spec.split(',')) {
    const kv = item.split('=');
    if (kv.length !== 2) throw new CliError(`unexpected label spec: ${item}`);
    if (kv[0] === '') throw new CliError('unexpected empty label key');
    labels[kv[0]] = kv[1];
  }
  return labels;
}

/** cmdutil.ParsePairs for --annotations: `k=v` (the value may hold `=`); the bad ones are listed together. */
export function parseAnnotations(pairs: string[]): Record<string, string> | undefined {
  if (pairs.length === 0) return undefined;
  const out: Record<string, string> = {};
  const invalid: string[] = [];
  for (const p of pairs) {
    const i = p.indexOf('=');
    if (i > 0) out[p.slice(0, i)] = p.slice(i + 1);
    else invalid.push(p);
  }
  if (invalid.length) throw new CliError(`invalid annotations format: ${invalid.join(', ')}`);
  return out;
}

/** Go's strconv.Atoi error text. */
export function atoi(s: string): number {
  if (!/^[+-]?\d+$/.test(s)) throw new CliError(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (!Number.isSafeInteger(n)) throw new CliError(`strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}

/** The labels the generated object carries: --labels, or `run=NAME`. */
export function runLabels(p: RunParams): Record<string, string> {
  return p.labels ? parseGeneratorLabels(p.labels) : { run: p.name };
}

/** --requests / --limits of the old generators: `cpu=100m,memory=256Mi`. */
function resourceList(spec: string | undefined): Record<string, string> | undefined {
  if (!spec) return undefined;
  const out: Record<string, string> = {};
  for (const stmt of spec.split(',')) {
    const parts = stmt.split('=');
    if (parts.length !== 2) throw new CliError(`Invalid argument syntax ${stmt}, expected <resource>=<value>`);
    const q = parseQuantity(parts[1]);
    if (typeof q === 'string') throw new CliError(q);
    out[parts[0]] = quantityString(q);
  }
  return out;
}

function resources(p: RunParams): Record<string, unknown> {
  const r: Record<string, unknown> = {};
  const limits = resourceList(p.limits);
  const requests = resourceList(p.requests);
  if (limits) r.limits = limits;
  if (requests) r.requests = requests;
  return r;
}

type Container = Record<string, unknown>;

/** updatePodContainers: args (or command), env and pull policy of the one container. */
function updateContainer(c: Container, p: RunParams, envs: Array<{ name: string; value?: string }>): void {
  if (p.args.length) {
    if (p.command) c.command = [...p.args];
    else c.args = [...p.args];
  }
  if (envs.length) c.env = envs;
  if (p.imagePullPolicy) c.imagePullPolicy = p.imagePullPolicy;
}

/** updatePodPorts: --port (and the old --hostport) as the container's one port. */
function updatePorts(c: Container, p: RunParams): void {
  let port = -1;
  if (p.port) port = atoi(p.port);
  const hostPort = p.hostPort ?? -1;
  if (hostPort > 0 && port < 0) throw new CliError('--hostport requires --port to be specified');
  if (p.port) {
    const cp: Record<string, number> = {};
    if (hostPort > 0) cp.hostPort = hostPort;
    cp.containerPort = port;
    c.ports = [cp];
  }
}

/**
 * Orders a container's keys as the Go struct declares them (name image command args ports env
 * resources imagePullPolicy securityContext stdin stdinOnce tty).
 */
function containerInOrder(c: Container): Container {
  const order = ['name', 'image', 'command', 'args', 'ports', 'env', 'resources', 'imagePullPolicy', 'securityContext', 'stdin', 'stdinOnce', 'tty'];
  const out: Container = {};
  for (const k of order) if (c[k] !== undefined) out[k] = c[k];
  return out;
}

/** The run-pod/v1 generator: a Pod labelled `run=NAME` (or --labels) with one container named NAME. */
export function buildPod(p: RunParams): KubeObject {
  const envs = parseEnvs(p.env);
  const annotations = parseAnnotations(p.annotations);
  const labels = runLabels(p);
  const c: Container = { name: p.name, image: p.image, resources: resources(p) };
  if (p.privileged) c.securityContext = { privileged: true };
  if (p.stdin) {
    c.stdin = true;
    if (!p.leaveStdinOpen) c.stdinOnce = true;
  }
  if (p.tty) c.tty = true;
  updateContainer(c, p, envs);
  updatePorts(c, p);
  const metadata: KubeObject['metadata'] = { name: p.name, creationTimestamp: null as unknown as string, labels };
  if (annotations) metadata.annotations = annotations;
  const spec: Record<string, unknown> = { containers: [containerInOrder(c)], restartPolicy: p.restart || 'Always', dnsPolicy: 'ClusterFirst' };
  if (p.serviceAccount) spec.serviceAccountName = p.serviceAccount;
  return { kind: 'Pod', apiVersion: 'v1', metadata, spec, status: {} };
}

/**
 * makePodSpec of the ≤1.17 workload generators: one container and nothing else (no dnsPolicy, no
 * restartPolicy: the API server defaults them).
 */
export function legacyPodSpec(p: RunParams): Record<string, unknown> {
  const envs = parseEnvs(p.env);
  const c: Container = { name: p.name, image: p.image, resources: resources(p) };
  if (p.stdin) c.stdin = true;
  if (p.tty) c.tty = true;
  updateContainer(c, p, envs);
  updatePorts(c, p);
  const spec: Record<string, unknown> = { containers: [containerInOrder(c)] };
  if (p.serviceAccount) spec.serviceAccountName = p.serviceAccount;
  return spec;
}
