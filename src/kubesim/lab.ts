import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { KubesimCommand } from './run.js';
import { CliError } from '../errors.js';
import { shimDir } from './env.js';
import { labSettings, parseWalkthrough, type Step } from '../lab/parse.js';
import { LabSetupError, runSteps, type StepResult } from '../lab/runner.js';
import { checkPersona } from './cluster.js';
import { humanStep, junit, summary, tapHeader, tapStep, type FileResults } from '../lab/report.js';
import { updateDocument } from '../lab/update.js';
import { DurationError, parseGoDuration } from '../util/go-duration.js';

/**
 * `kubesim lab run FILE.md…`: runs each walkthrough's commands in a fresh simulated cluster (or, with
 * --kubectl, against a real one) and checks exit statuses and documented outputs. See README "The lab runner".
 */
export const command: KubesimCommand = {
  path: 'lab run',
  short: "Run walkthroughs' shell blocks on fresh clusters and check them against the documented output",
  usage: 'lab run FILE.md... [--cwd DIR] [--seed N] [--real-clock] [--profile P] [--kubectl-version V] [--host-port-offset N] [--step-timeout 60s] [--tap | --junit FILE] [--update] [--kubectl PATH --context NAME]',
  flags: [
    { name: 'cwd', type: 'string', default: '', description: "The directory the steps run in (default: the file's <!-- kubesim-lab cwd: DIR --> setting, else the current directory)." },
    { name: 'seed', type: 'int', default: 1, description: "The simulated cluster's seed." },
    { name: 'real-clock', type: 'bool', description: 'Let time pass (default: a frozen clock at KUBESIM_NOW or 2025-01-01T00:00:00Z).' },
    { name: 'profile', type: 'string', default: '', description: "The cluster profile (default: the file's <!-- kubesim-lab profile: P --> setting, else kubesim's default)." },
    { name: 'kubectl-version', type: 'string', default: '', description: "The kubectl persona of each file's cluster, e.g. 1.17 (default: the file's <!-- kubesim-lab kubectl-version: V --> setting, else 1.32)." },
    { name: 'host-port-offset', type: 'int', default: 0, description: "Added to the host agent's ports (NodePorts, localhost LoadBalancers), so parallel runs don't collide." },
    { name: 'step-timeout', type: 'string', default: '60s', description: 'Kill a step that runs longer than this.' },
    { name: 'tap', type: 'bool', description: 'Print TAP 13 instead of the PASS/FAIL lines.' },
    { name: 'junit', type: 'string', default: '', description: 'Also write a JUnit XML report to this file.' },
    { name: 'update', type: 'bool', description: 'Rewrite documented outputs in the files from what ran (keeping tokens that still match).' },
    { name: 'kubectl', type: 'string', default: '', description: 'Run against a real cluster with this kubectl (tolerant matching, no simulated cluster).' },
    { name: 'context', type: 'string', default: '', description: 'The kubeconfig context the real kubectl is given (with --kubectl).' },
  ],
  async run(args, f, given, o) {
    if (!args.length) throw new CliError('lab run needs at least one walkthrough file, e.g. kubesim lab run specs/walkthroughs/courselabs-services.md');
    let timeoutMs: number;
    try {
      timeoutMs = parseGoDuration(f['step-timeout'] as string);
    } catch (e) {
      if (e instanceof DurationError) throw new CliError(`invalid argument "${f['step-timeout']}" for "--step-timeout" flag: ${e.message}`);
      throw e;
    }
    if (timeoutMs <= 0) throw new CliError('--step-timeout must be positive');
    const isDir = (d: string) => existsSync(d) && statSync(d).isDirectory();
    if (given.has('cwd') && !isDir(resolve(o.cwd, f.cwd as string))) throw new CliError(`--cwd "${f.cwd}" is not a directory`);
    if (f.context && !f.kubectl) throw new CliError('--context is for a real cluster: give it with --kubectl PATH');
    const kubectl = f.kubectl ? findExecutable(f.kubectl as string, o) : undefined;
    const files = args.map((a) => {
      const path = resolve(o.cwd, a);
      try {
        return { name: relative(o.cwd, path) || a, path, text: readFileSync(path, 'utf8') };
      } catch {
        throw new CliError(`the walkthrough "${a}" cannot be read`);
      }
    });
    const parsed = files.map((file) => {
      const settings = labSettings(file.text);
      const cwd = given.has('cwd') ? resolve(o.cwd, f.cwd as string) : settings.cwd ? resolve(dirname(file.path), settings.cwd) : o.cwd;
      if (!isDir(cwd)) throw new CliError(`${file.name}: its working directory "${settings.cwd}" is not a directory`);
      const kubectlVersion = (f['kubectl-version'] as string) || settings.kubectlVersion;
      if (kubectlVersion) {
        try {
          checkPersona(kubectlVersion);
        } catch (e) {
          throw given.has('kubectl-version') || !(e instanceof CliError) ? e : new CliError(`${file.name}: ${e.message}`);
        }
        if (kubectl) throw new CliError(`${file.name}: a kubectl persona (${kubectlVersion}) is for the simulated cluster; it cannot be combined with --kubectl`);
      }
      return { ...file, cwd, profile: (f.profile as string) || settings.profile, kubectlVersion, steps: parseWalkthrough(file.text) };
    });
    const tap = Boolean(f.tap);
    if (tap) o.io.out.write(tapHeader(parsed.reduce((n, p) => n + p.steps.length, 0)));
    const all: FileResults[] = [];
    let n = 0;
    for (const file of parsed) {
      let results: StepResult[];
      try {
        results = await runSteps(
          file.steps as Step[],
          {
            cwd: file.cwd,
            env: o.env,
            seed: f.seed as number,
            realClock: Boolean(f['real-clock']),
            profile: file.profile || undefined,
            kubectlVersion: file.kubectlVersion || undefined,
            hostPortOffset: f['host-port-offset'] as number,
            stepTimeoutMs: timeoutMs,
            shimDir: shimDir(),
            kubectl,
            context: (f.context as string) || undefined,
          },
          (r) => o.io.out.write(tap ? tapStep(++n, file.name, r) : humanStep(file.name, r)),
        );
      } catch (e) {
        if (e instanceof LabSetupError) throw new CliError(`${file.name}: ${e.message}`);
        throw e;
      }
      all.push({ name: file.name, results });
      if (f.update) {
        const u = updateDocument(file.name, file.text, results);
        if (u.updated) writeFileSync(file.path, u.text);
        for (const k of u.kept) o.io.err.write(`kept the documented output of ${k}\n`);
        o.io.err.write(`${file.name}: updated the documented output of ${u.updated} step${u.updated === 1 ? '' : 's'}\n`);
      }
    }
    const line = summary(all);
    o.io.out.write(tap ? `# ${line}` : line);
    if (f.junit) writeFileSync(resolve(o.cwd, f.junit as string), junit(all));
    return all.some((x) => x.results.some((r) => !r.ok)) ? 1 : 0;
  },
};

/** --kubectl NAME or PATH, resolved before the shim takes the name `kubectl` on PATH. */
function findExecutable(given: string, o: { env: NodeJS.ProcessEnv; cwd: string }): string {
  if (given.includes('/')) {
    const p = isAbsolute(given) ? given : resolve(o.cwd, given);
    if (!existsSync(p)) throw new CliError(`--kubectl "${given}": no such file`);
    return p;
  }
  for (const dir of (o.env.PATH ?? '').split(delimiter)) {
    const p = join(dir, given);
    if (dir && existsSync(p) && resolve(dir) !== resolve(shimDir())) return p;
  }
  throw new CliError(`--kubectl "${given}": not found on PATH`);
}
