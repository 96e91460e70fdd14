import { imageInfo, imageRepo } from '../../api/images.js';
import type { VirtualFs } from '../shell/vfs.js';
import { nginxServers } from './apps/nginx-config.js';

/** A port a container's server listens on; `tls` when it speaks TLS there (its certificate and key as PEM). */
export interface PortListener {
  port: number;
  tls?: { certPem: string; keyPem: string };
}

/** Images that run nginx with the image's nginx.conf (conf.d/*.conf included). */
export const NGINX_IMAGES = new Set(['nginx', 'bprashanth/nginxhttps']);

/**
 * Where a container's server listens, read from its own files where the program reads them: nginx's
 * `listen` directives in /etc/nginx/conf.d (a `listen 443 ssl` with the mounted certificate and key makes
 * 443 a TLS port); other images listen where the image catalogue says. An ssl listen whose certificate
 * cannot be read is left out (nginx would refuse to start).
 */
export function listenersOf(image: string, fs: VirtualFs | undefined): PortListener[] {
  if (fs && NGINX_IMAGES.has(imageRepo(image))) {
    const servers = nginxServers(fs);
    if (servers.length) {
      const out = new Map<number, PortListener>();
      for (const s of servers) {
        for (const l of s.listens) {
          if (out.has(l.port)) continue;
          if (!l.ssl) {
            out.set(l.port, { port: l.port });
            continue;
          }
          const read = (p: string | undefined) => {
            if (!p) return undefined;
            const path = p.startsWith('/') ? p : `/etc/nginx/${p}`;
            return fs.isFile(path) ? fs.readFile(path) : undefined;
          };
          const certPem = read(s.sslCertificate);
          const keyPem = read(s.sslCertificateKey);
          if (certPem && keyPem) out.set(l.port, { port: l.port, tls: { certPem, keyPem } });
        }
      }
      return [...out.values()];
    }
  }
  return imageInfo(image).ports.map((port) => ({ port }));
}
