/** A small in-memory cluster for the in-pod tool tests: three kind nodes, kube-dns, whoami, nginx. */
import { getProfile, type Profile } from '../../../src/api/profiles.js';
import type { KubeObject } from '../../../src/api/types.js';
import { execInContainer, type ExecResult } from '../../../src/runtime/exec.js';
import { service, slice, snapshotOf } from '../../network/factories.js';

export const profile: Profile = getProfile('default')!;
const [CP, W1, W2] = profile.nodes;

export function pod(name: string, ip: string, node: string, image: string, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}` },
    spec: { nodeName: node, containers: [{ name: 'app', image }], ...extra },
    status: { phase: 'Running', podIP: ip, containerStatuses: [{ name: 'app', containerID: `containerd://${name}` }] },
  };
}

export const SLEEP = pod('sleep', '10.244.1.2', W1.name, 'kiamol/ch03-sleep');
export const WHOAMI = pod('whoami', '10.244.2.2', W2.name, 'sixeyed/whoami:21.04');
export const NGINX = pod('web', '10.244.1.3', W1.name, 'nginx:1.27');
export const CURLIMG = pod('curl', '10.244.2.3', W2.name, 'curlimages/curl:8.11.1');
export const BUSYBOX = pod('bb', '10.244.0.5', CP.name, 'busybox:1.36');

export const snapshot = snapshotOf([
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-system' } },
  service('kube-dns', '10.96.0.10', [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }], { namespace: 'kube-system' }),
  slice('kube-dns', [{ ip: '10.244.0.2', node: CP.name }], [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }], 'kube-system'),
  service('whoami', '10.96.0.20', [{ port: 80 }]),
  slice('whoami', [{ ip: '10.244.2.2', node: W2.name }], [{ port: 80 }]),
  service('web', '10.96.0.30', [{ port: 80 }]),
  slice('web', [{ ip: '10.244.1.3', node: W1.name }], [{ port: 80 }]),
  service('empty', '10.96.0.40', [{ port: 80 }]),
  SLEEP,
  WHOAMI,
  NGINX,
  CURLIMG,
  BUSYBOX,
]);

/** Runs argv in a pod's first container (the same path `kubectl exec` takes). */
export function exec(p: KubeObject, argv: string[], stdin = ''): Promise<ExecResult> {
  return execInContainer({
    snapshot,
    profile,
    pod: p,
    container: p.spec.containers[0],
    record: undefined,
    containers: {},
    now: Date.UTC(2025, 0, 1),
    seed: 7,
    argv,
    stdin,
  });
}

/** `sh -c SCRIPT` in a pod. */
export const sh = (p: KubeObject, script: string, stdin = '') => exec(p, ['sh', '-c', script], stdin);
