/**
 * What a container image does when its main process starts, as data: whether the process keeps
 * running, exits (after how long, with which code), what it writes first, and whether it stops on
 * SIGTERM or lets the grace period run out. The kubelet reads this to drive container states; the
 * simulated runtime (shells, HTTP handlers) builds on the same catalogue.
 */

export interface ProcessOutcome {
  /** undefined = runs until stopped. */
  exitsAfterMs?: number;
  exitCode?: number;
  /** Lines the process writes to stdout when it starts (or before exiting). */
  stdout: string[];
  stderr: string[];
}

export interface ImageInfo {
  /** Repository without registry/tag, e.g. `nginx`, `sixeyed/whoami`. */
  repo: string;
  /** Ports the image's server listens on (probe and connection targets). */
  ports: number[];
  /** Stops as soon as it gets SIGTERM; otherwise it uses the whole grace period (e.g. `sleep` as PID 1). */
  stopsOnTerm: boolean;
  /** What the default entrypoint does when started without a command or args override. */
  defaultRun(ctx: StartContext): ProcessOutcome;
}

export interface StartContext {
  podName: string;
  podIP: string;
  env: Record<string, string>;
  /** A stable pseudo-random number for this container start (pids, worker counts). */
  seed: number;
  /** The container keeps stdin open (`stdin: true`, as `kubectl run -i` sets): a shell then waits for input. */
  stdin?: boolean;
  /** The image reference the container runs (set by startProcess). */
  image?: string;
}

/** A shell as PID 1: with stdin open it waits for input, otherwise it reads EOF and exits 0. */
const shell = (c: StartContext): ProcessOutcome => (c.stdin ? runs() : exits(0));

const runs = (stdout: string[] = [], stderr: string[] = []): ProcessOutcome => ({ stdout, stderr });
const exits = (code: number, stdout: string[] = [], stderr: string[] = [], afterMs = 0): ProcessOutcome => ({ exitsAfterMs: afterMs, exitCode: code, stdout, stderr });

/** nginx's docker-entrypoint output on start (stdout lines, then the worker notices on stderr). */
function nginxStart(ctx: StartContext): ProcessOutcome {
  const pid = 1;
  const workers = 8;
  const t = '2025/01/01 00:00:00';
  return runs(
    [
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
      '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
    ],
    [
      `${t} [notice] ${pid}#${pid}: using the "epoll" event method`,
      `${t} [notice] ${pid}#${pid}: nginx/1.27.3`,
      `${t} [notice] ${pid}#${pid}: built by gcc 12.2.0 (Debian 12.2.0-14) `,
      `${t} [notice] ${pid}#${pid}: OS: Linux 6.8.0-1021-azure`,
      `${t} [notice] ${pid}#${pid}: getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
      `${t} [notice] ${pid}#${pid}: start worker processes`,
      ...Array.from({ length: workers }, (_, i) => `${t} [notice] ${pid}#${pid}: start worker process ${29 + i}`),
    ],
  );
}

/** Go's log prefix at container start (the simulated clock starts clusters at 2025-01-01). */
const GO_LOG_TIME = '2025/01/01 00:00:00';

/**
 * kuard's version string: the colour images (`:blue`, `:green`, `:purple`) are builds of v0.10.0,
 * `:v0.9-blue`-style tags name their version; other tags (the book's `:1`, `:2`) are shown as the tag.
 */
export function kuardVersion(image: string): string {
  const name = image.split('@')[0];
  const tag = name.lastIndexOf(':') > name.lastIndexOf('/') ? name.slice(name.lastIndexOf(':') + 1) : 'blue';
  if (/^(blue|green|purple)$/.test(tag)) return `v0.10.0-${tag}`;
  return tag;
}

/** kuard's start-up: Go's log (stderr) with the configuration dumped as indented JSON. */
function kuardStart(ctx: StartContext): ProcessOutcome {
  const t = GO_LOG_TIME;
  const config = ['{', '  "address": ":8080",', '  "debug": false,', '  "debug-sitedata-dir": "./sitedata",', '  "keygen": {', '    "enable": false,', '    "exit-code": 0,', '    "exit-on-complete": false,', '    "memq-queue": "",', '    "memq-server": "",', '    "num-to-gen": 0,', '    "time-to-run": 0', '  },', '  "liveness": {', '    "fail-next": 0', '  },', '  "readiness": {', '    "fail-next": 0', '  },', '  "tls-address": ":8443",', '  "tls-dir": "/tls"', '}'];
  const stars = '*'.repeat(70);
  return runs(
    [],
    [`${t} Starting kuard version: ${kuardVersion(ctx.image ?? '')}`, `${t} ${stars}`, `${t} * WARNING: This server may expose sensitive`, `${t} * and secret information. Be careful.`, `${t} ${stars}`, `${t} Config: `, ...config, `${t} Could not find certificates to serve TLS`, `${t} Serving on HTTP on :8080`],
  );
}

