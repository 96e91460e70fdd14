import type { KubeObject } from '../../api/types.js';
import { CliError } from '../../errors.js';
import { typedOrder } from '../run/typed.js';

/**
 * The pure half of `kubectl expose` (and of `kubectl run --expose`): what kubectl's polymorphic helpers
 * read off the exposed object (selector, ports, protocols, labels) and the Service it builds from them
 * (expose.go createService). Errors carry kubectl's texts; the command adds its prefixes.
 */

/** schema.GroupKind's String(): `Node`, `DaemonSet.apps`. */
export function groupKindString(obj: KubeObject): string {
  const group = obj.apiVersion?.includes('/') ? obj.apiVersion.split('/')[0] : '';
  return group ? `${obj.kind}.${group}` : obj.kind;
}

const EXPOSABLE = new Set(['/ReplicationController', '/Service', '/Pod', 'apps/Deployment', 'apps/ReplicaSet', 'extensions/Deployment', 'extensions/ReplicaSet']);

/** canBeExposed: only pods, services, replication controllers, deployments and replica sets. */
export function checkExposable(obj: KubeObject): void {
  const group = obj.apiVersion?.includes('/') ? obj.apiVersion.split('/')[0] : '';
  if (!EXPOSABLE.has(`${group}/${obj.kind}`)) throw new CliError(`cannot expose a ${groupKindString(obj)}`);
}

/** polymorphichelpers.MakeLabels: `k=v,k2=v2` (Go map order; the result is parsed back into a map). */
export function makeLabels(m: Record<string, string> | undefined): string {
  return Object.entries(m ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

interface LabelSelectorRequirement {
  key?: string;
  operator?: string;
  values?: string[];
}

/** Go's `%+v` of []metav1.LabelSelectorRequirement: `[{Key:app Operator:In Values:[a b]}]`. */
function goRequirements(reqs: LabelSelectorRequirement[]): string {
  return `[${reqs.map((r) => `{Key:${r.key ?? ''} Operator:${r.operator ?? ''} Values:[${(r.values ?? []).join(' ')}]}`).join(' ')}]`;
}

/** The selector of an apps Deployment or ReplicaSet; `what` is `deployment` or `replicaset`. */
function appsSelector(obj: KubeObject, what: string): string {
  const sel = obj.spec?.selector as { matchLabels?: Record<string, string>; matchExpressions?: LabelSelectorRequirement[] } | undefined;
  if (!sel || Object.keys(sel.matchLabels ?? {}).length === 0) throw new CliError(`invalid ${what}: no selectors, therefore cannot be exposed`);
  if ((sel.matchExpressions ?? []).length > 0) {
    throw new CliError(`couldn't convert expressions - "${goRequirements(sel.matchExpressions!)}" to map-based selector format`);
  }
  return makeLabels(sel.matchLabels);
}

/** MapBasedSelectorForObject: the pod selector the new service will use. */
export function selectorForObject(obj: KubeObject): string {
  switch (obj.kind) {
    case 'ReplicationController':
      return makeLabels(obj.spec?.selector);
    case 'Pod':
      if (Object.keys(obj.metadata?.labels ?? {}).length === 0) throw new CliError('the pod has no labels and cannot be exposed');
      return makeLabels(obj.metadata.labels);
    case 'Service':
      // A nil selector is refused; an empty one passes here and fails later ("selector must be specified").
      if (obj.spec?.selector === undefined || obj.spec?.selector === null) throw new CliError('the service has no pod selector set');
      return makeLabels(obj.spec.selector);
    case 'Deployment':
      return appsSelector(obj, 'deployment');
    case 'ReplicaSet':
      return appsSelector(obj, 'replicaset');
    default:
      throw new CliError(`cannot extract pod selector from *v1.${obj.kind}`);
  }
}

type PortLike = { containerPort?: number; port?: number; protocol?: string };

/** The ports an object declares: its containers' (or, for a service, its own), as kubectl lists them. */
function declaredPorts(obj: KubeObject): Array<{ port: number; protocol: string }> {
  const fromPodSpec = (spec: { containers?: Array<{ ports?: PortLike[] }> } | undefined) =>
    (spec?.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => ({ port: p.containerPort ?? 0, protocol: p.protocol || 'TCP' })));
  switch (obj.kind) {
    case 'Pod':
      return fromPodSpec(obj.spec);
    case 'Service':
      return ((obj.spec?.ports ?? []) as PortLike[]).map((p) => ({ port: p.port ?? 0, protocol: p.protocol || 'TCP' }));
    default:
      return fromPodSpec(obj.spec?.template?.spec);
  }
}

/** PortsForObject: the distinct port numbers, first occurrence first. */
export function portsForObject(obj: KubeObject): string[] {
  const out: string[] = [];
  for (const p of declaredPorts(obj)) if (!out.includes(String(p.port))) out.push(String(p.port));
  return out;
}

/** MultiProtocolsForObject: port → the protocols declared for it (TCP when unset), in declaration order. */
export function protocolsForObject(obj: KubeObject): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const p of declaredPorts(obj)) m.set(String(p.port), [...(m.get(String(p.port)) ?? []), p.protocol]);
  return m;
}

