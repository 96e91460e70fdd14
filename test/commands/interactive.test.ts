import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli, tempStateDir, testEnv } from '../helpers/cli.js';
import { runKubectl } from '../../src/cli/run.js';
import { bufferIO, scriptedLines, terminalBufferIO, type LineReader } from '../../src/cli/io.js';
import type { CommandContext } from '../../src/cli/command.js';
import { runInteractive, type InteractiveTarget } from '../../src/commands/exec/interactive.js';
import { interactiveShell, promptFor } from '../../src/commands/exec/pod-shell.js';

/**
 * Terminal sessions without a terminal: the kubectl entry point runs in this process with a scripted
 * line source standing in for the user (each read writes the prompt and echoes the line, as a terminal
 * shows them). The tmux test (test/cli/tty.test.ts) covers the real terminal.
 */

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

describe('promptFor', () => {
  const at = (cwd: string) => ({ cwd, home: '/root', hostname: 'web-1' });
  it('prints busybox ash default PS1 (\\w \\$) for root', () => {
    expect(promptFor('ash', at('/'))).toBe('/ # ');
    expect(promptFor('ash', at('/tmp'))).toBe('/tmp # ');
    expect(promptFor('ash', at('/root'))).toBe('~ # ');
    expect(promptFor('ash', at('/root/x'))).toBe('~/x # ');
  });
  it("prints Debian bash's PS1 (\\u@\\h:\\w\\$) and dash's plain one", () => {
    expect(promptFor('bash', at('/'))).toBe('root@web-1:/# ');
    expect(promptFor('bash', { cwd: '/tmp', home: '/root', hostname: 'a.b' })).toBe('root@a:/tmp# ');
    expect(promptFor('dash', at('/tmp'))).toBe('# ');
  });
  it("prints $ for a user other than root (kuard's nobody, whose home is /)", () => {
    expect(promptFor('ash', { cwd: '/', home: '/', hostname: 'kuard-1', user: 'nobody' })).toBe('~ $ ');
    expect(promptFor('ash', { cwd: '/etc', home: '/', hostname: 'kuard-1', user: 'nobody' })).toBe('/etc $ ');
    expect(promptFor('bash', { cwd: '/', home: '/', hostname: 'a', user: 'nobody' })).toBe('nobody@a:~$ ');
    expect(promptFor('dash', { cwd: '/', home: '/', hostname: 'a', user: 'nobody' })).toBe('$ ');
  });
  it('follows a PS1 the user set', () => {
    expect(promptFor('ash', { ...at('/etc'), ps1: '[\\W] \\$ ' })).toBe('[etc] # ');
  });
});

describe('interactiveShell', () => {
  it('knows which argv starts a shell waiting for a terminal, and which shell it is', () => {
    expect(interactiveShell('busybox', ['sh'])).toBe('ash');
    expect(interactiveShell('alpine:3.20', ['/bin/ash'])).toBe('ash');
    expect(interactiveShell('nginx', ['bash'])).toBe('bash');
    expect(interactiveShell('nginx', ['/bin/sh', '-i'])).toBe('dash');
    expect(interactiveShell('busybox', ['sh', '-c', 'ls'])).toBeUndefined();
    expect(interactiveShell('busybox', ['sh', 'script.sh'])).toBeUndefined();
    expect(interactiveShell('busybox', ['ls'])).toBeUndefined();
    expect(interactiveShell('busybox', ['bash'])).toBeUndefined();
    expect(interactiveShell('traefik/whoami', ['sh'])).toBeUndefined();
  });
});

