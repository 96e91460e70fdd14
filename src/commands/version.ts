import type { CommandContext, CommandSpec } from '../cli/command.js';
import type { Session } from '../cluster/session.js';
import { CliError, FlagError } from '../errors.js';

/**
 * `kubectl version`. What it prints depends on the kubectl persona of the cluster: 1.28+ prints the
 * short `Client Version: v1.32.4` lines; 1.24–1.27 print Go's `%#v` of version.Info plus a kustomize
 * line and a deprecation warning on stderr; older clients print only the `%#v` lines.
 */

/** apimachinery's version.Info, in its JSON field order. */
export interface VersionInfo {
  major: string;
  minor: string;
  gitVersion: string;
  gitCommit: string;
  gitTreeState: string;
  buildDate: string;
  goVersion: string;
  compiler: string;
  platform: string;
}

interface ClientBuild {
  gitVersion: string;
  gitCommit: string;
  buildDate: string;
  goVersion: string;
  /** The kustomize version the binary reports (1.24+). */
  kustomize?: string;
}

const KUSTOMIZE_5_0_4 = 'v5.0.4-0.20230601165947-6ce0bf390ce3';

/**
 * The official release build of each kubectl minor (the .0 release, 1.32.4 for the default persona),
 * as `kubectl version` reports it. The 1.28 build date is approximate.
 */
