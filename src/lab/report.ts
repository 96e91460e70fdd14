import { commandTitle } from './parse.js';
import { shownOutput, type StepResult } from './runner.js';

/** The lab runner's reports: a line per step for people, TAP 13 and JUnit XML for CI. */

export interface FileResults {
  /** The file as given on the command line. */
  name: string;
  results: StepResult[];
}

const indent = (text: string, by: string) =>
  text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => (l ? by + l : l))
    .join('\n');

/** Why a step failed, as text: the problems, then the diff (or the output when none was documented). */
export function failureText(r: StepResult): string {
  let s = r.problems.join('\n') + '\n';
  if (r.comparison && !r.comparison.ok) s += r.comparison.diff;
  else {
    const out = shownOutput(r);
    if (out.length) s += `output:\n${out.map((l) => `  ${l}`).join('\n')}\n`;
  }
  return s;
}

export function humanStep(file: string, r: StepResult): string {
  const head = `${r.ok ? 'PASS' : 'FAIL'}  ${file}:${r.step.line}  $ ${commandTitle(r.step)}\n`;
  return r.ok ? head : `${head}${indent(failureText(r), '    ')}\n`;
}

export function summary(files: FileResults[]): string {
  const all = files.flatMap((f) => f.results);
  const failed = all.filter((r) => !r.ok).length;
  return `${all.length - failed} passed, ${failed} failed\n`;
}

export function tapHeader(total: number): string {
  return `TAP version 13\n1..${total}\n`;
}

export function tapStep(n: number, file: string, r: StepResult): string {
  const desc = `${file}:${r.step.line} $ ${commandTitle(r.step)}`.replace(/#/g, '\\#');
  if (r.ok) return `ok ${n} - ${desc}\n`;
  let s = `not ok ${n} - ${desc}\n  ---\n  message: ${JSON.stringify(r.problems.join('; '))}\n`;
  s += `  exitcode: ${r.run.status ?? 'null'}\n`;
  const detail = failureText(r).split('\n').slice(r.problems.length).join('\n');
  if (detail.trim()) s += `  detail: |\n${indent(detail, '    ')}\n`;
  return `${s}  ...\n`;
}

function xml(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function junit(files: FileResults[]): string {
  const all = files.flatMap((f) => f.results);
  const secs = (rs: StepResult[]) => (rs.reduce((t, r) => t + r.ms, 0) / 1000).toFixed(3);
  let s = `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="kubesim lab" tests="${all.length}" failures="${all.filter((r) => !r.ok).length}" time="${secs(all)}">\n`;
  for (const f of files) {
    s += `  <testsuite name="${xml(f.name)}" tests="${f.results.length}" failures="${f.results.filter((r) => !r.ok).length}" errors="0" time="${secs(f.results)}">\n`;
    for (const r of f.results) {
      s += `    <testcase classname="${xml(f.name)}" name="${xml(r.step.command)}" time="${(r.ms / 1000).toFixed(3)}"`;
      if (r.ok) {
        s += ' />\n';
        continue;
      }
      const text = failureText(r);
      s += `>\n      <failure message="${xml(text)}" type="${r.comparison && !r.comparison.ok ? 'OutputMismatch' : 'ExitStatus'}">${xml(`${f.name}:${r.step.line}\n${text}`)}</failure>\n`;
      s += `      <system-out>${xml(r.run.output)}</system-out>\n    </testcase>\n`;
    }
    s += '  </testsuite>\n';
  }
  return `${s}</testsuites>\n`;
}
