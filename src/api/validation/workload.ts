/**
 * Deployment, ReplicaSet and DaemonSet validation (pkg/apis/apps/validation, 1.32) and the apps/v1
 * selector immutability their registry strategies add on update.
 */
import type { FieldError } from '../../errors.js';
import type { Json, KubeObject } from '../types.js';
import { fromLabelSelector, matchesSelector, type LabelSelector } from '../labels.js';
import { child, forbidden, invalid, invalidEach, nonNegative, notSupported, required } from './field.js';
import { goLabelSelector, goLiteral, goQuote, goStringMap, type GoLiteral } from './go-syntax.js';
import { isValidPercent } from './names.js';
import { nameIsDNSSubdomain, selectorConvertible, validateLabelSelector, validateObjectMeta, validateObjectMetaUpdate } from './meta.js';
import { validatePodTemplateSpec } from './pod.js';
import { semanticEqual } from './equality.js';

/** `%#v` of an intstr.IntOrString value (its String method has a pointer receiver, so Go prints the struct). */
function goIntOrString(v: unknown): GoLiteral {
  if (typeof v === 'number') return goLiteral(`intstr.IntOrString{Type:0, IntVal:${v}, StrVal:""}`);
  return goLiteral(`intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(String(v ?? ''))}}`);
}

/** getIntOrPercentValue: "25%" → 25, 3 → 3, anything unparseable → 0. */
function intOrPercentValue(v: unknown): number {
  if (typeof v === 'number') return v;
  const s = String(v ?? '');
  const n = Number.parseInt(s.endsWith('%') ? s.slice(0, -1) : s, 10);
  return /^-?\d+%?$/.test(s) && Number.isFinite(n) ? n : 0;
}

function validatePositiveIntOrPercent(v: unknown, path: string): FieldError[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'number') return nonNegative(path, v);
  return invalidEach(path, goIntOrString(v), isValidPercent(String(v)));
}

function notMoreThan100Percent(v: unknown, path: string): FieldError[] {
  const pct = typeof v === 'string' && isValidPercent(v).length === 0 ? intOrPercentValue(v) : undefined;
  return pct !== undefined && pct > 100 ? [invalid(path, goIntOrString(v), 'must not be greater than 100%')] : [];
}

const selectorValue = (sel: unknown): GoLiteral => goLiteral(goLabelSelector(sel as LabelSelector | undefined));
const isEmptySelector = (sel: LabelSelector): boolean =>
  Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0;

function selectorMismatch(template: Json, path: string): FieldError {
  return invalid(child(path, 'metadata', 'labels'), goLiteral(goStringMap(template?.metadata?.labels)), '`selector` does not match template `labels`');
}

/** ValidatePodTemplateSpecForReplicaSet (shared by Deployments and ReplicaSets). */
function validateTemplateForReplicaSet(spec: Json, path: string, owner: string): FieldError[] {
  const errs: FieldError[] = [];
  const sel: LabelSelector | undefined = spec.selector ?? undefined;
  const t = spec.template ?? {};
  // A nil selector converts to "nothing" (matches no labels); an empty one to "everything" (check skipped).
  const skipMatch = sel !== undefined && isEmptySelector(sel);
  if (!skipMatch && !(sel && matchesSelector(fromLabelSelector(sel), t.metadata?.labels))) errs.push(selectorMismatch(t, path));
  errs.push(...validatePodTemplateSpec(t, path));
  const rp = t.spec?.restartPolicy ?? 'Always';
  if (rp !== 'Always') errs.push(notSupported(child(path, 'spec', 'restartPolicy'), rp, ['Always']));
  if (t.spec?.activeDeadlineSeconds !== undefined && t.spec?.activeDeadlineSeconds !== null) {
    errs.push(forbidden(child(path, 'spec', 'activeDeadlineSeconds'), `activeDeadlineSeconds in ${owner} is not Supported`));
  }
  return errs;
}

/**
 * Selector required, syntactically valid and non-empty, then the template. Imitates the server: the
 * empty-selector message says "deployment" for ReplicaSets too (shared code upstream).
 */
function validateSelectorAndTemplate(spec: Json): FieldError[] {
  const errs: FieldError[] = [];
  if (!spec.selector) errs.push(required('spec.selector'));
  else {
    errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
    if (isEmptySelector(spec.selector)) errs.push(invalid('spec.selector', selectorValue(spec.selector), 'empty selector is invalid for deployment'));
  }
  if (!selectorConvertible(spec.selector)) errs.push(invalid('spec.selector', selectorValue(spec.selector), 'invalid label selector'));
  else errs.push(...validateTemplateForReplicaSet(spec, 'spec.template', 'ReplicaSet'));
  return errs;
}

/** `%#v` of an apps update strategy (`apps.DeploymentStrategy{Type:"x", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}`). */
function goStrategy(struct: string, rollingUpdate: string, s: Json): GoLiteral {
  // A set pointer prints as an address in Go; any fixed address stands in for it.
  const ru = `(*apps.${rollingUpdate})(${s.rollingUpdate ? '0xc0004a2f60' : 'nil'})`;
  return goLiteral(`apps.${struct}{Type:${goQuote(s.type ?? '')}, RollingUpdate:${ru}}`);
}

