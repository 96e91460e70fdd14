import { describe, expect, it } from 'vitest';
import { whoamiApp } from '../../../src/runtime/net/apps/whoami.js';
import { NOW, get, pod, view } from './fixtures.js';

const who = pod('whoami', '10.244.2.2');
const sixeyed = whoamiApp('sixeyed');
const traefik = whoamiApp('traefik');

describe('whoami', () => {
  it("sixeyed/whoami: non-loopback IPs, the request in wire format, WHOAMI_MODE=q stops after the IPs", () => {
    const r = sixeyed(get('/'), view('sixeyed/whoami:21.04', who), NOW);
    expect(r.response.body).toBe('Hostname: whoami\nIP: 10.244.2.2\nRemoteAddr: 10.244.1.2:40000\nGET / HTTP/1.1\r\nHost: web\r\nUser-Agent: curl/7.79.1\r\nAccept: */*\r\n\r\n');
    expect(r.response.headers.map(([k]) => k)).toEqual(['Date', 'Content-Length', 'Content-Type']);
    expect(r.log).toEqual([]);
    const quiet = sixeyed(get('/'), view('sixeyed/whoami', who, { env: { WHOAMI_MODE: 'q', WHOAMI_NAME: 'w1' } }), NOW);
    expect(quiet.response.body).toBe('Name: w1\nHostname: whoami\nIP: 10.244.2.2\n');
  });

  it('traefik/whoami: every address, headers sorted by canonical name, Go\'s User-Agent when none was sent', () => {
    const req = { method: 'GET', path: '/', headers: [['Host', 'whoami'], ['x-b', '2'], ['Accept-Encoding', 'gzip']] as Array<[string, string]>, clientIP: '10.244.1.2', clientPort: 1 };
    const r = traefik(req, view('traefik/whoami', who), NOW);
    expect(r.response.body).toBe('Hostname: whoami\nIP: 127.0.0.1\nIP: 10.244.2.2\nRemoteAddr: 10.244.1.2:1\nGET / HTTP/1.1\r\nHost: whoami\r\nUser-Agent: Go-http-client/1.1\r\nAccept-Encoding: gzip\r\nX-B: 2\r\n\r\n');
  });

  it('/api is JSON; traefik adds remoteAddr and, for ?env=true, the environment', () => {
    const s = sixeyed(get('/api'), view('sixeyed/whoami', who), NOW);
    expect(s.response.body).toBe('{"hostname":"whoami","ip":["127.0.0.1","10.244.2.2"],"headers":{"Accept":["*/*"],"User-Agent":["curl/7.79.1"]},"url":"/api","host":"web","method":"GET"}\n');
    expect(s.response.headers.map(([k]) => k)).toEqual(['Content-Type', 'Date', 'Content-Length']);
    const t = traefik(get('/api?env=true'), view('traefik/whoami', who, { env: { A: '1' } }), NOW);
    expect(JSON.parse(t.response.body)).toMatchObject({ url: '/api?env=true', remoteAddr: '10.244.1.2:40000', environ: { A: '1' } });
  });

  it('/health answers 200 with an empty body; /data fills the asked size; other paths are /', () => {
    const h = sixeyed(get('/health'), view('sixeyed/whoami', who), NOW).response;
    expect([h.status, h.body]).toEqual([200, '']);
    expect(h.headers).toContainEqual(['Content-Length', '0']);
    expect(sixeyed(get('/data?size=30'), view('sixeyed/whoami', who), NOW).response.body).toBe('|ABCDEFGHIJKLMNOPQRSTUVWXYZ-A|');
    expect(traefik(get('/data?size=1'), view('traefik/whoami', who), NOW).response.body).toBe('');
    const big = sixeyed(get('/data?size=3&unit=kb'), view('sixeyed/whoami', who), NOW).response;
    expect(big.body.length).toBe(3072);
    expect(big.headers).toContainEqual(['Transfer-Encoding', 'chunked']);
    expect(sixeyed(get('/anything'), view('sixeyed/whoami', who), NOW).response.body).toContain('GET /anything HTTP/1.1\r\n');
  });
});