const CLIENT_BUILDS: Record<number, ClientBuild> = {
  10: { gitVersion: 'v1.10.0', gitCommit: 'fc32d2f3698e36b93322a3465f63a14e9f0eaead', buildDate: '2018-03-26T16:55:54Z', goVersion: 'go1.9.3' },
  11: { gitVersion: 'v1.11.0', gitCommit: '91e7b4fd31fcd3d5f436da26c980becec37ceefe', buildDate: '2018-06-27T20:17:28Z', goVersion: 'go1.10.2' },
  12: { gitVersion: 'v1.12.0', gitCommit: '0ed33881dc4355495f623c6f22e7dd0b7632b7c0', buildDate: '2018-09-27T17:05:32Z', goVersion: 'go1.10.4' },
  13: { gitVersion: 'v1.13.0', gitCommit: 'ddf47ac13c1a9483ea035a79cd7c10005ff21a6d', buildDate: '2018-12-03T21:04:45Z', goVersion: 'go1.11.2' },
  14: { gitVersion: 'v1.14.0', gitCommit: '641856db18352033a0d96dbc99153fa3b27298e5', buildDate: '2019-03-25T15:53:57Z', goVersion: 'go1.12.1' },
  15: { gitVersion: 'v1.15.0', gitCommit: 'e8462b5b5dc2584fdcd18e6bcfe9f1e4d970a529', buildDate: '2019-06-19T16:40:16Z', goVersion: 'go1.12.5' },
  16: { gitVersion: 'v1.16.0', gitCommit: '2bd9643cee5b3b3a5ecbd3af49d09018f0773c77', buildDate: '2019-09-18T14:36:53Z', goVersion: 'go1.12.9' },
  17: { gitVersion: 'v1.17.0', gitCommit: '70132b0f130acc0bed193d9ba59dd186f0e634cf', buildDate: '2019-12-07T21:20:10Z', goVersion: 'go1.13.4' },
  18: { gitVersion: 'v1.18.0', gitCommit: '9e991415386e4cf155a24b1da15becaa390438d8', buildDate: '2020-03-25T14:58:59Z', goVersion: 'go1.13.8' },
  19: { gitVersion: 'v1.19.0', gitCommit: 'e19964183377d0ec2052d1f1fa930c4d7575bd50', buildDate: '2020-08-26T14:30:33Z', goVersion: 'go1.15' },
  20: { gitVersion: 'v1.20.0', gitCommit: 'af46c47ce925f4c4ad5cc8d1fca46c7b77d13b38', buildDate: '2020-12-08T17:59:43Z', goVersion: 'go1.15.5' },
  21: { gitVersion: 'v1.21.0', gitCommit: 'cb303e613a121a29364f75cc67d3d580833a7479', buildDate: '2021-04-08T16:31:21Z', goVersion: 'go1.16.1' },
  22: { gitVersion: 'v1.22.0', gitCommit: 'c2b5237ccd9c0f1d600d3072634ca66cefdf272f', buildDate: '2021-08-04T18:03:20Z', goVersion: 'go1.16.6' },
  23: { gitVersion: 'v1.23.0', gitCommit: 'ab69524f795c42094a6630298ff53f3c3ebab7f4', buildDate: '2021-12-07T18:16:20Z', goVersion: 'go1.17.3' },
  24: { gitVersion: 'v1.24.0', gitCommit: '4ce5a8954017644c5420bae81d72b09b735c21f0', buildDate: '2022-05-03T13:46:05Z', goVersion: 'go1.18.1', kustomize: 'v4.5.4' },
  25: { gitVersion: 'v1.25.0', gitCommit: 'a866cbe2e5bbaa01cfd5e969aa3e033f3282a8a2', buildDate: '2022-08-23T17:44:59Z', goVersion: 'go1.19', kustomize: 'v4.5.7' },
  26: { gitVersion: 'v1.26.0', gitCommit: 'b46a3f887ca979b1a5d14fd39cb1af43e7e5d12d', buildDate: '2022-12-08T19:58:30Z', goVersion: 'go1.19.4', kustomize: 'v4.5.7' },
  27: { gitVersion: 'v1.27.0', gitCommit: '1b4df30b3cdfeaba6024e81e559a6cd09a089d65', buildDate: '2023-04-11T17:10:18Z', goVersion: 'go1.20.3', kustomize: 'v5.0.1' },
  28: { gitVersion: 'v1.28.0', gitCommit: '855e7c48de7388eb330da0f8d9d2394ee818fb8d', buildDate: '2023-08-15T10:21:32Z', goVersion: 'go1.20.7', kustomize: KUSTOMIZE_5_0_4 },
  29: { gitVersion: 'v1.29.0', gitCommit: '3f7a50f38688eb332e2a1b013678c6435d539ae6', buildDate: '2023-12-13T08:51:44Z', goVersion: 'go1.21.5', kustomize: KUSTOMIZE_5_0_4 },
  30: { gitVersion: 'v1.30.0', gitCommit: '7c48c2bd72b9bf5c44d21d7338cc7bea77d0ad2a', buildDate: '2024-04-17T17:36:05Z', goVersion: 'go1.22.2', kustomize: KUSTOMIZE_5_0_4 },
  31: { gitVersion: 'v1.31.0', gitCommit: '9edcffcde5595e8a5b1a35f88c421764e575afce', buildDate: '2024-08-13T07:37:34Z', goVersion: 'go1.22.5', kustomize: 'v5.4.2' },
  32: { gitVersion: 'v1.32.4', gitCommit: '59526cd4867447956156ae3a602fcbac10a2c335', buildDate: '2025-04-22T16:03:58Z', goVersion: 'go1.23.6', kustomize: 'v5.5.0' },
};

/** Server builds of the versions the profiles run (real release data; vendor builds are made up in their style). */
const SERVER_BUILDS: Record<string, Omit<VersionInfo, 'major' | 'minor' | 'gitVersion' | 'gitTreeState' | 'compiler' | 'platform'>> = {
  'v1.32.0': { gitCommit: '70d3cc986aa8221cd1dfb1121852688902d3bf53', buildDate: '2024-12-11T17:59:15Z', goVersion: 'go1.23.3' },
  'v1.32.2': { gitCommit: '67a30c0adcf52bd3f56ff0893ce19966be12991f', buildDate: '2025-02-12T21:17:04Z', goVersion: 'go1.23.6' },
  'v1.32.1-eks-5d632ec': { gitCommit: '5d632ec5a2c7e6c4b0e04a1b7c1c2ac8d5dbe3f4', buildDate: '2025-01-24T22:42:11Z', goVersion: 'go1.23.4' },
  'v1.32.2-gke.1182003': { gitCommit: 'a3c1e7b54cbb0ee0fa1ba27f8b2a0e1ecd3bb93a', buildDate: '2025-02-25T04:28:50Z', goVersion: 'go1.23.6 X:boringcrypto' },
};

