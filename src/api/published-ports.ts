import type { Snapshot } from './snapshot.js';

/**
 * Whether any Service publishes a node port (NodePort or LoadBalancer): then the host agent has work.
 * Cheap: a scan of the Services only, run after every kubectl command that opened the cluster.
 */
export function publishesNodePorts(snapshot: Snapshot): boolean {
  return snapshot.list('Service').some((s) => (s.spec?.type === 'NodePort' || s.spec?.type === 'LoadBalancer') && (s.spec?.ports ?? []).some((p: { nodePort?: number }) => p.nodePort));
}
