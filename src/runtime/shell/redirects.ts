/**
 * Redirections and here-documents: `<`, `>`, `>>`, `>|`, `<>`, `n>&m`, `<<` / `<<-`, over the virtual file
 * system and /dev/null, /dev/stdout, /dev/stderr. Error texts differ between busybox ash and bash.
 */
import type { Redirect } from './parser.js';
import { normalizePath, VfsError } from './vfs.js';
import { expandString } from './expansion.js';
import { ShellError } from './signals.js';
import type { Fds, Out } from './types.js';
import type { Shell } from './interpreter.js';

/** The descriptor table `redirects` make of `fds`; prints the error and throws ShellError when one fails. */
export async function applyRedirects(sh: Shell, redirects: Redirect[], fds: Fds): Promise<Fds> {
  if (!redirects.length) return fds;
  const out: Fds = { ...fds };
  for (const r of redirects) {
    if (r.heredoc) {
      const body = r.heredoc.expand && r.heredoc.word ? (await expandString(sh, r.heredoc.word, fds)).value : r.heredoc.body;
      if (r.fd === 0) out[0] = { data: body, pos: 0 };
      continue;
    }
    const target = (await expandString(sh, r.target, fds)).value;
    if (r.op === '>&' || r.op === '<&') {
      if (target === '-') continue;
      if (!/^\d+$/.test(target) || !['0', '1', '2'].includes(target)) {
        sh.error(fds, `${target}: bad file descriptor`);
        throw new ShellError(sh.bash ? 1 : 2);
      }
      const src = Number(target) as 0 | 1 | 2;
      if (r.fd === 1 || r.fd === 2) {
        if (src !== 0) out[r.fd] = out[src];
      } else if (r.fd === 0 && src === 0) out[0] = out[0];
      continue;
    }
    const path = normalizePath(target, sh.cwd);
    if (r.op === '<' || r.op === '<>') {
      if (path === '/dev/null') {
        if (r.fd === 0) out[0] = { data: '', pos: 0 };
        continue;
      }
      if (!sh.ctx.fs.isFile(path)) {
        if (sh.bash) sh.error(fds, `${target}: ${sh.ctx.fs.isDir(path) ? 'Is a directory' : 'No such file or directory'}`);
        else sh.error(fds, `can't open ${target}: ${sh.ctx.fs.isDir(path) ? 'Is a directory' : 'no such file'}`);
        throw new ShellError(sh.bash ? 1 : 2);
      }
      if (r.fd === 0) out[0] = { data: sh.ctx.fs.readFile(path), pos: 0 };
      continue;
    }
    // > >> >|
    let sink: Out;
    if (path === '/dev/null') sink = { write: () => undefined };
    else if (path === '/dev/stdout') sink = fds[1];
    else if (path === '/dev/stderr') sink = fds[2];
    else {
      try {
        if (r.op === '>>') sh.ctx.fs.appendFile(path, '');
        else sh.ctx.fs.writeFile(path, '');
      } catch (e) {
        if (!(e instanceof VfsError)) throw e;
        const why = e.code === 'EISDIR' ? 'Is a directory' : e.code === 'ENOTDIR' ? 'Not a directory' : undefined;
        if (sh.bash) sh.error(fds, `${target}: ${why ?? 'No such file or directory'}`);
        else sh.error(fds, `can't create ${target}: ${why ?? 'nonexistent directory'}`);
        throw new ShellError(sh.bash ? 1 : 2);
      }
      const fs = sh.ctx.fs;
      sink = { write: (s) => fs.appendFile(path, s) };
    }
    if (r.fd === 1 || r.fd === 2) out[r.fd] = sink;
  }
  return out;
}
