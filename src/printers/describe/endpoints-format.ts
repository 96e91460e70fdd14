import type { Json, KubeObject } from '../../api/types.js';
import { joinHostPort } from './containers.js';

const MAX = 3;

/**
 * Collects up to 3 entries and counts the rest, reproducing describe.go's loop: the "more" flag is
 * raised as soon as a 4th candidate is *seen*, before the not-ready check, so three ready endpoints
 * followed by a not-ready one print `a,b,c + 0 more...` (a real kubectl quirk).
 */
class Collector {
  list: string[] = [];
  more = false;
  count = 0;

  offer(value: () => string, ready: boolean): void {
    if (this.list.length === MAX) this.more = true;
    if (!ready) return;
    if (!this.more) this.list.push(value());
    this.count++;
  }

  result(): string {
    const joined = this.list.join(',');
    return this.more ? `${joined} + ${this.count - MAX} more...` : joined;
  }
}

/**
 * formatEndpointSlices (kubectl 1.31+): `ip:port` for the slice ports whose name equals `portName`,
 * endpoint by endpoint; `<none>` when there is no slice at all, '' when slices have nothing matching.
 * kubectl 1.32 skips endpoints whose `conditions.ready` is false (unset counts as ready); 1.31 lists them.
 * Slices without ports (headless) contribute bare addresses.
 */
export function formatEndpointSlices(slices: KubeObject[], portName: string, skipNotReady: boolean): string {
  if (slices.length === 0) return '<none>';
  const c = new Collector();
  const isReady = (ep: Json) => !skipNotReady || ep.conditions?.ready !== false;
  for (const slice of slices) {
    const endpoints: Json[] = slice.endpoints ?? [];
    const ports: Json[] = slice.ports ?? [];
    if (ports.length === 0) {
      for (const ep of endpoints) c.offer(() => ep.addresses?.[0] ?? '', isReady(ep));
      continue;
    }
    for (const port of ports) {
      if ((port.name ?? '') !== portName) continue;
      for (const ep of endpoints) c.offer(() => joinHostPort(ep.addresses?.[0] ?? '', port.port ?? 0), isReady(ep));
    }
  }
  return c.result();
}

/**
 * formatEndpoints (kubectl 1.29/1.30): the same from the Endpoints object, subset by subset, ready
 * `addresses` only; `<none>` when the object is missing or has no subsets.
 */
export function formatEndpoints(ep: KubeObject | undefined, portName: string): string {
  const subsets: Json[] = ep?.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const c = new Collector();
  for (const ss of subsets) {
    const addresses: Json[] = ss.addresses ?? [];
    const ports: Json[] = ss.ports ?? [];
    if (ports.length === 0) {
      for (const a of addresses) c.offer(() => a.ip, true);
      continue;
    }
    for (const port of ports) {
      if ((port.name ?? '') !== portName) continue;
      for (const a of addresses) c.offer(() => joinHostPort(a.ip, port.port), true);
    }
  }
  return c.result();
}

/** The EndpointSlices a Service owns: label `kubernetes.io/service-name=⟨svc⟩` in its namespace. */
export function slicesForService(list: KubeObject[], serviceName: string): KubeObject[] {
  return list.filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === serviceName);
}
