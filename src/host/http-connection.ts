import type { Socket } from 'node:net';

/** One request as read off a client connection: what the simulated server needs to answer it. */
export interface WireRequest {
  method: string;
  path: string;
  version: string;
  headers: Array<[string, string]>;
  body: Buffer;
}

/** What the simulated server sends back: the status line, headers and body bytes, written as given. */
export interface WireResponse {
  status: number;
  reason: string;
  headers: Array<[string, string]>;
  body: string;
}

const MAX_HEAD = 64 * 1024;

/**
 * Reads HTTP/1.x requests off a socket one after the other (keep-alive) and writes each answer
 * exactly as the simulated server produced it — no headers added or reordered, unlike node:http.
 * A request with `Connection: close` (or HTTP/1.0 without keep-alive) ends the connection after its answer;
 * a malformed request gets a plain 400 and the connection closes.
 */
export function serveHttpConnection(socket: Socket, answer: (req: WireRequest) => Promise<WireResponse | 'close'>): void {
  let buf = Buffer.alloc(0);
  let busy = false;
  let ended = false;
  const pump = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    try {
      for (;;) {
        const parsed = takeRequest(buf);
        if (parsed === 'incomplete') {
          if (buf.length > MAX_HEAD) return badRequest(socket);
          if (ended) socket.end();
          return;
        }
        if (parsed === 'bad') return badRequest(socket);
        buf = buf.subarray(parsed.consumed);
        const res = await answer(parsed.request);
        if (socket.destroyed) return;
        if (res === 'close') {
          socket.destroy();
          return;
        }
        const head = `HTTP/1.1 ${res.status} ${res.reason}\r\n${res.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
        const body = parsed.request.method === 'HEAD' ? '' : res.body;
        socket.write(head + body);
        if (!keepAlive(parsed.request)) {
          socket.end();
          return;
        }
      }
    } finally {
      busy = false;
    }
  };
  socket.on('data', (chunk: Buffer) => {
    buf = Buffer.concat([buf, chunk]);
    void pump();
  });
  socket.on('end', () => {
    ended = true;
    if (!busy && buf.length === 0) socket.end();
    else void pump();
  });
  socket.on('error', () => socket.destroy());
}

function keepAlive(req: WireRequest): boolean {
  const conn = req.headers.find(([k]) => k.toLowerCase() === 'connection')?.[1].toLowerCase() ?? '';
  if (req.version === 'HTTP/1.0') return conn === 'keep-alive';
  return conn !== 'close';
}

function badRequest(socket: Socket): void {
  const body = '400 Bad Request';
  socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n${body}`);
}

/** Parses one request from the front of `buf`. */
export function takeRequest(buf: Buffer): { request: WireRequest; consumed: number } | 'incomplete' | 'bad' {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return 'incomplete';
  const lines = buf.subarray(0, end).toString('latin1').split('\r\n');
  const m = lines[0].match(/^([A-Z]+) (\S+) (HTTP\/1\.[01])$/);
  if (!m) return 'bad';
  const headers: Array<[string, string]> = [];
  for (const line of lines.slice(1)) {
    const i = line.indexOf(':');
    if (i <= 0) return 'bad';
    headers.push([line.slice(0, i), line.slice(i + 1).trim()]);
  }
  const lengthHeader = headers.find(([k]) => k.toLowerCase() === 'content-length')?.[1];
  const length = lengthHeader === undefined ? 0 : Number(lengthHeader);
  if (!Number.isInteger(length) || length < 0) return 'bad';
  if (headers.some(([k, v]) => k.toLowerCase() === 'transfer-encoding' && v.toLowerCase() !== 'identity')) return 'bad';
  const start = end + 4;
  if (buf.length < start + length) return 'incomplete';
  return { request: { method: m[1], path: m[2], version: m[3], headers, body: buf.subarray(start, start + length) }, consumed: start + length };
}
