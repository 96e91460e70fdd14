import type { Profile } from '../../api/profiles.js';
import type { KubeObject } from '../../api/types.js';
import type { Tool } from '../shell/interpreter.js';
import { maskOf, podNetwork, type PodInterface } from './pod-net.js';
import { jitter } from './resolve.js';

/**
 * busybox ifconfig (networking/interface.c): interfaces sorted by name (eth0 before lo), upper-case MAC,
 * `inet addr:`/`Bcast:`/`Mask:`, the flag words, MTU and Metric, then the counters. The counters are
 * not tracked by the simulator: they are small stable numbers derived from the pod's IP and start time,
 * the order of magnitude a freshly started pod shows.
 */

/** busybox's print_bytes_scaled(): `1060 (1.0 KiB)`. */
export function scaledBytes(n: number): string {
  let int = n;
  let frac = 0;
  let ext = '';
  for (const unit of ['Ki', 'Mi', 'Gi', 'Ti']) {
    if (int < 1024) break;
    frac = Math.floor(((int % 1024) * 10) / 1024);
    int = Math.floor(int / 1024);
    ext = unit;
  }
  return `${n} (${int}.${frac} ${ext}B)`;
}

export function ifaceBlock(i: PodInterface, counters: { rxp: number; txp: number; rxb: number; txb: number }): string {
  const pad = '          ';
  let out = i.loopback ? `${i.name.padEnd(9)} Link encap:Local Loopback  \n` : `${i.name.padEnd(9)} Link encap:Ethernet  HWaddr ${i.mac.toUpperCase()}  \n`;
  out += `${pad}inet addr:${i.ip} ${i.loopback ? '' : ` Bcast:${i.brd ?? '0.0.0.0'} `} Mask:${maskOf(i.prefix)}\n`;
  out += `${pad}inet6 addr: ${i.ipv6}/${i.ipv6Prefix} Scope:${i.loopback ? 'Host' : 'Link'}\n`;
  out += `${pad}${i.loopback ? 'UP LOOPBACK RUNNING ' : 'UP BROADCAST RUNNING MULTICAST '} MTU:${i.mtu}  Metric:1\n`;
  out += `${pad}RX packets:${counters.rxp} errors:0 dropped:0 overruns:0 frame:0\n`;
  out += `${pad}TX packets:${counters.txp} errors:0 dropped:0 overruns:0 carrier:0\n`;
  out += `${pad}collisions:0 txqueuelen:${i.txqueuelen} \n`;
  out += `${pad}RX bytes:${scaledBytes(counters.rxb)}  TX bytes:${scaledBytes(counters.txb)}\n\n`;
  return out;
}

export function ifconfigTool(profile: Profile, pod: KubeObject): Tool {
  return async (args) => {
    const net = podNetwork(profile, pod);
    const names = args.filter((a) => !a.startsWith('-'));
    if (names.length > 1) return { stdout: '', stderr: 'ifconfig: SIOCSIFADDR: Operation not permitted\n', exitCode: 1 };
    const list = [...net.interfaces].sort((a, b) => (a.name < b.name ? -1 : 1)).filter((i) => !names.length || i.name === names[0]);
    if (names.length && !list.length) return { stdout: '', stderr: `ifconfig: ${names[0]}: error fetching interface information: Device not found\n`, exitCode: 1 };
    const ip: string = pod.status?.podIP ?? '';
    const seed = ip.split('.').reduce((a: number, b: string) => a * 257 + Number(b), 11) ^ (pod.metadata.name.length * 131);
    const rnd = jitter(seed);
    const out = list
      .map((i) => {
        if (i.loopback) return ifaceBlock(i, { rxp: 0, txp: 0, rxb: 0, txb: 0 });
        const rxp = 8 + Math.floor(rnd() * 40);
        const txp = 1 + Math.floor(rxp * (0.3 + rnd() * 0.5));
        return ifaceBlock(i, { rxp, txp, rxb: rxp * (90 + Math.floor(rnd() * 60)), txb: txp * (60 + Math.floor(rnd() * 40)) });
      })
      .join('');
    return { stdout: out, stderr: '', exitCode: 0 };
  };
}
