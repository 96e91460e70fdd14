import { describe, expect, it } from 'vitest';
import { BUSYBOX, SLEEP, sh } from './cluster.js';

const BAR = (name: string, size: string) => `${name.padEnd(20)} 100% |${'*'.repeat(32)}| ${size}  0:00:00 ETA\n`;

describe('busybox wget', () => {
  it('-q -O - prints only the body; busybox sends Connection: close, which whoami echoes', async () => {
    const r = await sh(BUSYBOX, 'wget -q -O - http://whoami');
    expect(r).toMatchObject({ stderr: '', exitCode: 0 });
    expect(r.stdout.endsWith('GET / HTTP/1.1\r\nHost: whoami\r\nUser-Agent: Wget\r\nConnection: close\r\n\r\n')).toBe(true);
  });
  it('-O - without -q reports the connection and the progress line around the body', async () => {
    const r = await sh(SLEEP, 'wget -O - http://web');
    expect(r.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(r.stderr).toBe(`Connecting to web (10.96.0.30:80)\nwriting to stdout\n${BAR('-', '  615')}written to stdout\n`);
  });
  it('saves to the URL\'s file name and refuses to overwrite it without -O', async () => {
    const r = await sh(BUSYBOX, 'wget http://web; cat index.html | wc -c; wget http://web');
    expect(r.stdout).toBe('615\n');
    expect(r.stderr).toBe(`Connecting to web (10.96.0.30:80)\nsaving to 'index.html'\n${BAR('index.html', '  615')}'index.html' saved\nConnecting to web (10.96.0.30:80)\nwget: can't open 'index.html': File exists\n`);
    expect(r.exitCode).toBe(1);
  });
  it('-S prints the status line, the headers and the blank line that ends them, two spaces in', async () => {
    const r = await sh(BUSYBOX, 'wget -S -q -O /dev/null http://web');
    expect(r.stderr).toBe('  HTTP/1.1 200 OK\n  Server: nginx/1.27.3\n  Date: Wed, 01 Jan 2025 00:00:00 GMT\n  Content-Type: text/html\n  Content-Length: 615\n  Last-Modified: Tue, 26 Nov 2024 15:55:00 GMT\n  Connection: keep-alive\n  ETag: "6745ef54-267"\n  Accept-Ranges: bytes\n  \n');
    const err = await sh(BUSYBOX, 'wget -S -q -O - http://web/x');
    expect(err).toMatchObject({ stderr: '  HTTP/1.1 404 Not Found\nwget: server returned error: HTTP/1.1 404 Not Found\n', exitCode: 1 });
  });
  it('--spider checks without downloading', async () => {
    expect(await sh(BUSYBOX, 'wget --spider http://web')).toMatchObject({ stdout: '', stderr: 'Connecting to web (10.96.0.30:80)\nremote file exists\n', exitCode: 0 });
  });
  it('errors: bad address, refused, -T timeout, the kernel\'s connect timeout', async () => {
    expect(await sh(BUSYBOX, 'wget -q http://nope')).toMatchObject({ stderr: "wget: bad address 'nope'\n", exitCode: 1 });
    expect((await sh(BUSYBOX, 'wget -qO- http://empty')).stderr).toBe("wget: can't connect to remote host (10.96.0.40): Connection refused\n");
    expect((await sh(BUSYBOX, 'wget -T 2 http://whoami:81')).stderr).toBe('Connecting to whoami:81 (10.96.0.20:81)\nwget: download timed out\n');
    expect((await sh(SLEEP, 'wget -q http://whoami:81')).stderr).toBe("wget: can't connect to remote host (10.96.0.20): Operation timed out\n");
  });
});
