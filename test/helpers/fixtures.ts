import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { runCli, stateBytes, tempStateDir, type CliResult } from './cli.js';
import { oracleHome, runOracle } from './kubectl-oracle.js';

/**
 * Shared set-ups of the CLI command tests: a scratch folder of manifests, fresh simulated clusters made
 * from them, the check that a refused command leaves the state untouched, one-off runs on a throwaway
 * state, the comparison of a `--local` run with the real kubectl, and the manifests several files use.
 */

/** A scratch folder holding `files` (name → text), removed after the calling test file's tests. Call at the top level. */
export function workDir(name: string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), `kubesim-${name}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

/** A maker of fresh state directories, all removed after the calling test file's tests. Call at the top level. */
export function stateDirs(): () => string {
  const cleanups: Array<() => void> = [];
  afterAll(() => cleanups.forEach((c) => c()));
  return () => {
    const { dir, cleanup } = tempStateDir();
    cleanups.push(cleanup);
    return dir;
  };
}

export interface Cluster {
  /** The state directory. */
  dir: string;
  /** Runs kubectl against this cluster, in the work folder. */
  run(args: string[]): CliResult;
  cleanup(): void;
}

/** A fresh simulated cluster whose commands run in `cwd`, set up by the `setup` commands, each of which must succeed. */
export function cluster(cwd: string, ...setup: string[][]): Cluster {
  const s = tempStateDir();
  const run = (args: string[]): CliResult => runCli(args, { stateDir: s.dir, cwd });
  for (const args of setup) {
    const r = run(args);
    if (r.code !== 0) {
      s.cleanup();
      throw new Error(`setup failed: ${r.stderr}`);
    }
  }
  return { dir: s.dir, run, cleanup: s.cleanup };
}

/** The real kubectl's discovery-cache HOME (see kubectl-oracle.ts) for the calling describe block: made before its tests, removed after. */
export function suiteOracleHome(): { readonly home: string } {
  let made: ReturnType<typeof oracleHome> | undefined;
  beforeAll(() => {
    made = oracleHome();
  });
  afterAll(() => made?.cleanup());
  return {
    get home() {
      if (!made) throw new Error('the oracle HOME exists only while the suite runs');
      return made.home;
    },
  };
}

/** Runs a command that must fail (exit 1, nothing on stdout) and proves it left the state file byte-identical. */
export function rejected(c: Pick<Cluster, 'dir' | 'run'>, args: string[]): CliResult {
  const before = stateBytes(c.dir);
  const r = c.run(args);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(stateBytes(c.dir)).toBe(before);
  return r;
}

/** Runs one command on a throwaway state (for `--local` and client dry runs). */
export function runOnce(args: string[], cwd: string): CliResult {
  const s = tempStateDir();
  try {
    return runCli(args, { stateDir: s.dir, cwd });
  } finally {
    s.cleanup();
  }
}

/**
 * Expects our answer to `args` (a `--local` command: no cluster needed) to equal the real kubectl's, run
 * offline in `cwd` with HOME there and KUBECONFIG pointing nowhere. `--list` prints in Go map order, which
 * varies from run to run, so with `--list` the lines are compared as a set.
 */
export function expectSameAsKubectl(args: string[], cwd: string): void {
  const real = runOracle(args, { home: cwd, cwd });
  const ours = runOnce(args, cwd);
  const norm = (t: string) => (args.includes('--list') ? t.split('\n').sort().join('\n') : t);
  expect({ ...ours, stdout: norm(ours.stdout) }).toEqual({ ...real, stdout: norm(real.stdout) });
}

/** Pod x (app=nginx, annotation a=b) with one nginx container. */
export const POD_X = `apiVersion: v1
kind: Pod
metadata:
  name: x
  labels:
    app: nginx
  annotations:
    a: b
spec:
  containers:
  - name: c
    image: nginx
`;

/** Deployment my-nginx (label app=web, 2 replicas of run=my-nginx, nginx on port 80); its ports list comes last. */
export const DEPLOY_MY_NGINX = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: my-nginx
  labels:
    app: web
spec:
  selector:
    matchLabels:
      run: my-nginx
  replicas: 2
  template:
    metadata:
      labels:
        run: my-nginx
    spec:
      containers:
      - name: my-nginx
        image: nginx
        ports:
        - containerPort: 80
`;
