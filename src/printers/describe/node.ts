import type { Json, KubeObject } from '../../api/types.js';
import { type DescribeContext, goBool, timeOrZero } from './context.js';
import { describeEventsOf } from './events.js';
import { nonTerminatedPods, writeNodeResources } from './node-resources.js';
import { LEVEL_0, LEVEL_1, PrefixWriter, byCodeUnit, writeAnnotations, writeLabels } from './prefix-writer.js';
import { canonicalQuantity } from './quantity.js';
import { writeTaints } from './scheduling.js';

/**
 * `kubectl describe node` (§3.6). `System Info:` has no tab, so the block that starts with `Machine ID`
 * runs through PodCIDR/ProviderID and the Non-terminated Pods table — which is why that table's first
 * column is as wide as `  Container Runtime Version:`.
 */
export function describeNode(node: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = node.spec ?? {};
  const status = node.status ?? {};
  w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`);
  const roles = nodeRoles(node.metadata.labels);
  w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
  writeLabels(w, 'Labels', node.metadata.labels);
  writeAnnotations(w, 'Annotations', node.metadata.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${timeOrZero(node.metadata.creationTimestamp)}\n`);
  writeTaints(w, spec.taints);
  w.write(LEVEL_0, `Unschedulable:\t${goBool(spec.unschedulable)}\n`);
  writeLease(w, ctx.snapshot.get('Lease', 'kube-node-lease', node.metadata.name));
  writeConditions(w, status.conditions);
  w.write(LEVEL_0, 'Addresses:\n');
  for (const a of (status.addresses ?? []) as Json[]) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
  writeResourceList(w, 'Capacity', status.capacity);
  writeResourceList(w, 'Allocatable', status.allocatable);
  writeSystemInfo(w, status.nodeInfo ?? {});
  if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`);
  if ((spec.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`);
  if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`);
  writeNodeResources(w, node, nonTerminatedPods(node, ctx), ctx);
  describeEventsOf(w, node, ctx);
  return w.toString();
}

/** Roles from `node-role.kubernetes.io/⟨role⟩` keys and `kubernetes.io/role=⟨role⟩`, sorted, unique. */
export function nodeRoles(labels: Record<string, string> | undefined): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort(byCodeUnit);
}

/**
 * The node's Lease in kube-node-lease. kubectl prints `Lease:\tFailed to get lease: …` when it is
 * missing; the simulator may not keep leases, so a missing one prints every field `<unset>` instead
 * (describeNodeLease's nil-lease path).
 */
function writeLease(w: PrefixWriter, lease: KubeObject | undefined): void {
  const s = lease?.spec ?? {};
  w.write(LEVEL_0, 'Lease:\n');
  w.write(LEVEL_1, `HolderIdentity:\t${s.holderIdentity ?? '<unset>'}\n`);
  w.write(LEVEL_1, `AcquireTime:\t${s.acquireTime ? timeOrZero(s.acquireTime) : '<unset>'}\n`);
  w.write(LEVEL_1, `RenewTime:\t${s.renewTime ? timeOrZero(s.renewTime) : '<unset>'}\n`);
}

/** Node conditions: the first five cells are each followed by a space (`%v \t%v \t…`). */
function writeConditions(w: PrefixWriter, conditions: Json[] | undefined): void {
  if (!conditions || conditions.length === 0) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
  w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
  for (const c of conditions) {
    const cells = [c.type, c.status, timeOrZero(c.lastHeartbeatTime), timeOrZero(c.lastTransitionTime), c.reason ?? ''];
    w.write(LEVEL_1, `${cells.map((x) => `${x} `).join('\t')}\t${c.message ?? ''}\n`);
  }
}

function writeResourceList(w: PrefixWriter, title: string, list: Record<string, string> | undefined): void {
  const names = Object.keys(list ?? {}).sort(byCodeUnit);
  if (names.length === 0) return;
  w.write(LEVEL_0, `${title}:\n`);
  for (const n of names) w.write(LEVEL_0, `  ${n}:\t${canonicalQuantity(list![n])}\n`);
}

function writeSystemInfo(w: PrefixWriter, info: Json): void {
  const rows: [string, string][] = [
    ['Machine ID', info.machineID],
    ['System UUID', info.systemUUID],
    ['Boot ID', info.bootID],
    ['Kernel Version', info.kernelVersion],
    ['OS Image', info.osImage],
    ['Operating System', info.operatingSystem],
    ['Architecture', info.architecture],
    ['Container Runtime Version', info.containerRuntimeVersion],
    ['Kubelet Version', info.kubeletVersion],
    ['Kube-Proxy Version', info.kubeProxyVersion],
  ];
  w.write(LEVEL_0, 'System Info:\n');
  for (const [label, value] of rows) w.write(LEVEL_0, `  ${label}:\t${value ?? ''}\n`);
}
