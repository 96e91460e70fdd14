import type { KubeObject } from '../api/types.js';
import type { ContainerRecord } from '../api/snapshot.js';
import { imageInfo } from '../api/images.js';
import { serve, type HttpRequest, type HttpResponse } from './net/http-apps.js';

/** The container of a pod whose server listens on `port`, if any. */
export function containerListeningOn(pod: KubeObject, port: number): { name: string; image: string } | undefined {
  return (pod.spec?.containers ?? []).find((c: { image: string }) => imageInfo(c.image).ports.includes(port));
}

/**
 * What a pod answers to an HTTP request arriving on one of its ports from inside its own network
 * namespace — the way `kubectl port-forward` reaches it (the kubelet dials localhost:PORT in the pod).
 * 'closed' when nothing in the pod listens there.
 */
export function answerOnPodPort(
  pod: KubeObject,
  port: number,
  containers: Record<string, ContainerRecord>,
  req: HttpRequest,
  now: number,
): HttpResponse | 'closed' {
  const c = containerListeningOn(pod, port);
  if (!c) return 'closed';
  const id = (pod.status?.containerStatuses ?? []).find((s: { name: string }) => s.name === c.name)?.containerID;
  const env = new Map((containers[id] ?? { env: [] }).env.map((e) => [e.name, e.value] as [string, string]));
  return serve(c.image, pod, env, req, now);
}
