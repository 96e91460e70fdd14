import type { Snapshot } from '../../api/snapshot.js';
import type { ResolvConf } from './resolv-conf.js';
import { isIPv4, lookup, reverseLookup, reverseName, type DnsReply, type QType } from './records.js';
import { resolveA, searchCandidates } from './resolver.js';

/**
 * busybox `nslookup NAME`, both implementations, as pure functions of the cluster DNS
 * (kubectl-output.md §8.2, walkthroughs.md §5 B6 and Appendix A.1).
 */

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const pad10 = (s: string) => s.padEnd(10, ' ');

/**
 * busybox ≤ 1.28 (busybox:1.28, radial/busyboxplus:curl): resolves through the libc resolver (search list
 * and ndots apply, see resolver.ts `glibc`), prints `%-10s %s` headers and reverse-resolves every address:
 *
 *     Server:    10.96.0.10
 *     Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local
 *
 *     Name:      kubernetes.default
 *     Address 1: 10.96.0.1 kubernetes.default.svc.cluster.local
 *
 * Failure: the Server block, then `nslookup: can't resolve 'NAME'` on stderr, exit 1.
 */
export function nslookupOld(snapshot: Snapshot, name: string, conf: ResolvConf): ExecResult {
  const server = conf.nameservers[0] ?? '127.0.0.1';
  const host = (header: string, addrs: string[], shown: string) =>
    `${pad10(header)} ${shown}\n` +
    addrs
      .map((ip, i) => {
        const ptr = reverseLookup(snapshot, ip);
        return `Address ${i + 1}: ${ip}${ptr ? ` ${ptr}` : ''}\n`;
      })
      .join('');
  let stdout = host('Server:', [server], server) + '\n';
  const r = resolveA(snapshot, name, conf, 'glibc');
  if (r.rcode !== 'NOERROR' || r.addresses.length === 0) {
    return { stdout, stderr: `nslookup: can't resolve '${name}'\n`, exitCode: 1 };
  }
  stdout += host('Name:', r.addresses, name);
  return { stdout, stderr: '', exitCode: 0 };
}

/**
 * The order replies are printed in. busybox ≥ 1.29 sends all queries at once and prints replies as they
 * arrive, which is not deterministic; kubesim prints them in the order they were sent:
 * - `sent` (default, what Appendix A.1 shows): the A query for each search domain in turn, then the AAAA
 *   query for each (busybox adds all A queries, then all AAAA queries);
 * - `per-name`: A then AAAA for each name in turn.
 */
export type ReplyOrder = 'sent' | 'per-name';

export interface NslookupNewOptions {
  /** busybox version, e.g. `1.31.1` (Alpine 3.12, the courselabs sleep image) or `1.36.1`. */
  version?: string;
  order?: ReplyOrder;
}

/** Whether this busybox version's nslookup exits 1 when a reply was an error (NXDOMAIN, SERVFAIL): ≥ 1.33. */
export function exitsOnErrorReply(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map((n) => Number.parseInt(n, 10) || 0);
  return major > 1 || (major === 1 && minor >= 33);
}

function formatReply(queried: string, r: DnsReply): string {
  if (r.rcode !== 'NOERROR') return `** server can't find ${queried}: ${r.rcode}\n\n`;
  let out = r.authoritative ? '' : 'Non-authoritative answer:\n';
  for (const rr of r.answers) {
    if (rr.type === 'A' || rr.type === 'AAAA') out += `Name:\t${rr.name}\nAddress: ${rr.data}\n`;
    else if (rr.type === 'CNAME') out += `${rr.name}\tcanonical name = ${rr.data}\n`;
    else if (rr.type === 'PTR') out += `${rr.name}\tname = ${rr.data}\n`;
    else if (rr.type === 'SRV') out += `${rr.name}\tservice = ${rr.data}\n`;
  }
  return `${out}\n`;
}

/**
 * busybox ≥ 1.29 (busybox:latest, Alpine's busybox): its own DNS client.
 *
 *     Server:\t\t10.96.0.10
 *     Address:\t10.96.0.10:53
 *     <blank>
 *
 * then one block per reply, each followed by a blank line: `Name:\t<fqdn>` / `Address: <ip>` per answer,
 * `<name>\tcanonical name = <target>` for CNAMEs, `** server can't find <name>: NXDOMAIN` for misses, and
 * nothing (just the blank line) for an empty NOERROR reply. A dotless name is queried with each search
 * domain (A for each, then AAAA for each); a name with a dot is queried as is. An IPv4 address is looked up
 * as a PTR. Exit code: 0 on busybox < 1.33 even after NXDOMAIN; ≥ 1.33 exits 1 when any reply was an error.
 */
export function nslookupNew(snapshot: Snapshot, name: string, conf: ResolvConf, options: NslookupNewOptions = {}): ExecResult {
  const version = options.version ?? '1.31.1';
  const server = conf.nameservers[0] ?? '127.0.0.1';
  let stdout = `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
  const queries: Array<{ name: string; type: QType }> = [];
  if (isIPv4(name)) {
    queries.push({ name: reverseName(name), type: 'PTR' });
  } else {
    const names = searchCandidates(name, conf, 'busybox-new').map((n) => (name.endsWith('.') && n === name.replace(/\.+$/, '') ? name : n));
    if ((options.order ?? 'sent') === 'sent') {
      for (const type of ['A', 'AAAA'] as const) for (const n of names) queries.push({ name: n, type });
    } else {
      for (const n of names) for (const type of ['A', 'AAAA'] as const) queries.push({ name: n, type });
    }
  }
  let failed = false;
  for (const q of queries) {
    const r = lookup(snapshot, q.name, q.type);
    if (r.rcode !== 'NOERROR') failed = true;
    stdout += formatReply(q.name, r);
  }
  return { stdout, stderr: '', exitCode: failed && exitsOnErrorReply(version) ? 1 : 0 };
}
