import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const KUBECTL = join(ROOT, 'bin', 'kubectl.js');
export const KUBESIM = join(ROOT, 'bin', 'kubesim.js');

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface CliOptions {
  stateDir: string;
  env?: Record<string, string>;
  stdin?: string;
  cwd?: string;
  bin?: 'kubectl' | 'kubesim';
}

/**
 * The environment every CLI test runs with: a fixed seed and clock, no inherited NODE_ENV, and no host
 * agent (tests of the agent turn it on with `KUBESIM_AGENT: 'on'` and a port offset).
 */
export function testEnv(stateDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, KUBESIM_STATE_DIR: stateDir, KUBESIM_SEED: '1', KUBESIM_NOW: '2025-01-01T00:00:00Z', KUBESIM_AGENT: 'off', ...extra };
  delete env.NODE_ENV;
  delete env.KUBESIM_PROFILE;
  delete env.KUBESIM_DEBUG;
  return env;
}

/** Runs the built CLI (`bin/kubectl.js` or `bin/kubesim.js`) as a user would. */
export function runCli(args: string[], o: CliOptions): CliResult {
  const r = spawnSync(process.execPath, [o.bin === 'kubesim' ? KUBESIM : KUBECTL, ...args], {
    cwd: o.cwd ?? ROOT,
    env: testEnv(o.stateDir, o.env),
    input: o.stdin ?? '',
    encoding: 'utf8',
  });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
}

/** A fresh temporary state directory; remove it with `cleanup`. */
export function tempStateDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The state file's bytes (to prove a rejected command changed nothing). */
export function stateBytes(dir: string): string {
  const p = join(dir, 'cluster.json');
  return existsSync(p) ? readFileSync(p, 'utf8') : '';
}

/** A CLI process running in the background: its output so far, and its end. */
export interface BackgroundCli {
  child: ReturnType<typeof spawn>;
  out(): string;
  err(): string;
  done: Promise<CliResult>;
}

/** Starts the built CLI in the background (watchers, followers, long-running verbs). */
export function startCli(args: string[], o: { stateDir: string; env?: Record<string, string> }): BackgroundCli {
  const child = spawn(process.execPath, [KUBECTL, ...args], { env: testEnv(o.stateDir, o.env) });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<CliResult>((resolve) => child.on('close', (code) => resolve({ stdout, stderr, code: code ?? -1 })));
  return { child, out: () => stdout, err: () => stderr, done };
}

/** Looks again every `stepMs` until `pred` holds; fails the test after `ms` (a bound, not a timing assertion). */
export async function until(pred: () => boolean, ms = 10_000, stepMs = 50): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error('timed out waiting in the test');
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
