/**
 * Which CNI plugin a profile's nodes run and what it leaves on a node: the files in /etc/cni/net.d (as the
 * plugin's installer writes them) and how the node routes pod traffic (`ip route`, veth names).
 *
 * - kind / kubesim default: kindnet writes `10-kindnet.conflist` (ptp + host-local + portmap, one /24 per
 *   node); routes to the other nodes' pod ranges `via <node IP> dev eth0`, local pods on `/32 dev vethXXXXXXXX
 *   scope host` (ptp names veths `veth` + 8 hex digits).
 * - minikube (docker driver, one node): minikube's bridge CNI `1-k8s.conflist`, bridge `bridge`.
 * - Docker Desktop: a bridge CNI on `cni0` (kubesim's guess at the file name: `10-dockercni.conflist`).
 * - EKS: the AWS VPC CNI `10-aws.conflist`; pods get VPC addresses, local pods on `eniXXXXXXXXXXX scope link`,
 *   no routes to other nodes' pods (the VPC routes them).
 * - GKE: `10-containerd-net.conflist` (ptp), VPC-routed like EKS.
 * - k8s-docs: Calico (`10-calico.conflist` + `calico-kubeconfig`, walkthroughs.md TGIK #10), other nodes'
 *   blocks `via <node IP> dev tunl0 proto bird onlink`, local pods on `caliXXXXXXXXXXX scope link`.
 */
import type { NodeProfile, Profile } from '../api/profiles.js';

export type CniKind = 'kindnet' | 'bridge-minikube' | 'bridge-docker-desktop' | 'aws-vpc-cni' | 'gke' | 'calico';

export function cniOf(profile: Profile): CniKind {
  switch (profile.name) {
    case 'minikube':
      return 'bridge-minikube';
    case 'docker-desktop':
      return 'bridge-docker-desktop';
    case 'eks':
      return 'aws-vpc-cni';
    case 'gke':
      return 'gke';
    case 'k8s-docs':
      return 'calico';
    default:
      return 'kindnet';
  }
}

