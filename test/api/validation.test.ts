import { describe, it, expect } from 'vitest';
import { ApiError, formatFieldError } from '../../src/errors.js';
import type { KubeObject } from '../../src/api/types.js';
import { validateObject } from '../../src/api/validation/index.js';
import { goQuote, goStringMap, goStringSlice, goValue, goLabelSelector } from '../../src/api/validation/go-syntax.js';
import { parseQuantity, quantityString } from '../../src/api/validation/quantity.js';

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

const lines = (o: KubeObject, old?: KubeObject): string[] => validateObject(o, old).map(formatFieldError);
const message = (o: KubeObject, old?: KubeObject): string =>
  ApiError.invalid(o.kind, o.metadata.name, validateObject(o, old)).message;

function pod(spec: Record<string, unknown> = {}, name = 'p'): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } };
}
function svc(spec: Record<string, unknown>, name = 's'): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec };
}
function deploy(spec: Record<string, unknown>, kind = 'Deployment', name = 'd'): KubeObject {
  const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
  return { apiVersion: 'apps/v1', kind, metadata: { name, namespace: 'default' }, spec: { selector: { matchLabels: { app: 'web' } }, template, ...spec } };
}

describe('go-syntax', () => {
  it.each([
    [70000, '70000'],
    [true, 'true'],
    ['My_Pod', '"My_Pod"'],
    ['tab\there "q" \\', '"tab\\there \\"q\\" \\\\"'],
    ['\x01é', '"\\x01é"'],
    [null, '"null"'],
  ])('goValue(%j) = %s', (v, want) => expect(goValue(v)).toBe(want));

  it('renders slices, maps and selectors like %#v', () => {
    expect(goStringSlice(['10.96.0.50'])).toBe('[]string{"10.96.0.50"}');
    expect(goStringSlice(['a', 'b'])).toBe('[]string{"a", "b"}');
    expect(goStringSlice(undefined)).toBe('[]string(nil)');
    expect(goStringMap({ b: '2', a: '1' })).toBe('map[string]string{"a":"1", "b":"2"}');
    expect(goStringMap(undefined)).toBe('map[string]string(nil)');
    expect(goLabelSelector({ matchExpressions: [{ key: 'k', operator: 'In', values: ['v'] }] })).toBe(
      'v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"k", Operator:"In", Values:[]string{"v"}}}}',
    );
    expect(goQuote('\u2028')).toBe('"\\u2028"');
  });
});

