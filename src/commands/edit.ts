import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { randomInt } from 'node:crypto';
import { parseAllDocuments } from 'yaml';
import type { CommandContext, CommandSpec } from '../cli/command.js';
import type { KubeObject, Json } from '../api/types.js';
import { clone } from '../api/types.js';
import { qualifiedPlural, typeForKind } from '../api/kinds.js';
import { createTwoWayMergePatch, strategicMergePatch, PatchError } from '../api/patch/index.js';
import { goQuote } from '../api/validation/go-syntax.js';
import { strictDecodingErrors } from '../api/validation/strict.js';
import type { Session } from '../cluster/session.js';
import { ApiError, CliError, ExitError, formatFieldError, type FieldError } from '../errors.js';
import { OBJECT_FORMATS, parseOutputFormat } from '../printers/output-format.js';
import { toJson, toYaml } from '../printers/serialize.js';
import { parseManifestText } from '../resource/parse-manifest.js';
import { filenameFlags, outputFlag, printingFlags, validateFlag } from './flags.js';
import { finishWithErrors, goJson, resolveTargets } from './metadata-update.js';
import { dropUnknownFields, goPatchValue, scaleOf } from './patch.js';
import { LAST_APPLIED, lastAppliedOf } from './apply.js';
import { printResult } from './write-output.js';
import { MISSING_RESOURCES } from '../resource/args.js';

export const command: CommandSpec = {
  name: 'edit',
  short: 'Edit a resource on the server',
  long: `Open resources in a text editor and update them with what you save.

 The editor is the one named by KUBE_EDITOR, else EDITOR, else 'vi'. An editor setting with spaces and no quotes is split into a command and its arguments; one containing quotes is handed to the shell named by SHELL (default '/bin/bash').

 Several resources open together as one List. Arguments name live objects; files given with -f must describe objects that already exist.

 YAML is the default format; use "-o json" to edit JSON. --windows-line-endings writes CRLF line endings.

 If the server rejects a change the file is opened again with the reasons at the top. When an update cannot be made the edited file is kept on disk and its path is printed, so the change can be retried, for example with 'kubectl replace -f'.`,
  examples: `# Edit the service my-nginx
kubectl edit svc/my-nginx

# Edit with nano
KUBE_EDITOR="nano" kubectl edit svc/my-nginx

# Make the edit from a script: turn the service into a load balancer
KUBE_EDITOR="sed -i 's/type: NodePort/type: LoadBalancer/'" kubectl edit svc my-nginx

# Edit a deployment as JSON
kubectl edit deployment/web -o json

# Edit a deployment and record the result for later 'kubectl apply'
kubectl edit deployment/web -o yaml --save-config

# Edit the status of a deployment
kubectl edit deployment web --subresource='status'`,
  usage: 'edit (RESOURCE/NAME | -f FILENAME) [options]',
  flags: [
    { name: 'field-manager', type: 'string', default: 'kubectl-edit', description: 'Name of the manager used to track field ownership.' },
    ...filenameFlags('Filename, directory, or URL to files to use to edit the resource'),
    outputFlag('json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file'),
    { name: 'output-patch', type: 'bool', description: 'Output the patch if the resource is edited.' },
    {
      name: 'save-config',
      type: 'bool',
      description:
        'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
    },
    { name: 'subresource', type: 'string', description: 'If specified, edit will operate on the subresource of the requested object. This flag is beta and may change in the future.' },
    validateFlag,
    { name: 'windows-line-endings', type: 'bool', description: 'Defaults to the line ending native to your platform.' },
    ...printingFlags,
  ],
  run: runEdit,
};

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;


/** Why the file is reopened: `# services "x" was not valid:` and `# * <cause>` lines. */
interface EditReason {
  head: string;
  other: string[];
}

interface EditResults {
  reasons: EditReason[];
  retryable: number;
  notfound: number;
  edit: number;
  file: string;
}

const newResults = (file = ''): EditResults => ({ reasons: [], retryable: 0, notfound: 0, edit: 0, file });

