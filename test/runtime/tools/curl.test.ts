import { describe, expect, it } from 'vitest';
import { parseCurlArgs } from '../../../src/runtime/tools/curl-args.js';
import { meterRow, size5, ZERO_ROW } from '../../../src/runtime/tools/curl-meter.js';
import { CURLIMG, NGINX, SLEEP, sh } from './cluster.js';

describe('curl command line', () => {
  it('splits combined short flags and takes values from the rest of the word or the next one', () => {
    const r = parseCurlArgs(['-sSfL', '-o/tmp/x', '-vk', '-m', '2', 'http://a']);
    expect(r.ok && r.opts).toMatchObject({ silent: true, showError: true, fail: true, location: true, output: '/tmp/x', verbose: true, insecure: true, maxTime: 2, url: 'http://a' });
    const so = parseCurlArgs(['-so', 'out', 'http://b']);
    expect(so.ok && so.opts.output).toBe('out');
  });
  it('reads long options with = or a separate value, and data kinds', () => {
    const r = parseCurlArgs(['--max-time=3', '--connect-timeout', '1', '--data-raw', '@x', '--data-binary', '@f', '-H', 'X-A: 1', 'http://c']);
    expect(r.ok && r.opts).toMatchObject({ maxTime: 3, connectTimeout: 1, data: ['@x', '@f'], dataKinds: ['raw', 'binary'], headers: [['X-A', '1']] });
  });
  it('rejects unknown options and bad numbers as curl does', () => {
    expect(parseCurlArgs(['--bogus'])).toEqual({ ok: false, message: 'option --bogus: is unknown' });
    expect(parseCurlArgs(['-m', 'x'])).toEqual({ ok: false, message: 'option -m: expected a proper numerical parameter' });
  });
});

describe('curl progress meter', () => {
  it('sizes numbers in five columns like max5data', () => {
    expect(size5(615)).toBe('  615');
    expect(size5(376_000)).toBe(' 367k');
    expect(size5(20 * 1024 * 1024)).toBe('20.0M');
  });
  it('lays out the rows with curl\'s spacing', () => {
    expect(ZERO_ROW).toBe('\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0');
    expect(meterRow({ total: 615, down: 615, up: 0, downSpeed: 615000, upSpeed: 0, done: true })).toBe('\r100   615  100   615    0     0   600k      0 --:--:-- --:--:-- --:--:--  600k');
    expect(meterRow({ total: 0, down: 0, up: 0, downSpeed: 0, upSpeed: 0, spent: 62, done: false })).toContain('--:--:--  0:01:02 --:--:--');
  });
});

