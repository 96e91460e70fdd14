import type { KubeObject, ObjectRef } from '../api/types.js';
import type { Allocations, ContainerRecord, PodPlan, RuntimeState, Snapshot } from '../api/snapshot.js';
import type { Profile } from '../api/profiles.js';
import type { Rng } from '../util/rng.js';

/** What a controller asks for. The reconcile loop applies these; controllers never write. */
export type Op =
  | { op: 'create'; obj: KubeObject }
  | { op: 'update'; obj: KubeObject }
  /**
   * Delete as a client of the API server would: pods that run get a deletionTimestamp and terminate
   * gracefully. `final` is the kubelet removing a pod whose containers have stopped.
   */
  | { op: 'delete'; ref: ObjectRef; final?: boolean }
  | { op: 'reserve-pod-ip'; node: string; ip: string }
  /** Record (or forget, with null) a container instance in the runtime's memory. */
  | { op: 'container'; id: string; record: ContainerRecord | null }
  /** Record (or forget) the kubelet's plan for a pod. */
  | { op: 'pod-plan'; uid: string; plan: PodPlan | null }
  /** Something is due at this instant: reconcile again then, even if nothing is written before. */
  | { op: 'wake'; at: string };

/** Everything a controller may read. */
export interface ControllerInput {
  snapshot: Snapshot;
  profile: Profile;
  allocations: Readonly<Allocations>;
  /** RFC3339, second precision. */
  now: string;
  rng: Rng;
  /** The runtime's memory (read-only; change it with 'container' / 'pod-plan' ops). */
  runtime: Readonly<RuntimeState>;
  /**
   * Time stands still (frozen clock or KUBESIM_NOW): start-up and termination delays collapse to
   * nothing, so a command sees their outcome at once. Process lifetimes and back-off do not collapse.
   */
  instant: boolean;
}

export type Controller = (input: ControllerInput) => Op[];
