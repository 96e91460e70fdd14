import type { KubeObject } from '../api/types.js';
import { makeEvent, type EventSource } from '../controllers/events.js';
import type { Session } from './session.js';

/** Records an Event about `obj` from a component outside the controllers (the host agent). */
export function recordEvent(session: Session, obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource): void {
  session.store.create(makeEvent(obj, type, reason, message, source, session.now, session.store.rng));
}
