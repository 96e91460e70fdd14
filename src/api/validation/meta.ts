/**
 * ObjectMeta, label, annotation and label-selector validation (apimachinery pkg/api/validation and
 * pkg/apis/meta/v1/validation as of 1.32).
 */
import type { FieldError } from '../../errors.js';
import type { ObjectMeta } from '../types.js';
import type { LabelSelector } from '../labels.js';
import { child, forbidden, index, invalid, invalidEach, nonNegative, required, tooLong } from './field.js';
import { goLiteral, goStringMap } from './go-syntax.js';
import {
  byteLength,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isLabelValue,
  isQualifiedName,
  maskTrailingDash,
} from './names.js';

/** A name check: returns apimachinery's messages; `prefix` is true for generateName. */
export type NameFn = (name: string, prefix: boolean) => string[];

/** Names that must be DNS-1123 subdomains (Pods, Deployments, ConfigMaps, …). */
export const nameIsDNSSubdomain: NameFn = (n, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(n) : n);
/** Names that must be DNS-1123 labels (Namespaces). */
export const nameIsDNSLabel: NameFn = (n, prefix) => isDNS1123Label(prefix ? maskTrailingDash(n) : n);
/** Names that must be DNS-1035 labels (Services). */
export const nameIsDNS1035Label: NameFn = (n, prefix) => isDNS1035Label(prefix ? maskTrailingDash(n) : n);

const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;
const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

/** Each label key must be a qualified name and each value a label value; errors sit on the map's path. */
export function validateLabels(labels: Record<string, unknown> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    errs.push(...validateLabelName(k, path));
    const value = String(v ?? '');
    errs.push(...invalidEach(path, value, isLabelValue(value)));
  }
  return errs;
}

/** A label key (also used for selector keys and toleration keys). */
export function validateLabelName(k: string, path: string): FieldError[] {
  return invalidEach(path, k, isQualifiedName(k));
}

/** Annotation keys are checked lower-cased (but reported as written); the total size is capped at 256 KiB. */
export function validateAnnotations(annotations: Record<string, unknown> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let size = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    errs.push(...invalidEach(path, k, isQualifiedName(k.toLowerCase())));
    size += byteLength(k) + byteLength(String(v ?? ''));
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

function validateFinalizers(finalizers: unknown, path: string): FieldError[] {
  if (!Array.isArray(finalizers)) return [];
  const errs: FieldError[] = [];
  finalizers.forEach((f: string, i) => {
    errs.push(...invalidEach(path, f, isQualifiedName(f)));
    // core's extra rule: an unprefixed finalizer must be one of the built-in names.
    if (!f.includes('/') && !STANDARD_FINALIZERS.has(f)) {
      errs.push(invalid(index(path, i), f, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  });
  return errs;
}

function validateOwnerReferences(refs: unknown, path: string): FieldError[] {
  if (!Array.isArray(refs)) return [];
  const errs: FieldError[] = [];
  for (const r of refs as Record<string, string>[]) {
    const version = (r.apiVersion ?? '').split('/').pop() ?? '';
    if (!version) errs.push(invalid(child(path, 'apiVersion'), r.apiVersion ?? '', 'version must not be empty'));
    if (!r.kind) errs.push(invalid(child(path, 'kind'), r.kind ?? '', 'kind must not be empty'));
    if (!r.name) errs.push(invalid(child(path, 'name'), r.name ?? '', 'name must not be empty'));
    if (!r.uid) errs.push(invalid(child(path, 'uid'), r.uid ?? '', 'uid must not be empty'));
  }
  return errs;
}

/** Options for `validateObjectMeta`. */
export interface MetaOptions {
  namespaced: boolean;
  nameFn: NameFn;
  /** Path of the metadata (default `metadata`). */
  path?: string;
}

/**
 * ValidateObjectMeta on create. Cluster-scoped objects are not rejected for carrying a namespace: the
 * real server clears it before validating, so a stray `metadata.namespace` on a Namespace is ignored.
 */
export function validateObjectMeta(meta: ObjectMeta | undefined, opts: MetaOptions): FieldError[] {
  const path = opts.path ?? 'metadata';
  const m = (meta ?? {}) as ObjectMeta;
  const errs: FieldError[] = [];
  if (m.generateName) {
    errs.push(...invalidEach(child(path, 'generateName'), m.generateName, opts.nameFn(m.generateName, true)));
  }
  if (!m.name) errs.push(required(child(path, 'name'), 'name or generateName is required'));
  else errs.push(...invalidEach(child(path, 'name'), m.name, opts.nameFn(m.name, false)));
  if (opts.namespaced) {
    if (!m.namespace) errs.push(required(child(path, 'namespace')));
    else errs.push(...invalidEach(child(path, 'namespace'), m.namespace, isDNS1123Label(m.namespace)));
  }
  errs.push(...nonNegative(child(path, 'generation'), m.generation));
  errs.push(...validateLabels(m.labels, child(path, 'labels')));
  errs.push(...validateAnnotations(m.annotations, child(path, 'annotations')));
  errs.push(...validateOwnerReferences(m.ownerReferences, child(path, 'ownerReferences')));
  errs.push(...validateFinalizers(m.finalizers, child(path, 'finalizers')));
  return errs;
}

/**
 * ValidateObjectMetaUpdate, reduced to what the simulator can get wrong: identity fields (uid,
 * resourceVersion, creationTimestamp) are carried over by the object store, so only the generation and
 * the label/annotation/finalizer syntax are re-checked.
 */
export function validateObjectMetaUpdate(meta: ObjectMeta | undefined, old: ObjectMeta | undefined): FieldError[] {
  const m = (meta ?? {}) as ObjectMeta;
  const errs: FieldError[] = [];
  if ((m.generation ?? 0) < (old?.generation ?? 0)) {
    errs.push(invalid('metadata.generation', m.generation ?? 0, 'must not be decremented'));
  }
  errs.push(...validateLabels(m.labels, 'metadata.labels'));
  errs.push(...validateAnnotations(m.annotations, 'metadata.annotations'));
  errs.push(...validateOwnerReferences(m.ownerReferences, 'metadata.ownerReferences'));
  errs.push(...validateFinalizers(m.finalizers, 'metadata.finalizers'));
  return errs;
}

/** A metav1.LabelSelector (matchLabels + matchExpressions); undefined is valid. */
export function validateLabelSelector(sel: LabelSelector | undefined | null, path: string): FieldError[] {
  if (!sel) return [];
  const errs = validateLabels(sel.matchLabels, child(path, 'matchLabels'));
  (sel.matchExpressions ?? []).forEach((expr, i) => {
    const p = index(child(path, 'matchExpressions'), i);
    const values = expr.values ?? [];
    switch (expr.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) {
          errs.push(required(child(p, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"));
        }
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) {
          errs.push(forbidden(child(p, 'values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        }
        break;
      default:
        errs.push(invalid(child(p, 'operator'), expr.operator ?? '', 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(expr.key ?? '', child(p, 'key')));
    values.forEach((v, j) => errs.push(...invalidEach(index(child(p, 'values'), j), v, isLabelValue(v))));
  });
  return errs;
}

/** Would metav1.LabelSelectorAsSelector accept this selector? (It re-validates keys, values and operators.) */
export function selectorConvertible(sel: LabelSelector | undefined | null): boolean {
  return validateLabelSelector(sel, 'x').length === 0;
}

/** The template-labels value as printed in "`selector` does not match template `labels`". */
export function goTemplateLabels(labels: Record<string, string> | undefined): ReturnType<typeof goLiteral> {
  return goLiteral(goStringMap(labels));
}
