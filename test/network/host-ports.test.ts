import { describe, expect, it } from 'vitest';
import { hostPortsFor } from '../../src/network/host-ports.js';
import { publishesNodePorts } from '../../src/api/published-ports.js';
import { getProfile } from '../../src/api/profiles.js';
import { service, snapshotOf } from './factories.js';

describe('host ports the agent publishes', () => {
  const snap = snapshotOf([
    service('plain', '10.96.0.10', [{ port: 80 }]),
    service('np', '10.96.0.11', [{ name: 'http', port: 8080, targetPort: 80, nodePort: 30010 }, { name: 'dns', port: 53, protocol: 'UDP', nodePort: 30053 }], { type: 'NodePort' }),
    service('lb', '10.96.0.12', [{ port: 8081, targetPort: 80, nodePort: 31000 }], { type: 'LoadBalancer', namespace: 'web' }),
  ]);

  it('publishes TCP node ports everywhere and LoadBalancer ports only where the profile answers on localhost', () => {
    const desktop = hostPortsFor(snap, getProfile('docker-desktop')!);
    expect(desktop.map((h) => [h.hostPort, `${h.namespace}/${h.service}`, h.via, h.nodePort])).toEqual([
      [30010, 'default/np', 'NodePort', 30010],
      [31000, 'web/lb', 'NodePort', 31000],
      [8081, 'web/lb', 'LoadBalancer', 31000],
    ]);
    const kind = hostPortsFor(snap, getProfile('kind')!);
    expect(kind.map((h) => h.hostPort)).toEqual([30010, 31000]);
  });

  it('shifts every host port by the offset and drops ports it pushes out of range', () => {
    expect(hostPortsFor(snap, getProfile('docker-desktop')!, 1000).map((h) => h.hostPort)).toEqual([31010, 32000, 9081]);
    expect(hostPortsFor(snap, getProfile('docker-desktop')!, 36000).map((h) => h.hostPort)).toEqual([44081]);
  });

  it('says whether anything needs the agent', () => {
    expect(publishesNodePorts(snap)).toBe(true);
    expect(publishesNodePorts(snapshotOf([service('plain', '10.96.0.10', [{ port: 80 }])]))).toBe(false);
  });
});
