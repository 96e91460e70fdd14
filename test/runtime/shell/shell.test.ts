import { describe, expect, it } from 'vitest';
import { runScript, type ShellContext, type Tool } from '../../../src/runtime/shell/interpreter.js';
import { builtinTools } from '../../../src/runtime/shell/builtin-tools.js';
import { VirtualFs } from '../../../src/runtime/shell/vfs.js';

const NOW = Date.UTC(2025, 0, 1, 12, 30, 5);

const fakeWget: Tool = async (args, io) => {
  const url = args.filter((a) => !a.startsWith('-') && a !== '-').pop();
  if (url === '10.96.0.10') return { stdout: '<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n</html>\n', stderr: '', exitCode: 0 };
  return { stdout: '', stderr: `wget: bad address '${url}'\n`, exitCode: 1 };
  void io;
};

function ctx(over: Partial<ShellContext> = {}): ShellContext {
  const tools = builtinTools();
  tools.set('wget', fakeWget);
  return {
    env: new Map([
      ['HOME', '/root'],
      ['PATH', '/usr/sbin:/usr/bin:/sbin:/bin'],
      ['HOSTNAME', 'web-1'],
      ['MY_SERVICE_HOST', '10.96.0.20'],
      ['MY_SERVICE_PORT', '80'],
      ['MyClusterIP', '10.96.0.10'],
    ]),
    cwd: '/',
    fs: new VirtualFs({ '/etc/hostname': 'web-1\n', '/etc/motd': 'hello\nworld\n', '/tmp/.keep': '', '/data/a.txt': 'a\n', '/data/b.txt': 'bb\n' }, ['/root']),
    tools,
    stdin: '',
    shellName: 'sh',
    now: NOW,
    ...over,
  };
}

type Expect = { stdout?: string; stderr?: string; exitCode?: number };
async function check(script: string, want: Expect, over: Partial<ShellContext> = {}) {
  const r = await runScript(script, ctx(over));
  const got: Expect = {};
  if (want.stdout !== undefined) got.stdout = r.stdout;
  if (want.stderr !== undefined) got.stderr = r.stderr;
  if (want.exitCode !== undefined) got.exitCode = r.exitCode;
  expect(got).toEqual(want);
}

const table = (name: string, rows: [string, Expect, Partial<ShellContext>?][]) =>
  describe(name, () => {
    for (const [script, want, over] of rows) it(JSON.stringify(script), () => check(script, want, over));
  });

table('quoting and expansion', [
  ['echo "$A" \'$A\' ${B:-x}', { stdout: 'a b $A x\n', exitCode: 0 }, { env: new Map([['A', 'a b']]) }],
  ['echo hello   world', { stdout: 'hello world\n' }],
  ['echo "hello   world"', { stdout: 'hello   world\n' }],
  ['echo a\\ b \\$HOME "\\$HOME \\"q\\" \\n"', { stdout: 'a b $HOME $HOME "q" \\n\n' }],
  ['echo ${HOME} $HOME/x ${HOME}x $HOMEx.', { stdout: '/root /root/x /rootx .\n' }],
  ['X=; echo ${X:-d} ${X-d} ${U:-d} ${U-d} ${HOME:+set} ${U:+set}.', { stdout: 'd d d set .\n' }],
  ['echo ${U:=v} $U', { stdout: 'v v\n' }],
  ['echo ${#HOME}', { stdout: '5\n' }],
  ['F=/a/b/c.tar.gz; echo ${F##*/} ${F#*/} ${F%.*} ${F%%.*}', { stdout: 'c.tar.gz a/b/c.tar.gz /a/b/c.tar /a/b/c\n' }],
  ['echo $((1 + 2 * 3)) $((10 / 3)) $((7 % 3))', { stdout: '7 3 1\n' }],
  ['i=1; i=$((i + 1)); echo $i', { stdout: '2\n' }],
  ['echo $((1/0)); echo after', { stdout: '', stderr: 'sh: divide by zero\n', exitCode: 2 }],
  ['x=$(cat <<EOF\nin sub $HOME\nEOF\n); echo "$x"', { stdout: 'in sub /root\n' }],
  ['echo `echo \\`echo deep\\``', { stdout: 'deep\n' }],
  ["echo 'it'\\''s' \"a\"b'c'd", { stdout: "it's abcd\n" }],
  ['echo ${U:?not here}; echo after', { stdout: '', stderr: 'sh: U: not here\n', exitCode: 2 }],
  ['A="1  2   3"; for x in $A; do echo "[$x]"; done', { stdout: '[1]\n[2]\n[3]\n' }],
  ['A="1  2"; for x in "$A"; do echo "[$x]"; done', { stdout: '[1  2]\n' }],
  ['E=; set -- $E "" x; echo $#', { stdout: '2\n' }],
  ["echo ~ ~/x '~'", { stdout: '/root /root/x ~\n' }],
  ['echo $$', { stdout: '7\n' }, { pid: 7 }],
  ['echo $0 $# $1 $2 "$@"', { stdout: 'sh 2 a b c a b c\n' }, { argv0: 'sh', args: ['a', 'b c'] }],
  ['for a in "$@"; do echo "<$a>"; done', { stdout: '<a>\n<b c>\n' }, { args: ['a', 'b c'] }],
  ['echo # a comment\necho x # another', { stdout: '\nx\n' }],
  ['echo a#b', { stdout: 'a#b\n' }],
  ['cd /data && echo *.txt', { stdout: 'a.txt b.txt\n' }],
  ['echo /data/*', { stdout: '/data/a.txt /data/b.txt\n' }],
  ['echo "/data/*" /nope/*', { stdout: '/data/* /nope/*\n' }],
]);

