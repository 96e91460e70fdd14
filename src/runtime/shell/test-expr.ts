/**
 * The expression language of `test` / `[`: string and integer comparisons, file tests over the virtual
 * file system, `!`, `-a`, `-o` and parentheses.
 */
import { normalizePath, type VirtualFs } from './vfs.js';

/** Evaluates `test` arguments; throws an Error with the message for a malformed expression. */
export function testExpr(args: string[], fs: VirtualFs, cwd: string): boolean {
  let i = 0;
  const int = (s: string): number => {
    if (!/^\s*[-+]?\d+\s*$/.test(s)) throw new Error(`${s}: bad number`);
    return Number(s);
  };
  const unary = new Set(['-z', '-n', '-f', '-d', '-e', '-s', '-r', '-w', '-x', '-L', '-h', '-t', '-b', '-c', '-p', '-S']);
  const binary = new Set(['=', '==', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '<', '>']);
  const path = (p: string) => normalizePath(p, cwd);
  const primary = (): boolean => {
    const a = args[i];
    if (a === undefined) throw new Error('argument expected');
    if (a === '!') {
      i++;
      return !primary();
    }
    if (a === '(' && args.length - i > 2) {
      i++;
      const v = orExpr();
      if (args[i++] !== ')') throw new Error('closing paren expected');
      return v;
    }
    if (args[i + 1] !== undefined && binary.has(args[i + 1]) && args[i + 2] !== undefined) {
      const l = a;
      const op = args[i + 1];
      const r = args[i + 2];
      i += 3;
      switch (op) {
        case '=':
        case '==':
          return l === r;
        case '!=':
          return l !== r;
        case '<':
          return l < r;
        case '>':
          return l > r;
        case '-eq':
          return int(l) === int(r);
        case '-ne':
          return int(l) !== int(r);
        case '-lt':
          return int(l) < int(r);
        case '-le':
          return int(l) <= int(r);
        case '-gt':
          return int(l) > int(r);
        case '-ge':
          return int(l) >= int(r);
      }
    }
    if (unary.has(a) && args[i + 1] !== undefined) {
      const v = args[i + 1];
      i += 2;
      switch (a) {
        case '-z':
          return v === '';
        case '-n':
          return v !== '';
        case '-f':
          return fs.isFile(path(v));
        case '-d':
          return fs.isDir(path(v));
        case '-e':
        case '-r':
        case '-w':
          return fs.exists(path(v));
        case '-x':
          return fs.isDir(path(v));
        case '-s':
          return fs.isFile(path(v)) ? fs.readFile(path(v)).length > 0 : fs.isDir(path(v));
        default:
          return false;
      }
    }
    i++;
    return a !== '';
  };
  const andExpr = (): boolean => {
    let v = primary();
    while (args[i] === '-a') {
      i++;
      const r = primary();
      v = v && r;
    }
    return v;
  };
  const orExpr = (): boolean => {
    let v = andExpr();
    while (args[i] === '-o') {
      i++;
      const r = andExpr();
      v = v || r;
    }
    return v;
  };
  if (!args.length) return false;
  const v = orExpr();
  if (i < args.length) throw new Error(`${args[i]}: unknown operand`);
  return v;
}
