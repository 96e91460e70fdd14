import { clone, type Json } from './types.js';

/**
 * The three patch flavours kubectl speaks, pure:
 * - JSON merge patch (RFC 7386): objects merge, `null` deletes, everything else replaces;
 * - strategic merge patch: like merge patch, but lists of known objects merge element by element on
 *   their merge key (containers by name, container ports by containerPort, service ports by port, …),
 *   so fields the server filled in (a nodePort, a pull policy) survive;
 * - JSON patch (RFC 6902): add, remove, replace, move, copy, test.
 */

type Obj = Record<string, Json>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function jsonMergePatch(target: Json, patch: Json): Json {
  if (!isObj(patch)) return clone(patch);
  const out: Obj = isObj(target) ? clone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = jsonMergePatch(out[k], v);
  }
  return out;
}

/** The merge key of a list field, by the field's name and what its elements look like. */
function mergeKey(field: string, items: Json[]): string | undefined {
  const sample = items.find(isObj);
  if (!sample) return undefined;
  switch (field) {
    case 'containers':
    case 'initContainers':
    case 'ephemeralContainers':
    case 'volumes':
    case 'env':
    case 'imagePullSecrets':
      return 'name';
    case 'volumeMounts':
      return 'mountPath';
    case 'ports':
      return 'containerPort' in sample ? 'containerPort' : 'port' in sample ? 'port' : undefined;
    default:
      return undefined;
  }
}

export function strategicMergePatch(target: Json, patch: Json): Json {
  if (!isObj(patch)) return clone(patch);
  const out: Obj = isObj(target) ? clone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k === '$patch' || k.startsWith('$setElementOrder/')) continue;
    if (v === null) {
      delete out[k];
    } else if (Array.isArray(v) && Array.isArray(out[k])) {
      const key = mergeKey(k, [...v, ...out[k]]);
      out[k] = key ? mergeList(out[k], v, key) : clone(v);
    } else if (isObj(v) && v.$patch === 'replace') {
      const { $patch: _, ...rest } = v;
      out[k] = clone(rest);
    } else {
      out[k] = strategicMergePatch(out[k], v);
    }
  }
  return out;
}

/** Elements of `patch` merged into the live element with the same key; live elements not in the patch are dropped. */
function mergeList(live: Json[], patch: Json[], key: string): Json[] {
  return patch
    .filter((p) => !(isObj(p) && p.$patch === 'delete'))
    .map((p) => {
      if (!isObj(p)) return clone(p);
      const match = live.find((l) => isObj(l) && l[key] === p[key]);
      return match ? strategicMergePatch(match, p) : clone(p);
    });
}

/**
 * The patch `kubectl apply` sends: what changed between the last applied configuration and the new one,
 * with `null` for fields the user removed from the file. Lists are sent whole.
 */
export function threeWayPatch(lastApplied: Json, modified: Json): Json {
  if (!isObj(lastApplied) || !isObj(modified)) return clone(modified);
  const patch: Obj = {};
  for (const [k, v] of Object.entries(modified)) {
    if (JSON.stringify(lastApplied[k]) === JSON.stringify(v)) continue;
    patch[k] = isObj(v) && isObj(lastApplied[k]) ? threeWayPatch(lastApplied[k], v) : clone(v);
  }
  for (const k of Object.keys(lastApplied)) if (!(k in modified)) patch[k] = null;
  return patch;
}

export class JsonPatchError extends Error {}

function parsePointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new JsonPatchError(`JSON pointer "${path}" must start with /`);
  return path
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(doc: Json, parts: string[], path: string): [Json, string] {
  let cur = doc;
  for (const p of parts.slice(0, -1)) {
    cur = Array.isArray(cur) ? cur[Number(p)] : isObj(cur) ? cur[p] : undefined;
    if (cur === undefined) throw new JsonPatchError(`doc is missing path: "${path}": missing value`);
  }
  return [cur, parts[parts.length - 1]];
}

export function jsonPatch(target: Json, ops: Array<{ op: string; path: string; value?: Json; from?: string }>): Json {
  let doc = clone(target);
  for (const o of ops) {
    const parts = parsePointer(o.path);
    const get = (p: string[]) => p.reduce((c: Json, k) => (c === undefined ? undefined : Array.isArray(c) ? c[Number(k)] : c[k]), doc);
    const put = (p: string[], value: Json, insert: boolean) => {
      if (p.length === 0) {
        doc = value;
        return;
      }
      const [parent, last] = parentOf(doc, p, o.path);
      if (Array.isArray(parent)) {
        const i = last === '-' ? parent.length : Number(last);
        if (insert) parent.splice(i, 0, value);
        else parent[i] = value;
      } else parent[last] = value;
    };
    const remove = (p: string[]) => {
      const [parent, last] = parentOf(doc, p, o.path);
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else {
        if (!(last in parent)) throw new JsonPatchError(`Unable to remove nonexistent key: ${last}: missing value`);
        delete parent[last];
      }
    };
    switch (o.op) {
      case 'add':
        put(parts, clone(o.value), true);
        break;
      case 'remove':
        remove(parts);
        break;
      case 'replace':
        if (get(parts) === undefined) throw new JsonPatchError(`replace operation does not apply: doc is missing key: ${o.path}: missing value`);
        put(parts, clone(o.value), false);
        break;
      case 'move': {
        const from = parsePointer(o.from ?? '');
        const v = get(from);
        remove(from);
        put(parts, v, true);
        break;
      }
      case 'copy':
        put(parts, clone(get(parsePointer(o.from ?? ''))), true);
        break;
      case 'test':
        if (JSON.stringify(get(parts)) !== JSON.stringify(o.value)) throw new JsonPatchError(`testing value ${o.path} failed: test failed`);
        break;
      default:
        throw new JsonPatchError(`Unexpected kind: ${o.op}`);
    }
  }
  return doc;
}
