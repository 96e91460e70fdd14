/**
 * Running commands on a node (`kubesim node ssh`, `chroot /host` in a node debug pod): a root shell with
 * the node's files (node-view.ts) and tools — the text tools, curl from the node's own address through
 * its kube-proxy rules (nat OUTPUT), iptables/iptables-save over those rules, `ip route`/`ip addr`.
 */
import type { ContainerRecord, Snapshot } from '../api/snapshot.js';
import type { NodeProfile, Profile } from '../api/profiles.js';
import type { KubeObject } from '../api/types.js';
import { buildRules, type ProxyRules } from '../network/proxy-rules.js';
import { runScript, type Tool, type ToolRegistry, type ShellSession } from './shell/interpreter.js';
import { builtinTools } from './shell/builtin-tools.js';
import { VirtualFs } from './shell/vfs.js';
import { clientContext } from './tool-registry.js';
import { curlTool } from './tools/curl.js';
import { iptablesSaveTool, iptablesTool } from './tools/iptables.js';
import { nodeIpTool } from './tools/node-ip.js';
import { mountNodeFiles, nodeAsPod, nodeCurlVersion, nodeView } from './node-view.js';
import type { ExecResult } from './exec.js';

export interface NodeExecEnvironment {
  snapshot: Snapshot;
  profile: Profile;
  node: NodeProfile;
  now: number;
  containers: Record<string, ContainerRecord>;
  seed: number;
}

/** Where a node-side program lives (for `type`, `command -v`, `which`-like answers). */
const NODE_PATHS: Record<string, string> = { iptables: '/usr/sbin/iptables', 'iptables-save': '/usr/sbin/iptables-save', ip: '/usr/sbin/ip', curl: '/usr/bin/curl' };

/** The programs of a node, bound to its network view and rules. */
export function nodeTools(env: NodeExecEnvironment, fs: VirtualFs): ToolRegistry {
  const tools = builtinTools();
  let rules: ProxyRules | undefined;
  const rulesOnce = () => (rules ??= buildRules(env.snapshot, env.profile, env.node.name));
  const net = clientContext({ snapshot: env.snapshot, profile: env.profile, pod: nodeAsPod(env.node), now: env.now, containers: env.containers, seed: env.seed }, fs);
  // Node images are glibc distributions (Debian for kind, Ubuntu/COS/Amazon Linux elsewhere).
  tools.set('curl', curlTool(net, { version: nodeCurlVersion(env.profile), libc: 'glibc' }));
  tools.set('iptables', iptablesTool(rulesOnce));
  tools.set('iptables-save', iptablesSaveTool(rulesOnce));
  tools.set('ip', nodeIpTool(env.snapshot, env.profile, env.node));
  return tools;
}

export interface NodeShell {
  fs: VirtualFs;
  env: Map<string, string>;
  tools: ToolRegistry;
  hostname: string;
  shell: 'bash' | 'sh';
}

export function nodeShellFor(env: NodeExecEnvironment): NodeShell {
  const view = nodeView(env.snapshot, env.profile, env.node);
  return { ...view, tools: nodeTools(env, view.fs) };
}

/** Runs a script in the node's login shell (`ssh node 'cmd args'` runs `$SHELL -c 'cmd args'`). */
export async function runOnNode(env: NodeExecEnvironment, script: string, stdin: string, o: { session?: ShellSession; asCommand?: boolean; shell?: NodeShell } = {}): Promise<ExecResult & { exited: boolean }> {
  const sh = o.shell ?? nodeShellFor(env);
  const r = await runScript(script, {
    env: sh.env,
    cwd: '/root',
    fs: sh.fs,
    tools: sh.tools,
    stdin,
    shellName: sh.shell,
    argv0: sh.shell,
    args: [],
    hostname: sh.hostname,
    now: env.now,
    toolPaths: NODE_PATHS,
    session: o.session,
  });
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, exited: r.exited, effects: { logs: [] } };
}

const quote = (a: string) => (/^[A-Za-z0-9_./:=@%+,-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);

/**
 * busybox `chroot NEWROOT [PROG [ARGS]]` in a pod that mounts the node's root (kubectl debug node/…): with
 * NEWROOT the host mount, PROG runs with the node's files and tools (no PROG: the node's shell, reading
 * the rest of standard input). Any other NEWROOT has no programs in it.
 */
export function chrootTool(hostMount: string, env: NodeExecEnvironment): Tool {
  return async (args, io) => {
    if (args.length === 0) return { stdout: '', stderr: 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: chroot NEWROOT [PROG ARGS]\n\nRun PROG with root directory set to NEWROOT\n', exitCode: 1 };
    const root = args[0].replace(/\/+$/, '') || '/';
    const argv = args.slice(1);
    if (root !== hostMount) {
      if (!io.fs.isDir(root)) return { stdout: '', stderr: `chroot: can't change root directory to '${args[0]}': No such file or directory\n`, exitCode: 1 };
      return { stdout: '', stderr: `chroot: can't execute '${argv[0] ?? '/bin/sh'}': No such file or directory\n`, exitCode: 127 };
    }
    const sh = nodeShellFor(env);
    if (argv.length === 0) return runOnNode(env, io.stdin, '', { shell: sh });
    const [cmd, ...rest] = argv;
    const name = cmd.slice(cmd.lastIndexOf('/') + 1);
    if (name === 'sh' || name === 'bash') {
      const c = rest.indexOf('-c');
      return runOnNode(env, c >= 0 ? (rest[c + 1] ?? '') : io.stdin, c >= 0 ? io.stdin : '', { shell: sh });
    }
    if (!sh.tools.has(name)) return { stdout: '', stderr: `chroot: can't execute '${cmd}': No such file or directory\n`, exitCode: 127 };
    return runOnNode(env, argv.map(quote).join(' '), io.stdin, { shell: sh });
  };
}

/** The host-root mount of a container (a hostPath `/` volume), if it has one — kubectl debug's `/host`. */
export function hostRootMount(pod: KubeObject, containerName: string): string | undefined {
  const volumes = (pod.spec?.volumes ?? []) as Array<{ name: string; hostPath?: { path?: string } }>;
  const container = [...(pod.spec?.containers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].find((c: { name: string }) => c.name === containerName) as { volumeMounts?: Array<{ name: string; mountPath: string }> } | undefined;
  for (const m of container?.volumeMounts ?? []) {
    const v = volumes.find((x) => x.name === m.name);
    if (v?.hostPath && (v.hostPath.path ?? '').replace(/\/+$/, '') === '') return m.mountPath.replace(/\/+$/, '') || '/';
  }
  return undefined;
}

/**
 * Gives a pod process that mounts the node's root its view of it: the node's files under the mount and
 * a `chroot` that switches to the node. Nothing changes for other pods.
 */
export function withHostRoot(pod: KubeObject, containerName: string, fs: VirtualFs, tools: ToolRegistry, env: Omit<NodeExecEnvironment, 'node'>): void {
  const at = hostRootMount(pod, containerName);
  const node = env.profile.nodes.find((n) => n.name === pod.spec?.nodeName);
  if (!at || at === '/' || !node) return;
  mountNodeFiles(fs, at, env.snapshot, env.profile, node);
  tools.set('chroot', chrootTool(at, { ...env, node }));
}
