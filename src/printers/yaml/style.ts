/**
 * Which style a scalar is written in: first the encoder's request (go-yaml v2 encode.go stringv), then
 * the emitter's correction of it against the analysis (emitterc.go yaml_emitter_select_scalar_style).
 */
import type { Analysis } from './analyze.js';
import { resolvesToString } from './resolve.js';

/** The scalar styles kubectl's output uses (go-yaml never asks for folded ">"). */
export type Style = 'plain' | 'single' | 'double' | 'literal';

/**
 * The style for a scalar with text `text` (from a string when `isString`) and analysis `a`, at flow
 * depth `flowLevel`, as a simple mapping key when `simpleKey`.
 */
export function selectStyle(text: string, isString: boolean, a: Analysis, flowLevel: number, simpleKey: boolean): Style {
  // The encoder's choice: literal for text with "\n", double quotes when plain would read back as
  // something else; non-strings (numbers, bools, null) are always plain.
  let style: Style = 'plain';
  if (isString) {
    if (text.includes('\n')) style = 'literal';
    else if (!resolvesToString(text)) style = 'double';
  }

  // The emitter's choice: a multi-line simple key is double-quoted; plain falls back to single quotes
  // where the analysis forbids it (and for an empty text in flow context or as a simple key), single to
  // double quotes; a block scalar cannot be a simple key nor stand in flow context.
  if (simpleKey && a.multiline) style = 'double';
  if (style === 'plain') {
    if ((flowLevel > 0 && !a.flowPlainAllowed) || (flowLevel === 0 && !a.blockPlainAllowed)) style = 'single';
    if (text.length === 0 && (flowLevel > 0 || simpleKey)) style = 'single';
  }
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || flowLevel > 0 || simpleKey)) style = 'double';
  return style;
}
