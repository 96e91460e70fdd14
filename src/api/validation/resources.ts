/**
 * Container `resources` validation (ValidateContainerResourceRequirements, 1.32): resource names,
 * non-negative quantities, and requests ≤ limits (= limits for resources that cannot be overcommitted).
 */
import type { FieldError } from '../../errors.js';
import type { Json } from '../types.js';
import { child, invalid, invalidEach, key, required } from './field.js';
import { isQualifiedName } from './names.js';
import { quantityOf, quantityString, type Quantity } from './quantity.js';

const STANDARD_CONTAINER = new Set(['cpu', 'memory', 'ephemeral-storage']);
const STANDARD_OTHER = new Set([
  'pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps', 'persistentvolumeclaims',
  'storage', 'requests.cpu', 'requests.memory', 'requests.storage', 'requests.ephemeral-storage', 'limits.cpu',
  'limits.memory', 'limits.ephemeral-storage', 'services.nodeports', 'services.loadbalancers',
]);

const isHugePages = (n: string): boolean => n.startsWith('hugepages-');
const isNative = (n: string): boolean => !n.includes('/') || n.includes('kubernetes.io/');
/** Extended resources (vendor-prefixed) and hugepages may not be overcommitted. */
const overcommitAllowed = (n: string): boolean => isNative(n) && !isHugePages(n);

function validateResourceName(name: string, path: string): FieldError[] {
  const errs = invalidEach(path, name, isQualifiedName(name));
  if (errs.length) return errs;
  if (name.includes('/')) return [];
  if (!STANDARD_CONTAINER.has(name) && !STANDARD_OTHER.has(name) && !isHugePages(name)) {
    errs.push(invalid(path, name, 'must be a standard resource type or fully qualified'));
  }
  if (!STANDARD_CONTAINER.has(name) && !isHugePages(name)) errs.push(invalid(path, name, 'must be a standard resource for containers'));
  return errs;
}

function validateQuantity(name: string, q: Quantity, path: string): FieldError[] {
  if (q.nano < 0n) return [invalid(path, quantityString(q), 'must be greater than or equal to 0')];
  if (!isNative(name) && q.nano % 10n ** 9n !== 0n) return [invalid(path, quantityString(q), 'must be an integer')];
  return [];
}

function parsed(list: Json): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  for (const [k, v] of Object.entries(list ?? {})) {
    const q = quantityOf(v);
    if (typeof q !== 'string') out.set(k, q); // unparseable values were already rejected while decoding
  }
  return out;
}

/** Validates `resources.limits` then `resources.requests` of one container. */
export function validateResources(res: Json, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const limPath = child(path, 'limits');
  const reqPath = child(path, 'requests');
  const limits = parsed(res?.limits);
  const requests = parsed(res?.requests);
  for (const [name, q] of limits) {
    errs.push(...validateResourceName(name, key(limPath, name)));
    errs.push(...validateQuantity(name, q, key(limPath, name)));
  }
  for (const [name, q] of requests) {
    errs.push(...validateResourceName(name, key(reqPath, name)));
    errs.push(...validateQuantity(name, q, key(reqPath, name)));
    const limit = limits.get(name);
    if (limit) {
      const value = quantityString(q);
      const lim = quantityString(limit);
      // Imitates the server: these two errors sit on the `requests` map itself, not the key.
      if (q.nano !== limit.nano && !overcommitAllowed(name)) {
        errs.push(invalid(reqPath, value, `must be equal to ${name} limit of ${lim}`));
      } else if (q.nano > limit.nano) {
        errs.push(invalid(reqPath, value, `must be less than or equal to ${name} limit of ${lim}`));
      }
    } else if (!overcommitAllowed(name)) {
      errs.push(required(limPath, 'Limit must be set for non overcommitable resources'));
    }
  }
  return errs;
}
