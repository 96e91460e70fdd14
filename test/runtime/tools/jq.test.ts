import { describe, expect, it } from 'vitest';
import { dumpJson, formatNumber, parseJsonStream } from '../../../src/runtime/tools/jq-json.js';
import { jqTool } from '../../../src/runtime/tools/jq.js';
import { VirtualFs } from '../../../src/runtime/shell/vfs.js';
import { SLEEP, sh } from './cluster.js';

function jq(args: string[], stdin: string) {
  return jqTool(args, { stdin, env: new Map([['HOME', '/root']]), cwd: '/', fs: new VirtualFs({ '/d.json': '{"k":[1]}' }), argv0: 'jq', shellName: 'sh', now: 0, sleep: () => undefined });
}

const DOC = '{"kind":"List","items":[{"metadata":{"name":"a","labels":{"app":"web"}},"spec":{"replicas":2}},{"metadata":{"name":"b"},"spec":{}}]}\n';

describe('jq input parsing (jv_parse.c positions)', () => {
  it('names the delimiter after a bad literal, newline counting as column 0 of the next line', () => {
    expect(parseJsonStream('hello world\n').error).toBe('Invalid numeric literal at line 1, column 6');
    expect(parseJsonStream('hello\n').error).toBe('Invalid numeric literal at line 2, column 0');
    expect(parseJsonStream('nul \n').error).toBe('Invalid literal at line 1, column 4');
  });
  it('reports structure errors with jq\'s messages and keeps values parsed before them', () => {
    expect(parseJsonStream('[1,2,]').error).toBe('Expected another array element at line 1, column 6');
    expect(parseJsonStream('{"a" 1}').error).toBe('Expected separator between values at line 1, column 7');
    expect(parseJsonStream('{"a":1,}').error).toBe('Expected another key-value pair at line 1, column 8');
    expect(parseJsonStream('{1:2}').error).toBe('Object keys must be strings at line 1, column 3');
    expect(parseJsonStream('{"a":\n').error).toBe('Unfinished JSON term at EOF at line 2, column 0');
    const r = parseJsonStream('1 2 x\n');
    expect(r.values.map((v) => v.value)).toEqual([1, 2]);
  });
});

