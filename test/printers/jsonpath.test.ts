import { describe, expect, it } from 'vitest';
import {
  executeJsonPath,
  executeJsonPathAsJson,
  findJsonPathResults,
  JsonPathError,
  jsonPathExecuteErrorMessage,
  jsonPathParseErrorMessage,
  parseJsonPath,
  relaxedJsonPath,
} from '../../src/printers/jsonpath/index.js';

/*
 * Unless a block says otherwise, every expected string below is what kubectl 1.32.4 printed for the same
 * template and data, run offline as
 *   KUBECONFIG=/nonexistent kubectl patch --local -f obj.json -p '{}' --type=merge -o jsonpath='…'
 * (the List fixtures were checked with their items nested under `.spec`, since kubectl flattens a List
 * file, and `.items` replaced by `.spec.items` in the template).
 */

const svc = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'my-nginx', namespace: 'default', labels: { run: 'my-nginx' } },
  spec: {
    clusterIP: '10.96.184.12',
    clusterIPs: ['10.96.184.12'],
    ports: [
      { name: 'http', port: 80, protocol: 'TCP', targetPort: 80, nodePort: 31704 },
      { name: 'https', port: 443, protocol: 'TCP', targetPort: 'https' },
    ],
    selector: { run: 'my-nginx' },
    type: 'NodePort',
    sessionAffinity: 'None',
  },
};

const deploy = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'my-nginx',
    generation: 3,
    labels: { app: 'nginx' },
    annotations: {
      'deployment.kubernetes.io/revision': '2',
      'kubernetes.io/change-cause': 'kubectl set image deployment/my-nginx nginx=nginx:1.25 --record=true',
      note: '<b>&co</b>',
    },
  },
  spec: {
    replicas: 2,
    paused: false,
    progressDeadlineSeconds: 600,
    template: {
      metadata: { labels: { app: 'nginx', 'pod-template-hash': '684dd4dcd4' } },
      spec: {
        containers: [
          { name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80 }] },
          { name: 'sidecar', image: 'busybox:1.36' },
        ],
      },
    },
  },
  status: {
    replicas: 2,
    readyReplicas: 2,
    conditions: [
      { type: 'Available', status: 'True' },
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
    ],
    ratio: 0.5,
    big: 1234567.5,
    tiny: 0.00001,
    nothing: null,
    empty: [],
    emptyMap: {},
  },
};

const pods = {
  apiVersion: 'v1',
  kind: 'List',
  metadata: { resourceVersion: '' },
  items: [
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'my-nginx-684dd4dcd4-8rjbq',
        labels: { app: 'nginx', 'pod-template-hash': '684dd4dcd4' },
      },
      spec: { nodeName: 'kind-worker', containers: [{ name: 'nginx', image: 'nginx:1.25' }] },
      status: {
        phase: 'Running',
        podIP: '10.244.1.3',
        podIPs: [{ ip: '10.244.1.3' }],
        containerStatuses: [{ name: 'nginx', ready: true, restartCount: 0 }],
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'my-nginx-684dd4dcd4-vhk2b',
        labels: { app: 'nginx', 'pod-template-hash': '684dd4dcd4' },
      },
      spec: { nodeName: 'kind-worker2', containers: [{ name: 'nginx', image: 'nginx:1.25' }] },
      status: {
        phase: 'Running',
        podIP: '10.244.2.4',
        podIPs: [{ ip: '10.244.2.4' }, { ip: 'fd00:10:244:2::4' }],
        containerStatuses: [{ name: 'nginx', ready: true, restartCount: 2 }],
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'pending-pod', labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'nginx' }, { name: 'log', image: 'busybox' }] },
      status: { phase: 'Pending' },
    },
  ],
};

const nodes = {
  apiVersion: 'v1',
  kind: 'List',
  metadata: { resourceVersion: '' },
  items: [
    {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'kind-worker' },
      status: {
        addresses: [
          { type: 'InternalIP', address: '172.18.0.4' },
          { type: 'Hostname', address: 'kind-worker' },
        ],
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'kind-worker2' },
      status: {
        addresses: [
          { type: 'InternalIP', address: '172.18.0.3' },
          { type: 'Hostname', address: 'kind-worker2' },
        ],
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'kind-control-plane' },
      status: {
        addresses: [
          { type: 'InternalIP', address: '172.18.0.2' },
          { type: 'Hostname', address: 'kind-control-plane' },
        ],
      },
    },
  ],
};