async function runEdit(ctx: CommandContext): Promise<void> {
  const f = ctx.parsed.flags;
  const output = f.output as string;
  if (output) parseOutputFormat(output, OBJECT_FORMATS, (p) => readFileSync(resolve(ctx.cwd, p), 'utf8'));
  const validate = parseValidate(f.validate as string);
  const subresource = f.subresource as string;
  const args = ctx.parsed.args;
  const filenames = f.filename as string[];
  if (!args.length && !filenames.length) throw new CliError(MISSING_RESOURCES);
  const session = await ctx.session();
  // edit selects every object of a type given without names (ResourceTypeOrNameArgs(true, …)).
  const query = { resources: args, filenames, recursive: f.recursive as boolean, selector: '', fieldSelector: '', all: true, allNamespaces: false, local: false, allowSelectors: true };
  const { targets } = await resolveTargets(ctx, query, session);
  finishWithErrors(
    targets.filter((t) => t.error).map((t) => t.error!),
    false,
  );
  if (targets.length === 0) throw new CliError('edit cancelled, no objects found');
  if (subresource === 'scale') {
    for (const t of targets) if (!['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'].includes(t.obj!.kind)) throw new ApiError('NotFound', 'the server could not find the requested resource');
  } else if (subresource && subresource !== 'status') throw new ApiError('NotFound', 'the server could not find the requested resource');
  const infos = targets.map((t) => {
    const o = subresource === 'scale' ? scaleOf(t.obj!) : clone(t.obj!);
    delete o.metadata.managedFields;
    return o;
  });
  const editor = new Editor(ctx, (fn) => session.whileUnlocked(fn));
  await editLoop(ctx, session, infos, editor, { format: output === 'json' ? 'json' : output && output !== 'yaml' ? 'other' : 'yaml', validate, subresource });
}

function parseValidate(v: string): 'strict' | 'warn' | 'ignore' {
  switch (v.toLowerCase()) {
    case 'strict':
    case 'true':
      return 'strict';
    case 'warn':
      return 'warn';
    case 'ignore':
    case 'false':
      return 'ignore';
    default:
      throw new CliError(`invalid - validate option "${v}"; must be one of: strict (true), warn, ignore (false)`);
  }
}

interface EditOptions {
  format: 'yaml' | 'json' | 'other';
  validate: 'strict' | 'warn' | 'ignore';
  subresource: string;
}

/** The file's text for the objects: one object, or a List of several. */
function render(infos: KubeObject[], format: EditOptions['format']): string {
  const obj = infos.length === 1 ? infos[0] : { apiVersion: 'v1', items: infos, kind: 'List', metadata: {} };
  return format === 'json' ? toJson(obj) : toYaml(obj);
}