/** expose.go parseLabels (and generate.ParseLabels): `k=v` items, exactly one `=` each. */
export function parseSelectorMap(spec: string): Record<string, string> {
  if (spec === '') throw new CliError('no label spec passed');
  const out: Record<string, string> = {};
  for (const item of spec.split(',')) {
    const kv = item.split('=');
    if (kv.length !== 2) throw new CliError(`unexpected label spec: ${item}`);
    if (kv[0] === '') throw new CliError('unexpected empty label key');
    out[kv[0]] = kv[1];
  }
  return out;
}

/** What createService is given (expose's options after introspection). */
export interface ServiceParams {
  /** --name, else the exposed object's name (truncated to 63). */
  name: string;
  selector: string;
  labels: string;
  /** One port, or several comma separated (introspection of a multi-port object, or `--port=80,81`). */
  ports: string;
  protocol: string;
  protocols?: Map<string, string[]>;
  targetPort: string;
  externalIP: string;
  type: string;
  loadBalancerIP: string;
  sessionAffinity: string;
  clusterIP: string;
}

/** intstr.Parse: a number when it reads as one, else the string (a port name). */
export function intOrString(s: string): number | string {
  return /^[+-]?\d+$/.test(s) && Math.abs(Number(s)) <= 2 ** 31 - 1 ? Number(s) : s;
}

function atoi(s: string): number {
  if (!/^[+-]?\d+$/.test(s)) throw new CliError(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  return Number(s);
}

interface ServicePort {
  name?: string;
  protocol: string;
  port: number;
  targetPort?: number | string;
}

function servicePorts(p: ServiceParams): ServicePort[] {
  const ports: ServicePort[] = [];
  if (!p.ports) return ports;
  const list = p.ports.split(',');
  list.forEach((portString, i) => {
    const port = atoi(portString);
    // Several ports need distinct names: port-1, port-2, …
    const name = list.length > 1 ? `port-${i + 1}` : '';
    let protocol = p.protocol;
    const multi = p.protocols && p.protocols.size > 0;
    if (!protocol && !multi) protocol = 'TCP';
    else if (!protocol && multi) {
      protocol = 'TCP';
      const found = p.protocols!.get(portString);
      if (found && found.length > 1) {
        // One port served over several protocols: one service port per protocol.
        for (const proto of found) ports.push({ name: `port-${i + 1}-${proto.toLowerCase()}`, protocol: proto, port });
        return;
      }
      if (found) protocol = found[0];
    }
    ports.push({ ...(name ? { name } : {}), protocol, port });
  });
  return ports;
}

/** expose.go createService: the Service object, typed (Go field order). */
export function createService(p: ServiceParams): KubeObject {
  if (!p.selector) throw new CliError('selector must be specified');
  const selector = parseSelectorMap(p.selector);
  const labels = p.labels ? parseSelectorMap(p.labels) : undefined;
  if (!p.name) throw new CliError('name must be specified');
  const ports = servicePorts(p);
  const target = p.targetPort ? intOrString(p.targetPort) : undefined;
  for (const sp of ports) sp.targetPort = target ?? sp.port;
  const spec: Record<string, unknown> = {};
  if (ports.length) spec.ports = ports;
  spec.selector = selector;
  if (p.externalIP) spec.externalIPs = [p.externalIP];
  if (p.type) spec.type = p.type;
  if (spec.type === 'LoadBalancer' && p.loadBalancerIP) spec.loadBalancerIP = p.loadBalancerIP;
  if (p.sessionAffinity) {
    if (p.sessionAffinity !== 'None' && p.sessionAffinity !== 'ClientIP') throw new CliError(`unknown session affinity: ${p.sessionAffinity}`);
    spec.sessionAffinity = p.sessionAffinity;
  }
  if (p.clusterIP) spec.clusterIP = p.clusterIP;
  const metadata: KubeObject['metadata'] = { name: p.name, creationTimestamp: null as unknown as string };
  if (labels) metadata.labels = labels;
  return typedOrder({ kind: 'Service', apiVersion: 'v1', metadata, spec, status: { loadBalancer: {} } });
}