describe('jq output (jv_print.c)', () => {
  it('indents by two, escapes control characters, prints empties inline', () => {
    expect(dumpJson({ a: [], b: {}, c: [1, 'x\ty\u0001'] }, { indent: 2 })).toBe('{\n  "a": [],\n  "b": {},\n  "c": [\n    1,\n    "x\\ty\\u0001"\n  ]\n}');
    expect(dumpJson({ a: [1, { b: null }] }, { indent: 0 })).toBe('{"a":[1,{"b":null}]}');
  });
  it('formats numbers as jq 1.6 does', () => {
    expect(formatNumber(1.0)).toBe('1');
    expect(formatNumber(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(formatNumber(1e-7)).toBe('1e-07');
    expect(formatNumber(Infinity)).toBe('1.7976931348623157e+308');
  });
});

describe('jq filters', () => {
  const cases: Array<[string[], string, string]> = [
    [['.kind'], DOC, '"List"\n'],
    [['-r', '.items[].metadata.name'], DOC, 'a\nb\n'],
    [['-c', '.items[0].metadata'], DOC, '{"name":"a","labels":{"app":"web"}}\n'],
    [['.items | length'], DOC, '2\n'],
    [['-c', '.items[0] | keys'], DOC, '["metadata","spec"]\n'],
    [['-r', '.items[] | select(.metadata.labels.app == "web") | .metadata.name'], DOC, 'a\n'],
    [['-c', '[.items[] | .spec.replicas // 1]'], DOC, '[2,1]\n'],
    [['-c', '.items | map({name: .metadata.name, r: .spec.replicas})'], DOC, '[{"name":"a","r":2},{"name":"b","r":null}]\n'],
    [['-r', '.items[] | "\\(.metadata.name): \\(.spec.replicas // 0)"'], DOC, 'a: 2\nb: 0\n'],
    [['-c', '.items[-1], .items[0:1][0].spec, .[0]?'], DOC, '{"metadata":{"name":"b"},"spec":{}}\n{"replicas":2}\n'],
    [['-c', '[.[] | . * 2] | add'], '[1,2,3]', '12\n'],
    [['-c', 'to_entries | map(select(.value > 1)) | from_entries'], '{"a":1,"b":2}', '{"b":2}\n'],
    [['-c', 'if . > 1 then "big" elif . == 1 then "one" else "small" end'], '0 1 2', '"small"\n"one"\n"big"\n'],
    [['-c', 'reduce .[] as $x (0; . + $x)'], '[1,2,3]', '6\n'],
    [['-c', '.a as $v | [$v, .b]'], '{"a":1,"b":2}', '[1,2]\n'],
    [['-r', '@csv, @tsv'], '["a",1,null,"q\\"t"]', '"a",1,,"q""t"\na\t1\t\tq"t\n'],
    [['-c', '.a.b |= . + 1 | del(.c)'], '{"a":{"b":1},"c":3}', '{"a":{"b":2}}\n'],
    [['-S', '-c', '.'], '{"b":1,"a":2}', '{"a":2,"b":1}\n'],
    [['-s', '-c', 'map(.x)'], '{"x":1}\n{"x":2}', '[1,2]\n'],
    [['-n', '-c', '[range(3)], ("a,b" | split(",")), ([1,[2,[3]]] | flatten)'], '', '[0,1,2]\n["a","b"]\n[1,2,3]\n'],
    [['--arg', 'n', 'x', '-c', '{($n): 1}'], 'null', '{"x":1}\n'],
    [['-j', '.[]'], '["a","b"]', 'ab'],
    [['.k[0]', '/d.json'], '', '1\n'],
  ];
  for (const [args, input, out] of cases) {
    it(`jq ${args.join(' ')}`, async () => {
      expect(await jq(args, input)).toEqual({ stdout: out, stderr: '', exitCode: 0 });
    });
  }
});

describe('jq errors and exit codes', () => {
  it('exit 2 for unparsable input, after the values before it', async () => {
    expect(await jq(['.'], '1 x\n')).toEqual({ stdout: '1\n', stderr: 'parse error: Invalid numeric literal at line 2, column 0\n', exitCode: 2 });
  });
  it('exit 3 for a filter that does not compile', async () => {
    expect(await jq(['.a |'], '{}')).toEqual({ stdout: '', stderr: 'jq: error: syntax error, unexpected $end (Unix shell quoting issues?) at <top-level>, line 1:\n.a |\njq: 1 compile error\n', exitCode: 3 });
    expect(await jq(['foo'], '{}')).toEqual({ stdout: '', stderr: 'jq: error: foo/0 is not defined at <top-level>, line 1:\nfoo\njq: 1 compile error\n', exitCode: 3 });
    expect((await jq(['{a: 1 + 2}'], '{}')).exitCode).toBe(3);
  });
  it('exit 5 for runtime errors, located at the input line, outputs before the error kept', async () => {
    expect(await jq(['.a, .[0]'], '{}\n')).toEqual({ stdout: 'null\n', stderr: 'jq: error (at <stdin>:1): Cannot index object with number\n', exitCode: 5 });
    expect(await jq(['.a'], '1')).toEqual({ stdout: '', stderr: 'jq: error (at <stdin>:0): Cannot index number with string "a"\n', exitCode: 5 });
    expect((await jq(['.[]'], 'null\n')).stderr).toBe('jq: error (at <stdin>:1): Cannot iterate over null (null)\n');
    expect((await jq(['.[]'], '"a long string value"\n')).stderr).toBe('jq: error (at <stdin>:1): Cannot iterate over string ("a long str...)\n');
    expect((await jq(['keys'], '3\n')).stderr).toBe('jq: error (at <stdin>:1): number (3) has no keys\n');
    expect((await jq(['{} + 1'], '0\n')).stderr).toBe('jq: error (at <stdin>:1): object ({}) and number (1) cannot be added\n');
    expect((await jq(['.[] | try error("x\\(.)") catch .'], '[1]')).stdout).toBe('"x1"\n');
  });
  it('-e: 1 when the last output is false or null, 4 when there is none', async () => {
    expect((await jq(['-e', '.a'], '{}')).exitCode).toBe(1);
    expect((await jq(['-e', 'empty'], '{}')).exitCode).toBe(4);
    expect((await jq(['-e', '.a'], '{"a":0}')).exitCode).toBe(0);
  });
  it('runs in the kiamol sleep pod, fed by echo', async () => {
    const r = await sh(SLEEP, `echo '{"a":{"b":[1,2]}}' | jq .a`);
    expect(r).toMatchObject({ stdout: '{\n  "b": [\n    1,\n    2\n  ]\n}\n', exitCode: 0 });
  });
});