const tiny = {
  apiVersion: 'v1',
  kind: 'Foo',
  metadata: { name: 'a"b' },
  spec: { n: null, f: 2.5, l: [], s: 'x\ty' },
};

const pod = pods.items[0];

const fixtures: Record<string, unknown> = { svc, deploy, pod, pods, nodes, tiny };

type Row = [fixture: string, template: string, expected: string];

function run(fixture: string, template: string, allowMissingKeys = true): string {
  return executeJsonPath(parseJsonPath(template), fixtures[fixture], { allowMissingKeys });
}

function errorOf(action: () => unknown): JsonPathError {
  try {
    action();
  } catch (e) {
    if (e instanceof JsonPathError) return e;
    throw e;
  }
  throw new Error('expected a JsonPathError');
}

// Checked against kubectl 1.32.4: the samples of kubectl-output.md §1.9.
const referenceSamples: Row[] = [
  ['svc', '{.spec.clusterIP}', '10.96.184.12'],
  ['pods', '{.items[*].status.podIP}', '10.244.1.3 10.244.2.4'],
  ['pods', '{range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}', 'my-nginx-684dd4dcd4-8rjbq\t10.244.1.3\nmy-nginx-684dd4dcd4-vhk2b\t10.244.2.4\npending-pod\t\n'],
  ['svc', '{.spec.ports[0].nodePort}', '31704'],
  ['nodes', '{.items[*].status.addresses[?(@.type=="InternalIP")].address}', '172.18.0.4 172.18.0.3 172.18.0.2'],
  ['pod', '{.metadata.labels}', '{"app":"nginx","pod-template-hash":"684dd4dcd4"}'],
  ['deploy', '{.metadata.annotations.kubernetes\\.io/change-cause}', 'kubectl set image deployment/my-nginx nginx=nginx:1.25 --record=true'],
  ['svc', '.spec.clusterIP', '.spec.clusterIP'],
  ['svc', 'name={.metadata.name} ip={.spec.clusterIP}\n', 'name=my-nginx ip=10.96.184.12\n'],
  ['pods', '{.items[*].metadata.name}', 'my-nginx-684dd4dcd4-8rjbq my-nginx-684dd4dcd4-vhk2b pending-pod'],
];

// Checked against kubectl 1.32.4: how single values print (Go fmt for scalars, Go json.Marshal for the rest).
const valuePrinting: Row[] = [
  ['deploy', '{.spec.replicas}', '2'],
  ['deploy', '{.spec.paused}', 'false'],
  ['deploy', '{.status.ratio}', '0.5'],
  ['deploy', '{.status.big}', '1.2345675e+06'],
  ['deploy', '{.status.tiny}', '1e-05'],
  ['deploy', '{.status.nothing}', 'null'],
  ['deploy', '{.status.empty}', '[]'],
  ['deploy', '{.status.emptyMap}', '{}'],
  ['deploy', '{.metadata.annotations.note}', '<b>&co</b>'],
  ['deploy', '{.metadata.annotations}', '{"deployment.kubernetes.io/revision":"2","kubernetes.io/change-cause":"kubectl set image deployment/my-nginx nginx=nginx:1.25 --record=true","note":"\\u003cb\\u003e\\u0026co\\u003c/b\\u003e"}'],
  ['deploy', '{.status}', '{"big":1234567.5,"conditions":[{"status":"True","type":"Available"},{"reason":"NewReplicaSetAvailable","status":"True","type":"Progressing"}],"empty":[],"emptyMap":{},"nothing":null,"ratio":0.5,"readyReplicas":2,"replicas":2,"tiny":0.00001}'],
  ['deploy', '{.spec.template.spec.containers[0]}', '{"image":"nginx:1.25","name":"nginx","ports":[{"containerPort":80}]}'],
  ['pods', '{.items[*].status.podIPs}', '[{"ip":"10.244.1.3"}] [{"ip":"10.244.2.4"},{"ip":"fd00:10:244:2::4"}]'],
  ['svc', '{.spec.ports[*].targetPort}', '80 https'],
  ['svc', '{true} {1} {2.5} {-3}', 'true 1 2.5 -3'],
];

