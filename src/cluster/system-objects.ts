import type { KubeObject } from '../api/types.js';
import type { NodeProfile, Profile } from '../api/profiles.js';
import { nthAddress } from '../controllers/ipam.js';
import { pseudoDigest } from '../controllers/images.js';

/**
 * The objects a fresh cluster of a profile has before anyone types a command: namespaces, nodes, the
 * `kubernetes` and `kube-dns` Services, CoreDNS, kube-proxy (and the profile's CNI) DaemonSets and the
 * control plane's static pods. Pods of Deployments and DaemonSets are left to the controllers.
 */

const ns = (name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { labels: { 'kubernetes.io/metadata.name': name }, name },
  spec: { finalizers: ['kubernetes'] },
  status: { phase: 'Active' },
});

export function systemNamespaces(p: Profile): KubeObject[] {
  return ['default', 'kube-node-lease', 'kube-public', 'kube-system', ...p.extraNamespaces].map(ns);
}

function shortVersion(v: string): string {
  return v.replace(/^v(\d+\.\d+\.\d+).*$/, 'v$1');
}

export function nodeObject(p: Profile, n: NodeProfile, index: number, created: string): KubeObject {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': n.hostname ?? n.name,
    'kubernetes.io/os': 'linux',
  };
  if (n.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  const addresses = [{ address: n.internalIP, type: 'InternalIP' }];
  if (n.internalDNS) addresses.push({ address: n.internalDNS, type: 'InternalDNS' });
  addresses.push({ address: n.hostname ?? n.name, type: 'Hostname' });
  if (n.externalIP) addresses.push({ address: n.externalIP, type: 'ExternalIP' });
  const cond = (type: string, status: string, reason: string, message: string) => ({
    lastHeartbeatTime: created,
    lastTransitionTime: created,
    message,
    reason,
    status,
    type,
  });
  const id = (salt: string) => pseudoDigest(`${salt}/${p.name}/${n.name}/${index}`).slice(0, 32);
  const resources = { cpu: '8', 'ephemeral-storage': '263112772Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '32863308Ki', pods: '110' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': p.containerRuntime.startsWith('docker') ? 'unix:///var/run/cri-dockerd.sock' : 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
      creationTimestamp: created,
      labels,
      name: n.name,
    },
    spec: {
      podCIDR: n.podCIDR,
      podCIDRs: [n.podCIDR],
      ...(n.providerID ? { providerID: n.providerID } : {}),
      ...(n.controlPlane && p.nodes.length > 1 ? { taints: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }] } : {}),
    },
    status: {
      addresses,
      allocatable: resources,
      capacity: resources,
      conditions: [
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: uuidish(id('b0')),
        containerRuntimeVersion: p.containerRuntime,
        kernelVersion: p.kernelVersion,
        kubeProxyVersion: shortVersion(p.kubernetesVersion),
        kubeletVersion: p.kubernetesVersion,
        machineID: id('a1'),
        operatingSystem: 'linux',
        osImage: p.osImage,
        systemUUID: uuidish(id('c2')),
      },
    },
  };
}

function uuidish(h: string): string {
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function kubernetesService(p: Profile): KubeObject[] {
  const ip = nthAddress(p.serviceCIDR, 1);
  const port = { name: 'https', port: p.apiServerPort, protocol: 'TCP' };
  return [
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { labels: { component: 'apiserver', provider: 'kubernetes' }, name: 'kubernetes', namespace: 'default' },
      spec: {
        clusterIP: ip,
        clusterIPs: [ip],
        internalTrafficPolicy: 'Cluster',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: p.apiServerPort }],
        sessionAffinity: 'None',
        type: 'ClusterIP',
      },
      status: { loadBalancer: {} },
    },
    {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' }, name: 'kubernetes', namespace: 'default' },
      subsets: [{ addresses: p.apiServerEndpoints.map((a) => ({ ip: a })), ports: [port] }],
    },
    {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { labels: { 'kubernetes.io/service-name': 'kubernetes' }, name: 'kubernetes', namespace: 'default' },
      addressType: 'IPv4',
      endpoints: p.apiServerEndpoints.map((a) => ({ addresses: [a], conditions: { ready: true } })),
      ports: [port],
    },
  ];
}

