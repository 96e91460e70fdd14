import { createServer } from 'node:net';

/** Whether 127.0.0.1:port can be bound right now. */
function free(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen({ host: '127.0.0.1', port, exclusive: true }, () => s.close(() => resolve(true)));
  });
}

/**
 * A --host-port-offset under which every port the walkthrough publishes (its node ports and localhost
 * load-balancer ports) is free, so replays running in parallel with anything else do not collide.
 */
export async function freeOffset(ports: number[]): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const offset = 1000 + Math.floor(Math.random() * 30000);
    if (ports.every((p) => p + offset < 65536) && (await Promise.all(ports.map((p) => free(p + offset)))).every(Boolean)) return offset;
  }
  throw new Error('no free host port offset found');
}
