import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandContext, CommandSpec } from '../../cli/command.js';
import type { FlagSpec } from '../../cli/flags.js';
import type { KubeObject } from '../../api/types.js';
import { clone } from '../../api/types.js';
import { typeForKind } from '../../api/kinds.js';
import type { DryRun } from '../../cluster/api-server.js';
import { ApiError, CliError, ExitError, formatFieldError, UsageError } from '../../errors.js';
import { commandHelp } from '../../cli/help.js';
import { goQuote } from '../../api/validation/go-syntax.js';
import { OBJECT_FORMATS, parseOutputFormat } from '../../printers/output-format.js';
import { toJson } from '../../printers/serialize.js';
import { dryRunFlag, outputFlag, printingFlags } from '../flags.js';
import { parseDryRun, printResult } from '../write-output.js';

/**
 * What every `kubectl create <kind>` subcommand shares: its flags, the NAME argument, and the
 * generate → annotate → send → print sequence of kubectl's typed create commands.
 */

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export const saveConfigFlag: FlagSpec = {
  name: 'save-config',
  type: 'bool',
  description:
    'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
};

/** kubectl 1.32's wording of --validate (create/replace say "unknown or duplicate fields"). */
export const createValidateFlag: FlagSpec = {
  name: 'validate',
  type: 'string',
  default: 'strict',
  noOptDefault: 'strict',
  description: `Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.`,
};

export const OUTPUT_FORMATS = 'json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file';

export const fieldManagerFlag = (dflt: string): FlagSpec => ({
  name: 'field-manager',
  type: 'string',
  default: dflt,
  description: 'Name of the manager used to track field ownership.',
});

/** The flags of a create subcommand: its own plus the printing, dry-run and annotation flags all of them have. */
export function subcommandFlags(own: FlagSpec[]): FlagSpec[] {
  return [...own, dryRunFlag, fieldManagerFlag('kubectl-create'), outputFlag(OUTPUT_FORMATS), saveConfigFlag, createValidateFlag, ...printingFlags];
}

/** --validate's accepted values (cmdutil.GetValidationDirective). */
export function checkValidate(ctx: CommandContext): void {
  const raw = String(ctx.parsed.flags.validate ?? 'strict');
  const goBool = ['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'];
  if (!goBool.includes(raw) && !['strict', 'warn', 'ignore'].includes(raw)) {
    throw new CliError(`invalid - validate option "${ctx.parsed.flags.validate}"; must be one of: strict (or true), warn, ignore (or false)`);
  }
}

/**
 * cobra's required-flag check, which runs before the command itself (so it wins over a missing NAME).
 * Names are reported in flag-name order, as cobra visits flags sorted.
 */
export function requireFlags(ctx: CommandContext, ...names: string[]): void {
  const missing = names.filter((n) => !ctx.parsed.given.has(n)).sort();
  if (missing.length) throw new CliError(`required flag(s) "${missing.join('", "')}" not set`);
}

/**
 * NameFromCommandArgs: exactly one positional argument before `--`. Arguments after `--` (the
 * deployment command) do not count.
 */
export function nameFromArgs(ctx: CommandContext): string {
  const args = ctx.parsed.args;
  if (args.length !== 1) throw new UsageError(`exactly one NAME is required, got ${args.length}`, ctx.path);
  return args[0];
}

/** A stringSlice flag's values; pflag reads `--tcp=` as an empty list, not one empty string. */
export function sliceFlag(ctx: CommandContext, name: string): string[] {
  const v = ctx.parsed.flags[name] as string[];
  return v.length === 1 && v[0] === '' ? [] : v;
}

/** Everything Complete() checks before the object is generated: NAME, --dry-run, -o, --validate. */
export interface Prepared {
  name: string;
  dryRun: DryRun;
}

/** The checks of a subcommand's Complete(), in kubectl's order (so the first problem reported is the same). */
export function prepare(ctx: CommandContext): Prepared {
  const name = nameFromArgs(ctx);
  const dryRun = parseDryRun(ctx.parsed.flags['dry-run'] as string);
  checkOutput(ctx);
  checkValidate(ctx);
  return { name, dryRun };
}