/** The kubectl minor version of the cluster's persona ('1.17' → 17). */
export function personaMinor(session: Session): number {
  const m = /^1\.(\d+)/.exec(session.state.cluster.kubectlVersion ?? '');
  return m ? Number(m[1]) : 32;
}

function clientBuild(minor: number): ClientBuild {
  return CLIENT_BUILDS[minor] ?? CLIENT_BUILDS[32];
}

/** The client's version.Info for a persona. */
export function clientVersionInfo(minor: number): VersionInfo {
  const b = clientBuild(minor);
  return info(b.gitVersion, { gitCommit: b.gitCommit, buildDate: b.buildDate, goVersion: b.goVersion });
}

/** The API server's version.Info for a profile's Kubernetes version. */
export function serverVersionInfo(gitVersion: string): VersionInfo {
  const known = SERVER_BUILDS[gitVersion];
  return info(gitVersion, known ?? { gitCommit: '0'.repeat(40), buildDate: '2025-01-01T00:00:00Z', goVersion: 'go1.23.6' });
}

/** A release build reports a plain minor; builds from other trees (EKS, GKE) append "+". */
function info(gitVersion: string, b: { gitCommit: string; buildDate: string; goVersion: string }): VersionInfo {
  const m = /^v(\d+)\.(\d+)\.(\d+)(.*)$/.exec(gitVersion);
  const major = m ? m[1] : '1';
  const minor = m ? (m[4] ? `${m[2]}+` : m[2]) : '';
  return { major, minor, gitVersion, gitCommit: b.gitCommit, gitTreeState: 'clean', buildDate: b.buildDate, goVersion: b.goVersion, compiler: 'gc', platform: 'linux/amd64' };
}

/** Go's `%#v` of a version.Info: `version.Info{Major:"1", Minor:"17", …}`. */
export function goSyntaxInfo(v: VersionInfo): string {
  const q = (s: string) => JSON.stringify(s);
  return (
    `version.Info{Major:${q(v.major)}, Minor:${q(v.minor)}, GitVersion:${q(v.gitVersion)}, GitCommit:${q(v.gitCommit)}, ` +
    `GitTreeState:${q(v.gitTreeState)}, BuildDate:${q(v.buildDate)}, GoVersion:${q(v.goVersion)}, Compiler:${q(v.compiler)}, Platform:${q(v.platform)}}`
  );
}

/** The minor number of a gitVersion (`v1.32.1-eks-5d632ec` → 32). */
function minorOf(gitVersion: string): number {
  return Number(/^v\d+\.(\d+)/.exec(gitVersion)?.[1] ?? 0);
}

export const command: CommandSpec = {
  name: 'version',
  short: 'Print the client and server version information',
  long: 'Show the version of kubectl and of the API server of the current context.',
  examples: `# Print the client and server versions for the current context
kubectl version`,
  usage: 'version [flags] [options]',
  flags: [
    { name: 'client', type: 'bool', description: 'If true, shows client version only (no server required).' },
    { name: 'output', short: 'o', type: 'string', description: "One of 'yaml' or 'json'." },
    // Only kubectl up to 1.27 has --short; it is checked against the persona when the command runs.
    { name: 'short', type: 'bool', description: 'If true, print just the version number.', hidden: true },
  ],
  run: runVersion,
};

