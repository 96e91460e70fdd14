import { describe, expect, it } from 'vitest';
import { getProfile } from '../../src/api/profiles.js';
import type { KubeObject } from '../../src/api/types.js';
import { buildRules } from '../../src/network/proxy-rules.js';
import { nodeFiles, nodeView, findNode } from '../../src/runtime/node-view.js';
import { nodeRoutes, nodeAddresses } from '../../src/runtime/tools/node-ip.js';
import { iptablesTool, iptablesSaveTool, listRules } from '../../src/runtime/tools/iptables.js';
import { hostRootMount, runOnNode, chrootTool, type NodeExecEnvironment } from '../../src/runtime/node-exec.js';
import { VirtualFs } from '../../src/runtime/shell/vfs.js';
import type { ToolIO } from '../../src/runtime/shell/interpreter.js';
import { service, slice, snapshotOf } from '../network/factories.js';

const profile = getProfile('default')!;
const worker = findNode(profile, 'kubesim-worker')!;

const pod = (name: string, ip: string, node: string, extra: Partial<KubeObject['spec']> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', uid: `uid-${name}` },
  spec: { nodeName: node, containers: [{ name: 'c', image: 'nginx' }], ...extra },
  status: { phase: 'Running', podIP: ip },
});

const myNginx = () =>
  snapshotOf([
    service('my-nginx', '10.96.184.12', [{ port: 80, nodePort: 31704 }], { type: 'NodePort' }),
    slice('my-nginx', [{ ip: '10.244.2.4', node: 'kubesim-worker2' }, { ip: '10.244.1.3', node: 'kubesim-worker' }], [{ port: 80 }]),
    pod('my-nginx-a', '10.244.1.3', 'kubesim-worker'),
    pod('my-nginx-b', '10.244.2.4', 'kubesim-worker2'),
  ]);

const io = (over: Partial<ToolIO> = {}): ToolIO => ({ stdin: '', env: new Map(), cwd: '/', fs: new VirtualFs(), argv0: 'x', shellName: 'sh', now: Date.UTC(2024, 3, 15, 10, 45, 0), sleep: () => undefined, ...over });

// iptables' print_header / print_rule_details layout: `%-9s ` target, the -p `!` column, `%-4s ` protocol,
// `-- `, then `!`-column + `%-19s ` for source and for destination, then each match's text after a space.
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - s.length));
const addrCol = (a: string) => (a.startsWith('!') ? `!${pad(a.slice(1), 19)} ` : ` ${pad(a, 19)} `);
const row = (target: string, prot: string, src: string, dst: string, extra: string) => `${pad(target, 9)}  ${pad(prot, 4)} -- ${addrCol(src)}${addrCol(dst)} ${extra}`;

