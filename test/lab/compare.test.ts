import { describe, expect, it } from 'vitest';
import { compareOutput, lineMatcher, normalizeTolerant, outputLines } from '../../src/lab/compare.js';

const exact = { collapse: false, tolerant: false };
const m = (expected: string, actual: string, o = exact) => lineMatcher(expected, o)(actual);

describe('lab compare: tokens', () => {
  it.each([
    ['<pod-suffix>', 'x7k2q', 'x7k2', 'X7K2Q'],
    ['<hash>', '5f7dc7f6dc', '5f7dc7', '5f7dc7f6dc12'],
    ['<ip>', '10.244.1.5', '10.244.1', 'a.b.c.d'],
    ['<age>', '3m2s', '3x', 'ten'],
    ['<node-port>', '30010', '29999', '32768'],
  ])('%s matches %s, not %s or %s', (token, good, bad1, bad2) => {
    expect(m(`v=${token};`, `v=${good};`)).toBe(true);
    expect(m(`v=${token};`, `v=${bad1};`)).toBe(false);
    expect(m(`v=${token};`, `v=${bad2};`)).toBe(false);
  });

  it('<age> takes every kubectl AGE shape', () => {
    for (const a of ['0s', '59s', '10m', '5h', '10d', '2y10d', '3m2s']) expect(m('<age>', a), a).toBe(true);
  });

  it('<any> matches anything, also nothing', () => {
    expect(m('Host: <any>', 'Host: whoami:8080')).toBe(true);
    expect(m('Host: <any>', 'Host: ')).toBe(true);
    expect(m('Host: <any>', 'Hast: x')).toBe(false);
  });

  it('literal text around tokens is literal (regex characters escaped)', () => {
    expect(m('a.b <ip>', 'a.b 1.2.3.4')).toBe(true);
    expect(m('a.b <ip>', 'axb 1.2.3.4')).toBe(false);
  });

  it('a line with tokens widens columns: the step compares with runs of spaces collapsed', () => {
    const r = compareOutput(['NAME                      READY', 'web-<hash>-<pod-suffix>   1/1'], 'NAME                        READY\nweb-5f7dc7f6dc-x7k2q   1/1\n');
    expect(r.ok).toBe(true);
    expect(compareOutput(['a  b'], 'a     b').ok).toBe(false); // no token: exact
  });
});

describe('lab compare: ..., (re), exactness', () => {
  it('... elides zero or more lines', () => {
    expect(compareOutput(['first', '...', 'last'], 'first\nlast\n').ok).toBe(true);
    expect(compareOutput(['first', '...', 'last'], 'first\na\nb\nlast\n').ok).toBe(true);
    expect(compareOutput(['first', '...', 'last'], 'first\na\nb\n').ok).toBe(false);
    expect(compareOutput(['...', '<title>Welcome to nginx!</title>', '...'], '<html>\n<title>Welcome to nginx!</title>\n</html>\n').ok).toBe(true);
  });

  it('a line ending in (re) is a regular expression for the whole line', () => {
    expect(m('pod/[a-z]+ created (re)', 'pod/web created')).toBe(true);
    expect(m('pod/[a-z]+ created (re)', 'pod/web created!')).toBe(false);
    expect(m('[ (re)', '[')).toBe(false); // an invalid expression matches nothing
  });

  it('is exact otherwise, ignoring only trailing whitespace, \\r and trailing blank lines', () => {
    expect(compareOutput(['GET / HTTP/1.1', 'Host: whoami'], 'GET / HTTP/1.1\r\nHost: whoami  \r\n\r\n\n').ok).toBe(true);
    expect(compareOutput(['pod/x created'], 'pod/x  created\n').ok).toBe(false);
    expect(compareOutput([], '').ok).toBe(true);
    expect(compareOutput([], 'something\n').ok).toBe(false);
    expect(outputLines('a\n\n b \n\n')).toEqual(['a', '', ' b']);
  });

  it('reports a unified diff when it differs', () => {
    const r = compareOutput(['a', 'b', 'c'], 'a\nB\nc\n');
    expect(r.ok).toBe(false);
    expect(r.diff).toBe('--- expected\n+++ actual\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n');
  });
});

describe('lab compare: tolerant mode (real clusters)', () => {
  it('normalises pod names, hashes, IPs, ages, node ports and column spacing', () => {
    expect(normalizeTolerant('my-nginx-756f645cd7-gsl4g   1/1     Running   0          63s       192.168.59.188')).toBe('my-nginx-<hash>-<pod-suffix>  1/1  Running  0  <age>  <ip>');
    expect(normalizeTolerant('whoami-np   NodePort   10.104.118.52   <none>   8010:30010/TCP   5s')).toBe('whoami-np  NodePort  <ip>  <none>  8010:<node-port>/TCP  <age>');
    expect(normalizeTolerant('my-nginx-7vzhx   IPv4')).toBe('my-nginx-<pod-suffix>  IPv4');
    expect(normalizeTolerant('deployment.apps/my-nginx created')).toBe('deployment.apps/my-nginx created');
  });

  it('compares documented values from another cluster as equal', () => {
    const doc = ['NAME                        READY   STATUS    RESTARTS   AGE', 'my-nginx-3800858182-jr4a2   1/1     Running   0          13s'];
    const r = compareOutput(doc, 'NAME                       READY   STATUS    RESTARTS   AGE\nmy-nginx-5f7dc7f6dc-x7k2q   1/1     Running   0          2m\n', { tolerant: true });
    expect(r.ok).toBe(true);
    expect(compareOutput(doc, 'NAME   READY   STATUS    RESTARTS   AGE\nmy-nginx-5f7dc7f6dc-x7k2q   0/1   Pending   0   2m\n', { tolerant: true }).ok).toBe(false);
  });

  it('keeps <any> a wildcard and other tokens as their normal form', () => {
    expect(lineMatcher('IP: <ip> via <any>', { collapse: false, tolerant: true })('IP: 10.1.0.5 via eth0')).toBe(true);
  });
});
