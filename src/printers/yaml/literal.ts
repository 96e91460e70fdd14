/**
 * go-yaml v2's literal block scalar ("|"): yaml_emitter_write_literal_scalar and
 * yaml_emitter_write_block_scalar_hints (emitterc.go). Lines are written as they are, never folded.
 */
import { cpAt, isBreak } from './chars.js';
import { BEST_INDENT, Writer } from './writer.js';

/**
 * The block scalar hints after "|": an indentation indicator (best_indent) when the text starts with a
 * space or a break; chomping "-" without a final break, "+" when it ends with two breaks (or is a single
 * break), none (clip) after exactly one final break.
 */
function blockHints(v: string): string {
  let hints = '';
  const first = cpAt(v, 0);
  if (first === 0x20 || isBreak(first)) hints += String(BEST_INDENT);
  if (v.length === 0) return hints + '-';
  const cps = Array.from(v.slice(-4));
  const last = cps[cps.length - 1]!.codePointAt(0)!;
  if (!isBreak(last)) return hints + '-';
  if (cps.length === 1 && v.length === cps[0]!.length) return hints + '+';
  if (cps.length > 1 && isBreak(cps[cps.length - 2]!.codePointAt(0)!)) return hints + '+';
  return hints;
}

/** yaml_emitter_write_literal_scalar: "|", its hints, then each line of `v` at the scalar's indentation. */
export function writeLiteral(w: Writer, v: string): void {
  w.writeIndicator('|', true, false, false);
  const hints = blockHints(v);
  if (hints) w.writeIndicator(hints, false, false, false);
  w.putBreak();
  w.indention = true;
  w.whitespace = true;
  let breaks = true;
  let i = 0;
  while (i < v.length) {
    let j = i;
    while (j < v.length && !isBreak(v.charCodeAt(j))) j++;
    if (j > i) {
      if (breaks) w.writeIndent();
      w.putText(v.slice(i, j));
      w.indention = false;
      breaks = false;
    }
    if (j < v.length) {
      w.writeBreak(v.charCodeAt(j));
      w.indention = true;
      breaks = true;
      j++;
    }
    i = j;
  }
}
