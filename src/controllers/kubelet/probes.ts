import type { KubeObject } from '../../api/types.js';
import { imageInfo } from '../../api/images.js';

interface Probe {
  httpGet?: { path?: string; port: number | string; scheme?: string };
  tcpSocket?: { port: number | string };
  exec?: { command?: string[] };
  initialDelaySeconds?: number;
}

interface Container {
  name: string;
  image: string;
  ports?: Array<{ name?: string; containerPort: number }>;
  readinessProbe?: Probe;
}

export interface Readiness {
  /** Milliseconds after start when the container turns ready (the first successful probe). */
  delayMs: number;
  /** Set when the probe can never succeed: the kubelet's Unhealthy event message. */
  failure?: string;
}

/**
 * When a container becomes ready. Without a readiness probe: at once. With one: after its initial
 * delay, if the probe can succeed — an HTTP or TCP probe on a port the image does not listen on is
 * refused forever (the pod stays 0/1 and out of the endpoints), as is an exec probe of `false`.
 */
export function readiness(pod: KubeObject, c: Container, instant: boolean): Readiness {
  const p = c.readinessProbe;
  if (!p) return { delayMs: 0 };
  const delayMs = instant ? 0 : (p.initialDelaySeconds ?? 0) * 1000;
  const ip = pod.status?.podIP ?? '';
  const target = p.httpGet?.port ?? p.tcpSocket?.port;
  if (target !== undefined) {
    const port = typeof target === 'number' || /^\d+$/.test(target) ? Number(target) : c.ports?.find((x) => x.name === target)?.containerPort;
    const known = imageInfo(c.image).ports;
    if (port === undefined || (known.length > 0 && !known.includes(port))) {
      const p2 = port ?? target;
      const failure = p.httpGet
        ? `Readiness probe failed: Get "${(p.httpGet.scheme ?? 'HTTP').toLowerCase()}://${ip}:${p2}${p.httpGet.path ?? '/'}": dial tcp ${ip}:${p2}: connect: connection refused`
        : `Readiness probe failed: dial tcp ${ip}:${p2}: connect: connection refused`;
      return { delayMs, failure };
    }
    return { delayMs };
  }
  const cmd = (p.exec?.command ?? []).join(' ');
  if (/^(false|exit [1-9]\d*|\/bin\/false)$/.test(cmd) || /(^|\s)(sh|ash|bash)\s+-c\s+["']?exit [1-9]/.test(cmd)) {
    return { delayMs, failure: 'Readiness probe failed: ' };
  }
  return { delayMs };
}
