import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import { addServiceAccountVolume, applyDefaults, defaultPullPolicy } from '../../src/api/defaults/index.js';

const TERMINATION = { terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' };
const TOLERATIONS = [
  { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
  { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
];
const TEMPLATE_SPEC_DEFAULTS = {
  dnsPolicy: 'ClusterFirst',
  restartPolicy: 'Always',
  schedulerName: 'default-scheduler',
  securityContext: {},
  terminationGracePeriodSeconds: 30,
};

function template(containers: unknown[]): Record<string, unknown> {
  return { metadata: { labels: { app: 'web' } }, spec: { containers } };
}

describe('defaultPullPolicy', () => {
  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['docker.io/library/nginx:latest', 'Always'],
    ['nginx:1.25', 'IfNotPresent'],
    ['localhost:5000/team/app', 'Always'],
    ['localhost:5000/team/app:v2', 'IfNotPresent'],
    [`nginx@sha256:${'a'.repeat(64)}`, 'IfNotPresent'],
    [`nginx:latest@sha256:${'a'.repeat(64)}`, 'Always'],
    ['Nginx', 'IfNotPresent'],
    ['', 'IfNotPresent'],
  ])('%s → %s', (image, want) => expect(defaultPullPolicy(image)).toBe(want));
});

describe('applyDefaults', () => {
  it('fills in a Pod the way the server and its admission plugins do', () => {
    const input: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default', labels: { run: 'p' } },
      spec: {
        containers: [
          {
            name: 'web',
            image: 'nginx:1.25',
            ports: [{ containerPort: 80 }],
            resources: { limits: { cpu: '500m' } },
            readinessProbe: { httpGet: { port: 80 } },
            env: [{ name: 'NS', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }],
          },
        ],
        volumes: [{ name: 'scratch' }, { name: 'cfg', configMap: { name: 'c' } }, { name: 'host', hostPath: { path: '/x' } }],
      },
    };
    const before = JSON.stringify(input);
    expect(applyDefaults(input)).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default', labels: { run: 'p' } },
      spec: {
        containers: [
          {
            name: 'web',
            image: 'nginx:1.25',
            imagePullPolicy: 'IfNotPresent',
            ports: [{ containerPort: 80, protocol: 'TCP' }],
            resources: { limits: { cpu: '500m' }, requests: { cpu: '500m' } },
            readinessProbe: { httpGet: { path: '/', port: 80, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
            env: [{ name: 'NS', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } } }],
            ...TERMINATION,
          },
        ],
        volumes: [
          { name: 'scratch', emptyDir: {} },
          { name: 'cfg', configMap: { name: 'c', defaultMode: 420 } },
          { name: 'host', hostPath: { path: '/x', type: '' } },
        ],
        ...TEMPLATE_SPEC_DEFAULTS,
        enableServiceLinks: true,
        preemptionPolicy: 'PreemptLowerPriority',
        priority: 0,
        serviceAccount: 'default',
        serviceAccountName: 'default',
        tolerations: TOLERATIONS,
      },
    });
    expect(JSON.stringify(input)).toBe(before);
  });

  it('keeps explicit pod values and only adds missing default tolerations', () => {
    const out = applyDefaults({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: {
        serviceAccountName: 'builder',
        restartPolicy: 'Never',
        terminationGracePeriodSeconds: 0,
        tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }],
        containers: [{ name: 'c', image: 'busybox', imagePullPolicy: 'Never' }],
      },
    });
    expect(out.spec.serviceAccount).toBe('builder');
    expect(out.spec.restartPolicy).toBe('Never');
    expect(out.spec.terminationGracePeriodSeconds).toBe(0);
    expect(out.spec.containers[0].imagePullPolicy).toBe('Never');
    expect(out.spec.tolerations).toEqual([
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
      TOLERATIONS[0],
    ]);
  });

  it('defaults a Deployment and its pod template (no pod-only fields in templates)', () => {
    const input: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: { selector: { matchLabels: { app: 'web' } }, template: template([{ name: 'nginx', image: 'nginx', resources: {} }]), strategy: {} },
    };
    expect(applyDefaults(input).spec).toEqual({
      replicas: 1,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: {
        metadata: { creationTimestamp: null, labels: { app: 'web' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx', imagePullPolicy: 'Always', resources: {}, ...TERMINATION }], ...TEMPLATE_SPEC_DEFAULTS },
      },
    });
  });

  it('leaves a Recreate strategy without rollingUpdate', () => {
    const d = applyDefaults({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { replicas: 3, strategy: { type: 'Recreate' } } });
    expect(d.spec.strategy).toEqual({ type: 'Recreate' });
    expect(d.spec.replicas).toBe(3);
  });

  it('defaults ReplicaSets and DaemonSets', () => {
    const rs = applyDefaults({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'r' }, spec: { template: template([]) } });
    expect(rs.spec.replicas).toBe(1);
    expect(rs.spec.revisionHistoryLimit).toBeUndefined();
    expect(rs.spec.template.metadata.creationTimestamp).toBeNull();
    const ds = applyDefaults({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'd' }, spec: { template: template([]) } });
    expect(ds.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } });
    expect(ds.spec.revisionHistoryLimit).toBe(10);
    expect(ds.spec.replicas).toBeUndefined();
    expect(ds.spec.template.spec).toEqual({ containers: [], ...TEMPLATE_SPEC_DEFAULTS });
  });

  const service = (spec: Record<string, unknown>): KubeObject =>
    applyDefaults({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default' }, spec });
  const SINGLE_STACK = { internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', sessionAffinity: 'None' };

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      'ClusterIP',
      { ports: [{ port: 80 }], selector: { app: 'web' } },
      { ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], selector: { app: 'web' }, type: 'ClusterIP', ...SINGLE_STACK },
    ],
    [
      'NodePort',
      { type: 'NodePort', ports: [{ port: 80, targetPort: 'http', protocol: 'UDP' }] },
      { type: 'NodePort', ports: [{ port: 80, protocol: 'UDP', targetPort: 'http' }], externalTrafficPolicy: 'Cluster', ...SINGLE_STACK },
    ],
    [
      'LoadBalancer',
      { type: 'LoadBalancer', ports: [{ port: 443 }] },
      { type: 'LoadBalancer', ports: [{ port: 443, protocol: 'TCP', targetPort: 443 }], externalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true, ...SINGLE_STACK },
    ],
    ['ExternalName', { type: 'ExternalName', externalName: 'example.com' }, { type: 'ExternalName', externalName: 'example.com', sessionAffinity: 'None' }],
    [
      'headless with selector',
      { clusterIP: 'None', selector: { app: 'db' } },
      { clusterIP: 'None', clusterIPs: ['None'], selector: { app: 'db' }, type: 'ClusterIP', ...SINGLE_STACK },
    ],
    [
      'headless without selector',
      { clusterIP: 'None' },
      { clusterIP: 'None', clusterIPs: ['None'], type: 'ClusterIP', internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: 'RequireDualStack', sessionAffinity: 'None' },
    ],
    [
      'ClientIP affinity',
      { sessionAffinity: 'ClientIP', ports: [{ port: 80 }] },
      { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } }, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], type: 'ClusterIP', internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' },
    ],
  ])('defaults a %s Service', (_, spec, want) => expect(service(spec).spec).toEqual(want));

  it('defaults Secrets, Namespaces, Endpoints, NetworkPolicies and leaves ConfigMaps alone', () => {
    expect(applyDefaults({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } }).type).toBe('Opaque');
    expect(applyDefaults({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type: 'kubernetes.io/tls' }).type).toBe('kubernetes.io/tls');
    expect(applyDefaults({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev', labels: { team: 'a' } } })).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'dev', labels: { team: 'a', 'kubernetes.io/metadata.name': 'dev' } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
    const ep = applyDefaults({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'e' }, subsets: [{ addresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80 }] }] });
    expect(ep.subsets[0].ports).toEqual([{ port: 80, protocol: 'TCP' }]);
    const np = applyDefaults({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'n' }, spec: { podSelector: {}, egress: [{ ports: [{ port: 53 }] }] } });
    expect(np.spec).toEqual({ podSelector: {}, egress: [{ ports: [{ port: 53, protocol: 'TCP' }] }], policyTypes: ['Ingress', 'Egress'] });
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1' } };
    expect(applyDefaults(cm)).toEqual(cm);
  });
});

