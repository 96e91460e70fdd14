/**
 * Profiles: the things that differ between real clusters, as data. Values follow what each platform
 * really shows (kubectl-output.md §7.2, walkthroughs.md).
 */

export interface NodeProfile {
  name: string;
  controlPlane: boolean;
  internalIP: string;
  /** Listed last in status.addresses, as the docs' `grep ExternalIP -C 1` relies on. */
  externalIP?: string;
  /** The node's pod range (a /24 unless the platform gives otherwise). */
  podCIDR: string;
  hostname?: string;
  internalDNS?: string;
  providerID?: string;
}

/** What a LoadBalancer Service gets in status.loadBalancer.ingress. */
export type LoadBalancerMode = 'localhost' | 'ip' | 'elb-hostname' | 'pending';

export interface Profile {
  name: string;
  description: string;
  /** Used for kubeconfig context/cluster names. */
  contextName: string;
  serverURL: string;
  kubernetesVersion: string;
  nodes: NodeProfile[];
  clusterCIDR: string;
  serviceCIDR: string;
  /** The apiserver address the `kubernetes` Endpoints list. */
  apiServerEndpoints: string[];
  apiServerPort: number;
  loadBalancer: LoadBalancerMode;
  osImage: string;
  kernelVersion: string;
  containerRuntime: string;
  corednsReplicas: number;
  /** Extra search domains appended to pods' resolv.conf. */
  hostSearchDomains: string[];
  /** Static control-plane pods exist on the control-plane node (kubeadm-style clusters). */
  staticControlPlanePods: boolean;
  extraNamespaces: string[];
  region?: string;
  /**
   * Whether the platform's CNI enforces NetworkPolicy. Where it does not, policies are stored, listed and
   * described like anywhere else but change nothing on the data plane — exactly what users of such a
   * cluster see (the API server accepts them; no agent programs them).
   */
  enforcesNetworkPolicy: boolean;
}

const kindLike = (prefix: string): NodeProfile[] => [
  { name: `${prefix}-control-plane`, controlPlane: true, internalIP: '172.18.0.2', podCIDR: '10.244.0.0/24', providerID: `kind://docker/${prefix}/${prefix}-control-plane` },
  { name: `${prefix}-worker`, controlPlane: false, internalIP: '172.18.0.3', podCIDR: '10.244.1.0/24', providerID: `kind://docker/${prefix}/${prefix}-worker` },
  { name: `${prefix}-worker2`, controlPlane: false, internalIP: '172.18.0.4', podCIDR: '10.244.2.0/24', providerID: `kind://docker/${prefix}/${prefix}-worker2` },
].map((n) => ({ ...n, hostname: n.name }));