/** kubectl's editFn: write, launch, compare, apply, and reopen on invalid changes until done. */
async function editLoop(ctx: CommandContext, session: Session, infos: KubeObject[], editor: Editor, o: EditOptions): Promise<void> {
  const addHeader = o.format !== 'json';
  const ext = o.format === 'json' ? '.json' : '.yaml';
  const crlf = ctx.parsed.flags['windows-line-endings'] as boolean;
  let results = newResults();
  let original = '';
  let edited = '';
  let containsError = false;
  for (;;) {
    let buf = addHeader ? headerText(results.reasons) : '';
    if (!containsError) {
      try {
        if (o.format === 'other') throw new CliError(`unable to match a printer suitable for the output format "${ctx.parsed.flags.output}", allowed formats are: json,yaml`);
        buf += render(infos, o.format);
      } catch (e) {
        throw preserved(ctx, e as Error, results.file);
      }
      original = buf;
    } else buf += manualStrip(edited);
    if (crlf) buf = buf.replace(/\r?\n/g, '\r\n');

    const editedBefore = edited;
    let file: string;
    try {
      [edited, file] = editor.launchTempFile('kubectl-edit-', ext, buf);
    } catch (e) {
      throw preserved(ctx, e as Error, results.file);
    }
    if (containsError && stripComments(editedBefore) === stripComments(edited)) {
      throw preserved(ctx, new CliError('Edit cancelled, no valid changes were saved.'), file);
    }
    if (results.file) rmSync(results.file, { force: true });

    if (stripComments(original) === stripComments(edited)) {
      rmSync(file, { force: true });
      ctx.io.err.write('Edit cancelled, no changes made.\n');
      return;
    }
    if (!hasLines(edited)) {
      rmSync(file, { force: true });
      ctx.io.err.write('Edit cancelled, saved file was empty.\n');
      return;
    }
    results = newResults(file);

    let updated: KubeObject[];
    try {
      updated = parseManifestText(edited.replace(/\r\n/g, '\n'), 'edited-file');
    } catch (e) {
      containsError = true;
      results.reasons.push({ head: `The edited file had a syntax error: ${(e as Error).message.replace(/^error: /, '')}`, other: [] });
      continue;
    }
    containsError = false;

    try {
      for (const u of updated) requireNamespace(ctx, u);
      if (ctx.parsed.flags['save-config']) {
        for (const u of updated) u.metadata.annotations = { ...(u.metadata.annotations ?? {}), [LAST_APPLIED]: lastAppliedOf(u) };
      }
      await visitToPatch(ctx, session, infos, updated, results, o);
    } catch (e) {
      throw preserved(ctx, e as Error, results.file);
    }

    if (results.retryable > 0) {
      ctx.io.err.write(`You can run \`kubectl replace -f ${file}\` to try this update again.\n`);
      throw new ExitError(1);
    }
    if (results.notfound > 0) {
      ctx.io.err.write(`The edits you made on deleted resources have been saved to ${goQuote(file)}\n`);
      throw new ExitError(1);
    }
    if (results.edit === 0) {
      rmSync(file, { force: true });
      return;
    }
    if (results.reasons.length > 0) containsError = true;
  }
}

/** Adds kubectl's "A copy of your changes has been stored to …" note before the error is reported. */
function preserved(ctx: CommandContext, err: Error, path: string): Error {
  if (path && existsSync(path)) ctx.io.err.write(`A copy of your changes has been stored to ${goQuote(path)}\n`);
  return err;
}

function headerText(reasons: EditReason[]): string {
  let s = HEADER;
  for (const r of reasons) {
    s += r.other.length ? `# ${hashOnLineBreak(r.head)}:\n` : `# ${hashOnLineBreak(r.head)}\n`;
    for (const x of r.other) s += `# * ${hashOnLineBreak(x)}\n`;
    s += '#\n';
  }
  return s;
}

/** Keeps multi-line reasons inside the comment block. */
function hashOnLineBreak(s: string): string {
  let r = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\n' && i + 1 < s.length && s[i + 1] !== '#') r += '\n# ';
    else r += ch;
  }
  return r;
}

/** cmdutil.ManualStrip: drops comment lines (but not `#!`). */
function manualStrip(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    const t = line.trim();
    if (t.startsWith('#') && !t.startsWith('#!')) return;
    out.push(line + (i < lines.length - 1 ? '\n' : ''));
  });
  return out.join('');
}

/** cmdutil.StripComments: the file as JSON (comments and layout do not count), else without comment lines. */
function stripComments(text: string): string {
  if (text.trimStart().startsWith('{')) return text;
  const docs = parseAllDocuments(text.replace(/\r\n/g, '\n'), { version: '1.2', uniqueKeys: false });
  const list = Array.isArray(docs) ? docs : [docs];
  if (list.length === 0) return 'null';
  if (list.some((d) => d.errors.length)) return manualStrip(text);
  return goJson(list[0].toJS({ maxAliasCount: 100 }) ?? null);
}

/** Any line that is neither blank nor a comment? */
function hasLines(text: string): boolean {
  return text.split('\n').some((l) => {
    const t = l.trim();
    return t.length > 0 && t[0] !== '#';
  });
}

