/**
 * `kubectl wait --for=…`: parsing the condition and checking it against one object, as kubectl 1.32's
 * pkg/cmd/wait does. Pure: no clock, no store.
 */
import type { KubeObject } from '../../api/types.js';
import { CliError } from '../../errors.js';
import { isGoMap } from '../../printers/jsonpath/go-values.js';
import { findJsonPathResults, formatGoValue, JsonPathError, parseJsonPath, relaxedJsonPath, type JsonPathTemplate } from '../../printers/jsonpath/index.js';

/** What to wait for. */
export type WaitFor =
  | { type: 'delete' }
  | { type: 'create' }
  | { type: 'condition'; name: string; status: string }
  | { type: 'jsonpath'; template: JsonPathTemplate; value?: string };

/** A condition check that failed for a reason other than "not yet" (kubectl stops waiting on it). */
export class ConditionError extends Error {}

const JSONPATH_FORMAT = "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'";
const JSONPATH_VALUE = "jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3";

/**
 * Parses --for. `kubectlMinor` is the persona's minor version: `jsonpath=` arrived in 1.23 and `create`
 * in 1.31; an older kubectl calls them unrecognized. Errors are kubectl's `error: …` texts.
 */
export function parseWaitFor(raw: string, kubectlMinor = 32): WaitFor {
  const lower = raw.toLowerCase();
  if (lower === 'delete') return { type: 'delete' };
  if (lower === 'create' && kubectlMinor >= 31) return { type: 'create' };
  // The prefixes are matched case-sensitively, unlike the two keywords.
  if (raw.startsWith('condition=')) {
    const rest = raw.slice('condition='.length);
    const eq = rest.indexOf('=');
    return eq < 0 ? { type: 'condition', name: rest, status: 'true' } : { type: 'condition', name: rest.slice(0, eq), status: rest.slice(eq + 1) };
  }
  if (raw.startsWith('jsonpath=') && kubectlMinor >= 23) return parseJsonPathFor(raw.slice('jsonpath='.length));
  throw new CliError(`unrecognized condition: ${JSON.stringify(raw)}`);
}

function parseJsonPathFor(input: string): WaitFor {
  const parts = splitJsonPathInput(input);
  if (parts.length > 2) throw new CliError(JSONPATH_FORMAT);
  const expr = relaxed(parts[0]);
  let value: string | undefined;
  if (parts.length === 2) {
    value = parts[1].replace(/^['"]+|['"]+$/g, '');
    if (value === '') throw new CliError(JSONPATH_VALUE);
  }
  if (expr === '') throw new CliError('jsonpath expression cannot be empty');
  try {
    return { type: 'jsonpath', template: parseJsonPath(expr), value };
  } catch (e) {
    if (e instanceof JsonPathError) throw new CliError(e.message);
    throw e;
  }
}

function relaxed(expr: string): string {
  try {
    return relaxedJsonPath(expr);
  } catch (e) {
    if (e instanceof JsonPathError) throw new CliError(e.message);
    throw e;
  }
}

/**
 * Splits on single `=`; a doubled `==` stays inside the element (it belongs to a filter such as
 * `[?(@.type=="Ready")]`).
 */
export function splitJsonPathInput(input: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=') {
      if (input[i + 1] === '=') {
        cur += '==';
        i++;
        continue;
      }
      out.push(cur);
      cur = '';
      continue;
    }
    cur += input[i];
  }
  out.push(cur);
  return out;
}

/**
 * Whether `obj` satisfies a condition or jsonpath wait. Throws ConditionError when kubectl would give up
 * (a jsonpath that matches several values or a nested object).
 */
export function conditionMet(w: WaitFor, obj: KubeObject): boolean {
  if (w.type === 'condition') return statusConditionMet(w.name, w.status, obj);
  if (w.type === 'jsonpath') return jsonPathMet(w.template, w.value, obj);
  return true;
}

/** Go's strings.EqualFold, close enough for condition names and statuses. */
function equalFold(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function statusConditionMet(name: string, status: string, obj: KubeObject): boolean {
  const conditions: unknown = obj.status?.conditions;
  if (!Array.isArray(conditions)) return false;
  for (const c of conditions as Array<Record<string, unknown>>) {
    if (typeof c?.type !== 'string' || !equalFold(c.type, name)) continue;
    if (typeof c.status !== 'string') continue;
    // A condition written for an older generation of the spec does not count yet.
    const generation = obj.metadata.generation;
    if (typeof generation === 'number') {
      const observed = typeof c.observedGeneration === 'number' ? c.observedGeneration : obj.status?.observedGeneration;
      if (typeof observed === 'number' && observed < generation) return false;
    }
    return equalFold(c.status, status);
  }
  return false;
}

function jsonPathMet(template: JsonPathTemplate, value: string | undefined, obj: KubeObject): boolean {
  let results: unknown[][];
  try {
    results = findJsonPathResults(template, obj, { allowMissingKeys: true });
  } catch (e) {
    if (e instanceof JsonPathError) throw new ConditionError(e.message);
    throw e;
  }
  if (results.length === 0 || results[0].length === 0) return false;
  if (results.length > 1) throw new ConditionError('given jsonpath expression matches more than one list');
  if (results[0].length > 1) throw new ConditionError('given jsonpath expression matches more than one value');
  if (value === undefined) return true;
  const v = results[0][0];
  if (Array.isArray(v) || isGoMap(v)) throw new ConditionError('jsonpath leads to a nested object or list which is not supported');
  return formatGoValue(v).trim() === value.trim();
}
