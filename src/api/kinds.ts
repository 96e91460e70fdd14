/**
 * The discovery table: every resource type the simulated API server serves, in the order a 1.32
 * server's aggregated discovery lists them (core first, then groups alphabetically by name as kubectl
 * api-resources shows). `get all` uses the `all` category; short names and singulars resolve here.
 */

export interface ResourceType {
  /** Lower-case plural: `pods`, `deployments`. */
  plural: string;
  singular: string;
  shortNames: string[];
  kind: string;
  /** API group ('' for core). */
  group: string;
  version: string;
  namespaced: boolean;
  categories: string[];
  verbs: string[];
}

const RW = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function rt(
  plural: string,
  kind: string,
  group: string,
  version: string,
  namespaced: boolean,
  shortNames: string[] = [],
  categories: string[] = [],
  verbs: string[] = RW,
): ResourceType {
  return { plural, singular: kind.toLowerCase(), shortNames, kind, group, version, namespaced, categories, verbs };
}

export const RESOURCE_TYPES: readonly ResourceType[] = [
  rt('bindings', 'Binding', '', 'v1', true, [], [], ['create']),
  rt('componentstatuses', 'ComponentStatus', '', 'v1', false, ['cs'], [], ['get', 'list']),
  rt('configmaps', 'ConfigMap', '', 'v1', true, ['cm']),
  rt('endpoints', 'Endpoints', '', 'v1', true, ['ep']),
  rt('events', 'Event', '', 'v1', true, ['ev']),
  rt('limitranges', 'LimitRange', '', 'v1', true, ['limits']),
  rt('namespaces', 'Namespace', '', 'v1', false, ['ns'], [], ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']),
  rt('nodes', 'Node', '', 'v1', false, ['no']),
  rt('persistentvolumeclaims', 'PersistentVolumeClaim', '', 'v1', true, ['pvc']),
  rt('persistentvolumes', 'PersistentVolume', '', 'v1', false, ['pv']),
  rt('pods', 'Pod', '', 'v1', true, ['po'], ['all']),
  rt('podtemplates', 'PodTemplate', '', 'v1', true),
  rt('replicationcontrollers', 'ReplicationController', '', 'v1', true, ['rc'], ['all']),
  rt('resourcequotas', 'ResourceQuota', '', 'v1', true, ['quota']),
  rt('secrets', 'Secret', '', 'v1', true),
  rt('serviceaccounts', 'ServiceAccount', '', 'v1', true, ['sa']),
  rt('services', 'Service', '', 'v1', true, ['svc'], ['all']),
  rt('controllerrevisions', 'ControllerRevision', 'apps', 'v1', true),
  rt('daemonsets', 'DaemonSet', 'apps', 'v1', true, ['ds'], ['all']),
  rt('deployments', 'Deployment', 'apps', 'v1', true, ['deploy'], ['all']),
  rt('replicasets', 'ReplicaSet', 'apps', 'v1', true, ['rs'], ['all']),
  rt('statefulsets', 'StatefulSet', 'apps', 'v1', true, ['sts'], ['all']),
  rt('horizontalpodautoscalers', 'HorizontalPodAutoscaler', 'autoscaling', 'v2', true, ['hpa'], ['all']),
  rt('cronjobs', 'CronJob', 'batch', 'v1', true, ['cj'], ['all']),
  rt('jobs', 'Job', 'batch', 'v1', true, [], ['all']),
  rt('leases', 'Lease', 'coordination.k8s.io', 'v1', true),
  rt('endpointslices', 'EndpointSlice', 'discovery.k8s.io', 'v1', true),
  rt('events', 'Event', 'events.k8s.io', 'v1', true, ['ev']),
  rt('ingressclasses', 'IngressClass', 'networking.k8s.io', 'v1', false),
  rt('ingresses', 'Ingress', 'networking.k8s.io', 'v1', true, ['ing']),
  rt('networkpolicies', 'NetworkPolicy', 'networking.k8s.io', 'v1', true, ['netpol']),
  rt('poddisruptionbudgets', 'PodDisruptionBudget', 'policy', 'v1', true, ['pdb']),
  rt('clusterrolebindings', 'ClusterRoleBinding', 'rbac.authorization.k8s.io', 'v1', false),
  rt('clusterroles', 'ClusterRole', 'rbac.authorization.k8s.io', 'v1', false),
  rt('rolebindings', 'RoleBinding', 'rbac.authorization.k8s.io', 'v1', true),
  rt('roles', 'Role', 'rbac.authorization.k8s.io', 'v1', true),
  rt('priorityclasses', 'PriorityClass', 'scheduling.k8s.io', 'v1', false, ['pc']),
  rt('storageclasses', 'StorageClass', 'storage.k8s.io', 'v1', false, ['sc']),
  rt('customresourcedefinitions', 'CustomResourceDefinition', 'apiextensions.k8s.io', 'v1', false, ['crd', 'crds'], ['api-extensions']),
];

/** Kinds the simulator stores and serves objects for; every other discovered type lists as empty. */
export const STORED_KINDS = new Set([
  'Namespace',
  'Node',
  'Pod',
  'Service',
  'Endpoints',
  'EndpointSlice',
  'Deployment',
  'ReplicaSet',
  'DaemonSet',
  'ConfigMap',
  'Secret',
  'ServiceAccount',
  'Event',
  'NetworkPolicy',
  'Ingress',
]);

/** apiVersion string as written in manifests: `v1`, `apps/v1`. */
export function apiVersionOf(t: ResourceType): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

/** `plural[.group]` — the form NotFound / AlreadyExists messages use (`deployments.apps "x"`). */
export function qualifiedPlural(t: ResourceType): string {
  return t.group ? `${t.plural}.${t.group}` : t.plural;
}

/** `lower(kind)[.group]` — the form `-o name`, created/configured messages and multi-kind prefixes use. */
export function kindPrefix(t: ResourceType): string {
  return t.group ? `${t.singular}.${t.group}` : t.singular;
}

/** The preferred type for a Kind (core events win over events.k8s.io). */
export function typeForKind(kind: string, apiVersion?: string): ResourceType | undefined {
  const group = apiVersion?.includes('/') ? apiVersion.split('/')[0] : apiVersion === undefined ? undefined : '';
  const matches = RESOURCE_TYPES.filter((t) => t.kind === kind);
  if (group !== undefined) {
    const exact = matches.find((t) => t.group === group);
    if (exact) return exact;
  }
  return matches[0];
}

/** Is `apiVersion` one the server serves for this kind? */
export function servesApiVersion(t: ResourceType, apiVersion: string): boolean {
  return RESOURCE_TYPES.some((x) => x.kind === t.kind && apiVersionOf(x) === apiVersion);
}

/**
 * Resolve what a user typed as a resource type: plural, singular, short name, Kind (any case),
 * `plural.group`, `plural.version.group`. Returns undefined when the server has no such type.
 */
export function resolveResourceType(input: string): ResourceType | undefined {
  const s = input.toLowerCase();
  // Unqualified names prefer the core group, as discovery order does (events → core/v1 events).
  for (const t of RESOURCE_TYPES) {
    if (t.plural === s || t.singular === s || t.shortNames.includes(s)) return t;
  }
  const dot = s.indexOf('.');
  if (dot > 0) {
    const name = s.slice(0, dot);
    const rest = s.slice(dot + 1);
    for (const t of RESOURCE_TYPES) {
      if (!(t.plural === name || t.singular === name || t.shortNames.includes(name))) continue;
      if (rest === t.group || rest === `${t.version}.${t.group}`) return t;
      if (t.group === '' && rest === t.version) return t;
    }
  }
  return undefined;
}

export function typesInCategory(category: string): ResourceType[] {
  return RESOURCE_TYPES.filter((t) => t.categories.includes(category));
}
