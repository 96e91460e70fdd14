import { describe, it, expect } from 'vitest';
import { strictDecodingErrors, strictDecodingMessage } from '../../src/api/validation/strict.js';
import type { KubeObject } from '../../src/api/types.js';
import { decodeErrors, decodingFailureMessage } from '../../src/api/validation/decode.js';
import { decodeBase64, encodeBase64 } from '../../src/api/validation/base64.js';

type Obj = Record<string, unknown>;

const pod = (spec: Obj, extra: Obj = {}): Obj => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec, ...extra });
const container = (extra: Obj = {}): Obj => ({ name: 'c', image: 'nginx', ...extra });

describe('strictDecodingErrors', () => {
  it.each<[string, Obj, string[]]>([
    ['a clean pod', pod({ containers: [container()] }), []],
    ['a misspelt container field', pod({ containers: [container({ imagee: 'x' })] }), ['unknown field "spec.containers[0].imagee"']],
    [
      'several, depth-first with keys sorted',
      pod({ restartPolicyy: 'Always', containers: [container(), container({ port: 80 })] }, { metadata: { name: 'p', lables: {} } }),
      ['unknown field "metadata.lables"', 'unknown field "spec.containers[1].port"', 'unknown field "spec.restartPolicyy"'],
    ],
    ['a wrong-case key (strict decoding is case-sensitive)', pod({ containers: [container({ imagePullpolicy: 'Always' })] }), ['unknown field "spec.containers[0].imagePullpolicy"']],
    [
      'probe, env, resources, securityContext and lifecycle fields',
      pod({
        containers: [
          container({
            livenessProbe: { httpGet: { path: '/', port: 80, paht: '/x' }, initialDelaySeconds: 1 },
            env: [{ name: 'A', valueFrom: { secretKeyRef: { name: 's', key: 'k', optinal: true } } }],
            envFrom: [{ configMapRef: { name: 'c' } }],
            resources: { limits: { cpu: '1' }, request: {} },
            securityContext: { runAsNonRoot: true, capabilities: { add: ['NET_ADMIN'] } },
            lifecycle: { preStop: { exec: { command: ['sleep', '5'] } } },
            volumeMounts: [{ name: 'v', mountPath: '/v', readonly: true }],
          }),
        ],
      }),
      [
        'unknown field "spec.containers[0].env[0].valueFrom.secretKeyRef.optinal"',
        'unknown field "spec.containers[0].livenessProbe.httpGet.paht"',
        'unknown field "spec.containers[0].resources.request"',
        'unknown field "spec.containers[0].volumeMounts[0].readonly"',
      ],
    ],
    [
      'volume sources',
      pod({
        containers: [container()],
        volumes: [
          { name: 'a', configMap: { name: 'c', items: [{ key: 'k', path: 'p' }] } },
          { name: 'b', secret: { secretname: 's' } },
          { name: 'c', emptyDir: { medium: 'Memory', sizeLimit: '1Gi' } },
          { name: 'd', hostPath: { path: '/x', type: 'Directory' } },
          { name: 'e', persistentVolumeClaim: { claimName: 'pvc', readOnly: true } },
          { name: 'f', projected: { sources: [{ serviceAccountToken: { path: 'token', audience: 'x' } }, { downwardAPI: { items: [] } }] } },
          { name: 'g', downwardAPI: { items: [{ path: 'l', fieldRef: { fieldPath: 'metadata.labels' } }] }, nfs: { server: 'x', path: '/', bogus: 1 } },
        ],
      }),
      ['unknown field "spec.volumes[1].secret.secretname"', 'unknown field "spec.volumes[6].nfs.bogus"'],
    ],
    ['status is not checked', pod({ containers: [container()] }, { status: { phase: 'Running', whatever: 1 } }), []],
    ['a top-level typo', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, datas: {}, stringData: { a: 'b' } }, ['unknown field "datas"']],
    ['arbitrary ConfigMap keys are fine', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { 'any.key': 'v' } }, []],
    ['an unknown kind', { apiVersion: 'example.com/v1', kind: 'Widget', spec: { anything: 1 } }, []],
  ])('%s', (_, obj, want) => expect(strictDecodingErrors(obj)).toEqual(want));

  it('knows the workload, service and networking schemas', () => {
    const deploy: Obj = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd', labels: { app: 'd' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'd' }, matchExpressions: [{ key: 'a', operator: 'In', values: ['x'] }] },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailabe: 0 } },
        template: { metadata: { labels: { app: 'd' }, creationTimestamp: null }, spec: { containers: [container({ ports: [{ containerPort: 80, protocl: 'TCP' }] })] } },
      },
    };
    expect(strictDecodingErrors(deploy)).toEqual([
      'unknown field "spec.strategy.rollingUpdate.maxUnavailabe"',
      'unknown field "spec.template.spec.containers[0].ports[0].protocl"',
    ]);
    const svc: Obj = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'NodePort', ports: [{ port: 80, targetport: 80, nodePort: 30000 }], selector: { app: 'x' } } };
    expect(strictDecodingErrors(svc)).toEqual(['unknown field "spec.ports[0].targetport"']);
    const ing: Obj = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'i' },
      spec: { rules: [{ host: 'a.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { serviceName: 'web', servicePort: 80 } }] } }] },
    };
    expect(strictDecodingErrors(ing)).toEqual([
      'unknown field "spec.rules[0].http.paths[0].backend.serviceName"',
      'unknown field "spec.rules[0].http.paths[0].backend.servicePort"',
    ]);
    const np: Obj = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'n' },
      spec: { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8', excepts: [] } }], ports: [{ port: 80 }] }], policyTypes: ['Ingress'] },
    };
    expect(strictDecodingErrors(np)).toEqual(['unknown field "spec.ingress[0].from[0].ipBlock.excepts"']);
    const ds: Obj = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'x' }, spec: { updateStrategy: { type: 'OnDelete' }, replicas: 2 } };
    expect(strictDecodingErrors(ds)).toEqual(['unknown field "spec.replicas"']);
  });

  it('quotes paths with Go %q', () => {
    expect(strictDecodingErrors(pod({ containers: [container({ 'bad"key': 1 })] }))).toEqual(['unknown field "spec.containers[0].bad\\"key"']);
  });
});