describe('iptables -L on a node', () => {
  const run = (args: string[]) => iptablesTool(() => buildRules(myNginx(), profile, 'kubesim-worker'))(args, io());

  it('lists one nat chain with names (no -n): anywhere, service names for ports, trailing spaces kept', async () => {
    const r = await run(['-t', 'nat', '-L', 'KUBE-SVC-L65ENXXZWWSAPRCR']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      'Chain KUBE-SVC-L65ENXXZWWSAPRCR (2 references)\n' +
        'target     prot opt source               destination         \n' +
        'KUBE-MARK-MASQ  tcp  -- !10.244.0.0/16        10.96.184.12         /* default/my-nginx cluster IP */ tcp dpt:http\n' +
        'KUBE-SEP-BDY4WKPM7CKEJD2W  all  --  anywhere             anywhere             /* default/my-nginx -> 10.244.1.3:80 */ statistic mode random probability 0.50000000000\n' +
        'KUBE-SEP-GHWL6XMCLOXQK3FX  all  --  anywhere             anywhere             /* default/my-nginx -> 10.244.2.4:80 */\n',
    );
    // The same lines rebuilt from the printf widths.
    expect(r.stdout.split('\n')[2]).toBe(row('KUBE-MARK-MASQ', 'tcp', '!10.244.0.0/16', '10.96.184.12', '/* default/my-nginx cluster IP */ tcp dpt:http'));
  });

  it('-n prints addresses and ports numerically; a rule without matches ends in the padding', async () => {
    const r = await run(['-t', 'nat', '-nL', 'KUBE-EXT-L65ENXXZWWSAPRCR']);
    expect(r.stdout).toBe(
      'Chain KUBE-EXT-L65ENXXZWWSAPRCR (1 references)\n' +
        'target     prot opt source               destination         \n' +
        'KUBE-MARK-MASQ  all  --  0.0.0.0/0            0.0.0.0/0            /* masquerade traffic for default/my-nginx external destinations */\n' +
        'KUBE-SVC-L65ENXXZWWSAPRCR  all  --  0.0.0.0/0            0.0.0.0/0           \n',
    );
    const sep = await run(['-L', 'KUBE-SEP-BDY4WKPM7CKEJD2W', '-n', '-t', 'nat']);
    expect(sep.stdout.split('\n').slice(2, 4)).toEqual([
      row('KUBE-MARK-MASQ', 'all', '10.244.1.3', '0.0.0.0/0', '/* default/my-nginx */'),
      row('DNAT', 'tcp', '0.0.0.0/0', '0.0.0.0/0', '/* default/my-nginx */ tcp to:10.244.1.3:80'),
    ]);
  });

  it('lists every chain of a table separated by empty lines, built-ins with their policy first', async () => {
    const r = await run(['-t', 'nat', '-L']);
    expect(r.stdout.startsWith('Chain PREROUTING (policy ACCEPT)\ntarget     prot opt source               destination         \nKUBE-SERVICES  all  --  anywhere             anywhere             /* kubernetes service portals */\n\nChain INPUT (policy ACCEPT)\n')).toBe(true);
    expect(r.stdout).toContain('\n\nChain KUBE-MARK-MASQ (4 references)\ntarget     prot opt source               destination         \nMARK       all  --  anywhere             anywhere             MARK or 0x4000\n\n');
    expect(r.stdout).toContain('RETURN     all  --  anywhere             anywhere             mark match ! 0x4000/0x4000\nMARK       all  --  anywhere             anywhere             MARK xor 0x4000\nMASQUERADE  all  --  anywhere             anywhere             /* kubernetes service traffic requiring SNAT */ random-fully\n');
    expect(r.stdout).toContain('KUBE-NODEPORTS  all  --  anywhere             anywhere             /* kubernetes service nodeports; NOTE: this must be the last rule in this chain */ ADDRTYPE match dst-type LOCAL\n');
    expect(r.stdout.endsWith('\n\n')).toBe(false);
  });

  it('--line-numbers adds the num column', async () => {
    const r = await run(['-t', 'nat', '-L', 'KUBE-MARK-MASQ', '--line-numbers']);
    expect(r.stdout).toBe('Chain KUBE-MARK-MASQ (4 references)\nnum  target     prot opt source               destination         \n1    MARK       all  --  anywhere             anywhere             MARK or 0x4000\n');
  });

  it('-S prints -P/-N declarations, then the rules as iptables-save does', async () => {
    const r = await run(['-t', 'nat', '-S', 'KUBE-SEP-BDY4WKPM7CKEJD2W']);
    expect(r.stdout).toBe(
      '-N KUBE-SEP-BDY4WKPM7CKEJD2W\n-A KUBE-SEP-BDY4WKPM7CKEJD2W -s 10.244.1.3/32 -m comment --comment "default/my-nginx" -j KUBE-MARK-MASQ\n-A KUBE-SEP-BDY4WKPM7CKEJD2W -p tcp -m comment --comment "default/my-nginx" -m tcp -j DNAT --to-destination 10.244.1.3:80\n',
    );
    const all = listRules(buildRules(myNginx(), profile, 'kubesim-worker').nat)!;
    expect(all.split('\n').slice(0, 5)).toEqual(['-P PREROUTING ACCEPT', '-P INPUT ACCEPT', '-P OUTPUT ACCEPT', '-P POSTROUTING ACCEPT', '-N KUBE-EXT-L65ENXXZWWSAPRCR']);
  });

  it('refuses unknown chains, tables and missing commands as iptables does', async () => {
    expect(await run(['-t', 'nat', '-L', 'NOPE'])).toEqual({ stdout: '', stderr: 'iptables: No chain/target/match by that name.\n', exitCode: 1 });
    const t = await run(['-t', 'bogus', '-L']);
    expect(t.exitCode).toBe(3);
    expect(t.stderr).toContain("can't initialize iptables table `bogus': Table does not exist");
    const none = await run(['-t', 'nat']);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toBe("iptables v1.8.9 (nf_tables): no command specified\nTry `iptables -h' or 'iptables --help' for more information.\n");
  });

  it('iptables-save dates its dump with the simulated clock and knows its tables', async () => {
    const save = iptablesSaveTool(() => buildRules(myNginx(), profile, 'kubesim-worker'));
    const r = await save(['-t', 'nat'], io());
    expect(r.stdout.split('\n')[0]).toBe('# Generated by iptables-save v1.8.9 (nf_tables) on Mon Apr 15 10:45:00 2024');
    expect((await save(['-t', 'raw'], io())).exitCode).toBe(1);
  });
});

