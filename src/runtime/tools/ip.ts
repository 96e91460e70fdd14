import type { Profile } from '../../api/profiles.js';
import type { KubeObject } from '../../api/types.js';
import type { Tool } from '../shell/interpreter.js';
import { podNetwork, type PodInterface, type Route } from './pod-net.js';

/**
 * busybox `ip` (networking/libiproute, iproute2's format): `ip addr|a [show [dev] IFACE]`, `ip link|l`,
 * `ip route|r|ro [show]`, `-4`/`-6` address filters. Inside a pod the veth's peer lives in the node's
 * namespace, so its name shows as `eth0@ifN` and its flags carry `M-DOWN` (the peer index cannot be
 * looked up). busybox prints every field followed by a space, which leaves trailing blanks on some lines.
 */
export function linkLine(i: PodInterface): string {
  const flags = i.loopback ? 'LOOPBACK,UP,LOWER_UP' : 'BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN';
  const name = i.peerIndex ? `${i.name}@if${i.peerIndex}` : i.name;
  const state = i.loopback ? 'UNKNOWN' : 'UP';
  const head = `${i.index}: ${name}: <${flags}> mtu ${i.mtu} qdisc noqueue state ${state} ${i.txqueuelen ? `qlen ${i.txqueuelen}` : ''}\n`;
  const link = i.loopback ? '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n' : `    link/ether ${i.mac} brd ff:ff:ff:ff:ff:ff\n`;
  return head + link;
}

function addrLines(i: PodInterface, family: 4 | 6 | 0): string {
  let out = '';
  const scope4 = i.loopback ? 'host' : 'global';
  if (family !== 6) out += `    inet ${i.ip}/${i.prefix} ${i.brd ? `brd ${i.brd} ` : ''}scope ${scope4} ${i.name}\n       valid_lft forever preferred_lft forever\n`;
  if (family !== 4) out += `    inet6 ${i.ipv6}/${i.ipv6Prefix} scope ${i.loopback ? 'host' : 'link'} \n       valid_lft forever preferred_lft forever\n`;
  return out;
}

export function routeLine(r: Route): string {
  return `${r.dst} ${r.via ? `via ${r.via} ` : ''}dev eth0 ${r.scope ? `scope ${r.scope} ` : ''}${r.src ? ` src ${r.src} ` : ''}\n`;
}

const USAGE = (v: string) =>
  `BusyBox v${v} multi-call binary.\n\nUsage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]\n\nOPTIONS := -f[amily] inet|inet6|link | -o[neline]\n`;

function matches(word: string | undefined, full: string, min = 1): boolean {
  return word !== undefined && word.length >= min && full.startsWith(word);
}

export function ipTool(profile: Profile, pod: KubeObject, busybox: string): Tool {
  return async (args) => {
    let family: 0 | 4 | 6 = 0;
    const rest: string[] = [];
    for (const a of args) {
      if (a === '-4') family = 4;
      else if (a === '-6') family = 6;
      else if (a.startsWith('-')) continue;
      else rest.push(a);
    }
    const [object, ...cmd] = rest;
    if (!object) return { stdout: '', stderr: USAGE(busybox), exitCode: 1 };
    const net = podNetwork(profile, pod);
    const show = cmd[0] === undefined || matches(cmd[0], 'show') || matches(cmd[0], 'list');
    const devArg = cmd[0] !== undefined && show ? (cmd[1] === 'dev' ? cmd[2] : cmd[1]) : undefined;
    const pick = (): PodInterface[] | string => {
      if (!devArg) return net.interfaces;
      const found = net.interfaces.filter((i) => i.name === devArg);
      return found.length ? found : `ip: can't find device '${devArg}'\n`;
    };
    if (matches(object, 'address') || object === 'a' || object === 'addr') {
      if (!show) return { stdout: '', stderr: `ip: ${cmd[0] === 'add' || cmd[0] === 'del' || cmd[0] === 'flush' ? 'RTNETLINK answers: Operation not permitted' : `unknown command ${cmd[0]}`}\n`, exitCode: cmd[0] === 'add' || cmd[0] === 'del' ? 2 : 1 };
      const list = pick();
      if (typeof list === 'string') return { stdout: '', stderr: list, exitCode: 1 };
      return { stdout: list.map((i) => linkLine(i) + addrLines(i, family)).join(''), stderr: '', exitCode: 0 };
    }
    if (matches(object, 'link')) {
      if (!show) return { stdout: '', stderr: 'ip: RTNETLINK answers: Operation not permitted\n', exitCode: 2 };
      const list = pick();
      if (typeof list === 'string') return { stdout: '', stderr: list, exitCode: 1 };
      return { stdout: list.map(linkLine).join(''), stderr: '', exitCode: 0 };
    }
    if (matches(object, 'route')) {
      if (!show && cmd[0] !== 'get') return { stdout: '', stderr: 'ip: RTNETLINK answers: Operation not permitted\n', exitCode: 2 };
      if (family === 6) return { stdout: '', stderr: '', exitCode: 0 };
      return { stdout: net.routes.map(routeLine).join(''), stderr: '', exitCode: 0 };
    }
    return { stdout: '', stderr: `ip: unknown command ${object}\n`, exitCode: 1 };
  };
}
