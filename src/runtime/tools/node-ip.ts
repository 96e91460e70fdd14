/**
 * iproute2's `ip route` and `ip addr` on a node (iproute2 6.1, as on Debian 12 kind nodes): the node's
 * own network (eth0, or ens5 on EKS), the routes its CNI installed for pod traffic (node-cni.ts) and one
 * host-side interface per local pod. `ip route` lines end with a space, as iproute2 prints them; routes
 * come in the kernel's dump order (default first, then by destination address).
 */
import type { NodeProfile, Profile } from '../../api/profiles.js';
import type { Snapshot } from '../../api/snapshot.js';
import type { KubeObject } from '../../api/types.js';
import { cidrContains } from '../../network/proxy-rules.js';
import type { Tool } from '../shell/interpreter.js';
import { cniOf, hostIfName, stableHex, type CniKind } from '../node-cni.js';

const ipToInt = (ip: string) => ip.split('.').reduce((a, o) => a * 256 + Number(o), 0);
const intToIp = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');

/** The node's own subnet and gateway: Docker networks (kind /16, minikube and Docker Desktop /24), VPC subnets. */
export function nodeNetwork(profile: Profile, node: NodeProfile): { dev: string; prefix: number; network: string; gateway: string } {
  const prefix = profile.name === 'kind' || profile.name === 'default' ? 16 : profile.name === 'eks' ? 19 : profile.name === 'gke' ? 20 : 24;
  const base = Math.floor(ipToInt(node.internalIP) / 2 ** (32 - prefix)) * 2 ** (32 - prefix);
  return { dev: profile.name === 'eks' ? 'ens5' : 'eth0', prefix, network: `${intToIp(base)}/${prefix}`, gateway: intToIp(base + 1) };
}

/** Running pods with their own network namespace on this node (the ones with a host-side interface). */
export function localPods(snapshot: Snapshot, node: NodeProfile): KubeObject[] {
  return snapshot
    .list('Pod')
    .filter((p) => p.spec?.nodeName === node.name && !p.spec?.hostNetwork && p.status?.podIP && !p.metadata.deletionTimestamp)
    .sort((a, b) => ipToInt(a.status.podIP) - ipToInt(b.status.podIP));
}

interface Route {
  dst: string;
  text: string;
}

function sortKey(dst: string): [number, number] {
  if (dst === 'default') return [-1, 0];
  const [ip, len] = dst.replace(/^(blackhole) /, '').split('/');
  return [ipToInt(ip), -(len === undefined ? 32 : Number(len))];
}

