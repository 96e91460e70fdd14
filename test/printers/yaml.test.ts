import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { toYaml } from '../../src/printers/serialize.js';
import { CONTROL_CHARACTERS_ERROR, keyLess, toGoYaml } from '../../src/printers/yaml/index.js';

/*
 * Every expected document below is what kubectl 1.32.4 printed for the same value, run offline as
 *   KUBECONFIG=/nonexistent kubectl patch --local -f obj.json -p '{}' --type=merge -o yaml
 * with obj.json = {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"v": <value>}; the text
 * after `metadata:\n  name: x\n` is the expectation for toGoYaml({ v: value }). When /usr/bin/kubectl is
 * present, the table is checked against it again, along with a few hundred generated cases.
 */
const TABLE: [name: string, value: unknown, expected: string[]][] = [
  [
    'plain word',
    'hello',
    ['v: hello'],
  ],
  [
    'plain sentence',
    'hello world',
    ['v: hello world'],
  ],
  [
    'plain with inner # and :',
    'a#b c:d e-f',
    ['v: a#b c:d e-f'],
  ],
  [
    'plain leading - : ? without space',
    ['-a', ':a', '?a'],
    ['v:', '- -a', '- :a', '- ?a'],
  ],
  [
    'plain merge key and 0x',
    ['<<', '0x', '1e400', '..', '$a', '=a'],
    ['v:', '- <<', '- 0x', '- 1e400', '- ..', '- $a', '- =a'],
  ],
  [
    'plain unicode (printable BMP)',
    ['é', 'naïve café', '日本語', 'a\u00a0b'],
    ['v:', '- é', '- naïve café', '- 日本語', '- a\u00a0b'],
  ],
  [
    'empty string',
    '',
    ['v: ""'],
  ],
  [
    'booleans as strings',
    ['true', 'True', 'FALSE', 'yes', 'Yes', 'no', 'y', 'Y', 'n', 'N', 'on', 'On', 'off', 'OFF'],
    ['v:', '- "true"', '- "True"', '- "FALSE"', '- "yes"', '- "Yes"', '- "no"', '- "y"', '- "Y"', '- "n"', '- "N"', '- "on"', '- "On"', '- "off"', '- "OFF"'],
  ],
  [
    'nulls as strings',
    ['null', 'Null', 'NULL', '~'],
    ['v:', '- "null"', '- "Null"', '- "NULL"', '- "~"'],
  ],
  [
    'ints as strings',
    ['1234', '-12', '+12', '0', '0123', '09', '0x1F', '0o17', '0b101', '-0b101', '1_000', '18446744073709551615', '99999999999999999999'],
    ['v:', '- "1234"', '- "-12"', '- "+12"', '- "0"', '- "0123"', '- "09"', '- "0x1F"', '- "0o17"', '- "0b101"', '- "-0b101"', '- "1_000"', '- "18446744073709551615"', '- "99999999999999999999"'],
  ],
  [
    'floats as strings',
    ['1e3', '1E-3', '3.14', '5.', '.5', '-.5', '.5_0', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '1e-400'],
    ['v:', '- "1e3"', '- "1E-3"', '- "3.14"', '- "5."', '- ".5"', '- "-.5"', '- ".5_0"', '- ".inf"', '- "-.Inf"', '- "+.INF"', '- ".nan"', '- ".NaN"', '- "1e-400"'],
  ],
  [
    'timestamps as strings',
    ['2024-04-15', '2024-4-5', '2024-02-29', '2024-04-15T10:21:07Z', '2024-04-15t10:21:07Z', '2024-04-15T10:21:07.123456789Z', '2024-04-15T10:21:07,5Z', '2024-04-15 10:21:07', '2024-04-15T10:21:07.5+02:00'],
    ['v:', '- "2024-04-15"', '- "2024-4-5"', '- "2024-02-29"', '- "2024-04-15T10:21:07Z"', '- "2024-04-15t10:21:07Z"', '- "2024-04-15T10:21:07.123456789Z"', '- "2024-04-15T10:21:07,5Z"', '- "2024-04-15 10:21:07"', '- "2024-04-15T10:21:07.5+02:00"'],
  ],
  [
    'not timestamps',
    ['2023-02-29', '2024-13-01', '2024-04-31', '2024-04-15T24:00:00Z', '2024-04-15T10:21:07', '20240-04-15', '2024-04-15x'],
    ['v:', '- 2023-02-29', '- 2024-13-01', '- 2024-04-31', '- 2024-04-15T24:00:00Z', '- 2024-04-15T10:21:07', '- 20240-04-15', '- 2024-04-15x'],
  ],
  [
    'base 60 floats',
    ['10:30', '1:20:30.5', '-1:30', '190:20:30.15', '1:60'],
    ['v:', '- "10:30"', '- "1:20:30.5"', '- "-1:30"', '- "190:20:30.15"', '- 1:60'],
  ],
  [
    'single-quoted leading indicators',
    ['*foo', '&a', '!a', '|a', '>a', '%a', '@a', '`a', '#a', ',a', '[a', ']a', '{a', '}a', '"a', '-', ':', '- a', ': a', '? a', '---', '...a'],
    ['v:', "- '*foo'", "- '&a'", "- '!a'", "- '|a'", "- '>a'", "- '%a'", "- '@a'", "- '`a'", "- '#a'", "- ',a'", "- '[a'", "- ']a'", "- '{a'", "- '}a'", "- '\"a'", "- '-'", "- ':'", "- '- a'", "- ': a'", "- '? a'", "- '---'", "- '...a'"],
  ],
  [
    'single quote doubled',
    ["'a", "it's", "'"],
    ['v:', "- '''a'", "- it's", "- ''''"],
  ],
  [
    "single-quoted for ': ' and ' #' inside",
    ['a: b', 'a #b', 'a:'],
    ['v:', "- 'a: b'", "- 'a #b'", "- 'a:'"],
  ],
  [
    'single-quoted leading and trailing spaces',
    [' a', 'a ', '  ', ' a b '],
    ['v:', "- ' a'", "- 'a '", "- '  '", "- ' a b '"],
  ],
  [
    'double-quoted control characters',
    ['a\tb', '\tlead', 'a\rb', 'a\u0000b', '\u0007\b\f\u000b', 'a\u001bb', 'a\u0001b', 'a\u001fb'],
    ['v:', '- "a\\tb"', '- "\\tlead"', '- "a\\rb"', '- "a\\0b"', '- "\\a\\b\\f\\v"', '- "a\\eb"', '- "a\\x01b"', '- "a\\x1Fb"'],
  ],
  [
    'double-quoted escapes of quote and backslash',
    'a\t"b"\\c',
    ['v: "a\\t\\"b\\"\\\\c"'],
  ],
  [
    'double-quoted outside the BMP and BOM',
    ['😀', 'a😀b', '\ufeffab', 'a\ufeffb'],
    ['v:', '- "\\U0001F600"', '- "a\\U0001F600b"', '- "\\uFEFF\\x61\\x62"', '- "a\\uFEFFb"'],
  ],
  [
    'line separator is a break',
    'a\u2028b',
    ["v: 'a\u2028  b'"],
  ],
  [
    'NEL folds like a YAML line break',
    ['a\u0085b', 'a \u0085 b', 'a\u0085\u0085b', 'a\u0085\u0085\u0085b\u0085'],
    ['v:', '- a b', '- a b', '- |-', '  a', '  b', '- "a\\n\\nb "'],
  ],
  [
    'literal block',
    'a\nb',
    ['v: |-', '  a', '  b'],
  ],
  [
    'literal block with final newline',
    'a\nb\n',
    ['v: |', '  a', '  b'],
  ],
  [
    'literal block keep',
    'a\nb\n\n',
    ['v: |+', '  a', '  b', ''],
  ],
  [
    'literal block of one newline',
    '\n',
    ['v: |2+', ''],
  ],
  [
    'literal block with empty lines',
    'a\n\nb\n\n\nc\n',
    ['v: |', '  a', '', '  b', '', '', '  c'],
  ],
  [
    'literal block with indentation indicator',
    [' lead\nb', '\nlead-break', '  two\n  lead\n'],
    ['v:', '- |2-', '   lead', '  b', '- |2-', '', '  lead-break', '- |2', '    two', '    lead'],
  ],
  [
    'literal block with indented lines and #',
    'x\n  indented\n#not a comment\n- not an item\n',
    ['v: |', '  x', '    indented', '  #not a comment', '  - not an item'],
  ],
  [
    'literal block in a sequence and nested',
    [['a\nb\n', { k: 'c\nd' }]],
    ['v:', '- - |', '    a', '    b', '  - k: |-', '      c', '      d'],
  ],
  [
    'multi-line that cannot be literal',
    ['a \nb', 'a\nb ', 'a\tb\nc', 'a\r\nb\r\n'],
    ['v:', '- "a \\nb"', '- "a\\nb "', '- "a\\tb\\nc"', '- "a\\r\\nb\\r\\n"'],
  ],
  [
    'last-applied-configuration',
    { metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"annotations":{},"name":"game-config","namespace":"default"}}\n' } } },
    ['v:', '  metadata:', '    annotations:', '      kubectl.kubernetes.io/last-applied-configuration: |', '        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"annotations":{},"name":"game-config","namespace":"default"}}'],
  ],
  [
    'folded plain annotation',
    { metadata: { annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } } },
    ['v:', '  metadata:', '    annotations:', '      kubernetes.io/description: Contains a CA bundle that can be used to verify the', '        kube-apiserver when using internal endpoints such as the internal service', '        IP or kubernetes.default.svc. No other usage is guaranteed across distributions', '        of Kubernetes clusters.'],
  ],
  [
    'folding breaks only past column 80',
    ['aaaaaaaaa bbbbbbbbb ccccccccc ddddddddd eeeeeeeee fffffffff ggggggggg hhhhhhhhh iiiii jjjjj kkkkk', 'aaaaaaaaa bbbbbbbbb ccccccccc ddddddddd eeeeeeeee fffffffff ggggggggg hhhhhhhhhh iiiii jjjjj kkkkk'],
    ['v:', '- aaaaaaaaa bbbbbbbbb ccccccccc ddddddddd eeeeeeeee fffffffff ggggggggg hhhhhhhhh', '  iiiii jjjjj kkkkk', '- aaaaaaaaa bbbbbbbbb ccccccccc ddddddddd eeeeeeeee fffffffff ggggggggg hhhhhhhhhh', '  iiiii jjjjj kkkkk'],
  ],
  [
    'long word is never broken',
    'x '.concat('y'.repeat(120), ' z'),
    ['v: x yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy', '  z'],
  ],
  [
    'folding keeps double spaces',
    'word '.repeat(15).concat(' two  spaces  here  and  there  again  and  again  and  more'),
    ['v: word word word word word word word word word word word word word word word  two  spaces  here  and  there  again  and  again  and  more'],
  ],
  [
    'folding at nesting depth',
    { a: { b: { c: [{ d: 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua' }] } } },
    ['v:', '  a:', '    b:', '      c:', '      - d: lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor', '          incididunt ut labore et dolore magna aliqua'],
  ],
  [
    'folded single-quoted',
    '*lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore',
    ["v: '*lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor", "  incididunt ut labore'"],
  ],
  [
    'folded double-quoted',
    'lorem ipsum dolor sit amet consectetur\tadipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna',
    ['v: "lorem ipsum dolor sit amet consectetur\\tadipiscing elit sed do eiusmod tempor', '  incididunt ut labore et dolore magna"'],
  ],
  [
    'folded double-quoted with escaped space',
    'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor\t  incididunt ut labore et  dolore  magna  aliqua  ut  enim  ad  minim  veniam  quis',
    ['v: "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor\\t', '  \\ incididunt ut labore et  dolore  magna  aliqua  ut  enim  ad  minim  veniam  quis"'],
  ],
  [
    'folded double-quoted multi-line',
    'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor \nincididunt ut labore et dolore magna aliqua ut enim ad minim veniam quis nostrud exercitation',
    ['v: "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor \\nincididunt', '  ut labore et dolore magna aliqua ut enim ad minim veniam quis nostrud exercitation"'],
  ],
  [
    'quoted keys',
    { n: 1, yes: 2, '1': 3, '': 4, 'on': 5, '2024-01-01': 6, 'a b': 7, '*k': 8, 'k: v': 9, 'tab\tkey': 10 },
    ['v:', '  "": 4', "  '*k': 8", '  "1": 3', '  "2024-01-01": 6', '  a b: 7', "  'k: v': 9", '  "n": 1', '  "on": 5', '  "tab\\tkey": 10', '  "yes": 2'],
  ],
  [
    'long key is a complex key',
    { ['k'.repeat(129)]: 'v', ['k'.repeat(128)]: 'w', ['é'.repeat(65)]: 'x' },
    ['v:', '  kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk: w', '  ? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk', '  : v', '  ? ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé', '  : x'],
  ],
  [
    'long plain key folds',
    { ['lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua']: ['x'] },
    ['v:', '  lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua:', '  - x'],
  ],
  [
    'multi-line key',
    { 'a\nb': 'c', 'x\n': { y: 1 } },
    ['v:', '  ? |-', '    a', '    b', '  : c', '  ? |', '    x', '  : "y": 1'],
  ],
  [
    'key order (go-yaml natural sort)',
    { a10: 1, a9: 2, a2: 3, b001: 4, b01: 5, b1: 6, B: 7, _a: 8, a: 9, 'x-1': 10, x_1: 11, xA: 12, xa: 13, z: 14, 'é': 15, '1': 16, '10': 17, '9': 18 },
    ['v:', '  _a: 8', '  "1": 16', '  "9": 18', '  "10": 17', '  B: 7', '  a: 9', '  a2: 3', '  a9: 2', '  a10: 1', '  b1: 6', '  b01: 5', '  b001: 4', '  x-1: 10', '  x_1: 11', '  xA: 12', '  xa: 13', '  z: 14', '  é: 15'],
  ],
  [
    'numbers',
    [0, -1, 42, 0.5, 1e-5, 0.000123, 1e-7, 1.5e6, 1500000.5, 123456.5, 1234567.25, -0.0001, 3.14159, 0.1 + 0.2, 1e19, 1e20, 1e21, 2 ** 53, 2 ** 63, -(2 ** 63), 5e-324, 1.7976931348623157e308],
    ['v:', '- 0', '- -1', '- 42', '- 0.5', '- 1e-05', '- 0.000123', '- 1e-07', '- 1500000', '- 1.5000005e+06', '- 123456.5', '- 1.23456725e+06', '- -0.0001', '- 3.14159', '- 0.30000000000000004', '- 10000000000000000000', '- 1e+20', '- 1e+21', '- 9007199254740992', '- 9223372036854776000', '- -9.223372036854776e+18', '- 5e-324', '- 1.7976931348623157e+308'],
  ],
  [
    'booleans and null',
    [true, false, null],
    ['v:', '- true', '- false', '- null'],
  ],
  [
    'empty collections',
    { a: [], b: {}, c: [[], {}], d: [{ e: [] }] },
    ['v:', '  a: []', '  b: {}', '  c:', '  - []', '  - {}', '  d:', '  - e: []'],
  ],
  [
    'sequences are not indented under a key',
    { a: ['x', 'y'], b: [{ c: 1, d: [1, 2] }, { e: { f: ['g'] } }] },
    ['v:', '  a:', '  - x', '  - "y"', '  b:', '  - c: 1', '    d:', '    - 1', '    - 2', '  - e:', '      f:', '      - g'],
  ],
  [
    'nested sequences',
    [[1, [2, [3, {}]]], [{ a: [[]] }]],
    ['v:', '- - 1', '  - - 2', '    - - 3', '      - {}', '- - a:', '    - []'],
  ],
  [
    'map in sequence in map',
    { containers: [{ name: 'app', image: 'nginx:1.25', ports: [{ containerPort: 80, protocol: 'TCP' }], args: ['--flag=true', '-v', '2'], env: [{ name: 'A', value: '1' }] }] },
    ['v:', '  containers:', '  - args:', '    - --flag=true', '    - -v', '    - "2"', '    env:', '    - name: A', '      value: "1"', '    image: nginx:1.25', '    name: app', '    ports:', '    - containerPort: 80', '      protocol: TCP'],
  ],
]

const doc = (lines: string[]): string => lines.join('\n') + '\n';

describe('toGoYaml (kubectl -o yaml)', () => {
  for (const [name, value, expected] of TABLE) {
    it(name, () => {
      expect(toGoYaml({ v: value })).toBe(doc(expected));
    });
  }

  it('prints a whole object with its keys in go-yaml order', () => {
    const cm = {
      apiVersion: 'v1',
      data: { 'game.properties': 'enemies=aliens\nlives=3\n', 'ui.properties': 'color.good=purple\n', enabled: 'true' },
      kind: 'ConfigMap',
      metadata: { creationTimestamp: '2024-04-15T10:21:07Z', name: 'game-config', namespace: 'default', resourceVersion: '3101', uid: 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d' },
    };
    // kubectl 1.32.4 output for the same object.
    expect(toGoYaml(cm)).toBe(
      doc([
        'apiVersion: v1',
        'data:',
        '  enabled: "true"',
        '  game.properties: |',
        '    enemies=aliens',
        '    lives=3',
        '  ui.properties: |',
        '    color.good=purple',
        'kind: ConfigMap',
        'metadata:',
        '  creationTimestamp: "2024-04-15T10:21:07Z"',
        '  name: game-config',
        '  namespace: default',
        '  resourceVersion: "3101"',
        '  uid: a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d',
      ]),
    );
  });

  it('toYaml in serialize.ts prints through toGoYaml', () => {
    const v = { b: ['x', { d: 1.5e6, c: '08' }], a: 'yes' };
    expect(toYaml(v)).toBe(toGoYaml(v));
    // kubectl 1.32.4 prints the same (as field `v` of a ConfigMap, shifted left).
    expect(toYaml(v)).toBe(doc(['a: "yes"', 'b:', '- x', '- c: "08"', '  d: 1500000']));
  });

  it('skips undefined members like JSON does', () => {
    // kubectl 1.32.4 on the JSON.stringify of this value prints the same.
    expect(toGoYaml({ a: undefined, b: [undefined], c: 1 })).toBe(doc(['b:', '- null', 'c: 1']));
  });

  // kubectl itself fails on these (go-yaml cannot read back the JSON); the messages are kubectl's after "error: ".
  const ERRORS: [name: string, data: Record<string, string>, message: string][] = [
    ['DEL', { a: 'x\u007f' }, CONTROL_CHARACTERS_ERROR],
    ['C1 control', { a: 'x\u0080' }, CONTROL_CHARACTERS_ERROR],
    ['U+FFFE', { a: 'x\ufffe' }, CONTROL_CHARACTERS_ERROR],
    ['document marker after NEL', { a: '\u0085--- x' }, 'yaml: line 2: found unexpected document indicator'],
    ['document marker after NELs', { a: '\u0085\u0085...\u0085' }, 'yaml: line 3: found unexpected document indicator'],
    ['NEL in a key', { a: '\u0085\u0085', 'b\u0085c': 'x' }, "yaml: line 3: did not find expected ',' or '}'"],
    ['key over 1024 JSON characters', { ['k'.repeat(1018) + '<']: 'x' }, "yaml: did not find expected ',' or '}'"],
  ];
  for (const [name, data, message] of ERRORS) {
    it(`fails like kubectl: ${name}`, () => {
      expect(() => toGoYaml({ apiVersion: 'v1', data, kind: 'ConfigMap', metadata: { name: 'x' } })).toThrow(message);
    });
  }
  it('accepts what kubectl accepts next to those limits', () => {
    // kubectl 1.32.4 prints the same.
    expect(toGoYaml({ a: '\u0085 --- ', ['k'.repeat(1022)]: 'x' })).toBe(doc(["a: ' --- '", `? ${'k'.repeat(1022)}`, ': x']));
  });
});

// ---------------------------------------------------------------------------------------------------
// Differential test against the real kubectl.

const KUBECTL = '/usr/bin/kubectl';

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIXED_STRINGS = [
  '', ' ', '  ', 'a', 'true', 'True', 'TRUE', 'false', 'yes', 'Yes', 'no', 'NO', 'on', 'off', 'y', 'n', 'Y', 'N',
  'null', 'Null', 'NULL', '~', '1234', '-12', '+12', '0123', '09', '0x1F', '0X1f', '0o17', '0b101', '-0b101', '1_000', '1e3', '1E3', '1e-3',
  '3.14', '.5', '-.5', '+.5', '5.', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '1e400', '1e-400', '99999999999999999999', '18446744073709551615',
  '18446744073709551616', '9223372036854775807', '-9223372036854775808', '-9223372036854775809', '0xFFFFFFFFFFFFFFFF', '0x10000000000000000',
  '2024-04-15', '2024-4-5', '2024-04-15T10:21:07Z', '2024-04-15T10:21:07.123456789Z', '2024-04-15t10:21:07Z', '2024-04-15 10:21:07',
  '2024-04-15 10:21:07.5', '2024-04-15T10:21:07+02:00', '2024-04-15T10:21:07-0200', '2024-02-29', '2023-02-29', '2024-13-01', '2024-04-31',
  '2024-04-15T24:00:00Z', '2024-04-15T10:60:00Z', '2024-04-15T10:21:07', '2024-04-15T1:2:3Z', '20240-04-15', '2024-04-15x', '2024-04-15T10:21:07,5Z',
  '10:30', '1:20:30', '-1:30', '1:60', '190:20:30.15', '12:3', '1_2:30',
  '<<', '=', '!', '&', '*', '|', '>', '%', '@', '`', '#', ',', '[', ']', '{', '}', '?', ':', '-', "'", '"',
  '*foo', '&foo', '!foo', '|foo', '>foo', '%foo', '@foo', '`foo', '#foo', ',foo', '[foo', ']foo', '{foo', '}foo', "'foo", '"foo',
  '?foo', '? foo', ':foo', ': foo', '-foo', '- foo', '--foo', '---foo', '...foo', '..foo', 'foo:', 'foo: bar', 'foo:bar', 'foo #bar', 'foo#bar',
  'foo,bar', 'foo[bar]', 'foo{bar}', 'foo?', "foo'bar", 'foo"bar', 'foo\\bar', ' foo', 'foo ', ' foo ', 'foo  bar', 'foo\tbar', '\tfoo',
  'foo\u0000bar', 'foo\u0007', 'a\bb', 'a\fb', 'a\u000bb', 'a\rb', 'a\u001bb', 'a\u0001b', 'a\u001fb', 'é', 'naïve café', '日本語テキスト', '😀', 'a😀b',
  '\ufeffbom', 'a\ufeffb', 'a\u00a0b', 'a\u2028b', 'a\u2029b', 'a\u0085b', 'a \u0085 b', 'a\u0085\u0085b', '\u0085', 'a\ud7ffb', 'a\ue000b', 'a\ufffdb',
  'line1\nline2', 'line1\nline2\n', 'line1\nline2\n\n', 'line1\n\nline2', '\nline', '\n', '\n\n', ' lead\nline', 'trail \nline', 'line\n trail',
  'line\ttab\nx', 'x\n\ty', 'a\r\nb\r\n', 'a\nb ', 'a\n#b', 'a\n- b', '  two\n  lead\n', 'a\u2028b\nc', '{"a": 1,\n "b": [1, 2]}\n',
];

const SPECIAL_WORDS = [
  'true', 'yes', 'no', 'on', 'off', 'null', '~', '123', '0x1F', '1e3', '3.14', '-', '--', '---', '...', '#x', 'a#b', 'a:', 'a:b', '*x', '&y',
  '!z', '|', '>', '%p', '@q', '`r', '[s]', '{t}', "'u'", '"v"', '?w', '- x', 'é', '中文', '😀', '\t', 'x\u00a0y', '2024-04-15', '10:30', '.5',
  '+1', '0o7', '0b1', ',', '\\', '\u2028',
];

/** Deterministic strings: the fixed list, then sentences of many shapes around the 80-column fold. */
function generateStrings(seed: number, count: number): string[] {
  const r = mulberry32(seed);
  const int = (n: number): number => Math.floor(r() * n);
  const pick = <T>(a: T[]): T => a[int(a.length)]!;
  const word = (min: number, max: number): string => {
    let s = '';
    for (let i = min + int(max - min + 1); i > 0; i--) s += 'abcdefghijklmnopqrstuvwxyz'[int(26)];
    return s;
  };
  const sentence = (len: number, o: { special?: number; maxWord?: number; multiSpace?: number } = {}): string => {
    let s = '';
    while (s.length < len) {
      const w = r() < (o.special ?? 0.05) ? pick(SPECIAL_WORDS) : word(1, o.maxWord ?? 12);
      s += (s ? (r() < (o.multiSpace ?? 0.03) ? '  ' : ' ') : '') + w;
    }
    return s;
  };
  const out = [...FIXED_STRINGS];
  while (out.length < count) {
    const len = 40 + int(260);
    let s: string;
    switch (int(8)) {
      case 0:
        s = sentence(len, { special: 0.15 });
        break;
      case 1:
        s = sentence(len, { maxWord: 30 });
        break;
      case 2:
        s = sentence(len, { multiSpace: 0.3 });
        break;
      case 3:
        s = pick(['"', "'", '*', '- ', '? ', ' ', '#', '@']) + sentence(len);
        break;
      case 4:
        s = sentence(len) + pick([' ', '  ', ':', ' #x', '\t']);
        break;
      case 5: {
        const lines: string[] = [];
        for (let n = 1 + int(6); n > 0; n--) lines.push(r() < 0.2 ? '' : (r() < 0.2 ? '  ' : '') + sentence(int(120)));
        s = lines.join('\n') + pick(['', '\n', '\n\n', ' ']);
        break;
      }
      case 6: {
        s = sentence(len);
        const at = int(s.length);
        s = s.slice(0, at) + pick(['\t', '"', '\\', 'é', '😀', '\u0085', '\u2028', '\u00a0', ': ', ' #']) + s.slice(at);
        break;
      }
      default:
        s = sentence(70 + int(20), { maxWord: 8 });
    }
    out.push(s);
  }
  return out;
}

const NUMBERS: unknown[] = [
  0, 1, -1, 0.5, 1e-5, 1.5e6, 1500000.5, 1e21, 1e20, 1e19, 123456.5, 1234567.25, -0.0001, 3.14159, 2 ** 53, -(2 ** 63), 2 ** 63, 2 ** 64,
  1e-7, 5e-324, 1.7976931348623157e308, 100, 1e6, 0.1 + 0.2, true, false, null, [], {},
];

/** One ConfigMap carrying every case: data values, nested structures, map keys, long (complex) keys, numbers. */
function differentialObject(seed: number, count: number): { obj: Record<string, unknown>; cases: number } {
  const strings = generateStrings(seed, count);
  const r = mulberry32(seed + 1000);
  const leaf = (): unknown => (r() < 0.15 ? NUMBERS[Math.floor(r() * NUMBERS.length)] : strings[Math.floor(r() * strings.length)]);
  const nest = (v: unknown, depth: number): unknown => {
    for (let d = 0; d < depth; d++) {
      const t = r();
      if (t < 0.4) v = { ['k' + d]: v, ['z' + d]: leaf() };
      else if (t < 0.6) v = { ['k' + d]: v };
      else if (t < 0.8) v = [v, leaf()];
      else v = [v];
    }
    return v;
  };
  const data: Record<string, string> = {};
  const nested: Record<string, unknown> = {};
  const keys: Record<string, number> = {};
  const longKeys: Record<string, number> = {};
  strings.forEach((s, i) => {
    const id = String(i).padStart(4, '0');
    data['c' + id] = s;
    if (i % 3 === 0) nested['n' + id] = nest(s, 1 + Math.floor(r() * (i % 9 === 0 ? 45 : 6)));
    // A key with a NEL makes kubectl fail (checked separately).
    if (i % 2 === 0 && !s.includes('\u0085')) keys[s] = i;
    if (i % 7 === 0 && !s.includes('\u0085')) longKeys['long-key-' + 'x'.repeat(i % 140) + '-' + s] = i;
  });
  // go-yaml's key comparison is not transitive for some key sets (e.g. "0X1f" < "1" < "09" < "0X1f"), and
  // kubectl then prints them in a different order from run to run: keep only keys it orders consistently.
  for (;;) {
    const ks = Object.keys(keys).sort((a, b) => (keyLess(a, b) ? -1 : keyLess(b, a) ? 1 : 0));
    let drop: string | undefined;
    outer: for (let i = 0; i < ks.length; i++) {
      for (let j = i + 1; j < ks.length; j++) {
        if (keyLess(ks[j]!, ks[i]!) || !keyLess(ks[i]!, ks[j]!)) {
          drop = ks[j];
          break outer;
        }
      }
    }
    if (drop === undefined) break;
    delete keys[drop];
  }
  const obj = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'differential' }, data, nested, keys, longKeys, numbers: NUMBERS };
  return { obj, cases: strings.length + Object.keys(nested).length + Object.keys(keys).length + Object.keys(longKeys).length + NUMBERS.length };
}

/** The entries (second-level blocks) where two documents differ, for a readable failure. */
function differingEntries(want: string, got: string): string[] {
  const split = (s: string): Map<string, string> => {
    const m = new Map<string, string>();
    let top = '';
    let cur = '';
    for (const line of s.split('\n')) {
      if (/^\S/.test(line)) top = line;
      if (/^\S/.test(line) || /^ {2}\S/.test(line)) cur = `${top} ${line}`.slice(0, 120) + ` @${m.size}`;
      m.set(cur, (m.get(cur) ?? '') + line + '\n');
    }
    return m;
  };
  const w = [...split(want).entries()];
  const g = [...split(got).entries()];
  const out: string[] = [];
  for (let i = 0; i < Math.max(w.length, g.length) && out.length < 5; i++) {
    if (w[i]?.[1] !== g[i]?.[1]) out.push(`kubectl:\n${w[i]?.[1] ?? '(none)'}toGoYaml:\n${g[i]?.[1] ?? '(none)'}`);
  }
  return out;
}

if (existsSync(KUBECTL)) {
  describe('toGoYaml against kubectl (differential)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-yaml-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const env = { ...process.env, KUBECONFIG: '/nonexistent' };
    const args = (file: string) => ['patch', '--local', '-f', file, '-p', '{}', '--type=merge', '-o', 'yaml'];

    it('matches kubectl byte for byte on a few hundred generated cases', () => {
      const { obj, cases } = differentialObject(20240415, 700);
      expect(cases).toBeGreaterThan(1000);
      const file = join(dir, 'differential.json');
      writeFileSync(file, JSON.stringify(obj));
      const want = execFileSync(KUBECTL, args(file), { env, maxBuffer: 1 << 28 }).toString();
      const got = toGoYaml(obj);
      if (got !== want) expect(differingEntries(want, got)).toEqual([]);
      expect(got).toBe(want);
    }, 60_000);

    it('the table above still matches kubectl', async () => {
      const run = promisify(execFile);
      const head = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n';
      const mismatches: string[] = [];
      for (let i = 0; i < TABLE.length; i += 8) {
        await Promise.all(
          TABLE.slice(i, i + 8).map(async ([name, value, expected], j) => {
            const file = join(dir, `table-${i + j}.json`);
            writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, v: value }));
            const { stdout } = await run(KUBECTL, args(file), { env });
            if (stdout !== head + doc(expected)) mismatches.push(`${name}:\n${stdout}`);
          }),
        );
      }
      expect(mismatches).toEqual([]);
    }, 60_000);

    it('fails where kubectl fails, with its message', async () => {
      const run = promisify(execFile);
      const cm = (data: Record<string, string>, extra: Record<string, unknown> = {}) => ({
        apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data, ...extra,
      });
      const cases = [
        cm({ 'a\u0085b': 'x' }), cm({ a: '\u0085\u0085', 'b\u0085c': 'x' }), cm({ a: '\u0085--- x' }), cm({ a: '\u0085\u0085...\u0085' }),
        cm({ a: '\u0085 \u0085---' }), cm({ a: '\u0085 --- ' }), cm({ ['k'.repeat(1022)]: 'x' }), cm({ ['k'.repeat(1023)]: 'x' }),
        cm({ ['k'.repeat(1018) + '<']: 'x' }), cm({ ['k'.repeat(1017) + '<']: 'x' }), cm({ ['é'.repeat(1022)]: 'x' }),
        cm({ ['😀'.repeat(1023)]: 'x' }), cm({ a: 'x\u007f' }), cm({ a: 'x\u0080' }), cm({ a: 'x\ufffe' }), cm({ a: 'x\u009f' }),
        cm({ a: 'x\ud800y' }), cm({ a: '\u0085\u0085', b: '\u0085...\u0085' }), cm({ a: 'x\u0085---\u0085y' }, { z: { ['q\u0085']: 1 } }),
        cm({ a: '\u0085...\u0085' }, { aa: [{ b: '\u0085\u0085' }] }), cm({ a: 'x\u0085\u0085\u0085' }, { y: 'a\u0085---' }),
        cm({ a: 'x', ['k'.repeat(1030)]: 'x\u0085', b: '\u0085' }),
        cm({ '\u00e9': 'a\u0085b', '\ue000': 'x', '😀': 'y\u0085...\u0085', z: '\u0085...\u0085' }),
      ];
      const mismatches: string[] = [];
      await Promise.all(
        cases.map(async (obj, i) => {
          const file = join(dir, `error-${i}.json`);
          writeFileSync(file, JSON.stringify(obj));
          let want: string;
          try {
            want = (await run(KUBECTL, args(file), { env })).stdout;
          } catch (e) {
            want = String((e as { stderr?: unknown }).stderr);
          }
          let got: string;
          try {
            got = toGoYaml(obj);
          } catch (e) {
            got = `error: ${(e as Error).message}\n`;
          }
          if (got !== want) mismatches.push(`case ${i}: kubectl ${JSON.stringify(want.slice(0, 200))} toGoYaml ${JSON.stringify(got.slice(0, 200))}`);
        }),
      );
      expect(mismatches).toEqual([]);
    }, 60_000);
  });
}
