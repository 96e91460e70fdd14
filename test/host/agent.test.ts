import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, tempStateDir } from '../helpers/cli.js';

/**
 * The host agent: started by kubectl when a service publishes a port, serving 127.0.0.1 through the
 * data plane, following the state, exiting when nothing needs it. Every test shifts host ports with
 * KUBESIM_HOST_PORT_OFFSET onto a port it found free, and stops the agent in the end.
 */

const NODE_PORT = 30010;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen({ host: '127.0.0.1', port: 0 }, () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function get(port: number, path = '/'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false, headers: { Host: `localhost:${port}`, Connection: 'close' } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Looks again (bounded) until `check` holds; the agent follows the state within a second. */
async function eventually<T>(look: () => T, check: (v: T) => boolean, what: string): Promise<T> {
  let v = look();
  for (let i = 0; i < 60 && !check(v); i++) {
    await new Promise((r) => setTimeout(r, 100));
    v = look();
  }
  if (!check(v)) throw new Error(`${what}: last look was ${JSON.stringify(v)}`);
  return v;
}

const WHOAMI_SVC = (name: string, nodePort: number) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  type: NodePort
  selector:
    app: whoami
  ports:
  - port: 8080
    targetPort: 80
    nodePort: ${nodePort}
`;

describe('host agent', () => {
  const dirs: Array<{ dir: string; cleanup: () => void; env: Record<string, string> }> = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) {
      runCli(['agent', 'stop'], { stateDir: d.dir, bin: 'kubesim', env: d.env });
      d.cleanup();
    }
  });

  async function cluster(extra: Record<string, string> = {}) {
    const t = tempStateDir();
    const free = await freePort();
    const env = { KUBESIM_AGENT: 'on', KUBESIM_HOST_PORT_OFFSET: String(free - NODE_PORT), ...extra };
    const d = { ...t, env, hostPort: free };
    dirs.push(d);
    const k = (args: string[], stdin?: string) => runCli(args, { stateDir: t.dir, env, stdin });
    const status = () => runCli(['agent', 'status'], { stateDir: t.dir, bin: 'kubesim', env }).stdout;
    expect(k(['create', 'deployment', 'whoami', '--image=traefik/whoami']).code).toBe(0);
    return { ...d, k, status };
  }

  it('starts with a NodePort service and answers on localhost through the node port, masqueraded', async () => {
    const c = await cluster();
    expect(c.status()).toMatch(/^host agent: not running/);
    const r = c.k(['apply', '-f', '-'], WHOAMI_SVC('whoami', NODE_PORT));
    expect(r).toMatchObject({ code: 0, stdout: 'service/whoami created\n' });
    const listening = await eventually(c.status, (s) => s.includes('listening'), 'agent listening');
    expect(listening).toMatch(new RegExp(`127\\.0\\.0\\.1:${c.hostPort} +default/whoami:8080 \\(node port ${NODE_PORT}\\) +NodePort +listening\\n`));
    const res = await get(c.hostPort);
    expect(res.status).toBe(200);
    expect(res.body).toMatch(/^Hostname: whoami-[a-z0-9]+-[a-z0-9]{5}\n/);
    // Masqueraded by KUBE-EXT: the server sees the node's address (the kind-style default profile's first node).
    expect(res.body).toMatch(/\nRemoteAddr: 172\.18\.0\.2:\d+\n/);
    expect(res.body).toContain(`Host: localhost:${c.hostPort}\r\n`);
  });

  it('follows the state: a new service gets a listener, a deleted one loses it, and with none left the agent exits', async () => {
    const c = await cluster();
    c.k(['apply', '-f', '-'], WHOAMI_SVC('whoami', NODE_PORT));
    await eventually(c.status, (s) => s.includes(`:${c.hostPort} `), 'first listener');
    c.k(['apply', '-f', '-'], WHOAMI_SVC('second', NODE_PORT + 1));
    await eventually(c.status, (s) => s.includes(`:${c.hostPort + 1} `), 'second listener');
    expect((await get(c.hostPort + 1)).status).toBe(200);
    expect(c.k(['delete', 'svc', 'second']).code).toBe(0);
    await eventually(c.status, (s) => !s.includes(`:${c.hostPort + 1} `), 'second listener closed');
    await expect(get(c.hostPort + 1)).rejects.toThrow(/ECONNREFUSED/);
    expect(c.k(['delete', 'svc', 'whoami']).code).toBe(0);
    await eventually(() => existsSync(join(c.dir, 'agent.pid')), (v) => !v, 'agent gone');
    expect(c.status()).toMatch(/^host agent: not running/);
  });

  it('takes over a stale pid file and never starts twice', async () => {
    const c = await cluster();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(join(c.dir, 'agent.pid'), `${dead}\n`);
    c.k(['apply', '-f', '-'], WHOAMI_SVC('whoami', NODE_PORT));
    const s = await eventually(c.status, (v) => v.includes('listening'), 'agent after stale pid');
    const pid = s.match(/pid (\d+)/)![1];
    expect(pid).not.toBe(dead);
    c.k(['scale', 'deployment', 'whoami', '--replicas=2']);
    await new Promise((r) => setTimeout(r, 300));
    expect(c.status().match(/pid (\d+)/)![1]).toBe(pid);
  });

  it('reports a host port that is taken in status and as an event on the service, without failing kubectl', async () => {
    const c = await cluster();
    const busy: Server = await new Promise((resolve) => {
      const s = createServer();
      s.listen({ host: '127.0.0.1', port: c.hostPort }, () => resolve(s));
    });
    try {
      const r = c.k(['apply', '-f', '-'], WHOAMI_SVC('whoami', NODE_PORT));
      expect(r.code).toBe(0);
      const s = await eventually(c.status, (v) => v.includes('conflict'), 'conflict reported');
      expect(s).toMatch(new RegExp(`127\\.0\\.0\\.1:${c.hostPort} +default/whoami:8080 \\(node port ${NODE_PORT}\\) +NodePort +conflict: address already in use\\n`));
      const events = await eventually(() => c.k(['get', 'events', '--field-selector', 'reason=HostPortUnavailable', '-o', 'jsonpath={.items[*].message}']).stdout, (v) => v.length > 0, 'event');
      expect(events).toBe(`kubesim host agent cannot listen on 127.0.0.1:${c.hostPort} for node port ${NODE_PORT}: address already in use`);
    } finally {
      busy.close();
    }
  });

  it('stays off with KUBESIM_AGENT=off, and `agent stop` ends a running one', async () => {
    const c = await cluster({ KUBESIM_AGENT: 'off' });
    c.k(['apply', '-f', '-'], WHOAMI_SVC('whoami', NODE_PORT));
    await new Promise((r) => setTimeout(r, 300));
    expect(c.status()).toMatch(/^host agent: not running/);
    const on = { ...c.env, KUBESIM_AGENT: 'on' };
    runCli(['get', 'svc'], { stateDir: c.dir, env: on });
    runCli(['label', 'svc', 'whoami', 'x=y'], { stateDir: c.dir, env: on });
    await eventually(c.status, (v) => v.includes('listening'), 'agent on');
    const stop = runCli(['agent', 'stop'], { stateDir: c.dir, bin: 'kubesim', env: on });
    expect(stop.stdout).toMatch(/^host agent stopped \(pid \d+\)\n$/);
    expect(c.status()).toMatch(/^host agent: not running/);
    await expect(get(c.hostPort)).rejects.toThrow(/ECONNREFUSED/);
  });
});