function requireNamespace(ctx: CommandContext, u: KubeObject): void {
  const t = typeForKind(u.kind, u.apiVersion);
  if (t && !t.namespaced) return;
  const ns = u.metadata?.namespace;
  if (!ns) {
    u.metadata.namespace = ctx.namespace;
    return;
  }
  if (ns !== ctx.namespace && ctx.namespaceGiven) {
    throw new CliError(`the namespace from the provided object "${ns}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${ns}' to perform this operation.`);
  }
}

/** `services`, `deployments.apps`: the resource of the object (for a Scale, of the workload it scales). */
function resourceString(session: Session, o: KubeObject): string {
  const target = o.kind === 'Scale' ? findScaled(session, o) : o;
  const t = target ? typeForKind(target.kind, target.apiVersion) : undefined;
  return t ? qualifiedPlural(t) : `${o.kind.toLowerCase()}s`;
}

/** Patches each edited object that changed; records invalid ones so the file is reopened. */
async function visitToPatch(ctx: CommandContext, session: Session, infos: KubeObject[], updated: KubeObject[], results: EditResults, o: EditOptions): Promise<void> {
  for (const u of updated) {
    const orig = infos.find((i) => i.metadata.uid && i.metadata.uid === u.metadata?.uid);
    if (!orig) throw new CliError(`no original object found for ${u.kind} "${u.metadata?.name}"`);
    if (goJson(orig) === goJson(u)) {
      await printResult(ctx, u, 'skipped', 'none');
      continue;
    }
    if (orig.apiVersion !== u.apiVersion || orig.kind !== u.kind || orig.metadata.name !== u.metadata.name || (u as Json).managedFields !== undefined) {
      throw new CliError('At least one of apiVersion, kind and name was changed');
    }
    const patch = createTwoWayMergePatch(orig, u);
    if (ctx.parsed.flags['output-patch']) ctx.io.out.write(`Patch: ${goJson(patch)}\n`);
    try {
      const stored = patchOnServer(ctx, session, orig, patch, o);
      await printResult(ctx, stored, 'edited', 'none');
    } catch (e) {
      ctx.io.err.write(`${addError(results, e as Error, resourceString(session, orig), orig.metadata.name)}\n`);
    }
  }
}

/** The server side of an edit: a strategic merge patch of the live object (or its status / scale). */
function patchOnServer(ctx: CommandContext, session: Session, orig: KubeObject, patch: Json, o: EditOptions): KubeObject {
  const liveKind = orig.kind === 'Scale' ? undefined : orig.kind;
  const live = liveKind ? session.store.get(liveKind, orig.metadata.namespace ?? '', orig.metadata.name) : findScaled(session, orig);
  if (!live) {
    const t = typeForKind(orig.kind, orig.apiVersion);
    throw ApiError.notFound(t ? qualifiedPlural(t) : orig.kind.toLowerCase(), orig.metadata.name);
  }
  const current = o.subresource === 'scale' ? scaleOf(live) : live;
  let patched: KubeObject;
  try {
    patched = strategicMergePatch(current, patch) as KubeObject;
  } catch (e) {
    if (e instanceof PatchError) throw new ApiError(undefined, e.message);
    throw e;
  }
  if (o.subresource === 'scale') {
    const next = clone(live);
    next.spec = { ...next.spec, replicas: patched.spec?.replicas };
    return scaleOf(session.api.update(next));
  }
  const next: KubeObject = o.subresource === 'status' ? { ...clone(live), status: patched.status } : { ...patched, status: live.status };
  if (next.status === undefined) delete next.status;
  const unknown = strictDecodingErrors(next as unknown as Record<string, unknown>);
  if (unknown.length && o.validate === 'strict') {
    // Strict field validation rejects the patch as an Invalid "patch" value (handlers/patch.go).
    const cause: FieldError = { field: 'patch', type: 'Invalid value', value: goQuote(goPatchValue(patch)), detail: `strict decoding error: ${unknown.join(', ')}` };
    throw new ApiError('Invalid', `The request is invalid: ${formatFieldError(cause)}`, [cause]);
  }
  const warnings = dropUnknownFields(next);
  if (o.validate === 'warn') for (const w of warnings) ctx.io.err.write(`Warning: ${w}\n`);
  return session.api.update(next);
}

