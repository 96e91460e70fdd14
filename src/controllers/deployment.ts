import type { KubeObject } from '../api/types.js';
import type { ControllerInput, Op } from './types.js';
import { clone } from '../api/types.js';
import { makeEvent } from './events.js';
import { podTemplateHash } from './hash.js';
import { changed, controllerRef, isOwnedBy } from './util.js';
import { fromLabelSelector, matchesSelector } from '../api/labels.js';
import { addSeconds } from '../util/clock.js';
import { type RsState, active, byCreation, bySizeNewer, bySizeOlder, rsState, specReplicas, sum, sumSpec } from './deployment/model.js';
import { desiredReplicas, isRollingUpdate, maxSurge, maxUnavailable, newRSNewReplicas, proportion } from './deployment/rolling.js';
import {
  DESIRED_REPLICAS,
  HASH_LABEL,
  REVISION,
  equalIgnoreHash,
  maxRevision,
  replicasAnnotationsNeedUpdate,
  revisionOf,
  setDeploymentRevision,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
} from './deployment/revisions.js';
import { REASONS, calculateStatus, deploymentComplete, getCondition, hasProgressDeadline, newCondition, progressConditions, removeCondition, setCondition } from './deployment/status.js';

/**
 * The deployment controller (pkg/controller/deployment), one sync per deployment per pass: a ReplicaSet
 * per pod template named `<deploy>-<pod-template-hash>`; RollingUpdate grows the new ReplicaSet up to
 * spec.replicas + maxSurge pods in all and shrinks old ones while at least spec.replicas − maxUnavailable
 * pods stay available; Recreate empties the old ReplicaSets and waits for their pods to be gone first.
 * Revisions, change-cause, paused deployments (scaled, never rolled), proportional scaling during a
 * rollout, revisionHistoryLimit, status and conditions follow the real controller. The reconcile loop
 * calls this again after every change, so each pass takes the rollout one step further.
 */
export function reconcileDeployments(input: ControllerInput): Op[] {
  const ops: Op[] = [];
  for (const d of input.snapshot.list('Deployment')) {
    if (d.metadata.deletionTimestamp) continue;
    ops.push(...new DeploymentSync(d, input).run());
  }
  return ops;
}

/** Thrown to end a sync early, as the real controller returns an error and retries later. */
class Requeue extends Error {}

class DeploymentSync {
  private readonly d: KubeObject;
  private readonly rss: RsState[];
  private readonly pods: KubeObject[];
  private readonly deleted = new Set<string>();
  private readonly events: KubeObject[] = [];
  private readonly wakes: string[] = [];
  private readonly ns: string;

  constructor(
    private readonly orig: KubeObject,
    private readonly input: ControllerInput,
  ) {
    this.d = clone(orig);
    this.d.status ??= {};
    this.ns = orig.metadata.namespace ?? 'default';
    this.pods = input.snapshot.list('Pod', this.ns);
    const availability = { now: input.now, instant: input.instant, minReadySeconds: orig.spec?.minReadySeconds ?? 0 };
    this.rss = input.snapshot
      .list('ReplicaSet', this.ns)
      .filter((rs) => !rs.metadata.deletionTimestamp && (isOwnedBy(rs, orig) || this.adoptable(rs)))
      .map((rs) => rsState(this.adopted(clone(rs)), this.pods, availability, this.wakes));
  }

  /**
   * ClaimReplicaSets: a ReplicaSet without a controller whose labels the selector matches is adopted (as
   * after `delete deployment --cascade=orphan` and a new deployment of the same name).
   */
  private adoptable(rs: KubeObject): boolean {
    if ((rs.metadata.ownerReferences ?? []).some((r) => r.controller)) return false;
    if (selectsEverything(this.orig) || !this.orig.spec?.selector) return false;
    return matchesSelector(fromLabelSelector(this.orig.spec.selector), rs.metadata.labels);
  }

  private adopted(rs: KubeObject): KubeObject {
    if (!isOwnedBy(rs, this.orig)) rs.metadata.ownerReferences = [...(rs.metadata.ownerReferences ?? []), controllerRef(this.orig)];
    return rs;
  }

