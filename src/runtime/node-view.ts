/**
 * What a process on a node itself sees (`kubesim node ssh`, `chroot /host` in `kubectl debug node/…`):
 * the node's hostname, its files (/etc/resolv.conf, /etc/hosts, /etc/os-release, the CNI configuration
 * in /etc/cni/net.d) and a root login's environment. Pure: everything comes from the profile and the
 * cluster snapshot.
 */
import type { KubeObject } from '../api/types.js';
import type { Snapshot } from '../api/snapshot.js';
import type { NodeProfile, Profile } from '../api/profiles.js';
import { resolvConf } from '../network/dns/resolv-conf.js';
import { VirtualFs, dirnameOf } from './shell/vfs.js';
import { cniConfigFiles } from './node-cni.js';

export function findNode(profile: Profile, name: string): NodeProfile | undefined {
  return profile.nodes.find((n) => n.name === name);
}

/**
 * The node as a network endpoint, shaped like the pod object connect() takes: host network, the node's
 * InternalIP as its address, on that node. Its traffic leaves through the node's nat OUTPUT chain.
 */
export function nodeAsPod(node: NodeProfile): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: node.name, namespace: 'kube-system' },
    spec: { nodeName: node.name, hostNetwork: true, dnsPolicy: 'Default', containers: [] },
    status: { phase: 'Running', podIP: node.internalIP, hostIP: node.internalIP },
  };
}

/** The shell a login on the node gets: bash on the distribution images, sh on Docker Desktop's LinuxKit VM. */
export function nodeShell(profile: Profile): 'bash' | 'sh' {
  return profile.name === 'docker-desktop' ? 'sh' : 'bash';
}

/** curl's version on the node image (Debian 12: 7.88.1, Ubuntu 22.04: 7.81.0, AL2023, COS, LinuxKit). */
export function nodeCurlVersion(profile: Profile): string {
  if (profile.osImage.startsWith('Ubuntu')) return '7.81.0';
  if (profile.osImage.startsWith('Amazon Linux')) return '8.5.0';
  if (profile.osImage.startsWith('Container-Optimized')) return '8.11.0';
  if (profile.name === 'docker-desktop') return '8.11.1';
  return '7.88.1';
}

/** /etc/os-release of the node image (profile.osImage is its PRETTY_NAME, as `kubectl get nodes -o wide` shows). */
export function osRelease(profile: Profile): string {
  const img = profile.osImage;
  if (img.startsWith('Debian GNU/Linux 12')) {
    return 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n';
  }
  if (img.startsWith('Ubuntu 22.04')) {
    return `PRETTY_NAME="${img}"\nNAME="Ubuntu"\nVERSION_ID="22.04"\nVERSION="${img.replace('Ubuntu ', '').replace(' LTS', '')} LTS (Jammy Jellyfish)"\nVERSION_CODENAME=jammy\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\nSUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\nPRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\nUBUNTU_CODENAME=jammy\n`;
  }
  if (img.startsWith('Amazon Linux 2023')) {
    return `NAME="Amazon Linux"\nVERSION="2023"\nID="amzn"\nID_LIKE="fedora"\nVERSION_ID="2023"\nPLATFORM_ID="platform:al2023"\nPRETTY_NAME="${img}"\nANSI_COLOR="0;33"\nCPE_NAME="cpe:2.3:o:amazon:amazon_linux:2023"\nHOME_URL="https://aws.amazon.com/linux/amazon-linux-2023/"\nDOCUMENTATION_URL="https://docs.aws.amazon.com/linux/"\nSUPPORT_URL="https://aws.amazon.com/premiumsupport/"\nBUG_REPORT_URL="https://github.com/amazonlinux/amazon-linux-2023"\nVENDOR_NAME="AWS"\nVENDOR_URL="https://aws.amazon.com/"\nSUPPORT_END="2029-06-30"\n`;
  }
  if (img.startsWith('Container-Optimized OS')) {
    return 'NAME="Container-Optimized OS"\nID=cos\nPRETTY_NAME="Container-Optimized OS from Google"\nHOME_URL="https://cloud.google.com/container-optimized-os/docs"\nBUG_REPORT_URL="https://cloud.google.com/container-optimized-os/docs/resources/support-policy#contact_us"\nVERSION=117\nVERSION_ID=117\n';
  }
  return `NAME="${img}"\nPRETTY_NAME="${img}"\nID=linuxkit\n`;
}

/** /etc/hosts as Docker writes it for a node container (kind, minikube) — the same shape on cloud VMs. */
export function nodeHostsFile(node: NodeProfile): string {
  return `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n${node.internalIP}\t${node.hostname ?? node.name}\n`;
}

/**
 * The node's files. /etc/resolv.conf is the one its hostNetwork pods with dnsPolicy Default inherit
 * (resolv-conf.ts): on kind the entrypoint rewrote Docker's embedded DNS (127.0.0.11) to the node
 * network's gateway (172.18.0.1), which is what a kind node really shows.
 */
export function nodeFiles(snapshot: Snapshot, profile: Profile, node: NodeProfile): Record<string, string> {
  const dns = snapshot.get('Service', 'kube-system', 'kube-dns')?.spec?.clusterIP ?? '';
  const files: Record<string, string> = {
    '/etc/resolv.conf': resolvConf(nodeAsPod(node), profile, dns),
    '/etc/hosts': nodeHostsFile(node),
    '/etc/hostname': `${node.hostname ?? node.name}\n`,
    '/etc/os-release': osRelease(profile),
  };
  for (const [name, content] of Object.entries(cniConfigFiles(profile, node))) files[`/etc/cni/net.d/${name}`] = content;
  return files;
}

const NODE_DIRS = ['/', '/root', '/tmp', '/etc', '/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/var', '/var/lib/kubelet', '/var/log', '/opt/cni/bin', '/etc/kubernetes/manifests', '/run', '/proc', '/sys', '/dev', '/home'];

export interface NodeView {
  fs: VirtualFs;
  env: Map<string, string>;
  hostname: string;
  shell: 'bash' | 'sh';
}

/** The node's file system (optionally mounted under `prefix`, as a debug pod's /host) and a root shell's environment. */
export function nodeView(snapshot: Snapshot, profile: Profile, node: NodeProfile): NodeView {
  const fs = new VirtualFs(nodeFiles(snapshot, profile, node), NODE_DIRS);
  const env = new Map<string, string>([
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['HOME', '/root'],
    ['HOSTNAME', node.hostname ?? node.name],
    ['USER', 'root'],
    ['LOGNAME', 'root'],
    ['SHELL', `/bin/${nodeShell(profile)}`],
  ]);
  return { fs, env, hostname: node.hostname ?? node.name, shell: nodeShell(profile) };
}

/** The node's files under a mount point (a debug pod's hostPath `/` volume at /host). */
export function mountNodeFiles(fs: VirtualFs, at: string, snapshot: Snapshot, profile: Profile, node: NodeProfile): void {
  const base = at.replace(/\/+$/, '');
  for (const d of NODE_DIRS) fs.mkdir(`${base}${d === '/' ? '' : d}` || '/', true);
  for (const [path, content] of Object.entries(nodeFiles(snapshot, profile, node))) {
    fs.mkdir(dirnameOf(`${base}${path}`), true);
    fs.writeFile(`${base}${path}`, content);
  }
}