/** Fails early on an unknown -o value, as PrintFlags.ToPrinter does in Complete. */
export function checkOutput(ctx: CommandContext): void {
  const out = ctx.parsed.flags.output as string;
  if (out) parseOutputFormat(out, OBJECT_FORMATS, (p) => readFileSync(resolve(ctx.cwd, p), 'utf8'));
}

/** The namespace a generated object carries on the client: only an explicit -n is written into it. */
export function clientNamespace(ctx: CommandContext): string | undefined {
  return ctx.namespaceGiven ? ctx.namespace : undefined;
}

/** `metadata` as the typed generators fill it: name, namespace when -n was given, then null creationTimestamp. */
export function newMeta(ctx: CommandContext, name: string, labels?: Record<string, string>): KubeObject['metadata'] {
  const md: KubeObject['metadata'] = { name };
  const ns = clientNamespace(ctx);
  if (ns) md.namespace = ns;
  md.creationTimestamp = null as unknown as string;
  if (labels) md.labels = labels;
  return md;
}

// ---------------------------------------------------------------------------------------------------
// Go struct field order. Typed objects (everything a create subcommand generates, and what the typed
// client decodes from the server's answer) print as JSON in the order of the Go struct fields, while
// maps (labels, data) come out sorted. Unknown fields are placed after the known ones, sorted.

interface Order {
  keys: string[];
  sub?: Record<string, Order>;
}

const o = (keys: string, sub?: Record<string, Order>): Order => ({ keys: keys.split(/\s+/).filter(Boolean), sub });

