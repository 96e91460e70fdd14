import type { KubeObject } from '../api/types.js';
import type { ContainerRecord, Snapshot } from '../api/snapshot.js';
import type { Profile } from '../api/profiles.js';
import { resolvConf } from '../network/dns/resolv-conf.js';
import { runScript, type ToolRegistry } from './shell/interpreter.js';
import { builtinTools } from './shell/builtin-tools.js';
import { VirtualFs } from './shell/vfs.js';
import { toolboxFor } from './toolbox.js';
import { nslookupTool } from './tools/nslookup.js';
import { curlTool } from './tools/curl.js';
import { wgetTool } from './tools/wget.js';
import type { ClientContext } from './tools/http-client.js';

export interface ExecRequest {
  snapshot: Snapshot;
  profile: Profile;
  pod: KubeObject;
  container: { name: string; image: string };
  /** The runtime's record of the running container (its environment). */
  record: ContainerRecord | undefined;
  argv: string[];
  stdin: string;
  /** Simulated now, epoch milliseconds. */
  now: number;
  /** Every container instance the runtime knows (servers' environments). */
  containers: Record<string, ContainerRecord>;
  /** Seed for this exec's random choices (endpoint picks, ephemeral ports). */
  seed: number;
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const SHELL_BINARIES = ['echo', 'true', 'false', 'printf', 'test', '[', 'pwd', 'kill'];

/** /etc/hosts as the kubelet writes it for a pod. */
export function hostsFile(pod: KubeObject): string {
  return `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${pod.status?.podIP ?? ''}\t${pod.metadata.name}\n`;
}

/** What a process in the container sees: its files (resolv.conf, hosts, hostname) and environment. */
function podView(req: ExecRequest): { fs: VirtualFs; env: Map<string, string> } {
  const dns = req.snapshot.get('Service', 'kube-system', 'kube-dns')?.spec?.clusterIP ?? '';
  const fs = new VirtualFs(
    {
      '/etc/resolv.conf': resolvConf(req.pod, req.profile, dns),
      '/etc/hosts': hostsFile(req.pod),
      '/etc/hostname': `${req.pod.metadata.name}\n`,
    },
    ['/', '/root', '/tmp', '/etc', '/bin', '/usr/bin'],
  );
  const box = toolboxFor(req.container.image);
  const env = new Map<string, string>();
  env.set('PATH', box.env[0]?.[1] ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
  env.set('HOSTNAME', req.pod.metadata.name);
  for (const { name, value } of req.record?.env ?? []) env.set(name, value);
  for (const [k, v] of box.env.slice(1)) env.set(k, v);
  env.set('HOME', '/root');
  return { fs, env };
}

/** A small deterministic generator for one exec (mulberry32). */
function randomFrom(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

function clientContext(req: ExecRequest, fs: VirtualFs): ClientContext {
  return {
    snapshot: req.snapshot,
    profile: req.profile,
    from: req.pod,
    resolvConf: fs.readFile('/etc/resolv.conf'),
    random: randomFrom(req.seed),
    now: req.now,
    serverEnv(pod, container) {
      const id = (pod.status?.containerStatuses ?? []).find((c: { name: string }) => c.name === container)?.containerID;
      return new Map((req.containers[id] ?? { env: [] }).env.map((e) => [e.name, e.value] as [string, string]));
    },
  };
}

function toolsFor(req: ExecRequest, fs: VirtualFs): ToolRegistry {
  const box = toolboxFor(req.container.image);
  const all = builtinTools();
  if (box.busybox) all.set('nslookup', nslookupTool(req.snapshot, box.busybox));
  const net = clientContext(req, fs);
  all.set('curl', curlTool(net, box.curl));
  if (box.busybox) all.set('wget', wgetTool(net));
  return new Map([...all].filter(([name]) => box.programs.includes(name)));
}

/**
 * Runs a command in a container the way `kubectl exec` reaches it through the runtime: a shell runs
 * its script, a program present in the image runs directly, anything else fails as runc reports it
 * (exit 126). Nothing here touches the host.
 */
export async function execInContainer(req: ExecRequest): Promise<ExecResult> {
  const box = toolboxFor(req.container.image);
  const { fs, env } = podView(req);
  const tools = toolsFor(req, fs);
  const [cmd, ...args] = req.argv;
  const program = cmd.slice(cmd.lastIndexOf('/') + 1);
  // Every image with a shell has `sh`; bash and ash only where the image ships them.
  const shellHere = Boolean(box.shell) && (program === 'sh' || program === box.shell);
  const base = { env, cwd: '/', fs, tools, hostname: req.pod.metadata.name, now: req.now };
  if (shellHere) {
    const c = args.indexOf('-c');
    const script = c >= 0 ? (args[c + 1] ?? '') : req.stdin;
    const r = await runScript(script, { ...base, stdin: c >= 0 ? req.stdin : '', shellName: program === 'bash' ? 'bash' : 'sh', argv0: c >= 0 ? (args[c + 2] ?? program) : program, args: c >= 0 ? args.slice(c + 3) : [] });
    return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
  }
  // Programs that are shell builtins too (`echo`, `true`, …) exist as binaries in any image with a shell.
  if (!tools.has(program) && box.shell && SHELL_BINARIES.includes(program)) {
    const quoted = req.argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const r = await runScript(quoted, { ...base, stdin: req.stdin, shellName: 'sh', argv0: 'sh', args: [] });
    return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
  }
  const tool = tools.get(program);
  if (!tool || (cmd.includes('/') && !cmd.startsWith('/bin/') && !cmd.startsWith('/usr/'))) {
    return {
      stdout: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${cmd}": executable file not found in $PATH: unknown\n`,
      stderr: '',
      exitCode: 126,
    };
  }
  const r = await tool(args, { stdin: req.stdin, env, cwd: '/', fs, argv0: cmd, shellName: 'sh', now: req.now, hostname: req.pod.metadata.name, sleep: () => undefined });
  return r;
}