describe('addServiceAccountVolume', () => {
  const MOUNT = { mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: 'kube-api-access-x7k2p', readOnly: true };
  const VOLUME = {
    name: 'kube-api-access-x7k2p',
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    },
  };
  const pod = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });

  it('adds the projected volume and a read-only mount in every container', () => {
    const input = pod({
      initContainers: [{ name: 'init', image: 'busybox' }],
      containers: [{ name: 'a', image: 'nginx', volumeMounts: [{ name: 'data', mountPath: '/data' }] }, { name: 'b', image: 'nginx' }],
      volumes: [{ name: 'data', emptyDir: {} }],
    });
    const out = addServiceAccountVolume(input, 'x7k2p');
    expect(out.spec.volumes).toEqual([{ name: 'data', emptyDir: {} }, VOLUME]);
    expect(out.spec.initContainers[0].volumeMounts).toEqual([MOUNT]);
    expect(out.spec.containers[0].volumeMounts).toEqual([{ name: 'data', mountPath: '/data' }, MOUNT]);
    expect(out.spec.containers[1].volumeMounts).toEqual([MOUNT]);
    expect(input.spec.volumes).toHaveLength(1);
  });

  it('respects automountServiceAccountToken: false and existing mounts', () => {
    const off = pod({ automountServiceAccountToken: false, containers: [{ name: 'a', image: 'x' }] });
    expect(addServiceAccountVolume(off, 'abcde')).toEqual(off);
    const own = pod({ containers: [{ name: 'a', image: 'x', volumeMounts: [{ name: 't', mountPath: MOUNT.mountPath }] }] });
    expect(addServiceAccountVolume(own, 'abcde').spec.volumes).toBeUndefined();
  });
});