/** A small stable hash (FNV-1a) for interface names and MAC addresses derived from a pod. */
export function stableHex(s: string, digits: number): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; out.length < digits; round++) {
    for (const ch of `${round}:${s}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, digits);
}

/** The host side of a pod's interface, as the CNI names it. */
export function hostIfName(cni: CniKind, podUid: string): string {
  switch (cni) {
    case 'aws-vpc-cni':
      return `eni${stableHex(podUid, 11)}`;
    case 'calico':
      return `cali${stableHex(podUid, 11)}`;
    default:
      return `veth${stableHex(podUid, 8)}`;
  }
}

const json = (o: unknown) => JSON.stringify(o, null, 2) + '\n';

/** The files of /etc/cni/net.d on a node, name → content. */
export function cniConfigFiles(profile: Profile, node: NodeProfile): Record<string, string> {
  switch (cniOf(profile)) {
    case 'kindnet':
      // kindnetd's Go template (cni.go) as it renders: a leading empty line, whitespace-only lines where
      // the template's actions stood, the comma before "mtu" on a line of its own.
      return {
        '10-kindnet.conflist': [
          '',
          '{',
          '\t"cniVersion": "0.4.0",',
          '\t"name": "kindnet",',
          '\t"plugins": [',
          '\t{',
          '\t\t"type": "ptp",',
          '\t\t"ipMasq": false,',
          '\t\t"ipam": {',
          '\t\t\t"type": "host-local",',
          '\t\t\t"dataDir": "/run/cni-ipam-state",',
          '\t\t\t"routes": [',
          '\t\t\t\t',
          '\t\t\t\t',
          '\t\t\t\t{ "dst": "0.0.0.0/0" }',
          '\t\t\t],',
          '\t\t\t"ranges": [',
          '\t\t\t\t',
          '\t\t\t\t',
          `\t\t\t\t[ { "subnet": "${node.podCIDR}" } ]`,
          '\t\t\t]',
          '\t\t}',
          '\t\t,',
          '\t\t"mtu": 1500',
          '\t\t',
          '\t},',
          '\t{',
          '\t\t"type": "portmap",',
          '\t\t"capabilities": {',
          '\t\t\t"portMappings": true',
          '\t\t}',
          '\t}',
          '\t]',
          '}',
          '',
        ].join('\n'),
      };
    case 'bridge-minikube':
      return {
        '1-k8s.conflist': json({
          cniVersion: '0.4.0',
          name: 'bridge',
          plugins: [
            { type: 'bridge', bridge: 'bridge', addIf: 'true', isDefaultGateway: true, forceAddress: false, ipMasq: true, hairpinMode: true, ipam: { type: 'host-local', subnet: profile.clusterCIDR } },
            { type: 'portmap', capabilities: { portMappings: true } },
          ],
        }),
      };
    case 'bridge-docker-desktop':
      return {
        '10-dockercni.conflist': json({
          cniVersion: '0.4.0',
          name: 'dockercni',
          plugins: [
            { type: 'bridge', bridge: 'cni0', isGateway: true, ipMasq: true, hairpinMode: true, ipam: { type: 'host-local', ranges: [[{ subnet: node.podCIDR }]], routes: [{ dst: '0.0.0.0/0' }] } },
            { type: 'portmap', capabilities: { portMappings: true }, snat: true },
            { type: 'loopback' },
          ],
        }),
      };
    case 'aws-vpc-cni':
      return {
        '10-aws.conflist': json({
          cniVersion: '0.4.0',
          name: 'aws-cni',
          disableCheck: true,
          plugins: [
            { name: 'aws-cni', type: 'aws-cni', vethPrefix: 'eni', mtu: '9001', podSGEnforcingMode: 'strict', pluginLogFile: '/var/log/aws-routed-eni/plugin.log', pluginLogLevel: 'DEBUG', capabilities: { io: 'kubernetes.io/bandwidth' } },
            { name: 'egress-cni', type: 'egress-cni', mtu: '9001', enabled: 'false', randomizeSNAT: 'prng', nodeIP: '', ipam: { type: 'host-local', ranges: [[{ subnet: 'fd00::ac:00/118' }]], routes: [{ dst: '::/0' }], dataDir: '/run/cni/v4pd/egress-v6-ipam' }, pluginLogFile: '/var/log/aws-routed-eni/egress-v6-plugin.log', pluginLogLevel: 'DEBUG' },
            { type: 'portmap', capabilities: { portMappings: true }, snat: true },
          ],
        }),
      };
    case 'gke':
      return {
        '10-containerd-net.conflist': json({
          name: 'k8s-pod-network',
          cniVersion: '0.3.1',
          plugins: [
            { type: 'ptp', mtu: 1460, ipam: { type: 'host-local', subnet: node.podCIDR, routes: [{ dst: '0.0.0.0/0' }] } },
            { type: 'portmap', capabilities: { portMappings: true } },
          ],
        }),
      };
    case 'calico':
      return {
        '10-calico.conflist': json({
          name: 'k8s-pod-network',
          cniVersion: '0.3.1',
          plugins: [
            {
              type: 'calico',
              log_level: 'info',
              log_file_path: '/var/log/calico/cni/cni.log',
              datastore_type: 'kubernetes',
              nodename: node.name,
              mtu: 0,
              ipam: { type: 'calico-ipam' },
              policy: { type: 'k8s' },
              kubernetes: { kubeconfig: '/etc/cni/net.d/calico-kubeconfig' },
            },
            { type: 'portmap', snat: true, capabilities: { portMappings: true } },
            { type: 'bandwidth', capabilities: { bandwidth: true } },
          ],
        }),
        'calico-kubeconfig': `# Kubeconfig file for Calico CNI plugin. Installed by calico/node.
apiVersion: v1
kind: Config
clusters:
- name: local
  cluster:
    server: https://${profile.serviceCIDR.replace(/\.\d+\/\d+$/, '.1')}:443
    certificate-authority-data: "LS0tLS1CRUdJTi...(elided by kubesim)"
users:
- name: calico
  user:
    token: eyJhbGciOiJSUzI1NiIsImtpZCI6ImNhbGljbyJ9.(elided by kubesim)
contexts:
- name: calico-context
  context:
    cluster: local
    user: calico
current-context: calico-context
`,
      };
  }
}
