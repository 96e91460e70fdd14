import { spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { KUBECTL, runCli, stateBytes, tempStateDir, testEnv } from '../helpers/cli.js';
import { HAS_KUBECTL, KUBECTL_BIN } from '../helpers/kubectl-oracle.js';

/**
 * `kubectl attach` through the built CLI (frozen clock, piped stdin: never a terminal here; the
 * terminal session is in test/commands/interactive.test.ts and test/cli/tty.test.ts).
 */

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const BANNER = "If you don't see a command prompt, try pressing enter.\n";

const TWO = `apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  containers:
  - name: sh
    image: busybox
    stdin: true
  - name: web
    image: nginx
`;

let dir: string;
let cleanup: () => void;
const kubectl = (args: string[], stdin = '', env: Record<string, string> = {}) => runCli(args, { stateDir: dir, stdin, env });

beforeAll(() => {
  ({ dir, cleanup } = tempStateDir());
  for (const args of [
    // A shell kept waiting on its stdin (as `run -i` makes), one with a terminal too, and one that ran and ended.
    ['run', 'sh-in', '--image=busybox', '-i', '--attach=false'],
    ['run', 'sh-tty', '--image=busybox', '-i', '-t', '--attach=false'],
    ['run', 'done', '--image=busybox', '--restart=Never'],
    ['run', 'sleeper', '--image=busybox', '--', 'sleep', '3600'],
  ]) {
    expect(kubectl(args).code).toBe(0);
  }
  expect(kubectl(['apply', '-f', '-'], TWO).code).toBe(0);
});
afterAll(() => cleanup());

describe('kubectl attach', () => {
  it('-i with piped input runs it in the container shell', () => {
    const r = kubectl(['attach', 'sh-in', '-i'], 'echo piped\nhostname\ncd /tmp; pwd\n');
    expect(r.stdout).toBe('piped\nsh-in\n/tmp\n');
    expect(r.stderr).toBe(BANNER);
    expect(r.code).toBe(0);
  });

  it('-i -t without a terminal: the container has no terminal, or the input is not one', () => {
    const noTty = kubectl(['attach', 'sh-in', '-i', '-t'], 'echo a\n');
    expect(noTty.stderr).toBe(`error: Unable to use a TTY - container sh-in did not allocate one\n${BANNER}`);
    expect(noTty.stdout).toBe('a\n');
    const piped = kubectl(['attach', 'sh-tty', '-i', '-t'], 'echo b\n');
    expect(piped.stderr).toBe(`Unable to use a TTY - input is not a terminal or the right kind of file\n${BANNER}`);
    expect(piped.stdout).toBe('b\n');
    // -q: only the remote session's output.
    expect(kubectl(['attach', 'sh-tty', '-i', '-t', '-q'], 'echo c\n')).toEqual({ stdout: 'c\n', stderr: '', code: 0 });
  });

  it('without -i prints none of the output written before it attached', () => {
    const r = kubectl(['attach', 'two', '-c', 'web'], '', { KUBESIM_WATCH_EXIT_AFTER_MS: '0' });
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(BANNER);
    expect(r.code).toBe(0);
  });

  it('without -i keeps following while the container runs, and ends when its pod goes', async () => {
    const child = spawn(process.execPath, [KUBECTL, 'attach', 'sleeper'], { env: testEnv(dir) });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      for (let i = 0; i < 200 && stderr !== BANNER; i++) await new Promise((r) => setTimeout(r, 50));
      expect(stderr).toBe(BANNER);
      expect(child.exitCode).toBeNull();
      expect(kubectl(['delete', 'pod', 'sleeper']).stdout).toBe('pod "sleeper" deleted\n');
      expect(await exited).toBe(0);
    } finally {
      child.kill();
    }
  });

  it('defaults to the first container, saying so when there are several', () => {
    const r = kubectl(['attach', 'two', '-i'], 'echo first\n');
    expect(r.stderr).toBe(`Defaulted container "sh" out of: sh, web\n${BANNER}`);
    expect(r.stdout).toBe('first\n');
  });

  it('fails as kubectl does, changing nothing', () => {
    const before = stateBytes(dir);
    const cases: Array<[string[], string]> = [
      [['attach'], 'error: at least 1 argument is required for attach\n'],
      [['attach', 'a', 'b', 'c'], 'error: expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw 3: [a b c]\n'],
      [['attach', 'nope'], 'Error from server (NotFound): pods "nope" not found\n'],
      [['attach', 'sh-in', '-c', 'x'], 'error: cannot attach to the container: container x not found in pod sh-in\n'],
      [['attach', 'done'], 'error: cannot attach a container in a completed pod; current phase is Succeeded\n'],
      [['attach', 'sh-in', '--pod-running-timeout=0'], 'error: --pod-running-timeout must be higher than zero\n'],
    ];
    for (const [args, stderr] of cases) {
      const r = kubectl(args);
      expect({ args, stderr: r.stderr, code: r.code }).toEqual({ args, stderr, code: 1 });
    }
    expect(stateBytes(dir)).toBe(before);
  });

  it('takes TYPE NAME and TYPE/NAME', () => {
    expect(kubectl(['attach', 'pod', 'sh-in', '-i', '-q'], 'echo x\n').stdout).toBe('x\n');
    expect(kubectl(['attach', 'pod/sh-in', '-i', '-q'], 'echo y\n').stdout).toBe('y\n');
  });

  it.runIf(HAS_KUBECTL)('has kubectl 1.32 help (flags, examples, usage)', () => {
    const real = spawnSync(KUBECTL_BIN, ['attach', '--help'], { env: { ...process.env, KUBECONFIG: '/nonexistent' }, encoding: 'utf8' }).stdout;
    const ours = kubectl(['attach', '--help']).stdout.replace(/\n kubesim note:[^\n]*\n/, '');
    expect(ours).toBe(real);
  });
});
