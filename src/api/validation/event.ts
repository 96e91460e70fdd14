/**
 * core/v1 Event validation: the legacy rules the server still applies to v1 Events (legacyValidateEvent).
 */
import type { FieldError } from '../../errors.js';
import type { KubeObject } from '../types.js';
import { invalid, invalidEach, required } from './field.js';
import { isDNS1123Subdomain, isQualifiedName } from './names.js';

const DOES_NOT_MATCH = 'does not match event.namespace';

/**
 * Old-style events (no eventTime) must have involvedObject.namespace equal to their own namespace (an
 * empty one is allowed in "default"); new-style ones also need reportingComponent, reportingInstance,
 * action and reason.
 */
export function validateEvent(ev: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const ns = ev.metadata?.namespace ?? '';
  const involvedNs = ev.involvedObject?.namespace ?? '';
  if (!ev.eventTime) {
    if (!involvedNs ? ns !== '' && ns !== 'default' : ns !== involvedNs) {
      errs.push(invalid('involvedObject.namespace', involvedNs, DOES_NOT_MATCH));
    }
  } else {
    if (!involvedNs && ns !== 'default' && ns !== 'kube-system') errs.push(invalid('involvedObject.namespace', involvedNs, DOES_NOT_MATCH));
    const controller = ev.reportingComponent ?? '';
    if (!controller) errs.push(required('reportingComponent'));
    errs.push(...invalidEach('reportingComponent', controller, isQualifiedName(controller)));
    if (!ev.reportingInstance) errs.push(required('reportingInstance'));
    if (!ev.action) errs.push(required('action'));
    if (!ev.reason) errs.push(required('reason'));
  }
  errs.push(...invalidEach('namespace', ns, isDNS1123Subdomain(ns)));
  return errs;
}
