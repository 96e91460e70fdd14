import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { CommandContext, CommandSpec } from '../cli/command.js';
import type { KubeObject, Json } from '../api/types.js';
import { clone } from '../api/types.js';
import { typeForKind } from '../api/kinds.js';
import {
  deepEqual,
  goFormat,
  goJsonKind,
  goJsonSyntaxError,
  jsonMergePatch,
  jsonPatch,
  JsonPatchError,
  PatchError,
  strategicMergePatch,
  type JsonPatchOp,
} from '../api/patch/index.js';
import { goQuote } from '../api/validation/go-syntax.js';
import { strictDecodingErrors } from '../api/validation/strict.js';
import type { DryRun } from '../cluster/api-server.js';
import type { Session } from '../cluster/session.js';
import { ApiError, CliError } from '../errors.js';
import { OBJECT_FORMATS, parseOutputFormat } from '../printers/output-format.js';
import { dryRunFlag, filenameFlags, outputFlag, printingFlags } from './flags.js';
import { finishWithErrors, resolveTargets } from './metadata-update.js';
import { parseDryRun, printResult } from './write-output.js';
import { MISSING_RESOURCES } from '../resource/args.js';

export type PatchType = 'strategic' | 'merge' | 'json';
const PATCH_TYPES = ['json', 'merge', 'strategic'];

export const command: CommandSpec = {
  name: 'patch',
  short: 'Update fields of a resource',
  long: `Change some fields of a resource with a strategic merge patch (the default), a JSON merge patch (--type merge) or a JSON patch (--type json).

 The patch may be written in JSON or YAML.

 A strategic merge patch merges lists the API declares as mergeable (containers, ports, environment variables) element by element; custom resources only take merge and JSON patches.`,
  examples: `# Make a service a load balancer (strategic merge patch, written as JSON)
kubectl patch svc my-nginx -p '{"spec":{"type":"LoadBalancer"}}'

# The same patch written as YAML
kubectl patch svc my-nginx -p $'spec:\\n  type: LoadBalancer'

# Patch the object named in web.yaml
kubectl patch -f web.yaml -p '{"spec":{"replicas":3}}'

# Change one container's image; the container name is the merge key
kubectl patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}'

# Replace the first container's image with a JSON patch
kubectl patch pod web --type='json' -p='[{"op": "replace", "path": "/spec/containers/0/image", "value":"nginx:1.27"}]'

# Scale through the scale subresource with a merge patch
kubectl patch deployment web --subresource='scale' --type='merge' -p '{"spec":{"replicas":2}}'`,
  usage: 'patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]',
  flags: [
    dryRunFlag,
    { name: 'field-manager', type: 'string', default: 'kubectl-patch', description: 'Name of the manager used to track field ownership.' },
    ...filenameFlags('Filename, directory, or URL to files identifying the resource to update'),
    { name: 'local', type: 'bool', description: 'If true, patch will operate on the content of the file, not the server-side resource.' },
    outputFlag('json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file'),
    { name: 'patch', short: 'p', type: 'string', description: 'The patch to be applied to the resource JSON file.' },
    { name: 'patch-file', type: 'string', description: 'A file containing a patch to be applied to the resource.' },
    { name: 'subresource', type: 'string', description: 'If specified, patch will operate on the subresource of the requested object. This flag is beta and may change in the future.' },
    { name: 'type', type: 'string', default: 'strategic', description: 'The type of patch being provided; one of [json merge strategic]' },
    ...printingFlags,
  ],
  run: runPatch,
};

