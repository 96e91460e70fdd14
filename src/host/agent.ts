import { createServer, type Server, type Socket } from 'node:net';
import { closeSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { openSession } from '../cluster/session.js';
import { recordEvent } from '../cluster/record-event.js';
import { keepEffects } from '../cluster/runtime-effects.js';
import { stateDir, statePath } from '../store/file-store.js';
import { hostPortsFor, type HostPort } from '../network/host-ports.js';
import { routeFromHost, type HostRoute } from '../runtime/from-host.js';
import { answerOnPodPort, podPortListener } from '../runtime/pod-port.js';
import type { PortListener } from '../runtime/net/listeners.js';
import type { Session } from '../cluster/session.js';
import { serveTls, startsWithTls } from './tls-server.js';
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

const serverInput = (s: Session) => ({ snapshot: s.store, profile: s.profile, containers: s.state.runtime?.containers ?? {}, now: Date.parse(s.now) });

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

  /**
   * One connection: routed once through the node's rules (as conntrack keeps a connection on one
   * endpoint), wrapped in TLS when the pod's server speaks it there, then each request answered by
   * that pod. REJECT and DROP show as a reset and as a connection held unanswered.
   */
  const serveConnection = async (hostPort: number, socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    const h = held.get(hostPort);
    if (!h) return socket.destroy();
    const session = await openSession(env);
    let route: HostRoute;
    let listener: PortListener | undefined;
    let clientPort = 0;
    try {
      route = routeFromHost({ snapshot: session.store, profile: session.profile, random: (n) => session.store.rng.int(n) }, h.claim);
      clientPort = 32768 + session.store.rng.int(28232);
      session.store.dirty = true;
      if (route.kind === 'pod') {
        const pod = session.store.get('Pod', route.namespace, route.pod);
        if (pod) listener = podPortListener(serverInput(session), pod, route.port);
      }
      await session.commit();
    } catch {
      session.abort();
      return socket.destroy();
    }
    if (route.kind === 'refused') return socket.resetAndDestroy();
    if (route.kind === 'timeout') {
      setTimeout(() => socket.destroy(), DROPPED_HOLD_MS).unref();
      return;
    }
    const to = route;
    const hello = listener?.tls ? await startsWithTls(socket) : false;
    const tls = listener?.tls && hello ? serveTls(socket, listener.tls.certPem, listener.tls.keyPem) : undefined;
    socket.resume();
    serveHttpConnection((tls ?? socket) as Socket, async (req) => {
      const s = await openSession(env);
      try {
        const pod = s.store.get('Pod', to.namespace, to.pod);
        if (!pod || pod.metadata.uid !== to.uid || pod.status?.phase !== 'Running') return 'close';
        const answered = answerOnPodPort(serverInput(s), pod, to.port, { method: req.method, path: req.path, headers: req.headers, clientIP: to.clientIP, clientPort, body: req.body.toString('utf8'), tls: Boolean(tls) });
        if (answered === 'closed') return 'close';
        keepEffects(s, answered.effects);
        return answered.response;
      } finally {
        await s.commit();
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
        const server = await listen(port, (s) => void serveConnection(port, s));
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
