import type { Snapshot } from '../../api/snapshot.js';
import type { Tool } from '../shell/interpreter.js';
import { nslookupNew, nslookupOld } from '../../network/dns/nslookup.js';
import { parseResolvConf } from '../../network/dns/resolv-conf.js';

/** busybox nslookup: the ≤1.28 format (libc resolver, PTR names) or the ≥1.29 one (own client). */
export function nslookupTool(snapshot: Snapshot, busyboxVersion: string): Tool {
  return async (args, io) => {
    const name = args.filter((a) => !a.startsWith('-'))[0];
    if (!name) return { stdout: '', stderr: 'BusyBox v' + busyboxVersion + ' multi-call binary.\n\nUsage: nslookup [HOST] [SERVER]\n', exitCode: 1 };
    const conf = parseResolvConf(io.fs.exists('/etc/resolv.conf') ? io.fs.readFile('/etc/resolv.conf') : '');
    const old = /^1\.(1\d|2[0-8])(\.|$)/.test(busyboxVersion);
    return old ? nslookupOld(snapshot, name, conf) : nslookupNew(snapshot, name, conf, { version: busyboxVersion });
  };
}
