import { describe, expect, it } from 'vitest';
import * as interpreter from '../../../src/runtime/shell/interpreter.js';
import { runScript, type ShellContext } from '../../../src/runtime/shell/interpreter.js';
import { builtinTools } from '../../../src/runtime/shell/builtin-tools.js';
import { VirtualFs } from '../../../src/runtime/shell/vfs.js';

/**
 * Control flow, unwinding and error paths of the shell (control.ts, signals.ts, redirects.ts, expansion.ts),
 * pinned down through runScript so that the module split keeps them exactly as they were.
 */
function ctx(over: Partial<ShellContext> = {}): ShellContext {
  return { env: new Map([['HOME', '/root']]), cwd: '/', fs: new VirtualFs({ '/etc/motd': 'hi\n' }, ['/root']), tools: builtinTools(), stdin: '', shellName: 'sh', now: 0, ...over };
}

type Expect = { stdout?: string; stderr?: string; exitCode?: number };
const rows: [string, Expect, Partial<ShellContext>?][] = [
  // loops: break/continue levels, status, conditions
  ['for i in 1 2; do for j in a b; do [ $j = b ] && continue 2; echo $i$j; done; echo never; done', { stdout: '1a\n2a\n' }],
  ['for i in 1 2; do for j in a b; do echo $i$j; break 2; done; done; echo $?', { stdout: '1a\n0\n' }],
  ['i=0; while :; do i=$((i+1)); [ $i -ge 3 ] && break; done; echo $i', { stdout: '3\n' }],
  ['i=0; while [ $i -lt 4 ]; do i=$((i+1)); [ $i = 2 ] && continue; echo $i; done', { stdout: '1\n3\n4\n' }],
  ['for x in; do echo no; done; echo $?', { stdout: '0\n' }],
  ['for x in a; do false; done; echo $?', { stdout: '1\n' }],
  ['while false; do :; done; echo $?', { stdout: '0\n' }],
  ['set -- p q; for a; do echo $a; done', { stdout: 'p\nq\n' }],
  ['break; echo after', { stdout: 'after\n' }],
  ['f() { for x in 1 2 3; do [ $x = 2 ] && return 7; echo $x; done; }; f; echo $?', { stdout: '1\n7\n' }],
  // set -e: conditions, && || and ! do not end the script
  ['set -e; if false; then :; fi; false || echo alt; ! true; echo still', { stdout: 'alt\nstill\n', exitCode: 0 }],
  ['set -e; while false; do :; done; false && echo no; echo on; false; echo off', { stdout: 'on\n', exitCode: 1 }],
  ['set -e; (exit 3); echo no', { stdout: '', exitCode: 3 }],
  ['! false | true; echo $?', { stdout: '1\n' }],
  // unwinding out of subshells, pipelines and substitutions
  ['(exit 5); echo $?', { stdout: '5\n' }],
  ['echo a | (read x; echo got $x; exit 4); echo $?', { stdout: 'got a\n4\n' }],
  ['x=$(exit 6); echo $?', { stdout: '6\n' }],
  ['x=$(echo out; false); echo "$x $?"', { stdout: 'out 1\n' }],
  ['echo "[$(if)]"; echo next', { stdout: '[]\nnext\n', stderr: 'sh: syntax error: unexpected end of file (expecting "then")\n' }],
  ['echo $((1/0)); echo never', { stderr: 'sh: divide by zero\n', exitCode: 2 }],
  ['echo ${U?oops}; echo never', { stderr: 'sh: U: oops\n', exitCode: 2 }],
  // redirections that fail end only the command
  ['cat < /nope; echo $?', { stdout: '2\n', stderr: "sh: can't open /nope: no such file\n" }],
  ['echo x > /nodir/f; echo $?', { stdout: '2\n', stderr: "sh: can't create /nodir/f: nonexistent directory\n" }],
  ['{ echo a; } > /etc; echo $?', { stdout: '2\n', stderr: "sh: can't create /etc: Is a directory\n" }],
  ['echo x 1>&7', { stderr: 'sh: 7: bad file descriptor\n', exitCode: 2 }],
  ['echo x > /nodir/f', { stderr: 'bash: /nodir/f: No such file or directory\n', exitCode: 1 }, { shellName: 'bash' }],
  ['{ echo out; echo err >&2; } 2>&1 >/dev/null | wc -l', { stdout: '1\n' }],
  ['cat <<EOF\n$HOME\nEOF\ncat <<\'EOF\'\n$HOME\nEOF', { stdout: '/root\n$HOME\n' }],
  // builtins and the lookup of argv[0]
  ['nope; echo $?', { stdout: '127\n', stderr: 'sh: nope: not found\n' }],
  ['nope', { stderr: 'bash: nope: command not found\n', exitCode: 127 }, { shellName: 'bash' }],
  ['type export if f', { stdout: 'export is a special shell builtin\nif is a shell keyword\nf: not found\n', exitCode: 1 }],
  ['X=1 export Y=2; echo $X$Y; X=3 true; echo $X', { stdout: '12\n1\n' }],
  ['exec echo hi; echo never', { stdout: 'hi\n', exitCode: 0 }],
  ['exit 300', { exitCode: 44 }],
  ['IFS=:; read a b; echo "$b/$a"', { stdout: 'y:z/x\n' }, { stdin: 'x:y:z\n' }],
  ['set -x; A=1 echo hi', { stdout: 'hi\n', stderr: '+ A=1 echo hi\n' }],
];

describe('shell control flow and error paths', () => {
  for (const [script, want, over] of rows) {
    it(JSON.stringify(script), async () => {
      const r = await runScript(script, ctx(over));
      const got: Expect = {};
      if (want.stdout !== undefined) got.stdout = r.stdout;
      if (want.stderr !== undefined) got.stderr = r.stderr;
      if (want.exitCode !== undefined) got.exitCode = r.exitCode;
      expect(got).toEqual(want);
    });
  }
});

describe('the public API of interpreter.ts', () => {
  it('still exports its functions from interpreter.js', () => {
    for (const name of ['runScript', 'newSession', 'globToRegExp', 'evalArith', 'formatPrintf'] as const) {
      expect(typeof interpreter[name], name).toBe('function');
    }
    expect(interpreter.newSession()).toEqual({ unexported: new Set(), functions: new Map(), lastStatus: 0, errexit: false, xtrace: false });
    expect(interpreter.evalArith('2 ** 3 + x', { vars: new Map([['x', '1']]) })).toBe(9);
    expect(interpreter.globToRegExp('a*.t?t').test('abc.txt')).toBe(true);
    expect(interpreter.formatPrintf('%s=%03d\n', ['n', '7'])).toEqual({ out: 'n=007\n', errors: [] });
  });
});
