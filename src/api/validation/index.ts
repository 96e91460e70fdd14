/**
 * The API server's validation entry point: `validateObject(obj, old?)` returns the field errors a 1.32
 * server would put in its Invalid status, in the server's order. Build the printed message with
 * `ApiError.invalid(kind, name, errors)`.
 */
import type { FieldError } from '../../errors.js';
import { formatFieldError } from '../../errors.js';
import type { KubeObject } from '../types.js';
import { applyDefaults } from '../defaults/index.js';
import { validatePod, validatePodUpdate } from './pod.js';
import { validateService, validateServiceUpdate } from './service.js';
import { validateWorkload, validateWorkloadUpdate } from './workload.js';
import { validateConfigMap, validateConfigMapUpdate } from './configmap.js';
import { validateSecret, validateSecretUpdate } from './secret.js';
import { validateNamespace, validateNamespaceUpdate, validateNode, validateServiceAccount } from './namespace.js';
import { validateEndpoints, validateEndpointSlice } from './endpoints.js';
import { validateEvent } from './event.js';
import { validateNetworkPolicy, validateNetworkPolicyUpdate } from './networkpolicy.js';
import { validateIngress, validateIngressUpdate } from './ingress.js';
import { validateObjectMetaUpdate } from './meta.js';

type Create = (o: KubeObject) => FieldError[];
type Update = (o: KubeObject, old: KubeObject) => FieldError[];

/** Kinds whose update validation is "metadata update rules + the create checks". */
const withMetaUpdate =
  (create: Create): Update =>
  (o, old) => [...validateObjectMetaUpdate(o.metadata, old.metadata), ...create(o)];

const VALIDATORS: Readonly<Record<string, { create: Create; update: Update }>> = {
  Namespace: { create: validateNamespace, update: validateNamespaceUpdate },
  Node: { create: validateNode, update: withMetaUpdate(validateNode) },
  Pod: { create: validatePod, update: validatePodUpdate },
  Service: { create: validateService, update: validateServiceUpdate },
  Endpoints: { create: validateEndpoints, update: withMetaUpdate(validateEndpoints) },
  EndpointSlice: { create: validateEndpointSlice, update: withMetaUpdate(validateEndpointSlice) },
  Deployment: { create: validateWorkload, update: validateWorkloadUpdate },
  ReplicaSet: { create: validateWorkload, update: validateWorkloadUpdate },
  DaemonSet: { create: validateWorkload, update: validateWorkloadUpdate },
  ConfigMap: { create: validateConfigMap, update: validateConfigMapUpdate },
  Secret: { create: validateSecret, update: validateSecretUpdate },
  ServiceAccount: { create: validateServiceAccount, update: withMetaUpdate(validateServiceAccount) },
  Event: { create: validateEvent, update: validateEvent },
  NetworkPolicy: { create: validateNetworkPolicy, update: validateNetworkPolicyUpdate },
  Ingress: { create: validateIngress, update: validateIngressUpdate },
};

/** Drops repeated errors, as kubectl does when it prints the causes of an Invalid status. */
function dedupe(errs: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errs.filter((e) => {
    const s = formatFieldError(e);
    if (seen.has(s)) return false;
    seen.add(s);
    return true;
  });
}

/**
 * Validates an object on create (`old` undefined) or update, like the API server: the object is
 * defaulted first (the server validates defaulted objects, so absent defaulted fields never fail; the old
 * object, normally already defaulted by the store, is defaulted too), then
 * checked by its kind's rules. Kinds without rules validate clean. Service clusterIP bookkeeping on update
 * (keeping an omitted clusterIP) is applied before the immutability check; see `normalizeServiceIPs`.
 */
export function validateObject(obj: KubeObject, old?: KubeObject): FieldError[] {
  const v = VALIDATORS[obj.kind];
  if (!v) return [];
  const o = applyDefaults(obj);
  return dedupe(old ? v.update(o, applyDefaults(old)) : v.create(o));
}

export { decodeErrors, decodingFailureMessage } from './decode.js';
export { strictDecodingErrors, strictDecodingMessage } from './strict.js';
export { normalizeServiceIPs } from './service.js';
export { goLabelSelector, goQuote, goStringMap, goStringSlice, goValue } from './go-syntax.js';