function validateDeploymentStrategy(strategy: Json): FieldError[] {
  const s = strategy ?? {};
  const path = 'spec.strategy';
  if (s.type === 'Recreate') {
    return s.rollingUpdate ? [forbidden(child(path, 'rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'")] : [];
  }
  if (s.type !== 'RollingUpdate') return [notSupported(path, goStrategy('DeploymentStrategy', 'RollingUpdateDeployment', s), ['Recreate', 'RollingUpdate'])];
  const ru = s.rollingUpdate;
  if (!ru) return [required(child(path, 'rollingUpdate'), 'this should be defaulted and never be nil')];
  const p = child(path, 'rollingUpdate');
  const errs = validatePositiveIntOrPercent(ru.maxUnavailable, child(p, 'maxUnavailable'));
  errs.push(...validatePositiveIntOrPercent(ru.maxSurge, child(p, 'maxSurge')));
  if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
    errs.push(invalid(child(p, 'maxUnavailable'), goIntOrString(ru.maxUnavailable ?? 0), 'may not be 0 when `maxSurge` is 0'));
  }
  errs.push(...notMoreThan100Percent(ru.maxUnavailable, child(p, 'maxUnavailable')));
  return errs;
}

function validateDeploymentSpec(spec: Json): FieldError[] {
  const s = spec ?? {};
  const errs = nonNegative('spec.replicas', s.replicas);
  errs.push(...validateSelectorAndTemplate(s));
  errs.push(...validateDeploymentStrategy(s.strategy));
  errs.push(...nonNegative('spec.minReadySeconds', s.minReadySeconds));
  errs.push(...nonNegative('spec.revisionHistoryLimit', s.revisionHistoryLimit));
  const pds = s.progressDeadlineSeconds;
  if (typeof pds === 'number') {
    errs.push(...nonNegative('spec.progressDeadlineSeconds', pds));
    if (pds <= (s.minReadySeconds ?? 0)) errs.push(invalid('spec.progressDeadlineSeconds', pds, 'must be greater than minReadySeconds'));
  }
  return errs;
}

function validateReplicaSetSpec(spec: Json): FieldError[] {
  const s = spec ?? {};
  const errs = nonNegative('spec.replicas', s.replicas);
  errs.push(...nonNegative('spec.minReadySeconds', s.minReadySeconds));
  errs.push(...validateSelectorAndTemplate(s));
  return errs;
}

function validateDaemonSetStrategy(strategy: Json): FieldError[] {
  const s = strategy ?? {};
  const path = 'spec.updateStrategy';
  if (s.type === 'OnDelete') return [];
  if (s.type !== 'RollingUpdate') return [notSupported(path, goStrategy('DaemonSetUpdateStrategy', 'RollingUpdateDaemonSet', s), ['RollingUpdate', 'OnDelete'])];
  const ru = s.rollingUpdate;
  const p = child(path, 'rollingUpdate');
  if (!ru) return [required(p)];
  const errs = validatePositiveIntOrPercent(ru.maxUnavailable, child(p, 'maxUnavailable'));
  errs.push(...validatePositiveIntOrPercent(ru.maxSurge, child(p, 'maxSurge')));
  errs.push(...notMoreThan100Percent(ru.maxUnavailable, child(p, 'maxUnavailable')));
  errs.push(...notMoreThan100Percent(ru.maxSurge, child(p, 'maxSurge')));
  const unavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
  const surge = intOrPercentValue(ru.maxSurge) !== 0;
  if (unavailable && surge) errs.push(invalid(child(p, 'maxSurge'), goIntOrString(ru.maxSurge), 'may not be set when maxUnavailable is non-zero'));
  if (!unavailable && !surge) errs.push(required(child(p, 'maxUnavailable'), 'cannot be 0 when maxSurge is 0'));
  return errs;
}

/** ValidateDaemonSetSpec. Unlike Deployments, a missing selector is not "Required": it only fails to match. */
function validateDaemonSetSpec(spec: Json): FieldError[] {
  const s = spec ?? {};
  const errs = validateLabelSelector(s.selector, 'spec.selector');
  const t = s.template ?? {};
  if (selectorConvertible(s.selector) && !(s.selector && matchesSelector(fromLabelSelector(s.selector), t.metadata?.labels))) {
    errs.push(selectorMismatch(t, 'spec.template'));
  }
  if (s.selector && isEmptySelector(s.selector)) errs.push(invalid('spec.selector', selectorValue(s.selector), 'empty selector is invalid for daemonset'));
  errs.push(...validatePodTemplateSpec(t, 'spec.template'));
  const rp = t.spec?.restartPolicy ?? 'Always';
  if (rp !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', rp, ['Always']));
  if (t.spec?.activeDeadlineSeconds !== undefined && t.spec?.activeDeadlineSeconds !== null) {
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in DaemonSet is not Supported'));
  }
  errs.push(...nonNegative('spec.minReadySeconds', s.minReadySeconds));
  errs.push(...validateDaemonSetStrategy(s.updateStrategy));
  errs.push(...nonNegative('spec.revisionHistoryLimit', s.revisionHistoryLimit));
  return errs;
}

const SPEC_VALIDATORS: Record<string, (spec: Json) => FieldError[]> = {
  Deployment: validateDeploymentSpec,
  ReplicaSet: validateReplicaSetSpec,
  DaemonSet: validateDaemonSetSpec,
};

/** Deployment / ReplicaSet / DaemonSet on create. */
export function validateWorkload(obj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, { namespaced: true, nameFn: nameIsDNSSubdomain });
  return [...errs, ...(SPEC_VALIDATORS[obj.kind]?.(obj.spec) ?? [])];
}

/** On update the spec is validated again, then apps/v1 forbids changing `spec.selector`. */
export function validateWorkloadUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(obj.metadata, old.metadata);
  errs.push(...(SPEC_VALIDATORS[obj.kind]?.(obj.spec) ?? []));
  if (!semanticEqual(obj.spec?.selector, old.spec?.selector)) {
    errs.push(invalid('spec.selector', selectorValue(obj.spec?.selector), 'field is immutable'));
  }
  return errs;
}
