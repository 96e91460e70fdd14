import { align, unifiedDiff, type Op } from './diff.js';

/**
 * Documented output vs what a step printed.
 *
 * Exact by default, line by line, except what Markdown cannot hold: trailing whitespace and `\r` are
 * ignored, and so are trailing blank lines. Inside an expected line:
 * - tokens stand for what varies between clusters (TOKENS below); when a step's expected output uses
 *   any token, every line of it is compared with runs of spaces collapsed (a token can widen a column);
 * - `...` alone on a line stands for zero or more lines;
 * - a line ending in ` (re)` is a JavaScript regular expression for the whole line (cram's convention).
 * Tolerant mode (a real cluster): pod-name suffixes, pod-template hashes, IPv4 addresses, ages, node
 * ports and column spacing are normalised on both sides before comparing.
 */

export const TOKENS: Record<string, { pattern: string; means: string }> = {
  'pod-suffix': { pattern: '[a-z0-9]{5}', means: 'the random 5-character suffix of a generated name (pods, EndpointSlices)' },
  hash: { pattern: '[a-z0-9]{8,10}', means: 'a pod-template-hash (Deployment → ReplicaSet → Pod names)' },
  ip: { pattern: '(?:\\d{1,3}\\.){3}\\d{1,3}', means: 'an IPv4 address' },
  age: { pattern: '(?:\\d+[smhdy](?:\\d+[smhd])?|<invalid>)', means: "kubectl's AGE: 0s, 5s, 3m2s, 10d, 2y10d" },
  'node-port': { pattern: '(?:30\\d{3}|31\\d{3}|32[0-6]\\d{2}|327[0-5]\\d|3276[0-7])', means: 'a node port, 30000–32767' },
  any: { pattern: '.*', means: 'anything, including nothing' },
};

const TOKEN_SRC = `<(${Object.keys(TOKENS).join('|')})>`;
const TOKEN_RE = new RegExp(TOKEN_SRC, 'g');
const ELLIPSIS = '...';

export function hasToken(line: string): boolean {
  return new RegExp(TOKEN_SRC).test(line);
}

/** Output text as lines: `\r` and trailing whitespace dropped, no trailing blank lines. */
export function outputLines(text: string): string[] {
  const lines = text.split('\n').map((l) => l.replace(/\s+$/, ''));
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

const collapse = (s: string) => s.replace(/ {2,}/g, '  ');

/** The k8s name-suffix alphabet (no vowels), which both random suffixes and template hashes use. */
const SAFE = '[bcdfghjklmnpqrstvwxz2456789]';

/** Replaces what varies between clusters by its token, for tolerant comparison. */
export function normalizeTolerant(line: string): string {
  return collapse(
    line
      .replace(/\b(?:\d{1,3}\.){3}\d{1,3}\b/g, '<ip>')
      .replace(/-([a-z0-9]{8,10})-[a-z0-9]{5}\b(?![-.])/g, (m, hash: string) => (looksLikeHash(hash) ? '-<hash>-<pod-suffix>' : m))
      .replace(new RegExp(`-${SAFE}{8,10}\\b(?![-.])`, 'g'), '-<hash>')
      .replace(new RegExp(`-${SAFE}{5}\\b(?![-.])`, 'g'), '-<pod-suffix>')
      .replace(/\b(?:30\d{3}|31\d{3}|32[0-6]\d{2}|327[0-5]\d|3276[0-7])\b/g, '<node-port>')
      .replace(/\b\d+[smhdy](?:\d+[smhd])?\b/g, '<age>'),
  );
}

/** Template hashes come from the suffix alphabet; a hand-written one at least has a digit. */
function looksLikeHash(s: string): boolean {
  return new RegExp(`^${SAFE}+$`).test(s) || /\d/.test(s);
}

type Matcher = (actual: string) => boolean;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A matcher for one expected line (not `...`). */
export function lineMatcher(expected: string, o: { collapse: boolean; tolerant: boolean }): Matcher {
  if (expected.endsWith(' (re)')) {
    let re: RegExp;
    try {
      re = new RegExp(`^(?:${expected.slice(0, -5)})$`);
    } catch {
      return () => false;
    }
    return (a) => re.test(a);
  }
  if (o.tolerant) {
    // Tokens in the document are already the normal form; only <any> stays a wildcard.
    const parts = normalizeTolerant(expected).split('<any>').map(escape);
    const re = new RegExp(`^${parts.join('.*')}$`);
    return (a) => re.test(normalizeTolerant(a));
  }
  if (!hasToken(expected)) {
    const want = o.collapse ? collapse(expected) : expected;
    return o.collapse ? (a) => collapse(a) === want : (a) => a === want;
  }
  let src = '';
  let last = 0;
  const text = o.collapse ? collapse(expected) : expected;
  for (const m of text.matchAll(TOKEN_RE)) {
    src += escape(text.slice(last, m.index)) + TOKENS[m[1]].pattern;
    last = m.index! + m[0].length;
  }
  src += escape(text.slice(last));
  const re = new RegExp(`^${src}$`);
  return (a) => re.test(o.collapse ? collapse(a) : a);
}

export interface Comparison {
  ok: boolean;
  ops: Op[];
  actual: string[];
  /** A unified diff (expected vs actual); empty when ok. */
  diff: string;
}

export function compareOutput(expected: string[], actualText: string, o: { tolerant?: boolean } = {}): Comparison {
  const actual = outputLines(actualText);
  const exp = [...expected];
  while (exp.length && exp[exp.length - 1].trim() === '') exp.pop();
  const opts = { collapse: exp.some(hasToken), tolerant: Boolean(o.tolerant) };
  const matchers = exp.map((l) => (l.trim() === ELLIPSIS ? undefined : lineMatcher(l.replace(/\s+$/, ''), opts)));
  const { ops, cost } = align(exp.length, actual.length, (e, a) => matchers[e]!(actual[a]), (e) => matchers[e] === undefined);
  return { ok: cost === 0, ops, actual, diff: cost === 0 ? '' : unifiedDiff(exp, actual, ops) };
}