export function dnsObjects(p: Profile): KubeObject[] {
  const ip = nthAddress(p.serviceCIDR, 10);
  const labels = { 'k8s-app': 'kube-dns' };
  const corefile = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success cluster.local
       disable denial cluster.local
    }
    loop
    reload
    loadbalance
}
`;
  return [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'coredns', namespace: 'kube-system' } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'coredns', namespace: 'kube-system' }, data: { Corefile: corefile } },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
        labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
        name: 'kube-dns',
        namespace: 'kube-system',
      },
      spec: {
        clusterIP: ip,
        clusterIPs: [ip],
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
          { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
        ],
        selector: labels,
        type: 'ClusterIP',
      },
      status: { loadBalancer: {} },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { labels, name: 'coredns', namespace: 'kube-system' },
      spec: {
        replicas: p.corednsReplicas,
        selector: { matchLabels: labels },
        strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 }, type: 'RollingUpdate' },
        template: {
          metadata: { labels },
          spec: {
            containers: [
              {
                args: ['-conf', '/etc/coredns/Corefile'],
                image: 'registry.k8s.io/coredns/coredns:v1.11.3',
                livenessProbe: { failureThreshold: 5, httpGet: { path: '/health', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 60, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 5 },
                name: 'coredns',
                ports: [
                  { containerPort: 53, name: 'dns', protocol: 'UDP' },
                  { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
                  { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
                ],
                readinessProbe: { failureThreshold: 3, httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' }, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1 },
                resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
                volumeMounts: [{ mountPath: '/etc/coredns', name: 'config-volume', readOnly: true }],
              },
            ],
            dnsPolicy: 'Default',
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            priorityClassName: 'system-cluster-critical',
            serviceAccountName: 'coredns',
            tolerations: [
              { key: 'CriticalAddonsOnly', operator: 'Exists' },
              { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' },
            ],
            volumes: [{ configMap: { items: [{ key: 'Corefile', path: 'Corefile' }], name: 'coredns' }, name: 'config-volume' }],
          },
        },
      },
    },
  ];
}

function nodeDaemonSet(name: string, image: string, command: string[], labels: Record<string, string>): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { labels, name, namespace: 'kube-system' },
    spec: {
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [{ command, image, name, securityContext: { privileged: true } }],
          hostNetwork: true,
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          priorityClassName: 'system-node-critical',
          serviceAccountName: name,
          tolerations: [{ operator: 'Exists' }],
        },
      },
    },
  };
}

export function nodeAgents(p: Profile): KubeObject[] {
  const v = shortVersion(p.kubernetesVersion);
  const out = [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'kube-proxy', namespace: 'kube-system' } } as KubeObject,
    nodeDaemonSet('kube-proxy', `registry.k8s.io/kube-proxy:${v}`, ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'], { 'k8s-app': 'kube-proxy' }),
  ];
  if (p.name === 'default' || p.name === 'kind') {
    out.push({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'kindnet', namespace: 'kube-system' } });
    out.push(nodeDaemonSet('kindnet', 'docker.io/kindest/kindnetd:v20250214-acbabc1a', ['/bin/kindnetd'], { app: 'kindnet', 'k8s-app': 'kindnet', tier: 'node' }));
  }
  if (p.name === 'eks') {
    out.push({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'aws-node', namespace: 'kube-system' } });
    out.push(nodeDaemonSet('aws-node', '602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.19.2-eksbuild.1', ['/app/aws-vpc-cni'], { 'app.kubernetes.io/name': 'aws-node', 'k8s-app': 'aws-node' }));
  }
  return out;
}

/** Static pods (`<component>-<node>`) on the control-plane node, owned by the Node as the kubelet's mirror pods are. */
export function staticPods(p: Profile, node: KubeObject): KubeObject[] {
  const v = shortVersion(p.kubernetesVersion);
  const components: Array<[string, string]> = [
    ['etcd', 'registry.k8s.io/etcd:3.5.16-0'],
    ['kube-apiserver', `registry.k8s.io/kube-apiserver:${v}`],
    ['kube-controller-manager', `registry.k8s.io/kube-controller-manager:${v}`],
    ['kube-scheduler', `registry.k8s.io/kube-scheduler:${v}`],
  ];
  return components.map(([component, image]) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      // A static pod as the API server sees it: the kubelet's mirror of a manifest file.
      annotations: {
        'kubernetes.io/config.hash': pseudoDigest(`${component}/${node.metadata.name}`).slice(0, 32),
        'kubernetes.io/config.mirror': pseudoDigest(`${component}/${node.metadata.name}`).slice(0, 32),
        'kubernetes.io/config.seen': node.metadata.creationTimestamp!.replace('Z', '.000000000Z'),
        'kubernetes.io/config.source': 'file',
      },
      labels: { component, tier: 'control-plane' },
      name: `${component}-${node.metadata.name}`,
      namespace: 'kube-system',
      ownerReferences: [{ apiVersion: 'v1', controller: true, kind: 'Node', name: node.metadata.name, uid: node.metadata.uid! }],
    },
    spec: {
      containers: [{ command: [component], image, name: component }],
      hostNetwork: true,
      nodeName: node.metadata.name,
      priority: 2000001000,
      priorityClassName: 'system-node-critical',
      tolerations: [{ effect: 'NoExecute', operator: 'Exists' }],
    },
    status: { phase: 'Pending', qosClass: 'Burstable' },
  }));
}
