import type { VirtualFs } from '../../shell/vfs.js';

/** One `listen` of a server block: its port and whether it speaks TLS. */
export interface NginxListen {
  port: number;
  ssl: boolean;
  defaultServer: boolean;
}

/** What kubesim reads from an nginx `server { … }` block. */
export interface NginxServer {
  listens: NginxListen[];
  serverNames: string[];
  root: string;
  index: string[];
  sslCertificate?: string;
  sslCertificateKey?: string;
}

interface Directive {
  name: string;
  args: string[];
  block?: Directive[];
}

/** nginx's configuration syntax: `name args…;` and `name args… { … }`, `#` comments, quoted strings. */
export function parseNginxConf(text: string): Directive[] {
  const tokens: string[] = [];
  const re = /#[^\n]*|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([{};])|([^\s{};"'#]+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].startsWith('#')) continue;
    tokens.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  }
  let i = 0;
  const block = (): Directive[] => {
    const out: Directive[] = [];
    while (i < tokens.length && tokens[i] !== '}') {
      const name = tokens[i++];
      const args: string[] = [];
      while (i < tokens.length && tokens[i] !== ';' && tokens[i] !== '{' && tokens[i] !== '}') args.push(tokens[i++]);
      if (tokens[i] === '{') {
        i++;
        out.push({ name, args, block: block() });
        i++;
      } else {
        if (tokens[i] === ';') i++;
        out.push({ name, args });
      }
    }
    return out;
  };
  return block();
}

function listenOf(args: string[]): NginxListen | undefined {
  const addr = args[0] ?? '80';
  const m = addr.match(/(?:^|:|\])(\d+)$/) ?? (/^\d+$/.test(addr) ? [addr, addr] : null);
  const port = m ? Number(m[1]) : 80;
  return { port, ssl: args.includes('ssl'), defaultServer: args.includes('default_server') || args.includes('default') };
}

/**
 * The server blocks nginx loads from /etc/nginx/conf.d/*.conf (the image's nginx.conf includes them
 * inside `http { }`), in file name order. Without any, the image's stock default.conf is what the caller
 * uses; a server without `listen` listens on 80 as nginx does when run as root.
 */
export function nginxServers(fs: VirtualFs): NginxServer[] {
  const dir = '/etc/nginx/conf.d';
  if (!fs.isDir(dir)) return [];
  const files = fs
    .list(dir)
    .filter((n) => n.endsWith('.conf'))
    .sort();
  const servers: NginxServer[] = [];
  for (const f of files) {
    let text: string;
    try {
      text = fs.readFile(`${dir}/${f}`);
    } catch {
      continue;
    }
    for (const d of parseNginxConf(text)) {
      if (d.name !== 'server' || !d.block) continue;
      const get = (n: string) => d.block!.filter((x) => x.name === n);
      const listens = get('listen').map((l) => listenOf(l.args)).filter((l): l is NginxListen => Boolean(l));
      servers.push({
        listens: listens.length ? listens : [{ port: 80, ssl: false, defaultServer: false }],
        serverNames: get('server_name').flatMap((x) => x.args),
        root: get('root')[0]?.args[0] ?? '/usr/share/nginx/html',
        index: get('index')[0]?.args ?? ['index.html'],
        sslCertificate: get('ssl_certificate')[0]?.args[0],
        sslCertificateKey: get('ssl_certificate_key')[0]?.args[0],
      });
    }
  }
  return servers;
}

/** The server block answering on `port` (the default_server, else the first listening there). */
export function serverForPort(servers: NginxServer[], port: number): NginxServer | undefined {
  const on = servers.filter((s) => s.listens.some((l) => l.port === port));
  return on.find((s) => s.listens.some((l) => l.port === port && l.defaultServer)) ?? on[0];
}
