import { createServer, type Server, type Socket } from 'node:net';
import { closeSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { openSession } from '../cluster/session.js';
import { recordEvent } from '../cluster/record-event.js';
import { keepEffects } from '../cluster/runtime-effects.js';
import { stateDir, statePath } from '../store/file-store.js';
import { hostPortsFor, type HostPort } from '../network/host-ports.js';
import { answerFromHost } from '../runtime/from-host.js';
import { serveHttpConnection } from './http-connection.js';
import { isAlive, pidPath, removeOwnFiles, statusPath, writeAtomically, type AgentStatus } from './agent-files.js';

const LOOK_INTERVAL_MS = 250;
const RETRY_CONFLICTS_MS = 5000;
/** A connection the rules drop (a timeout for the client) is held this long, as a SYN would be retried. */
const DROPPED_HOLD_MS = 130_000;

interface Held {
  claim: HostPort;
  server?: Server;
  error?: string;
}

const key = (c: HostPort) => `${c.namespace}/${c.service}:${c.servicePort}:${c.via}`;

/** Takes the pid file, unless a live agent has it (then another agent serves this state: returns false). */
function claimPidFile(dir: string): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(pidPath(dir), 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return true;
    } catch {
      let pid = NaN;
      try {
        pid = Number(readFileSync(pidPath(dir), 'utf8').trim());
      } catch {
        continue;
      }
      if (isAlive(pid) && pid !== process.pid) return false;
      // A stale pid file from an agent that died: take it over.
      writeAtomically(pidPath(dir), `${process.pid}\n`);
      return true;
    }
  }
  return false;
}

function listen(port: number, onConnection: (s: Socket) => void): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer({ allowHalfOpen: true }, onConnection);
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/**
 * The host agent (`kubesim agent run`, started by kubectl commands that leave a NodePort or localhost
 * LoadBalancer service): listens on 127.0.0.1 for every port the cluster publishes, follows the state
 * file within a second, answers each connection through the same data plane as in-cluster traffic, and
 * exits when nothing needs it any more (or on SIGTERM from `kubesim agent stop`).
 */
export async function runAgent(env: NodeJS.ProcessEnv): Promise<number> {
  const dir = stateDir(env);
  if (!claimPidFile(dir)) return 0;
  const offset = Number(env.KUBESIM_HOST_PORT_OFFSET ?? 0) || 0;
  const held = new Map<number, Held>();
  const sockets = new Set<Socket>();
  const startedAt = new Date().toISOString();
  let stopping = false;
  let lastMtime = -1;
  let lastRetry = 0;
  let lastStatus = '';
  const reported = new Set<string>();

  const writeStatus = () => {
    const status: AgentStatus = {
      pid: process.pid,
      startedAt,
      ports: [...held.entries()].sort(([a], [b]) => a - b).map(([, h]) => ({ ...h.claim, state: h.server ? 'listening' : 'conflict', ...(h.error ? { error: h.error } : {}) })),
    };
    const text = JSON.stringify(status, null, 2) + '\n';
    if (text !== lastStatus) writeAtomically(statusPath(dir), text);
    lastStatus = text;
  };

  const serveConnection = (hostPort: number, socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serveHttpConnection(socket, async (req) => {
      const h = held.get(hostPort);
      if (!h) return 'close';
      const session = await openSession(env);
      try {
        const r = answerFromHost(
          { snapshot: session.store, profile: session.profile, containers: session.state.runtime?.containers ?? {}, now: Date.parse(session.now), random: (n) => session.store.rng.int(n) },
          h.claim,
          { method: req.method, path: req.path, headers: req.headers, clientPort: 32768 + session.store.rng.int(28232) },
        );
        session.store.dirty = true;
        if (r.kind === 'answer') {
          keepEffects(session, r.effects);
          return r.response;
        }
        if (r.kind === 'refused') {
          // The TCP connection is already accepted here, so a REJECT shows as a reset rather than a refusal.
          socket.resetAndDestroy();
          return 'close';
        }
        setTimeout(() => socket.destroy(), DROPPED_HOLD_MS).unref();
        return await new Promise<'close'>((resolve) => socket.once('close', () => resolve('close')));
      } finally {
        await session.commit();
      }
    });
  };

  const sync = async (): Promise<boolean> => {
    let mtime: number;
    try {
      mtime = statSync(statePath(dir)).mtimeMs;
    } catch {
      return false; // the state is gone (cluster deleted): nothing to serve
    }
    const retry = Date.now() - lastRetry > RETRY_CONFLICTS_MS && [...held.values()].some((h) => !h.server);
    if (mtime === lastMtime && !retry) return held.size > 0;
    lastMtime = mtime;
    if (retry) lastRetry = Date.now();
    const session = await openSession(env, { readOnly: true });
    let wanted: HostPort[];
    try {
      wanted = hostPortsFor(session.store, session.profile, offset);
    } finally {
      await session.commit();
    }
    const byPort = new Map<number, HostPort>();
    for (const w of wanted) if (!byPort.has(w.hostPort)) byPort.set(w.hostPort, w);
    for (const [port, h] of held) {
      const w = byPort.get(port);
      if (!w || key(w) !== key(h.claim) || (!h.server && retry)) {
        h.server?.close();
        held.delete(port);
      }
    }
    for (const [port, claim] of byPort) {
      const h = held.get(port);
      if (h) {
        h.claim = claim;
        continue;
      }
      try {
        const server = await listen(port, (s) => serveConnection(port, s));
        held.set(port, { claim, server });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        const error = code === 'EADDRINUSE' ? 'address already in use' : code === 'EACCES' ? 'permission denied' : String((e as Error).message);
        held.set(port, { claim, error });
        if (!reported.has(`${port}/${key(claim)}`)) {
          reported.add(`${port}/${key(claim)}`);
          await reportConflict(claim, error);
        }
      }
    }
    writeStatus();
    return byPort.size > 0;
  };

  /** A port the host will not give is told on the Service, as `kubectl describe svc` shows events. */
  const reportConflict = async (claim: HostPort, error: string) => {
    const session = await openSession(env);
    try {
      const svc = session.store.get('Service', claim.namespace, claim.service);
      if (svc) {
        const what = claim.via === 'NodePort' ? `node port ${claim.nodePort}` : `load balancer port ${claim.servicePort}`;
        recordEvent(session, svc, 'Warning', 'HostPortUnavailable', `kubesim host agent cannot listen on 127.0.0.1:${claim.hostPort} for ${what}: ${error}`, { component: 'kubesim-host-agent' });
      }
      await session.commit();
    } catch {
      session.abort();
    }
  };

  const stop = () => {
    stopping = true;
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('SIGHUP', stop);
  try {
    while (!stopping) {
      let keepGoing: boolean;
      try {
        keepGoing = await sync();
      } catch {
        keepGoing = true; // a state being written or locked right now: look again shortly
      }
      if (!keepGoing) break;
      await new Promise((r) => setTimeout(r, LOOK_INTERVAL_MS));
    }
  } finally {
    for (const h of held.values()) h.server?.close();
    for (const s of sockets) s.destroy();
    removeOwnFiles(dir, process.pid);
  }
  return 0;
}
