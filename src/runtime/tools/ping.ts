import type { Snapshot } from '../../api/snapshot.js';
import type { Profile } from '../../api/profiles.js';
import type { KubeObject } from '../../api/types.js';
import type { Tool } from '../shell/interpreter.js';
import { cniOf } from './pod-net.js';
import { jitter, lookupHost, type Libc } from './resolve.js';

/**
 * busybox ping (networking/ping.c): `PING host (ip): 56 data bytes`, one line per reply, the statistics
 * block, exit 1 when nothing came back. What answers ICMP echo in the simulated cluster: running pods'
 * IPs, nodes' IPs and loopback. Service cluster IPs do not — in iptables mode they exist only as DNAT
 * rules for the service's TCP/UDP ports, so an echo request to one goes nowhere (100% packet loss).
 *
 * A real `ping host` without -c or -w runs until interrupted. A simulated exec cannot be interrupted, so
 * the simulator refuses to start an endless ping and says why on stderr (exit 1) instead of inventing an
 * interruption the user never made.
 */
export interface PingContext {
  snapshot: Snapshot;
  profile: Profile;
  from: KubeObject;
  now: number;
}

interface Target {
  ttl: number;
  /** Typical round trip in microseconds. */
  rttUs: number;
}

/** Who answers an echo request to `ip` from pod `from`, and with which TTL (one per routing hop). */
export function echoTarget(ctx: PingContext, ip: string): Target | undefined {
  const node = ctx.from.spec?.nodeName;
  const bridged = cniOf(ctx.profile) === 'bridge';
  if (ip.startsWith('127.') || ip === ctx.from.status?.podIP) return { ttl: 64, rttUs: 45 };
  const n = ctx.profile.nodes.find((x) => x.internalIP === ip || x.externalIP === ip);
  if (n) return { ttl: n.name === node ? 64 : 63, rttUs: n.name === node ? 60 : 250 };
  const pod = ctx.snapshot.list('Pod').find((p) => p.status?.podIP === ip && p.status?.phase === 'Running');
  if (!pod) return undefined;
  if (pod.spec?.hostNetwork) return { ttl: pod.spec?.nodeName === node ? 64 : 63, rttUs: 200 };
  if (pod.spec?.nodeName === node) return { ttl: bridged ? 64 : 63, rttUs: 70 };
  return { ttl: bridged ? 63 : 62, rttUs: 260 };
}

const fmtMs = (us: number) => `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')}`;

export function pingTool(ctx: PingContext, busybox: string, libc: Libc = 'musl'): Tool {
  return async (args, io) => {
    let count = 0;
    let deadline = 0;
    let wait = 10;
    let quiet = false;
    let size = 56;
    let host: string | undefined;
    const usage = `BusyBox v${busybox} multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n\nSend ICMP ECHO_REQUESTs to HOST\n\n\t-4,-6\t\tForce IP or IPv6 name resolution\n\t-c CNT\t\tSend only CNT pings\n\t-s SIZE\t\tSend SIZE data bytes in packets (default 56)\n\t-i SECS\t\tInterval\n\t-A\t\tPing as soon as reply is recevied\n\t-t TTL\t\tSet TTL\n\t-I IFACE/IP\tSource interface or IP address\n\t-W SEC\t\tSeconds to wait for the first response (default 10)\n\t\t\t(after all -c CNT packets are sent)\n\t-w SEC\t\tSeconds until ping exits (default:infinite)\n\t\t\t(can exit earlier with -c CNT)\n\t-q\t\tQuiet, only display output at start\n\t\t\tand when finished\n\t-p HEXBYTE\tPattern to use for payload\n`;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a.startsWith('-') && a.length > 1) {
        for (let k = 1; k < a.length; k++) {
          const c = a[k];
          if (c === 'q') quiet = true;
          else if ('46vA'.includes(c)) continue;
          else if ('csiWwtIp'.includes(c)) {
            const v = k + 1 < a.length ? a.slice(k + 1) : args[++i];
            if (v === undefined) return { stdout: '', stderr: `ping: option requires an argument -- '${c}'\n${usage}`, exitCode: 1 };
            const num = Number(v);
            if ('csWw'.includes(c) && (!/^\d+$/.test(v) || !Number.isFinite(num))) return { stdout: '', stderr: `ping: invalid number '${v}'\n`, exitCode: 1 };
            if (c === 'c') count = num;
            else if (c === 'w') deadline = num;
            else if (c === 'W') wait = num;
            else if (c === 's') size = num;
            break;
          } else return { stdout: '', stderr: `ping: invalid option -- '${c}'\n${usage}`, exitCode: 1 };
        }
        continue;
      }
      if (host !== undefined) return { stdout: '', stderr: usage, exitCode: 1 };
      host = a;
    }
    if (host === undefined) return { stdout: '', stderr: usage, exitCode: 1 };
    const ip = lookupHost(ctx.snapshot, io.fs, host, libc).addresses[0];
    if (!ip) return { stdout: '', stderr: `ping: bad address '${host}'\n`, exitCode: 1 };
    if (!count && !deadline) {
      return { stdout: '', stderr: `ping: kubesim: without -c COUNT or -w SECONDS this ping would run until interrupted, and a simulated exec cannot be interrupted; add -c 4 (for example)\n`, exitCode: 1 };
    }
    const target = echoTarget(ctx, ip);
    const rnd = jitter(ctx.now ^ ip.split('.').reduce((a, b) => a * 31 + Number(b), 7));
    let out = `PING ${host} (${ip}): ${size} data bytes\n`;
    let sent = 0;
    let received = 0;
    const rtts: number[] = [];
    // Packets go out once a second. With -w the deadline is checked when the next packet is due, after
    // the transmit counter has been bumped — busybox's quirk of reporting one more packet transmitted.
    for (let t = 0; ; t++) {
      if (count && sent >= count) break;
      sent++;
      if (deadline && t >= deadline) break;
      if (target) {
        const rtt = Math.round(target.rttUs * (t === 0 ? 1.6 : 0.8) + rnd() * target.rttUs * 0.6);
        rtts.push(rtt);
        received++;
        if (!quiet) out += `${size + 8} bytes from ${ip}: seq=${t} ttl=${target.ttl} time=${fmtMs(rtt)} ms\n`;
        if (count && received >= count) break;
      }
      io.sleep(1);
    }
    // All -c packets out and some still unanswered: wait -W seconds (default 10) for a late reply.
    if (count && received < count && !deadline) io.sleep(wait - 1);
    const loss = sent ? Math.floor(((sent - received) * 100) / sent) : 0;
    out += `\n--- ${host} ping statistics ---\n${sent} packets transmitted, ${received} packets received, ${loss}% packet loss\n`;
    if (rtts.length) {
      const min = Math.min(...rtts);
      const max = Math.max(...rtts);
      const avg = Math.floor(rtts.reduce((a, b) => a + b, 0) / rtts.length);
      out += `round-trip min/avg/max = ${fmtMs(min)}/${fmtMs(avg)}/${fmtMs(max)} ms\n`;
    }
    const failed = received === 0 || (deadline > 0 && count > 0 && received < count);
    return { stdout: out, stderr: '', exitCode: failed ? 1 : 0 };
  };
}
