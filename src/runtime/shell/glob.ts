/**
 * Globbing: shell patterns as regular expressions (also used by `case` and `${x#pat}`), and pathname
 * expansion over the virtual file system.
 */
import { normalizePath, type VirtualFs } from './vfs.js';

/** A glob pattern (with `\` escaping literal characters) as a RegExp over one path segment. */
export function globToRegExp(pat: string, anchored = true): RegExp {
  let re = '';
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i];
    if (c === '\\' && i + 1 < pat.length) re += escapeRe(pat[++i]);
    else if (c === '*') re += '[\\s\\S]*';
    else if (c === '?') re += '[\\s\\S]';
    else if (c === '[') {
      const end = pat.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        let body = pat.slice(i + 1, end);
        if (body.startsWith('!') || body.startsWith('^')) body = '^' + body.slice(1);
        re += '[' + body.replace(/\\/g, '\\\\') + ']';
        i = end;
      }
    } else re += escapeRe(c);
  }
  return new RegExp(anchored ? `^${re}$` : re);
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function hasGlob(pat: string): boolean {
  for (let i = 0; i < pat.length; i++) {
    if (pat[i] === '\\') i++;
    else if ('*?['.includes(pat[i])) return true;
  }
  return false;
}

function unescapePat(pat: string): string {
  return pat.replace(/\\([\s\S])/g, '$1');
}

/** The paths a glob pattern matches, relative to `cwd` unless absolute, sorted; none when nothing matches. */
export function globPaths(fs: VirtualFs, cwd: string, pattern: string): string[] {
  const abs = pattern.startsWith('/');
  const segs = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  let paths: string[] = [abs ? '/' : ''];
  for (const seg of segs) {
    if (seg === '') continue;
    const next: string[] = [];
    for (const base of paths) {
      const dir = normalizePath(base || '.', cwd);
      const join = (n: string) => (base === '' ? n : base.endsWith('/') ? base + n : `${base}/${n}`);
      if (!hasGlob(seg)) {
        const lit = unescapePat(seg);
        if (fs.exists(normalizePath(join(lit), cwd))) next.push(join(lit));
        continue;
      }
      if (!fs.isDir(dir)) continue;
      const re = globToRegExp(seg);
      for (const n of fs.list(dir)) {
        if (n.startsWith('.') && !seg.startsWith('.') && !seg.startsWith('\\.')) continue;
        if (re.test(n)) next.push(join(n));
      }
    }
    paths = next;
    if (!paths.length) return [];
  }
  return paths.sort();
}