  run(): Op[] {
    const d = this.d;
    if (selectsEverything(d)) {
      // An empty selector would adopt every pod of the namespace: the controller refuses to act.
      d.status.observedGeneration = d.metadata.generation ?? 1;
      return this.emit();
    }
    try {
      this.checkPausedConditions();
      if (d.spec.paused) this.sync();
      else if (this.isScalingEvent()) this.sync();
      else if (!isRollingUpdate(d)) this.rolloutRecreate();
      else this.rolloutRolling();
    } catch (e) {
      if (!(e instanceof Requeue)) throw e;
    }
    return this.emit();
  }

  // ---- ReplicaSets: finding, creating, scaling -------------------------------------------------------

  /**
   * getAllReplicaSetsAndSyncRevision: the new ReplicaSet is the oldest whose template equals the
   * deployment's (ignoring the hash label); its revision becomes max(old revisions)+1 if lower, which is
   * how a rolled-back template gets a fresh revision. With `create`, a missing one is created.
   */
  private newAndOld(create: boolean): { newRS?: RsState; oldRSs: RsState[] } {
    const d = this.d;
    const existing = [...this.rss].sort(byCreation).find((rs) => equalIgnoreHash(rs.obj.spec?.template, d.spec.template));
    const oldRSs = this.rss.filter((rs) => rs !== existing);
    const newRevision = maxRevision(oldRSs.map((rs) => rs.obj)) + 1;
    if (existing) {
      const rs = existing.obj;
      const annotated = setNewReplicaSetAnnotations(d, rs, newRevision, true, desiredReplicas(d), desiredReplicas(d) + maxSurge(d));
      const mrs = d.spec.minReadySeconds ?? 0;
      if (annotated || (rs.spec.minReadySeconds ?? 0) !== mrs) {
        if (mrs) rs.spec.minReadySeconds = mrs;
        else delete rs.spec.minReadySeconds;
        return { newRS: existing, oldRSs };
      }
      setDeploymentRevision(d, rs.metadata.annotations?.[REVISION] ?? '');
      if (hasProgressDeadline(d) && !getCondition(d.status, 'Progressing')) {
        setCondition(d.status, newCondition('Progressing', 'True', REASONS.foundNewRS, `Found new replica set "${rs.metadata.name}"`, this.input.now));
      }
      return { newRS: existing, oldRSs };
    }
    if (!create) return { oldRSs };
    return { newRS: this.createNewReplicaSet(oldRSs, newRevision), oldRSs };
  }