/** `ip route` (the main table) on the node. */
export function nodeRoutes(snapshot: Snapshot, profile: Profile, node: NodeProfile): string {
  const cni: CniKind = cniOf(profile);
  const net = nodeNetwork(profile, node);
  const routes: Route[] = [];
  const add = (dst: string, rest: string) => routes.push({ dst, text: `${dst} ${rest}` });
  const cloud = profile.name === 'eks' || profile.name === 'gke';
  if (cloud) {
    const metric = profile.name === 'eks' ? 512 : 1024;
    add('default', `via ${net.gateway} dev ${net.dev} proto dhcp src ${node.internalIP} metric ${metric}`);
    add(net.gateway, `dev ${net.dev} proto dhcp scope link src ${node.internalIP} metric ${metric}`);
    if (profile.name === 'eks') add(`${net.network}`, `dev ${net.dev} proto kernel scope link src ${node.internalIP} metric ${metric}`);
  } else {
    add('default', `via ${net.gateway} dev ${net.dev}`);
    add(net.network, `dev ${net.dev} proto kernel scope link src ${node.internalIP}`);
  }
  const others = profile.nodes.filter((n) => n.name !== node.name);
  switch (cni) {
    case 'kindnet':
      for (const n of others) add(n.podCIDR, `via ${n.internalIP} dev eth0`);
      for (const p of localPods(snapshot, node)) add(p.status.podIP, `dev ${hostIfName(cni, p.metadata.uid ?? p.metadata.name)} scope host`);
      break;
    case 'calico':
      add(`blackhole ${node.podCIDR}`, 'proto bird');
      for (const n of others) add(n.podCIDR, `via ${n.internalIP} dev tunl0 proto bird onlink`);
      for (const p of localPods(snapshot, node)) add(p.status.podIP, `dev ${hostIfName(cni, p.metadata.uid ?? p.metadata.name)} scope link`);
      break;
    case 'bridge-minikube':
    case 'bridge-docker-desktop': {
      const cidr = cni === 'bridge-minikube' ? profile.clusterCIDR : profile.clusterCIDR;
      const gw = intToIp(ipToInt(cidr.split('/')[0]) + 1);
      add(cidr, `dev ${cni === 'bridge-minikube' ? 'bridge' : 'cni0'} proto kernel scope link src ${gw}`);
      break;
    }
    case 'aws-vpc-cni':
      for (const p of localPods(snapshot, node)) add(p.status.podIP, `dev ${hostIfName(cni, p.metadata.uid ?? p.metadata.name)} scope link`);
      break;
    case 'gke':
      for (const p of localPods(snapshot, node)) add(p.status.podIP, `dev ${hostIfName(cni, p.metadata.uid ?? p.metadata.name)} scope host`);
      break;
  }
  routes.sort((a, b) => {
    const [x, y] = [sortKey(a.dst), sortKey(b.dst)];
    return x[0] - y[0] || x[1] - y[1];
  });
  return routes.map((r) => `${r.text} \n`).join('');
}

const mac = (seed: string) => {
  const h = stableHex(seed, 10);
  return `${(parseInt(h.slice(0, 2), 16) & 0xfe | 0x02).toString(16).padStart(2, '0')}:${h.slice(2, 4)}:${h.slice(4, 6)}:${h.slice(6, 8)}:${h.slice(8, 10)}:${stableHex(seed + '/', 2)}`;
};

/** Docker (before v26) derives a container's MAC from its IPv4 address: 02:42 followed by the four octets. */
const dockerMac = (ip: string) => `02:42:${ip.split('.').map((o) => Number(o).toString(16).padStart(2, '0')).join(':')}`;

const addrBlock = (index: number, name: string, flags: string, mtu: number, state: string, link: string, inet: string[]) =>
  `${index}: ${name}: <${flags}> mtu ${mtu} qdisc noqueue state ${state} group default ${state === 'UNKNOWN' ? 'qlen 1000' : ''}\n    ${link}\n` +
  inet.map((i) => `    ${i}\n       valid_lft forever preferred_lft forever\n`).join('');

