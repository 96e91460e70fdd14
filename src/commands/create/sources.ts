import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { posix, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { CliError } from '../../errors.js';
import { regexError } from '../../api/validation/names.js';
import { goQuote } from '../../api/validation/go-syntax.js';
import { goCompactJson, goErrno } from './common.js';

/**
 * Data sources shared by `create configmap` and `create secret generic|docker-registry`: --from-literal,
 * --from-file (`[key=]path`, directories), --from-env-file, and the --append-hash name suffix. The
 * parsing and error texts follow kubectl's cmd/util helpers.
 */

/** ParseLiteralSource: `key=value`, split at the first `=`; a leading `=` is refused. */
export function parseLiteralSource(source: string): [string, string] {
  const i = source.indexOf('=');
  if (i <= 0) throw new CliError(`invalid literal source ${source}, expected key=value`);
  return [source.slice(0, i), source.slice(i + 1)];
}

/** ParseFileSource: `path` (key = its base name) or `key=path`. */
export function parseFileSource(source: string): [string, string] {
  const n = source.split('=').length - 1;
  if (n === 0) return [posix.basename(source.replace(/\\/g, '/')), source];
  if (n === 1 && source.startsWith('=')) throw new CliError(`key name for file path ${source.slice(1)} missing`);
  if (n === 1 && source.endsWith('=')) throw new CliError(`file path for key name ${source.slice(0, -1)} missing`);
  if (n > 1) throw new CliError("key names or file paths cannot contain '='");
  const [k, p] = source.split('=');
  return [k, p];
}

/** A file's status, or kubectl's `error reading <path>: <errno>` when it cannot be examined. */
function statOrFail(path: string, cwd: string): Stats {
  try {
    return statSync(resolve(cwd, path));
  } catch (e) {
    throw new CliError(`error reading ${path}: ${goErrno(e)}`);
  }
}

function readOrFail(path: string, cwd: string): Buffer {
  try {
    return readFileSync(resolve(cwd, path));
  } catch (e) {
    throw new CliError(`open ${path}: ${goErrno(e)}`);
  }
}

/**
 * Walks --from-file sources, calling `add(key, bytes)` for each file. A directory contributes its
 * regular files (not subdirectories or symlinks), in name order; naming a key for a directory is refused.
 */
export function forEachFileSource(sources: string[], cwd: string, add: (key: string, data: Buffer) => void): void {
  for (const source of sources) {
    const [key, path] = parseFileSource(source);
    const st = statOrFail(path, cwd);
    if (st.isDirectory()) {
      if (source.includes('=')) throw new CliError('cannot give a key name for a directory path');
      let entries;
      try {
        entries = readdirSync(resolve(cwd, path), { withFileTypes: true });
      } catch (e) {
        throw new CliError(`error listing files in ${path}: ${goErrno(e)}`);
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const ent of entries) {
        if (ent.isFile()) add(ent.name, readOrFail(posix.join(path, ent.name), cwd));
      }
    } else {
      add(key, readOrFail(path, cwd));
    }
  }
}

const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** apimachinery's IsEnvVarName as kubectl's client uses it (the strict C-identifier-like form). */
export function isEnvVarNameStrict(v: string): string[] {
  const errs: string[] = [];
  if (!ENV_VAR_NAME.test(v)) {
    errs.push(
      regexError(
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
        '[-._a-zA-Z][-._a-zA-Z0-9]*',
        'my.env-name',
        'MY_ENV.NAME',
        'MyEnvName1',
      ),
    );
  }
  if (v === '.') errs.push("must not be '.'");
  else if (v === '..') errs.push("must not be '..'");
  else if (v.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/**
 * Reads `KEY=value` lines like kubectl's AddFromEnvFile: leading whitespace trimmed, blank lines and
 * `#` comments skipped, the value kept verbatim (no quote handling), a bare `KEY` taking its value
 * from the environment. `dirMessage` is the command's own text for a directory path.
 */
export function forEachEnvFile(
  sources: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  dirMessage: string,
  add: (key: string, value: string) => void,
): void {
  for (const path of sources) {
    const st = statOrFail(path, cwd);
    if (st.isDirectory()) throw new CliError(dirMessage);
    const bytes = readOrFail(path, cwd);
    const lines = splitScannerLines(bytes);
    lines.forEach((raw, i) => {
      let line = raw;
      if (!isValidUtf8(line)) {
        throw new CliError(`env file ${path} contains invalid utf8 bytes at line ${i + 1}: [${[...line].join(' ')}]`);
      }
      if (i === 0 && line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf) line = line.subarray(3);
      const text = line.toString('utf8').replace(/^\s+/u, '');
      if (text.length === 0 || text.startsWith('#')) return;
      const eq = text.indexOf('=');
      const key = eq < 0 ? text : text.slice(0, eq);
      const errs = isEnvVarNameStrict(key);
      if (errs.length) throw new CliError(`${goQuote(key)} is not a valid key name: ${errs.join(';')}`);
      add(key, eq < 0 ? (env[key] ?? '') : text.slice(eq + 1));
    });
  }
}

/** bufio.ScanLines: split at \n, drop one trailing \r, keep a last line without newline. */
function splitScannerLines(b: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0x0a) {
      out.push(dropCR(b.subarray(start, i)));
      start = i + 1;
    }
  }
  if (start < b.length) out.push(dropCR(b.subarray(start)));
  return out;
}

function dropCR(b: Buffer): Buffer {
  return b.length > 0 && b[b.length - 1] === 0x0d ? b.subarray(0, b.length - 1) : b;
}

/** utf8.Valid. */
export function isValidUtf8(b: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/**
 * kubectl's hash suffix (pkg/util/hash): sha256 of a small sorted-key JSON document, first 10 hex
 * digits with 0,1,3,a,e mapped to g,h,k,m,t so the suffix never looks like a number or a bad word.
 */
export function encodeHash(doc: Record<string, unknown>): string {
  const hex = createHash('sha256').update(goCompactJson(sortDeep(doc)).slice(0, -1)).digest('hex');
  const map: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return [...hex.slice(0, 10)].map((c) => map[c] ?? c).join('');
}

function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v && typeof v === 'object') {
    const src = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(src).sort()) out[k] = sortDeep(src[k]);
    return out;
  }
  return v;
}
