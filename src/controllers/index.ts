import type { Controller } from './types.js';
import { reconcileNamespaces } from './namespace.js';
import { collectGarbage } from './garbage-collector.js';
import { reconcileDeployments } from './deployment.js';
import { reconcileReplicaSets } from './replicaset.js';
import { reconcileDaemonSets } from './daemonset.js';
import { schedulePods } from './scheduler.js';
import { runKubelet } from './kubelet/index.js';
import { reconcileEndpoints } from './endpoints.js';
import { reconcileEndpointSlices } from './endpointslices.js';
import { reconcileLoadBalancers } from './service.js';
import { expireEvents } from './event-ttl.js';
import { reconcileNodeTaints } from './node-lifecycle.js';

/** Every controller, in the order one reconcile pass runs them. */
export const CONTROLLERS: ReadonlyArray<[string, Controller]> = [
  ['namespace', reconcileNamespaces],
  ['garbage-collector', collectGarbage],
  ['deployment', reconcileDeployments],
  ['replicaset', reconcileReplicaSets],
  ['daemonset', reconcileDaemonSets],
  ['node-lifecycle', reconcileNodeTaints],
  ['scheduler', schedulePods],
  ['kubelet', runKubelet],
  ['endpoints', reconcileEndpoints],
  ['endpointslice', reconcileEndpointSlices],
  ['service-lb', reconcileLoadBalancers],
  ['event-ttl', expireEvents],
];