const PROFILES: Profile[] = [
  {
    name: 'default',
    description: 'three nodes (a control plane and two workers), LoadBalancer on localhost',
    contextName: 'kubesim',
    serverURL: 'https://127.0.0.1:6443',
    kubernetesVersion: 'v1.32.2',
    nodes: kindLike('kubesim'),
    clusterCIDR: '10.244.0.0/16',
    serviceCIDR: '10.96.0.0/12',
    apiServerEndpoints: ['172.18.0.2'],
    apiServerPort: 6443,
    loadBalancer: 'localhost',
    osImage: 'Debian GNU/Linux 12 (bookworm)',
    kernelVersion: '6.8.0-1021-azure',
    containerRuntime: 'containerd://1.7.24',
    corednsReplicas: 2,
    hostSearchDomains: [],
    staticControlPlanePods: true,
    extraNamespaces: [],
    // kind-like (kindnet); kindnet enforces NetworkPolicy since kind v0.24 (kube-network-policies), and a
    // Kubernetes 1.32 kind cluster is newer than that — so policy labs work on the default cluster.
    enforcesNetworkPolicy: true,
  },
  {
    name: 'docker-desktop',
    description: 'Docker Desktop: one node, pods in 10.1.0.0/16, LoadBalancer on localhost',
    contextName: 'docker-desktop',
    serverURL: 'https://kubernetes.docker.internal:6443',
    kubernetesVersion: 'v1.32.2',
    nodes: [{ name: 'docker-desktop', controlPlane: true, internalIP: '192.168.65.3', podCIDR: '10.1.0.0/24', hostname: 'docker-desktop' }],
    clusterCIDR: '10.1.0.0/16',
    serviceCIDR: '10.96.0.0/12',
    apiServerEndpoints: ['192.168.65.3'],
    apiServerPort: 6443,
    loadBalancer: 'localhost',
    osImage: 'Docker Desktop',
    kernelVersion: '6.10.14-linuxkit',
    containerRuntime: 'docker://27.4.0',
    corednsReplicas: 2,
    hostSearchDomains: [],
    staticControlPlanePods: true,
    extraNamespaces: [],
    // Docker Desktop's single-node cluster ships a plain bridge CNI: policies are accepted and ignored.
    enforcesNetworkPolicy: false,
  },
  {
    name: 'kind',
    description: 'kind: three nodes, services 10.96.0.0/16, LoadBalancer <pending> forever',
    contextName: 'kind-kind',
    serverURL: 'https://127.0.0.1:40123',
    kubernetesVersion: 'v1.32.2',
    nodes: kindLike('kind'),
    clusterCIDR: '10.244.0.0/16',
    serviceCIDR: '10.96.0.0/16',
    apiServerEndpoints: ['172.18.0.2'],
    apiServerPort: 6443,
    loadBalancer: 'pending',
    osImage: 'Debian GNU/Linux 12 (bookworm)',
    kernelVersion: '6.8.0-1021-azure',
    containerRuntime: 'containerd://1.7.24',
    corednsReplicas: 2,
    hostSearchDomains: [],
    staticControlPlanePods: true,
    extraNamespaces: ['local-path-storage'],
    // kindnet with kube-network-policies (kind ≥ v0.24, the release line of Kubernetes 1.31+).
    enforcesNetworkPolicy: true,
  },
  {
    name: 'minikube',
    description: 'minikube (docker driver): one node, apiserver on 8443, LoadBalancer <pending>',
    contextName: 'minikube',
    serverURL: 'https://192.168.49.2:8443',
    kubernetesVersion: 'v1.32.0',
    nodes: [{ name: 'minikube', controlPlane: true, internalIP: '192.168.49.2', podCIDR: '10.244.0.0/24', hostname: 'minikube' }],
    clusterCIDR: '10.244.0.0/16',
    serviceCIDR: '10.96.0.0/12',
    apiServerEndpoints: ['192.168.49.2'],
    apiServerPort: 8443,
    loadBalancer: 'pending',
    osImage: 'Ubuntu 22.04.5 LTS',
    kernelVersion: '6.8.0-1021-azure',
    containerRuntime: 'docker://27.4.0',
    corednsReplicas: 1,
    hostSearchDomains: [],
    staticControlPlanePods: true,
    extraNamespaces: [],
    // minikube's default CNI with the docker runtime is the bridge plugin (no policy agent); policies need
    // `minikube start --cni=calico`.
    enforcesNetworkPolicy: false,
  },
  {
    name: 'eks',
    description: 'Amazon EKS: three workers, VPC pod IPs, services 10.100.0.0/16, ELB hostnames',
    contextName: 'eksworkshop-eksctl',
    serverURL: 'https://4A1B2C3D4E5F60718293A4B5C6D7E8F9.gr7.us-west-2.eks.amazonaws.com',
    kubernetesVersion: 'v1.32.1-eks-5d632ec',
    nodes: [
      { name: 'ip-192-168-15-64.us-west-2.compute.internal', controlPlane: false, internalIP: '192.168.15.64', externalIP: '54.187.32.115', podCIDR: '192.168.14.0/24', region: 'us-west-2a' },
      { name: 'ip-192-168-38-150.us-west-2.compute.internal', controlPlane: false, internalIP: '192.168.38.150', externalIP: '34.220.141.87', podCIDR: '192.168.59.0/24', region: 'us-west-2b' },
      { name: 'ip-192-168-92-222.us-west-2.compute.internal', controlPlane: false, internalIP: '192.168.92.222', externalIP: '52.39.204.19', podCIDR: '192.168.79.0/24', region: 'us-west-2c' },
    ].map((n) => ({ name: n.name, controlPlane: n.controlPlane, internalIP: n.internalIP, externalIP: n.externalIP, podCIDR: n.podCIDR, hostname: n.name, internalDNS: n.name, providerID: `aws:///${n.region}/i-0${n.internalIP.replace(/\D/g, '').padEnd(16, '7').slice(0, 16)}` })),
    clusterCIDR: '192.168.0.0/16',
    serviceCIDR: '10.100.0.0/16',
    apiServerEndpoints: ['192.168.101.11', '192.168.170.215'],
    apiServerPort: 443,
    loadBalancer: 'elb-hostname',
    osImage: 'Amazon Linux 2023.6.20250115',
    kernelVersion: '6.1.124-134.200.amzn2023.x86_64',
    containerRuntime: 'containerd://1.7.25',
    corednsReplicas: 2,
    hostSearchDomains: ['us-west-2.compute.internal'],
    staticControlPlanePods: false,
    extraNamespaces: [],
    region: 'us-west-2',
    // Amazon VPC CNI: its network-policy agent is off unless the add-on sets enableNetworkPolicy (the EKS
    // workshop installs Calico for its policy chapter instead).
    enforcesNetworkPolicy: false,
  },
  {
    name: 'gke',
    description: 'Google GKE: three nodes with external IPs, LoadBalancer gets an IP',
    contextName: 'gke_kubesim-project_us-central1-c_cluster-1',
    serverURL: 'https://34.70.12.201',
    kubernetesVersion: 'v1.32.2-gke.1182003',
    nodes: ['4c5e', '9b2f', 'q7xk'].map((id, i) => ({
      name: `gke-cluster-1-default-pool-7a3c1e9d-${id}`,
      controlPlane: false,
      internalIP: `10.128.0.${i + 2}`,
      externalIP: ['34.136.71.4', '35.224.18.133', '34.68.205.97'][i],
      podCIDR: `10.8.${i}.0/24`,
      hostname: `gke-cluster-1-default-pool-7a3c1e9d-${id}`,
      internalDNS: `gke-cluster-1-default-pool-7a3c1e9d-${id}.us-central1-c.c.kubesim-project.internal`,
      providerID: `gce://kubesim-project/us-central1-c/gke-cluster-1-default-pool-7a3c1e9d-${id}`,
    })),
    clusterCIDR: '10.8.0.0/14',
    serviceCIDR: '34.118.224.0/20',
    apiServerEndpoints: ['10.128.0.50'],
    apiServerPort: 443,
    loadBalancer: 'ip',
    osImage: 'Container-Optimized OS from Google',
    kernelVersion: '6.6.72+',
    containerRuntime: 'containerd://1.7.24',
    corednsReplicas: 2,
    hostSearchDomains: ['c.kubesim-project.internal', 'google.internal'],
    staticControlPlanePods: false,
    extraNamespaces: [],
    // GKE Standard without --enable-network-policy (Calico) or Dataplane V2: policies are not enforced.
    enforcesNetworkPolicy: false,
  },
  {
    name: 'k8s-docs',
    description: 'the Kubernetes docs tutorial cluster: kubernetes-minion-* nodes, services 10.0.0.0/16',
    contextName: 'kubernetes',
    serverURL: 'https://104.197.41.10',
    kubernetesVersion: 'v1.32.2',
    nodes: [
      { name: 'kubernetes-master', controlPlane: true, internalIP: '10.240.0.2', externalIP: '104.197.41.10', podCIDR: '10.244.0.0/24' },
      { name: 'kubernetes-minion-905m', controlPlane: false, internalIP: '10.240.0.3', externalIP: '104.197.41.11', podCIDR: '10.244.3.0/24' },
      { name: 'kubernetes-minion-ljyd', controlPlane: false, internalIP: '10.240.0.4', externalIP: '23.251.152.56', podCIDR: '10.244.2.0/24' },
    ].map((n) => ({ ...n, hostname: n.name })),
    clusterCIDR: '10.244.0.0/16',
    serviceCIDR: '10.0.0.0/16',
    apiServerEndpoints: ['10.240.0.2'],
    apiServerPort: 443,
    loadBalancer: 'ip',
    osImage: 'Debian GNU/Linux 12 (bookworm)',
    kernelVersion: '6.1.0-28-cloud-amd64',
    containerRuntime: 'containerd://1.7.24',
    corednsReplicas: 2,
    hostSearchDomains: [],
    staticControlPlanePods: true,
    extraNamespaces: [],
    // A kube-up GCE cluster: NETWORK_POLICY_PROVIDER defaults to none.
    enforcesNetworkPolicy: false,
  },
];

export function profileNames(): string[] {
  return PROFILES.map((p) => p.name);
}

export function getProfile(name: string): Profile | undefined {
  return PROFILES.find((p) => p.name === name);
}