async function runVersion(ctx: CommandContext): Promise<void> {
  const f = ctx.parsed.flags;
  const session = await ctx.session();
  const minor = personaMinor(session);
  const clientOnly = f.client as boolean;
  const output = f.output as string;
  if (ctx.parsed.given.has('short')) {
    if (minor >= 28) throw new FlagError('unknown flag: --short', ctx.path);
    // pflag prints a deprecated flag's notice while parsing, before the command runs.
    if (minor >= 24) ctx.io.err.write('Flag --short has been deprecated, and will be removed in the future. The --short output will become the default.\n');
  }
  // kubectl 1.24 checks for extra arguments always; 1.25+ only when it talks to the server (--client
  // returns from Complete before the arguments are recorded); older clients ignore them.
  const args = ctx.parsed.args;
  if (args.length && (minor === 24 || (minor >= 25 && !clientOnly))) throw new CliError(`extra arguments: [${args.join(' ')}]`);
  if (output !== '' && output !== 'yaml' && output !== 'json') throw new CliError("--output must be 'yaml' or 'json'");

  const client = clientVersionInfo(minor);
  const kustomize = minor >= 24 ? clientBuild(minor).kustomize : undefined;
  const server = clientOnly ? undefined : serverVersionInfo(session.profile.kubernetesVersion);
  ctx.io.out.write(render(minor, client, kustomize, server, output, f.short as boolean, ctx));
  if (server && minor >= 24) {
    const sm = minorOf(server.gitVersion);
    if (Math.abs(minor - sm) > 1) {
      ctx.io.err.write(`WARNING: version difference between client (1.${minor}) and server (1.${sm}) exceeds the supported minor version skew of +/-1\n`);
    }
  }
}

function render(minor: number, client: VersionInfo, kustomize: string | undefined, server: VersionInfo | undefined, output: string, short: boolean, ctx: CommandContext): string {
  if (output === 'json' || output === 'yaml') {
    // Struct order: clientVersion, kustomizeVersion (1.24+), serverVersion; nil server is omitted.
    const doc: Record<string, unknown> = { clientVersion: client };
    if (kustomize) doc.kustomizeVersion = kustomize;
    if (server) doc.serverVersion = server;
    // Go's json.MarshalIndent with two spaces, and yaml.Marshal, each followed by Println's newline.
    return output === 'json' ? `${JSON.stringify(doc, null, 2)}\n` : `${yamlOf(doc)}\n`;
  }
  let s = '';
  if (minor >= 28 || short) {
    s += `Client Version: ${client.gitVersion}\n`;
    if (kustomize) s += `Kustomize Version: ${kustomize}\n`;
    if (server) s += `Server Version: ${server.gitVersion}\n`;
    return s;
  }
  if (minor >= 24) {
    ctx.io.err.write('WARNING: This version information is deprecated and will be replaced with the output from kubectl version --short.  Use --output=yaml|json to get the full version.\n');
  }
  s += `Client Version: ${goSyntaxInfo(client)}\n`;
  if (kustomize) s += `Kustomize Version: ${kustomize}\n`;
  if (server) s += `Server Version: ${goSyntaxInfo(server)}\n`;
  return s;
}

/** sigs.k8s.io/yaml output for the version document: keys sorted, numeric-looking strings and dates quoted. */
function yamlOf(doc: Record<string, unknown>): string {
  const scalar = (v: string) => (/^\d+$/.test(v) || /^\d{4}-\d\d-\d\d/.test(v) ? JSON.stringify(v) : v);
  const lines: string[] = [];
  for (const key of Object.keys(doc).sort()) {
    const v = doc[key];
    if (typeof v === 'string') {
      lines.push(`${key}: ${scalar(v)}`);
      continue;
    }
    lines.push(`${key}:`);
    const o = v as Record<string, string>;
    for (const k of Object.keys(o).sort()) lines.push(`  ${k}: ${scalar(o[k])}`);
  }
  return lines.join('\n') + '\n';
}