describe('quantities', () => {
  it.each([
    ['0.5', '500m'],
    ['1000m', '1'],
    ['2000', '2k'],
    ['1500', '1500'],
    ['0.0001', '1m'],
    ['1024Mi', '1Gi'],
    ['1536Mi', '1536Mi'],
    ['1.5Gi', '1536Mi'],
    ['0.5Ki', '512'],
    ['1e3', '1e3'],
    ['0', '0'],
  ])('%s prints as %s', (input, want) => {
    const q = parseQuantity(input);
    expect(typeof q === 'string' ? q : quantityString(q)).toBe(want);
  });

  it('rejects malformed quantities with the decoder texts', () => {
    expect(parseQuantity('1 core')).toBe("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    expect(parseQuantity('1Gii')).toBe("unable to parse quantity's suffix");
  });
});

describe('object metadata', () => {
  it.each<[string, KubeObject, string[]]>([
    ['bad pod name', pod({}, 'My_Pod'), [`metadata.name: Invalid value: "My_Pod": ${SUBDOMAIN_MSG}`]],
    ['bad service name', svc({ ports: [{ port: 80 }] }, 'My_Svc'), [`metadata.name: Invalid value: "My_Svc": ${DNS1035_MSG}`]],
    ['service name starting with a digit', svc({ ports: [{ port: 80 }] }, '1svc'), [`metadata.name: Invalid value: "1svc": ${DNS1035_MSG}`]],
    [
      'bad namespace name',
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'Dev' } },
      [`metadata.name: Invalid value: "Dev": ${LABEL_MSG}`],
    ],
    [
      'namespace name with dots',
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a.b' } },
      ['metadata.name: Invalid value: "a.b": must not contain dots'],
    ],
    ['missing name', pod({}, ''), ['metadata.name: Required value: name or generateName is required']],
  ])('%s', (_, obj, want) => expect(lines(obj)).toEqual(want));

  it('reports bad label keys and values on metadata.labels', () => {
    const p = pod();
    p.metadata.labels = { 'bad key': 'ok', app: '-x' };
    expect(lines(p)).toEqual([
      "metadata.labels: Invalid value: \"bad key\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      "metadata.labels: Invalid value: \"-x\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ]);
  });

  it('checks label prefixes and annotation keys', () => {
    const p = pod();
    p.metadata.labels = { 'Example.com/x': 'v' };
    p.metadata.annotations = { 'a/b/c': 'v' };
    expect(lines(p)).toEqual([
      `metadata.labels: Invalid value: "Example.com/x": prefix part ${SUBDOMAIN_MSG}`,
      "metadata.annotations: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ]);
  });

  it('prints several causes as a list (ApiError.invalid)', () => {
    const p = pod({ containers: [{ name: 'Web', image: '' }] }, 'My_Pod');
    expect(message(p)).toBe(
      'The Pod "My_Pod" is invalid: \n' +
        `* metadata.name: Invalid value: "My_Pod": ${SUBDOMAIN_MSG}\n` +
        `* spec.containers[0].name: Invalid value: "Web": ${LABEL_MSG}\n` +
        '* spec.containers[0].image: Required value',
    );
  });
});

describe('pods', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['no containers', { containers: [] }, ['spec.containers: Required value']],
    ['container without name', { containers: [{ image: 'nginx' }] }, ['spec.containers[0].name: Required value']],
    ['container without image', { containers: [{ name: 'c' }] }, ['spec.containers[0].image: Required value']],
    [
      'duplicate container names',
      { containers: [{ name: 'c', image: 'a' }, { name: 'c', image: 'b' }] },
      ['spec.containers[1].name: Duplicate value: "c"'],
    ],
    [
      'container port out of range',
      { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 70000 }] }] },
      ['spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive'],
    ],
    [
      'container port missing and bad protocol',
      { containers: [{ name: 'c', image: 'nginx', ports: [{ protocol: 'ICMP' }] }] },
      [
        'spec.containers[0].ports[0].containerPort: Required value',
        'spec.containers[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"',
      ],
    ],
    [
      'bad restart policy',
      { restartPolicy: 'Sometimes' },
      ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'],
    ],
    [
      'bad pull policy',
      { containers: [{ name: 'c', image: 'nginx', imagePullPolicy: 'Maybe' }] },
      ['spec.containers[0].imagePullPolicy: Unsupported value: "Maybe": supported values: "Always", "IfNotPresent", "Never"'],
    ],
    [
      'mount of an unknown volume',
      { containers: [{ name: 'c', image: 'nginx', volumeMounts: [{ name: 'data', mountPath: '/d' }] }] },
      ['spec.containers[0].volumeMounts[0].name: Not found: "data"'],
    ],
    [
      'env var without name',
      { containers: [{ name: 'c', image: 'nginx', env: [{ value: 'x' }] }] },
      ['spec.containers[0].env[0].name: Required value'],
    ],
    [
      'liveness probe with successThreshold 2',
      { containers: [{ name: 'c', image: 'nginx', livenessProbe: { tcpSocket: { port: 80 }, successThreshold: 2 } }] },
      ['spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1'],
    ],
    [
      'probe without handler',
      { containers: [{ name: 'c', image: 'nginx', readinessProbe: { periodSeconds: 5 } }] },
      ['spec.containers[0].readinessProbe: Required value: must specify a handler type'],
    ],
    [
      'two volume sources',
      { volumes: [{ name: 'v', emptyDir: {}, configMap: { name: 'cm' } }] },
      ['spec.volumes[0].configMap: Forbidden: may not specify more than 1 volume type'],
    ],
    [
      'toleration without key and Equal operator',
      { tolerations: [{ operator: 'Equal', value: 'x' }] },
      ['spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"'],
    ],
    [
      'requests above limits',
      { containers: [{ name: 'c', image: 'x', resources: { limits: { cpu: '1', memory: '512Mi' }, requests: { cpu: '2000m', memory: '1024Mi' } } }] },
      [
        'spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
        'spec.containers[0].resources.requests: Invalid value: "1Gi": must be less than or equal to memory limit of 512Mi',
      ],
    ],
    [
      'unknown resource name (limits are copied to requests on pods)',
      { containers: [{ name: 'c', image: 'x', resources: { limits: { cpus: '1' } } }] },
      [
        'spec.containers[0].resources.limits[cpus]: Invalid value: "cpus": must be a standard resource type or fully qualified',
        'spec.containers[0].resources.limits[cpus]: Invalid value: "cpus": must be a standard resource for containers',
        'spec.containers[0].resources.requests[cpus]: Invalid value: "cpus": must be a standard resource type or fully qualified',
        'spec.containers[0].resources.requests[cpus]: Invalid value: "cpus": must be a standard resource for containers',
      ],
    ],
    [
      'image with trailing space',
      { containers: [{ name: 'c', image: 'nginx ' }] },
      ['spec.containers[0].image: Invalid value: "nginx ": must not have leading or trailing whitespace'],
    ],
  ])('%s', (_, spec, want) => expect(lines(pod(spec))).toEqual(want));

  it('accepts a valid pod', () => expect(lines(pod())).toEqual([]));

  it('allows an image change on update but not other spec changes', () => {
    const old = pod({ containers: [{ name: 'c', image: 'nginx:1.24' }] });
    expect(lines(pod({ containers: [{ name: 'c', image: 'nginx:1.25' }] }), old)).toEqual([]);
    // Defaulting a new untagged image flips imagePullPolicy to Always, which is a forbidden change.
    expect(lines(pod({ containers: [{ name: 'c', image: 'nginx' }] }), old)).toHaveLength(1);
    expect(lines(pod({ containers: [{ name: 'c', image: 'nginx:1.24', ports: [{ containerPort: 80 }] }] }), old)).toEqual([
      'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    ]);
    expect(lines(pod({ containers: [{ name: 'c', image: 'a' }, { name: 'd', image: 'b' }] }), old)).toEqual([
      'spec.containers: Forbidden: pod updates may not add or remove containers',
    ]);
  });
});

