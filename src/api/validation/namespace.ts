/**
 * Namespace, Node and ServiceAccount validation (pkg/apis/core/validation, 1.32).
 */
import type { FieldError } from '../../errors.js';
import type { Json, KubeObject } from '../types.js';
import { duplicate, index, invalid, invalidEach, notSupported, required } from './field.js';
import { goLiteral, goQuote } from './go-syntax.js';
import { isLabelValue, isQualifiedName, isValidCIDR } from './names.js';
import { nameIsDNSLabel, nameIsDNSSubdomain, validateLabelName, validateObjectMeta, validateObjectMetaUpdate } from './meta.js';

const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** Namespace names are DNS-1123 labels; spec.finalizers must be qualified (or built-in) names. */
export function validateNamespace(ns: KubeObject): FieldError[] {
  const errs = validateObjectMeta(ns.metadata, { namespaced: false, nameFn: nameIsDNSLabel });
  for (const f of (ns.spec?.finalizers ?? []) as string[]) {
    errs.push(...invalidEach('spec.finalizers', f, isQualifiedName(f)));
    if (!f.includes('/') && !STANDARD_FINALIZERS.has(f)) {
      errs.push(invalid('spec.finalizers', f, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  }
  return errs;
}

/** ValidateNamespaceUpdate checks only metadata (the registry keeps spec.finalizers as stored). */
export function validateNamespaceUpdate(ns: KubeObject, old: KubeObject): FieldError[] {
  return validateObjectMetaUpdate(ns.metadata, old.metadata);
}

function goTaint(t: Json): ReturnType<typeof goLiteral> {
  return goLiteral(
    `core.Taint{Key:${goQuote(t.key ?? '')}, Value:${goQuote(t.value ?? '')}, Effect:${goQuote(t.effect ?? '')}, TimeAdded:(*v1.Time)(nil)}`,
  );
}

/** Imitates the server: node taint errors are reported under `metadata.taints`, not `spec.taints`. */
function validateTaints(taints: Json[] | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (taints ?? []).forEach((t, i) => {
    const p = index('metadata.taints', i);
    errs.push(...validateLabelName(t.key ?? '', `${p}.key`));
    const msgs = isLabelValue(t.value ?? '');
    if (msgs.length) errs.push(invalid(`${p}.value`, t.value ?? '', msgs.join(';')));
    if (!t.effect) errs.push(required(`${p}.effect`));
    else if (!TAINT_EFFECTS.includes(t.effect)) errs.push(notSupported(`${p}.effect`, t.effect, TAINT_EFFECTS));
    const k = `${t.effect}\u0000${t.key}`;
    if (seen.has(k)) errs.push({ ...duplicate(p, goTaint(t)), detail: 'taints must be unique by key and effect pair' });
    seen.add(k);
  });
  return errs;
}

/** Node names are DNS-1123 subdomains; taints and pod CIDRs are checked. */
export function validateNode(node: KubeObject): FieldError[] {
  const errs = validateObjectMeta(node.metadata, { namespaced: false, nameFn: nameIsDNSSubdomain });
  errs.push(...validateTaints(node.spec?.taints));
  (node.spec?.podCIDRs ?? []).forEach((c: string, i: number) => errs.push(...invalidEach(`spec.podCIDRs[${i}]`, c, isValidCIDR(c))));
  return errs;
}

/** ServiceAccounts only have their metadata validated. */
export function validateServiceAccount(sa: KubeObject): FieldError[] {
  return validateObjectMeta(sa.metadata, { namespaced: true, nameFn: nameIsDNSSubdomain });
}
