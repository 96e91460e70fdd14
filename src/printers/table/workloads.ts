import type { KubeObject } from '../../api/types.js';
import { formatLabelMap, formatLabelSelector } from '../../api/labels.js';
import { age } from '../age.js';
import type { Column, TablePrinter } from './types.js';

const containers = (o: KubeObject) => (o.spec?.template?.spec?.containers ?? []) as Array<{ name: string; image: string }>;
const wideCols: Column[] = [
  { header: 'CONTAINERS', wide: true },
  { header: 'IMAGES', wide: true },
  { header: 'SELECTOR', wide: true },
];
const wideCells = (o: KubeObject) => [
  containers(o).map((c) => c.name).join(','),
  containers(o).map((c) => c.image).join(','),
  formatLabelSelector(o.spec?.selector) || '<none>',
];
const n = (v: unknown) => String(v ?? 0);

export const deploymentTable: TablePrinter = {
  columns: [{ header: 'NAME' }, { header: 'READY' }, { header: 'UP-TO-DATE' }, { header: 'AVAILABLE' }, { header: 'AGE' }, ...wideCols],
  row: (d, { now }) => [
    d.metadata.name,
    `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`,
    n(d.status?.updatedReplicas),
    n(d.status?.availableReplicas),
    age(d.metadata.creationTimestamp, now),
    ...wideCells(d),
  ],
};

export const replicaSetTable: TablePrinter = {
  columns: [{ header: 'NAME' }, { header: 'DESIRED' }, { header: 'CURRENT' }, { header: 'READY' }, { header: 'AGE' }, ...wideCols],
  row: (rs, { now }) => [
    rs.metadata.name,
    n(rs.spec?.replicas),
    n(rs.status?.replicas),
    n(rs.status?.readyReplicas),
    age(rs.metadata.creationTimestamp, now),
    ...wideCells(rs),
  ],
};

export const daemonSetTable: TablePrinter = {
  columns: [
    { header: 'NAME' },
    { header: 'DESIRED' },
    { header: 'CURRENT' },
    { header: 'READY' },
    { header: 'UP-TO-DATE' },
    { header: 'AVAILABLE' },
    { header: 'NODE SELECTOR' },
    { header: 'AGE' },
    ...wideCols,
  ],
  row: (ds, { now }) => [
    ds.metadata.name,
    n(ds.status?.desiredNumberScheduled),
    n(ds.status?.currentNumberScheduled),
    n(ds.status?.numberReady),
    n(ds.status?.updatedNumberScheduled),
    n(ds.status?.numberAvailable),
    formatLabelMap(ds.spec?.template?.spec?.nodeSelector) || '<none>',
    age(ds.metadata.creationTimestamp, now),
    ...wideCells(ds),
  ],
};

export const statefulSetTable: TablePrinter = {
  columns: [{ header: 'NAME' }, { header: 'READY' }, { header: 'AGE' }, wideCols[0], wideCols[1]],
  row: (s, { now }) => [
    s.metadata.name,
    `${s.status?.readyReplicas ?? 0}/${s.spec?.replicas ?? 0}`,
    age(s.metadata.creationTimestamp, now),
    ...wideCells(s).slice(0, 2),
  ],
};
