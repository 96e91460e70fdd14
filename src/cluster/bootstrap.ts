import type { Profile } from '../api/profiles.js';
import type { ClusterRecord, State } from '../store/state.js';
import { ObjectStore } from '../store/objects.js';
import { Rng } from '../util/rng.js';
import { addSeconds } from '../util/clock.js';
import { admitObject } from './admission.js';
import { reconcileAll } from './reconcile.js';
import { dnsObjects, kubernetesService, nodeAgents, nodeObject, staticPods, systemNamespaces } from './system-objects.js';

export interface CreateOptions {
  profile: Profile;
  kubectlVersion: string;
  seed: number;
  /** The instant the cluster is created at. */
  now: string;
  frozen: boolean;
}

/**
 * A fresh cluster's state. Like a real one, it was brought up a little before the user's first command:
 * the control plane two minutes earlier, workers joining after it (so CoreDNS lands on the control
 * plane, as on kind), and every system pod running.
 */
export function createClusterState(o: CreateOptions): State {
  const cluster: ClusterRecord = {
    name: o.profile.contextName,
    profile: o.profile.name,
    kubectlVersion: o.kubectlVersion,
    seed: o.seed,
    rngState: o.seed,
    createdAt: o.now,
    ...(o.frozen ? { frozenAt: o.now } : {}),
  };
  const state: State = { version: 1, cluster, resourceVersion: 100, objects: {}, allocations: { lastPodIP: {} } };
  const rng = new Rng(o.seed);
  let clock = addSeconds(o.now, -120);
  const store = new ObjectStore(state, () => clock, rng);
  const add = (obj: Parameters<typeof admitObject>[0]) => store.create(admitObject(obj, rng));

  systemNamespaces(o.profile).forEach(add);
  const [first, ...rest] = o.profile.nodes;
  const firstNode = add(nodeObject(o.profile, first, 0, clock));
  kubernetesService(o.profile).forEach(add);
  if (first.controlPlane && o.profile.staticControlPlanePods) staticPods(o.profile, firstNode).forEach(add);
  dnsObjects(o.profile).forEach(add);
  nodeAgents(o.profile).forEach(add);
  clock = addSeconds(o.now, -110);
  reconcileAll(store, o.profile, true);
  clock = addSeconds(o.now, -100);
  rest.forEach((n, i) => add(nodeObject(o.profile, n, i + 1, clock)));
  reconcileAll(store, o.profile, true);
  state.cluster.rngState = rng.state;
  return state;
}
