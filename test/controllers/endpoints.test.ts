import { describe, expect, it } from 'vitest';
import { reconcileEndpoints } from '../../src/controllers/endpoints.js';
import { reconcileEndpointSlices } from '../../src/controllers/endpointslices.js';
import { input, pod, service } from './fixtures.js';

const created = (ops: ReturnType<typeof reconcileEndpoints>) => ops.filter((o) => o.op === 'create').map((o) => (o as { obj: Record<string, unknown> }).obj);

describe('endpoints controller', () => {
  it('lists ready pods as addresses sorted by IP and not-ready ones apart, with the named target port', () => {
    const svc = service('web', { app: 'web' }, [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' }]);
    const ports = [{ name: 'http', containerPort: 8080 }];
    const objs = [
      svc,
      pod('b', { labels: { app: 'web' }, node: 'w1', ip: '10.244.1.10', ports }),
      pod('a', { labels: { app: 'web' }, node: 'w2', ip: '10.244.1.9', ports }),
      pod('c', { labels: { app: 'web' }, node: 'w2', ip: '10.244.2.3', ports, ready: false }),
      pod('d', { labels: { app: 'other' }, node: 'w2', ip: '10.244.2.4', ports }),
    ];
    const [ep] = created(reconcileEndpoints(input(objs))) as Array<{ subsets: Array<{ addresses: Array<{ ip: string }>; notReadyAddresses: Array<{ ip: string }>; ports: unknown[] }> }>;
    expect(ep.subsets).toHaveLength(1);
    expect(ep.subsets[0].addresses.map((a) => a.ip)).toEqual(['10.244.1.9', '10.244.1.10']);
    expect(ep.subsets[0].notReadyAddresses.map((a) => a.ip)).toEqual(['10.244.2.3']);
    expect(ep.subsets[0].ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
  });

  it('writes an Endpoints object without subsets when nothing matches', () => {
    const [ep] = created(reconcileEndpoints(input([service('none', { app: 'x' }, [{ port: 80 }])])));
    expect(ep).toMatchObject({ kind: 'Endpoints', metadata: { name: 'none' } });
    expect(ep).not.toHaveProperty('subsets');
  });

  it('leaves services without a selector alone (user-managed endpoints)', () => {
    expect(reconcileEndpoints(input([service('manual', undefined, [{ port: 80 }])]))).toEqual([]);
  });

  it('names slices <svc>-<5 chars> with the service-name label and every matching pod', () => {
    const objs = [service('whoami', { app: 'whoami' }, [{ name: 'http', port: 80, targetPort: 80 }]), pod('whoami', { labels: { app: 'whoami' }, node: 'w1', ip: '10.244.1.2' })];
    const [slice] = created(reconcileEndpointSlices(input(objs))) as Array<{ metadata: { name: string; labels: Record<string, string> }; endpoints: Array<{ addresses: string[] }>; ports: unknown[] }>;
    expect(slice.metadata.name).toMatch(/^whoami-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice.metadata.labels['kubernetes.io/service-name']).toBe('whoami');
    expect(slice.endpoints.map((e) => e.addresses[0])).toEqual(['10.244.1.2']);
    expect(slice.ports).toEqual([{ name: 'http', port: 80, protocol: 'TCP' }]);
  });
});