// Checked against kubectl 1.32.4: indexes, slices, unions, dict keys, recursive descent, wildcards.
const operators: Row[] = [
  ['svc', '{.spec.ports[-1].name}', 'https'],
  ['svc', '{.spec.ports[1:].name}', 'https'],
  ['svc', '{.spec.ports[:1].name}', 'http'],
  ['svc', '{.spec.ports[:].name}', 'http https'],
  ['svc', '{.spec.ports[].name}', 'http'],
  ['pods', '{.items[0:3:2].metadata.name}', 'my-nginx-684dd4dcd4-8rjbq pending-pod'],
  ['pods', '{.items[-2:].metadata.name}', 'my-nginx-684dd4dcd4-vhk2b pending-pod'],
  ['svc', '{.spec.ports[0:0].name}', ''],
  ['svc', '{.spec.ports[0,1].port}', '80 443'],
  ['svc', '{.spec.ports[*][\'name\',\'port\']}', 'http https 80 443'],
  ['svc', '{.spec.ports[0][\'protocol\']}', 'TCP'],
  ['deploy', '{..image}', 'nginx:1.25 busybox:1.36'],
  ['pods', '{..ip}', '10.244.1.3 10.244.2.4 fd00:10:244:2::4'],
  ['deploy', '{.spec..containerPort}', '80'],
  ['svc', '{.spec.selector.*}', 'my-nginx'],
  ['svc', '{.metadata.name.*}', '109 121 45 110 103 105 110 120'],
  ['svc', '{$.metadata.name} {@.metadata.name}', 'my-nginx my-nginx'],
  ['pod', '{.metadata.labels.pod-template-hash}', '684dd4dcd4'],
  ['deploy', '{.metadata.annotations[\'kubernetes.io/change-cause\']}', ''],
  ['deploy', '{.metadata.annotations.deployment\\.kubernetes\\.io/revision}', '2'],
];

// Checked against kubectl 1.32.4.
const filters: Row[] = [
  ['svc', '{.spec.ports[?(@.port==443)].name}', 'https'],
  ['svc', '{.spec.ports[?(@.name!=\'http\')].port}', '443'],
  ['svc', '{.spec.ports[?(@.port<100)].name}', 'http'],
  ['svc', '{.spec.ports[?(@.port>=100)].name}', 'https'],
  ['svc', '{.spec.ports[?(@.port<=443)].name}', 'http https'],
  ['svc', '{.spec.ports[?(@.port>80)].name}', 'https'],
  ['svc', '{.spec.ports[?(@.nodePort)].name}', 'http'],
  ['svc', '{.spec.ports[?( @.port == 80 )].name}', 'http'],
  ['pods', '{.items[?(@.status.podIPs[1])].metadata.name}', 'my-nginx-684dd4dcd4-8rjbq my-nginx-684dd4dcd4-vhk2b'],
  ['pods', '{.items[?(@.status.containerStatuses[0].ready==true)].metadata.name}', 'my-nginx-684dd4dcd4-8rjbq my-nginx-684dd4dcd4-vhk2b'],
  ['pods', '{.items[?(@.status.phase!="Running")].metadata.name}', 'pending-pod'],
  ['deploy', '{.status.conditions[?(@.type=="Available")].status}', 'True'],
  ['deploy', '{.status.conditions[?(@.reason)].type}', 'Progressing'],
];

// Checked against kubectl 1.32.4, including a range without {end} (the rest runs per item, then once
// more on the outer object) and ranges over nothing.
const ranges: Row[] = [
  ['pods', '{range .items[*]}{.metadata.name}:{range .spec.containers[*]} {.image}{end}{"\\n"}{end}', 'my-nginx-684dd4dcd4-8rjbq: nginx:1.25\nmy-nginx-684dd4dcd4-vhk2b: nginx:1.25\npending-pod: nginx busybox\n'],
  ['pods', '{range .items[*]}[{.status.podIPs[*].ip}]{end}', '[10.244.1.3][10.244.2.4 fd00:10:244:2::4][]'],
  ['pods', '{range .items[*].status.missing[*]}{.x}{end}tail', 'tail'],
  ['svc', '{range .spec.ports[*]}{.name}{end}{.metadata.name}', 'httphttpsmy-nginx'],
  ['svc', '{range .spec.ports[*]}{.name}/{.metadata.name}|', 'http/|https/|/my-nginx|'],
  ['svc', '{range .spec.ports[*]}{@.name}={@.port}{"\\n"}{end}', 'http=80\nhttps=443\n'],
  ['svc', '{range .spec.ports[*]}{range .spec.x}{end}', ''],
];

