/**
 * curl's command line: short options combine (`-sSf`, `-vk`), a short option that takes a value uses the
 * rest of its word or the next word (`-o/tmp/x`, `-so x`), long options take the next word or `=VALUE`.
 */
export interface CurlOptions {
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  include: boolean;
  head: boolean;
  fail: boolean;
  location: boolean;
  insecure: boolean;
  output?: string;
  maxTime?: number;
  connectTimeout?: number;
  method?: string;
  headers: Array<[string, string]>;
  data: string[];
  /** How the data words were given: -d / --data-raw (newlines stripped from @files) or --data-binary. */
  dataKinds: Array<'ascii' | 'raw' | 'binary'>;
  writeOut?: string;
  userAgent?: string;
  url?: string;
  /** --cacert: the CA bundle to verify the server with (a path in the container). */
  cacert?: string;
}

export type ParsedArgs = { ok: true; opts: CurlOptions } | { ok: false; message: string };

const SHORT_FLAGS: Record<string, keyof CurlOptions> = {
  s: 'silent',
  S: 'showError',
  v: 'verbose',
  i: 'include',
  I: 'head',
  f: 'fail',
  L: 'location',
  k: 'insecure',
};
/** Short options that take a value; letters curl knows but the simulator ignores sit in IGNORED_* below. */
const SHORT_VALUE = new Set(['o', 'm', 'X', 'H', 'd', 'w', 'A', 'u', 'e', 'x', 'C', 'r', 'b', 'c', 'D', 'F', 'E', 'T', 'U', 'K', 'Y', 'y', 'z', 'Q', 'P', 't']);
const IGNORED_SHORT = new Set(['4', '6', 'N', 'q', 'l', 'n', 'R', 'g', 'G', 'j', 'J', 'O', 'p', 'B', 'Z', '0', '1', '2', '3', '#', 'a']);

const LONG_FLAGS: Record<string, keyof CurlOptions> = {
  silent: 'silent',
  'show-error': 'showError',
  verbose: 'verbose',
  include: 'include',
  head: 'head',
  fail: 'fail',
  location: 'location',
  insecure: 'insecure',
};
const LONG_VALUE = new Set(['output', 'max-time', 'connect-timeout', 'request', 'header', 'data', 'data-raw', 'data-binary', 'data-ascii', 'write-out', 'user-agent', 'url', 'cacert', 'capath', 'cert', 'key', 'resolve', 'retry', 'user', 'referer', 'proxy', 'interface', 'dns-servers']);
const IGNORED_LONG = new Set(['compressed', 'http1.1', 'http2', 'no-keepalive', 'ipv4', 'ipv6', 'no-progress-meter', 'progress-bar', 'fail-with-body', 'tcp-nodelay', 'no-buffer', 'raw', 'globoff', 'path-as-is', 'ssl-no-revoke']);

function fresh(): CurlOptions {
  return { silent: false, showError: false, verbose: false, include: false, head: false, fail: false, location: false, insecure: false, headers: [], data: [], dataKinds: [] };
}

function applyValue(o: CurlOptions, name: string, v: string): string | undefined {
  switch (name) {
    case 'o':
    case 'output':
      o.output = v;
      return;
    case 'm':
    case 'max-time':
    case 'connect-timeout': {
      const n = Number(v);
      if (!/^\d*\.?\d+$/.test(v) || !Number.isFinite(n)) return `option ${name.length === 1 ? '-' : '--'}${name}: expected a proper numerical parameter`;
      if (name === 'connect-timeout') o.connectTimeout = n;
      else o.maxTime = n;
      return;
    }
    case 'X':
    case 'request':
      o.method = v;
      return;
    case 'H':
    case 'header': {
      const i = v.indexOf(':');
      const semi = v.indexOf(';');
      if (i < 0 && semi > 0) o.headers.push([v.slice(0, semi).trim(), '']);
      else if (i > 0) o.headers.push([v.slice(0, i).trim(), v.slice(i + 1).trim()]);
      return;
    }
    case 'd':
    case 'data':
    case 'data-ascii':
      o.data.push(v);
      o.dataKinds.push('ascii');
      return;
    case 'data-raw':
      o.data.push(v);
      o.dataKinds.push('raw');
      return;
    case 'data-binary':
      o.data.push(v);
      o.dataKinds.push('binary');
      return;
    case 'w':
    case 'write-out':
      o.writeOut = v;
      return;
    case 'A':
    case 'user-agent':
      o.userAgent = v;
      return;
    case 'url':
      o.url = v;
      return;
    case 'cacert':
      o.cacert = v;
      return;
  }
  return undefined;
}

export function parseCurlArgs(args: string[]): ParsedArgs {
  const o = fresh();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      let name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      let negate = false;
      if (name.startsWith('no-') && LONG_FLAGS[name.slice(3)]) {
        negate = true;
        name = name.slice(3);
      }
      if (LONG_FLAGS[name]) {
        (o as unknown as Record<string, boolean>)[LONG_FLAGS[name]] = !negate;
        continue;
      }
      if (IGNORED_LONG.has(name)) continue;
      if (LONG_VALUE.has(name)) {
        const v = eq > 0 ? a.slice(eq + 1) : args[++i];
        if (v === undefined) return { ok: false, message: `option --${name}: requires parameter` };
        const err = applyValue(o, name, v);
        if (err) return { ok: false, message: err };
        continue;
      }
      return { ok: false, message: `option --${name}: is unknown` };
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const c = a[k];
        if (SHORT_FLAGS[c]) (o as unknown as Record<string, boolean>)[SHORT_FLAGS[c]] = true;
        else if (SHORT_VALUE.has(c)) {
          const v = k + 1 < a.length ? a.slice(k + 1) : args[++i];
          if (v === undefined) return { ok: false, message: `option -${c}: requires parameter` };
          const err = applyValue(o, c, v);
          if (err) return { ok: false, message: err };
          break;
        } else if (IGNORED_SHORT.has(c)) continue;
        else return { ok: false, message: `option -${c}: is unknown` };
      }
      continue;
    }
    o.url = a;
  }
  return { ok: true, opts: o };
}
