import type { KubeObject } from '../../api/types.js';
import { formatLabelMap } from '../../api/labels.js';
import { age } from '../age.js';
import type { TablePrinter } from './types.js';

function externalIP(svc: KubeObject): string {
  const ext: string[] = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return ext.length ? ext.join(',') : '<none>';
    case 'LoadBalancer': {
      const ingress: Array<{ ip?: string; hostname?: string }> = svc.status?.loadBalancer?.ingress ?? [];
      const lb = [...new Set(ingress.map((i) => i.ip || i.hostname || '').filter(Boolean))].sort();
      const all = [...lb, ...ext];
      return all.length ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return svc.spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

function ports(svc: KubeObject): string {
  const ps: Array<{ port: number; nodePort?: number; protocol?: string }> = svc.spec?.ports ?? [];
  if (ps.length === 0) return '<none>';
  return ps.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',');
}

export const serviceTable: TablePrinter = {
  columns: [
    { header: 'NAME' },
    { header: 'TYPE' },
    { header: 'CLUSTER-IP' },
    { header: 'EXTERNAL-IP' },
    { header: 'PORT(S)' },
    { header: 'AGE' },
    { header: 'SELECTOR', wide: true },
  ],
  row(svc, { now }) {
    const clusterIP = svc.spec?.clusterIPs?.[0] ?? svc.spec?.clusterIP;
    return [
      svc.metadata.name,
      svc.spec?.type ?? 'ClusterIP',
      clusterIP || '<none>',
      externalIP(svc),
      ports(svc),
      age(svc.metadata.creationTimestamp, now),
      formatLabelMap(svc.spec?.selector) || '<none>',
    ];
  },
};
