import type { KubeObject, ObjectRef } from '../api/types.js';
import type { Allocations, Snapshot } from '../api/snapshot.js';
import type { Profile } from '../api/profiles.js';
import type { Rng } from '../util/rng.js';

/** What a controller asks for. The reconcile loop applies these; controllers never write. */
export type Op =
  | { op: 'create'; obj: KubeObject }
  | { op: 'update'; obj: KubeObject }
  | { op: 'delete'; ref: ObjectRef }
  | { op: 'reserve-pod-ip'; node: string; ip: string };

/** Everything a controller may read. */
export interface ControllerInput {
  snapshot: Snapshot;
  profile: Profile;
  allocations: Readonly<Allocations>;
  /** RFC3339, second precision. */
  now: string;
  rng: Rng;
}

export type Controller = (input: ControllerInput) => Op[];
