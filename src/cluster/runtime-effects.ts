import type { RuntimeEffects } from '../api/snapshot.js';
import type { Session } from './session.js';

/**
 * Appends what servers logged to their containers' records — stamped no earlier than the record's
 * last line, so a log stays in time order when the simulated clock stands still — and keeps the
 * files a process wrote in its own container instance.
 */
export function keepEffects(session: Session, effects: RuntimeEffects): void {
  const containers = session.state.runtime?.containers ?? {};
  for (const { containerID, lines } of effects.logs) {
    const record = containers[containerID];
    if (!record || lines.length === 0) continue;
    for (const line of lines) {
      const last = record.log[record.log.length - 1]?.time;
      record.log.push(last !== undefined && line.time <= last ? { ...line, time: after(last) } : line);
    }
    session.store.dirty = true;
  }
  if (effects.files) {
    const record = containers[effects.files.containerID];
    if (record) {
      record.files = { ...(record.files ?? {}), ...effects.files.files };
      session.store.dirty = true;
    }
  }
}

/** The RFC3339Nano time one microsecond after `time`. */
function after(time: string): string {
  const m = time.match(/^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/);
  if (!m) return time;
  const nanos = Number((m[2] ?? '').padEnd(9, '0')) + 1000;
  if (nanos < 1e9) return `${m[1]}.${String(nanos).padStart(9, '0')}Z`;
  const next = new Date(Date.parse(`${m[1]}Z`) + 1000).toISOString().slice(0, 19);
  return `${next}.${String(nanos - 1e9).padStart(9, '0')}Z`;
}
