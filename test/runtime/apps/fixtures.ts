import type { KubeObject } from '../../../src/api/types.js';
import type { HttpRequest, ServerView } from '../../../src/runtime/net/http-apps.js';
import { VirtualFs } from '../../../src/runtime/shell/vfs.js';
import { imageFiles } from '../../../src/runtime/images/image-files.js';

export const NOW = Date.UTC(2025, 0, 1, 0, 0, 0);

export function pod(name: string, ip: string, containers: Array<Record<string, unknown>> = []): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers }, status: { podIP: ip, startTime: '2025-01-01T00:00:00Z' } };
}

export function view(image: string, p: KubeObject, opts: { env?: Record<string, string>; files?: Record<string, string>; log?: ServerView['log'] } = {}): ServerView {
  const base = imageFiles(image);
  return { image, pod: p, container: 'main', env: new Map(Object.entries(opts.env ?? {})), fs: new VirtualFs({ ...base.files, ...(opts.files ?? {}) }, base.dirs), log: opts.log ?? [] };
}

export function get(path: string, extra: Array<[string, string]> = [], method = 'GET', host = 'web'): HttpRequest {
  return { method, path, headers: [['Host', host], ['User-Agent', 'curl/7.79.1'], ['Accept', '*/*'], ...extra], clientIP: '10.244.1.2', clientPort: 40000 };
}
