import type { KubeObject, ObjectRef } from '../api/types.js';
import { clone } from '../api/types.js';
import { ApiError, type FieldError } from '../errors.js';
import { qualifiedPlural, STORED_KINDS, typeForKind, type ResourceType } from '../api/kinds.js';
import { validateObject, strictDecodingErrors, decodeErrors } from '../api/validation/index.js';
import type { Profile } from '../api/profiles.js';
import type { ObjectStore } from '../store/objects.js';
import { NAME_SUFFIX_ALPHABET } from '../util/rng.js';
import { admitObject } from './admission.js';
import { deleteGracefully } from './graceful-delete.js';
import { allocateServicePorts, keepServiceAllocations, releaseTypeDependentFields } from './service-allocation.js';

export type DryRun = 'none' | 'client' | 'server';

/** Kinds whose status lives in a status subresource (PrepareForUpdate keeps the stored status). */
const STATUS_SUBRESOURCE = new Set(['Pod', 'Service', 'Deployment', 'ReplicaSet', 'DaemonSet', 'Node', 'Namespace', 'Ingress', 'NetworkPolicy']);

export interface WriteOptions {
  dryRun?: DryRun;
}

export interface DeleteOptions {
  cascade?: 'background' | 'foreground' | 'orphan';
  gracePeriodSeconds?: number;
}

/**
 * The simulated API server's write path: decoding checks, defaulting, validation, allocation, then the
 * object store. Everything is checked before anything is stored, so a rejected request leaves the state
 * exactly as it was.
 */
export class ApiServer {
  constructor(
    readonly store: ObjectStore,
    readonly profile: Profile,
  ) {}

  typeOf(obj: KubeObject): ResourceType {
    const t = typeForKind(obj.kind, obj.apiVersion);
    if (!t) throw new ApiError('NotFound', `the server could not find the requested resource`);
    return t;
  }

  /** Rejects what the decoder would: unknown fields (strict decoding), undecodable data. */
  checkDecoding(obj: KubeObject): void {
    const unknown = strictDecodingErrors(obj as unknown as Record<string, unknown>);
    const v = obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[1] : obj.apiVersion;
    if (unknown.length) {
      throw new ApiError('BadRequest', `${obj.kind} in version "${v}" cannot be handled as a ${obj.kind}: strict decoding error: ${unknown.join(', ')}`);
    }
    const bad = decodeErrors(obj);
    if (bad) throw new ApiError('BadRequest', bad);
  }

  private requireNamespace(t: ResourceType, ns: string): void {
    if (!t.namespaced) return;
    const nsObj = this.store.get('Namespace', '', ns);
    if (!nsObj) throw ApiError.notFound('namespaces', ns);
    if (nsObj.metadata.deletionTimestamp) {
      throw new ApiError('Forbidden', `unable to create new content in namespace ${ns} because it is being terminated`);
    }
  }

  /** Creates an object; returns what was (or, for a dry run, would be) stored. */
  create(input: KubeObject, opts: WriteOptions = {}): KubeObject {
    const t = this.typeOf(input);
    this.checkDecoding(input);
    let obj = clone(input);
    obj.metadata = obj.metadata ?? ({} as KubeObject['metadata']);
    if (!t.namespaced) delete obj.metadata.namespace;
    if (!obj.metadata.name && obj.metadata.generateName) {
      obj.metadata.name = obj.metadata.generateName + this.store.rng.string(NAME_SUFFIX_ALPHABET, 5);
    }
    for (const k of ['uid', 'resourceVersion', 'creationTimestamp', 'deletionTimestamp', 'generation'] as const) delete obj.metadata[k];
    if (obj.kind === 'Namespace') obj.status = { phase: 'Active' };
    // The pod strategy's PrepareForCreate: whatever status was sent, a new pod starts Pending.
    if (obj.kind === 'Pod') obj.status = { phase: 'Pending', qosClass: qosClass(obj) };
    // A Service always has a status with an (empty) loadBalancer, whatever kind it is.
    if (obj.kind === 'Service') obj.status = { loadBalancer: {} };
    obj = admitObject(obj, this.store.rng);
    this.validate(obj);
    const ns = obj.metadata.namespace ?? '';
    if (!STORED_KINDS.has(obj.kind)) {
      throw new ApiError('MethodNotAllowed', `the server does not allow this method on the requested resource`);
    }
    this.requireNamespace(t, ns);
    if (this.store.get(obj.kind, ns, obj.metadata.name)) throw ApiError.alreadyExists(qualifiedPlural(t), obj.metadata.name);
    if (obj.kind === 'Service') obj = allocateServicePorts(obj, this.store, this.profile, () => this.store.rng.next());
    if (opts.dryRun === 'server' || opts.dryRun === 'client') return obj;
    return this.store.create(obj);
  }

