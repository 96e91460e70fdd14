/**
 * go-yaml v2's yaml_emitter_analyze_scalar (emitterc.go): one pass over a scalar's text that records
 * indicators, line breaks, leading / trailing whitespace and unprintable characters, and from them which
 * styles the emitter may use for it.
 */
import { isBlank, isBreak, isPrintable, units } from './chars.js';

/** What the analysis allows (go-yaml's emitter.scalar_data flags). */
export interface Analysis {
  /** The text has a line break: it cannot be a simple key, nor plain. */
  multiline: boolean;
  flowPlainAllowed: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  /** Literal / folded block styles. */
  blockAllowed: boolean;
}

/** Indicators that make a plain scalar impossible when they come first. */
const FIRST_INDICATORS = new Set('#,[]{}&*!|>\'"%@`');
/** Indicators that rule out plain style in flow context anywhere in the text. */
const FLOW_INDICATORS = new Set(',?[]{}');

/**
 * yaml_emitter_analyze_scalar: which styles the text allows. An empty text allows plain only in block
 * context (and never as a simple key, see style.ts) and single quotes; a text starting with "---" or
 * "..." (a document marker) is never plain.
 */
export function analyzeScalar(s: string): Analysis {
  const n = s.length;
  if (n === 0) {
    return { multiline: false, flowPlainAllowed: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;

  if (s.startsWith('---') || s.startsWith('...')) {
    blockIndicators = true;
    flowIndicators = true;
  }

  let precededByWhitespace = true;
  for (let i = 0; i < n; ) {
    const c = s.codePointAt(i)!;
    const w = units(c);
    const last = i + w >= n;
    const followedByWhitespace = last || isBlank(s.charCodeAt(i + w));
    const ch = s[i]!;
    if (i === 0) {
      if (FIRST_INDICATORS.has(ch)) {
        flowIndicators = true;
        blockIndicators = true;
      } else if (ch === '?' || ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      } else if (ch === '-' && followedByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    } else if (FLOW_INDICATORS.has(ch)) {
      flowIndicators = true;
    } else if (ch === ':') {
      flowIndicators = true;
      if (followedByWhitespace) blockIndicators = true;
    } else if (ch === '#' && precededByWhitespace) {
      flowIndicators = true;
      blockIndicators = true;
    }

    if (!isPrintable(c)) specialCharacters = true;
    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = c === 0 || isBlank(c) || isBreak(c);
    i += w;
  }

  const a: Analysis = {
    multiline: lineBreaks,
    flowPlainAllowed: true,
    blockPlainAllowed: true,
    singleQuotedAllowed: true,
    blockAllowed: true,
  };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
  }
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
    a.blockAllowed = false;
  }
  if (lineBreaks) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
  }
  if (flowIndicators) a.flowPlainAllowed = false;
  if (blockIndicators) a.blockPlainAllowed = false;
  return a;
}