function findScaled(session: Session, scale: KubeObject): KubeObject | undefined {
  for (const kind of ['Deployment', 'ReplicaSet', 'StatefulSet']) {
    const o = session.store.get(kind, scale.metadata.namespace ?? '', scale.metadata.name);
    if (o && o.metadata.uid === scale.metadata.uid) return o;
  }
  return undefined;
}

/** editResults.addError: classifies a failed patch and returns the line kubectl prints on stderr. */
function addError(results: EditResults, err: Error, rs: string, name: string): string {
  if (err instanceof ApiError && err.reason === 'Invalid') {
    results.edit++;
    results.reasons.push({ head: `${rs} ${goQuote(name)} was not valid`, other: err.causes.map(formatFieldError) });
    return `error: ${rs} ${goQuote(name)} is invalid`;
  }
  if (err instanceof ApiError && err.reason === 'NotFound') {
    results.notfound++;
    return `error: ${rs} ${goQuote(name)} could not be found on the server`;
  }
  results.retryable++;
  return `error: ${rs} ${goQuote(name)} could not be patched: ${err.message}`;
}

/**
 * Runs the user's editor the way kubectl's editor package does: KUBE_EDITOR, then EDITOR, then vi; a
 * value with spaces but no quotes or backslashes is split on spaces and run directly, otherwise it
 * goes to `$SHELL -c` (default /bin/bash) with the quoted file name appended. The editor shares the
 * terminal.
 */
class Editor {
  readonly args: string[];
  readonly shell: boolean;

  /** `around` runs the editor; edit passes the session's whileUnlocked so other commands can run meanwhile. */
  constructor(
    private readonly ctx: CommandContext,
    private readonly around: <T>(fn: () => T) => T = (fn) => fn(),
  ) {
    const env = ctx.env;
    const value = env.KUBE_EDITOR || env.EDITOR || 'vi';
    if (!value.includes(' ')) {
      this.args = [value];
      this.shell = false;
    } else if (!/["'\\]/.test(value)) {
      this.args = value.split(' ');
      this.shell = false;
    } else {
      const sh = env.SHELL || (existsSync('/bin/bash') ? '/bin/bash' : '/bin/sh');
      this.args = [sh, '-c', value];
      this.shell = true;
    }
  }

  /** Writes `content` to a new temp file, runs the editor on it, and returns what was saved and the path. */
  launchTempFile(prefix: string, suffix: string, content: string): [string, string] {
    const path = createTemp(this.ctx.env, prefix, suffix);
    const fd = openSync(path, 'w');
    writeSync(fd, content);
    closeSync(fd);
    this.launch(path);
    return [readFileSync(path, 'utf8'), path];
  }

  private launch(path: string): void {
    const abs = isAbsolute(path) ? path : resolve(this.ctx.cwd, path);
    const args = [...this.args];
    if (this.shell) args[args.length - 1] = `${args[args.length - 1]} ${goQuote(abs)}`;
    else args.push(abs);
    const r = this.around(() => spawnSync(args[0], args.slice(1), { stdio: 'inherit', env: this.ctx.env, cwd: this.ctx.cwd }));
    const shown = this.args.join(' ');
    if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(`unable to launch the editor ${goQuote(shown)}`);
    if (r.error || r.status !== 0) throw new CliError(`there was a problem with the editor ${goQuote(shown)}`);
  }
}

/** os.CreateTemp(prefix*suffix): a new file in $TMPDIR (default /tmp) named with random digits. */
function createTemp(env: NodeJS.ProcessEnv, prefix: string, suffix: string): string {
  const dir = env.TMPDIR || '/tmp';
  for (let i = 0; i < 10000; i++) {
    const p = join(dir, `${prefix}${randomInt(0, 2 ** 32 - 1)}${suffix}`);
    try {
      closeSync(openSync(p, 'wx', 0o600));
      return p;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  throw new CliError(`unable to create a temporary file in ${dir}`);
}
