import type { Tool } from '../shell/interpreter.js';
import { normalizePath } from '../shell/vfs.js';
import { dumpJson, parseJsonStream, type Json, type ParsedValue } from './jq-json.js';
import { checkDefined, JqCompileError, JqRuntimeError, parse, stream, type Node } from './jq-lang.js';

/**
 * jq 1.6 (Alpine 3.12's): `jq [options] FILTER [FILE…]`, colour off because stdout is a pipe. Exit codes
 * as jq's main.c: 2 for usage and unparsable input, 3 for a filter that does not compile, 5 for a runtime
 * error (processing continues with the next input), with -e 1 when the last output is false/null and 4
 * when there was none.
 */
const USAGE =
  'Usage:\tjq [OPTIONS] FILTER [FILES...]\n\tjq [OPTIONS] --args FILTER [ARGUMENTS...]\n\tjq [OPTIONS] --jsonargs FILTER [JSON_VALUES...]\n\n' +
  'jq is a tool for processing JSON inputs, applying the given filter to\nits JSON text inputs and producing the filter\'s results as JSON on\nstandard output.\n\n' +
  'The simplest filter is ., which copies jq\'s input to its output\nunmodified (except for formatting, but note that IEEE754 is used\nfor number representation internally, with all that that implies).\n\n' +
  'For more advanced filters see the jq(1) manpage ("man jq")\nand/or https://stedolan.github.io/jq\n\nExample:\n\n\t$ echo \'{"foo": 0}\' | jq .\n\t{\n\t\t"foo": 0\n\t}\n\n' +
  'For a listing of options, use jq --help.\n';

