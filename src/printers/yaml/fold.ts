/**
 * go-yaml v2's writers for flow scalars (emitterc.go yaml_emitter_write_plain_scalar /
 * _single_quoted_scalar / _double_quoted_scalar) and their line folding: a space becomes a line break
 * (and the indentation of the scalar) once the column has passed best_width (80).
 */
import { cpAt, isBreak, units } from './chars.js';
import { escapeFor, mustEscape } from './escape.js';
import { BEST_WIDTH, Writer } from './writer.js';

/**
 * The test all three writers make before turning the space at i (n units wide) into a line break: breaks
 * are allowed (not a simple key), the previous character was not a space, and the column is past
 * best_width. The quoted writers also keep the first and last character of the value on their line.
 */
function mayFold(w: Writer, v: string, i: number, n: number, spaces: boolean, allowBreaks: boolean, quoted: boolean): boolean {
  return allowBreaks && !spaces && w.column > BEST_WIDTH && (!quoted || (i > 0 && i + n < v.length));
}

/**
 * The character loop yaml_emitter_write_plain_scalar and yaml_emitter_write_single_quoted_scalar share.
 * A space folds when mayFold allows and the next character is no space (the break eats this space); a
 * line break is written as is, after an extra newline when it is the first "\n" of a run (a single break
 * would read back as a space); the first character after breaks starts with the indentation. In a
 * single-quoted scalar (`quoted`) a quote is doubled.
 */
function writeFoldable(w: Writer, v: string, allowBreaks: boolean, quoted: boolean): void {
  let spaces = false;
  let breaks = false;
  for (let i = 0; i < v.length; ) {
    const c = v.codePointAt(i)!;
    const n = units(c);
    if (c === 0x20) {
      if (mayFold(w, v, i, n, spaces, allowBreaks, quoted) && cpAt(v, i + 1) !== 0x20) w.writeIndent();
      else w.put(' ');
      spaces = true;
    } else if (isBreak(c)) {
      if (!breaks && c === 0x0a) w.putBreak();
      w.writeBreak(c);
      w.indention = true;
      breaks = true;
    } else {
      if (breaks) w.writeIndent();
      if (quoted && c === 0x27) w.put("'");
      w.putChar(v.slice(i, i + n));
      w.indention = false;
      spaces = false;
      breaks = false;
    }
    i += n;
  }
}

/** yaml_emitter_write_plain_scalar: `v` after a space (unless at whitespace already), folded past best_width. */
export function writePlain(w: Writer, v: string, allowBreaks: boolean): void {
  if (!w.whitespace) w.put(' ');
  if (!allowBreaks || w.column + v.length <= BEST_WIDTH + 1) {
    // No space can be reached past best_width (and plain text has no line breaks): as is.
    w.putText(v);
  } else {
    writeFoldable(w, v, true, false);
  }
  w.whitespace = false;
  w.indention = false;
}

/** yaml_emitter_write_single_quoted_scalar: `v` in single quotes, quotes doubled, folded past best_width. */
export function writeSingleQuoted(w: Writer, v: string, allowBreaks: boolean): void {
  w.writeIndicator("'", true, false, false);
  writeFoldable(w, v, allowBreaks, true);
  w.writeIndicator("'", false, false, false);
  w.whitespace = false;
  w.indention = false;
}

/**
 * yaml_emitter_write_double_quoted_scalar: `v` in double quotes with escapes (escape.ts), folded past
 * best_width; when the fold is followed by another space, a "\" keeps that space from being read as
 * indentation.
 */
export function writeDoubleQuoted(w: Writer, v: string, allowBreaks: boolean): void {
  let spaces = false;
  w.writeIndicator('"', true, false, false);
  const bom = v.charCodeAt(0) === 0xfeff;
  for (let i = 0; i < v.length; ) {
    const c = v.codePointAt(i)!;
    const n = units(c);
    if (mustEscape(c, bom)) {
      w.put(escapeFor(c));
      spaces = false;
    } else if (c === 0x20) {
      if (mayFold(w, v, i, n, spaces, allowBreaks, true)) {
        w.writeIndent();
        if (cpAt(v, i + 1) === 0x20) w.put('\\');
      } else {
        w.put(' ');
      }
      spaces = true;
    } else {
      w.putChar(v.slice(i, i + n));
      spaces = false;
    }
    i += n;
  }
  w.writeIndicator('"', false, false, false);
  w.whitespace = false;
  w.indention = false;
}
