import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { KubeObject } from '../api/types.js';
import { CliError } from '../errors.js';

/** An object read from a manifest, with where it came from (for messages like `error when creating "f.yaml"`). */
export interface ManifestObject {
  obj: KubeObject;
  source: string;
}

const EXTENSIONS = ['.json', '.yaml', '.yml'];

/**
 * Expands -f arguments as kubectl's builder does: `-` is stdin, a directory is its .json/.yaml/.yml files
 * in lexical order (recursively with -R), a URL is refused (the simulator has no network).
 */
export function expandFilenames(filenames: string[], cwd: string, recursive: boolean): string[] {
  const out: string[] = [];
  for (const f of filenames) {
    if (f === '-') {
      out.push('-');
      continue;
    }
    if (/^https?:\/\//.test(f)) {
      throw new CliError(`unable to read URL "${f}": kubesim has no network access; download the file and pass its path with -f`);
    }
    const p = resolve(cwd, f);
    if (!existsSync(p)) throw new CliError(`the path "${f}" does not exist`);
    if (statSync(p).isDirectory()) out.push(...walk(p, f, recursive));
    else out.push(f);
  }
  return out;
}

function walk(abs: string, shown: string, recursive: boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(abs).sort()) {
    const full = join(abs, name);
    const rel = join(shown, name);
    if (statSync(full).isDirectory()) {
      if (recursive) out.push(...walk(full, rel, true));
    } else if (EXTENSIONS.some((e) => name.endsWith(e))) out.push(rel);
  }
  return out;
}

/** Reads and parses every manifest; objects come out in file order, then document order. */
export async function loadManifests(
  filenames: string[],
  opts: { cwd: string; recursive: boolean; readStdin: () => Promise<string> },
): Promise<ManifestObject[]> {
  const files = expandFilenames(filenames, opts.cwd, opts.recursive);
  const { parseManifestText } = await import('./parse-manifest.js');
  const out: ManifestObject[] = [];
  for (const f of files) {
    const text = f === '-' ? await opts.readStdin() : readFileSync(resolve(opts.cwd, f), 'utf8');
    const source = f === '-' ? 'STDIN' : f;
    for (const obj of parseManifestText(text, source)) out.push({ obj, source });
  }
  return out;
}
