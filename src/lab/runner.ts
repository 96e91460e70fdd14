import { mkdirSync, mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Terminal, type StepRun } from './run.js';
import { compareOutput, outputLines, type Comparison } from './compare.js';
import type { Step } from './parse.js';
import { DEFAULT_FROZEN_AT } from '../util/clock.js';
import { writeCurlShim } from './curl-shim.js';

/**
 * Runs one walkthrough file's steps in a terminal of its own: on a fresh simulated cluster (its own state
 * directory, seed, frozen clock, host agent) with kubesim's kubectl first on PATH, or — with `kubectl` —
 * against a real cluster through a shim that adds `--context`.
 */

export interface LabOptions {
  /** The working directory the steps start in. */
  cwd: string;
  env: NodeJS.ProcessEnv;
  seed: number;
  realClock: boolean;
  profile?: string;
  /** The kubectl persona (`1.17`): the file's cluster is created with it before the first step. */
  kubectlVersion?: string;
  hostPortOffset: number;
  stepTimeoutMs: number;
  /** kubesim's bin/path (its `kubectl` and `kubesim` shims). */
  shimDir: string;
  /** A real kubectl (absolute path) and the context to pass it: no simulated cluster, tolerant matching. */
  kubectl?: string;
  context?: string;
}

export interface StepResult {
  step: Step;
  run: StepRun;
  ok: boolean;
  /** Why the step failed (exit status, timeout, output), one line each. */
  problems: string[];
  comparison?: Comparison;
  ms: number;
}

/** The file's environment could not be set up (no step ran). */
export class LabSetupError extends Error {}

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export async function runSteps(steps: Step[], o: LabOptions, onStep: (r: StepResult) => void = () => {}): Promise<StepResult[]> {
  const tmp = mkdtempSync(join(tmpdir(), 'kubesim-lab-'));
  const scratch = join(tmp, 'steps');
  mkdirSync(scratch);
  const env = labEnv(tmp, o);
  const terminal = new Terminal({ cwd: o.cwd, env, scratch, timeoutMs: o.stepTimeoutMs });
  const results: StepResult[] = [];
  try {
    if (o.kubectlVersion && !o.kubectl) {
      // Other files get their cluster implicitly on the first kubectl call; a persona has to be chosen
      // when the cluster is made, so this one is made up front (same profile, seed and clock).
      // (`cluster create` takes its profile from --profile, not KUBESIM_PROFILE; the seed comes from KUBESIM_SEED.)
      const made = spawnSync(join(o.shimDir, 'kubesim'), ['cluster', 'create', '--kubectl-version', o.kubectlVersion, ...(o.profile ? ['--profile', o.profile] : [])], {
        env,
        cwd: tmp,
        encoding: 'utf8',
        timeout: 30000,
      });
      if (made.status !== 0) throw new LabSetupError(`cannot create a cluster with kubectl ${o.kubectlVersion}: ${(made.stderr || made.error?.message || '').trim()}`);
    }
    for (const step of steps) {
      const started = Date.now();
      const stdin = step.typed.length ? `${step.typed.join('\n')}\n` : '';
      const run = await terminal.run(step.command, stdin, step.interactive && !o.kubectl ? { KUBESIM_TRANSCRIPT: '1' } : {});
      const r = judge(step, run, Boolean(o.kubectl), o.stepTimeoutMs);
      r.ms = Date.now() - started;
      results.push(r);
      onStep(r);
    }
  } finally {
    await terminal.close();
    if (!o.kubectl) {
      // The host agent of this state directory (if one started) goes with the cluster.
      spawnSync(join(o.shimDir, 'kubesim'), ['agent', 'stop'], { env, cwd: tmp, stdio: 'ignore', timeout: 15000 });
    }
    rmSync(tmp, { recursive: true, force: true });
  }
  return results;
}

function labEnv(tmp: string, o: LabOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...o.env };
  for (const k of Object.keys(env)) if (k.startsWith('KUBESIM_') && k !== 'KUBESIM_DEBUG') delete env[k];
  if (o.kubectl) {
    const bin = join(tmp, 'bin');
    mkdirSync(bin);
    const context = o.context ? ` --context ${q(o.context)}` : '';
    writeFileSync(join(bin, 'kubectl'), `#!/bin/sh\nexec ${q(o.kubectl)}${context} "$@"\n`);
    chmodSync(join(bin, 'kubectl'), 0o755);
    env.PATH = `${bin}:${o.env.PATH ?? ''}`;
    return env;
  }
  const home = join(tmp, 'home');
  mkdirSync(home);
  mkdirSync(join(tmp, 'state'));
  Object.assign(env, {
    KUBESIM_STATE_DIR: join(tmp, 'state'),
    KUBESIM_SEED: String(o.seed),
    KUBESIM_AGENT: 'on',
    KUBESIM_HOST_PORT_OFFSET: String(o.hostPortOffset),
    // A fresh home: walkthroughs write files under ~ (the EKS workshop's ~/environment).
    HOME: home,
    PATH: `${o.shimDir}:${o.env.PATH ?? ''}`,
  });
  if (o.hostPortOffset) {
    const bin = join(tmp, 'bin');
    mkdirSync(bin);
    writeCurlShim(bin, o.hostPortOffset);
    env.PATH = `${bin}:${env.PATH}`;
  }
  if (!o.realClock) env.KUBESIM_NOW = o.env.KUBESIM_NOW || DEFAULT_FROZEN_AT;
  if (o.profile) env.KUBESIM_PROFILE = o.profile;
  return env;
}

function judge(step: Step, run: StepRun, tolerant: boolean, timeoutMs: number): StepResult {
  const problems: string[] = [];
  if (run.timedOut) problems.push(`did not finish within ${timeoutMs / 1000}s and was killed`);
  if (run.shellExited) problems.push('the shell exited during this step; later steps run in a fresh shell');
  if (run.status !== null && !run.timedOut) {
    if (step.marker === 'will' && run.status === 0) problems.push('exit status 0, but the step is marked # this_will_fail');
    else if (!step.marker && run.status !== 0) problems.push(`exit status ${run.status}`);
  }
  let comparison: Comparison | undefined;
  if (step.expected) {
    comparison = compareOutput(step.expected, run.output, { tolerant });
    if (!comparison.ok) problems.push('output differs from the document');
  }
  return { step, run, ok: problems.length === 0, problems, comparison, ms: 0 };
}

/** The actual output as the document would show it (for reports of steps without documented output). */
export function shownOutput(r: StepResult, max = 20): string[] {
  const lines = outputLines(r.run.output);
  return lines.length > max ? [...lines.slice(0, max), `… (${lines.length - max} more lines)`] : lines;
}
