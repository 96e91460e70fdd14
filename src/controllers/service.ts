import type { ControllerInput, Op } from './types.js';
import { clone } from '../api/types.js';
import { fnv32a } from './hash.js';
import { pseudoDigest } from './images.js';

/**
 * The cloud side of LoadBalancer Services, per profile: `localhost` (Docker Desktop), an IP (GKE-like),
 * an ELB hostname (EKS), or nothing — `<pending>` forever (kind, minikube). A Service that stops being a
 * LoadBalancer loses its ingress.
 */
export function reconcileLoadBalancers({ snapshot, profile }: ControllerInput): Op[] {
  const ops: Op[] = [];
  for (const svc of snapshot.list('Service')) {
    const isLB = svc.spec?.type === 'LoadBalancer';
    const ingress = isLB ? ingressFor(profile.loadBalancer, svc.metadata.uid ?? svc.metadata.name, profile.region) : undefined;
    const want = ingress ? { ingress: [ingress] } : {};
    if (JSON.stringify(svc.status?.loadBalancer ?? {}) === JSON.stringify(want)) continue;
    const u = clone(svc);
    u.status = { ...u.status, loadBalancer: want };
    ops.push({ op: 'update', obj: u });
  }
  return ops;
}

function ingressFor(mode: ControllerInput['profile']['loadBalancer'], key: string, region = 'us-west-2'): object | undefined {
  switch (mode) {
    case 'localhost':
      return { hostname: 'localhost' };
    case 'ip': {
      const h = fnv32a(key);
      return { ip: `34.${120 + (h % 16)}.${(h >>> 8) % 256}.${1 + ((h >>> 16) % 254)}`, ipMode: 'VIP' };
    }
    case 'elb-hostname': {
      const hex = pseudoDigest(key).slice(0, 32);
      const num = String(fnv32a(`elb:${key}`)).padStart(10, '1').slice(0, 10);
      return { hostname: `a${hex.slice(1)}-${num}.${region}.elb.amazonaws.com` };
    }
    case 'pending':
      return undefined;
  }
}
