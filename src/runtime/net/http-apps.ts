import type { KubeObject } from '../../api/types.js';
import { imageRepo } from '../../api/images.js';
import type { VirtualFs } from '../shell/vfs.js';
import { nginx } from './apps/nginx.js';
import { whoamiApp } from './apps/whoami.js';
import { kuard } from './apps/kuard.js';
import { notFound } from './apps/not-found.js';
import type { HttpApp, HttpRequest, HttpResponse, Served, ServerView } from './apps/types.js';

export type { HttpRequest, HttpResponse, Served, ServerView, ServerLogLine } from './apps/types.js';

const APPS: Record<string, HttpApp> = {
  nginx,
  // The Kubernetes docs' HTTPS example image: nginx started with the mounted default.conf.
  'bprashanth/nginxhttps': nginx,
  'sixeyed/whoami': whoamiApp('sixeyed'),
  'traefik/whoami': whoamiApp('traefik'),
  'kuar-demo/kuard-amd64': kuard,
};

/** The handler of the server an image runs. */
export function appFor(image: string): HttpApp {
  return APPS[imageRepo(image)] ?? notFound;
}

/** What the container's server answers and writes to its log while doing so. */
export function serveRequest(view: ServerView, req: HttpRequest, now: number): Served {
  return appFor(view.image)(req, view, now);
}

/** What the container's server answers, by image (files from the image alone unless `fs` is given). */
export function serve(image: string, pod: KubeObject, env: Map<string, string>, req: HttpRequest, now: number, fs?: VirtualFs): HttpResponse {
  return serveRequest({ image, pod, env, fs, log: [] }, req, now).response;
}