export const jqTool: Tool = async (args, io) => {
  let raw = false;
  let join = false;
  let compact = false;
  let nullInput = false;
  let slurp = false;
  let exitStatus = false;
  let sortKeys = false;
  let ascii = false;
  let rawInput = false;
  let indent: number | 'tab' = 2;
  let filter: string | undefined;
  const files: string[] = [];
  const vars = new Map<string, Json>();
  vars.set('ENV', Object.fromEntries(io.env));
  vars.set('__prog_args', []);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--') && a.length > 2) {
      const name = a.slice(2);
      if (name === 'raw-output') raw = true;
      else if (name === 'join-output') raw = join = true;
      else if (name === 'compact-output') compact = true;
      else if (name === 'null-input') nullInput = true;
      else if (name === 'slurp') slurp = true;
      else if (name === 'exit-status') exitStatus = true;
      else if (name === 'sort-keys') sortKeys = true;
      else if (name === 'ascii-output') ascii = true;
      else if (name === 'raw-input') rawInput = true;
      else if (name === 'tab') indent = 'tab';
      else if (name === 'indent') indent = Math.min(7, Number(args[++i] ?? 2));
      else if (name === 'monochrome-output' || name === 'color-output' || name === 'unbuffered' || name === 'seq' || name === 'stream') continue;
      else if (name === 'arg' || name === 'argjson') {
        const [n, v] = [args[++i], args[++i]];
        if (n === undefined || v === undefined) return { stdout: '', stderr: `jq: --${name} takes two parameters (e.g. --${name} varname ${name === 'arg' ? 'value' : 'text'})\n${USAGE}`, exitCode: 2 };
        if (name === 'arg') vars.set(n, v);
        else {
          const p = parseJsonStream(v);
          if (p.error || p.values.length !== 1) return { stdout: '', stderr: `jq: Invalid JSON text passed to --argjson\n${USAGE}`, exitCode: 2 };
          vars.set(n, p.values[0].value);
        }
      } else if (name === 'help') return { stdout: USAGE, stderr: '', exitCode: 0 };
      else if (name === 'version') return { stdout: 'jq-1.6\n', stderr: '', exitCode: 0 };
      else return { stdout: '', stderr: `jq: Unknown option: ${a}\n${USAGE}`, exitCode: 2 };
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (const c of a.slice(1)) {
        if (c === 'r') raw = true;
        else if (c === 'j') raw = join = true;
        else if (c === 'c') compact = true;
        else if (c === 'n') nullInput = true;
        else if (c === 's') slurp = true;
        else if (c === 'e') exitStatus = true;
        else if (c === 'S') sortKeys = true;
        else if (c === 'a') ascii = true;
        else if (c === 'R') rawInput = true;
        else if (c === 'M' || c === 'C') continue;
        else if (c === 'h') return { stdout: USAGE, stderr: '', exitCode: 0 };
        else return { stdout: '', stderr: `jq: Unknown option: ${a}\n${USAGE}`, exitCode: 2 };
      }
      continue;
    }
    if (filter === undefined) filter = a;
    else files.push(a);
  }
  // jq 1.6 runs `.` when no filter is given and stdin or stdout is not a terminal (always, under exec).
  const program = filter ?? '.';
  let ast: Node;
  try {
    ast = parse(program);
    checkDefined(ast);
  } catch (e) {
    if (!(e instanceof JqCompileError)) throw e;
    return { stdout: '', stderr: `jq: error: ${e.message} at <top-level>, line 1:\n${program}\njq: 1 compile error\n`, exitCode: 3 };
  }

  let text = '';
  let stderr = '';
  for (const f of files) {
    const p = normalizePath(f, io.cwd);
    if (!io.fs.isFile(p)) {
      stderr += `jq: error: Could not open ${f}: ${io.fs.isDir(p) ? 'Is a directory' : 'No such file or directory'}\n`;
      continue;
    }
    text += io.fs.readFile(p);
  }
  if (!files.length) text = io.stdin;
  const fileErrors = stderr !== '';

  let inputs: ParsedValue[];
  let parseError: string | undefined;
  if (rawInput) {
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    inputs = slurp ? [{ value: text, line: 0 }] : lines.map((l, i) => ({ value: l, line: i + 1 }));
  } else {
    const r = parseJsonStream(text);
    inputs = r.values;
    parseError = r.error;
    if (slurp) inputs = parseError ? [] : [{ value: inputs.map((v) => v.value), line: r.values.at(-1)?.line ?? 0 }];
  }
  if (nullInput) inputs = [{ value: null, line: -1 }];

  let stdout = '';
  let exit = 0;
  let last: Json | undefined;
  let produced = false;
  const env = new Map(vars);
  for (const input of inputs) {
    const emit = (v: Json) => {
      produced = true;
      last = v;
      stdout += raw && typeof v === 'string' ? v : dumpJson(v, { indent: compact ? 0 : indent, sortKeys, ascii });
      if (!join) stdout += '\n';
    };
    try {
      for (const v of stream(ast, input.value, env)) emit(v);
    } catch (e) {
      if (e instanceof JqCompileError) return { stdout, stderr: `${stderr}jq: error: ${e.message} at <top-level>, line 1:\n${program}\njq: 1 compile error\n`, exitCode: 3 };
      if (!(e instanceof JqRuntimeError)) throw e;
      const at = input.line < 0 ? '<unknown>' : `<stdin>:${input.line}`;
      const notString = e.value !== undefined && typeof e.value !== 'string';
      stderr += notString ? `jq: error (at ${at}) (not a string): ${dumpJson(e.value ?? null, { indent: 0 })}\n` : `jq: error (at ${at}): ${e.message}\n`;
      exit = 5;
    }
  }
  if (parseError) return { stdout, stderr: `${stderr}parse error: ${parseError}\n`, exitCode: 2 };
  if (fileErrors && !exit) exit = 2;
  if (exit) return { stdout, stderr, exitCode: exit };
  if (exitStatus) return { stdout, stderr, exitCode: !produced ? 4 : last === null || last === false ? 1 : 0 };
  return { stdout, stderr, exitCode: 0 };
};
