/** Kubernetes timestamps have second precision: `2024-04-15T10:21:07Z`. */
export function toTimestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** The instant a frozen-clock cluster stands still at, unless KUBESIM_NOW names another. */
export const DEFAULT_FROZEN_AT = '2025-01-01T00:00:00Z';

/** Parses an RFC3339 instant; undefined when it is not one. */
export function parseInstant(s: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s)) return undefined;
  const ms = Date.parse(s);
  return Number.isFinite(ms) ? ms : undefined;
}

export function addSeconds(ts: string, seconds: number): string {
  return toTimestamp(Date.parse(ts) + seconds * 1000);
}