async function runPatch(ctx: CommandContext): Promise<void> {
  const f = ctx.parsed.flags;
  const dryRun = parseDryRun(f['dry-run'] as string);
  const patchText = f.patch as string;
  const patchFile = f['patch-file'] as string;
  const local = f.local as boolean;
  const typeFlag = f.type as string;
  const subresource = f.subresource as string;
  const args = ctx.parsed.args;
  if (f.output) parseOutputFormat(f.output as string, OBJECT_FORMATS, (p) => readFileSync(resolve(ctx.cwd, p), 'utf8'));
  if (patchText && patchFile) throw new CliError('cannot specify --patch and --patch-file together');
  if (!patchText && !patchFile) throw new CliError('must specify --patch or --patch-file containing the contents of the patch');
  if (local && args.length) throw new CliError('cannot specify --local and server resources');
  if (local && dryRun === 'server') throw new CliError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  if (typeFlag && !PATCH_TYPES.includes(typeFlag.toLowerCase())) throw new CliError(`--type must be one of [json merge strategic], not "${typeFlag}"`);
  const type = (typeFlag ? typeFlag.toLowerCase() : 'strategic') as PatchType;

  let raw: string;
  if (patchFile) {
    try {
      raw = readFileSync(resolve(ctx.cwd, patchFile), 'utf8');
    } catch {
      throw new CliError(`unable to read patch file: open ${patchFile}: no such file or directory`);
    }
  } else raw = patchText;
  const body = yamlToJson(raw, patchText);

  const filenames = f.filename as string[];
  if (!args.length && !filenames.length) throw new CliError(MISSING_RESOURCES);
  const session = local ? undefined : await ctx.session();
  const query = { resources: args, filenames, recursive: f.recursive as boolean, selector: '', fieldSelector: '', all: false, allNamespaces: false, local, allowSelectors: false };
  const { targets } = await resolveTargets(ctx, query, session);

  const errors: Error[] = [];
  let wrote = false;
  let count = 0;
  for (const t of targets) {
    if (!t.obj) {
      errors.push(t.error!);
      continue;
    }
    count++;
    try {
      if (!local && dryRun !== 'client') {
        const { result, changed } = patchOnServer(ctx, session!, t.obj, type, body, subresource, dryRun, filenames.length > 0);
        if (dryRun === 'none') wrote = true;
        // kubectl sets the operation after the dry-run suffix was decided, so patch never says "(dry run)".
        await printPatched(ctx, result, changed ? 'patched' : 'patched (no change)');
      } else {
        const result = patchLocally(t.obj, type, body);
        await printPatched(ctx, result, deepEqual(t.obj, result) ? 'patched (no change)' : 'patched');
      }
    } catch (e) {
      errors.push(e as Error);
    }
  }
  if (count === 0 && errors.length === 0) throw new CliError('no objects passed to patch');
  finishWithErrors(errors, wrote);
}


/** `scale.autoscaling/x` for Scale objects, whose kind the resource table does not list. */
async function printPatched(ctx: CommandContext, obj: KubeObject, op: string): Promise<void> {
  if (obj.kind === 'Scale' && !ctx.parsed.flags.output) {
    ctx.io.out.write(`scale.autoscaling/${obj.metadata.name} ${op}\n`);
    return;
  }
  await printResult(ctx, obj, op, 'none');
}

/**
 * The patch text as JSON text (apimachinery yaml.ToJSON): text starting with `{` is taken as JSON
 * unchecked; anything else is YAML converted to JSON.
 */
export function yamlToJson(raw: string, shown: string): string {
  if (raw.trimStart().startsWith('{')) return raw;
  const doc = parseDocument(raw, { version: '1.2', uniqueKeys: false });
  if (doc.errors.length) throw new CliError(`unable to parse ${goQuote(shown)}: yaml: ${goYamlError(raw, doc.errors)}`);
  const v = doc.toJS({ maxAliasCount: 100 }) as Json;
  return JSON.stringify(v === undefined ? null : v);
}

interface YamlErr {
  code: string;
  message: string;
  linePos?: [{ line: number; col: number }, ...unknown[]];
}

/** go-yaml's wording (and its line numbering, which differs for scanner and parser errors) for the yaml library's first error. */
function goYamlError(text: string, errors: YamlErr[]): string {
  const e = errors[0];
  const line = e.linePos?.[0]?.line ?? 1;
  const linesAtEnd = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  // Scanner errors name the 1-based line, omitted on line 1; parser errors the 0-based one, omitted when 0.
  const scanner = (msg: string, l: number) => (l > 1 ? `line ${l}: ${msg}` : msg);
  const parser = (msg: string, l0: number) => (l0 !== 0 ? `line ${l0}: ${msg}` : msg);
  switch (e.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return scanner('mapping values are not allowed in this context', errors.some((x) => x.code === 'MULTILINE_IMPLICIT_KEY') ? line + 1 : line);
    case 'TAB_AS_INDENT':
    case 'BAD_SCALAR_START':
      return scanner('found character that cannot start any token', line);
    case 'MISSING_CHAR':
      return /quote/i.test(e.message) ? scanner('found unexpected end of stream', line) : parser('did not find expected key', line - 1);
    case 'BAD_INDENT':
      if (/^Flow sequence/.test(e.message)) return parser("did not find expected ',' or ']'", linesAtEnd);
      if (/^Flow map/.test(e.message)) return parser("did not find expected ',' or '}'", linesAtEnd);
      return parser('did not find expected key', line - 1);
    case 'UNEXPECTED_TOKEN':
      if (/at node end/.test(e.message)) return parser("did not find expected '-' indicator", line - 1);
      return parser('did not find expected node content', line - 1);
    case 'DUPLICATE_KEY':
      return scanner('mapping key already defined', line);
    default:
      return e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  }
}

