/** JSON patch (RFC 6902): add, remove, replace, move, copy, test, with evanphx/json-patch v4's behaviour and texts. */
import { clone, type Json } from '../types.js';
import { JsonPatchError } from './errors.js';
import { deepEqual, isObj } from './values.js';

/** One RFC 6902 operation as decoded from the patch body (any field may be missing). */
export interface JsonPatchOp {
  op?: string;
  path?: string;
  from?: string;
  value?: Json;
}

function splitPointer(path: string): string[] {
  // json-patch v4 drops the first segment, whatever it is: "/a/b" and "x/a/b"… both name a/b's parent.
  return path
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The container and last key of `path` (findObject), or undefined when an intermediate step is missing. */
function findObject(doc: Json, path: string): [Json, string] | undefined {
  const parts = path.split('/');
  if (parts.length < 2) return undefined;
  const steps = splitPointer(path);
  const key = steps.pop()!;
  let cur = doc;
  for (const s of steps) {
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(s) || Number(s) >= cur.length) return undefined;
      cur = cur[Number(s)];
    } else if (isObj(cur)) {
      if (!(s in cur)) return undefined;
      cur = cur[s];
    } else return undefined;
    if (cur === null || typeof cur !== 'object') return undefined;
  }
  return [cur, key];
}

function getValue(doc: Json, path: string): Json {
  if (path === '') return doc;
  const found = findObject(doc, path);
  if (!found) return undefined;
  const [con, key] = found;
  if (Array.isArray(con)) return /^\d+$/.test(key) ? con[Number(key)] : undefined;
  return con[key];
}

/** The operation's value, copied (a missing value is null). */
const valueOf = (o: JsonPatchOp): Json => clone(o.value ?? null);

/** Applies RFC 6902 operations; errors carry json-patch's messages (`Unexpected kind: bogus`, …). */
export function jsonPatch(target: Json, ops: JsonPatchOp[]): Json {
  let doc = clone(target);
  for (const o of ops) {
    const op = typeof o.op === 'string' ? o.op : 'unknown';
    if (!['add', 'remove', 'replace', 'move', 'copy', 'test'].includes(op)) throw new JsonPatchError(`Unexpected kind: ${op}`);
    if (typeof o.path !== 'string') throw new JsonPatchError(`${op} operation failed to decode path: operation missing path field: missing value`);
    const path = o.path;
    switch (op) {
      case 'add':
        doc = add(doc, path, valueOf(o), 'add');
        break;
      case 'remove':
        remove(doc, path, 'remove');
        break;
      case 'replace': {
        if (path === '') {
          doc = valueOf(o);
          break;
        }
        const found = findObject(doc, path);
        if (!found) throw new JsonPatchError(`replace operation does not apply: doc is missing path: ${path}: missing value`);
        const [con, key] = found;
        if (Array.isArray(con)) {
          const i = Number(key);
          if (!/^\d+$/.test(key) || i >= con.length) throw new JsonPatchError(`replace operation does not apply: doc is missing key: ${path}: missing value`);
          con[i] = valueOf(o);
        } else con[key] = valueOf(o);
        break;
      }
      case 'move': {
        const from = fromPath(doc, o, 'move');
        const v = getValue(doc, from);
        remove(doc, from, 'move');
        doc = add(doc, path, v, 'move');
        break;
      }
      case 'copy': {
        const from = fromPath(doc, o, 'copy');
        doc = add(doc, path, clone(getValue(doc, from) ?? null), 'copy');
        break;
      }
      case 'test': {
        const actual = getValue(doc, path);
        if (!deepEqual(actual ?? null, o.value ?? null)) throw new JsonPatchError(`testing value ${path} failed: test failed`);
        break;
      }
    }
  }
  return doc;
}

/** The `from` of a move or copy, whose parent must exist. */
function fromPath(doc: Json, o: JsonPatchOp, op: string): string {
  if (typeof o.from !== 'string') throw new JsonPatchError(`${op} operation failed to decode from: operation missing from field: missing value`);
  if (!findObject(doc, o.from)) throw new JsonPatchError(`${op} operation does not apply: doc is missing from path: ${o.from}: missing value`);
  return o.from;
}

/** The container and key an add or remove works on; fails when the parent is missing. */
function parentOf(doc: Json, path: string, op: string): [Json, string] {
  const found = findObject(doc, path);
  if (!found) throw new JsonPatchError(`${op} operation does not apply: doc is missing path: ${goQuoted(path)}: missing value`);
  return found;
}

const invalidIndex = (op: string, path: string | undefined, key: string) =>
  new JsonPatchError(`error in ${op} for path: '${path}': Unable to access invalid index: ${key}: invalid index referenced`);

function add(doc: Json, path: string, value: Json, op: string): Json {
  if (path === '') return value;
  const [con, key] = parentOf(doc, path, op);
  if (Array.isArray(con)) {
    const i = key === '-' ? con.length : Number(key);
    if (!(key === '-' || /^-?\d+$/.test(key)) || i > con.length || i < -con.length) throw invalidIndex(op, path, key);
    con.splice(i < 0 ? con.length + i : i, 0, value);
  } else con[key] = value;
  return doc;
}

function remove(doc: Json, path: string, op: string): void {
  const [con, key] = parentOf(doc, path, op);
  const shown = op === 'move' ? path.split('/').pop() : path;
  if (Array.isArray(con)) {
    const i = Number(key);
    if (!/^-?\d+$/.test(key) || i >= con.length || i < -con.length) throw invalidIndex(op, shown, key);
    con.splice(i < 0 ? con.length + i : i, 1);
  } else {
    if (!(key in con)) throw new JsonPatchError(`error in ${op} for path: '${shown}': Unable to remove nonexistent key: ${key}: missing value`);
    delete con[key];
  }
}

function goQuoted(s: string): string {
  return JSON.stringify(s);
}
