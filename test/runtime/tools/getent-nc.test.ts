import { describe, expect, it } from 'vitest';
import { BUSYBOX, NGINX, SLEEP, exec, sh } from './cluster.js';

describe('getent hosts', () => {
  it('musl (Alpine): %-16s, two spaces, the canonical name, then musl\'s aliases (canonical first, then as typed)', async () => {
    const r = await exec(SLEEP, ['getent', 'hosts', 'whoami', 'localhost']);
    expect(r.stdout).toBe('10.96.0.20        whoami.default.svc.cluster.local  whoami.default.svc.cluster.local whoami\n127.0.0.1         localhost  localhost\n');
  });
  it('glibc (Debian): %-15s and the canonical name only', async () => {
    expect((await exec(NGINX, ['getent', 'hosts', 'whoami'])).stdout).toBe('10.96.0.20      whoami.default.svc.cluster.local\n');
  });
  it('exit 2 when a key is not found; the busybox image has no getent', async () => {
    expect(await exec(SLEEP, ['getent', 'hosts', 'nope'])).toMatchObject({ stdout: '', exitCode: 2 });
    expect((await sh(BUSYBOX, 'getent hosts whoami')).exitCode).toBe(127);
  });
});

describe('busybox nc', () => {
  it('-z exits 0 for an open port and 1 for a refused one; -v reports only the open one', async () => {
    expect(await sh(SLEEP, 'nc -zv whoami 80')).toMatchObject({ stderr: 'whoami (10.96.0.20:80) open\n', exitCode: 0 });
    expect(await sh(SLEEP, 'nc -zv empty 80')).toMatchObject({ stderr: '', exitCode: 1 });
    expect(await sh(SLEEP, 'nc -zvv empty 80')).toMatchObject({ stderr: 'nc: empty (10.96.0.40:80): Connection refused\n', exitCode: 1 });
  });
  it('-w bounds a connection nobody answers; unknown hosts are a bad address', async () => {
    expect(await sh(SLEEP, 'nc -zv -w 2 whoami 81')).toMatchObject({ stderr: 'nc: whoami (10.96.0.20:81): Operation timed out\n', exitCode: 1 });
    expect(await sh(SLEEP, 'nc -z nope 80')).toMatchObject({ stderr: "nc: bad address 'nope'\n", exitCode: 1 });
  });
  it('without -z, an HTTP request on stdin gets the server\'s raw answer', async () => {
    const r = await sh(SLEEP, 'printf "GET / HTTP/1.0\\r\\n\\r\\n" | nc web 80 | head -1');
    expect(r.stdout).toBe('HTTP/1.1 200 OK\r\n');
  });
});