/** kubectl's client-side patching (--local, --dry-run=client): errors read as the Go libraries word them. */
export function patchLocally(obj: KubeObject, type: PatchType, body: string): KubeObject {
  switch (type) {
    case 'json': {
      const syntax = goJsonSyntaxError(body);
      if (syntax) throw new CliError(syntax);
      const ops = JSON.parse(body) as Json;
      if (ops !== null && !Array.isArray(ops)) throw new CliError(`json: cannot unmarshal ${goJsonKind(ops)} into Go value of type jsonpatch.Patch`);
      try {
        return jsonPatch(obj, (ops ?? []).map(asOp)) as KubeObject;
      } catch (e) {
        if (e instanceof JsonPatchError) throw new CliError(e.message);
        throw e;
      }
    }
    case 'merge': {
      const p = goJsonSyntaxError(body) ? undefined : (JSON.parse(body) as Json);
      if (p === null || p === undefined || (typeof p !== 'object' && !Array.isArray(p))) throw new CliError('Invalid JSON Patch');
      if (Array.isArray(p)) throw new CliError('json: cannot unmarshal array into Go value of type unstructured.detector');
      return jsonMergePatch(obj, p) as KubeObject;
    }
    default: {
      if (!typeForKind(obj.kind, obj.apiVersion)) throw new CliError(`strategic merge patch is not supported for ${gvkString(obj)} locally, try --type merge`);
      const p = goJsonSyntaxError(body) ? undefined : (JSON.parse(body) as Json);
      if (p === null) return clone(obj);
      if (p === undefined || typeof p !== 'object' || Array.isArray(p)) throw new CliError('invalid JSON document');
      try {
        return strategicMergePatch(obj, p) as KubeObject;
      } catch (e) {
        if (e instanceof PatchError) throw new CliError(e.message);
        throw e;
      }
    }
  }
}

function gvkString(o: KubeObject): string {
  const [g, v] = o.apiVersion.includes('/') ? o.apiVersion.split('/') : ['', o.apiVersion];
  return `${g}/${v}, Kind=${o.kind}`;
}

function asOp(v: Json): JsonPatchOp {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? v : {};
}

/** The API server's error for a patch body it cannot decode or apply (handlers/patch.go, fieldValidation=Warn). */
export function serverPatchError(message: string): ApiError {
  return new ApiError('BadRequest', message);
}

/** The 422 the server answers when a JSON patch does not apply: kubectl only shows its generic text. */
const JSON_PATCH_REJECTED = new ApiError('Invalid', 'The request is invalid: the server rejected our request due to an error in our request');

/**
 * The server's patch of one object: decode the body, apply it to the live object (or its status/scale
 * subresource), drop unknown fields with a warning, then update through the API server.
 */
export function applyPatchOnServer(ctx: CommandContext, session: Session, live: KubeObject, type: PatchType, body: string, subresource: string, dryRun: DryRun): KubeObject {
  const current = subresource === 'scale' ? scaleOf(live) : live;
  if (subresource && subresource !== 'status' && subresource !== 'scale') throw new ApiError('NotFound', 'the server could not find the requested resource');
  const patched = applyBody(current, type, body);
  if (subresource === 'scale') {
    const replicas = patched.spec?.replicas;
    const next = clone(live);
    next.spec = { ...next.spec, replicas };
    return scaleOf(session.api.update(next, { dryRun }));
  }
  const next = subresource === 'status' ? { ...clone(live), status: patched.status } : { ...patched, status: live.status };
  if (next.status === undefined) delete next.status;
  if (next.metadata?.name !== live.metadata.name) {
    throw new ApiError('BadRequest', `the name of the object (${next.metadata?.name}) does not match the name on the URL (${live.metadata.name})`);
  }
  if ((next.metadata.namespace ?? '') !== (live.metadata.namespace ?? '')) {
    throw new ApiError('BadRequest', 'the namespace of the provided object does not match the namespace sent on the request');
  }
  for (const w of dropUnknownFields(next)) ctx.io.err.write(`Warning: ${w}\n`);
  return session.api.update(next as KubeObject, { dryRun });
}

function patchOnServer(
  ctx: CommandContext,
  session: Session,
  target: KubeObject,
  type: PatchType,
  body: string,
  subresource: string,
  dryRun: DryRun,
  fromFile: boolean,
): { result: KubeObject; changed: boolean } {
  const live = session.store.get(target.kind, target.metadata.namespace ?? '', target.metadata.name) ?? target;
  if (subresource === 'scale' && !['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'].includes(live.kind)) {
    throw new ApiError('NotFound', 'the server could not find the requested resource');
  }
  const before = subresource === 'scale' ? scaleOf(live) : live;
  const result = applyPatchOnServer(ctx, session, live, type, body, subresource, dryRun);
  // kubectl compares what it fetched (for -f: the file's object) with the server's answer.
  return { result, changed: fromFile || !deepEqual(before, result) };
}

