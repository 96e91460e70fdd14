import type { Tool } from '../shell/interpreter.js';
import type { ToolEnvironment } from '../tool-registry.js';
import { isIPv4 } from '../../network/dns/records.js';
import { dnsReachable } from '../net/policy-gate.js';

/** busybox nslookup's query timeout (`-timeout=SECS`, default 5). */
const TIMEOUT_S = 5;

/**
 * busybox nslookup when NetworkPolicy drops its queries (policy-gate.ts `dnsReachable`), wrapped around the
 * normal tool so the lookup logic stays in one place:
 * - ≥ 1.29 (own DNS client): it prints the `Server:` header only on the first reply, so a server that never
 *   answers leaves just `;; connection timed out; no servers could be reached` and a blank line on stdout,
 *   exit 1 (bind's nslookup wording, which busybox copies).
 * - ≤ 1.28 (libc resolver): the Server block without the server's PTR name (that lookup timed out too), then
 *   `nslookup: can't resolve 'NAME'` on stderr, exit 1 — what the Kubernetes "Debugging DNS Resolution" page
 *   shows. An IPv4 literal needs no query to be printed, only its (failed) reverse lookup.
 */
export function withNetworkPolicy(tool: Tool, env: Pick<ToolEnvironment, 'snapshot' | 'profile' | 'pod'>, busyboxVersion: string): Tool {
  return async (args, io) => {
    const positional = args.filter((a) => !a.startsWith('-'));
    const name = positional[0];
    if (!name) return tool(args, io);
    const conf = positional[1] ? `nameserver ${positional[1]}\n` : io.fs.exists('/etc/resolv.conf') ? io.fs.readFile('/etc/resolv.conf') : '';
    const gate = { snapshot: env.snapshot, profile: env.profile, from: env.pod, srcIP: env.pod.status?.podIP ?? '' };
    if (dnsReachable(gate, conf)) return tool(args, io);
    io.sleep(TIMEOUT_S);
    if (!/^1\.(1\d|2[0-8])(\.|$)/.test(busyboxVersion)) return { stdout: ';; connection timed out; no servers could be reached\n\n', stderr: '', exitCode: 1 };
    const server = conf.match(/^\s*nameserver\s+(\S+)/m)?.[1] ?? '127.0.0.1';
    const block = (header: string, value: string) => `${header.padEnd(10)} ${value}\nAddress 1: ${value}\n`;
    const stdout = `${block('Server:', server)}\n`;
    if (isIPv4(name)) return { stdout: stdout + block('Name:', name), stderr: '', exitCode: 0 };
    return { stdout, stderr: `nslookup: can't resolve '${name}'\n`, exitCode: 1 };
  };
}