describe('runInteractive', () => {
  /** A target that answers each line with its length, and exits on `bye N`. */
  function fakeTarget(): InteractiveTarget & { seen: string[] } {
    const seen: string[] = [];
    return {
      seen,
      prompt: () => `${seen.length}> `,
      async runLine(line) {
        seen.push(line);
        const m = /^bye (\d+)$/.exec(line);
        return { stdout: `${line.length}\n`, stderr: line === 'warn' ? 'careful\n' : '', exited: m ? Number(m[1]) : undefined };
      },
    };
  }
  const ctxWith = (io: CommandContext['io']) => ({ io }) as CommandContext;

  it('prompts, runs each line, and ends with the status of the exit', async () => {
    const io = terminalBufferIO(['ab', 'warn', 'bye 7', 'never']);
    const t = fakeTarget();
    expect(await runInteractive(ctxWith(io), t)).toBe(7);
    expect(t.seen).toEqual(['ab', 'warn', 'bye 7']);
    expect(io.stdout()).toBe('0> ab\n2\n1> warn\n4\n2> bye 7\n5\n');
    expect(io.stderr()).toBe('careful\n');
  });

  it('ends at end of input (Ctrl-D) with what the target says then, 0 by default', async () => {
    const io = terminalBufferIO(['x']);
    expect(await runInteractive(ctxWith(io), fakeTarget())).toBe(0);
    expect(io.stdout()).toBe('0> x\n1\n1> ');
    const io2 = terminalBufferIO([]);
    const t = { ...fakeTarget(), endOfInput: async () => ({ stdout: 'exit\n', stderr: '', exited: 5 }) };
    expect(await runInteractive(ctxWith(io2), t)).toBe(5);
    expect(io2.stdout()).toBe('0> exit\n');
  });

  it('closes the line source when done', async () => {
    const io = bufferIO();
    let closed = false;
    const reader: LineReader = { ...scriptedLines(['bye 1'], io.out), close: () => void (closed = true) };
    expect(await runInteractive(ctxWith({ ...io, stdinIsTTY: true, lines: () => reader }), fakeTarget())).toBe(1);
    expect(closed).toBe(true);
  });
});

