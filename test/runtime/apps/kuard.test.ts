import { describe, expect, it } from 'vitest';
import { kuard } from '../../../src/runtime/net/apps/kuard.js';
import { kuardVersion, imageInfo, startProcess } from '../../../src/api/images.js';
import { NOW, get, pod, view } from './fixtures.js';

const IMAGE = 'gcr.io/kuar-demo/kuard-amd64:blue';
const k = pod('kuard-1', '10.244.1.9', [{ name: 'main', image: IMAGE }]);

describe('kuard', () => {
  it('listens on 8080 and starts with its banner, version from the tag, on stderr (Go log)', () => {
    expect(imageInfo(IMAGE).ports).toEqual([8080]);
    expect(kuardVersion(IMAGE)).toBe('v0.10.0-blue');
    expect(kuardVersion('gcr.io/kuar-demo/kuard-amd64:green')).toBe('v0.10.0-green');
    const out = startProcess(IMAGE, undefined, undefined, { podName: 'k', podIP: '', env: {}, seed: 1 });
    expect(out.stdout).toEqual([]);
    expect(out.stderr[0]).toBe('2025/01/01 00:00:00 Starting kuard version: v0.10.0-blue');
    expect(out.stderr.at(-1)).toBe('2025/01/01 00:00:00 Serving on HTTP on :8080');
  });

  it('/healthy and /ready say ok (probes), each request logged as RemoteAddr METHOD URL', () => {
    for (const p of ['/healthy', '/ready']) {
      const r = kuard(get(p), view(IMAGE, k), NOW);
      expect([r.response.status, r.response.body]).toEqual([200, 'ok']);
      expect(r.response.headers).toEqual([['Content-Type', 'text/plain'], ['Date', 'Wed, 01 Jan 2025 00:00:00 GMT'], ['Content-Length', '2']]);
      expect(r.log).toEqual([{ stream: 'stderr', line: `2025/01/01 00:00:00 10.244.1.2:40000 GET ${p}` }]);
    }
  });

  it('/env/api is the command line and the sorted environment as JSON, not cached', () => {
    const r = kuard(get('/env/api'), view(IMAGE, k, { env: { PATH: '/bin', HOSTNAME: 'kuard-1', HOME: '/' } }), NOW);
    expect(r.response.body).toBe('{"commandLine":["/kuard"],"env":{"HOME":"/","HOSTNAME":"kuard-1","PATH":"/bin"}}\n');
    expect(r.response.headers.map(([h]) => h)).toEqual(['Cache-Control', 'Content-Type', 'Expires', 'Pragma', 'Date', 'Content-Length']);
  });

  it('/ is the app shell with the page context; the first render logs the template load', () => {
    const r = kuard(get('/', [], 'GET', '10.244.1.9:8080'), view(IMAGE, k), NOW);
    expect(r.response.body.startsWith('<!doctype html>\n\n<html lang="en">')).toBe(true);
    expect(r.response.body).toContain('<title>KUAR Demo</title>');
    const ctx = JSON.parse(r.response.body.match(/var pageContext = (.*)\n/)![1]);
    expect(ctx).toEqual({ urlBase: '', hostname: 'kuard-1', addrs: ['10.244.1.9'], version: 'v0.10.0-blue', versionColor: expect.stringMatching(/^hsl\(\d+,100%,50%\)$/), requestDump: 'GET / HTTP/1.1\r\nHost: 10.244.1.9:8080\r\nAccept: */*\r\nUser-Agent: curl/7.79.1', requestProto: 'HTTP/1.1', requestAddr: '10.244.1.2:40000' });
    expect(r.log.map((l) => l.line)).toEqual(['2025/01/01 00:00:00 10.244.1.2:40000 GET /', '2025/01/01 00:00:00 Loading template for index.html']);
    const again = kuard(get('/'), view(IMAGE, k, { log: r.log.map((l) => ({ ...l, time: '' })) }), NOW);
    expect(again.log).toHaveLength(1);
  });

  it('/fs/ lists the root, other methods get 405, unknown paths Go\'s 404', () => {
    const fs = kuard(get('/fs/etc/'), view(IMAGE, k), NOW).response;
    expect(fs.body).toContain('<a href="passwd">passwd</a>\n');
    expect(fs.body.startsWith('<pre>\n')).toBe(true);
    expect(kuard(get('/fs/etc'), view(IMAGE, k), NOW).response.headers).toContainEqual(['Location', 'etc/']);
    const post = kuard(get('/healthy', [], 'POST'), view(IMAGE, k), NOW).response;
    expect([post.status, post.body]).toEqual([405, 'Method Not Allowed\n']);
    const nf = kuard(get('/nope'), view(IMAGE, k), NOW).response;
    expect([nf.status, nf.body]).toEqual([404, '404 page not found\n']);
  });
});
