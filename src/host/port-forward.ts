import { createServer, type Server, type Socket } from 'node:net';

/** A `[LOCAL:]REMOTE` pair; local 0 = let the system pick (printed once known). */
export interface ForwardedPort {
  local: number;
  remote: number;
}

export interface ListenAddress {
  address: string;
  family: 4 | 6;
  /** `localhost` expands to 127.0.0.1 and ::1 and is fine while one of them binds; an explicit IP must bind. */
  failureMode: 'all' | 'any';
}

export interface Writer {
  write(s: string): void;
}

/**
 * `--address` values as client-go's port forwarder reads them: `localhost` → 127.0.0.1 (tcp4) and ::1
 * (tcp6), an IP → itself; duplicates folded; sorted by address text (so 127.0.0.1 before ::1).
 */
export function parseAddresses(values: string[]): ListenAddress[] | string {
  const parsed = new Map<string, ListenAddress>();
  for (const v of values) {
    if (v === 'localhost') {
      if (!parsed.has('127.0.0.1')) parsed.set('127.0.0.1', { address: '127.0.0.1', family: 4, failureMode: 'all' });
      if (!parsed.has('::1')) parsed.set('::1', { address: '::1', family: 6, failureMode: 'all' });
    } else if (/^\d{1,3}(\.\d{1,3}){3}$/.test(v) && v.split('.').every((o) => Number(o) <= 255)) {
      parsed.set(v, { address: v, family: 4, failureMode: 'any' });
    } else if (v.includes(':') && /^[0-9a-fA-F:.]+$/.test(v)) {
      parsed.set(v, { address: v, family: 6, failureMode: 'any' });
    } else {
      return `${v} is not a valid IP`;
    }
  }
  return [...parsed.values()].sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}

/** `8080`, `8080:80`, `:80` as client-go parses them; an error text for anything else. */
export function parsePorts(specs: string[]): ForwardedPort[] | string {
  const out: ForwardedPort[] = [];
  for (const spec of specs) {
    const parts = spec.split(':');
    if (parts.length > 2) return `invalid port format '${spec}'`;
    const local = parts.length === 1 ? parts[0] : parts[0] === '' ? '0' : parts[0];
    const remote = parts.length === 1 ? parts[0] : parts[1];
    const l = parseUint16(local);
    if (typeof l === 'string') return `error parsing local port '${local}': ${l}`;
    const r = parseUint16(remote);
    if (typeof r === 'string') return `error parsing remote port '${remote}': ${r}`;
    if (r === 0) return 'remote port must be > 0';
    out.push({ local: l, remote: r });
  }
  return out;
}

/** Go's strconv.ParseUint(s, 10, 16) errors, as printed. */
function parseUint16(s: string): number | string {
  if (!/^\d+$/.test(s)) return `strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`;
  const n = Number(s);
  if (n > 65535) return `strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`;
  return n;
}

const hostPort = (address: string, port: number) => (address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`);

/** Go's net.Listen error text for a Node listen error. */
function listenError(family: 4 | 6, address: string, port: number, e: NodeJS.ErrnoException): string {
  const why: Record<string, string> = {
    EADDRINUSE: 'address already in use',
    EACCES: 'permission denied',
    EADDRNOTAVAIL: 'cannot assign requested address',
    EAFNOSUPPORT: 'address family not supported by protocol',
  };
  return `unable to create listener: Error listen tcp${family} ${hostPort(address, port)}: bind: ${why[e.code ?? ''] ?? e.message}`;
}

function listen(address: ListenAddress, port: number, onConnection: (s: Socket) => void): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer({ allowHalfOpen: true }, onConnection);
    server.once('error', reject);
    server.listen({ host: address.address, port, ipv6Only: address.family === 6, exclusive: true }, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

export interface Forwarder {
  ports: ForwardedPort[];
  close(): Promise<void>;
}

/**
 * Opens the listeners the way client-go's port forwarder does: per port, every address; prints
 * `Forwarding from ADDR:PORT -> REMOTE` for each listener, `Unable to listen on port …` for a port that
 * failed, and gives up only when no port could listen (the returned string is kubectl's error).
 * `onConnection` gets each accepted socket with the port it came in on.
 */
export async function openForwarder(
  addresses: ListenAddress[],
  ports: ForwardedPort[],
  out: Writer,
  errOut: Writer,
  onConnection: (socket: Socket, port: ForwardedPort) => void,
): Promise<Forwarder | string> {
  const servers: Server[] = [];
  const sockets = new Set<Socket>();
  const track = (socket: Socket, port: ForwardedPort) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    onConnection(socket, port);
  };
  let anyListening = false;
  for (const port of ports) {
    const errors: string[] = [];
    const fails = { all: 0, any: 0 };
    const wins = { all: 0, any: 0 };
    for (const address of addresses) {
      try {
        const server = await listen(address, port.local, (s) => track(s, port));
        const bound = server.address();
        if (bound && typeof bound === 'object') port.local = bound.port;
        servers.push(server);
        out.write(`Forwarding from ${hostPort(address.address, port.local)} -> ${port.remote}\n`);
        wins[address.failureMode]++;
      } catch (e) {
        errors.push(listenError(address.family, address.address, port.local, e as NodeJS.ErrnoException));
        fails[address.failureMode]++;
      }
    }
    if ((wins.all === 0 && fails.all > 0) || fails.any > 0) {
      errOut.write(`Unable to listen on port ${port.local}: Listeners failed to create with the following errors: [${errors.join(' ')}]\n`);
    } else {
      anyListening = true;
    }
  }
  // Like kubectl on Ctrl-C: open connections are cut, not waited for.
  const close = () => {
    const closed = Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
    for (const s of sockets) s.destroy();
    return closed.then(() => undefined);
  };
  if (!anyListening) {
    await close();
    return `unable to listen on any of the requested ports: [${ports.map((p) => `{${p.local} ${p.remote}}`).join(' ')}]`;
  }
  return { ports, close };
}
