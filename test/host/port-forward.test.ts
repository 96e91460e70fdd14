import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { request, Agent } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KUBECTL, ROOT, runCli, tempStateDir, testEnv } from '../helpers/cli.js';
import { parseAddresses, parsePorts } from '../../src/host/port-forward.js';
import { takeRequest } from '../../src/host/http-connection.js';

/**
 * `kubectl port-forward` through real loopback sockets: the host's own HTTP client reaches a pod.
 * Listeners use port 0 (`:80`), read back from kubectl's `Forwarding from` line, and every child
 * process is stopped in the end.
 */

interface Forward {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  port: number;
  exit: Promise<number>;
}

function startForward(dir: string, args: string[]): Promise<Forward> {
  const child = spawn(process.execPath, [KUBECTL, 'port-forward', ...args], { env: testEnv(dir) });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exit = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  return new Promise((resolve, reject) => {
    const check = () => {
      const m = out.match(/Forwarding from 127\.0\.0\.1:(\d+) -> \d+\n/);
      if (m) resolve({ child, stdout: () => out, stderr: () => err, port: Number(m[1]), exit });
    };
    child.stdout!.on('data', check);
    void exit.then((code) => reject(new Error(`port-forward exited ${code} before listening: ${out}${err}`)));
  });
}

function get(port: number, path: string, agent?: Agent): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('port-forward argument parsing (client-go rules)', () => {
  it('reads LOCAL:REMOTE, a single port and :REMOTE', () => {
    expect(parsePorts(['8080:80', '5000', ':9090'])).toEqual([
      { local: 8080, remote: 80 },
      { local: 5000, remote: 5000 },
      { local: 0, remote: 9090 },
    ]);
  });
  it('rejects what client-go rejects, with its texts', () => {
    expect(parsePorts(['1:2:3'])).toBe("invalid port format '1:2:3'");
    expect(parsePorts(['x:80'])).toBe(`error parsing local port 'x': strconv.ParseUint: parsing "x": invalid syntax`);
    expect(parsePorts(['80:70000'])).toBe(`error parsing remote port '70000': strconv.ParseUint: parsing "70000": value out of range`);
    expect(parsePorts(['80:0'])).toBe('remote port must be > 0');
  });
  it('expands localhost to both loopbacks, sorted, and rejects names', () => {
    expect(parseAddresses(['localhost']).valueOf()).toEqual([
      { address: '127.0.0.1', family: 4, failureMode: 'all' },
      { address: '::1', family: 6, failureMode: 'all' },
    ]);
    expect(parseAddresses(['0.0.0.0', 'localhost', '0.0.0.0'])).toHaveLength(3);
    expect(parseAddresses(['example.com'])).toBe('example.com is not a valid IP');
  });
  it('reads HTTP requests one after another off a connection', () => {
    const two = Buffer.from('GET / HTTP/1.1\r\nHost: a\r\n\r\nPOST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc');
    const first = takeRequest(two);
    if (typeof first === 'string') throw new Error(first);
    expect(first.request).toMatchObject({ method: 'GET', path: '/', headers: [['Host', 'a']] });
    const second = takeRequest(two.subarray(first.consumed));
    if (typeof second === 'string') throw new Error(second);
    expect(second.request.body.toString()).toBe('abc');
    expect(takeRequest(Buffer.from('GET / HTTP/1.1\r\nHost: a\r\n'))).toBe('incomplete');
    expect(takeRequest(Buffer.from('nonsense\r\n\r\n'))).toBe('bad');
  });
});