const OWNER_REF = o('apiVersion kind name uid controller blockOwnerDeletion');
const MANAGED_FIELDS = o('manager operation apiVersion time fieldsType fieldsV1 subresource');
const META = o(
  'name generateName namespace selfLink uid resourceVersion generation creationTimestamp deletionTimestamp deletionGracePeriodSeconds labels annotations ownerReferences finalizers managedFields',
  { ownerReferences: OWNER_REF, managedFields: MANAGED_FIELDS },
);
const LABEL_SELECTOR = o('matchLabels matchExpressions', { matchExpressions: o('key operator values') });
const LOCAL_REF = o('name');
const KEY_SELECTOR = o('name key optional');
const OBJECT_FIELD_SELECTOR = o('apiVersion fieldPath');
const RESOURCE_FIELD_SELECTOR = o('containerName resource divisor');
const ENV_VAR = o('name value valueFrom', {
  valueFrom: o('fieldRef resourceFieldRef configMapKeyRef secretKeyRef', {
    fieldRef: OBJECT_FIELD_SELECTOR,
    resourceFieldRef: RESOURCE_FIELD_SELECTOR,
    configMapKeyRef: KEY_SELECTOR,
    secretKeyRef: KEY_SELECTOR,
  }),
});
const ENV_FROM = o('prefix configMapRef secretRef', { configMapRef: o('name optional'), secretRef: o('name optional') });
const HANDLER_SUB = {
  exec: o('command'),
  httpGet: o('path port host scheme httpHeaders', { httpHeaders: o('name value') }),
  tcpSocket: o('port host'),
  grpc: o('port service'),
  sleep: o('seconds'),
};
const PROBE = o('exec httpGet tcpSocket grpc initialDelaySeconds timeoutSeconds periodSeconds successThreshold failureThreshold terminationGracePeriodSeconds', HANDLER_SUB);
const LIFECYCLE_HANDLER = o('exec httpGet tcpSocket sleep', HANDLER_SUB);
const SE_LINUX = o('user role type level');
const WINDOWS = o('gmsaCredentialSpecName gmsaCredentialSpec runAsUserName hostProcess');
const SECCOMP = o('type localhostProfile');
const CONTAINER_SC = o(
  'capabilities privileged seLinuxOptions windowsOptions runAsUser runAsGroup runAsNonRoot readOnlyRootFilesystem allowPrivilegeEscalation procMount seccompProfile appArmorProfile',
  { capabilities: o('add drop'), seLinuxOptions: SE_LINUX, windowsOptions: WINDOWS, seccompProfile: SECCOMP, appArmorProfile: SECCOMP },
);
const CONTAINER = o(
  'name image command args workingDir ports envFrom env resources resizePolicy restartPolicy volumeMounts volumeDevices livenessProbe readinessProbe startupProbe lifecycle terminationMessagePath terminationMessagePolicy imagePullPolicy securityContext stdin stdinOnce tty',
  {
    ports: o('name hostPort containerPort protocol hostIP'),
    envFrom: ENV_FROM,
    env: ENV_VAR,
    resources: o('limits requests claims', { claims: o('name request') }),
    resizePolicy: o('resourceName restartPolicy'),
    volumeMounts: o('name readOnly recursiveReadOnly mountPath subPath mountPropagation subPathExpr'),
    volumeDevices: o('name devicePath'),
    livenessProbe: PROBE,
    readinessProbe: PROBE,
    startupProbe: PROBE,
    lifecycle: o('postStart preStop stopSignal', { postStart: LIFECYCLE_HANDLER, preStop: LIFECYCLE_HANDLER }),
    securityContext: CONTAINER_SC,
  },
);
const KEY_TO_PATH = o('key path mode');
const DOWNWARD_FILE = o('path fieldRef resourceFieldRef mode', { fieldRef: OBJECT_FIELD_SELECTOR, resourceFieldRef: RESOURCE_FIELD_SELECTOR });
const VOLUME = o(
  'name hostPath emptyDir gcePersistentDisk awsElasticBlockStore gitRepo secret nfs iscsi glusterfs persistentVolumeClaim rbd flexVolume cinder cephfs flocker downwardAPI fc azureFile configMap vsphereVolume quobyte azureDisk photonPersistentDisk projected portworxVolume scaleIO storageos csi ephemeral image',
  {
    hostPath: o('path type'),
    emptyDir: o('medium sizeLimit'),
    secret: o('secretName items defaultMode optional', { items: KEY_TO_PATH }),
    nfs: o('server path readOnly'),
    persistentVolumeClaim: o('claimName readOnly'),
    downwardAPI: o('items defaultMode', { items: DOWNWARD_FILE }),
    configMap: o('name items defaultMode optional', { items: KEY_TO_PATH }),
    projected: o('sources defaultMode', {
      sources: o('secret downwardAPI configMap serviceAccountToken clusterTrustBundle', {
        secret: o('name items optional', { items: KEY_TO_PATH }),
        downwardAPI: o('items', { items: DOWNWARD_FILE }),
        configMap: o('name items optional', { items: KEY_TO_PATH }),
        serviceAccountToken: o('audience expirationSeconds path'),
      }),
    }),
    csi: o('driver readOnly fsType volumeAttributes nodePublishSecretRef', { nodePublishSecretRef: LOCAL_REF }),
    image: o('reference pullPolicy'),
  },
);
const POD_SPEC = o(
  'volumes initContainers containers ephemeralContainers restartPolicy terminationGracePeriodSeconds activeDeadlineSeconds dnsPolicy nodeSelector serviceAccountName serviceAccount automountServiceAccountToken nodeName hostNetwork hostPID hostIPC shareProcessNamespace securityContext imagePullSecrets hostname subdomain affinity schedulerName tolerations hostAliases priorityClassName priority dnsConfig readinessGates runtimeClassName enableServiceLinks preemptionPolicy overhead topologySpreadConstraints setHostnameAsFQDN os hostUsers schedulingGates resourceClaims resources',
  {
    volumes: VOLUME,
    initContainers: CONTAINER,
    containers: CONTAINER,
    ephemeralContainers: CONTAINER,
    securityContext: o(
      'seLinuxOptions windowsOptions runAsUser runAsGroup runAsNonRoot supplementalGroups supplementalGroupsPolicy fsGroup sysctls fsGroupChangePolicy seccompProfile appArmorProfile seLinuxChangePolicy',
      { seLinuxOptions: SE_LINUX, windowsOptions: WINDOWS, sysctls: o('name value'), seccompProfile: SECCOMP, appArmorProfile: SECCOMP },
    ),
    imagePullSecrets: LOCAL_REF,
    tolerations: o('key operator value effect tolerationSeconds'),
    hostAliases: o('ip hostnames'),
    dnsConfig: o('nameservers searches options', { options: o('name value') }),
    readinessGates: o('conditionType'),
    topologySpreadConstraints: o('maxSkew topologyKey whenUnsatisfiable labelSelector minDomains nodeAffinityPolicy nodeTaintsPolicy matchLabelKeys', {
      labelSelector: LABEL_SELECTOR,
    }),
    os: o('name'),
    schedulingGates: o('name'),
    resources: o('limits requests claims'),
  },
);
const POD_TEMPLATE = o('metadata spec', { metadata: META, spec: POD_SPEC });
const CONDITION = o('type status observedGeneration lastProbeTime lastUpdateTime lastHeartbeatTime lastTransitionTime reason message');

