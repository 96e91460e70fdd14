import type { KubeObject } from '../api/types.js';
import type { ContainerRecord, RuntimeEffects, Snapshot } from '../api/snapshot.js';
import type { Profile } from '../api/profiles.js';
import { serveRequest, type HttpRequest, type HttpResponse } from './net/http-apps.js';
import { logLineTime } from './net/server-logs.js';
import { listenersOf, type PortListener } from './net/listeners.js';
import { podView } from './pod-view.js';

export interface PodServerInput {
  snapshot: Snapshot;
  profile: Profile;
  containers: Record<string, ContainerRecord>;
  now: number;
}

interface PodServer {
  container: { name: string; image: string };
  containerID?: string;
  record?: ContainerRecord;
  view: ReturnType<typeof podView>;
  listener: PortListener;
}

/** The container of a pod that listens on `port` (as its own configuration says), with its view. */
function serverOn(input: PodServerInput, pod: KubeObject, port: number): PodServer | undefined {
  for (const c of (pod.spec?.containers ?? []) as Array<{ name: string; image: string }>) {
    const containerID: string | undefined = (pod.status?.containerStatuses ?? []).find((s: { name: string }) => s.name === c.name)?.containerID;
    const record = containerID ? input.containers[containerID] : undefined;
    const view = podView({ snapshot: input.snapshot, profile: input.profile, pod, container: c, record });
    const listener = listenersOf(c.image, view.fs).find((l) => l.port === port);
    if (listener) return { container: c, containerID, record, view, listener };
  }
  return undefined;
}

/** Where `port` of a pod leads: closed, plain TCP, or TLS with the certificate and key the server loaded. */
export function podPortListener(input: PodServerInput, pod: KubeObject, port: number): PortListener | undefined {
  return serverOn(input, pod, port)?.listener;
}

/**
 * What a pod answers to an HTTP request arriving on one of its ports — from the server's own file view
 * and environment, with the lines it logs as effects for the caller to keep (`kubectl logs`).
 * 'closed' when nothing in the pod listens there.
 */
export function answerOnPodPort(input: PodServerInput, pod: KubeObject, port: number, req: HttpRequest): { response: HttpResponse; effects: RuntimeEffects } | 'closed' {
  const s = serverOn(input, pod, port);
  if (!s) return 'closed';
  const served = serveRequest({ image: s.container.image, pod, container: s.container.name, env: s.view.env, fs: s.view.fs, log: s.record?.log ?? [] }, { ...req, port }, input.now);
  const lines = served.log.map((l, i) => ({ time: logLineTime(input.now, i), stream: l.stream, line: l.line }));
  return { response: served.response, effects: { logs: s.containerID && s.record && lines.length ? [{ containerID: s.containerID, lines }] : [] } };
}