describe('terminal sessions in pods (in-process kubectl, scripted terminal)', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempStateDir());
    for (const args of [
      ['run', 'sleep', '--image=busybox', '--', 'sleep', '3600'],
      ['create', 'deployment', 'web', '--image=nginx'],
    ]) {
      expect(runCli(args, { stateDir: dir }).code).toBe(0);
    }
  });
  afterEach(() => cleanup());

  async function kubectl(argv: string[], lines: string[] | LineReader): Promise<{ code: number; stdout: string; stderr: string }> {
    const io = terminalBufferIO(Array.isArray(lines) ? lines : []);
    const withLines = Array.isArray(lines) ? io : { ...io, lines: () => lines };
    const code = await runKubectl(argv, { io: withLines, env: testEnv(dir), cwd: process.cwd() });
    return { code, stdout: io.stdout(), stderr: io.stderr() };
  }

  it('exec -it POD -- sh keeps one shell: variables, cwd, files, $?; exit N is the exit code', async () => {
    const r = await kubectl(['exec', '-it', 'sleep', '--', 'sh'], ['hostname', 'echo $HOSTNAME $TERM', 'cd /tmp', 'pwd', 'X=1; echo data > f', 'echo $X; cat f; ls /nope', 'echo $?', 'exit 3']);
    expect(r.stdout).toBe(
      [
        '/ # hostname',
        'sleep',
        '/ # echo $HOSTNAME $TERM',
        'sleep xterm',
        '/ # cd /tmp',
        '/tmp # pwd',
        '/tmp',
        '/tmp # X=1; echo data > f',
        '/tmp # echo $X; cat f; ls /nope',
        '1',
        'data',
        'ls: /nope: No such file or directory',
        '/tmp # echo $?',
        '1',
        '/tmp # exit 3',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('command terminated with exit code 3\n');
    expect(r.code).toBe(3);
  });

  it('a syntax error or an unknown command does not end the interactive shell; Ctrl-D ends it with $?', async () => {
    const r = await kubectl(['exec', '-it', 'sleep', '--', 'sh'], ['if then', 'nosuch', 'true']);
    expect(r.stdout).toMatch(/^\/ # if then\n.*syntax error.*\n\/ # nosuch\nsh: nosuch: not found\n\/ # true\n\/ # \n$/);
    expect(r.code).toBe(0);
  });

  it('an unfinished line waits under PS2 (> ) and runs with the lines that complete it', async () => {
    const r = await kubectl(['exec', '-it', 'sleep', '--', 'sh'], ['cat <<EOF', 'hello', 'EOF', 'echo "a', 'b"', 'if true; then', 'echo yes', 'fi', 'echo x |', 'tr x y', 'exit 4']);
    expect(r.stdout).toBe(
      [
        '/ # cat <<EOF',
        '> hello',
        '> EOF',
        'hello',
        '/ # echo "a',
        '> b"',
        'a',
        'b',
        '/ # if true; then',
        '> echo yes',
        '> fi',
        'yes',
        '/ # echo x |',
        '> tr x y',
        'y',
        '/ # exit 4',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(4);
  });

  it('a PS2 the user set is the continuation prompt; set -x traces only what was typed; set -e ends the shell', async () => {
    const r = await kubectl(['exec', '-it', 'sleep', '--', 'sh'], ["PS2='cont> '", 'echo "x', 'y"', 'set -x', 'echo t', 'set +x', 'set -e', 'false', 'echo never']);
    expect(r.stdout).toBe(['/ # PS2=\'cont> \'', '/ # echo "x', 'cont> y"', 'x', 'y', '/ # set -x', '/ # echo t', '+ echo t', 't', '/ # set +x', '+ set +x', '/ # set -e', '/ # false', ''].join('\n'));
    expect(r.code).toBe(1);
  });

  it('exit in a subshell or $(…) does not end the session; exec does', async () => {
    const r = await kubectl(['exec', '-it', 'sleep', '--', 'sh'], ['(exit 3); echo $?', 'x=$(exit 5); echo $?', 'exec sh -c "exit 6"']);
    expect(r.stdout).toBe('/ # (exit 3); echo $?\n3\n/ # x=$(exit 5); echo $?\n5\n/ # exec sh -c "exit 6"\n');
    expect(r.code).toBe(6);
  });

  it('end of input inside an unfinished command runs what there is (a syntax error) and ends the shell', async () => {
    const r = await kubectl(['exec', '-it', 'sleep', '--', 'sh'], ['echo "a']);
    expect(r.stdout).toBe('/ # echo "a\n> sh: syntax error: unterminated quoted string\n\n');
    expect(r.code).toBe(2);
  });

  it('bash in nginx (Debian) prompts root@POD:/# and says exit; sh there is dash', async () => {
    const bash = await kubectl(['exec', '-it', 'deploy/web', '--', 'bash'], ['cd /tmp', 'exit']);
    expect(bash.stdout).toMatch(/^root@web-[a-z0-9]+-[a-z0-9]+:\/# cd \/tmp\nroot@web-[a-z0-9]+-[a-z0-9]+:\/tmp# exit\nexit\n$/);
    expect(bash.code).toBe(0);
    const dash = await kubectl(['exec', '-it', 'deploy/web', '--', 'sh'], ['echo hi']);
    expect(dash.stdout).toBe('# echo hi\nhi\n# ');
  });

  it('exec -it with a program that is not a shell runs it once', async () => {
    const r = await kubectl(['exec', '-it', 'sleep', '--', 'ls', '/nope'], ['never read']);
    expect(r.stdout).toBe('ls: /nope: No such file or directory\n');
    expect(r.stderr).toBe('command terminated with exit code 1\n');
    expect(r.code).toBe(1);
  });

  it('holds no lock while waiting for a line: another kubectl changes the cluster and the next line sees it', async () => {
    const other: string[] = [];
    let n = 0;
    const lines = ['nslookup web', 'nslookup web', 'echo still here'];
    const reader: LineReader = {
      async read() {
        if (n === 1) {
          // The user, in another terminal, exposes the deployment while this session waits.
          const r = runCli(['expose', 'deployment', 'web', '--port=80'], { stateDir: dir });
          other.push(r.stdout, r.stderr);
        }
        if (n === 2) other.push(runCli(['delete', 'pod', 'sleep'], { stateDir: dir }).stdout);
        return lines[n++] ?? null;
      },
      close() {},
    };
    const r = await kubectl(['exec', '-it', 'sleep', '--', 'sh'], reader);
    expect(other).toEqual(['service/web exposed\n', '', 'pod "sleep" deleted\n']);
    const [before, after] = r.stdout.split('Name:\tweb.default.svc.cluster.local\n');
    expect(before).toContain("** server can't find web.default.svc.cluster.local: NXDOMAIN");
    expect(after).toMatch(/^Address: 10\.\d+\.\d+\.\d+\n/);
    expect(after).not.toContain('still here');
    // The pod went away under the session: its process was killed.
    expect(r.stderr).toBe('command terminated with exit code 137\n');
    expect(r.code).toBe(137);
  });

  it('run -it --rm: banner, the session in the new pod, Session ended and the pod deleted', async () => {
    const r = await kubectl(['run', '-it', '--rm', 'bb', '--image=busybox'], ['hostname', 'exit']);
    expect(r.stderr).toBe("If you don't see a command prompt, try pressing enter.\n");
    expect(r.stdout).toBe("/ # hostname\nbb\n/ # exit\nSession ended, resume using 'kubectl attach bb -c bb -i -t' command when the pod is running\npod \"bb\" deleted\n");
    expect(r.code).toBe(0);
    expect(runCli(['get', 'pod', 'bb'], { stateDir: dir }).stderr).toBe('Error from server (NotFound): pods "bb" not found\n');
  });

  it('run -it --restart=Never: the shell is the main process; its exit status ends the pod and kubectl', async () => {
    const r = await kubectl(['run', '-it', '--restart=Never', 'once', '--image=alpine', '--', 'sh'], ['cd /tmp', 'exit 2']);
    expect(r.stdout).toBe('/ # cd /tmp\n/tmp # exit 2\n');
    expect(r.stderr).toBe("If you don't see a command prompt, try pressing enter.\npod default/once terminated (Error)\n");
    expect(r.code).toBe(2);
    expect(runCli(['get', 'pod', 'once'], { stateDir: dir }).stdout).toMatch(/once\s+0\/1\s+Error\s+0/);
  });

  it('attach -it to a run -it pod: a session in its shell; leaving ends the container', async () => {
    expect(runCli(['run', 'b3', '--image=busybox', '-it', '--attach=false'], { stateDir: dir }).stdout).toBe('pod/b3 created\n');
    const r = await kubectl(['attach', 'b3', '-it'], ['echo $TERM', 'exit 0']);
    expect(r.stderr).toBe("If you don't see a command prompt, try pressing enter.\n");
    expect(r.stdout).toBe("/ # echo $TERM\nxterm\n/ # exit 0\nSession ended, resume using 'kubectl attach b3 -c b3 -i -t' command when the pod is running\n");
    expect(r.code).toBe(0);
    // Restart policy Always: the kubelet restarts the exited shell after its back-off.
    expect(runCli(['get', 'pod', 'b3', '-o', 'jsonpath={.status.containerStatuses[0].state.terminated.reason}'], { stateDir: dir }).stdout).toBe('Completed');
  });
});

describe('terminal session on a node (kubesim node ssh, scripted terminal)', () => {
  it('waits under PS2 for the rest of an unfinished command and ends with the status of exit', async () => {
    const { dir, cleanup } = tempStateDir();
    try {
      expect(runCli(['get', 'nodes'], { stateDir: dir }).code).toBe(0);
      const { nodeSsh } = await import('../../src/commands/node-shell.js');
      const io = terminalBufferIO(['cat <<EOF', 'hello', 'EOF', 'echo "a', 'b"', '(exit 2)', 'exit 4']);
      const code = await nodeSsh(['kubesim-worker'], { io, env: testEnv(dir), cwd: process.cwd() });
      expect(io.stdout()).toBe(
        ['root@kubesim-worker:/# cat <<EOF', '> hello', '> EOF', 'hello', 'root@kubesim-worker:/# echo "a', '> b"', 'a', 'b', 'root@kubesim-worker:/# (exit 2)', 'root@kubesim-worker:/# exit 4', ''].join('\n'),
      );
      expect(code).toBe(4);
    } finally {
      cleanup();
    }
  });
});