table('command substitution', [
  ['x=$(echo hi); echo $x', { stdout: 'hi\n' }],
  ['echo "[$(printf "a\\n\\n\\n")]"', { stdout: '[a]\n' }],
  ['echo `echo back` "$(echo "nested $(echo deep)")"', { stdout: 'back nested deep\n' }],
  ['x=$(false); echo $?', { stdout: '1\n' }],
  ['x=$(exit 4); echo $?', { stdout: '4\n' }],
  ['echo $(cat /etc/motd)', { stdout: 'hello world\n' }],
  ['echo "$(cat /etc/motd)"', { stdout: 'hello\nworld\n' }],
  ['h=$(hostname); echo "host=$h"', { stdout: 'host=web-1\n' }],
]);

table('lists, status and exit', [
  ['false || echo no', { stdout: 'no\n', exitCode: 0 }],
  ['true && echo yes', { stdout: 'yes\n', exitCode: 0 }],
  ['false && echo yes', { stdout: '', exitCode: 1 }],
  ['true || echo no; echo $?', { stdout: '0\n' }],
  ['false; echo $?; true; echo $?', { stdout: '1\n0\n' }],
  ['! false; echo $?; ! true; echo $?', { stdout: '0\n1\n' }],
  ['exit 3', { stdout: '', exitCode: 3 }],
  ['echo a; exit 3; echo b', { stdout: 'a\n', exitCode: 3 }],
  ['false; exit', { exitCode: 1 }],
  ['(exit 5); echo $?', { stdout: '5\n', exitCode: 0 }],
  ['foo', { stdout: '', stderr: 'sh: foo: not found\n', exitCode: 127 }],
  ['foo', { stderr: 'bash: foo: command not found\n', exitCode: 127 }, { shellName: 'bash' }],
  ['foo 2>/dev/null; echo $?', { stdout: '127\n', stderr: '' }],
  ['/bin/nope', { stderr: 'sh: /bin/nope: not found\n', exitCode: 127 }],
  ['/bin/echo hi', { stdout: 'hi\n' }, { tools: new Map([['echo', async (a) => ({ stdout: a.join(' ') + '\n', stderr: '', exitCode: 0 })]]) }],
  ['echo a; echo b\necho c', { stdout: 'a\nb\nc\n' }],
  ['if true; then', { stderr: 'sh: syntax error: unexpected end of file (expecting "fi")\n', exitCode: 2 }],
  ['echo a; fi', { stderr: 'sh: syntax error: unexpected "fi"\n', exitCode: 2, stdout: '' }],
  ['set -e; echo a; false; echo b', { stdout: 'a\n', exitCode: 1 }],
  ['set -e; false || true; if false; then :; fi; echo ok', { stdout: 'ok\n', exitCode: 0 }],
  ['exit 256', { exitCode: 0 }],
]);

table('pipelines', [
  ['printenv | grep SERVICE', { stdout: 'MY_SERVICE_HOST=10.96.0.20\nMY_SERVICE_PORT=80\n', exitCode: 0 }],
  ['wget -q -O - ${MyClusterIP} | grep \'<title>\'', { stdout: '<title>Welcome to nginx!</title>\n', exitCode: 0 }],
  ['wget -q -O - nowhere | grep title', { stdout: '', stderr: "wget: bad address 'nowhere'\n", exitCode: 1 }],
  ['for i in 1 2 3; do echo $i; done | wc -l', { stdout: '3\n' }],
  ['echo hi | false', { exitCode: 1 }],
  ['false | echo hi', { stdout: 'hi\n', exitCode: 0 }],
  ['! echo x | grep -q y', { exitCode: 0, stdout: '' }],
  ['echo b a c | tr " " "\\n" | sort | head -n 2', { stdout: 'a\nb\n' }],
  ['echo x | read v; echo "[$v]"', { stdout: '[]\n' }],
  ['echo hello | cat - /etc/motd | tail -1', { stdout: 'world\n' }],
  ['printf "a\\nb\\nc\\n" | grep -v b | wc -l', { stdout: '2\n' }],
  ['cat /nope 2>&1 | grep -c open', { stdout: '1\n' }],
]);

