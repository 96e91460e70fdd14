import { imageRepo } from '../api/images.js';

/**
 * Which programs an image ships and which shell it has, by image. kiamol/ch03-sleep is Alpine 3.12:
 * busybox 1.31.1 plus curl and jq; busybox:1.28 has the old nslookup; nginx is Debian (bash, dash as
 * sh, coreutils, no nslookup); whoami images are FROM scratch (nothing to exec).
 */
export interface Toolbox {
  shell?: 'sh' | 'ash' | 'bash';
  /** Programs present (besides shell builtins). */
  programs: string[];
  /** busybox version for nslookup's format and exit codes, when the image's nslookup is busybox's. */
  busybox?: string;
  /** curl's version (User-Agent), when the image has curl. */
  curl?: string;
  /** The C library: name resolution order and strerror() texts differ (musl: Alpine; glibc: Debian). */
  libc: 'musl' | 'glibc';
  /** Image environment variables (PATH first). */
  env: Array<[string, string]>;
}

const BUSYBOX = ['cat', 'grep', 'head', 'tail', 'wc', 'tr', 'sort', 'uniq', 'printenv', 'env', 'hostname', 'ls', 'date', 'sleep', 'mkdir', 'touch', 'rm', 'nslookup', 'wget', 'ping', 'ip', 'ifconfig', 'nc'];
const COREUTILS = ['cat', 'grep', 'head', 'tail', 'wc', 'tr', 'sort', 'uniq', 'printenv', 'env', 'hostname', 'ls', 'date', 'sleep', 'mkdir', 'touch', 'rm'];
const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export function toolboxFor(image: string): Toolbox {
  const repo = imageRepo(image);
  const tag = image.includes(':') && !image.slice(image.lastIndexOf(':')).includes('/') ? image.slice(image.lastIndexOf(':') + 1) : 'latest';
  switch (repo) {
    case 'kiamol/ch03-sleep':
      // FROM alpine:3.12 (musl-utils brings getent) plus `apk add curl jq`.
      return { shell: 'ash', programs: [...BUSYBOX, 'getent', 'curl', 'jq'], busybox: '1.31.1', curl: '7.79.1', libc: 'musl', env: [['PATH', PATH]] };
    case 'busybox':
      // Only busybox applets (uclibc/glibc builds: no getent).
      return { shell: 'sh', programs: [...BUSYBOX], busybox: /^1\.(2\d|1\d)(\.|$)/.test(tag) ? tag : '1.36.1', libc: 'glibc', env: [['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']] };
    case 'radial/busyboxplus':
      // The image's environment sets PS1: its shells prompt `[ root@curl-131556218-9fnch:/ ]$ ` (the
      // Kubernetes docs' session), a literal `$` even for root.
      return { shell: 'sh', programs: [...BUSYBOX, 'curl'], busybox: '1.22.1', curl: '7.49.1-DEV', libc: 'glibc', env: [['PATH', PATH], ['PS1', '[ \\u@\\h:\\w ]$ ']] };
    case 'alpine':
      return { shell: 'ash', programs: [...BUSYBOX, 'getent'], busybox: '1.37.0', libc: 'musl', env: [['PATH', PATH]] };
    case 'nginx':
      // Debian bookworm: coreutils, grep, getent (libc-bin) and curl; no ping, ip, nc, wget or procps.
      return { shell: 'bash', programs: [...COREUTILS, 'getent', 'curl'], curl: '7.88.1', libc: 'glibc', env: [['PATH', PATH], ['NGINX_VERSION', '1.27.3'], ['NJS_VERSION', '0.8.7'], ['NJS_RELEASE', '1~bookworm'], ['PKG_RELEASE', '1~bookworm'], ['DYNPKG_RELEASE', '1~bookworm']] };
    case 'bprashanth/nginxhttps':
      // Debian jessie under nginx 1.9 (2015): bash and coreutils, no curl.
      return { shell: 'bash', programs: [...COREUTILS, 'getent'], libc: 'glibc', env: [['PATH', PATH], ['NGINX_VERSION', '1.9.1-1~jessie']] };
    case 'sixeyed/whoami':
    case 'traefik/whoami':
      return { programs: [], libc: 'glibc', env: [['PATH', PATH]] };
    case 'curlimages/curl':
      return { shell: 'sh', programs: [...BUSYBOX, 'getent', 'curl'], busybox: '1.37.0', curl: '8.11.1', libc: 'musl', env: [['PATH', PATH]] };
    default:
      return { shell: 'sh', programs: [...BUSYBOX], busybox: '1.36.1', libc: 'glibc', env: [['PATH', PATH]] };
  }
}
