/**
 * Pod, PodSpec and PodTemplateSpec validation (pkg/apis/core/validation, 1.32), create and update.
 */
import type { FieldError } from '../../errors.js';
import type { Json, KubeObject } from '../types.js';
import { child, forbidden, index, invalid, invalidEach, notSupported, required } from './field.js';
import { validateContainers, validateEnum, validateInitContainers } from './container.js';
import { validateVolumes } from './volumes.js';
import { nameIsDNSSubdomain, validateAnnotations, validateLabelName, validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './meta.js';
import { isDNS1123Label, isLabelValue } from './names.js';
import { semanticEqual } from './equality.js';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const MAX_INT32 = 2147483647;

function validateToleration(t: Json, p: string): FieldError[] {
  const errs: FieldError[] = [];
  const op = t.operator ?? '';
  if (t.key) errs.push(...validateLabelName(t.key, child(p, 'key')));
  if (!t.key && op !== 'Exists') {
    errs.push(invalid(child(p, 'operator'), op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
  }
  if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && t.effect !== 'NoExecute') {
    errs.push(invalid(child(p, 'effect'), t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
  }
  if (op === 'Equal' || op === '') {
    const msgs = isLabelValue(t.value ?? '');
    if (msgs.length) errs.push(invalid(child(p, 'operator'), t.value ?? '', msgs.join(';')));
  } else if (op === 'Exists') {
    if (t.value) errs.push(invalid(child(p, 'operator'), t.value, "value must be empty when `operator` is 'Exists'"));
  } else {
    errs.push(notSupported(child(p, 'operator'), op, ['Equal', 'Exists']));
  }
  if (t.effect && !TAINT_EFFECTS.includes(t.effect)) errs.push(notSupported(child(p, 'effect'), t.effect, TAINT_EFFECTS));
  return errs;
}

function validateHostNetworkPorts(spec: Json, path: string, isPod: boolean): FieldError[] {
  if (!spec.hostNetwork) return [];
  const errs: FieldError[] = [];
  (spec.containers ?? []).forEach((c: Json, i: number) => {
    (c.ports ?? []).forEach((port: Json, j: number) => {
      const hp = port.hostPort ?? 0;
      // In a template an unset hostPort is fine: it is defaulted when the pod is created.
      if ((isPod || hp !== 0) && hp !== port.containerPort) {
        const p = child(index(child(index(child(path, 'containers'), i), 'ports'), j), 'hostPort');
        errs.push(invalid(p, hp, 'must match `containerPort` when `hostNetwork` is true'));
      }
    });
  });
  return errs;
}

function validateOptionalName(spec: Json, field: string, path: string, check: (n: string) => string[]): FieldError[] {
  const v = spec[field];
  return v ? invalidEach(child(path, field), v, check(v)) : [];
}

/** ValidatePodSpec, in the server's order. `isPod` is false for templates inside workloads. */
export function validatePodSpec(spec: Json, path: string, isPod: boolean): FieldError[] {
  const s = spec ?? {};
  const errs: FieldError[] = [];
  if (s.terminationGracePeriodSeconds === undefined || s.terminationGracePeriodSeconds === null) {
    errs.push(required(child(path, 'terminationGracePeriodSeconds')));
  }
  const vols = validateVolumes(s.volumes, child(path, 'volumes'));
  errs.push(...vols.errs);
  errs.push(...validateContainers(s.containers, vols.names, child(path, 'containers')));
  errs.push(...validateInitContainers(s.initContainers, s.containers, vols.names, child(path, 'initContainers')));
  errs.push(...validateHostNetworkPorts(s, path, isPod));
  errs.push(...validateEnum(s.restartPolicy, child(path, 'restartPolicy'), RESTART_POLICIES));
  errs.push(...validateEnum(s.dnsPolicy, child(path, 'dnsPolicy'), DNS_POLICIES));
  errs.push(...validateLabels(s.nodeSelector, child(path, 'nodeSelector')));
  if (s.dnsPolicy === 'None' && !s.dnsConfig) {
    errs.push(required(child(path, 'dnsConfig'), 'must provide `dnsConfig` when `dnsPolicy` is None'));
  }
  errs.push(...validateOptionalName(s, 'serviceAccountName', path, (n) => nameIsDNSSubdomain(n, false)));
  errs.push(...validateOptionalName(s, 'nodeName', path, (n) => nameIsDNSSubdomain(n, false)));
  const ads = s.activeDeadlineSeconds;
  if (typeof ads === 'number' && (ads < 1 || ads > MAX_INT32)) {
    errs.push(invalid(child(path, 'activeDeadlineSeconds'), ads, `must be between 1 and ${MAX_INT32}, inclusive`));
  }
  errs.push(...validateOptionalName(s, 'hostname', path, isDNS1123Label));
  errs.push(...validateOptionalName(s, 'subdomain', path, isDNS1123Label));
  (s.tolerations ?? []).forEach((t: Json, i: number) => errs.push(...validateToleration(t, index(child(path, 'tolerations'), i))));
  errs.push(...validateOptionalName(s, 'priorityClassName', path, (n) => nameIsDNSSubdomain(n, false)));
  if (s.preemptionPolicy !== undefined) {
    errs.push(...validateEnum(s.preemptionPolicy, child(path, 'preemptionPolicy'), ['PreemptLowerPriority', 'Never']));
  }
  return errs;
}

function validateImageWhitespace(containers: Json[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (containers ?? []).forEach((c, i) => {
    const image = String(c.image ?? '');
    if (image !== image.trim()) {
      errs.push(invalid(child(index(path, i), 'image'), image, 'must not have leading or trailing whitespace'));
    }
  });
  return errs;
}

function validatePodMetadataAndSpec(pod: KubeObject): FieldError[] {
  const errs = validateObjectMeta(pod.metadata, { namespaced: true, nameFn: nameIsDNSSubdomain });
  errs.push(...validatePodSpec(pod.spec, 'spec', true));
  errs.push(...validateImageWhitespace(pod.spec?.containers, 'spec.containers'));
  errs.push(...validateImageWhitespace(pod.spec?.initContainers, 'spec.initContainers'));
  return errs;
}

/** ValidatePodCreate. */
export function validatePod(pod: KubeObject): FieldError[] {
  const errs = validatePodMetadataAndSpec(pod);
  if ((pod.spec?.ephemeralContainers ?? []).length > 0) {
    errs.push(forbidden('spec.ephemeralContainers', 'cannot be set on create'));
  }
  return errs;
}

/** The list printed in the pod-update Forbidden error, joined with "," and no spaces as 1.27+ servers do. */
const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

function validateContainerUpdates(next: Json[] | undefined, prev: Json[] | undefined, path: string): { errs: FieldError[]; stop: boolean } {
  if ((next ?? []).length !== (prev ?? []).length) {
    return { errs: [forbidden(path, 'pod updates may not add or remove containers')], stop: true };
  }
  const errs: FieldError[] = [];
  (next ?? []).forEach((c, i) => {
    if (!c.image) errs.push(required(child(index(path, i), 'image')));
  });
  return { errs, stop: false };
}

function tolerationsOnlyAdded(next: Json[] | undefined, prev: Json[] | undefined): boolean {
  return (prev ?? []).every((old) =>
    (next ?? []).some((t) => semanticEqual({ ...old, tolerationSeconds: t.tolerationSeconds }, t)),
  );
}

/** The spec with every field a pod update may change reset to the old value. */
function mungedSpec(next: Json, prev: Json): Json {
  const m = { ...next };
  m.containers = (next.containers ?? []).map((c: Json, i: number) => ({ ...c, image: prev.containers?.[i]?.image }));
  if (next.initContainers) {
    m.initContainers = next.initContainers.map((c: Json, i: number) => ({ ...c, image: prev.initContainers?.[i]?.image }));
  }
  m.activeDeadlineSeconds = prev.activeDeadlineSeconds;
  m.tolerations = prev.tolerations;
  m.schedulingGates = prev.schedulingGates;
  if ((prev.terminationGracePeriodSeconds ?? 0) < 0 && next.terminationGracePeriodSeconds === 1) {
    m.terminationGracePeriodSeconds = prev.terminationGracePeriodSeconds;
  }
  return m;
}

/**
 * ValidatePodUpdate. The real Forbidden message continues with a go-cmp diff of the two specs after a
 * newline; that diff is not reproduced.
 */
export function validatePodUpdate(pod: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(pod.metadata, old.metadata);
  errs.push(...validatePodMetadataAndSpec(pod));
  const next = pod.spec ?? {};
  const prev = old.spec ?? {};
  for (const list of ['containers', 'initContainers']) {
    const r = validateContainerUpdates(next[list], prev[list], child('spec', list));
    errs.push(...r.errs);
    if (r.stop) return errs;
  }
  const ads = next.activeDeadlineSeconds;
  if (typeof ads === 'number') {
    if (ads < 0 || ads > MAX_INT32) return [...errs, invalid('spec.activeDeadlineSeconds', ads, `must be between 0 and ${MAX_INT32}, inclusive`)];
    if (typeof prev.activeDeadlineSeconds === 'number' && prev.activeDeadlineSeconds < ads) {
      return [...errs, invalid('spec.activeDeadlineSeconds', ads, 'must be less than or equal to previous value')];
    }
  } else if (typeof prev.activeDeadlineSeconds === 'number') {
    errs.push(invalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'));
  }
  if (!tolerationsOnlyAdded(next.tolerations, prev.tolerations)) {
    errs.push(forbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds'));
  }
  if (!semanticEqual(mungedSpec(next, prev), prev)) {
    errs.push(forbidden('spec', `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}`));
  }
  return errs;
}

/**
 * ValidatePodTemplateSpec. Imitates the server's paths: template labels and annotations are reported at
 * `<path>.labels` / `<path>.annotations`, without `.metadata`.
 */
export function validatePodTemplateSpec(template: Json, path: string): FieldError[] {
  const t = template ?? {};
  const errs = validateLabels(t.metadata?.labels, child(path, 'labels'));
  errs.push(...validateAnnotations(t.metadata?.annotations, child(path, 'annotations')));
  errs.push(...validatePodSpec(t.spec, child(path, 'spec'), false));
  if ((t.spec?.ephemeralContainers ?? []).length > 0) {
    errs.push(forbidden(child(path, 'spec', 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}