function applyBody(current: KubeObject, type: PatchType, body: string): KubeObject {
  const syntax = goJsonSyntaxError(body);
  switch (type) {
    case 'strategic': {
      if (syntax) throw serverPatchError(syntax);
      const p = JSON.parse(body) as Json;
      if (p === null) return clone(current);
      if (typeof p !== 'object' || Array.isArray(p)) throw serverPatchError(`json: cannot unmarshal ${goJsonKind(p)} into Go value of type map[string]interface {}`);
      try {
        return strategicMergePatch(current, p) as KubeObject;
      } catch (e) {
        // Unclassified strategic-merge errors reach kubectl as a 500 without a reason.
        if (e instanceof PatchError) throw new ApiError(undefined, e.message);
        throw e;
      }
    }
    case 'merge': {
      if (syntax) throw serverPatchError(`error decoding patch: ${syntax}`);
      const p = JSON.parse(body) as Json;
      if (p !== null && (typeof p !== 'object' || Array.isArray(p))) throw serverPatchError(`error decoding patch: json: cannot unmarshal ${goJsonKind(p)} into Go value of type map[string]interface {}`);
      if (p === null) throw serverPatchError('Invalid JSON Patch');
      return jsonMergePatch(current, p) as KubeObject;
    }
    case 'json': {
      if (syntax) throw serverPatchError(`error decoding patch: ${syntax}`);
      const ops = JSON.parse(body) as Json;
      if (ops !== null && !Array.isArray(ops)) throw serverPatchError(`error decoding patch: json: cannot unmarshal ${goJsonKind(ops)} into Go value of type []handlers.jsonPatchOp`);
      for (const op of ops ?? []) {
        if (typeof op !== 'object' || op === null || Array.isArray(op)) {
          if (op !== null) throw serverPatchError(`error decoding patch: json: cannot unmarshal ${goJsonKind(op)} into Go value of type handlers.jsonPatchOp`);
          continue;
        }
        for (const k of ['op', 'path', 'from']) {
          if (k in op && op[k] !== null && typeof op[k] !== 'string') {
            throw serverPatchError(`error decoding patch: json: cannot unmarshal ${goJsonKind(op[k])} into Go struct field jsonPatchOp.${k} of type string`);
          }
        }
      }
      try {
        return jsonPatch(current, (ops ?? []).map(asOp)) as KubeObject;
      } catch (e) {
        if (e instanceof JsonPatchError) throw JSON_PATCH_REJECTED;
        throw e;
      }
    }
  }
}

/** The autoscaling/v1 Scale view of a workload (the `scale` subresource). */
export function scaleOf(o: KubeObject): KubeObject {
  const sel = o.spec?.selector?.matchLabels as Record<string, string> | undefined;
  const md = o.metadata;
  return {
    apiVersion: 'autoscaling/v1',
    kind: 'Scale',
    metadata: { name: md.name, namespace: md.namespace, uid: md.uid, resourceVersion: md.resourceVersion, creationTimestamp: md.creationTimestamp },
    spec: { replicas: o.spec?.replicas ?? 0 },
    status: {
      replicas: o.status?.replicas ?? 0,
      ...(sel ? { selector: Object.entries(sel).map(([k, v]) => `${k}=${v}`).join(',') } : {}),
    },
  };
}

/**
 * Removes the fields the API types do not have, as the server's decoder drops them, and returns the
 * warnings a Warn-level field validation sends back (`unknown field "spec.foo"`).
 */
export function dropUnknownFields(obj: KubeObject): string[] {
  const errs = strictDecodingErrors(obj as unknown as Record<string, unknown>);
  for (const e of errs) {
    const m = /^unknown field "(.*)"$/.exec(e);
    if (m) deletePath(obj, m[1]);
  }
  return errs;
}

/** Deletes `a.b[0].c` / `a[key].b` from an object. */
function deletePath(obj: Json, path: string): void {
  const steps: string[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[([^\]]*)\]/g)) steps.push(m[1] ?? m[2]);
  let cur = obj;
  for (const s of steps.slice(0, -1)) {
    if (cur === null || typeof cur !== 'object') return;
    cur = Array.isArray(cur) ? cur[Number(s)] : cur[s];
  }
  if (cur && typeof cur === 'object' && !Array.isArray(cur)) delete cur[steps[steps.length - 1]];
}

/** Go's `%+v` of a patch map, as the server quotes it in `patch: Invalid value: "map[…]"`. */
export function goPatchValue(p: Json): string {
  return goFormat(p);
}
