import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/api/types.js';
import { describeObject } from '../../../src/printers/describe/index.js';
import { computeQOS } from '../../../src/printers/describe/pod.js';
import { ctxOf, event, obj, text } from './helpers.js';

const defaultTolerations = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

const apiAccessVolume = {
  name: 'kube-api-access-7x9kq',
  projected: {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
    ],
  },
};

const apiAccessMount = { name: 'kube-api-access-7x9kq', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true };

const conditions = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ type, status: 'True' }));

/** `kubectl run nginx --image=nginx` on kind-worker, as in §3.3. */
function nginxPod(): KubeObject {
  return obj('Pod', 'nginx', {
    namespace: 'default',
    labels: { run: 'nginx' },
    metadata: { name: 'nginx', namespace: 'default', uid: 'pod-uid-nginx', labels: { run: 'nginx' }, creationTimestamp: '2024-04-15T10:21:07Z' },
    spec: {
      containers: [{ name: 'nginx', image: 'nginx', imagePullPolicy: 'Always', volumeMounts: [apiAccessMount] }],
      nodeName: 'kind-worker',
      priority: 0,
      serviceAccountName: 'default',
      tolerations: defaultTolerations,
      volumes: [apiAccessVolume],
    },
    status: {
      phase: 'Running',
      hostIP: '172.18.0.3',
      podIP: '10.244.1.2',
      podIPs: [{ ip: '10.244.1.2' }],
      startTime: '2024-04-15T10:21:07Z',
      qosClass: 'BestEffort',
      conditions,
      containerStatuses: [
        {
          name: 'nginx',
          containerID: 'containerd://3f1c0b5d2a...',
          image: 'docker.io/library/nginx:latest',
          imageID: 'docker.io/library/nginx@sha256:...',
          ready: true,
          restartCount: 0,
          started: true,
          state: { running: { startedAt: '2024-04-15T10:21:12Z' } },
        },
      ],
    },
  });
}

function nginxEvents(pod: KubeObject): KubeObject[] {
  const at = (s: number) => `2024-04-15T10:21:${String(s).padStart(2, '0')}Z`;
  return [
    event(pod, 'nginx.17c5f0a100000001', { reason: 'Scheduled', message: 'Successfully assigned default/nginx to kind-worker', from: 'default-scheduler', first: at(7) }),
    event(pod, 'nginx.17c5f0a100000002', { reason: 'Pulling', message: 'Pulling image "nginx"', from: 'kubelet', first: at(8) }),
    event(pod, 'nginx.17c5f0a100000003', { reason: 'Pulled', message: 'Successfully pulled image "nginx" in 4.1s (4.1s including waiting). Image size: 71026652 bytes.', from: 'kubelet', first: at(12) }),
    event(pod, 'nginx.17c5f0a100000004', { reason: 'Created', message: 'Created container nginx', from: 'kubelet', first: at(12) }),
    event(pod, 'nginx.17c5f0a100000005', { reason: 'Started', message: 'Started container nginx', from: 'kubelet', first: at(12) }),
  ];
}

