import type { Snapshot } from '../../api/snapshot.js';
import type { Tool } from '../shell/interpreter.js';
import { lookupHost, type Libc } from './resolve.js';

/**
 * getent hosts NAME…: Alpine's (musl-utils, NetBSD's getent.c) prints `%-16s  %s` and then musl's
 * aliases — musl lists the canonical name itself first and the name as typed second when it differs,
 * hence `10.96.0.10        whoami.default.svc.cluster.local  whoami.default.svc.cluster.local whoami`.
 * glibc's (Debian) prints `%-15s %s` and no alias for a search-expanded name. A key that does not
 * resolve ends the run with exit 2; an unknown database is exit 1.
 */
export function getentTool(snapshot: Snapshot, libc: Libc): Tool {
  return async (args, io) => {
    const [db, ...keys] = args;
    if (!db) {
      const usage =
        libc === 'musl'
          ? 'Usage: getent [ -s sources ] database [ key ... ]\n'
          : 'Usage: getent [OPTION...] database [key ...]\nTry `getent --help\' or `getent --usage\' for more information.\n';
      return { stdout: '', stderr: usage, exitCode: 1 };
    }
    if (db !== 'hosts' && db !== 'ahosts' && db !== 'ahostsv4') {
      if (['passwd', 'group', 'services', 'protocols', 'networks', 'shadow'].includes(db)) return { stdout: '', stderr: '', exitCode: 2 };
      return { stdout: '', stderr: libc === 'musl' ? `Unknown database: ${db}\n` : `Unknown database: ${db}\nTry \`getent --help' or \`getent --usage' for more information.\n`, exitCode: 1 };
    }
    if (!keys.length) {
      const hosts = io.fs.exists('/etc/hosts') ? io.fs.readFile('/etc/hosts') : '';
      let out = '';
      for (const line of hosts.split('\n')) {
        const [ip, name, ...aliases] = line.replace(/#.*/, '').trim().split(/\s+/);
        if (!ip || !name) continue;
        out += libc === 'musl' ? `${ip.padEnd(16)}  ${name}${aliases.length ? `  ${aliases.join(' ')}` : ''}\n` : `${ip.padEnd(15)} ${name}${aliases.map((a) => ` ${a}`).join('')}\n`;
      }
      return { stdout: out, stderr: '', exitCode: 0 };
    }
    let out = '';
    for (const key of keys) {
      const r = lookupHost(snapshot, io.fs, key, libc);
      if (!r.addresses.length || /^\d+\.\d+\.\d+\.\d+$/.test(key)) {
        const svc = /^\d+\.\d+\.\d+\.\d+$/.test(key) ? snapshot.list('Service').find((s) => s.spec?.clusterIP === key) : undefined;
        if (!svc) return { stdout: out, stderr: '', exitCode: 2 };
        const name = `${svc.metadata.name}.${svc.metadata.namespace}.svc.cluster.local`;
        out += libc === 'musl' ? `${key.padEnd(16)}  ${name}  ${name}\n` : `${key.padEnd(15)} ${name}\n`;
        continue;
      }
      if (db === 'ahosts' || db === 'ahostsv4') {
        for (const ip of r.addresses) out += `${ip.padEnd(15)} STREAM ${r.canonical}\n${ip.padEnd(15)} DGRAM  \n${ip.padEnd(15)} RAW    \n`;
        continue;
      }
      for (const ip of r.addresses) {
        if (libc === 'musl') {
          const aliases = r.canonical.toLowerCase() === key.replace(/\.$/, '').toLowerCase() ? [r.canonical] : [r.canonical, key];
          out += `${ip.padEnd(16)}  ${r.canonical}  ${aliases.join(' ')}\n`;
        } else out += `${ip.padEnd(15)} ${r.canonical}\n`;
        // getent hosts shows the first address of a name only (gethostbyname's h_addr).
        break;
      }
    }
    return { stdout: out, stderr: '', exitCode: 0 };
  };
}