const KIND_ORDERS: Record<string, Order> = {
  Deployment: o('kind apiVersion metadata spec status', {
    metadata: META,
    spec: o('replicas selector template strategy minReadySeconds revisionHistoryLimit paused progressDeadlineSeconds', {
      selector: LABEL_SELECTOR,
      template: POD_TEMPLATE,
      strategy: o('type rollingUpdate', { rollingUpdate: o('maxUnavailable maxSurge') }),
    }),
    status: o('observedGeneration replicas updatedReplicas readyReplicas availableReplicas unavailableReplicas terminatingReplicas conditions collisionCount', {
      conditions: CONDITION,
    }),
  }),
  Service: o('kind apiVersion metadata spec status', {
    metadata: META,
    spec: o(
      'ports selector clusterIP clusterIPs type externalIPs sessionAffinity loadBalancerIP loadBalancerSourceRanges externalName externalTrafficPolicy healthCheckNodePort publishNotReadyAddresses sessionAffinityConfig ipFamilies ipFamilyPolicy allocateLoadBalancerNodePorts loadBalancerClass internalTrafficPolicy trafficDistribution',
      {
        ports: o('name protocol appProtocol port targetPort nodePort'),
        sessionAffinityConfig: o('clientIP', { clientIP: o('timeoutSeconds') }),
      },
    ),
    status: o('loadBalancer conditions', {
      loadBalancer: o('ingress', { ingress: o('ip hostname ipMode ports', { ports: o('port protocol error') }) }),
      conditions: CONDITION,
    }),
  }),
  Namespace: o('kind apiVersion metadata spec status', { metadata: META, spec: o('finalizers'), status: o('phase conditions', { conditions: CONDITION }) }),
  ConfigMap: o('kind apiVersion metadata immutable data binaryData', { metadata: META }),
  Secret: o('kind apiVersion metadata immutable data stringData type', { metadata: META }),
  ServiceAccount: o('kind apiVersion metadata secrets imagePullSecrets automountServiceAccountToken', {
    metadata: META,
    secrets: o('kind namespace name uid apiVersion resourceVersion fieldPath'),
    imagePullSecrets: LOCAL_REF,
  }),
};

function reorder(v: unknown, order: Order | undefined): unknown {
  if (Array.isArray(v)) return v.map((x) => reorder(x, order));
  if (!v || typeof v !== 'object') return v;
  const src = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const known = order?.keys ?? [];
  for (const k of known) if (k in src && src[k] !== undefined) out[k] = reorder(src[k], order?.sub?.[k]);
  for (const k of Object.keys(src).sort()) {
    if (!(k in out) && src[k] !== undefined) out[k] = reorder(src[k], order?.sub?.[k]);
  }
  return out;
}

/** The object with its keys in Go struct order (maps and unknown structures sorted). */
export function goOrder<T>(obj: T): T {
  const kind = (obj as { kind?: string })?.kind ?? '';
  return reorder(obj, KIND_ORDERS[kind]) as T;
}

/** encoding/json's compact output (HTML-safe escapes), plus the newline the JSON encoder appends. */
export function goCompactJson(v: unknown): string {
  return (
    JSON.stringify(v)
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029') + '\n'
  );
}

/**
 * util.CreateOrUpdateAnnotation: with --save-config (or when the object already carries one) the
 * last-applied annotation is set to the object's own serialization without that annotation. Typed
 * objects serialize in struct order with empty annotations omitted; unstructured ones (from files)
 * serialize with sorted keys and keep an empty `annotations: {}`.
 */
