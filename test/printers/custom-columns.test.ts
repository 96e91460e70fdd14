import { describe, expect, it } from 'vitest';
import {
  CustomColumnsError,
  formatCustomColumns,
  parseCustomColumns,
  parseCustomColumnsFile,
} from '../../src/printers/custom-columns.js';

/*
 * custom-columns only exists on `kubectl get`, which needs a server, so these expectations follow the
 * kubectl 1.32.4 source (pkg/cmd/get/customcolumn.go). The text of map and list cells was checked against
 * kubectl 1.32.4 offline through `-o go-template`, which prints with the same Go fmt.Sprint.
 */

const pods = [
  {
    metadata: { name: 'my-nginx-684dd4dcd4-8rjbq', labels: { app: 'nginx', 'pod-template-hash': '684dd4dcd4' } },
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] },
    status: { podIP: '10.244.1.3', podIPs: [{ ip: '10.244.1.3' }] },
  },
  {
    metadata: { name: 'my-nginx-684dd4dcd4-vhk2b', labels: { app: 'nginx', 'pod-template-hash': '684dd4dcd4' } },
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] },
    status: { podIP: '10.244.2.4', podIPs: [{ ip: '10.244.2.4' }, { ip: 'fd00:10:244:2::4' }] },
  },
  {
    metadata: { name: 'pending-pod', labels: { app: 'web' } },
    spec: { containers: [{ name: 'web', image: 'nginx' }, { name: 'log', image: 'busybox' }] },
    status: { phase: 'Pending' },
  },
];

const deploy = {
  metadata: { name: 'my-nginx', annotations: { motd: 'hi\x1b[31m\r' } },
  spec: { replicas: 2, paused: false },
  status: {
    conditions: [
      { type: 'Available', status: 'True' },
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
    ],
    ratio: 0.5,
    big: 1234567.5,
    nothing: null,
    empty: [],
    emptyMap: {},
  },
};

function table(spec: string, objects: unknown[], noHeaders = false): string {
  return formatCustomColumns(parseCustomColumns(spec), objects, { noHeaders });
}

function failure(action: () => unknown): CustomColumnsError {
  try {
    action();
  } catch (e) {
    if (e instanceof CustomColumnsError) return e;
    throw e;
  }
  throw new Error('expected a CustomColumnsError');
}

