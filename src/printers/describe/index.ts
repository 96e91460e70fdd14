/**
 * `kubectl describe` output for every kind the simulator stores. Pure: everything comes in through the
 * object and the DescribeContext (snapshot, clock, kubectl version).
 */
import type { KubeObject } from '../../api/types.js';
import type { DescribeContext } from './context.js';
import { describeConfigMap } from './configmap.js';
import { describeDaemonSet } from './daemonset.js';
import { describeDeployment } from './deployment.js';
import { describeEndpoints } from './endpoints.js';
import { describeEndpointSlice } from './endpointslice.js';
import { describeGeneric } from './generic.js';
import { describeIngress } from './ingress.js';
import { describeNamespace } from './namespace.js';
import { describeNetworkPolicy } from './networkpolicy.js';
import { describeNode } from './node.js';
import { describePod } from './pod.js';
import { describeReplicaSet } from './replicaset.js';
import { describeSecret } from './secret.js';
import { describeService } from './service.js';
import { describeServiceAccount } from './serviceaccount.js';
import { describeStatefulSet } from './statefulset.js';

export type { DescribeContext } from './context.js';

type Describer = (obj: KubeObject, ctx: DescribeContext) => string;

/** Kind → describer; kinds not listed use the generic describer (as kubectl does for Event, Lease, CRDs). */
const DESCRIBERS: Record<string, Describer> = {
  ConfigMap: describeConfigMap,
  DaemonSet: describeDaemonSet,
  Deployment: describeDeployment,
  Endpoints: describeEndpoints,
  EndpointSlice: describeEndpointSlice,
  Ingress: describeIngress,
  Namespace: describeNamespace,
  NetworkPolicy: describeNetworkPolicy,
  Node: describeNode,
  Pod: describePod,
  ReplicaSet: describeReplicaSet,
  Secret: describeSecret,
  Service: describeService,
  ServiceAccount: describeServiceAccount,
  StatefulSet: describeStatefulSet,
};

/** Describes one object; the text ends with a newline. */
export function describeObject(obj: KubeObject, ctx: DescribeContext): string {
  const describer = DESCRIBERS[obj.kind] ?? describeGeneric;
  return describer(obj, ctx);
}

/**
 * Several descriptions the way `kubectl describe` prints them: the first as is, each further one after
 * `\n\n` — so two empty lines separate objects.
 */
export function describeMany(objs: KubeObject[], ctx: DescribeContext): string {
  return objs.map((o) => describeObject(o, ctx)).join('\n\n');
}

/** Kinds with a dedicated describer (others fall back to the generic one). */
export function hasDedicatedDescriber(kind: string): boolean {
  return kind in DESCRIBERS;
}
