import type { KubeObject } from '../api/types.js';
import type { ContainerRecord, Snapshot } from '../api/snapshot.js';
import type { Profile } from '../api/profiles.js';
import { resolvConf } from '../network/dns/resolv-conf.js';
import { VirtualFs } from './shell/vfs.js';
import { toolboxFor } from './toolbox.js';
import { imageFiles } from './images/image-files.js';
import { volumeFiles } from './volumes.js';

/** What the pod view needs to know about the container a process runs in. */
export interface PodViewRequest {
  snapshot: Snapshot;
  profile: Profile;
  pod: KubeObject;
  container: { name: string; image: string };
  /** The runtime's record of the running container (its environment, the files its processes wrote). */
  record: ContainerRecord | undefined;
}

/** /etc/hosts as the kubelet writes it for a pod. */
export function hostsFile(pod: KubeObject): string {
  return `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${pod.status?.podIP ?? ''}\t${pod.metadata.name}\n`;
}

const under = (path: string, dir: string) => dir === '/' || path === dir || path.startsWith(`${dir}/`);

/**
 * What a process in the container sees. Files, bottom to top: the image's files (hidden below a
 * volume's mount point), the kubelet's /etc/resolv.conf, /etc/hosts and /etc/hostname, the
 * volumes' files, then what processes of this container instance wrote before (kept in its
 * runtime record, so a restarted container — a new instance — starts from the image again).
 */
export function podView(req: PodViewRequest): { fs: VirtualFs; env: Map<string, string> } {
  const dns = req.snapshot.get('Service', 'kube-system', 'kube-dns')?.spec?.clusterIP ?? '';
  const image = imageFiles(req.container.image);
  const mounts = volumeFiles(req.pod, req.container.name, req.snapshot);
  const files: Record<string, string> = {};
  for (const [p, content] of Object.entries(image.files)) if (!mounts.mountPaths.some((m) => under(p, m))) files[p] = content;
  Object.assign(files, {
    '/etc/resolv.conf': resolvConf(req.pod, req.profile, dns),
    '/etc/hosts': hostsFile(req.pod),
    '/etc/hostname': `${req.pod.metadata.name}\n`,
  });
  Object.assign(files, mounts.files);
  const dirs = [...image.dirs.filter((d) => !mounts.mountPaths.some((m) => m !== '/' && under(d, m) && d !== m)), ...mounts.dirs];
  // What processes wrote: files, and directories they made (kept as `path/`).
  for (const [p, content] of Object.entries(req.record?.files ?? {})) {
    if (p.endsWith('/')) dirs.push(p.slice(0, -1));
    else files[p] = content;
  }
  const fs = new VirtualFs(files, dirs);
  const box = toolboxFor(req.container.image);
  const env = new Map<string, string>();
  env.set('PATH', box.env[0]?.[1] ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
  env.set('HOSTNAME', req.pod.metadata.name);
  for (const { name, value } of req.record?.env ?? []) env.set(name, value);
  for (const [k, v] of box.env.slice(1)) env.set(k, v);
  env.set('HOME', image.home);
  return { fs, env };
}
