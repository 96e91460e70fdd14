import type { KubeObject } from '../api/types.js';
import type { ContainerRecord, Snapshot } from '../api/snapshot.js';
import type { Profile } from '../api/profiles.js';
import { resolvConf } from '../network/dns/resolv-conf.js';
import { VirtualFs } from './shell/vfs.js';
import { toolboxFor } from './toolbox.js';

/** What the pod view needs to know about the container a process runs in. */
export interface PodViewRequest {
  snapshot: Snapshot;
  profile: Profile;
  pod: KubeObject;
  container: { name: string; image: string };
  /** The runtime's record of the running container (its environment). */
  record: ContainerRecord | undefined;
}

/** /etc/hosts as the kubelet writes it for a pod. */
export function hostsFile(pod: KubeObject): string {
  return `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${pod.status?.podIP ?? ''}\t${pod.metadata.name}\n`;
}

/** What a process in the container sees: its files (resolv.conf, hosts, hostname) and environment. */
export function podView(req: PodViewRequest): { fs: VirtualFs; env: Map<string, string> } {
  const dns = req.snapshot.get('Service', 'kube-system', 'kube-dns')?.spec?.clusterIP ?? '';
  const fs = new VirtualFs(
    {
      '/etc/resolv.conf': resolvConf(req.pod, req.profile, dns),
      '/etc/hosts': hostsFile(req.pod),
      '/etc/hostname': `${req.pod.metadata.name}\n`,
    },
    ['/', '/root', '/tmp', '/etc', '/bin', '/usr/bin'],
  );
  const box = toolboxFor(req.container.image);
  const env = new Map<string, string>();
  env.set('PATH', box.env[0]?.[1] ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
  env.set('HOSTNAME', req.pod.metadata.name);
  for (const { name, value } of req.record?.env ?? []) env.set(name, value);
  for (const [k, v] of box.env.slice(1)) env.set(k, v);
  env.set('HOME', '/root');
  return { fs, env };
}