describe('kubectl port-forward over loopback', () => {
  const { dir, cleanup } = tempStateDir();
  const children: ChildProcess[] = [];
  const k = (...args: string[]) => runCli(args, { stateDir: dir });
  const forward = async (...args: string[]) => {
    const f = await startForward(dir, args);
    children.push(f.child);
    return f;
  };

  beforeAll(() => {
    expect(k('create', 'deployment', 'web', '--image=nginx').code).toBe(0);
    expect(k('expose', 'deployment', 'web', '--port=8080', '--target-port=80').code).toBe(0);
    expect(k('run', 'whoami', '--image=traefik/whoami', '--port=80').code).toBe(0);
  });
  afterAll(() => {
    for (const c of children) c.kill('SIGKILL');
    cleanup();
  });

  it('forwards a deployment pod: kubectl lines, nginx answers, keep-alive reuses one connection, Ctrl-C exits 0', async () => {
    const f = await forward('deploy/web', ':80');
    expect(f.stdout()).toMatch(/^Forwarding from 127\.0\.0\.1:(\d+) -> 80\n/);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const a = await get(f.port, '/', agent);
    const b = await get(f.port, '/missing', agent);
    agent.destroy();
    expect(a.status).toBe(200);
    expect(a.body).toContain('<title>Welcome to nginx!</title>');
    expect(a.headers.server).toBe('nginx/1.27.3');
    expect(b.status).toBe(404);
    expect(f.stdout().match(/Handling connection for \d+\n/g)).toHaveLength(1);
    f.child.kill('SIGINT');
    expect(await f.exit).toBe(0);
    expect(f.stderr()).toBe('');
  });

  it('forwards a service port to its target port and whoami sees localhost', async () => {
    const f = await forward('svc/web', ':8080');
    expect(f.stdout()).toContain(`Forwarding from 127.0.0.1:${f.port} -> 80\n`);
    f.child.kill('SIGINT');
    expect(await f.exit).toBe(0);
    const w = await forward('whoami', ':80');
    const r = await get(w.port, '/');
    expect(r.body).toMatch(/^Hostname: whoami\n/);
    expect(r.body).toMatch(/\nRemoteAddr: 127\.0\.0\.1:\d+\n/);
    expect(r.body).toContain(`Host: 127.0.0.1:${w.port}\r\n`);
    w.child.kill('SIGINT');
    expect(await w.exit).toBe(0);
  });

  it('reports a port nothing listens on in the pod as the kubelet does and closes the connection', async () => {
    const f = await forward('deploy/web', ':81');
    await expect(get(f.port, '/')).rejects.toThrow(/socket hang up/);
    f.child.kill('SIGINT');
    expect(await f.exit).toBe(0);
    expect(f.stderr()).toMatch(/^E\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ portforward\.go:\d+\] "Unhandled Error" err="an error occurred forwarding \d+ -> 81: error forwarding port 81 to pod [0-9a-f]{64}, uid : failed to execute portforward in network namespace .*IPv4: dial tcp4 127\.0\.0\.1:81: connect: connection refused IPv6 dial tcp6 \[::1\]:81: connect: connection refused "\n$/);
  });

  it('gives up with kubectl\'s errors when the local port is taken', async () => {
    const busy: Server = await new Promise((resolve) => {
      const s = createServer();
      s.listen({ host: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    const port = (busy.address() as { port: number }).port;
    const busy6: Server | undefined = await new Promise((resolve) => {
      const s = createServer();
      s.once('error', () => resolve(undefined));
      s.listen({ host: '::1', port, ipv6Only: true }, () => resolve(s));
    });
    try {
      const r = k('port-forward', 'deploy/web', `${port}:80`);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`Unable to listen on port ${port}: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:${port}: bind: address already in use unable to create listener: Error listen tcp6 [::1]:${port}: bind: `);
      expect(r.stderr.endsWith(`error: unable to listen on any of the requested ports: [{${port} 80}]\n`)).toBe(true);
    } finally {
      busy.close();
      busy6?.close();
    }
  });

  it('ends with "lost connection to pod" when the pod goes away', async () => {
    expect(k('run', 'shortlived', '--image=nginx').code).toBe(0);
    const f = await forward('shortlived', ':80');
    expect(k('delete', 'pod', 'shortlived').code).toBe(0);
    expect(await f.exit).toBe(1);
    expect(f.stderr()).toBe('error: lost connection to pod\n');
  });

  it('refuses pods that are not running, unknown names and bad ports before listening', () => {
    expect(k('run', 'stuck', '--image=nginx', '--overrides={"spec":{"nodeSelector":{"disk":"ssd"}}}').code).toBe(0);
    expect(k('port-forward', 'stuck', '8080:80')).toMatchObject({ code: 1, stdout: '', stderr: 'error: unable to forward port because pod is not running. Current status=Pending\n' });
    expect(k('port-forward', 'pod/nope', '80')).toMatchObject({ code: 1, stderr: 'Error from server (NotFound): pods "nope" not found\n' });
    expect(k('port-forward', 'deploy/web', '8080:http')).toMatchObject({ code: 1, stderr: expect.stringMatching(/^error: Pod 'web-[a-z0-9]+-[a-z0-9]{5}' does not have a named port 'http'\n$/) });
    expect(k('port-forward', 'svc/web', '9999')).toMatchObject({ code: 1, stderr: 'error: Service web does not have a service port 9999\n' });
    expect(k('port-forward', 'svc/web', 'https')).toMatchObject({ code: 1, stderr: "error: Service 'web' does not have a named port 'https'\n" });
    expect(k('port-forward', 'deploy/web', '8080:99999')).toMatchObject({ code: 1, stderr: `error: error parsing remote port '99999': strconv.ParseUint: parsing "99999": value out of range\n` });
    expect(k('port-forward', 'deploy/web')).toMatchObject({ code: 1, stderr: "error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n" });
  });
});

describe('kubectl port-forward to a TLS port', () => {
  const { dir, cleanup } = tempStateDir();
  const children: ChildProcess[] = [];
  const k = (args: string[], stdin?: string) => runCli(args, { stateDir: dir, stdin, cwd: join(ROOT, 'specs', 'docs') });
  const fixture = (f: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'tls', f), 'utf8');

  beforeAll(() => {
    const certDir = mkdtempSync(join(tmpdir(), 'kubesim-pf-tls-'));
    writeFileSync(join(certDir, 'tls.crt'), fixture('self-signed.crt'));
    writeFileSync(join(certDir, 'tls.key'), fixture('self-signed.key'));
    expect(k(['create', 'secret', 'tls', 'nginxsecret', `--cert=${join(certDir, 'tls.crt')}`, `--key=${join(certDir, 'tls.key')}`]).code).toBe(0);
    rmSync(certDir, { recursive: true, force: true });
    expect(k(['create', 'configmap', 'nginxconfigmap', '--from-file=default.conf']).code).toBe(0);
    expect(k(['create', '-f', './nginx-secure-app.yaml']).code).toBe(0);
  });
  afterAll(() => {
    for (const c of children) c.kill('SIGKILL');
    cleanup();
  });

  function httpsGet(port: number, ca?: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = httpsRequest({ host: '127.0.0.1', port, path: '/', servername: 'my-nginx', ca, agent: false, rejectUnauthorized: ca !== undefined }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it("makes a real TLS handshake with the pod's mounted certificate, and answers plain HTTP as nginx does", async () => {
    const f = await startForward(dir, ['deploy/my-nginx', ':443']);
    children.push(f.child);
    const trusted = await httpsGet(f.port, fixture('self-signed.crt'));
    expect(trusted.status).toBe(200);
    expect(trusted.body).toContain('<title>Welcome to nginx!</title>');
    await expect(
      new Promise((resolve, reject) => {
        const req = httpsRequest({ host: '127.0.0.1', port: f.port, path: '/', servername: 'my-nginx', agent: false }, resolve);
        req.on('error', reject);
        req.end();
      }),
    ).rejects.toThrow(/self[- ]signed certificate/);
    const plain = await get(f.port, '/');
    expect(plain.status).toBe(400);
    expect(plain.body).toContain('The plain HTTP request was sent to HTTPS port');
    f.child.kill('SIGINT');
    expect(await f.exit).toBe(0);
    const logs = k(['logs', 'deploy/my-nginx']).stdout;
    expect(logs).toContain('127.0.0.1 - - [01/Jan/2025:00:00:00 +0000] "GET / HTTP/1.1" 200 612 "-" "-" "-"');
  });
});