const CATALOGUE: ImageInfo[] = [
  { repo: 'nginx', ports: [80], stopsOnTerm: true, defaultRun: nginxStart },
  // The Kubernetes docs' HTTPS example (2015, FROM nginx of its day): `nginx -g 'daemon off;'` with the
  // mounted default.conf — it prints nothing at start; where it listens comes from that file.
  { repo: 'bprashanth/nginxhttps', ports: [80, 443], stopsOnTerm: true, defaultRun: () => runs() },
  // courselabs' fork prints its start line with fmt.Println (stdout); traefik/whoami uses log.Printf,
  // which writes a date-time prefix to stderr.
  { repo: 'sixeyed/whoami', ports: [80], stopsOnTerm: true, defaultRun: () => runs(['Starting up on port 80']) },
  { repo: 'traefik/whoami', ports: [80], stopsOnTerm: true, defaultRun: (c) => runs([], [`${GO_LOG_TIME} Starting up on port ${c.env.WHOAMI_PORT_NUMBER || '80'}`]) },
  { repo: 'kuar-demo/kuard-amd64', ports: [8080], stopsOnTerm: true, defaultRun: (c) => kuardStart(c) },
  // kiamol/ch03-sleep: `trap : TERM INT; (while true; do sleep 1000; done) & wait` — ignores SIGTERM.
  { repo: 'kiamol/ch03-sleep', ports: [], stopsOnTerm: false, defaultRun: () => runs() },
  // Shell images: `sh` with no terminal attached reads an empty stdin and exits at once.
  { repo: 'busybox', ports: [], stopsOnTerm: false, defaultRun: (c) => shell(c) },
  { repo: 'alpine', ports: [], stopsOnTerm: false, defaultRun: (c) => shell(c) },
  { repo: 'radial/busyboxplus', ports: [], stopsOnTerm: false, defaultRun: (c) => shell(c) },
  { repo: 'curlimages/curl', ports: [], stopsOnTerm: true, defaultRun: () => exits(2, [], ["curl: try 'curl --help' or 'curl --manual' for more information"]) },
  { repo: 'coredns/coredns', ports: [53, 8080, 8181, 9153], stopsOnTerm: true, defaultRun: () => runs(['.:53', '[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908', 'CoreDNS-1.11.3', 'linux/amd64, go1.21.11, a6338e9']) },
];

/** `docker.io/library/nginx:1.25` → `nginx`; `gcr.io/kuar-demo/kuard-amd64:blue` → `kuar-demo/kuard-amd64`. */
export function imageRepo(image: string): string {
  let name = image.split('@')[0];
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  if (colon > slash) name = name.slice(0, colon);
  const parts = name.split('/');
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')) parts.shift();
  if (parts[0] === 'library') parts.shift();
  return parts.join('/');
}

/** The catalogue entry for an image; unknown images behave like a server that keeps running. */
export function imageInfo(image: string): ImageInfo {
  const repo = imageRepo(image);
  return CATALOGUE.find((c) => c.repo === repo) ?? { repo, ports: [], stopsOnTerm: true, defaultRun: () => runs() };
}

/**
 * What the container's main process does, given the pod's command/args overrides. Until the shell
 * interpreter runs commands for real, common idioms are recognised: `sleep N` / `sleep infinity`,
 * `sh -c "…"` loops, `echo`, `true`, `false`, `exit N`, `tail -f /dev/null`.
 */
export function startProcess(image: string, command: string[] | undefined, args: string[] | undefined, ctx: StartContext): ProcessOutcome {
  const argv = [...(command ?? []), ...(args ?? [])];
  if (argv.length === 0) return imageInfo(image).defaultRun({ ...ctx, image });
  if (isShell(argv)) return interpret(argv.slice(argv.indexOf('-c') + 1).join(' '), ctx);
  const program = argv[0].slice(argv[0].lastIndexOf('/') + 1);
  if (SHELLS.includes(program) || UTILITIES.includes(program)) return interpret(argv.join(' '), ctx);
  // Anything else is the image's own server started with other flags (`nginx -g 'daemon off;'`,
  // `/app/whoami -port 8080`, `kube-apiserver …`): it behaves like the default entrypoint.
  return imageInfo(image).defaultRun({ ...ctx, image });
}

const SHELLS = ['sh', 'ash', 'bash'];
/** Short-lived tools a container may be started with directly. */
const UTILITIES = ['sleep', 'echo', 'true', 'false', 'exit', 'printenv', 'env', 'date', 'hostname', 'cat', 'ls', 'nslookup', 'wget', 'curl', 'ping'];

function isShell(argv: string[]): boolean {
  return /(^|\/)(sh|ash|bash)$/.test(argv[0]) && argv.includes('-c');
}

function interpret(script: string, ctx: StartContext): ProcessOutcome {
  const s = script.trim();
  // A bare shell reads an empty stdin and exits; loops and endless sleeps keep running.
  if (/^(\/bin\/)?(sh|ash|bash)(\s+-[a-z]+)*$/.test(s)) return shell(ctx);
  if (/while\s+true|sleep\s+(infinity|inf)\b|tail\s+-f\s+\/dev\/null/.test(s)) return runs();
  const out: string[] = [];
  let elapsed = 0;
  for (const raw of s.split(/;|&&/)) {
    const part = raw.trim();
    let m: RegExpMatchArray | null;
    if ((m = part.match(/^sleep\s+(\d+(?:\.\d+)?)([smh]?)$/))) elapsed += Number(m[1]) * ({ '': 1, s: 1, m: 60, h: 3600 } as Record<string, number>)[m[2]] * 1000;
    else if ((m = part.match(/^echo\s+(.*)$/))) out.push(expand(m[1].replace(/^["']|["']$/g, ''), ctx));
    else if ((m = part.match(/^exit\s+(\d+)$/))) return exits(Number(m[1]), out, [], elapsed);
    else if (part === 'false') return exits(1, out, [], elapsed);
  }
  return exits(0, out, [], elapsed);
}

function expand(text: string, ctx: StartContext): string {
  return text.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, n: string) => ctx.env[n] ?? '');
}