describe('curl in a pod', () => {
  it('-v traces the connection, the request and the response with curl 7.79\'s wording', async () => {
    const r = await sh(SLEEP, 'curl -sv http://web/nope');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('<title>404 Not Found</title>');
    expect(r.stderr).toBe(
      '*   Trying 10.96.0.30:80...\n* Connected to web (10.96.0.30) port 80 (#0)\n' +
        '> GET /nope HTTP/1.1\r\n> Host: web\r\n> User-Agent: curl/7.79.1\r\n> Accept: */*\r\n> \r\n' +
        '* Mark bundle as not supporting multiuse\n' +
        '< HTTP/1.1 404 Not Found\r\n< Server: nginx/1.27.3\r\n< Date: Wed, 01 Jan 2025 00:00:00 GMT\r\n< Content-Type: text/html\r\n< Content-Length: 153\r\n< Connection: keep-alive\r\n< \r\n' +
        '{ [153 bytes data]\n* Connection #0 to host web left intact\n',
    );
  });
  it('curl 8.x announces the resolution and drops the connection number', async () => {
    const r = await sh(CURLIMG, 'curl -sv http://whoami');
    expect(r.stderr.split('\n').slice(0, 6)).toEqual(['* Host whoami:80 was resolved.', '* IPv6: (none)', '* IPv4: 10.96.0.20', '*   Trying 10.96.0.20:80...', '* Connected to whoami (10.96.0.20) port 80', '* using HTTP/1.x']);
    expect(r.stderr).toContain('* Request completely sent off\n');
    expect(r.stderr).not.toContain('Mark bundle');
  });
  it('without -s the meter goes to stderr and -v lines join its first row', async () => {
    const r = await sh(SLEEP, 'curl -v http://web');
    expect(r.stderr.startsWith('  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n')).toBe(true);
    expect(r.stderr).toContain('--:--:--     0*   Trying 10.96.0.30:80...\n');
    expect(r.stderr).toMatch(/\r100   615  100   615    0     0  [ \dk]{5}      0 --:--:-- --:--:-- --:--:-- [ \dk]{5}\n\* Connection #0 to host web left intact\n$/);
  });
  it('-f turns an HTTP error into exit 22; -s hides the message, -S shows it again', async () => {
    expect(await sh(SLEEP, 'curl -sf http://web/nope')).toMatchObject({ stdout: '', stderr: '', exitCode: 22 });
    expect(await sh(SLEEP, 'curl -sSf http://web/nope')).toMatchObject({ stdout: '', stderr: 'curl: (22) The requested URL returned error: 404\n', exitCode: 22 });
    const plain = await sh(SLEEP, 'curl -f http://web/nope');
    expect(plain.stderr).toMatch(/--:--:--     0curl: \(22\) The requested URL returned error: 404\n$/);
  });
  it('-I sends HEAD and prints only the headers; -i puts them before the body', async () => {
    const head = await sh(SLEEP, 'curl -sI http://web');
    expect(head.stdout.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
    expect(head.stdout.endsWith('Accept-Ranges: bytes\r\n\r\n')).toBe(true);
    const inc = await sh(SLEEP, 'curl -si http://web');
    expect(inc.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*\r\n\r\n<!DOCTYPE html>/);
  });
  it('-d POSTs form data; whoami echoes the body and Go puts Content-Length after User-Agent', async () => {
    const r = await sh(SLEEP, 'curl -s -d a=1 -d b=2 http://whoami');
    expect(r.stdout).toContain('POST / HTTP/1.1\r\nHost: whoami\r\nUser-Agent: curl/7.79.1\r\nContent-Length: 7\r\nAccept: */*\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\na=1&b=2');
  });
  it('-X and -H replace curl\'s defaults; an empty header value removes one', async () => {
    const r = await sh(SLEEP, 'curl -s -X PUT -H "Accept: text/plain" -H "User-Agent:" -H "X-Id: 7" http://whoami');
    // curl sent no User-Agent; Go's Request.Write (how whoami prints the request) fills in its own.
    expect(r.stdout).toContain('PUT / HTTP/1.1\r\nHost: whoami\r\nUser-Agent: Go-http-client/1.1\r\nAccept: text/plain\r\nX-Id: 7\r\n\r\n');
  });
  it('-w fills in the variables, with \\n escapes; -o /dev/null discards the body', async () => {
    const r = await sh(SLEEP, "curl -s -o /dev/null -w '%{http_code} %{remote_ip}:%{remote_port} %{size_download} %{content_type}\\n' http://web");
    expect(r.stdout).toBe('200 10.96.0.30:80 615 text/html\n');
    const failed = await sh(SLEEP, "curl -s -w '%{http_code}' http://empty");
    expect(failed).toMatchObject({ stdout: '000', exitCode: 7 });
  });
  it('-o writes the file and keeps the meter on stderr', async () => {
    const r = await sh(SLEEP, 'curl -o /tmp/page http://web && wc -c /tmp/page');
    expect(r.stdout).toBe('615 /tmp/page\n');
    expect(r.stderr).toContain('\r100   615  100   615');
  });
  it('connection errors use each version\'s words', async () => {
    expect((await sh(SLEEP, 'curl -sS http://nope')).stderr).toBe('curl: (6) Could not resolve host: nope\n');
    expect((await sh(SLEEP, 'curl -sS http://empty')).stderr).toMatch(/^curl: \(7\) Failed to connect to empty port 80 after \d ms: Connection refused\n$/);
    expect((await sh(CURLIMG, 'curl -sS http://empty')).stderr).toMatch(/^curl: \(7\) Failed to connect to empty port 80 after \d ms: Could not connect to server\n$/);
    expect((await sh(SLEEP, 'curl -sS -m 2 http://whoami:81')).stderr).toBe('curl: (28) Connection timed out after 2001 milliseconds\n');
    expect((await sh(CURLIMG, 'curl -sS --connect-timeout 3 http://whoami:81')).stderr).toBe('curl: (28) Failed to connect to whoami port 81 after 3002 ms: Timeout was reached\n');
    expect((await sh(SLEEP, 'curl -sS http://whoami:81')).stderr).toBe('curl: (28) Failed to connect to whoami port 81 after 129000 ms: Operation timed out\n');
  });
  it('https:// to a plain-HTTP port fails the TLS handshake with the OpenSSL of the image', async () => {
    expect(await sh(SLEEP, 'curl -sSk https://whoami:80')).toMatchObject({ stderr: 'curl: (35) error:1408F10B:SSL routines:ssl3_get_record:wrong version number\n', exitCode: 35 });
    expect((await sh(NGINX, 'curl -sS --cacert /x.pem https://whoami:80')).stderr).toBe('curl: (35) error:0A00010B:SSL routines::wrong version number\n');
    expect((await sh(CURLIMG, 'curl -sS https://whoami:80')).stderr).toBe('curl: (35) OpenSSL/3.3.2: error:0A00010B:SSL routines::wrong version number\n');
  });
  it('localhost reaches the pod\'s own server; usage errors exit 2', async () => {
    expect((await sh(NGINX, 'curl -s localhost | head -1')).stdout).toBe('<!DOCTYPE html>\n');
    expect(await sh(SLEEP, 'curl')).toMatchObject({ stderr: "curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 });
    expect(await sh(SLEEP, 'curl --nope http://web')).toMatchObject({ stderr: "curl: option --nope: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 });
  });
});
