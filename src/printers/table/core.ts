import type { KubeObject } from '../../api/types.js';
import { formatLabelSelector } from '../../api/labels.js';
import { age } from '../age.js';
import type { TablePrinter } from './types.js';

const name = (o: KubeObject) => o.metadata.name;

function nodeRoles(node: KubeObject): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) roles.add(k.slice('node-role.kubernetes.io/'.length));
    else if (k === 'kubernetes.io/role') roles.add(v);
  }
  return roles.size ? [...roles].sort().join(',') : '<none>';
}

function nodeStatus(node: KubeObject): string {
  const ready = (node.status?.conditions ?? []).find((c: { type: string }) => c.type === 'Ready');
  let s = !ready ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady';
  if (node.spec?.unschedulable) s += ',SchedulingDisabled';
  return s;
}

const address = (node: KubeObject, type: string) =>
  (node.status?.addresses ?? []).find((a: { type: string }) => a.type === type)?.address ?? '<none>';

export const nodeTable: TablePrinter = {
  columns: [
    { header: 'NAME' },
    { header: 'STATUS' },
    { header: 'ROLES' },
    { header: 'AGE' },
    { header: 'VERSION' },
    { header: 'INTERNAL-IP', wide: true },
    { header: 'EXTERNAL-IP', wide: true },
    { header: 'OS-IMAGE', wide: true },
    { header: 'KERNEL-VERSION', wide: true },
    { header: 'CONTAINER-RUNTIME', wide: true },
  ],
  row: (n, { now }) => [
    name(n),
    nodeStatus(n),
    nodeRoles(n),
    age(n.metadata.creationTimestamp, now),
    n.status?.nodeInfo?.kubeletVersion ?? '',
    address(n, 'InternalIP'),
    address(n, 'ExternalIP'),
    n.status?.nodeInfo?.osImage || '<unknown>',
    n.status?.nodeInfo?.kernelVersion || '<unknown>',
    n.status?.nodeInfo?.containerRuntimeVersion || '<unknown>',
  ],
};

export const namespaceTable: TablePrinter = {
  columns: [{ header: 'NAME' }, { header: 'STATUS' }, { header: 'AGE' }],
  row: (ns, { now }) => [name(ns), ns.status?.phase ?? '', age(ns.metadata.creationTimestamp, now)],
};

export const secretTable: TablePrinter = {
  columns: [{ header: 'NAME' }, { header: 'TYPE' }, { header: 'DATA' }, { header: 'AGE' }],
  row: (s, { now }) => [name(s), s.type ?? 'Opaque', String(Object.keys(s.data ?? {}).length), age(s.metadata.creationTimestamp, now)],
};

export const configMapTable: TablePrinter = {
  columns: [{ header: 'NAME' }, { header: 'DATA' }, { header: 'AGE' }],
  row: (c, { now }) => [name(c), String(Object.keys(c.data ?? {}).length + Object.keys(c.binaryData ?? {}).length), age(c.metadata.creationTimestamp, now)],
};

export const serviceAccountTable: TablePrinter = {
  columns: [{ header: 'NAME' }, { header: 'SECRETS' }, { header: 'AGE' }],
  row: (sa, { now }) => [name(sa), String((sa.secrets ?? []).length), age(sa.metadata.creationTimestamp, now)],
};

/** `+ N more...` after the first three items, as kubectl's endpoint formatters do. */
export function firstThree(items: string[]): string {
  if (items.length <= 3) return items.join(',');
  return `${items.slice(0, 3).join(',')} + ${items.length - 3} more...`;
}

/** The ENDPOINTS cell of `get ep` (ready addresses × ports, subset by subset). */
export function formatEndpoints(ep: KubeObject): string {
  const subsets: Array<{ addresses?: Array<{ ip: string }>; ports?: Array<{ port: number }> }> = ep.subsets ?? [];
  const items: string[] = [];
  for (const s of subsets) {
    const host = (ip: string) => (ip.includes(':') ? `[${ip}]` : ip);
    if (!s.ports?.length) for (const a of s.addresses ?? []) items.push(a.ip);
    for (const p of s.ports ?? []) for (const a of s.addresses ?? []) items.push(`${host(a.ip)}:${p.port}`);
  }
  return items.length ? firstThree(items) : '<none>';
}