describe('ip route per CNI', () => {
  it('kindnet: the other nodes\' /24s via their IPs, local pods on /32 veth routes, the docker network', () => {
    const out = nodeRoutes(myNginx(), profile, worker);
    const lines = out.split('\n');
    expect(lines[0]).toBe('default via 172.18.0.1 dev eth0 ');
    expect(lines[1]).toBe('10.244.0.0/24 via 172.18.0.2 dev eth0 ');
    expect(lines[2]).toMatch(/^10\.244\.1\.3 dev veth[0-9a-f]{8} scope host $/);
    expect(lines.slice(3)).toEqual(['10.244.2.0/24 via 172.18.0.4 dev eth0 ', '172.18.0.0/16 dev eth0 proto kernel scope link src 172.18.0.3 ', '']);
  });

  it('calico: a blackhole for the own block, tunl0 routes to the others, cali interfaces for local pods', () => {
    const p = getProfile('k8s-docs')!;
    const node = p.nodes[1];
    const out = nodeRoutes(snapshotOf([pod('x', '10.244.3.7', node.name)]), p, node);
    expect(out).toContain(`blackhole 10.244.3.0/24 proto bird \n`);
    expect(out).toContain('10.244.0.0/24 via 10.240.0.2 dev tunl0 proto bird onlink \n');
    expect(out).toMatch(/10\.244\.3\.7 dev cali[0-9a-f]{11} scope link \n/);
  });

  it('bridge (Docker Desktop): one cni0 route for the pod range, no per-pod routes', () => {
    const p = getProfile('docker-desktop')!;
    const out = nodeRoutes(snapshotOf([pod('x', '10.1.0.6', 'docker-desktop')]), p, p.nodes[0]);
    expect(out).toBe('default via 192.168.65.1 dev eth0 \n10.1.0.0/16 dev cni0 proto kernel scope link src 10.1.0.1 \n192.168.65.0/24 dev eth0 proto kernel scope link src 192.168.65.3 \n');
  });

  it('AWS VPC CNI: no routes to other nodes\' pods (the VPC routes them), eni interfaces for local pods', () => {
    const p = getProfile('eks')!;
    const out = nodeRoutes(snapshotOf([pod('x', '192.168.14.9', p.nodes[0].name)]), p, p.nodes[0]);
    expect(out).not.toContain('192.168.59.0');
    expect(out).toMatch(/^default via 192\.168\.0\.1 dev ens5 proto dhcp src 192\.168\.15\.64 metric 512 \n/);
    expect(out).toMatch(/192\.168\.14\.9 dev eni[0-9a-f]{11} scope link \n/);
  });

  it('ip addr shows eth0 with the node InternalIP and a Docker MAC derived from it', () => {
    const out = nodeAddresses(myNginx(), profile, worker);
    expect(out).toContain('    link/ether 02:42:ac:12:00:03 brd ff:ff:ff:ff:ff:ff link-netnsid 0\n    inet 172.18.0.3/16 brd 172.18.255.255 scope global eth0\n');
    expect(out).toContain('    inet 10.244.1.1/32 scope global veth');
  });
});

