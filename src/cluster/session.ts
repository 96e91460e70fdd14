import type { Profile } from '../api/profiles.js';
import { getProfile } from '../api/profiles.js';
import { CliError } from '../errors.js';
import { StateFile, stateDir } from '../store/file-store.js';
import { ObjectStore } from '../store/objects.js';
import type { State } from '../store/state.js';
import { Rng } from '../util/rng.js';
import { parseInstant, toTimestamp } from '../util/clock.js';
import type { ApiServer } from './api-server.js';

/** One invocation's view of the cluster: locked, loaded, reconciled; committed once at the end. */
export interface Session {
  state: State;
  store: ObjectStore;
  api: ApiServer;
  profile: Profile;
  now: string;
  /** Runs every controller to a fixpoint. */
  reconcile(): void;
  /** Reconciles, writes the state if anything changed, and releases the lock (once; later calls do nothing). */
  commit(): Promise<void>;
  /** Releases the lock without writing (used when a command failed). */
  abort(): void;
  /**
   * Runs `fn` (an editor, say) without holding the lock, then takes it again and picks up whatever
   * other commands wrote meanwhile. Only before this session has written anything.
   */
  whileUnlocked<T>(fn: () => T): T;
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

/** Nothing to do for the controllers: the last reconcile settled and nothing it waits for is due yet. */
function isSettled(state: State, now: string): boolean {
  return Boolean(state.settled) && (!state.wakeAt || now < state.wakeAt);
}

export interface OpenOptions {
  /**
   * The command only reads. When the stored cluster is settled, the controllers and the API server's
   * write path are then never loaded (start-up time of `kubectl get`).
   */
  readOnly?: boolean;
}

/** Opens the cluster in the state directory, creating the default cluster when there is none yet. */
export async function openSession(env: NodeJS.ProcessEnv, opts: OpenOptions = {}): Promise<Session> {
  // A read-only look at a settled cluster writes nothing, so it needs no lock: writers replace the file
  // atomically, so it always reads a whole state. Anything else takes the lock and reads again under it.
  let file = await StateFile.open(stateDir(env), { lock: false });
  if (!(opts.readOnly && file.state && isSettled(file.state, clockFor(env, file.state.cluster.frozenAt)))) {
    file = await StateFile.open(stateDir(env), { lock: true });
  }
  try {
    const state = file.state ?? (await import('./new-cluster.js')).newClusterState(env);
    const created = file.state === null;
    const profile = getProfile(state.cluster.profile);
    if (!profile) throw new CliError(`the cluster state names an unknown profile "${state.cluster.profile}"; run 'kubesim cluster reset'`);
    const now = clockFor(env, state.cluster.frozenAt);
    const rng = new Rng(state.cluster.rngState);
    const store = new ObjectStore(state, () => now, rng);
    store.dirty = created;
    const settled = isSettled(state, now);
    const engine = !opts.readOnly || !settled ? await import('./engine.js') : undefined;
    const api = engine ? new engine.ApiServer(store, profile) : undefined;
    // Time stands still: start-up and termination delays collapse (see ControllerInput.instant).
    const instant = Boolean(env.KUBESIM_NOW) || Boolean(state.cluster.frozenAt);
    const reconcile = () => {
      if (!engine) throw new Error('reconcile needs the cluster engine');
      engine.reconcileAll(store, profile, instant);
      if (!state.settled) {
        state.settled = true;
        store.dirty = true;
      }
    };
    if (!settled) reconcile();
    const writesAtOpen = store.writes;
    let committed = false;
    return {
      state,
      store,
      get api(): ApiServer {
        if (!api) throw new Error('this command opened the cluster read-only');
        return api;
      },
      profile,
      now,
      reconcile,
      async commit() {
        if (committed) return;
        committed = true;
        try {
          if (!file.locked && store.writes !== writesAtOpen) throw new Error('a read-only session was written to');
          if (store.writes !== writesAtOpen) {
            state.settled = false;
            reconcile();
          }
          state.cluster.rngState = rng.state;
          if (store.dirty) await file.save(state);
        } finally {
          file.release();
        }
      },
      abort() {
        file.release();
      },
      whileUnlocked<T>(fn: () => T): T {
        if (store.writes !== writesAtOpen || !file.locked) return fn();
        file.release();
        try {
          return fn();
        } finally {
          file.relock();
          const fresh = file.reloadSync();
          if (fresh && JSON.stringify(fresh) !== JSON.stringify(state)) {
            for (const k of Object.keys(state)) delete (state as unknown as Record<string, unknown>)[k];
            Object.assign(state, fresh);
            store.reindex();
            rng.state = fresh.cluster.rngState;
          }
        }
      },
    };
  } catch (e) {
    file.release();
    throw e;
  }
}