export const endpointsTable: TablePrinter = {
  columns: [{ header: 'NAME' }, { header: 'ENDPOINTS' }, { header: 'AGE' }],
  row: (ep, { now }) => [name(ep), formatEndpoints(ep), age(ep.metadata.creationTimestamp, now)],
};

export const endpointSliceTable: TablePrinter = {
  columns: [{ header: 'NAME' }, { header: 'ADDRESSTYPE' }, { header: 'PORTS' }, { header: 'ENDPOINTS' }, { header: 'AGE' }],
  row: (s, { now }) => {
    const ports: Array<{ port?: number; name?: string }> = s.ports ?? [];
    const portCell = ports.length ? firstThree(ports.map((p) => (p.port !== undefined ? String(p.port) : p.name || '*'))) : '<unset>';
    const addrs = (s.endpoints ?? []).flatMap((e: { addresses: string[] }) => e.addresses);
    return [name(s), s.addressType ?? '', portCell, addrs.length ? firstThree(addrs) : '<unset>', age(s.metadata.creationTimestamp, now)];
  },
};

export const eventTable: TablePrinter = {
  columns: [
    { header: 'LAST SEEN' },
    { header: 'TYPE' },
    { header: 'REASON' },
    { header: 'OBJECT' },
    { header: 'SUBOBJECT', wide: true },
    { header: 'SOURCE', wide: true },
    { header: 'MESSAGE' },
    { header: 'FIRST SEEN', wide: true },
    { header: 'COUNT', wide: true },
    { header: 'NAME', wide: true },
  ],
  row: (e, { now }) => {
    const last = e.series?.lastObservedTime ?? e.lastTimestamp ?? e.firstTimestamp ?? e.eventTime;
    const first = e.firstTimestamp ?? e.eventTime;
    const src = e.source?.component ? (e.source.host ? `${e.source.component}, ${e.source.host}` : e.source.component) : (e.reportingComponent ?? '');
    return [
      age(last, now),
      e.type ?? '',
      e.reason ?? '',
      `${String(e.involvedObject?.kind ?? '').toLowerCase()}/${e.involvedObject?.name ?? ''}`,
      e.involvedObject?.fieldPath ?? '',
      src,
      String(e.message ?? '').trim(),
      age(first, now),
      String(e.series?.count ?? e.count ?? 1),
      e.metadata.name,
    ];
  },
};

export const networkPolicyTable: TablePrinter = {
  columns: [{ header: 'NAME' }, { header: 'POD-SELECTOR' }, { header: 'AGE' }],
  row: (np, { now }) => [name(np), formatLabelSelector(np.spec?.podSelector) || '<none>', age(np.metadata.creationTimestamp, now)],
};

export const ingressTable: TablePrinter = {
  columns: [{ header: 'NAME' }, { header: 'CLASS' }, { header: 'HOSTS' }, { header: 'ADDRESS' }, { header: 'PORTS' }, { header: 'AGE' }],
  row: (ing, { now }) => {
    const rules: Array<{ host?: string }> = ing.spec?.rules ?? [];
    const hosts = rules.map((r) => r.host || '*');
    const lb: Array<{ ip?: string; hostname?: string }> = ing.status?.loadBalancer?.ingress ?? [];
    const ports = ing.spec?.tls?.length ? '80, 443' : '80';
    return [
      name(ing),
      ing.spec?.ingressClassName ?? '<none>',
      hosts.length ? firstThree(hosts) : '*',
      lb.map((i) => i.ip || i.hostname).join(','),
      ports,
      age(ing.metadata.creationTimestamp, now),
    ];
  },
};

/** Kinds without a printer: NAME and AGE. */
export const genericTable: TablePrinter = {
  columns: [{ header: 'NAME' }, { header: 'AGE' }],
  row: (o, { now }) => [name(o), age(o.metadata.creationTimestamp, now)],
};