  /** Replaces an existing object (after apply/patch/edit computed the new one). */
  update(input: KubeObject, opts: WriteOptions = {}): KubeObject {
    const t = this.typeOf(input);
    this.checkDecoding(input);
    const ns = t.namespaced ? (input.metadata.namespace ?? '') : '';
    const old = this.store.get(input.kind, ns, input.metadata.name);
    if (!old) throw ApiError.notFound(qualifiedPlural(t), input.metadata.name);
    // Optimistic concurrency: a resourceVersion in the request must still be the stored one.
    const rv = input.metadata.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) {
      throw new ApiError(
        'Conflict',
        `Operation cannot be fulfilled on ${qualifiedPlural(t)} "${input.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`,
      );
    }
    let obj = clone(input);
    // Identity and bookkeeping come from the stored object, whatever the request carried.
    obj.metadata = { ...obj.metadata, uid: old.metadata.uid, creationTimestamp: old.metadata.creationTimestamp, resourceVersion: old.metadata.resourceVersion };
    if (old.metadata.generation !== undefined) obj.metadata.generation = old.metadata.generation;
    else delete obj.metadata.generation;
    // Kinds with a status subresource: a write to the main resource cannot change the status.
    if (STATUS_SUBRESOURCE.has(obj.kind)) {
      if (old.status !== undefined) obj.status = clone(old.status);
      else delete obj.status;
    }
    if (obj.kind === 'Service') obj = releaseTypeDependentFields(keepServiceAllocations(obj, old), old);
    obj = admitObject(obj, this.store.rng);
    this.validate(obj, old);
    if (obj.kind === 'Service') obj = allocateServicePorts(obj, this.store, this.profile, () => this.store.rng.next(), old);
    if (opts.dryRun === 'server' || opts.dryRun === 'client') return obj;
    return this.store.update(obj);
  }

  private validate(obj: KubeObject, old?: KubeObject): void {
    const errs: FieldError[] = validateObject(obj, old);
    if (errs.length) throw ApiError.invalid(obj.kind, obj.metadata.name ?? '', errs);
  }

  get(t: ResourceType, namespace: string, name: string): KubeObject {
    const o = this.store.get(t.kind, t.namespaced ? namespace : '', name);
    if (!o) throw ApiError.notFound(qualifiedPlural(t), name);
    return o;
  }

  /**
   * Deletes an object. Namespaces go Terminating and the namespace controller empties them; orphaning
   * strips the owner references from dependents so the garbage collector leaves them alone.
   */
  delete(ref: ObjectRef, opts: DeleteOptions = {}, dryRun: DryRun = 'none'): KubeObject {
    const t = typeForKind(ref.kind)!;
    const obj = this.store.get(ref.kind, ref.namespace, ref.name);
    if (!obj) throw ApiError.notFound(qualifiedPlural(t), ref.name);
    if (ref.kind === 'Namespace' && ['default', 'kube-system', 'kube-public'].includes(ref.name)) {
      throw new ApiError('Forbidden', `namespaces "${ref.name}" is forbidden: this namespace may not be deleted`);
    }
    if (dryRun !== 'none') return obj;
    if (opts.cascade === 'orphan') this.orphanDependents(obj);
    if (opts.cascade === 'foreground' && ref.kind !== 'Namespace' && ref.kind !== 'Pod') {
      // Foreground cascading: the owner stays, marked, until the garbage collector has removed its
      // dependents; then it goes too.
      const u = clone(obj);
      u.metadata.deletionTimestamp = this.store.now();
      u.metadata.deletionGracePeriodSeconds = 0;
      u.metadata.finalizers = [...new Set([...(u.metadata.finalizers ?? []), 'foregroundDeletion'])];
      this.store.update(u);
      return obj;
    }
    if (ref.kind === 'Namespace') {
      const u = clone(obj);
      u.metadata.deletionTimestamp = this.store.now();
      u.status = { ...u.status, phase: 'Terminating' };
      this.store.update(u);
      return obj;
    }
    deleteGracefully(this.store, ref, opts.gracePeriodSeconds);
    return obj;
  }

  private orphanDependents(owner: KubeObject): void {
    for (const kind of STORED_KINDS) {
      for (const o of this.store.list(kind, owner.metadata.namespace)) {
        const refs = o.metadata.ownerReferences ?? [];
        if (!refs.some((r) => r.uid === owner.metadata.uid)) continue;
        const u = clone(o);
        u.metadata.ownerReferences = refs.filter((r) => r.uid !== owner.metadata.uid);
        if (u.metadata.ownerReferences.length === 0) delete u.metadata.ownerReferences;
        this.store.update(u);
      }
    }
  }
}

/** The QoS class of a pod from its containers' requests and limits. */
export function qosClass(pod: KubeObject): string {
  const cs: Array<{ resources?: { requests?: Record<string, string>; limits?: Record<string, string> } }> = pod.spec?.containers ?? [];
  const any = cs.some((c) => Object.keys(c.resources?.requests ?? {}).length || Object.keys(c.resources?.limits ?? {}).length);
  if (!any) return 'BestEffort';
  const guaranteed = cs.every((c) => {
    const l = c.resources?.limits ?? {};
    const r = c.resources?.requests ?? {};
    return l.cpu && l.memory && (r.cpu ?? l.cpu) === l.cpu && (r.memory ?? l.memory) === l.memory;
  });
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