describe('services', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['port out of range', { ports: [{ port: 70000, targetPort: 80 }] }, ['spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive']],
    [
      'port out of range, targetPort defaulted from it',
      { ports: [{ port: 70000 }] },
      [
        'spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive',
        'spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      ],
    ],
    ['targetPort out of range', { ports: [{ port: 80, targetPort: 70000 }] }, ['spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive']],
    ['nodePort on ClusterIP', { ports: [{ port: 80, nodePort: 30080 }] }, ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]],
    [
      'duplicate port names',
      { ports: [{ name: 'http', port: 80 }, { name: 'http', port: 81 }] },
      ['spec.ports[1].name: Duplicate value: "http"'],
    ],
    ['unnamed ports when there are several', { ports: [{ port: 80 }, { name: 'b', port: 81 }] }, ['spec.ports[0].name: Required value']],
    [
      'duplicate port/protocol',
      { ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80 }] },
      ['spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}'],
    ],
    ['no ports', { selector: { app: 'x' } }, ['spec.ports: Required value']],
    ['headless without ports is fine', { clusterIP: 'None', selector: { app: 'x' } }, []],
    ['ExternalName without ports is fine', { type: 'ExternalName', externalName: 'example.com' }, []],
    ['ExternalName without externalName', { type: 'ExternalName' }, ['spec.externalName: Required value']],
    [
      'unsupported type',
      { type: 'Foo', ports: [{ port: 80 }] },
      ['spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'],
    ],
    [
      'headless NodePort',
      { type: 'NodePort', clusterIP: 'None', ports: [{ port: 80 }] },
      ["spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services"],
    ],
    [
      'bad clusterIP',
      { clusterIP: '10.96.0.300', ports: [{ port: 80 }] },
      ['spec.clusterIPs[0]: Invalid value: "10.96.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'],
    ],
    [
      'loopback external IP',
      { ports: [{ port: 80 }], externalIPs: ['127.0.0.1'] },
      ['spec.externalIPs[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)'],
    ],
    [
      'externalTrafficPolicy on ClusterIP',
      { ports: [{ port: 80 }], externalTrafficPolicy: 'Local' },
      ['spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services'],
    ],
  ])('%s', (_, spec, want) => expect(lines(svc(spec))).toEqual(want));

  it('prints the §5.2 texts', () => {
    expect(message(svc({ ports: [{ port: 70000, targetPort: 80 }] }))).toBe(
      'The Service "s" is invalid: spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive',
    );
    expect(message(svc({ ports: [{ port: 80, nodePort: 30080 }] }))).toBe(
      "The Service \"s\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    );
  });

  it('forbids changing the clusterIP on update (apply and replace)', () => {
    const old = svc({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], ports: [{ port: 80 }], selector: { app: 'x' } });
    const applied = svc({ clusterIP: '10.96.0.50', clusterIPs: ['10.96.0.10'], ports: [{ port: 80 }], selector: { app: 'x' } });
    const replaced = svc({ clusterIP: '10.96.0.50', ports: [{ port: 80 }], selector: { app: 'x' } });
    const want = 'The Service "s" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.50"}: may not change once set';
    expect(message(applied, old)).toBe(want);
    expect(message(replaced, old)).toBe(want);
    const headless = svc({ clusterIP: 'None', ports: [{ port: 80 }], selector: { app: 'x' } });
    expect(lines(headless, old)).toEqual(['spec.clusterIPs[0]: Invalid value: []string{"None"}: may not change once set']);
  });

  it('keeps the allocated clusterIP when the update omits it', () => {
    const old = svc({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], ports: [{ port: 80 }] });
    expect(lines(svc({ ports: [{ port: 8080 }] }), old)).toEqual([]);
  });
});