export function withApplyAnnotation(obj: KubeObject, create: boolean, typed: boolean): KubeObject {
  if (!create && !obj.metadata?.annotations?.[LAST_APPLIED]) return obj;
  const bare = clone(obj);
  bare.metadata = bare.metadata ?? ({} as KubeObject['metadata']);
  const annotations = { ...(bare.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  if (typed && Object.keys(annotations).length === 0) delete bare.metadata.annotations;
  else bare.metadata.annotations = annotations;
  const encoded = typed ? goCompactJson(goOrder(bare)) : goCompactJson(sortedKeys(bare));
  const out = clone(obj);
  out.metadata = { ...out.metadata, annotations: { ...annotations, [LAST_APPLIED]: encoded } };
  return out;
}

function sortedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedKeys);
  if (v && typeof v === 'object') {
    const src = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(src).sort()) if (src[k] !== undefined) out[k] = sortedKeys(src[k]);
    return out;
  }
  return v;
}

/** How a subcommand reports a failed create: `failed to create deployment: <server message>` etc. */
export type FailureWrap = ((serverMessage: string) => string) | undefined;

/** The message an API status error carries on the wire (what `%v` of a StatusError prints). */
export function statusMessage(e: ApiError, kind: string, apiVersion: string): string {
  if (e.reason !== 'Invalid' || e.causes.length === 0) return e.message;
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  const gk = group ? `${kind}.${group}` : kind;
  const name = e.message.match(/^The \S+ "([^"]*)" is invalid/)?.[1] ?? '';
  const list = e.causes.map(formatFieldError);
  return `${gk} "${name}" is invalid: ${list.length === 1 ? list[0] : `[${list.join(', ')}]`}`;
}

/**
 * The tail every typed create subcommand shares: the optional last-applied annotation, then either
 * printing the generated object (client dry run) or sending it to the API server and printing its answer.
 * `wrap` turns a server error into the subcommand's own `error: failed to create …` text; without it
 * the server error is reported as is (`create namespace`). `ignoreSaveConfig` imitates commands that
 * accept --save-config but never read it.
 */
export async function finishCreate(
  ctx: CommandContext,
  generated: KubeObject,
  dryRun: DryRun,
  wrap: FailureWrap,
  opts: { ignoreSaveConfig?: boolean } = {},
): Promise<void> {
  const saveConfig = !opts.ignoreSaveConfig && (ctx.parsed.flags['save-config'] as boolean);
  const obj = withApplyAnnotation(generated, saveConfig, true);
  if (dryRun === 'client') {
    printTyped(ctx, obj, dryRun);
    return;
  }
  const session = await ctx.session();
  const toSend = clone(obj);
  if (typeForKind(toSend.kind, toSend.apiVersion)?.namespaced) toSend.metadata.namespace = ctx.namespace;
  let created: KubeObject;
  try {
    created = session.api.create(toSend, { dryRun });
  } catch (e) {
    if (wrap && e instanceof ApiError) throw new CliError(wrap(statusMessage(e, obj.kind, obj.apiVersion)));
    throw e;
  }
  printTyped(ctx, created, dryRun);
}

/** Prints a typed object: JSON in struct order, every other format as the shared printer does. */
export function printTyped(ctx: CommandContext, obj: KubeObject, dryRun: DryRun): void {
  const out = ctx.parsed.flags.output as string;
  if (out === 'json') {
    ctx.io.out.write(toJson(goOrder(obj), { sort: false }));
    return;
  }
  printResult(ctx, obj, 'created', dryRun);
}

/** Go's os errors as kubectl shows them (`open x: no such file or directory`). */
export function goFsError(e: unknown, op: 'open' | 'read' | 'stat' | 'lstat', path: string): string {
  return `${op} ${path}: ${goErrno(e)}`;
}

/** The errno text of a Go PathError (`no such file or directory`). */
export function goErrno(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'not a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return (e as Error)?.message ?? String(e);
  }
}

/**
 * The run of a grouping command such as `create service` (cobra's DefaultSubCommandRun): extra words
 * are an unknown subcommand; no words print the help to stderr and exit 1.
 */
export function groupRun(spec: () => CommandSpec): (ctx: CommandContext) => Promise<void> {
  return async (ctx) => {
    const args = ctx.parsed.args;
    if (args.length > 0) throw new UsageError(`unknown command ${goQuote(args.join(' '))}`, ctx.path);
    ctx.io.err.write(commandHelp(spec(), ctx.path));
    throw new ExitError(1);
  };
}
