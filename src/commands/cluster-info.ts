import type { CommandContext, CommandSpec } from '../cli/command.js';
import type { KubeObject } from '../api/types.js';
import { CliError } from '../errors.js';
import { printingFlags } from './flags.js';
import { personaMinor } from './version.js';

/**
 * `kubectl cluster-info`: the API server address, then one line per Service labelled
 * kubernetes.io/cluster-service=true in kube-system (or the -n namespace), then a hint about `dump`.
 *
 * Colour: up to kubectl 1.31 the names and URLs were wrapped in ANSI colours by go-colortext, which
 * wrote straight to the process's stdout without checking for a terminal — so the escape codes also
 * end up in pipes and files. kubectl 1.32 dropped go-colortext and prints plain text. The persona decides.
 */

const GREEN = '\x1b[0;32m';
const YELLOW = '\x1b[0;33m';
const RESET = '\x1b[0m';

export const command: CommandSpec = {
  name: 'cluster-info',
  short: 'Display cluster information',
  long: "Show where the control plane is reachable and the addresses of the services labelled kubernetes.io/cluster-service=true. For a fuller picture of a misbehaving cluster, use 'kubectl cluster-info dump'.",
  examples: `# Print the address of the control plane and cluster services
kubectl cluster-info`,
  usage: 'cluster-info [flags] [options]',
  subcommands: [{ name: 'dump', short: 'Dump relevant information for debugging and diagnosis', load: async () => dumpCommand }],
  run: runClusterInfo,
};

const dumpCommand: CommandSpec = {
  name: 'dump',
  short: 'Dump relevant information for debugging and diagnosis',
  long: `Write out the state of the cluster for troubleshooting: nodes, events, workloads and the logs of every pod, for kube-system and the current namespace unless --namespaces or --all-namespaces say otherwise. Output goes to stdout, or into a tree of files under --output-directory.

 kubesim does not simulate this command.`,
  examples: `# Dump current cluster state to stdout
kubectl cluster-info dump

# Dump current cluster state to /path/to/cluster-state
kubectl cluster-info dump --output-directory=/path/to/cluster-state

# Dump all namespaces to stdout
kubectl cluster-info dump --all-namespaces

# Dump a set of namespaces to /path/to/cluster-state
kubectl cluster-info dump --namespaces default,kube-system --output-directory=/path/to/cluster-state`,
  usage: 'cluster-info dump [flags] [options]',
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool', description: 'If true, dump all namespaces.  If true, --namespaces is ignored.' },
    { name: 'namespaces', type: 'stringSlice', description: 'A comma separated list of namespaces to dump.' },
    {
      name: 'output',
      short: 'o',
      type: 'string',
      default: 'json',
      description: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
    },
    { name: 'output-directory', type: 'string', description: "Where to output the files.  If empty or '-' uses stdout, otherwise creates a directory hierarchy in that directory" },
    { name: 'pod-running-timeout', type: 'duration', default: '20s', description: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
    ...printingFlags,
  ],
  async run() {
    throw new CliError('cluster-info dump is not simulated by kubesim; use kubectl get, describe and logs on the objects you need');
  },
};

/** The proxy URL of a service, as kubectl builds it (`https:name:port` style for port 443 or "https"). */
function serviceLink(server: string, svc: KubeObject): string {
  const ingress = svc.status?.loadBalancer?.ingress?.[0];
  const ports: Array<{ name?: string; port: number }> = svc.spec?.ports ?? [];
  if (ingress) {
    const host = ingress.ip || ingress.hostname;
    // One "http://host:port " per port, trailing space included, as kubectl concatenates them.
    return ports.map((p) => `http://${host}:${p.port} `).join('');
  }
  let name = svc.metadata.name;
  if (ports.length > 0) {
    const p = ports[0];
    const scheme = p.name === 'https' || p.port === 443 ? 'https' : '';
    name = joinSchemeNamePort(scheme, name, p.name ?? '');
  }
  return `${server}/api/v1/namespaces/${svc.metadata.namespace}/services/${name}/proxy`;
}

/** apimachinery's JoinSchemeNamePort: `name`, `name:port`, `scheme:name:` or `scheme:name:port`. */
function joinSchemeNamePort(scheme: string, name: string, port: string): string {
  if (scheme) return `${scheme}:${name}:${port}`;
  return port ? `${name}:${port}` : name;
}

async function runClusterInfo(ctx: CommandContext): Promise<void> {
  const session = await ctx.session();
  const minor = personaMinor(session);
  const colour = minor <= 31;
  const line = (name: string, link: string) => (colour ? `${GREEN}${name}${RESET} is running at ${YELLOW}${link}${RESET}\n` : `${name} is running at ${link}\n`);
  const namespace = ctx.namespaceGiven ? ctx.namespace : 'kube-system';
  const server = session.profile.serverURL;
  // kubectl called the API server "Kubernetes master" until 1.19.
  let out = line(minor <= 19 ? 'Kubernetes master' : 'Kubernetes control plane', server);
  const services = session.store.list('Service', namespace).filter((s) => s.metadata.labels?.['kubernetes.io/cluster-service'] === 'true');
  for (const svc of services) out += line(svc.metadata.labels?.['kubernetes.io/name'] || svc.metadata.name, serviceLink(server, svc));
  out += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
  ctx.io.out.write(out);
}