  private createNewReplicaSet(oldRSs: RsState[], newRevision: number): RsState {
    const d = this.d;
    const hash = podTemplateHash(d.spec.template, d.status.collisionCount ?? 0);
    const name = `${d.metadata.name}-${hash}`;
    const clash = this.input.snapshot.get('ReplicaSet', this.ns, name);
    if (clash) {
      // A ReplicaSet of that name with another template or owner: a hash collision. Count it, so the
      // next sync hashes differently.
      d.status.collisionCount = (d.status.collisionCount ?? 0) + 1;
      throw new Requeue();
    }
    const template = clone(d.spec.template);
    template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [HASH_LABEL]: hash } };
    const rs: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        labels: { ...template.metadata.labels },
        name,
        namespace: this.ns,
        ownerReferences: [controllerRef(this.orig)],
      },
      spec: {
        ...(d.spec.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}),
        replicas: 0,
        selector: { ...d.spec.selector, matchLabels: { ...d.spec.selector?.matchLabels, [HASH_LABEL]: hash } },
        template,
      },
    };
    const state: RsState = { obj: rs, actual: 0, ready: 0, available: 0, running: 0, created: true };
    rs.spec.replicas = newRSNewReplicas(d, [...oldRSs, state], state);
    setNewReplicaSetAnnotations(d, rs, newRevision, false, desiredReplicas(d), desiredReplicas(d) + maxSurge(d));
    this.rss.push(state);
    if (rs.spec.replicas > 0) this.scalingEvent(`Scaled up replica set ${name} from 0 to ${rs.spec.replicas}`);
    setDeploymentRevision(d, String(newRevision));
    if (hasProgressDeadline(d)) {
      setCondition(d.status, newCondition('Progressing', 'True', REASONS.newRSCreated, `Created new replica set "${name}"`, this.input.now));
    }
    return state;
  }

  /** scaleReplicaSetAndRecordEvent: true when the size changed. */
  private scaleTo(rs: RsState, n: number): boolean {
    if (specReplicas(rs) === n) return false;
    return this.scaleReplicaSet(rs, n, specReplicas(rs) < n ? 'up' : 'down');
  }

  /** scaleReplicaSet: sets the size and the desired/max annotations; an event when the size changed. */
  private scaleReplicaSet(rs: RsState, n: number, direction: string): boolean {
    const d = this.d;
    const max = desiredReplicas(d) + maxSurge(d);
    const sizeChanges = specReplicas(rs) !== n;
    if (!sizeChanges && !replicasAnnotationsNeedUpdate(rs.obj, desiredReplicas(d), max)) return false;
    const from = specReplicas(rs);
    rs.obj.spec.replicas = n;
    setReplicasAnnotations(rs.obj, desiredReplicas(d), max);
    if (sizeChanges) this.scalingEvent(`Scaled ${direction} replica set ${rs.obj.metadata.name} from ${from} to ${n}`);
    return sizeChanges;
  }

  private scalingEvent(message: string): void {
    this.events.push(makeEvent(this.orig, 'Normal', 'ScalingReplicaSet', message, { component: 'deployment-controller' }, this.input.now, this.input.rng));
  }

  // ---- sync paths ------------------------------------------------------------------------------------

  /**
   * checkPausedConditions: pausing sets Progressing Unknown/DeploymentPaused, resuming
   * Unknown/DeploymentResumed (a timed-out condition is left as it is).
   */
  private checkPausedConditions(): void {
    const d = this.d;
    if (!hasProgressDeadline(d)) return;
    const cond = getCondition(d.status, 'Progressing');
    if (cond?.reason === REASONS.timedOut) return;
    const pausedCond = cond?.reason === REASONS.paused;
    if (d.spec.paused && !pausedCond) {
      setCondition(d.status, newCondition('Progressing', 'Unknown', REASONS.paused, 'Deployment is paused', this.input.now));
    } else if (!d.spec.paused && pausedCond) {
      setCondition(d.status, newCondition('Progressing', 'Unknown', REASONS.resumed, 'Deployment is resumed', this.input.now));
    }
  }

  /** isScalingEvent: an active ReplicaSet was sized for another spec.replicas than the current one. */
  private isScalingEvent(): boolean {
    const { newRS, oldRSs } = this.newAndOld(false);
    return active([...oldRSs, newRS]).some((rs) => {
      const v = rs.obj.metadata.annotations?.[DESIRED_REPLICAS];
      return v !== undefined && /^\d+$/.test(v) && Number(v) !== desiredReplicas(this.d);
    });
  }

  /** sync: scaling (and paused deployments): resize, clean up when paused, update the status. */
  private sync(): void {
    const { newRS, oldRSs } = this.newAndOld(false);
    this.scale(newRS, oldRSs);
    if (this.d.spec.paused) this.cleanup(oldRSs);
    this.d.status = calculateStatus([...oldRSs, newRS], newRS, this.d, this.input.now);
  }

  /**
   * scale: a single active (or else the newest) ReplicaSet takes spec.replicas; when the new one is
   * saturated the old ones go to 0; otherwise, mid-rollout, the difference to spec.replicas + maxSurge is
   * shared among the active ReplicaSets in proportion to their size, leftovers to the largest.
   */
  private scale(newRS: RsState | undefined, oldRSs: RsState[]): void {
    const d = this.d;
    const target = activeOrLatest(newRS, oldRSs);
    if (target) {
      if (specReplicas(target) !== desiredReplicas(d)) this.scaleTo(target, desiredReplicas(d));
      return;
    }
    if (isSaturated(d, newRS)) {
      for (const old of active(oldRSs)) this.scaleTo(old, 0);
      return;
    }
    if (!isRollingUpdate(d)) return;
    const all = active([...oldRSs, newRS]);
    const allowed = desiredReplicas(d) > 0 ? desiredReplicas(d) + maxSurge(d) : 0;
    const toAdd = allowed - sumSpec(all);
    let direction = '';
    if (toAdd > 0) {
      all.sort(bySizeNewer);
      direction = 'up';
    } else if (toAdd < 0) {
      all.sort(bySizeOlder);
      direction = 'down';
    }
    let added = 0;
    const sizes = new Map<RsState, number>();
    for (const rs of all) {
      if (toAdd !== 0) {
        const p = proportion(rs, d, toAdd, added, this.orig.status?.replicas ?? 0);
        sizes.set(rs, specReplicas(rs) + p);
        added += p;
      } else sizes.set(rs, specReplicas(rs));
    }
    all.forEach((rs, i) => {
      if (i === 0 && toAdd !== 0) sizes.set(rs, Math.max(0, sizes.get(rs)! + toAdd - added));
      this.scaleReplicaSet(rs, sizes.get(rs)!, direction);
    });
  }

  /** rolloutRolling: scale the new ReplicaSet up if allowed, else old ones down if allowed, then status. */
  private rolloutRolling(): void {
    const { newRS, oldRSs } = this.newAndOld(true);
    const all = [...oldRSs, newRS!];
    if (this.reconcileNewReplicaSet(all, newRS!) || this.reconcileOldReplicaSets(all, oldRSs, newRS!)) {
      this.syncRolloutStatus(all, newRS);
      return;
    }
    if (deploymentComplete(this.d, this.d.status)) this.cleanup(oldRSs);
    this.syncRolloutStatus(all, newRS);
  }

  private reconcileNewReplicaSet(all: RsState[], newRS: RsState): boolean {
    const want = desiredReplicas(this.d);
    if (specReplicas(newRS) === want) return false;
    if (specReplicas(newRS) > want) return this.scaleTo(newRS, want);
    return this.scaleTo(newRS, newRSNewReplicas(this.d, all, newRS));
  }

  /**
   * reconcileOldReplicaSets: how many old pods may go = all pods − minimum available − new pods not yet
   * available. Unhealthy old pods go first (they do not count as available anyway), then healthy ones
   * while availability stays at spec.replicas − maxUnavailable, oldest ReplicaSets first.
   */
  private reconcileOldReplicaSets(all: RsState[], oldRSs: RsState[], newRS: RsState): boolean {
    const old = active(oldRSs);
    if (sumSpec(old) === 0) return false;
    const minAvailable = desiredReplicas(this.d) - maxUnavailable(this.d);
    const newUnavailable = specReplicas(newRS) - newRS.available;
    const maxScaledDown = sumSpec(all) - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) return false;
    const cleaned = this.cleanupUnhealthyReplicas(old, maxScaledDown);
    const scaled = this.scaleDownOldForRollingUpdate(all, old);
    return cleaned + scaled > 0;
  }

  private cleanupUnhealthyReplicas(oldRSs: RsState[], maxCleanup: number): number {
    let total = 0;
    for (const rs of [...oldRSs].sort(byCreation)) {
      if (total >= maxCleanup) break;
      if (specReplicas(rs) === 0 || specReplicas(rs) === rs.available) continue;
      const down = Math.min(maxCleanup - total, specReplicas(rs) - rs.available);
      this.scaleTo(rs, specReplicas(rs) - down);
      total += down;
    }
    return total;
  }

  private scaleDownOldForRollingUpdate(all: RsState[], oldRSs: RsState[]): number {
    const minAvailable = desiredReplicas(this.d) - maxUnavailable(this.d);
    const availableNow = sum(all, 'available');
    if (availableNow <= minAvailable) return 0;
    const budget = availableNow - minAvailable;
    let total = 0;
    for (const rs of [...oldRSs].sort(byCreation)) {
      if (total >= budget) break;
      if (specReplicas(rs) === 0) continue;
      const down = Math.min(specReplicas(rs), budget - total);
      this.scaleTo(rs, specReplicas(rs) - down);
      total += down;
    }
    return total;
  }

  /**
   * rolloutRecreate: old ReplicaSets to 0 first; nothing more until every old pod is gone (terminating
   * ones included); then the new ReplicaSet is created at full size.
   */
  private rolloutRecreate(): void {
    let { newRS, oldRSs } = this.newAndOld(false);
    let scaledDown = false;
    for (const rs of active(oldRSs)) if (this.scaleTo(rs, 0)) scaledDown = true;
    if (scaledDown || oldRSs.some((rs) => rs.actual > 0 || rs.running > 0)) {
      this.syncRolloutStatus([...oldRSs, newRS], newRS);
      return;
    }
    if (!newRS) ({ newRS, oldRSs } = this.newAndOld(true));
    this.scaleTo(newRS!, desiredReplicas(this.d));
    if (deploymentComplete(this.d, this.d.status)) this.cleanup(oldRSs);
    this.syncRolloutStatus([...oldRSs, newRS], newRS);
  }

  /**
   * cleanupDeployment: beyond revisionHistoryLimit, the oldest revisions that are fully scaled down (and
   * whose scale-down the ReplicaSet controller has seen) are deleted.
   */
  private cleanup(oldRSs: RsState[]): void {
    const limit = this.d.spec.revisionHistoryLimit;
    if (limit === undefined || limit === null || limit === 2147483647) return;
    const cleanable = oldRSs.filter((rs) => !rs.created);
    const diff = cleanable.length - limit;
    if (diff <= 0) return;
    const byRevision = [...cleanable].sort((a, b) => revisionOf(a.obj) - revisionOf(b.obj) || byCreation(a, b));
    for (const rs of byRevision.slice(0, diff)) {
      const o = rs.obj;
      if (rs.actual !== 0 || specReplicas(rs) !== 0 || (o.metadata.generation ?? 1) > (o.status?.observedGeneration ?? 0)) continue;
      this.deleted.add(o.metadata.name);
    }
  }

  /** syncRolloutStatus: counts, Available, Progressing (see status.ts); ReplicaFailure is never raised. */
  private syncRolloutStatus(all: Array<RsState | undefined>, newRS: RsState | undefined): void {
    const st = calculateStatus(all, newRS, this.d, this.input.now);
    progressConditions(this.d, st, newRS, this.input.now);
    removeCondition(st, 'ReplicaFailure');
    this.d.status = st;
  }

  // ---- output --------------------------------------------------------------------------------------

  /** The writes: the new ReplicaSet, changed ones, deleted ones, the deployment, then the events. */
  private emit(): Op[] {
    const ops: Op[] = [];
    const snapshot = this.input.snapshot;
    for (const rs of this.rss) {
      const name = rs.obj.metadata.name;
      if (rs.created) ops.push({ op: 'create', obj: rs.obj });
      else if (this.deleted.has(name)) ops.push({ op: 'delete', ref: { kind: 'ReplicaSet', namespace: this.ns, name } });
      else {
        const c = changed(snapshot.get('ReplicaSet', this.ns, name)!, rs.obj);
        if (c) ops.push({ op: 'update', obj: c });
      }
    }
    if (this.d.status && Object.keys(this.d.status).length === 0) delete this.d.status;
    const c = changed(this.orig, this.d);
    if (c) ops.push({ op: 'update', obj: c });
    for (const ev of this.events) ops.push({ op: 'create', obj: ev });
    // Pods that will have been ready for minReadySeconds, or a progress deadline: look again then.
    const deadline = this.progressDeadline();
    if (deadline) this.wakes.push(deadline);
    if (this.wakes.length) ops.push({ op: 'wake', at: this.wakes.sort()[0] });
    return ops;
  }

  /** When an unfinished rollout will have made no progress for progressDeadlineSeconds. */
  private progressDeadline(): string | undefined {
    const c = getCondition(this.d.status, 'Progressing');
    if (!c || c.status !== 'True' || c.reason === REASONS.newRSAvailable || !hasProgressDeadline(this.d) || this.d.spec.paused) return undefined;
    return addSeconds(c.lastUpdateTime, this.d.spec.progressDeadlineSeconds + 1);
  }
}

/** FindActiveOrLatest: the only active ReplicaSet, else the newest when none is active, else none. */
function activeOrLatest(newRS: RsState | undefined, oldRSs: RsState[]): RsState | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const olds = [...oldRSs].sort((a, b) => byCreation(b, a));
  const all = active([...olds, newRS]);
  if (all.length === 0) return newRS ?? olds[0];
  if (all.length === 1) return all[0];
  return undefined;
}

/** IsSaturated: the new ReplicaSet is sized for, and has, spec.replicas available pods. */
function isSaturated(d: KubeObject, rs: RsState | undefined): boolean {
  if (!rs) return false;
  const desired = rs.obj.metadata.annotations?.[DESIRED_REPLICAS];
  if (desired === undefined || !/^-?\d+$/.test(desired)) return false;
  const want = desiredReplicas(d);
  return specReplicas(rs) === want && Number(desired) === want && rs.available === want;
}

/** A selector that is present but empty selects every pod. */
function selectsEverything(d: KubeObject): boolean {
  const s = d.spec?.selector;
  return !!s && Object.keys(s.matchLabels ?? {}).length === 0 && (s.matchExpressions ?? []).length === 0;
}