table('redirects and here-documents', [
  ['cat <<EOF > f\nhello $HOSTNAME\n  $(echo sub)\nEOF\ncat f', { stdout: 'hello web-1\n  sub\n' }, { cwd: '/tmp' }],
  ["cat <<'EOF'\n$HOME `x`\nEOF", { stdout: '$HOME `x`\n' }],
  ['cat <<"EOF"\n$HOME\nEOF', { stdout: '$HOME\n' }],
  ['cat <<-EOF\n\t\tindented\n\tEOF\necho after', { stdout: 'indented\nafter\n' }],
  ['cat <<A; cat <<B\na\nA\nb\nB', { stdout: 'a\nb\n' }],
  ['echo one > /tmp/f; echo two >> /tmp/f; cat /tmp/f', { stdout: 'one\ntwo\n' }],
  ['echo one > /tmp/f; echo new > /tmp/f; cat < /tmp/f', { stdout: 'new\n' }],
  ['echo x > /x/y', { stderr: "sh: can't create /x/y: nonexistent directory\n", exitCode: 2 }],
  ['echo x > /x/y', { stderr: 'bash: /x/y: No such file or directory\n', exitCode: 1 }, { shellName: 'bash' }],
  ['echo x > /tmp', { stderr: "sh: can't create /tmp: Is a directory\n" }],
  ['cat < /nope', { stderr: "sh: can't open /nope: no such file\n", exitCode: 2 }],
  ['echo hidden >/dev/null', { stdout: '' }],
  ['cat /nope 2>/dev/null; echo $?', { stdout: '1\n', stderr: '' }],
  ['cat /nope 2>&1', { stdout: "cat: can't open '/nope': No such file or directory\n", stderr: '' }],
  ['cat /nope >/dev/null 2>&1', { stdout: '', stderr: '', exitCode: 1 }],
  ['echo err >&2', { stdout: '', stderr: 'err\n' }],
  ['cat /nope 2>/tmp/e; cat /tmp/e', { stdout: "cat: can't open '/nope': No such file or directory\n" }],
  ['{ echo a; echo b; } > /tmp/g; wc -l < /tmp/g', { stdout: '2\n' }],
  ['while read l; do echo "<$l>"; done < /etc/motd', { stdout: '<hello>\n<world>\n' }],
  ['>/tmp/empty; cat /tmp/empty; echo $?', { stdout: '0\n' }],
  ['cd /tmp; echo x > rel; cat /tmp/rel', { stdout: 'x\n' }],
]);

table('compound commands', [
  ['if [ -z "$X" ]; then echo empty; fi', { stdout: 'empty\n' }],
  ['X=1; if [ -z "$X" ]; then echo empty; elif [ "$X" = 1 ]; then echo one; else echo other; fi', { stdout: 'one\n' }],
  ['if false; then echo a; else echo b; fi', { stdout: 'b\n' }],
  ['if false; then echo a; fi; echo $?', { stdout: '0\n' }],
  ['i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done', { stdout: '0\n1\n2\n' }],
  ['i=0; until [ $i -ge 2 ]; do i=$((i+1)); done; echo $i', { stdout: '2\n' }],
  ['for x in a b c; do if [ $x = b ]; then continue; fi; echo $x; done', { stdout: 'a\nc\n' }],
  ['for x in a b c; do [ $x = b ] && break; echo $x; done', { stdout: 'a\n' }],
  ['for i in 1 2; do for j in x y; do echo $i$j; done; done', { stdout: '1x\n1y\n2x\n2y\n' }],
  ['{ echo a; echo b; } | wc -l', { stdout: '2\n' }],
  ['X=1; (X=2; echo $X); echo $X', { stdout: '2\n1\n' }],
  ['(cd /tmp; pwd); pwd', { stdout: '/tmp\n/\n' }],
  ['case abc in a*) echo A;; *) echo other;; esac', { stdout: 'A\n' }],
  ['case x in a|b) echo ab;; "x") echo x;; esac', { stdout: 'x\n' }],
  ['f() { echo "f:$1:$#"; return 3; }; f a b; echo $?', { stdout: 'f:a:2\n3\n' }],
  ['for x in 1 2\ndo\n  echo $x\ndone', { stdout: '1\n2\n' }],
]);

