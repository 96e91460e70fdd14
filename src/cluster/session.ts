import type { Profile } from '../api/profiles.js';
import { getProfile } from '../api/profiles.js';
import { CliError } from '../errors.js';
import { StateFile, stateDir } from '../store/file-store.js';
import { ObjectStore } from '../store/objects.js';
import type { State } from '../store/state.js';
import { Rng } from '../util/rng.js';
import { DEFAULT_FROZEN_AT, parseInstant, toTimestamp } from '../util/clock.js';
import { ApiServer } from './api-server.js';
import { createClusterState } from './bootstrap.js';
import { reconcileAll } from './reconcile.js';

/** One invocation's view of the cluster: locked, loaded, reconciled; committed once at the end. */
export interface Session {
  state: State;
  store: ObjectStore;
  api: ApiServer;
  profile: Profile;
  now: string;
  /** Runs every controller to a fixpoint. */
  reconcile(): void;
  /** Reconciles, writes the state if anything changed, and releases the lock. */
  commit(): Promise<void>;
  /** Releases the lock without writing (used when a command failed). */
  abort(): void;
}

/** The current instant for a cluster: KUBESIM_NOW, else the frozen instant, else the wall clock. */
export function clockFor(env: NodeJS.ProcessEnv, frozenAt?: string): string {
  if (env.KUBESIM_NOW) {
    const ms = parseInstant(env.KUBESIM_NOW);
    if (ms === undefined) throw new CliError(`KUBESIM_NOW must be an RFC3339 time such as 2024-04-15T10:21:07Z, not "${env.KUBESIM_NOW}"`);
    return toTimestamp(ms);
  }
  return frozenAt ?? toTimestamp(Date.now());
}

export interface NewClusterOptions {
  profile?: string;
  kubectlVersion?: string;
  seed?: number;
  frozen?: boolean;
}

/** Builds a new cluster state from options and the environment (KUBESIM_SEED, KUBESIM_NOW, KUBESIM_PROFILE). */
export function newClusterState(env: NodeJS.ProcessEnv, o: NewClusterOptions = {}): State {
  const profileName = o.profile ?? env.KUBESIM_PROFILE ?? 'default';
  const profile = getProfile(profileName);
  if (!profile) throw new CliError(`unknown profile "${profileName}"`);
  const seedText = o.seed ?? env.KUBESIM_SEED;
  const seed = seedText === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(seedText);
  if (!Number.isInteger(seed) || seed < 0) throw new CliError(`the seed must be a non-negative integer, not "${seedText}"`);
  const frozen = o.frozen ?? false;
  const now = frozen && !env.KUBESIM_NOW ? DEFAULT_FROZEN_AT : clockFor(env);
  return createClusterState({ profile, kubectlVersion: o.kubectlVersion ?? '1.32', seed, now, frozen });
}

/** Opens the cluster in the state directory, creating the default cluster when there is none yet. */
export async function openSession(env: NodeJS.ProcessEnv): Promise<Session> {
  const file = await StateFile.open(stateDir(env), { lock: true });
  try {
    const state = file.state ?? newClusterState(env);
    const created = file.state === null;
    const profile = getProfile(state.cluster.profile);
    if (!profile) throw new CliError(`the cluster state names an unknown profile "${state.cluster.profile}"; run 'kubesim cluster reset'`);
    const now = clockFor(env, state.cluster.frozenAt);
    const rng = new Rng(state.cluster.rngState);
    const store = new ObjectStore(state, () => now, rng);
    store.dirty = created;
    const api = new ApiServer(store, profile);
    const reconcile = () => reconcileAll(store, profile);
    reconcile();
    return {
      state,
      store,
      api,
      profile,
      now,
      reconcile,
      async commit() {
        try {
          reconcile();
          state.cluster.rngState = rng.state;
          if (store.dirty) await file.save(state);
        } finally {
          file.release();
        }
      },
      abort() {
        file.release();
      },
    };
  } catch (e) {
    file.release();
    throw e;
  }
}
