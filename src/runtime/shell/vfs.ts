/**
 * A small in-memory file system for the simulated container: files from a `Record<path, content>` plus
 * directories (every parent of a file is a directory). Paths are absolute once normalised.
 */

export type VfsErrorCode = 'ENOENT' | 'EISDIR' | 'ENOTDIR';

export class VfsError extends Error {
  constructor(
    readonly code: VfsErrorCode,
    readonly path: string,
  ) {
    super(`${code}: ${path}`);
  }
}

/** Joins `path` onto `cwd` and resolves `.` and `..`. */
export function normalizePath(path: string, cwd = '/'): string {
  const full = path.startsWith('/') ? path : `${cwd.replace(/\/+$/, '')}/${path}`;
  const out: string[] = [];
  for (const seg of full.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return '/' + out.join('/');
}

export function dirnameOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function basenameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export class VirtualFs {
  private readonly files = new Map<string, string>();
  private readonly dirs = new Set<string>(['/']);

  constructor(files: Record<string, string> = {}, dirs: string[] = []) {
    for (const d of dirs) this.mkdir(d, true);
    for (const [p, content] of Object.entries(files)) {
      const n = normalizePath(p);
      this.mkdir(dirnameOf(n), true);
      this.files.set(n, content);
    }
  }

  /** Every file, for snapshots (e.g. to keep a pod's writes). */
  toRecord(): Record<string, string> {
    return Object.fromEntries([...this.files].sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  directories(): string[] {
    return [...this.dirs].sort();
  }

  exists(path: string): boolean {
    const p = normalizePath(path);
    return this.files.has(p) || this.dirs.has(p);
  }

  isDir(path: string): boolean {
    return this.dirs.has(normalizePath(path));
  }

  isFile(path: string): boolean {
    return this.files.has(normalizePath(path));
  }

  /** The content of a file; throws VfsError ENOENT / EISDIR. */
  readFile(path: string): string {
    const p = normalizePath(path);
    const f = this.files.get(p);
    if (f !== undefined) return f;
    if (this.dirs.has(p)) throw new VfsError('EISDIR', p);
    throw new VfsError('ENOENT', p);
  }

  /** Creates or truncates a file; the directory must exist. */
  writeFile(path: string, content: string): void {
    const p = normalizePath(path);
    if (this.dirs.has(p)) throw new VfsError('EISDIR', p);
    const parent = dirnameOf(p);
    if (!this.dirs.has(parent)) throw new VfsError(this.files.has(parent) ? 'ENOTDIR' : 'ENOENT', p);
    this.files.set(p, content);
  }

  appendFile(path: string, content: string): void {
    const p = normalizePath(path);
    const old = this.files.get(p);
    this.writeFile(p, (old ?? '') + content);
  }

  /** Names in a directory, sorted; throws ENOENT / ENOTDIR. */
  list(path: string): string[] {
    const p = normalizePath(path);
    if (!this.dirs.has(p)) throw new VfsError(this.files.has(p) ? 'ENOTDIR' : 'ENOENT', p);
    const prefix = p === '/' ? '/' : p + '/';
    const names = new Set<string>();
    for (const k of [...this.files.keys(), ...this.dirs]) {
      if (k !== p && k.startsWith(prefix)) {
        const rest = k.slice(prefix.length);
        if (rest && !rest.includes('/')) names.add(rest);
      }
    }
    return [...names].sort();
  }

  mkdir(path: string, recursive = false): void {
    const p = normalizePath(path);
    if (this.dirs.has(p)) return;
    if (this.files.has(p)) throw new VfsError('ENOTDIR', p);
    const parent = dirnameOf(p);
    if (!this.dirs.has(parent)) {
      if (!recursive) throw new VfsError('ENOENT', p);
      this.mkdir(parent, true);
    }
    this.dirs.add(p);
  }

  remove(path: string): void {
    const p = normalizePath(path);
    if (!this.files.delete(p)) throw new VfsError(this.dirs.has(p) ? 'EISDIR' : 'ENOENT', p);
  }
}