describe('workloads', () => {
  it('requires the selector to match the template labels', () => {
    const d = deploy({ selector: { matchLabels: { app: 'api' } } });
    expect(message(d)).toBe(
      'The Deployment "d" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    );
  });

  it('requires a selector (apps/v1)', () => {
    const d = deploy({ selector: undefined });
    d.spec.template.metadata.labels = { app: 'd' };
    expect(message(d)).toBe(
      'The Deployment "d" is invalid: \n' +
        '* spec.selector: Required value\n' +
        '* spec.template.metadata.labels: Invalid value: map[string]string{"app":"d"}: `selector` does not match template `labels`',
    );
  });

  it.each(['ReplicaSet', 'DaemonSet'])('checks the %s selector against the template', (kind) => {
    expect(lines(deploy({ selector: { matchLabels: { app: 'api' } } }, kind))).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ]);
  });

  it('forbids changing the selector on update', () => {
    const old = deploy({});
    const next = deploy({ selector: { matchLabels: { app: 'x' } } });
    next.spec.template.metadata.labels = { app: 'x' };
    expect(message(next, old)).toBe(
      'The Deployment "d" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
    expect(lines(deploy({ replicas: 5 }), old)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['negative replicas', { replicas: -1 }, ['spec.replicas: Invalid value: -1: must be greater than or equal to 0']],
    [
      'restartPolicy Never in a template',
      { template: { metadata: { labels: { app: 'web' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'x' }] } } },
      ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    ],
    [
      'bad maxSurge',
      { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 'lots' } } },
      [
        "spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"lots\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
      ],
    ],
    [
      'both maxSurge and maxUnavailable zero',
      { strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } },
      ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0'],
    ],
    [
      'template label errors use the template path',
      { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web', 'x y': 'z' } }, spec: { containers: [{ name: 'c', image: 'x' }] } } },
      [
        "spec.template.labels: Invalid value: \"x y\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      ],
    ],
  ])('deployment: %s', (_, spec, want) => expect(lines(deploy(spec))).toEqual(want));
});

describe('configmaps, secrets and other kinds', () => {
  it('checks ConfigMap keys', () => {
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' }, data: { 'bad key': 'v', ok: 'v' } };
    expect(lines(cm)).toEqual([
      "data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ]);
  });

  it('requires tls.crt and tls.key in TLS secrets', () => {
    const s: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'default' }, type: 'kubernetes.io/tls', data: {} };
    expect(lines(s)).toEqual(['data[tls.crt]: Required value', 'data[tls.key]: Required value']);
  });

  it('keeps an immutable ConfigMap immutable', () => {
    const old: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' }, data: { a: '1' }, immutable: true };
    expect(lines({ ...old, data: { a: '2' } }, old)).toEqual(['data: Forbidden: field is immutable when `immutable` is set']);
  });

  it('checks NetworkPolicy ports and Ingress rules', () => {
    const np: KubeObject = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'n', namespace: 'default' },
      spec: { podSelector: {}, ingress: [{ ports: [{ port: 0 }], from: [{}] }] },
    };
    expect(lines(np)).toEqual([
      'spec.ingress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.ingress[0].from[0]: Required value: must specify a peer',
    ]);
    const ing: KubeObject = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i', namespace: 'default' }, spec: {} };
    expect(lines(ing)).toEqual(['spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified']);
  });
});
