/** The parts of the cluster a write (or a reconcile) needs, loaded together on demand. */
export { ApiServer } from './api-server.js';
export { reconcileAll } from './reconcile.js';
