import { describe, expect, it } from 'vitest';
import { runScript, type ShellContext } from '../../../src/runtime/shell/interpreter.js';
import { builtinTools } from '../../../src/runtime/shell/builtin-tools.js';
import { VirtualFs } from '../../../src/runtime/shell/vfs.js';

const FILES = {
  '/etc/hosts': '127.0.0.1\tlocalhost\n10.1.0.5\tweb-1\n',
  '/srv/log': 'GET / 200\nGET /x 404\nPOST / 200\nget /y 500\n',
  '/srv/nums': '10\n9\n100\n9\n',
  '/srv/sub/deep': 'd\n',
  '/srv/.hidden': 'h\n',
};

function ctx(): ShellContext {
  return { env: new Map([['A', '1'], ['B', '2']]), cwd: '/', fs: new VirtualFs(FILES), tools: builtinTools(), stdin: '', shellName: 'sh', now: 0 };
}

type Expect = { stdout?: string; stderr?: string; exitCode?: number };
const rows: [string, Expect][] = [
  ['cat /etc/hosts', { stdout: FILES['/etc/hosts'], exitCode: 0 }],
  ['cat x', { stdout: '', stderr: "cat: can't open 'x': No such file or directory\n", exitCode: 1 }],
  ['cat /srv', { stderr: 'cat: read error: Is a directory\n', exitCode: 1 }],
  ['echo in | cat', { stdout: 'in\n' }],
  ['grep 200 /srv/log', { stdout: 'GET / 200\nPOST / 200\n', exitCode: 0 }],
  ['grep -i get /srv/log | wc -l', { stdout: '3\n' }],
  ['grep -v GET /srv/log', { stdout: 'POST / 200\nget /y 500\n' }],
  ['grep -c GET /srv/log', { stdout: '2\n' }],
  ['grep -E "40[0-9]|500" /srv/log', { stdout: 'GET /x 404\nget /y 500\n' }],
  ['grep "40[0-9]\\|500" /srv/log', { stdout: 'GET /x 404\nget /y 500\n' }],
  ['grep -o "[0-9][0-9]*" /srv/log | head -2', { stdout: '200\n404\n' }],
  ['grep -n POST /srv/log', { stdout: '3:POST / 200\n' }],
  ['grep -q POST /srv/log; echo $?', { stdout: '0\n' }],
  ['grep nomatch /srv/log; echo $?', { stdout: '1\n' }],
  ['grep x /nope', { stderr: 'grep: /nope: No such file or directory\n', exitCode: 2 }],
  ['grep web /etc/hosts /srv/log', { stdout: '/etc/hosts:10.1.0.5\tweb-1\n' }],
  ['head -n 1 /srv/log', { stdout: 'GET / 200\n' }],
  ['head -2 /srv/log', { stdout: 'GET / 200\nGET /x 404\n' }],
  ['tail -n 1 /srv/log', { stdout: 'get /y 500\n' }],
  ['tail -2 /srv/log', { stdout: 'POST / 200\nget /y 500\n' }],
  ['tail -n +4 /srv/log', { stdout: 'get /y 500\n' }],
  ['head -n x /srv/log', { stderr: "head: invalid number 'x'\n", exitCode: 1 }],
  ['wc -l /srv/log', { stdout: '4 /srv/log\n' }],
  ['wc -l < /srv/log', { stdout: '4\n' }],
  ['echo one two | wc -w', { stdout: '2\n' }],
  ['echo abc | wc -c', { stdout: '4\n' }],
  ['echo one two | wc', { stdout: '      1       2       8\n' }],
  ['echo hello | tr a-z A-Z', { stdout: 'HELLO\n' }],
  ['echo hello | tr -d l', { stdout: 'heo\n' }],
  ['sort /srv/nums', { stdout: '10\n100\n9\n9\n' }],
  ['sort -n /srv/nums', { stdout: '9\n9\n10\n100\n' }],
  ['sort -rnu /srv/nums', { stdout: '100\n10\n9\n' }],
  ['sort /srv/nums | uniq -c', { stdout: '      1 10\n      1 100\n      2 9\n' }],
  ['printenv', { stdout: 'A=1\nB=2\n' }],
  ['printenv B', { stdout: '2\n' }],
  ['printenv C', { stdout: '', exitCode: 1 }],
  ['env', { stdout: 'A=1\nB=2\n' }],
  ['ls /srv', { stdout: 'log\nnums\nsub\n' }],
  ['ls -a /srv', { stdout: '.\n..\n.hidden\nlog\nnums\nsub\n' }],
  ['cd /srv; ls', { stdout: 'log\nnums\nsub\n' }],
  ['ls /nope', { stderr: 'ls: /nope: No such file or directory\n', exitCode: 1 }],
  ['ls /srv/log', { stdout: '/srv/log\n' }],
  ['hostname', { stdout: 'localhost\n' }],
  ['date -u', { stdout: 'Thu Jan  1 00:00:00 UTC 1970\n' }],
  ['date +%Y-%m-%dT%H:%M:%SZ', { stdout: '1970-01-01T00:00:00Z\n' }],
  ['sleep x', { stderr: "sleep: invalid number 'x'\n", exitCode: 1 }],
  ['mkdir -p /a/b && echo x > /a/b/c && cat /a/b/c && ls /a', { stdout: 'x\nb\n' }],
  ['mkdir /q/r', { stderr: "mkdir: can't create directory '/q/r': No such file or directory\n", exitCode: 1 }],
  ['touch /srv/t && rm /srv/t && ls /srv/t', { stderr: 'ls: /srv/t: No such file or directory\n', exitCode: 1 }],
];

describe('busybox-style tools', () => {
  for (const [script, want] of rows) {
    it(JSON.stringify(script), async () => {
      const r = await runScript(script, ctx());
      const got: Expect = {};
      if (want.stdout !== undefined) got.stdout = r.stdout;
      if (want.stderr !== undefined) got.stderr = r.stderr;
      if (want.exitCode !== undefined) got.exitCode = r.exitCode;
      expect(got).toEqual(want);
    });
  }
});

describe('VirtualFs', () => {
  it('creates parent directories and lists names', () => {
    const fs = new VirtualFs({ '/a/b/c': 'x' }, ['/empty']);
    expect(fs.isDir('/a/b')).toBe(true);
    expect(fs.list('/')).toEqual(['a', 'empty']);
    expect(fs.readFile('/a/./b/../b/c')).toBe('x');
    expect(() => fs.writeFile('/nope/x', '')).toThrow(/ENOENT/);
    fs.appendFile('/a/b/c', 'y');
    expect(fs.toRecord()).toEqual({ '/a/b/c': 'xy' });
  });
});