describe('node files and shell', () => {
  const env = (): NodeExecEnvironment => ({ snapshot: myNginx(), profile, node: worker, now: 0, containers: {}, seed: 1 });

  it('kind nodes: kindnet conflist with the node pod range, Debian 12 os-release, hostname, resolv.conf', () => {
    const files = nodeFiles(myNginx(), profile, worker);
    expect(Object.keys(files).filter((f) => f.startsWith('/etc/cni/net.d/'))).toEqual(['/etc/cni/net.d/10-kindnet.conflist']);
    expect(files['/etc/cni/net.d/10-kindnet.conflist']).toContain('\t\t\t\t[ { "subnet": "10.244.1.0/24" } ]\n');
    expect(files['/etc/os-release']).toContain('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n');
    expect(files['/etc/hostname']).toBe('kubesim-worker\n');
    expect(files['/etc/resolv.conf']).toBe('nameserver 172.18.0.1\n');
    expect(nodeView(myNginx(), profile, worker).shell).toBe('bash');
  });

  it('calico nodes have the conflist and calico-kubeconfig', () => {
    const p = getProfile('k8s-docs')!;
    expect(Object.keys(nodeFiles(snapshotOf([]), p, p.nodes[0])).filter((f) => f.includes('net.d')).sort()).toEqual(['/etc/cni/net.d/10-calico.conflist', '/etc/cni/net.d/calico-kubeconfig']);
  });

  it('runs scripts in bash with the node tools: hostname, ls, pipes into grep', async () => {
    const r = await runOnNode(env(), 'hostname; ls /etc/cni/net.d; iptables-save -t nat | grep -c "^-A KUBE-SEP"; nosuch', '');
    expect(r.stdout).toBe('kubesim-worker\n10-kindnet.conflist\n4\n');
    expect(r.stderr).toContain('nosuch: command not found');
    expect(r.exitCode).toBe(127);
  });

  it('chroot /host switches a debug pod process to the node; other roots have nothing to run', async () => {
    const chroot = chrootTool('/host', env());
    const fs = new VirtualFs({}, ['/host']);
    const ok = await chroot(['/host', 'cat', '/etc/hostname'], io({ fs }));
    expect(ok.stdout).toBe('kubesim-worker\n');
    const sh = await chroot(['/host', 'sh', '-c', 'ip route | head -1'], io({ fs }));
    expect(sh.stdout).toBe('default via 172.18.0.1 dev eth0 \n');
    const bad = await chroot(['/host', 'nosuch'], io({ fs }));
    expect(bad).toMatchObject({ exitCode: 127, stderr: "chroot: can't execute 'nosuch': No such file or directory\n" });
    const elsewhere = await chroot(['/tmp', 'ls'], io({ fs: new VirtualFs({}, ['/tmp']) }));
    expect(elsewhere.exitCode).toBe(127);
  });

  it('finds the host-root mount of kubectl debug\'s pod and nothing in ordinary pods', () => {
    const debugPod = pod('node-debugger-x', '172.18.0.3', 'kubesim-worker', {
      containers: [{ name: 'debugger', image: 'busybox', volumeMounts: [{ mountPath: '/host', name: 'host-root' }] }],
      volumes: [{ name: 'host-root', hostPath: { path: '/' } }],
    });
    expect(hostRootMount(debugPod, 'debugger')).toBe('/host');
    expect(hostRootMount(pod('plain', '10.244.1.9', 'kubesim-worker'), 'c')).toBeUndefined();
  });
});
