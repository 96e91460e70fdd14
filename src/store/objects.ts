import { clone, type KubeObject, type ObjectRef } from '../api/types.js';
import { objectKey, type State } from './state.js';
import type { Rng } from '../util/rng.js';
import type { Snapshot } from '../api/snapshot.js';

export type { Snapshot } from '../api/snapshot.js';

/**
 * The object table of one state, with the bookkeeping the API server does on every write: uid,
 * resourceVersion from one counter, creationTimestamp, generation on spec changes. It does not validate:
 * cluster/api-server.ts does that before calling it, and controllers are trusted.
 */
export class ObjectStore implements Snapshot {
  dirty = false;
  /** Bumped on every write; lets the reconcile loop skip a pass when nothing changed. */
  writes = 0;
  /** Keys per kind, built on first use (listing by kind is what controllers do most). */
  private byKind?: Map<string, Set<string>>;

  constructor(
    readonly state: State,
    readonly now: () => string,
    readonly rng: Rng,
  ) {}

  get(kind: string, namespace: string, name: string): KubeObject | undefined {
    return this.state.objects[objectKey(kind, namespace, name)];
  }

  list(kind: string, namespace?: string): KubeObject[] {
    const keys = this.index().get(kind);
    if (!keys) return [];
    const prefix = namespace === undefined ? '' : `${kind}/${namespace}/`;
    const out: KubeObject[] = [];
    for (const k of keys) if (!prefix || k.startsWith(prefix)) out.push(this.state.objects[k]);
    return out.sort(byNamespaceThenName);
  }

  /** Forget the kind index (after the state was replaced in place). */
  reindex(): void {
    this.byKind = undefined;
  }

  private index(): Map<string, Set<string>> {
    if (!this.byKind) {
      this.byKind = new Map();
      for (const k of Object.keys(this.state.objects)) this.indexKey(k);
    }
    return this.byKind;
  }

  private indexKey(key: string): void {
    const kind = key.slice(0, key.indexOf('/'));
    let set = this.byKind!.get(kind);
    if (!set) this.byKind!.set(kind, (set = new Set()));
    set.add(key);
  }

  private touch(): void {
    this.dirty = true;
    this.writes++;
  }

  private nextResourceVersion(): string {
    this.state.resourceVersion += 1;
    return String(this.state.resourceVersion);
  }

  /** Stores a new object (the caller checked it does not exist). Returns the stored copy. */
  create(obj: KubeObject): KubeObject {
    const o = clone(obj);
    const md = o.metadata;
    md.uid = md.uid ?? this.rng.uuid();
    md.creationTimestamp = md.creationTimestamp ?? this.now();
    md.resourceVersion = this.nextResourceVersion();
    if (hasGeneration(o)) md.generation = 1;
    const key = objectKey(o.kind, md.namespace ?? '', md.name);
    this.state.objects[key] = o;
    if (this.byKind) this.indexKey(key);
    this.touch();
    return o;
  }

  /**
   * Replaces an existing object. Identity fields are kept from the stored copy; generation moves when the
   * spec changed; nothing is written when the object is unchanged (so resourceVersion does not churn).
   */
  update(obj: KubeObject): KubeObject {
    const key = objectKey(obj.kind, obj.metadata.namespace ?? '', obj.metadata.name);
    const old = this.state.objects[key];
    if (!old) return this.create(obj);
    const o = clone(obj);
    o.metadata.uid = old.metadata.uid;
    o.metadata.creationTimestamp = old.metadata.creationTimestamp;
    o.metadata.resourceVersion = old.metadata.resourceVersion;
    if (hasGeneration(o)) o.metadata.generation = old.metadata.generation ?? 1;
    if (JSON.stringify(o) === JSON.stringify(old)) return old;
    if (hasGeneration(o) && JSON.stringify(o.spec) !== JSON.stringify(old.spec)) {
      o.metadata.generation = (old.metadata.generation ?? 1) + 1;
    }
    o.metadata.resourceVersion = this.nextResourceVersion();
    this.state.objects[key] = o;
    this.touch();
    return o;
  }

  remove(ref: ObjectRef): KubeObject | undefined {
    const key = objectKey(ref.kind, ref.namespace, ref.name);
    const old = this.state.objects[key];
    if (old) {
      delete this.state.objects[key];
      this.byKind?.get(ref.kind)?.delete(key);
      this.touch();
    }
    return old;
  }
}

/** Kinds whose metadata.generation tracks spec changes. */
function hasGeneration(o: KubeObject): boolean {
  return o.spec !== undefined && !['Pod', 'Service', 'Node', 'Namespace', 'Endpoints', 'EndpointSlice'].includes(o.kind);
}

export function byNamespaceThenName(a: KubeObject, b: KubeObject): number {
  const an = a.metadata.namespace ?? '';
  const bn = b.metadata.namespace ?? '';
  if (an !== bn) return an < bn ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}
