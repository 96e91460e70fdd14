import { fnv32a } from '../hash.js';

/** RFC3339 (second precision) shifted by milliseconds; sub-second delays round up to the next second. */
export function after(ts: string, ms: number): string {
  const t = Date.parse(ts) + Math.ceil(ms / 1000) * 1000;
  return new Date(t).toISOString().replace('.000Z', 'Z');
}

/** Go's time.Duration.String() for a pull time: `512ms`, `4.1s`, `1.234s`. */
export function goDuration(ms: number): string {
  return ms < 1000 ? `${ms}ms` : `${String(ms / 1000)}s`;
}

/** How long pulling an image takes on a node that lacks it: stable per pod and container. */
export function pullMs(podUid: string, container: string): number {
  return 400 + (fnv32a(`${podUid}/${container}/pull`) % 3600);
}

/**
 * The kubelet's crash back-off before restarting a container that already restarted `restarts`
 * times: the first restart follows within a second (the pod shows `Error` meanwhile), then 10s
 * doubling up to 5 minutes (`CrashLoopBackOff`).
 */
export function backOffSeconds(restarts: number): number {
  if (restarts <= 0) return 1;
  return Math.min(300, 10 * 2 ** (restarts - 1));
}

/** Back-offs this short show the terminated container (`Error`/`Completed`), not CrashLoopBackOff. */
export const CRASH_LOOP_MIN_SECONDS = 10;

/** RFC3339Nano as container logs carry it: the second, then a stable, increasing fraction per line. */
export function logTime(ts: string, seq: number, salt: string): string {
  const nanos = (fnv32a(salt) % 400_000_000) + 100_000_000 + seq * 1_174_213;
  return ts.replace('Z', `.${String(nanos).padStart(9, '0')}Z`);
}

/** RFC3339 plus whole seconds. */
export function addSecondsPure(ts: string, seconds: number): string {
  return new Date(Date.parse(ts) + seconds * 1000).toISOString().replace('.000Z', 'Z');
}