/** `ip addr` on the node: lo, the node's interface, the CNI's bridge or tunnel, one host-side interface per local pod. */
export function nodeAddresses(snapshot: Snapshot, profile: Profile, node: NodeProfile): string {
  const cni = cniOf(profile);
  const net = nodeNetwork(profile, node);
  const blocks: string[] = [];
  let index = 1;
  blocks.push(addrBlock(index++, 'lo', 'LOOPBACK,UP,LOWER_UP', 65536, 'UNKNOWN', 'link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00', ['inet 127.0.0.1/8 scope host lo', 'inet6 ::1/128 scope host ']));
  if (cni === 'calico') blocks.push(addrBlock(index++, 'tunl0@NONE', 'NOARP,UP,LOWER_UP', 1480, 'UNKNOWN', 'link/ipip 0.0.0.0 brd 0.0.0.0', [`inet ${node.podCIDR.split('/')[0].replace(/\d+$/, '0')}/32 scope global tunl0`]));
  const docker = !['eks', 'gke', 'k8s-docs'].includes(profile.name);
  const bits = 32 - net.prefix;
  const bcast = intToIp(ipToInt(net.network.split('/')[0]) + 2 ** bits - 1);
  blocks.push(
    addrBlock(
      index++,
      docker ? `${net.dev}@if${index + 5}` : net.dev,
      'BROADCAST,MULTICAST,UP,LOWER_UP',
      profile.name === 'eks' ? 9001 : profile.name === 'gke' ? 1460 : 1500,
      'UP',
      `link/ether ${docker ? dockerMac(node.internalIP) : mac(node.name)} brd ff:ff:ff:ff:ff:ff${docker ? ' link-netnsid 0' : ''}`,
      [`inet ${node.internalIP}/${net.prefix} brd ${bcast} scope global ${net.dev}`],
    ),
  );
  if (cni === 'bridge-minikube' || cni === 'bridge-docker-desktop') {
    const name = cni === 'bridge-minikube' ? 'bridge' : 'cni0';
    const [base, len] = profile.clusterCIDR.split('/');
    blocks.push(addrBlock(index++, name, 'BROADCAST,MULTICAST,UP,LOWER_UP', 1500, 'UP', `link/ether ${mac(name + node.name)} brd ff:ff:ff:ff:ff:ff`, [`inet ${intToIp(ipToInt(base) + 1)}/${len} brd ${intToIp(ipToInt(base) + 2 ** (32 - Number(len)) - 1)} scope global ${name}`]));
  }
  const gatewayOnVeth = cni === 'kindnet' || cni === 'gke';
  for (const p of localPods(snapshot, node)) {
    const ifName = hostIfName(cni, p.metadata.uid ?? p.metadata.name);
    const inet = gatewayOnVeth ? [`inet ${intToIp(ipToInt(node.podCIDR.split('/')[0]) + 1)}/32 scope global ${ifName}`] : [];
    if (cni === 'bridge-minikube' || cni === 'bridge-docker-desktop') continue;
    blocks.push(addrBlock(index++, `${ifName}@if2`, 'BROADCAST,MULTICAST,UP,LOWER_UP', 1500, 'UP', `link/ether ${mac(ifName)} brd ff:ff:ff:ff:ff:ff link-netns cni-${stableHex(p.metadata.uid ?? p.metadata.name, 8)}-${stableHex(ifName, 4)}-${stableHex(ifName + 'a', 4)}-${stableHex(ifName + 'b', 4)}-${stableHex(ifName + 'c', 12)}`, inet));
  }
  return blocks.join('');
}

/** True when the address belongs to one of the node's subnets (for tests and `ip route get`). */
export function onNodeNetwork(profile: Profile, node: NodeProfile, ip: string): boolean {
  return cidrContains(nodeNetwork(profile, node).network, ip);
}

/** `ip [-4] route|addr [show]` on a node. */
export function nodeIpTool(snapshot: Snapshot, profile: Profile, node: NodeProfile): Tool {
  return async (args) => {
    const words = args.filter((a) => !/^-(4|c|color|br|brief)$/.test(a));
    const [object = '', verb = 'show'] = words;
    const is = (full: string) => object.length > 0 && full.startsWith(object);
    if (is('route')) {
      if (!['show', 'list', 'ls', 'lst', 'sh'].includes(verb)) return { stdout: '', stderr: `RTNETLINK answers: Operation not permitted\n`, exitCode: 2 };
      return { stdout: nodeRoutes(snapshot, profile, node), stderr: '', exitCode: 0 };
    }
    if (is('address')) return { stdout: nodeAddresses(snapshot, profile, node), stderr: '', exitCode: 0 };
    if (object === '') {
      return { stdout: '', stderr: 'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n       ip [ -force ] -batch filename\nwhere  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp | link |\n                   macsec | maddress | monitor | mptcp | mroute | mrule |\n                   neighbor | neighbour | netconf | netns | nexthop | ntable |\n                   ntbl | route | rule | sr | stats | tap | tcpmetrics |\n                   token | tunnel | tuntap | vrf | xfrm }\n', exitCode: 255 };
    }
    return { stdout: '', stderr: `Object "${object}" is unknown, try "ip help".\n`, exitCode: 1 };
  };
}
