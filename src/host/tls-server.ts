import type { Socket } from 'node:net';
import { createSecureContext, TLSSocket } from 'node:tls';

/**
 * Speaks TLS as the server on an accepted connection, with the certificate and key the simulated server
 * loaded (nginx's ssl_certificate from the pod's mounted secret): the real handshake is made by Node's
 * tls, so a host client verifies the pod's own certificate. undefined when the PEM pair is unusable.
 */
export function serveTls(socket: Socket, certPem: string, keyPem: string): TLSSocket | undefined {
  let secureContext;
  try {
    secureContext = createSecureContext({ cert: certPem, key: keyPem });
  } catch {
    return undefined;
  }
  const tls = new TLSSocket(socket, { isServer: true, secureContext });
  // A client that rejects the certificate aborts the handshake: nothing to report on kubectl's side.
  tls.on('error', () => tls.destroy());
  return tls;
}

/**
 * Whether the client opened with a TLS handshake (a ClientHello record starts with byte 0x16). The bytes
 * read stay in the socket for whoever reads next. nginx answers plain HTTP on an ssl port itself (400),
 * so a forwarded TLS port must serve both.
 */
export function startsWithTls(socket: Socket): Promise<boolean> {
  return new Promise((resolve) => {
    const onData = (chunk: Buffer) => {
      socket.pause();
      socket.off('end', onEnd);
      socket.unshift(chunk);
      resolve(chunk.length > 0 && chunk[0] === 0x16);
    };
    const onEnd = () => {
      socket.off('data', onData);
      resolve(false);
    };
    socket.once('data', onData);
    socket.once('end', onEnd);
  });
}
