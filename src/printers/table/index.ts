import { podTable } from './pods.js';
import { serviceTable } from './services.js';
import { daemonSetTable, deploymentTable, replicaSetTable, statefulSetTable } from './workloads.js';
import {
  configMapTable,
  endpointSliceTable,
  endpointsTable,
  eventTable,
  genericTable,
  ingressTable,
  namespaceTable,
  networkPolicyTable,
  nodeTable,
  secretTable,
  serviceAccountTable,
} from './core.js';
import type { TablePrinter } from './types.js';

const BY_KIND: Record<string, TablePrinter> = {
  Pod: podTable,
  Service: serviceTable,
  Deployment: deploymentTable,
  ReplicaSet: replicaSetTable,
  DaemonSet: daemonSetTable,
  StatefulSet: statefulSetTable,
  Node: nodeTable,
  Namespace: namespaceTable,
  Secret: secretTable,
  ConfigMap: configMapTable,
  ServiceAccount: serviceAccountTable,
  Endpoints: endpointsTable,
  EndpointSlice: endpointSliceTable,
  Event: eventTable,
  NetworkPolicy: networkPolicyTable,
  Ingress: ingressTable,
};

export function tablePrinterFor(kind: string): TablePrinter {
  return BY_KIND[kind] ?? genericTable;
}

export type { TablePrinter, Column, RowContext } from './types.js';