// Checked against kubectl 1.32.4.
const literals: Row[] = [
  ['svc', '{\'x\'}{"y"}', 'xy'],
  ['svc', '{"a\\tb\\u00e9\\x41\\101"}', 'a\tbéAA'],
  ['svc', '{\'it\\\'s\'}', 'it\'s'],
  ['svc', '{.metadata.name}}', 'my-nginx}'],
  ['svc', '{.metadata.name}{"\\n"}', 'my-nginx\n'],
];

// Checked against kubectl 1.32.4 (allow-missing-template-keys defaults to true).
const missingKeys: Row[] = [
  ['svc', '{.spec.missing}', ''],
  ['svc', '[{.spec.missing.deeper[0]}]', '[]'],
  ['svc', '{.spec.ports[1].nodePort}', ''],
];

describe('executeJsonPath', () => {
  const tables: [string, Row[]][] = [
    ['reference samples', referenceSamples],
    ['value printing', valuePrinting],
    ['operators', operators],
    ['filters', filters],
    ['range/end', ranges],
    ['string literals', literals],
    ['missing keys', missingKeys],
  ];
  for (const [title, rows] of tables) {
    describe(title, () => {
      it.each(rows)('%s %j', (fixture, template, expected) => {
        expect(run(fixture, template)).toBe(expected);
      });
    });
  }

  it('prints no trailing newline unless the template has one', () => {
    expect(run('svc', '{.spec.clusterIP}').endsWith('\n')).toBe(false);
  });

  // Checked against kubectl 1.32.4 with --allow-missing-template-keys=false.
  it.each([
    ['svc', '{.spec.ports[*].nodePort}', '31704'],
    ['svc', '{.spec.ports[?(@.name=="x")].nope}', ''],
  ] as Row[])('with allowMissingKeys false still prints %s %j', (fixture, template, expected) => {
    expect(run(fixture, template, false)).toBe(expected);
  });

  it.each([
    ['svc', '{.spec.missing}', 'missing is not found'],
    ['pods', '{range .items[*]}{.status.podIP}{end}', 'podIP is not found'],
  ] as Row[])('with allowMissingKeys false fails on %s %j', (fixture, template, reason) => {
    expect(errorOf(() => run(fixture, template, false)).message).toBe(reason);
  });

  // Not checkable against kubectl: Go visits map entries in random order; kubesim sorts the keys.
  it.each([
    ['svc', '{.spec.ports[0].*}', 'http 31704 80 TCP 80'],
    ['pod', '{.metadata.labels.*}', 'nginx 684dd4dcd4'],
    ['svc', '{.spec..port}', '80 443'],
  ] as Row[])('walks map entries in key order: %s %j', (fixture, template, expected) => {
    expect(run(fixture, template)).toBe(expected);
  });

  // Checked against kubectl 1.32.4: `{@}` on a null element inside a range prints "<no value>",
  // while a null reached by a path prints "null".
  it('tells a nil range element from a null field', () => {
    const data = { spec: { l: [null, 1], n: null } };
    expect(executeJsonPath(parseJsonPath('{range .spec.l[*]}[{@}]{end}{.spec.n}'), data)).toBe('[<no value>][1]null');
  });

  it('keeps int and float apart in filters like Go', () => {
    const data = { l: [{ v: 1.5 }, { v: 2.5 }] };
    expect(executeJsonPath(parseJsonPath('{.l[?(@.v==1.5)].v}'), data)).toBe('1.5');
    expect(errorOf(() => executeJsonPath(parseJsonPath('{.l[?(@.v>1)].v}'), data)).message).toBe(
      'incompatible types for comparison',
    );
    // Go would see a JSON 2.0 as float64 and fail here; JavaScript cannot tell 2.0 from 2, so it is an int.
    expect(executeJsonPath(parseJsonPath('{.l[?(@.v==2)].v}'), { l: [{ v: 2.0 }] })).toBe('2');
  });
});

