import type { LogLine } from '../../api/snapshot.js';

/**
 * What servers wrote while one process in a pod talked to them, per container instance, in order.
 * The process's caller keeps these in the containers' runtime records (`kubectl logs` reads them).
 */
export class ServerLogs {
  readonly entries: Array<{ containerID: string; lines: LogLine[] }> = [];

  add(containerID: string, lines: LogLine[]): void {
    if (lines.length === 0) return;
    const e = this.entries.find((x) => x.containerID === containerID);
    if (e) e.lines.push(...lines);
    else this.entries.push({ containerID, lines: [...lines] });
  }

  /** Lines written so far in this process by one container. */
  pending(containerID: string): LogLine[] {
    return this.entries.find((x) => x.containerID === containerID)?.lines ?? [];
  }
}

/**
 * A log line's time as the runtime stamps it (RFC3339 with nanoseconds). Lines written at the same
 * simulated instant get increasing fractions so their order survives sorting and `--since-time`.
 */
export function logLineTime(now: number, seq: number): string {
  const d = new Date(now);
  const nanos = d.getUTCMilliseconds() * 1_000_000 + 1000 + seq * 1000;
  return `${d.toISOString().slice(0, 19)}.${String(nanos).padStart(9, '0')}Z`;
}
