import { fnv32a } from './hash.js';

/**
 * Image references as a container runtime reports them: `nginx` → `docker.io/library/nginx:latest`,
 * with a stable digest per image name (sha256-shaped, derived from the name) and a plausible size.
 */
export function fullImageRef(image: string): string {
  let name = image;
  let tag = '';
  const at = name.indexOf('@');
  if (at >= 0) return qualify(name.slice(0, at)) + name.slice(at);
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  if (colon > slash) {
    tag = name.slice(colon + 1);
    name = name.slice(0, colon);
  }
  return `${qualify(name)}:${tag || 'latest'}`;
}

function qualify(name: string): string {
  const first = name.split('/')[0];
  const hasRegistry = name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasRegistry) return name;
  return name.includes('/') ? `docker.io/${name}` : `docker.io/library/${name}`;
}

/** 64 hex characters derived from a string (not a real digest; stable across runs). */
export function pseudoDigest(s: string): string {
  let out = '';
  for (let i = 0; out.length < 64; i++) out += fnv32a(`${i}:${s}`).toString(16).padStart(8, '0');
  return out.slice(0, 64);
}

/** `docker.io/library/nginx@sha256:…` — the Image ID a runtime reports. */
export function imageID(image: string): string {
  const ref = fullImageRef(image);
  const repo = ref.includes('@') ? ref.slice(0, ref.indexOf('@')) : ref.slice(0, ref.lastIndexOf(':'));
  return `${repo}@sha256:${pseudoDigest(repo)}`;
}

const SIZES: Record<string, number> = {
  'docker.io/library/nginx': 72_195_292,
  'docker.io/library/busybox': 2_167_176,
  'docker.io/library/alpine': 3_653_068,
  'docker.io/sixeyed/whoami': 3_254_917,
  'docker.io/traefik/whoami': 3_410_042,
  'docker.io/kiamol/ch03-sleep': 7_452_117,
  'gcr.io/kuar-demo/kuard-amd64': 11_234_117,
  'docker.io/curlimages/curl': 10_893_554,
};

export function imageSize(image: string): number {
  const ref = fullImageRef(image);
  const repo = ref.includes('@') ? ref.slice(0, ref.indexOf('@')) : ref.slice(0, ref.lastIndexOf(':'));
  return SIZES[repo] ?? 20_000_000 + (fnv32a(repo) % 80_000_000);
}
