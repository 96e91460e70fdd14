import type { KubeObject } from '../../api/types.js';
import type { Profile } from '../../api/profiles.js';
import { CLUSTER_ZONE } from './records.js';

/**
 * A pod's /etc/resolv.conf as the kubelet (pkg/kubelet/network/dns) decides it and the runtime writes it.
 *
 * - ClusterFirst (the default; also an unset dnsPolicy): search `<ns>.svc.cluster.local svc.cluster.local
 *   cluster.local` plus the host's search domains (profile.hostSearchDomains), nameserver = kube-dns,
 *   `options ndots:5`. A hostNetwork pod with ClusterFirst falls back to Default, as the kubelet does.
 * - ClusterFirstWithHostNet: ClusterFirst, also for hostNetwork pods.
 * - Default: the node's own resolv.conf. kubesim's nodes have no real file, so this is what a docker-
 *   network node (kind, minikube, Docker Desktop) shows: `nameserver` = the node network's gateway, the
 *   node InternalIP with its last octet set to 1 (kind `172.18.0.1`, minikube `192.168.49.1`), search =
 *   the profile's host search domains, no options.
 * - None: only spec.dnsConfig.
 * spec.dnsConfig is merged in for every policy: nameservers and searches appended (duplicates dropped),
 * options merged by name (a dnsConfig option replaces one of the same name). The kubelet builds the option
 * list from a Go map, so its real order is random; here existing options come first, then new ones.
 * Limits: at most 3 nameservers and 32 search domains (kubelet truncates the rest).
 *
 * Layout: containerd (and CRI-O) write `search`, then `nameserver` lines, then `options`; cri-dockerd
 * (a `docker://` runtime, e.g. minikube's default) writes the nameservers first.
 */

export interface ResolvConf {
  nameservers: string[];
  search: string[];
  /** Raw option words, e.g. `ndots:5`, `edns0`. */
  options: string[];
  /** The effective ndots (resolver default 1, capped at 15). */
  ndots: number;
}

const MAX_NAMESERVERS = 3;
const MAX_SEARCH = 32;

const uniq = (xs: string[]) => [...new Set(xs.filter((x) => x !== ''))];

function mergeOptions(existing: string[], extra: Array<{ name?: string; value?: string }>): string[] {
  const map = new Map<string, string>();
  for (const op of existing) {
    const i = op.indexOf(':');
    if (i >= 0) map.set(op.slice(0, i), op.slice(i + 1));
    else map.set(op, '');
  }
  for (const op of extra) if (op?.name) map.set(op.name, op.value ?? '');
  return [...map].map(([k, v]) => (v !== '' ? `${k}:${v}` : k));
}

/** The node's nameserver for dnsPolicy Default (see above). */
export function nodeNameserver(pod: KubeObject, profile: Profile): string {
  const node = profile.nodes.find((n) => n.name === pod.spec?.nodeName) ?? profile.nodes[0];
  const ip = node?.internalIP ?? '127.0.0.1';
  return ip.replace(/\.\d+$/, '.1');
}

/** The resolver configuration the kubelet hands the runtime for this pod. */
export function podDNSConfig(pod: KubeObject, profile: Profile, kubeDnsIP: string): ResolvConf {
  const ns = pod.metadata.namespace ?? 'default';
  let policy: string = pod.spec?.dnsPolicy ?? 'ClusterFirst';
  if (policy === 'ClusterFirst' && pod.spec?.hostNetwork) policy = 'Default';
  let nameservers: string[] = [];
  let search: string[] = [];
  let options: string[] = [];
  if (policy === 'ClusterFirst' || policy === 'ClusterFirstWithHostNet') {
    nameservers = [kubeDnsIP];
    search = [`${ns}.svc.${CLUSTER_ZONE}`, `svc.${CLUSTER_ZONE}`, CLUSTER_ZONE, ...profile.hostSearchDomains];
    options = ['ndots:5'];
  } else if (policy === 'Default') {
    nameservers = [nodeNameserver(pod, profile)];
    search = [...profile.hostSearchDomains];
  }
  const dc = pod.spec?.dnsConfig;
  if (dc) {
    nameservers = [...nameservers, ...(dc.nameservers ?? [])];
    search = [...search, ...(dc.searches ?? [])];
    options = mergeOptions(options, dc.options ?? []);
  }
  nameservers = uniq(nameservers).slice(0, MAX_NAMESERVERS);
  search = uniq(search).slice(0, MAX_SEARCH);
  return { nameservers, search, options, ndots: ndotsOf(options) };
}

/** The text of the pod's /etc/resolv.conf. */
export function resolvConf(pod: KubeObject, profile: Profile, kubeDnsIP: string): string {
  return formatResolvConf(podDNSConfig(pod, profile, kubeDnsIP), profile.containerRuntime.startsWith('docker://') ? 'docker' : 'containerd');
}

export function formatResolvConf(conf: Pick<ResolvConf, 'nameservers' | 'search' | 'options'>, runtime: 'containerd' | 'docker' = 'containerd'): string {
  const search = conf.search.length ? `search ${conf.search.join(' ')}\n` : '';
  const servers = conf.nameservers.map((s) => `nameserver ${s}\n`).join('');
  const options = conf.options.length ? `options ${conf.options.join(' ')}\n` : '';
  return runtime === 'docker' ? servers + search + options : search + servers + options;
}

function ndotsOf(options: string[]): number {
  let ndots = 1;
  for (const op of options) {
    const m = /^ndots:(\d+)$/.exec(op);
    if (m) ndots = Math.min(15, Number(m[1]));
  }
  return ndots;
}

/**
 * Parse resolv.conf as the libc resolvers do: `nameserver` lines accumulate, the last `search` or
 * `domain` line wins, `options` words accumulate; `#` and `;` start comments.
 */
export function parseResolvConf(text: string): ResolvConf {
  const nameservers: string[] = [];
  let search: string[] = [];
  const options: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[#;].*$/, '').trim();
    if (!line) continue;
    const [key, ...words] = line.split(/\s+/);
    if (key === 'nameserver' && words[0]) nameservers.push(words[0]);
    else if (key === 'search') search = words;
    else if (key === 'domain' && words[0]) search = [words[0]];
    else if (key === 'options') options.push(...words);
  }
  return { nameservers, search, options, ndots: ndotsOf(options) };
}
