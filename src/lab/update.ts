import { promptText } from './parse.js';
import type { StepResult } from './runner.js';

/**
 * `--update`: rewrites the documented output of steps that have one (every command of a `$ ` block) from
 * what ran. Lines that still match keep their documented form, so tokens (`<pod-suffix>`, `<ip>`, …),
 * `...` and `(re)` lines survive where the new output still fits them.
 */

export interface UpdateResult {
  text: string;
  updated: number;
  /** Steps whose output was left alone, with the reason. */
  kept: string[];
}

export function updateDocument(name: string, text: string, results: StepResult[]): UpdateResult {
  const lines = text.split('\n');
  const kept: string[] = [];
  let updated = 0;
  const stale = results.filter((r) => r.step.output && r.step.expected && r.comparison && !r.comparison.ok);
  stale.sort((a, b) => b.step.output!.start - a.step.output!.start);
  for (const r of stale) {
    const { ops, actual } = r.comparison!;
    const expected = r.step.expected!;
    const next: string[] = [];
    for (const o of ops) {
      if (o.kind === 'same' || o.kind === 'wild') next.push(expected[o.e]);
      else if (o.kind === 'add') next.push(actual[o.a]);
    }
    const where = `${name}:${r.step.line}`;
    if (next.some((l) => /^(\s*)(`{3,}|~{3,})/.test(l) || /^\$(?: |$)/.test(l))) {
      kept.push(`${where}: the new output has lines that would read as a fence or a command`);
      continue;
    }
    if (r.step.interactive) {
      const typed = next.map(promptText).filter((t) => t !== undefined);
      const before = expected.map(promptText).filter((t) => t !== undefined);
      if (typed.join('\n') !== before.join('\n')) {
        kept.push(`${where}: the new output does not show the typed lines, which the session needs`);
        continue;
      }
    }
    const { start, end, indent } = r.step.output!;
    lines.splice(start, end - start, ...next.map((l) => (l ? indent + l : l)));
    updated++;
  }
  return { text: lines.join('\n'), updated, kept };
}
