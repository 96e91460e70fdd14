/**
 * Constructors for `FieldError`s mirroring apimachinery's `field.Required`, `field.Invalid`, … so that the
 * per-kind validators read like the API server's. Paths are plain strings built with `child`/`index`/`key`.
 */
import type { FieldError } from '../../errors.js';
import { goQuote, goValue } from './go-syntax.js';

/** `parent.name` (or just `name` at the root). */
export function child(parent: string, ...names: string[]): string {
  return [parent, ...names].filter((s) => s !== '').join('.');
}

/** `parent[i]`. */
export function index(parent: string, i: number): string {
  return `${parent}[${i}]`;
}

/** `parent[key]` — apimachinery prints map keys unquoted. */
export function key(parent: string, k: string): string {
  return `${parent}[${k}]`;
}

/** `field: Required value[: detail]` (the value is never printed). */
export function required(field: string, detail = ''): FieldError {
  return { field, type: 'Required value', detail: detail || undefined };
}

/** `field: Invalid value: <go value>: detail`. */
export function invalid(field: string, value: unknown, detail: string): FieldError {
  return { field, type: 'Invalid value', value: goValue(value), detail: detail || undefined };
}

/** `field: Unsupported value: "x": supported values: "a", "b"` — the list is printed in the order given. */
export function notSupported(field: string, value: unknown, supported: readonly string[]): FieldError {
  const detail = supported.length ? `supported values: ${supported.map(goQuote).join(', ')}` : undefined;
  return { field, type: 'Unsupported value', value: goValue(value), detail };
}

/** `field: Forbidden: detail` (the value is never printed). */
export function forbidden(field: string, detail: string): FieldError {
  return { field, type: 'Forbidden', detail };
}

/** `field: Duplicate value: <go value>`. */
export function duplicate(field: string, value: unknown): FieldError {
  return { field, type: 'Duplicate value', value: goValue(value) };
}

/** `field: Not found: <go value>`. */
export function notFound(field: string, value: unknown): FieldError {
  return { field, type: 'Not found', value: goValue(value) };
}

/** `field: Too long: may not be more than N bytes` (apimachinery omits the value for this type). */
export function tooLong(field: string, max: number): FieldError {
  return { field, type: 'Too long', detail: `may not be more than ${max} bytes` };
}

/** Turns a list of apimachinery messages about one value into `Invalid value` errors. */
export function invalidEach(field: string, value: unknown, msgs: readonly string[]): FieldError[] {
  return msgs.map((m) => invalid(field, value, m));
}

/** `Invalid value: <n>: must be greater than or equal to 0` for negative numbers. */
export function nonNegative(field: string, value: unknown): FieldError[] {
  return typeof value === 'number' && value < 0 ? [invalid(field, value, 'must be greater than or equal to 0')] : [];
}
