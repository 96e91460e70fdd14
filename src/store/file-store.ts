import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectRoot } from '../util/project-root.js';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { CliError } from '../errors.js';
import { acquireLock, type Lock } from './lock.js';
import type { State } from './state.js';

/** `state/` at the project root unless KUBESIM_STATE_DIR says otherwise. */
export function stateDir(env: NodeJS.ProcessEnv): string {
  if (env.KUBESIM_STATE_DIR) return resolve(env.KUBESIM_STATE_DIR);
  return join(projectRoot(), 'state');
}

export function statePath(dir: string): string {
  return join(dir, 'cluster.json');
}

/**
 * The state file, opened under the lock. lowdb reads and writes it (its file adapter writes through a
 * temp file and a rename, so a reader never sees half a file). It is built by hand rather than with
 * JSONFilePreset, which silently swaps in an in-memory adapter under NODE_ENV=test.
 */
export class StateFile {
  private constructor(
    readonly path: string,
    private readonly db: Low<State | null>,
    private lock: Lock | undefined,
  ) {}

  static async open(dir: string, opts: { lock: boolean }): Promise<StateFile> {
    mkdirSync(dir, { recursive: true });
    const path = statePath(dir);
    const lock = opts.lock ? acquireLock(`${path}.lock`) : undefined;
    // Compact JSON (lowdb's JSONFile indents): a smaller file parses faster on every command.
    const db = new Low<State | null>(new DataFile<State | null>(path, { parse: JSON.parse, stringify: (d) => JSON.stringify(d) }), null);
    try {
      await db.read();
    } catch (e) {
      lock?.release();
      const why = e instanceof SyntaxError ? 'it is not valid JSON' : (e as Error).message;
      throw new CliError(`the cluster state file ${path} cannot be read (${why}); run 'kubesim cluster reset' to start a fresh cluster`);
    }
    const data = db.data as unknown;
    if (data !== null && !isState(data)) {
      lock?.release();
      throw new CliError(`the cluster state file ${path} is not a kubesim state; run 'kubesim cluster reset' to start a fresh cluster`);
    }
    return new StateFile(path, db, lock);
  }

  get locked(): boolean {
    return this.lock !== undefined;
  }

  get state(): State | null {
    return this.db.data;
  }

  async save(state: State): Promise<void> {
    if (!this.lock) throw new Error(`cannot write ${this.path} without holding its lock`);
    this.db.data = state;
    await this.db.write();
  }

  release(): void {
    this.lock?.release();
  }

  /** Takes the lock again after release() (for a session that let others write meanwhile). */
  relock(): void {
    if (this.lock) this.lock = acquireLock(`${this.path}.lock`);
  }

  /** Reads the file again, synchronously; null when it is gone or unreadable. */
  reloadSync(): State | null {
    try {
      const data = JSON.parse(readFileSync(this.path, 'utf8')) as unknown;
      if (!isState(data)) return null;
      this.db.data = data;
      return data;
    } catch {
      return null;
    }
  }
}

function isState(v: unknown): v is State {
  const s = v as State;
  return typeof s === 'object' && s !== null && s.version === 1 && typeof s.cluster === 'object' && typeof s.objects === 'object';
}

/** Used by `cluster reset`: set a corrupt file aside rather than overwrite it silently. */
export function moveAside(path: string, stamp: string): string {
  const aside = `${path}.${stamp}.bak`;
  renameSync(path, aside);
  return aside;
}

export function writeRaw(path: string, text: string): void {
  writeFileSync(path, text);
}
