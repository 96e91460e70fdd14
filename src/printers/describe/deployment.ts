import type { Json, KubeObject } from '../../api/types.js';
import { formatLabelSelector } from '../../api/labels.js';
import { rfc1123z } from '../age.js';
import { type DescribeContext, controllerOf } from './context.js';
import { describeEventsOf } from './events.js';
import { LEVEL_0, PrefixWriter, writeAnnotations, writeLabels } from './prefix-writer.js';
import { describePodTemplate, writeWorkloadConditions } from './pod-template.js';

/** `kubectl describe deployment` (§3.4). */
export function describeDeployment(d: KubeObject, ctx: DescribeContext): string {
  const spec = d.spec ?? {};
  const st = d.status ?? {};
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace ?? ''}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${d.metadata.creationTimestamp ? rfc1123z(d.metadata.creationTimestamp) : ''}\n`);
  writeLabels(w, 'Labels', d.metadata.labels);
  writeAnnotations(w, 'Annotations', d.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(spec.selector)}\n`);
  w.write(
    LEVEL_0,
    `Replicas:\t${spec.replicas ?? 1} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ` +
      `${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`,
  );
  w.write(LEVEL_0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`);
  w.write(LEVEL_0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
  const ru = spec.strategy?.rollingUpdate;
  if (ru) {
    w.write(LEVEL_0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? ''} max unavailable, ${ru.maxSurge ?? ''} max surge\n`);
  }
  describePodTemplate(w, spec.template, ctx);
  writeWorkloadConditions(w, st.conditions);
  const { oldRSs, newRS } = replicaSetsOf(d, ctx);
  // Both lines are omitted when the deployment owns no ReplicaSet at all.
  if (oldRSs.length > 0 || newRS) {
    w.write(LEVEL_0, `OldReplicaSets:\t${formatReplicaSets(oldRSs)}\n`);
    w.write(LEVEL_0, `NewReplicaSet:\t${formatReplicaSets(newRS ? [newRS] : [])}\n`);
  }
  describeEventsOf(w, d, ctx);
  return w.toString();
}

/**
 * The deployment's ReplicaSets (controller reference uid), sorted by creation time then name. As in
 * kubectl's deployment util, the new one is the oldest whose pod template equals the deployment's
 * (ignoring the `pod-template-hash` label); if no template matches we fall back to the highest
 * `deployment.kubernetes.io/revision`. Old = every other owned RS, *including* those scaled to 0
 * (kubectl prints the "all old" list, so `name (0/0 replicas created)` is normal after a rollout).
 */
export function replicaSetsOf(d: KubeObject, ctx: DescribeContext): { oldRSs: KubeObject[]; newRS?: KubeObject } {
  const owned = ctx.snapshot
    .list('ReplicaSet', d.metadata.namespace ?? '')
    .filter((rs) => !!d.metadata.uid && controllerOf(rs)?.uid === d.metadata.uid)
    .sort(byCreation);
  const want = templateKey(d.spec?.template);
  let newRS = owned.find((rs) => templateKey(rs.spec?.template) === want);
  if (!newRS && owned.length > 0) newRS = [...owned].sort((a, b) => revision(b) - revision(a))[0];
  return { oldRSs: owned.filter((rs) => rs !== newRS), newRS };
}

function byCreation(a: KubeObject, b: KubeObject): number {
  const ta = Date.parse(a.metadata.creationTimestamp ?? '') || 0;
  const tb = Date.parse(b.metadata.creationTimestamp ?? '') || 0;
  if (ta !== tb) return ta - tb;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

function revision(rs: KubeObject): number {
  return Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0) || 0;
}

/** The pod template without its pod-template-hash label, as comparable text. */
function templateKey(template: Json): string {
  const t = structuredCloneJson(template ?? {});
  if (t.metadata?.labels) delete t.metadata.labels['pod-template-hash'];
  return canonicalJson(t);
}

function structuredCloneJson(v: Json): Json {
  return JSON.parse(JSON.stringify(v));
}

/** Key-order independent JSON; empty maps/lists count as absent (Semantic.DeepEqual treats nil == empty). */
function canonicalJson(v: Json): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const keys = Object.keys(v)
      .filter((k) => !isEmpty(v[k]))
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

function isEmpty(v: Json): boolean {
  return v === null || v === undefined || (typeof v === 'object' && Object.keys(v).length === 0);
}

/** `name (status/spec replicas created)` joined by `, `; `<none>` when empty. */
function formatReplicaSets(list: KubeObject[]): string {
  if (list.length === 0) return '<none>';
  return list.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 1} replicas created)`).join(', ');
}
