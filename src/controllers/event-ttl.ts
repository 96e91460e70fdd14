import type { ControllerInput, Op } from './types.js';
import { addSecondsPure } from './kubelet/timing.js';

/** The API server keeps events for an hour (--event-ttl=1h) and then they are gone. */
export const EVENT_TTL_SECONDS = 3600;

export function expireEvents({ snapshot, now }: ControllerInput): Op[] {
  const ops: Op[] = [];
  let next: string | undefined;
  for (const ev of snapshot.list('Event')) {
    const seen: string = ev.lastTimestamp ?? ev.firstTimestamp ?? ev.metadata.creationTimestamp ?? now;
    const expires = addSecondsPure(seen, EVENT_TTL_SECONDS);
    if (expires <= now) ops.push({ op: 'delete', ref: { kind: 'Event', namespace: ev.metadata.namespace ?? 'default', name: ev.metadata.name } });
    else if (!next || expires < next) next = expires;
  }
  if (next) ops.push({ op: 'wake', at: next });
  return ops;
}
