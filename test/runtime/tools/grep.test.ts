import { describe, expect, it } from 'vitest';
import { runScript, type ShellContext } from '../../../src/runtime/shell/interpreter.js';
import { builtinTools } from '../../../src/runtime/shell/builtin-tools.js';
import { VirtualFs } from '../../../src/runtime/shell/vfs.js';

const LOG = 'GET / 200\nGET /x 404\nPOST / 200\nget /y 500\nHEAD / 200\nGETTER 1\n';

async function run(script: string) {
  const ctx: ShellContext = { env: new Map(), cwd: '/', fs: new VirtualFs({ '/log': LOG, '/other': 'nothing\n' }), tools: builtinTools(), stdin: '', shellName: 'sh', now: 0 };
  const r = await runScript(script, ctx);
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
}

describe('busybox grep options', () => {
  const rows: Array<[string, string, number]> = [
    ['grep -iw get /log', 'GET / 200\nGET /x 404\nget /y 500\n', 0],
    ['grep -vc GET /log', '3\n', 0],
    ['grep -ic get /log', '4\n', 0],
    ['grep -in "^get" /log', '1:GET / 200\n2:GET /x 404\n4:get /y 500\n6:GETTER 1\n', 0],
    ['grep -Eo "[0-9]{3}" /log', '200\n404\n200\n500\n200\n', 0],
    ['grep -on "/[a-z]" /log', '2:/x\n4:/y\n', 0],
    ['grep -ov GET /log', '', 0],
    ['grep -x "POST / 200" /log', 'POST / 200\n', 0],
    ['grep -m1 200 /log', 'GET / 200\n', 0],
    ['grep -m 2 -c 200 /log', '2\n', 0],
    ['grep -A1 404 /log', 'GET /x 404\nPOST / 200\n', 0],
    ['grep -B 1 -n 500 /log', '3-POST / 200\n4:get /y 500\n', 0],
    ['grep -C1 -e 404 -e HEAD /log', 'GET / 200\nGET /x 404\nPOST / 200\nget /y 500\nHEAD / 200\nGETTER 1\n', 0],
    ['grep -A1 -e 404 -e HEAD /log', 'GET /x 404\nPOST / 200\n--\nHEAD / 200\nGETTER 1\n', 0],
    ['grep -H POST /log', '/log:POST / 200\n', 0],
    ['grep -l 200 /log /other', '/log\n', 0],
    ['grep -L 200 /log /other', '/other\n', 0],
    ['grep -c 200 /log /other', '/log:3\n/other:0\n', 0],
    ['grep -F "/ 2" /log | wc -l', '3\n', 0],
    ['grep -w GETT /log', '', 1],
    ['grep -qv . /log', '', 1],
    ['grep -q 404 /log /nope', '', 0],
  ];
  for (const [cmd, out, code] of rows) {
    it(cmd, async () => {
      const r = await run(cmd);
      expect(r.stdout).toBe(out);
      expect(r.exitCode).toBe(code);
    });
  }
  it('a missing file is exit 2 unless a -q match already decided', async () => {
    expect(await run('grep 404 /nope')).toEqual({ stdout: '', stderr: 'grep: /nope: No such file or directory\n', exitCode: 2 });
    expect((await run('grep -s 404 /nope')).stderr).toBe('');
  });
  it('-m and -A need numbers', async () => {
    expect(await run('grep -m x 200 /log')).toMatchObject({ stderr: "grep: invalid number 'x'\n", exitCode: 2 });
  });
});