table('variables and environment', [
  ['A=1; export B=2; printenv A; echo $?; printenv B', { stdout: '1\n2\n' }],
  ['A=1 printenv A; echo "[$A]"', { stdout: '1\n[]\n' }],
  ['A=1; export A; printenv A', { stdout: '1\n' }],
  ['export C; C=3; printenv C', { stdout: '3\n' }],
  ['unset HOME; echo "[$HOME]"', { stdout: '[]\n' }],
  ['printenv NOPE; echo $?', { stdout: '1\n' }],
  ['printenv HOSTNAME MY_SERVICE_PORT', { stdout: 'web-1\n80\n' }],
  ['env | grep -c =', { stdout: '6\n' }],
  ['echo $HOSTNAME; hostname', { stdout: 'web-1\nweb-1\n' }],
  ['cd /data; echo $PWD; cd ..; pwd', { stdout: '/data\n/\n' }],
  ['cd /nope', { stderr: "sh: cd: can't cd to /nope: No such file or directory\n", exitCode: 2 }],
  ['cd; pwd', { stdout: '/root\n' }],
  ['read a b; echo "$b|$a"', { stdout: 'two three|one\n' }, { stdin: 'one two three\nnext\n' }],
  ['read a; read b; echo $b$a', { stdout: '21\n' }, { stdin: '1\n2\n' }],
  ['read a; echo $?', { stdout: '1\n' }],
  ['set -- x y z; shift; echo $@ $#', { stdout: 'y z 2\n' }],
  ['eval "echo \\$HOSTNAME"', { stdout: 'web-1\n' }],
  ['sh -c \'echo $0 $1; exit 4\' zero one; echo $?', { stdout: 'zero one\n4\n' }],
]);

table('builtins', [
  ['echo -n a; echo b', { stdout: 'ab\n' }],
  ['echo -e "a\\tb\\nc"', { stdout: 'a\tb\nc\n' }],
  ['echo "a\\tb"', { stdout: 'a\\tb\n' }],
  ['echo -x', { stdout: '-x\n' }],
  ['echo -e "stop\\chere"', { stdout: 'stop' }],
  ['printf "%s-%d|%5s|%-3s|%03d|%x\\n" a 42 r l 7 255', { stdout: 'a-42|    r|l  |007|ff\n' }],
  ['printf "%s\\n" a b c', { stdout: 'a\nb\nc\n' }],
  ['printf "%.2f %c %%\\n" 3.14159 xyz', { stdout: '3.14 x %\n' }],
  ['printf "%d\\n" abc', { stdout: '0\n', stderr: "printf: invalid number 'abc'\n", exitCode: 1 }],
  ['printf hi', { stdout: 'hi' }],
  ['[ a = a ] && [ a != b ] && [ 3 -gt 2 ] && [ 2 -le 2 ] && [ -n x ] && [ ! -z x ] && echo ok', { stdout: 'ok\n' }],
  ['test -f /etc/motd && test -d /etc && test -e /tmp && ! test -f /etc && echo ok', { stdout: 'ok\n' }],
  ['[ 1 -eq 1 -a 2 -eq 3 ]; echo $?; [ 1 -eq 1 -o 2 -eq 3 ]; echo $?', { stdout: '1\n0\n' }],
  ['[ a = a', { stderr: 'sh: [: missing ]\n', exitCode: 2 }],
  ['[ x -eq 1 ]', { stderr: 'sh: [: x: bad number\n', exitCode: 2 }],
  ['[ "" ]; echo $?; [ x ]; echo $?', { stdout: '1\n0\n' }],
  ['type echo ls nope', { stdout: 'echo is a shell builtin\nls is /bin/ls\nnope: not found\n', exitCode: 1 }],
  ['command -v ls echo nope; echo $?', { stdout: '/bin/ls\necho\n1\n' }],
  ['command -v wget', { stdout: '/usr/bin/wget\n' }, { toolPaths: { wget: '/usr/bin/wget' } }],
  ['true; false; :', { exitCode: 0 }],
]);

describe('session state and clock', () => {
  it('sleep advances the simulated clock and date shows it', async () => {
    const c = ctx();
    const r = await runScript('date; sleep 2; sleep 1m; date +%H:%M:%S; date +%s', c);
    expect(r.stdout).toBe('Wed Jan  1 12:30:05 UTC 2025\n12:31:07\n' + `${NOW / 1000 + 62}\n`);
    expect(r.sleptMs).toBe(62000);
    expect(c.now).toBe(NOW + 62000);
  });
  it('keeps cwd, variables and functions across calls', async () => {
    const c = ctx();
    await runScript('cd /data; X=1; f() { echo fn; }', c);
    const r = await runScript('pwd; echo $X; f; printenv X; echo $?', c);
    expect(r.stdout).toBe('/data\n1\nfn\n1\n');
  });
  it('interleaves output', async () => {
    const r = await runScript('echo a; echo b >&2; echo c', ctx());
    expect(r.output).toBe('a\nb\nc\n');
  });
  it('writes stay in the virtual fs', async () => {
    const c = ctx();
    await runScript('echo data > /tmp/out.txt', c);
    expect(c.fs.readFile('/tmp/out.txt')).toBe('data\n');
  });
});
