import type { KubeObject } from '../api/types.js';
import type { ContainerRecord, RuntimeEffects, Snapshot } from '../api/snapshot.js';
import type { Profile } from '../api/profiles.js';
import { imageInfo } from '../api/images.js';
import { serveRequest, type HttpRequest, type HttpResponse } from './net/http-apps.js';
import { logLineTime } from './net/server-logs.js';
import { podView } from './pod-view.js';

/** The container of a pod whose server listens on `port`, if any. */
export function containerListeningOn(pod: KubeObject, port: number): { name: string; image: string } | undefined {
  return (pod.spec?.containers ?? []).find((c: { image: string }) => imageInfo(c.image).ports.includes(port));
}

export interface PodServerInput {
  snapshot: Snapshot;
  profile: Profile;
  containers: Record<string, ContainerRecord>;
  now: number;
}

/**
 * What a pod answers to an HTTP request arriving on one of its ports — from the server's own file view
 * and environment, with the lines it logs as effects for the caller to keep (`kubectl logs`).
 * 'closed' when nothing in the pod listens there.
 */
export function answerOnPodPort(input: PodServerInput, pod: KubeObject, port: number, req: HttpRequest): { response: HttpResponse; effects: RuntimeEffects } | 'closed' {
  const c = containerListeningOn(pod, port);
  if (!c) return 'closed';
  const id: string | undefined = (pod.status?.containerStatuses ?? []).find((s: { name: string }) => s.name === c.name)?.containerID;
  const record = id ? input.containers[id] : undefined;
  const view = podView({ snapshot: input.snapshot, profile: input.profile, pod, container: c, record });
  const served = serveRequest({ image: c.image, pod, container: c.name, env: view.env, fs: view.fs, log: record?.log ?? [] }, req, input.now);
  const lines = served.log.map((l, i) => ({ time: logLineTime(input.now, i), stream: l.stream, line: l.line }));
  return { response: served.response, effects: { logs: id && record && lines.length ? [{ containerID: id, lines }] : [] } };
}