describe('parse errors', () => {
  // Checked against kubectl 1.32.4: the reason after "error parsing jsonpath <template>, ".
  it.each([
    ['{.a', 'unclosed action'],
    ['{.a, ', 'unrecognized character in action: U+002C \',\''],
    ['{.spec.ports[*].name,port}', 'unrecognized character in action: U+002C \',\''],
    ['{.spec.ports[0}', 'unterminated array'],
    ['{.spec.ports[?(@.port==80}', 'unterminated filter'],
    ['{.spec.ports[?(@.port==80)}', 'unclosed array expect ]'],
    ['{.spec.ports[abc]}', 'invalid array index abc'],
    ['{.spec.ports[-]}', 'array index - is not a number'],
    ['{"abc}', 'unterminated quoted string'],
    ['{"a\\qb"}', 'unquote string "a\\qb" error invalid syntax'],
    ['{....a}', 'invalid multiple recursive descent'],
    ['{1.2.3}', 'cannot parse number 1.2.3'],
    ['{.metadata.name\t}', 'unrecognized character in action: U+0009'],
    ['{.spec.ports[?(@.port=~"8")]}', 'unrecognized character in action: U+007E \'~\''],
    ['{..*}', 'unrecognized character in action: U+002A \'*\''],
  ])('%j fails with %j', (template, reason) => {
    const err = errorOf(() => parseJsonPath(template));
    expect(err.message).toBe(reason);
  });

  it('formats the whole kubectl message', () => {
    // kubectl 1.32.4 stderr: "error: error parsing jsonpath {.a, unclosed action\n"
    expect(`error: ${jsonPathParseErrorMessage('{.a', 'unclosed action')}\n`).toBe('error: error parsing jsonpath {.a, unclosed action\n');
  });
});

describe('execution errors', () => {
  // Checked against kubectl 1.32.4: the reason in "Error executing template: <reason>.".
  it.each([
    ['svc', '{.spec.ports[5]}', 'array index out of bounds: index 5, length 2'],
    ['svc', '{.spec.ports[-5]}', 'array index out of bounds: index -3, length 2'],
    ['svc', '{.spec.ports[0:5]}', 'array index out of bounds: index 4, length 2'],
    ['svc', '{.spec.ports[1:0]}', 'starting index 1 is greater than ending index 0'],
    ['svc', '{.spec.ports[0:2:0]}', 'step must be > 0'],
    ['svc', '{end}', 'not in range, nothing to end'],
    ['svc', '{range .spec.ports[*]}{end}{end}', 'not in range, nothing to end'],
    ['svc', '{foo}', 'unrecognized identifier foo'],
    ['svc', '{.spec.ports[?(@.port=="80")]}', 'incompatible types for comparison'],
    ['svc', '{.spec.ports[?(@.port==80.0)]}', 'incompatible types for comparison'],
    ['svc', '{.spec.ports[?(@.port=1)]}', 'unrecognized filter operator ='],
    ['svc', '{.spec.ports[?(@.targetPort>1)]}', 'incompatible types for comparison'],
    ['deploy', '{.status.conditions[?(@==1)]}', 'invalid type for comparison'],
    ['svc', '{.metadata.name[0]}', 'string is not array or slice'],
    ['svc', '{.spec.selector[0]}', 'map[string]interface {} is not array or slice'],
    ['svc', '{.spec.ports[0].port[0]}', 'int64 is not array or slice'],
    ['svc', '{.spec.selector[?(@.x)]}', 'map[run:my-nginx] is not array or slice and cannot be filtered'],
    ['svc', '{.spec.ports[?(@.protocol)][?(@.x)]}', 'map[name:http nodePort:31704 port:80 protocol:TCP targetPort:80] is not array or slice and cannot be filtered'],
    ['tiny', '{.spec.f[0]}', 'float64 is not array or slice'],
    ['tiny', '{.spec.s[0]}\n{"\\t"}', 'string is not array or slice'],
  ] as Row[])('%s %j fails with %j', (fixture, template, reason) => {
    expect(errorOf(() => run(fixture, template)).message).toBe(reason);
  });

  it.each([
    ['{.spec.f[0]}', 'error: error executing jsonpath "{.spec.f[0]}": Error executing template: float64 is not array or slice. Printing more information for debugging the template:\n\ttemplate was:\n\t\t{.spec.f[0]}\n\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"apiVersion":"v1", "kind":"Foo", "metadata":map[string]interface {}{"name":"a\\"b"}, "spec":map[string]interface {}{"f":2.5, "l":[]interface {}{}, "n":interface {}(nil), "s":"x\\ty"}}\n\n\n'],
    ['{.spec.s[0]}\n{"\\t"}', 'error: error executing jsonpath "{.spec.s[0]}\\n{\\"\\\\t\\"}": Error executing template: string is not array or slice. Printing more information for debugging the template:\n\ttemplate was:\n\t\t{.spec.s[0]}\n{"\\t"}\n\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"apiVersion":"v1", "kind":"Foo", "metadata":map[string]interface {}{"name":"a\\"b"}, "spec":map[string]interface {}{"f":2.5, "l":[]interface {}{}, "n":interface {}(nil), "s":"x\\ty"}}\n\n\n'],
  ])('formats the whole kubectl message for %j', (template, stderr) => {
    const reason = errorOf(() => run('tiny', template)).message;
    expect(`error: ${jsonPathExecuteErrorMessage(template, reason, tiny)}`).toBe(stderr);
  });
});

