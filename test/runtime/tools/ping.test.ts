import { describe, expect, it } from 'vitest';
import { getProfile } from '../../../src/api/profiles.js';
import { echoTarget } from '../../../src/runtime/tools/ping.js';
import { exec, NGINX, SLEEP, WHOAMI, profile, sh, snapshot } from './cluster.js';

describe('busybox ping', () => {
  it('pod IPs answer, one line per second, then the statistics', async () => {
    const r = await exec(SLEEP, ['ping', '-c', '3', '10.244.2.2']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('PING 10.244.2.2 (10.244.2.2): 56 data bytes');
    for (const [i, l] of lines.slice(1, 4).entries()) expect(l).toMatch(new RegExp(`^64 bytes from 10\\.244\\.2\\.2: seq=${i} ttl=62 time=0\\.\\d{3} ms$`));
    expect(lines.slice(4, 7)).toEqual(['', '--- 10.244.2.2 ping statistics ---', '3 packets transmitted, 3 packets received, 0% packet loss']);
    expect(lines[7]).toMatch(/^round-trip min\/avg\/max = 0\.\d{3}\/0\.\d{3}\/0\.\d{3} ms$/);
    expect(r.exitCode).toBe(0);
  });
  it('advances the simulated clock a second per packet', async () => {
    const r = await sh(SLEEP, 'date +%s; ping -c 3 10.244.1.3 >/dev/null; date +%s');
    const [a, b] = r.stdout.trim().split('\n').map(Number);
    expect(b - a).toBe(2);
  });
  it('a cluster IP is only DNAT rules for its ports: echo requests get no answer', async () => {
    const r = await sh(SLEEP, 'ping -c 2 -W 1 whoami');
    expect(r.stdout).toBe('PING whoami (10.96.0.20): 56 data bytes\n\n--- whoami ping statistics ---\n2 packets transmitted, 0 packets received, 100% packet loss\n');
    expect(r.exitCode).toBe(1);
  });
  it('-w stops at the deadline, counting the packet that was due (busybox\'s quirk)', async () => {
    const r = await exec(SLEEP, ['ping', '-w', '2', 'sleep']);
    expect(r.stdout).toContain('3 packets transmitted, 2 packets received, 33% packet loss');
    expect(r.exitCode).toBe(0);
  });
  it('unknown names, a missing count, and images without ping', async () => {
    expect(await exec(SLEEP, ['ping', '-c', '1', 'nope'])).toMatchObject({ stdout: '', stderr: "ping: bad address 'nope'\n", exitCode: 1 });
    const endless = await exec(SLEEP, ['ping', 'whoami']);
    expect(endless.exitCode).toBe(1);
    expect(endless.stderr).toMatch(/^ping: kubesim: without -c COUNT or -w SECONDS this ping would run until interrupted/);
    expect((await exec(NGINX, ['ping', '-c', '1', 'web'])).exitCode).toBe(126);
    expect((await sh(NGINX, 'ping -c 1 web')).exitCode).toBe(127);
  });
  it('TTL counts routing hops: 64 for itself and its node, 63 across the node, 62 to another node (routed CNI); a bridge keeps 64 on the node', () => {
    const ctx = { snapshot, profile, from: SLEEP, now: 0 };
    expect(echoTarget(ctx, '10.244.1.2')?.ttl).toBe(64);
    expect(echoTarget(ctx, '172.18.0.3')?.ttl).toBe(64);
    expect(echoTarget(ctx, '10.244.1.3')?.ttl).toBe(63);
    expect(echoTarget(ctx, WHOAMI.status.podIP)?.ttl).toBe(62);
    expect(echoTarget(ctx, '10.96.0.20')).toBeUndefined();
    expect(echoTarget({ ...ctx, profile: getProfile('minikube')! }, '10.244.1.3')?.ttl).toBe(64);
  });
});
