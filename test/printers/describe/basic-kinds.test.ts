import { describe, expect, it } from 'vitest';
import { describeMany, describeObject } from '../../../src/printers/describe/index.js';
import { ctxOf, obj, text } from './helpers.js';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('describe endpoints', () => {
  it('prints the §3.5 sample byte for byte', () => {
    const ep = obj('Endpoints', 'my-nginx', {
      namespace: 'default',
      metadata: { name: 'my-nginx', namespace: 'default', labels: { run: 'my-nginx' }, annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': '2024-04-15T10:40:01Z' } },
      subsets: [{ addresses: [{ ip: '10.244.1.3' }, { ip: '10.244.2.4' }], ports: [{ port: 80, protocol: 'TCP' }] }],
    });
    expect(describeObject(ep, ctxOf([ep]))).toBe(text(ENDPOINTS_SAMPLE));
  });

  it('prints just Subsets: then Events when there are no subsets', () => {
    const ep = obj('Endpoints', 'empty', { namespace: 'default' });
    expect(describeObject(ep, ctxOf([ep]))).toBe(
      text(['Name:         empty', 'Namespace:    default', 'Labels:       <none>', 'Annotations:  <none>', 'Subsets:', 'Events:  <none>']),
    );
  });
});

describe('describe secret', () => {
  it('prints the §3.5 sample with byte counts in sorted key order and no Events', () => {
    const s = obj('Secret', 'db-user-pass', { namespace: 'default', type: 'Opaque', data: { username: b64('admin'), password: b64('S!B*d$zDsb=?') } });
    expect(describeObject(s, ctxOf([s]))).toBe(text(SECRET_SAMPLE));
  });

  it('shows the token of a service-account-token secret and ends after ==== when empty', () => {
    const tok = obj('Secret', 'sa-token', { namespace: 'default', type: 'kubernetes.io/service-account-token', data: { 'ca.crt': b64('x'.repeat(1107)), token: b64('eyJhbGciOi') } });
    expect(describeObject(tok, ctxOf([tok])).split('\n').slice(-4)).toEqual(['====', 'ca.crt:  1107 bytes', 'token:   eyJhbGciOi', '']);
    const empty = obj('Secret', 'e', { namespace: 'default', type: 'Opaque' });
    expect(describeObject(empty, ctxOf([empty])).endsWith('\nType:  Opaque\n\nData\n====\n')).toBe(true);
  });
});

describe('describe configmap', () => {
  it('prints the §3.5 sample byte for byte', () => {
    const cm = obj('ConfigMap', 'game-config', { namespace: 'default', data: { lives: '3' } });
    expect(describeObject(cm, ctxOf([cm]))).toBe(text(CONFIGMAP_SAMPLE));
  });

  it('sorts data keys, keeps multi-line values verbatim and counts binary bytes', () => {
    const cm = obj('ConfigMap', 'app', { namespace: 'default', data: { 'z.properties': 'a=1\nb=2\n', a: 'x' }, binaryData: { 'logo.png': b64('\u0001\u0002\u0003\u0004') } });
    expect(describeObject(cm, ctxOf([cm]))).toBe(
      text(['Name:         app', 'Namespace:    default', 'Labels:       <none>', 'Annotations:  <none>', '', 'Data', '====', 'a:', '----', 'x', '', 'z.properties:', '----', 'a=1', 'b=2', '', '', '', 'BinaryData', '====', 'logo.png: 4 bytes', '', 'Events:  <none>']),
    );
  });
});

describe('describe namespace', () => {
  it('prints the §3.5 sample byte for byte', () => {
    const ns = obj('Namespace', 'default', { labels: { 'kubernetes.io/metadata.name': 'default' }, status: { phase: 'Active' } });
    expect(describeObject(ns, ctxOf([ns]))).toBe(text(NAMESPACE_SAMPLE));
  });

  it('lists resource quotas and limit ranges of the namespace', () => {
    const ns = obj('Namespace', 'shop', { status: { phase: 'Active' } });
    const quota = obj('ResourceQuota', 'compute', { namespace: 'shop', status: { hard: { pods: '10', 'requests.cpu': '2' }, used: { pods: '3', 'requests.cpu': '250m' } } });
    const lr = obj('LimitRange', 'defaults', { namespace: 'shop', spec: { limits: [{ type: 'Container', default: { memory: '512Mi' }, defaultRequest: { memory: '256Mi' } }] } });
    expect(describeObject(ns, ctxOf([ns, quota, lr])).split('\n').slice(4)).toEqual([
      '',
      'Resource Quotas',
      '  Name:         compute',
      '  Resource      Used  Hard',
      '  --------      ---   ---',
      '  pods          3     10',
      '  requests.cpu  250m  2',
      '',
      'Resource Limits',
      ' Type       Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio',
      ' ----       --------  ---  ---  ---------------  -------------  -----------------------',
      ' Container  memory    -    -    256Mi            512Mi          -',
      '',
    ]);
  });
});

describe('describeMany', () => {
  it('separates descriptions with two empty lines', () => {
    const a = obj('ConfigMap', 'a', { namespace: 'default' });
    const b = obj('Secret', 'b', { namespace: 'default', type: 'Opaque' });
    const out = describeMany([a, b], ctxOf([a, b]));
    expect(out).toBe(describeObject(a, ctxOf([a])) + '\n\n' + describeObject(b, ctxOf([b])));
    expect(out).toContain('Events:  <none>\n\n\nName:         b\n');
  });
});

const ENDPOINTS_SAMPLE = [
    "Name:         my-nginx",
    "Namespace:    default",
    "Labels:       run=my-nginx",
    "Annotations:  endpoints.kubernetes.io/last-change-trigger-time: 2024-04-15T10:40:01Z",
    "Subsets:",
    "  Addresses:          10.244.1.3,10.244.2.4",
    "  NotReadyAddresses:  <none>",
    "  Ports:",
    "    Name     Port  Protocol",
    "    ----     ----  --------",
    "    <unset>  80    TCP",
    "",
    "Events:  <none>",
  ];

const SECRET_SAMPLE = [
    "Name:         db-user-pass",
    "Namespace:    default",
    "Labels:       <none>",
    "Annotations:  <none>",
    "",
    "Type:  Opaque",
    "",
    "Data",
    "====",
    "password:  12 bytes",
    "username:  5 bytes",
  ];

const CONFIGMAP_SAMPLE = [
    "Name:         game-config",
    "Namespace:    default",
    "Labels:       <none>",
    "Annotations:  <none>",
    "",
    "Data",
    "====",
    "lives:",
    "----",
    "3",
    "",
    "",
    "BinaryData",
    "====",
    "",
    "Events:  <none>",
  ];

const NAMESPACE_SAMPLE = [
    "Name:         default",
    "Labels:       kubernetes.io/metadata.name=default",
    "Annotations:  <none>",
    "Status:       Active",
    "",
    "No resource quota.",
    "",
    "No LimitRange resource.",
  ];
