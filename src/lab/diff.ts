/**
 * Line alignment (LCS-style edit distance, no substitutions) and unified diffs. An expected line may be a
 * wildcard (`...`) that stands for zero or more actual lines at no cost; equality is a callback, so a
 * token line such as `web-<hash>-<pod-suffix>` counts as equal to the line it matches.
 */

export type Op =
  | { kind: 'same'; e: number; a: number }
  | { kind: 'del'; e: number }
  | { kind: 'add'; a: number }
  /** An actual line eaten by a wildcard. */
  | { kind: 'skip'; a: number }
  /** The wildcard line itself. */
  | { kind: 'wild'; e: number };

export interface Alignment {
  ops: Op[];
  /** Number of deleted plus added lines: 0 when the actual lines match. */
  cost: number;
}

export function align(n: number, m: number, eq: (e: number, a: number) => boolean, wild: (e: number) => boolean = () => false): Alignment {
  const W = m + 1;
  const cost = new Int32Array((n + 1) * W);
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      let c: number;
      if (i === n) c = m - j;
      else if (wild(i)) c = Math.min(cost[(i + 1) * W + j], j < m ? cost[i * W + j + 1] : Infinity);
      else if (j === m) c = 1 + cost[(i + 1) * W + j];
      else {
        c = Math.min(1 + cost[(i + 1) * W + j], 1 + cost[i * W + j + 1]);
        if (eq(i, j)) c = Math.min(c, cost[(i + 1) * W + j + 1]);
      }
      cost[i * W + j] = c;
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const here = cost[i * W + j];
    if (i < n && wild(i)) {
      if (j < m && cost[i * W + j + 1] === here && !(cost[(i + 1) * W + j] === here && nextMatches(i + 1, j))) ops.push({ kind: 'skip', a: j++ });
      else ops.push({ kind: 'wild', e: i++ });
    } else if (i < n && j < m && eq(i, j) && cost[(i + 1) * W + j + 1] === here) ops.push({ kind: 'same', e: i++, a: j++ });
    else if (i < n && 1 + cost[(i + 1) * W + j] === here) ops.push({ kind: 'del', e: i++ });
    else ops.push({ kind: 'add', a: j++ });
  }
  return { ops, cost: cost[0] };

  // A wildcard stops eating lines as soon as the next expected line matches (shortest match).
  function nextMatches(e: number, a: number): boolean {
    return e < n && !wild(e) && eq(e, a) && cost[(e + 1) * W + a + 1] === cost[e * W + a];
  }
}

/** A unified diff of expected vs actual from an alignment, with `context` lines around each change. */
export function unifiedDiff(expected: string[], actual: string[], ops: Op[], context = 3, labels = { from: 'expected', to: 'actual' }): string {
  const changed = ops.map((o) => o.kind === 'del' || o.kind === 'add');
  if (!changed.some(Boolean)) return '';
  const hunks: [number, number][] = [];
  for (let k = 0; k < ops.length; k++) {
    if (!changed[k]) continue;
    const from = Math.max(0, k - context);
    const to = Math.min(ops.length - 1, k + context);
    const last = hunks[hunks.length - 1];
    if (last && from <= last[1] + 1) last[1] = to;
    else hunks.push([from, to]);
  }
  let out = `--- ${labels.from}\n+++ ${labels.to}\n`;
  for (const [from, to] of hunks) {
    const slice = ops.slice(from, to + 1);
    const eStart = firstIndex(ops, from, 'e');
    const aStart = firstIndex(ops, from, 'a');
    const eCount = slice.filter((o) => 'e' in o).length;
    const aCount = slice.filter((o) => 'a' in o).length;
    out += `@@ -${range(eStart, eCount)} +${range(aStart, aCount)} @@\n`;
    for (const o of slice) {
      if (o.kind === 'same') out += ` ${actual[o.a]}\n`;
      else if (o.kind === 'skip') out += ` ${actual[o.a]}\n`;
      else if (o.kind === 'wild') out += ` ${expected[o.e]}\n`;
      else if (o.kind === 'del') out += `-${expected[o.e]}\n`;
      else out += `+${actual[o.a]}\n`;
    }
  }
  return out;
}

/** The 0-based index on side `key` where ops[k] stands (the count of earlier ops on that side). */
function firstIndex(ops: Op[], k: number, key: 'e' | 'a'): number {
  let n = 0;
  for (let x = 0; x < k; x++) if (key in ops[x]) n++;
  return n;
}

function range(start: number, count: number): string {
  // Unified diff convention: 1-based start; an empty range names the line before it.
  const s = count === 0 ? start : start + 1;
  return count === 1 ? `${s}` : `${s},${count}`;
}