describe('messages', () => {
  it('builds the BadRequest tail', () => {
    const errs = ['unknown field "spec.containers[0].imagee"', 'unknown field "spec.foo"'];
    expect(decodingFailureMessage('Pod', 'v1', strictDecodingMessage(errs))).toBe(
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee", unknown field "spec.foo"',
    );
    expect(decodingFailureMessage('Deployment', 'apps/v1', 'x')).toBe('Deployment in version "v1" cannot be handled as a Deployment: x');
  });
});

const k8sPod = (spec: Obj): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec });
const deploy = (): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'd' },
  spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
});

describe('decodeErrors', () => {
  const secret = (data: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data });

  it.each<[string, Record<string, unknown>, string | undefined]>([
    ['valid base64', { a: 'dGVzdA==' }, undefined],
    ['missing padding', { a: 'dGVzdA' }, 'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4'],
    ['illegal character', { a: 'ab$d' }, 'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 2'],
    ['first failing key in sorted order', { z: 'ab$d', b: 'abc' }, 'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 0'],
    ['a number', { a: 5 }, 'Secret in version "v1" cannot be handled as a Secret: json: cannot unmarshal number into Go struct field Secret.data of type []uint8'],
  ])('%s', (_, data, want) => expect(decodeErrors(secret(data))).toBe(want));

  it('reports JSON type mismatches with Go paths', () => {
    const d = deploy();
    d.spec.template.spec.containers[0].env = [{ name: 'A', value: 1 }];
    expect(decodeErrors(d)).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string',
    );
    // YAML gives numbers and booleans where strings are expected; `data` sorts before `metadata`.
    const cm = JSON.parse('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","labels":{"v":1.5}},"data":{"a":true}}');
    expect(decodeErrors(cm)).toBe(
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal bool into Go struct field ConfigMap.data of type string',
    );
    delete cm.data;
    expect(decodeErrors(cm)).toBe(
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
    );
    const p = k8sPod({ containers: [{ name: 'c', image: 'x', ports: [{ containerPort: '80' }] }] });
    expect(decodeErrors(p)).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    );
    expect(decodeErrors(k8sPod({ restartPolicy: 3, containers: 'x' }))).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type []v1.Container',
    );
    expect(decodeErrors(k8sPod({ containers: [{ name: 'c', image: 'nginx' }] }))).toBeUndefined();
  });

  it('lets a malformed quantity win over earlier type errors (its unmarshaller aborts decoding)', () => {
    const p = k8sPod({ containers: [{ name: 'c', image: 'x', args: [1], resources: { limits: { cpu: '1 core' } } }] });
    expect(decodeErrors(p)).toBe(
      "Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
    p.spec.containers[0].resources.limits.cpu = 0.5;
    expect(decodeErrors(p)).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field Container.spec.containers.args of type string',
    );
  });
});

describe('base64 (Go StdEncoding)', () => {
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['héllo', 'aMOpbGxv'],
  ])('round-trips %j', (plain, b64) => {
    expect(encodeBase64(plain)).toBe(b64);
    const r = decodeBase64(b64);
    expect(r.ok && new TextDecoder().decode(r.bytes)).toBe(plain);
  });

  it.each<[string, number]>([
    ['Zg=', 3],
    ['Z===', 1],
    ['Zg==x', 4],
    ['Zm9v\nZg', 5],
  ])('rejects %j at byte %i', (s, offset) => expect(decodeBase64(s)).toEqual({ ok: false, offset }));

  it('skips newlines', () => {
    const r = decodeBase64('Zm9v\r\nYmFy');
    expect(r.ok && new TextDecoder().decode(r.bytes)).toBe('foobar');
  });
});
