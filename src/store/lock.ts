import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { CliError } from '../errors.js';

/**
 * One writer at a time: an exclusive lock file beside the state file holding the owner's pid. A lock
 * whose owner is no longer alive, or that is older than STALE_MS, is taken over, so a crashed process
 * cannot leave the cluster stuck.
 */

/** A lock whose owner is still alive is only taken over when it is this old (a pid may have been reused). */
const STALE_MS = 10 * 60_000;
const WAIT_MS = 15_000;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Whether a process with this pid exists (signal 0 probes without signalling; EPERM means it does). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Is the lock at `path` abandoned (dead owner, unreadable, or too old)? */
export function isStale(path: string, now = Date.now()): boolean {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return false; // gone already: not ours to judge
  }
  const [pidText, since] = text.split('\n');
  const started = Date.parse(since ?? '');
  if (!processAlive(Number(pidText))) return true;
  return Number.isFinite(started) && now - started > STALE_MS;
}

export interface Lock {
  release(): void;
}

export function acquireLock(path: string, waitMs = WAIT_MS): Lock {
  const deadline = Date.now() + waitMs;
  for (let delay = 2; ; delay = Math.min(delay * 2, 50)) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n${new Date().toISOString()}\n`);
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            unlinkSync(path);
          } catch {
            /* already gone */
          }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    if (isStale(path)) {
      try {
        unlinkSync(path);
      } catch {
        /* another process took it over first */
      }
      continue;
    }
    if (Date.now() > deadline) {
      throw new CliError(`timed out waiting for the cluster state lock ${path} (held by another kubesim process)`);
    }
    sleepSync(delay);
  }
}
