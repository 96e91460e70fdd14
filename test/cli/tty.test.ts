import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { KUBECTL, ROOT, runCli, tempStateDir } from '../helpers/cli.js';

/**
 * Terminal sessions on a real terminal: kubectl runs inside a tmux pane (a private tmux server), keys
 * are typed with send-keys, and the screen is read with capture-pane until the expected text shows
 * (a bounded poll, failing with the screen it last saw).
 */

vi.setConfig({ testTimeout: 60_000, hookTimeout: 30_000 });

const SOCKET = `kubesim-test-${randomBytes(6).toString('hex')}`;
const tmux = (...args: string[]) => spawnSync('tmux', ['-L', SOCKET, '-f', '/dev/null', ...args], { encoding: 'utf8' });

let dir: string;
let cleanup: () => void;

beforeAll(() => {
  expect(spawnSync('tmux', ['-V']).status, 'tmux is needed for the terminal tests (.ci/run installs it)').toBe(0);
  ({ dir, cleanup } = tempStateDir());
  expect(runCli(['run', 'sleep', '--image=busybox', '--', 'sleep', '3600'], { stateDir: dir }).code).toBe(0);
});
afterAll(() => {
  tmux('kill-server');
  cleanup();
});

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Starts `kubectl ARGS` in a new tmux window of its own; the pane stays after it exits, with its status. */
function start(name: string, args: string[]): void {
  const env = ['KUBESIM_STATE_DIR', dir, 'KUBESIM_SEED', '1', 'KUBESIM_NOW', '2025-01-01T00:00:00Z'];
  const vars = env.reduce<string[]>((acc, v, i) => (i % 2 ? acc : [...acc, `${v}=${q(env[i + 1])}`]), []);
  const cmd = `cd ${q(ROOT)} && env -u NODE_ENV -u KUBESIM_PROFILE ${vars.join(' ')} ${q(process.execPath)} ${q(KUBECTL)} ${args.map(q).join(' ')}; echo "[exit $?]"; sleep 600`;
  const first = tmux('has-session', '-t', 'main').status !== 0;
  const r = first ? tmux('new-session', '-d', '-s', 'main', '-n', name, '-x', '120', '-y', '40', cmd) : tmux('new-window', '-t', 'main', '-n', name, cmd);
  expect(r.stderr).toBe('');
}

function screen(name: string): string {
  // -N keeps the space after a prompt.
  return tmux('capture-pane', '-p', '-N', '-t', `main:${name}`).stdout.replace(/\n+$/, '\n');
}

/** Polls the pane until `want` is on it (at most ~10 s); returns the screen. */
async function waitFor(name: string, want: string | RegExp): Promise<string> {
  let seen = '';
  for (let i = 0; i < 200; i++) {
    seen = screen(name);
    if (typeof want === 'string' ? seen.includes(want) : want.test(seen)) return seen;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${String(want)}; the screen was:\n${seen}`);
}

async function type(name: string, line: string, thenSee: string | RegExp): Promise<string> {
  expect(tmux('send-keys', '-t', `main:${name}`, '-l', line).status).toBe(0);
  expect(tmux('send-keys', '-t', `main:${name}`, 'Enter').status).toBe(0);
  return waitFor(name, thenSee);
}

describe('kubectl on a terminal (tmux)', () => {
  it('exec -it POD -- sh: the image prompt, state across lines, Ctrl-C at the prompt, exit N', async () => {
    start('exec', ['exec', '-it', 'sleep', '--', 'sh']);
    await waitFor('exec', '/ # ');
    await type('exec', 'hostname', '/ # hostname\nsleep\n/ # ');
    await type('exec', 'echo $HOSTNAME', '/ # echo $HOSTNAME\nsleep\n/ # ');
    await type('exec', 'cd /tmp', '/tmp # ');
    await type('exec', 'pwd', '/tmp # pwd\n/tmp\n/tmp # ');
    // Ctrl-C drops the half-typed line and gives a fresh prompt; kubectl stays.
    tmux('send-keys', '-t', 'main:exec', '-l', 'echo never');
    tmux('send-keys', '-t', 'main:exec', 'C-c');
    await waitFor('exec', '/tmp # echo never^C\n/tmp # ');
    const end = await type('exec', 'exit 3', '[exit 3]');
    expect(end).toBe(
      [
        '/ # hostname',
        'sleep',
        '/ # echo $HOSTNAME',
        'sleep',
        '/ # cd /tmp',
        '/tmp # pwd',
        '/tmp',
        '/tmp # echo never^C',
        '/tmp # exit 3',
        'command terminated with exit code 3',
        '[exit 3]',
        '',
      ].join('\n'),
    );
  });

  it('run -it --rm --restart=Never: the banner, the prompt, and the pod deleted', async () => {
    start('run', ['run', '-it', '--rm', 'bb', '--image=busybox', '--restart=Never', '--', 'sh']);
    await waitFor('run', "If you don't see a command prompt, try pressing enter.\n/ # ");
    await type('run', 'echo hello from $HOSTNAME', 'hello from bb\n/ # ');
    const end = await type('run', 'exit', '[exit 0]');
    expect(end).toBe(["If you don't see a command prompt, try pressing enter.", '/ # echo hello from $HOSTNAME', 'hello from bb', '/ # exit', 'pod "bb" deleted', '[exit 0]', ''].join('\n'));
    expect(runCli(['get', 'pods', '-o', 'name'], { stateDir: dir }).stdout).toBe('pod/sleep\n');
  });
});
