import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/api/types.js';
import { describeObject } from '../../../src/printers/describe/index.js';
import { nodeRoles } from '../../../src/printers/describe/node.js';
import { ctxOf, event, obj, text } from './helpers.js';

function kindWorker(): KubeObject {
  return obj('Node', 'kind-worker', {
    metadata: {
      name: 'kind-worker',
      uid: 'node-uid-1',
      creationTimestamp: '2024-04-15T10:05:31Z',
      labels: {
        'kubernetes.io/os': 'linux',
        'beta.kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': 'kind-worker',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
      },
      annotations: {
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
      },
    },
    spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'], providerID: 'kind://docker/kind/kind-worker' },
    status: {
      conditions: [
        { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: '2024-04-15T10:21:31Z', lastTransitionTime: '2024-04-15T10:05:31Z', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
        { type: 'Ready', status: 'True', lastHeartbeatTime: '2024-04-15T10:21:31Z', lastTransitionTime: '2024-04-15T10:05:49Z', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
      ],
      addresses: [
        { type: 'InternalIP', address: '172.18.0.3' },
        { type: 'Hostname', address: 'kind-worker' },
      ],
      capacity: { cpu: '8', 'ephemeral-storage': '263112772Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '32863308Ki', pods: '110' },
      nodeInfo: {
        machineID: 'a1b2...',
        systemUUID: 'c3d4...',
        bootID: 'e5f6...',
        kernelVersion: '6.5.0-1018-azure',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        operatingSystem: 'linux',
        architecture: 'amd64',
        containerRuntimeVersion: 'containerd://1.7.13',
        kubeletVersion: 'v1.29.2',
        kubeProxyVersion: 'v1.29.2',
      },
    },
  });
}

const lease = obj('Lease', 'kind-worker', {
  apiVersion: 'coordination.k8s.io/v1',
  namespace: 'kube-node-lease',
  spec: { holderIdentity: 'kind-worker', leaseDurationSeconds: 40, renewTime: '2024-04-15T10:25:02.123456Z' },
});

function pod(ns: string, name: string, node: string, resources: object, phase = 'Running', created = '2024-04-15T10:06:00Z'): KubeObject {
  return obj('Pod', name, {
    namespace: ns,
    metadata: { name, namespace: ns, creationTimestamp: created },
    spec: { nodeName: node, containers: [{ name: 'c', image: 'x', resources }] },
    status: { phase },
  });
}

const kindnet = pod('kube-system', 'kindnet-5pzmw', 'kind-worker', { limits: { cpu: '100m', memory: '50Mi' }, requests: { cpu: '100m', memory: '50Mi' } });
const kubeProxy = pod('kube-system', 'kube-proxy-x8wqf', 'kind-worker', {});
const NOW = '2024-04-15T10:25:10Z';

describe('describe node', () => {
  it('prints the §3.6 sample byte for byte', () => {
    const others = [
      pod('default', 'elsewhere', 'kind-worker2', { requests: { cpu: '1' } }),
      pod('default', 'done', 'kind-worker', { requests: { cpu: '1' } }, 'Succeeded'),
    ];
    const n = kindWorker();
    expect(describeObject(n, ctxOf([n, lease, kubeProxy, kindnet, ...others], NOW))).toBe(text(NODE_SAMPLE));
  });

  it('prints roles, sorted taints, <unset> lease fields when no Lease exists, and kubelet events keyed by node name', () => {
    const n = kindWorker();
    n.metadata.name = 'kind-control-plane';
    n.metadata.labels = { 'node-role.kubernetes.io/control-plane': '' };
    n.spec.taints = [
      { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
      { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
      { key: 'dedicated', value: 'gpu', effect: 'NoExecute' },
    ];
    n.spec.unschedulable = true;
    const kubeletEvent = event(n, 'kind-control-plane.1', { reason: 'NodeNotSchedulable', message: 'Node kind-control-plane status is now: NodeNotSchedulable', from: 'kubelet', first: '2024-04-15T10:24:00Z' });
    kubeletEvent.involvedObject.uid = 'kind-control-plane';
    const out = describeObject(n, ctxOf([n, kubeletEvent], NOW));
    expect(out).toContain(
      text([
        'Name:               kind-control-plane',
        'Roles:              control-plane',
        'Labels:             node-role.kubernetes.io/control-plane=',
      ]),
    );
    expect(out).toContain(
      text([
        'Taints:             dedicated=gpu:NoExecute',
        '                    node-role.kubernetes.io/control-plane:NoSchedule',
        '                    node.kubernetes.io/unschedulable:NoSchedule',
        'Unschedulable:      true',
        'Lease:',
        '  HolderIdentity:  <unset>',
        '  AcquireTime:     <unset>',
        '  RenewTime:       <unset>',
      ]),
    );
    expect(out).toContain('Non-terminated Pods:          (0 in total)\n');
    expect(out.endsWith('  Normal  NodeNotSchedulable  70s   kubelet  Node kind-control-plane status is now: NodeNotSchedulable\n')).toBe(true);
  });

  it('finds roles from node-role labels and kubernetes.io/role', () => {
    expect(nodeRoles({ 'node-role.kubernetes.io/worker': '', 'kubernetes.io/role': 'master', 'node-role.kubernetes.io/': 'x' })).toEqual(['master', 'worker']);
  });
});

const NODE_SAMPLE = [
    "Name:               kind-worker",
    "Roles:              <none>",
    "Labels:             beta.kubernetes.io/arch=amd64",
    "                    beta.kubernetes.io/os=linux",
    "                    kubernetes.io/arch=amd64",
    "                    kubernetes.io/hostname=kind-worker",
    "                    kubernetes.io/os=linux",
    "Annotations:        kubeadm.alpha.kubernetes.io/cri-socket: unix:///run/containerd/containerd.sock",
    "                    node.alpha.kubernetes.io/ttl: 0",
    "                    volumes.kubernetes.io/controller-managed-attach-detach: true",
    "CreationTimestamp:  Mon, 15 Apr 2024 10:05:31 +0000",
    "Taints:             <none>",
    "Unschedulable:      false",
    "Lease:",
    "  HolderIdentity:  kind-worker",
    "  AcquireTime:     <unset>",
    "  RenewTime:       Mon, 15 Apr 2024 10:25:02 +0000",
    "Conditions:",
    "  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message",
    "  ----             ------  -----------------                 ------------------                ------                       -------",
    "  MemoryPressure   False   Mon, 15 Apr 2024 10:21:31 +0000   Mon, 15 Apr 2024 10:05:31 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available",
    "  Ready            True    Mon, 15 Apr 2024 10:21:31 +0000   Mon, 15 Apr 2024 10:05:49 +0000   KubeletReady                 kubelet is posting ready status",
    "Addresses:",
    "  InternalIP:  172.18.0.3",
    "  Hostname:    kind-worker",
    "Capacity:",
    "  cpu:                8",
    "  ephemeral-storage:  263112772Ki",
    "  hugepages-1Gi:      0",
    "  hugepages-2Mi:      0",
    "  memory:             32863308Ki",
    "  pods:               110",
    "System Info:",
    "  Machine ID:                 a1b2...",
    "  System UUID:                c3d4...",
    "  Boot ID:                    e5f6...",
    "  Kernel Version:             6.5.0-1018-azure",
    "  OS Image:                   Debian GNU/Linux 12 (bookworm)",
    "  Operating System:           linux",
    "  Architecture:               amd64",
    "  Container Runtime Version:  containerd://1.7.13",
    "  Kubelet Version:            v1.29.2",
    "  Kube-Proxy Version:         v1.29.2",
    "PodCIDR:                      10.244.1.0/24",
    "PodCIDRs:                     10.244.1.0/24",
    "ProviderID:                   kind://docker/kind/kind-worker",
    "Non-terminated Pods:          (2 in total)",
    "  Namespace                   Name                CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age",
    "  ---------                   ----                ------------  ----------  ---------------  -------------  ---",
    "  kube-system                 kindnet-5pzmw       100m (1%)     100m (1%)   50Mi (0%)        50Mi (0%)      19m",
    "  kube-system                 kube-proxy-x8wqf    0 (0%)        0 (0%)      0 (0%)           0 (0%)         19m",
    "Allocated resources:",
    "  (Total limits may be over 100 percent, i.e., overcommitted.)",
    "  Resource           Requests   Limits",
    "  --------           --------   ------",
    "  cpu                100m (1%)  100m (1%)",
    "  memory             50Mi (0%)  50Mi (0%)",
    "  ephemeral-storage  0 (0%)     0 (0%)",
    "  hugepages-1Gi      0 (0%)     0 (0%)",
    "  hugepages-2Mi      0 (0%)     0 (0%)",
    "Events:              <none>",
  ];
