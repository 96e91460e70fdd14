import { describe, expect, it } from 'vitest';
import { isIncomplete, newSession, runScript, type ShellContext } from '../../../src/runtime/shell/interpreter.js';
import { builtinTools } from '../../../src/runtime/shell/builtin-tools.js';
import { VirtualFs } from '../../../src/runtime/shell/vfs.js';

/**
 * What an interactive shell needs from the interpreter: whether a line ended the shell (`exited`), and
 * whether typed input is still unfinished (`isIncomplete`, the shell then prints PS2 and reads on).
 */
function ctx(): ShellContext {
  return { env: new Map([['HOME', '/root']]), cwd: '/', fs: new VirtualFs({}, ['/root']), tools: builtinTools(), stdin: '', shellName: 'sh', now: 0, session: newSession() };
}

describe('ShellResult.exited', () => {
  const rows: [string, boolean, number][] = [
    ['exit 4', true, 4],
    ['echo a; exit; echo b', true, 0],
    ['f() { exit 6; }; f', true, 6],
    ['eval "exit 2"', true, 2],
    ['true && exit 5', true, 5],
    ['(exit 3); echo $?', false, 0],
    ['x=$(exit 7); echo $?', false, 0],
    ['exit 8 | cat', false, 0],
    ['exec true', true, 0],
    ['exec false', true, 1],
    ['set -e; false; echo never', true, 1],
    ['set -e; false || true; if false; then :; fi', false, 0],
    ['if then', false, 2],
    ['echo "a', false, 2],
    ['echo ${nope?unset here}', false, 2],
    ['exit nope', false, 2],
    ['false', false, 1],
  ];
  for (const [script, exited, code] of rows) {
    it(`${script} → exited ${exited}, status ${code}`, async () => {
      const r = await runScript(script, ctx());
      expect(r.exited).toBe(exited);
      expect(r.exitCode).toBe(code);
    });
  }

  it('a later line in the same session still knows set -e', async () => {
    const c = ctx();
    expect((await runScript('set -e', c)).exited).toBe(false);
    const r = await runScript('echo on; false; echo off', c);
    expect(r.stdout).toBe('on\n');
    expect(r.exited).toBe(true);
  });
});

describe('isIncomplete', () => {
  const open = [
    'echo "a',
    "echo 'a",
    'echo `date',
    'echo $(date',
    'echo ${x:-a',
    'cat <<EOF',
    'cat <<EOF\nhello',
    'cat <<-END\n\tline',
    'if true; then',
    'if true; then\necho yes',
    'if true; then echo a; else',
    'while true; do',
    'for i in 1 2',
    'for i in 1 2; do echo $i',
    'case x in',
    'case x in a) echo a;;',
    '{ echo a',
    '( echo a',
    'f() {',
    'echo a |',
    'true &&',
    'false ||',
    'echo a \\',
    'echo a \\\n',
    'if',
  ];
  for (const src of open) it(`${JSON.stringify(src)} is unfinished`, () => expect(isIncomplete(src)).toBe(true));

  const complete = [
    '',
    'echo a',
    'echo "a\nb"',
    'cat <<EOF\nhello\nEOF',
    "cat <<'EOF'\n$x\nEOF\n",
    'if true; then\necho yes\nfi',
    'for i in 1 2; do echo $i; done',
    'case x in a) echo a;; esac',
    '{ echo a; }',
    '(echo a)',
    'echo a | cat',
    'echo \\\\',
    '# a comment \\',
    "echo 'a\\'",
    // Wrong rather than unfinished: these run (and report a syntax error) at once.
    'if then',
    'fi',
    ')',
    'echo a ;; b',
    'echo ${',
  ];
  for (const src of complete) it(`${JSON.stringify(src)} is complete (or wrong)`, () => expect(isIncomplete(src)).toBe(false));
});