describe('formatCustomColumns', () => {
  it.each([
    [
      // kubectl-output.md §1.10
      'NAME:.metadata.name,IP:.status.podIP',
      'NAME                        IP\n' +
        'my-nginx-684dd4dcd4-8rjbq   10.244.1.3\n' +
        'my-nginx-684dd4dcd4-vhk2b   10.244.2.4\n' +
        'pending-pod                 <none>\n',
    ],
    [
      // lists of maps print in Go %v syntax (go-template checked)
      'POD_IP:.status.podIPs',
      'POD_IP\n[map[ip:10.244.1.3]]\n[map[ip:10.244.2.4] map[ip:fd00:10:244:2::4]]\n<none>\n',
    ],
    [
      // several values are joined with a comma
      'NAME:metadata.name,IMAGES:{.spec.containers[*].image},IPS:{status.podIPs[*].ip}',
      'NAME                        IMAGES          IPS\n' +
        'my-nginx-684dd4dcd4-8rjbq   nginx:1.25      10.244.1.3\n' +
        'my-nginx-684dd4dcd4-vhk2b   nginx:1.25      10.244.2.4,fd00:10:244:2::4\n' +
        'pending-pod                 nginx,busybox   <none>\n',
    ],
    [
      // maps print with sorted keys (go-template checked); the header is not upper-cased
      'name:.metadata.name,labels:.metadata.labels',
      'name                        labels\n' +
        'my-nginx-684dd4dcd4-8rjbq   map[app:nginx pod-template-hash:684dd4dcd4]\n' +
        'my-nginx-684dd4dcd4-vhk2b   map[app:nginx pod-template-hash:684dd4dcd4]\n' +
        'pending-pod                 map[app:web]\n',
    ],
    [
      // an empty path yields no value
      'NAME:.metadata.name,X:',
      'NAME                        X\n' +
        'my-nginx-684dd4dcd4-8rjbq   <none>\n' +
        'my-nginx-684dd4dcd4-vhk2b   <none>\n' +
        'pending-pod                 <none>\n',
    ],
  ])('%s', (spec, expected) => {
    expect(table(spec, pods)).toBe(expected);
  });

  it('prints scalars, nil and empty collections the way Go fmt does', () => {
    const spec = 'R:.spec.replicas,P:.spec.paused,N:.status.nothing,F:.status.ratio,B:.status.big,E:.status.empty,M:.status.emptyMap';
    expect(table(spec, [deploy])).toBe(
      'R     P       N       F     B               E     M\n' + '2     false   <nil>   0.5   1.2345675e+06   []    map[]\n',
    );
  });

  it('prints nested maps and lists (go-template checked)', () => {
    expect(table('C:.status.conditions', [deploy])).toBe(
      'C\n[map[status:True type:Available] map[reason:NewReplicaSetAvailable status:True type:Progressing]]\n',
    );
  });

  it('escapes ESC and CR in values like cli-runtime EscapeTerminal', () => {
    expect(table('MOTD:.metadata.annotations.motd', [deploy])).toBe('MOTD\nhi^[[31m\\r\n');
  });

  it('omits the header with noHeaders', () => {
    expect(table('NAME:.metadata.name', pods, true)).toBe(
      'my-nginx-684dd4dcd4-8rjbq\nmy-nginx-684dd4dcd4-vhk2b\npending-pod\n',
    );
  });

  it('prints only the header when there are no objects', () => {
    expect(table('NAME:.metadata.name,IP:.status.podIP', [])).toBe('NAME   IP\n');
  });

  it('fails on a path that does not parse, after the header was written', () => {
    const err = failure(() => table('NAME:.metadata.name,C:.spec.containers[0', pods));
    expect(err.message).toBe('unterminated array');
    expect(err.partialOutput).toBe('NAME   C\n');
  });

  it('fails on a path that cannot run, keeping the rows already written', () => {
    const objects = [{ metadata: { name: 'a', n: [1] } }, { metadata: { name: 'b', n: 'x' } }];
    const err = failure(() => table('NAME:.metadata.name,N:.metadata.n[0]', objects));
    expect(err.message).toBe('string is not array or slice');
    expect(err.partialOutput).toBe('NAME   N\na      1\n');
  });
});

describe('parseCustomColumns', () => {
  it('relaxes every path form to {.path}', () => {
    expect(parseCustomColumns('A:metadata.name,B:.metadata.name,C:{metadata.name},D:{.metadata.name},E:.a:b')).toEqual([
      { header: 'A', fieldSpec: '{.metadata.name}' },
      { header: 'B', fieldSpec: '{.metadata.name}' },
      { header: 'C', fieldSpec: '{.metadata.name}' },
      { header: 'D', fieldSpec: '{.metadata.name}' },
      { header: 'E', fieldSpec: '{.a:b}' },
    ]);
  });

  it.each([
    ['', 'custom-columns format specified but no custom columns given'],
    ['NAME', 'unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>'],
    ['NAME:.metadata.name,IP', 'unexpected custom-columns spec: IP, expected <header>:<json-path-expr>'],
    // the spec is split on commas before anything else, so a union cannot be used
    ['IPS:.status.podIPs[0,1].ip', 'unexpected custom-columns spec: 1].ip, expected <header>:<json-path-expr>'],
    [
      'A:{.a}{.b}',
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    ],
  ])('rejects %j', (spec, message) => {
    expect(failure(() => parseCustomColumns(spec)).message).toBe(message);
  });
});

describe('parseCustomColumnsFile', () => {
  it('reads a header line and a path line, split on white space', () => {
    expect(parseCustomColumnsFile('NAME        IP\r\n{.metadata.name}\t.status.podIP\nignored line\n')).toEqual([
      { header: 'NAME', fieldSpec: '{.metadata.name}' },
      { header: 'IP', fieldSpec: '{.status.podIP}' },
    ]);
  });

  it.each([
    ['', 'invalid template, missing header line. Expected format is one line of space separated headers, one line of space separated column specs.'],
    ['NAME IP\n', 'invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.'],
    ['NAME IP\n.metadata.name\n', "number of headers (2) and field specifications (1) don't match"],
    ['NAME\n\n', "number of headers (1) and field specifications (0) don't match"],
  ])('rejects %j', (text, message) => {
    expect(failure(() => parseCustomColumnsFile(text)).message).toBe(message);
  });
});