describe('executeJsonPathAsJson', () => {
  // Checked against kubectl 1.32.4 -o jsonpath-as-json: one indented array per result group.
  it.each([
    ['svc', '{.spec.clusterIP}', '[\n    "10.96.184.12"\n]\n'],
    ['pods', '{.items[*].status.podIP}', '[\n    "10.244.1.3",\n    "10.244.2.4"\n]\n'],
    ['svc', '{.spec.missing}', '[]\n'],
    ['svc', '{.metadata.name}{.metadata.name}', '[\n    "my-nginx"\n]\n[\n    "my-nginx"\n]\n'],
    ['svc', 'name: {.metadata.name}', '[\n    "name: "\n]\n[\n    "my-nginx"\n]\n'],
    ['deploy', '{.metadata.annotations}', '[\n    {\n        "deployment.kubernetes.io/revision": "2",\n        "kubernetes.io/change-cause": "kubectl set image deployment/my-nginx nginx=nginx:1.25 --record=true",\n        "note": "\\u003cb\\u003e\\u0026co\\u003c/b\\u003e"\n    }\n]\n'],
    ['deploy', '{.status.empty}{.status.emptyMap}{.status.nothing}', '[\n    []\n]\n[\n    {}\n]\n[\n    null\n]\n'],
    ['svc', '{range .spec.ports[*]}{.port}{"\\n"}{end}', '[\n    80\n]\n[\n    "\\n"\n]\n[\n    443\n]\n[\n    "\\n"\n]\n'],
    ['pods', '{.items[1].status.podIPs}', '[\n    [\n        {\n            "ip": "10.244.2.4"\n        },\n        {\n            "ip": "fd00:10:244:2::4"\n        }\n    ]\n]\n'],
  ] as Row[])('%s %j', (fixture, template, expected) => {
    expect(executeJsonPathAsJson(parseJsonPath(template), fixtures[fixture])).toBe(expected);
  });

  it('fails like -o jsonpath on bad indexes', () => {
    const err = errorOf(() => executeJsonPathAsJson(parseJsonPath('{.spec.ports[0:5]}'), svc));
    expect(err.message).toBe('array index out of bounds: index 4, length 2');
  });
});

describe('findJsonPathResults', () => {
  it('returns one group per top-level node, with raw values', () => {
    const groups = findJsonPathResults(parseJsonPath('x{.spec.ports[*].port}'), svc);
    expect(groups).toEqual([['x'], [80, 443]]);
  });
});

// From kubectl's RelaxedJSONPathExpression source (custom-columns); not reachable offline.
describe('relaxedJsonPath', () => {
  it.each([
    ['metadata.name', '{.metadata.name}'],
    ['.metadata.name', '{.metadata.name}'],
    ['{metadata.name}', '{.metadata.name}'],
    ['{.metadata.name}', '{.metadata.name}'],
    ['.status.podIPs[*].ip', '{.status.podIPs[*].ip}'],
    ['..name', '{..name}'],
    ['', ''],
  ])('%j becomes %j', (expr, expected) => {
    expect(relaxedJsonPath(expr)).toBe(expected);
  });

  it.each(['{.a}{.b}', '{.a', '.a}', '{}', '{range .items[*]}{.x}{end}'])('rejects %j', (expr) => {
    expect(() => relaxedJsonPath(expr)).toThrow(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  });
});
