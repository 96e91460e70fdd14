/**
 * PodSpec defaults (pkg/apis/core/v1/defaults.go + declarative defaults) and the Pod-only additions of
 * SetDefaults_Pod and the admission plugins that run on every pod (ServiceAccount, Priority,
 * DefaultTolerationSeconds). Functions mutate the copy they are given.
 */
import type { Json } from '../types.js';

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REFERENCE = new RegExp(
  `^((?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]+)?/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)` +
    '(?::([\\w][\\w.-]{0,127}))?' +
    '(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$',
);

/**
 * SetDefaults_Container's rule: `Always` when the reference has no tag and no digest, or the tag is
 * `latest`; otherwise `IfNotPresent`. An unparseable reference counts as having no tag, so it gets
 * `IfNotPresent` too (the server ignores the parse error).
 */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const m = REFERENCE.exec(image);
  if (!m || m[1].length > 255) return 'IfNotPresent';
  const tag = m[2] ?? (m[3] ? '' : 'latest');
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultHTTPGet(h: Json): void {
  if (!h) return;
  if (!h.path) h.path = '/';
  if (!h.scheme) h.scheme = 'HTTP';
}

function defaultProbe(p: Json): void {
  if (!p) return;
  if (!p.timeoutSeconds) p.timeoutSeconds = 1;
  if (!p.periodSeconds) p.periodSeconds = 10;
  if (!p.successThreshold) p.successThreshold = 1;
  if (!p.failureThreshold) p.failureThreshold = 3;
  defaultHTTPGet(p.httpGet);
}

function defaultFieldRefs(items: Json[] | undefined): void {
  for (const it of items ?? []) if (it.fieldRef && !it.fieldRef.apiVersion) it.fieldRef.apiVersion = 'v1';
}

/** Container defaults: pull policy, termination message, `resources: {}`, port protocol, probes, env. */
export function defaultContainer(c: Json): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = defaultPullPolicy(String(c.image ?? ''));
  if (!c.terminationMessagePath) c.terminationMessagePath = '/dev/termination-log';
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = 'File';
  // ResourceRequirements is a non-pointer struct, so it always serializes (as `{}` when empty).
  if (!c.resources) c.resources = {};
  for (const p of c.ports ?? []) if (!p.protocol) p.protocol = 'TCP';
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  defaultHTTPGet(c.lifecycle?.postStart?.httpGet);
  defaultHTTPGet(c.lifecycle?.preStop?.httpGet);
  for (const e of c.env ?? []) if (e.valueFrom?.fieldRef && !e.valueFrom.fieldRef.apiVersion) e.valueFrom.fieldRef.apiVersion = 'v1';
}

const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc',
  'azureFile', 'configMap', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected',
  'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image',
];

function defaultProjection(src: Json): void {
  if (src.serviceAccountToken && src.serviceAccountToken.expirationSeconds === undefined) {
    src.serviceAccountToken.expirationSeconds = 3600;
  }
  defaultFieldRefs(src.downwardAPI?.items);
}

/** Volume defaults: a source-less volume becomes emptyDir; file-projecting sources get mode 0644 (420). */
export function defaultVolume(v: Json): void {
  if (!VOLUME_SOURCES.some((k) => v[k] !== undefined && v[k] !== null)) v.emptyDir = {};
  for (const k of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    if (v[k] && v[k].defaultMode === undefined) v[k].defaultMode = 420;
  }
  // HostPathUnset is the empty string, so `type: ""` shows up in -o yaml.
  if (v.hostPath && v.hostPath.type === undefined) v.hostPath.type = '';
  defaultFieldRefs(v.downwardAPI?.items);
  for (const src of v.projected?.sources ?? []) defaultProjection(src);
}

/** SetDefaults_PodSpec plus nested defaults; used for Pods and for pod templates. */
export function defaultPodSpec(spec: Json): void {
  if (!spec.dnsPolicy) spec.dnsPolicy = 'ClusterFirst';
  if (!spec.restartPolicy) spec.restartPolicy = 'Always';
  if (!spec.securityContext) spec.securityContext = {};
  if (spec.terminationGracePeriodSeconds === undefined || spec.terminationGracePeriodSeconds === null) {
    spec.terminationGracePeriodSeconds = 30;
  }
  if (!spec.schedulerName) spec.schedulerName = 'default-scheduler';
  // v1 conversion: the deprecated serviceAccount mirrors serviceAccountName (and fills it when alone).
  if (!spec.serviceAccountName && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const v of spec.volumes ?? []) defaultVolume(v);
}

function requestsFromLimits(c: Json): void {
  const limits = c.resources?.limits;
  if (!limits) return;
  c.resources.requests = { ...limits, ...(c.resources.requests ?? {}) };
}

const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';

/** DefaultTolerationSeconds: tolerate not-ready/unreachable for 300s unless already tolerated. */
function addDefaultTolerations(spec: Json): void {
  const tolerations: Json[] = spec.tolerations ?? [];
  const tolerates = (key: string): boolean =>
    tolerations.some((t) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect));
  const add: Json[] = [];
  for (const key of [NOT_READY, UNREACHABLE]) {
    if (!tolerates(key)) add.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 });
  }
  if (add.length) spec.tolerations = [...tolerations, ...add];
}

/** What a created Pod gets on top of the PodSpec defaults. */
export function defaultPodOnly(spec: Json): void {
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) requestsFromLimits(c);
  if (spec.enableServiceLinks === undefined || spec.enableServiceLinks === null) spec.enableServiceLinks = true;
  if (spec.hostNetwork) {
    for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
      for (const p of c.ports ?? []) if (!p.hostPort) p.hostPort = p.containerPort;
    }
  }
  if (!spec.serviceAccountName) spec.serviceAccountName = 'default';
  spec.serviceAccount = spec.serviceAccountName;
  if (spec.priority === undefined || spec.priority === null) spec.priority = 0;
  if (!spec.preemptionPolicy) spec.preemptionPolicy = 'PreemptLowerPriority';
  addDefaultTolerations(spec);
}

/** A pod template: `metadata.creationTimestamp: null` (a zero metav1.Time serializes as null) + spec defaults. */
export function defaultPodTemplate(template: Json): void {
  template.metadata ??= {};
  if (template.metadata.creationTimestamp === undefined) template.metadata.creationTimestamp = null;
  template.spec ??= {};
  defaultPodSpec(template.spec);
}
