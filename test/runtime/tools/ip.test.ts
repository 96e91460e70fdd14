import { describe, expect, it } from 'vitest';
import { getProfile } from '../../../src/api/profiles.js';
import { linkLocal, macFor, podNetwork } from '../../../src/runtime/tools/pod-net.js';
import { routeLine } from '../../../src/runtime/tools/ip.js';
import { scaledBytes } from '../../../src/runtime/tools/ifconfig.js';
import { exec, SLEEP, pod, profile } from './cluster.js';

describe('pod network namespace', () => {
  it('derives a stable, locally administered MAC and its EUI-64 link-local address', () => {
    const mac = macFor('10.244.1.2');
    expect(mac).toBe(macFor('10.244.1.2'));
    expect(parseInt(mac.slice(0, 2), 16) & 0x03).toBe(0x02);
    expect(linkLocal('02:42:ac:11:00:02')).toBe('fe80::42:acff:fe11:2');
  });
  it('kindnet (ptp): the node /24 on eth0, a /32 route to the gateway, the subnet and default via it', () => {
    const net = podNetwork(profile, SLEEP);
    expect(net.interfaces[1]).toMatchObject({ name: 'eth0', ip: '10.244.1.2', prefix: 24, brd: '10.244.1.255', mtu: 1500 });
    expect(net.routes.map(routeLine).join('')).toBe('default via 10.244.1.1 dev eth0 \n10.244.1.0/24 via 10.244.1.1 dev eth0  src 10.244.1.2 \n10.244.1.1 dev eth0 scope link  src 10.244.1.2 \n');
  });
  it('the AWS VPC CNI gives a /32 behind 169.254.1.1 with jumbo frames; a bridge CNI keeps the kernel subnet route', () => {
    const eks = getProfile('eks')!;
    const p = pod('x', '192.168.14.20', eks.nodes[0].name, 'busybox');
    const net = podNetwork(eks, p);
    expect(net.interfaces[1]).toMatchObject({ prefix: 32, mtu: 9001 });
    expect(net.interfaces[1].brd).toBeUndefined();
    expect(net.routes.map(routeLine).join('')).toBe('default via 169.254.1.1 dev eth0 \n169.254.1.1 dev eth0 scope link \n');
    const mk = getProfile('minikube')!;
    expect(podNetwork(mk, pod('y', '10.244.0.7', 'minikube', 'busybox')).routes.map(routeLine).join('')).toBe('default via 10.244.0.1 dev eth0 \n10.244.0.0/24 dev eth0 scope link  src 10.244.0.7 \n');
  });
  it('ifconfig scales byte counts like busybox', () => {
    expect(scaledBytes(0)).toBe('0 (0.0 B)');
    expect(scaledBytes(1060)).toBe('1060 (1.0 KiB)');
    expect(scaledBytes(3 * 1024 * 1024 + 512 * 1024)).toBe('3670016 (3.5 MiB)');
  });
});

describe('ip and ifconfig in a pod', () => {
  it('ip addr: lo and eth0@ifN with M-DOWN, iproute2 layout, trailing blanks where busybox leaves them', async () => {
    const r = await exec(SLEEP, ['ip', 'addr']);
    const mac = macFor('10.244.1.2');
    expect(r.stdout).toBe(
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000\n' +
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n' +
        '    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n' +
        '    inet6 ::1/128 scope host \n       valid_lft forever preferred_lft forever\n' +
        '2: eth0@if6: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP \n' +
        `    link/ether ${mac} brd ff:ff:ff:ff:ff:ff\n` +
        '    inet 10.244.1.2/24 brd 10.244.1.255 scope global eth0\n       valid_lft forever preferred_lft forever\n' +
        `    inet6 ${linkLocal(mac)}/64 scope link \n       valid_lft forever preferred_lft forever\n`,
    );
    expect((await exec(SLEEP, ['ip', '-4', 'a', 'show', 'eth0'])).stdout).not.toContain('inet6');
    expect(await exec(SLEEP, ['ip', 'a', 'show', 'eth9'])).toMatchObject({ stderr: "ip: can't find device 'eth9'\n", exitCode: 1 });
    expect((await exec(SLEEP, ['ip', 'route', 'add', 'default', 'via', '1.2.3.4'])).exitCode).toBe(2);
  });
  it('ifconfig: eth0 before lo, upper-case HWaddr, Bcast and Mask', async () => {
    const r = await exec(SLEEP, ['ifconfig']);
    const blocks = r.stdout.split('\n\n');
    expect(blocks[0].split('\n').slice(0, 4)).toEqual([
      `eth0      Link encap:Ethernet  HWaddr ${macFor('10.244.1.2').toUpperCase()}  `,
      '          inet addr:10.244.1.2  Bcast:10.244.1.255  Mask:255.255.255.0',
      `          inet6 addr: ${linkLocal(macFor('10.244.1.2'))}/64 Scope:Link`,
      '          UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1',
    ]);
    expect(blocks[0]).toMatch(/\n {10}collisions:0 txqueuelen:0 \n {10}RX bytes:\d+ \(\d+\.\d (Ki)?B\)  TX bytes:\d+ \(\d+\.\d (Ki)?B\)$/);
    expect(blocks[1].split('\n').slice(0, 4)).toEqual(['lo        Link encap:Local Loopback  ', '          inet addr:127.0.0.1  Mask:255.0.0.0', '          inet6 addr: ::1/128 Scope:Host', '          UP LOOPBACK RUNNING  MTU:65536  Metric:1']);
    expect((await exec(SLEEP, ['ifconfig', 'lo'])).stdout.startsWith('lo ')).toBe(true);
  });
});