describe('describe pod', () => {
  it('prints the §3.3 sample byte for byte', () => {
    const pod = nginxPod();
    // Store the events in reverse name order: describe must sort them by time itself.
    const objs = [pod, ...nginxEvents(pod).reverse()];
    expect(describeObject(pod, ctxOf(objs, '2024-04-15T10:21:19Z'))).toBe(text(POD_SAMPLE));
  });

  it('ignores events about another object with the same name (different uid)', () => {
    const pod = nginxPod();
    const old = { ...pod, metadata: { ...pod.metadata, uid: 'an-older-pod' } };
    const out = describeObject(pod, ctxOf([pod, event(old, 'nginx.0', { reason: 'Killing', message: 'x', from: 'kubelet', first: '2024-04-15T10:00:00Z' })], '2024-04-15T10:21:19Z'));
    expect(out.endsWith('Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\nEvents:                      <none>\n')).toBe(true);
  });

  it('shows an unscheduled pod with Node <none> and IPs <none>', () => {
    const pod = obj('Pod', 'pending', {
      namespace: 'default',
      spec: { containers: [{ name: 'c', image: 'busybox' }] },
      status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False' }] },
    });
    expect(describeObject(pod, ctxOf([pod]))).toBe(
      text([
        'Name:         pending',
        'Namespace:    default',
        'Node:         <none>',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Status:       Pending',
        'IP:           ',
        'IPs:          <none>',
        'Containers:',
        '  c:',
        '    Image:        busybox',
        '    Port:         <none>',
        '    Host Port:    <none>',
        '    Environment:  <none>',
        '    Mounts:       <none>',
        'Conditions:',
        '  Type           Status',
        '  PodScheduled   False ',
        'Volumes:         <none>',
        'QoS Class:       BestEffort',
        'Node-Selectors:  <none>',
        'Tolerations:     <none>',
        'Events:          <none>',
      ]),
    );
  });

  it('computes the QoS class when status has none', () => {
    const withRes = (resources: object) => obj('Pod', 'p', { spec: { containers: [{ name: 'a', resources }] } });
    expect(computeQOS(withRes({}))).toBe('BestEffort');
    expect(computeQOS(withRes({ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1000m', memory: '1024Mi' } }))).toBe('Guaranteed');
    expect(computeQOS(withRes({ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m', memory: '1Gi' } }))).toBe('Burstable');
    expect(computeQOS(withRes({ requests: { memory: '64Mi' } }))).toBe('Burstable');
  });
});

const POD_SAMPLE = [
    "Name:             nginx",
    "Namespace:        default",
    "Priority:         0",
    "Service Account:  default",
    "Node:             kind-worker/172.18.0.3",
    "Start Time:       Mon, 15 Apr 2024 10:21:07 +0000",
    "Labels:           run=nginx",
    "Annotations:      <none>",
    "Status:           Running",
    "IP:               10.244.1.2",
    "IPs:",
    "  IP:  10.244.1.2",
    "Containers:",
    "  nginx:",
    "    Container ID:   containerd://3f1c0b5d2a...",
    "    Image:          nginx",
    "    Image ID:       docker.io/library/nginx@sha256:...",
    "    Port:           <none>",
    "    Host Port:      <none>",
    "    State:          Running",
    "      Started:      Mon, 15 Apr 2024 10:21:12 +0000",
    "    Ready:          True",
    "    Restart Count:  0",
    "    Environment:    <none>",
    "    Mounts:",
    "      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-7x9kq (ro)",
    "Conditions:",
    "  Type                        Status",
    "  PodReadyToStartContainers   True ",
    "  Initialized                 True ",
    "  Ready                       True ",
    "  ContainersReady             True ",
    "  PodScheduled                True ",
    "Volumes:",
    "  kube-api-access-7x9kq:",
    "    Type:                    Projected (a volume that contains injected data from multiple sources)",
    "    TokenExpirationSeconds:  3607",
    "    ConfigMapName:           kube-root-ca.crt",
    "    ConfigMapOptional:       <nil>",
    "    DownwardAPI:             true",
    "QoS Class:                   BestEffort",
    "Node-Selectors:              <none>",
    "Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s",
    "                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s",
    "Events:",
    "  Type    Reason     Age   From               Message",
    "  ----    ------     ----  ----               -------",
    "  Normal  Scheduled  12s   default-scheduler  Successfully assigned default/nginx to kind-worker",
    "  Normal  Pulling    11s   kubelet            Pulling image \"nginx\"",
    "  Normal  Pulled     7s    kubelet            Successfully pulled image \"nginx\" in 4.1s (4.1s including waiting). Image size: 71026652 bytes.",
    "  Normal  Created    7s    kubelet            Created container nginx",
    "  Normal  Started    7s    kubelet            Started container nginx",
  ];
