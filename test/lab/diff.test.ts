import { describe, expect, it } from 'vitest';
import { align, unifiedDiff } from '../../src/lab/diff.js';

const eq = (a: string[], b: string[]) => (i: number, j: number) => a[i] === b[j];
const diff = (a: string[], b: string[], context = 3) => unifiedDiff(a, b, align(a.length, b.length, eq(a, b)).ops, context);

describe('lab diff', () => {
  it('is empty for equal inputs and costs nothing', () => {
    expect(align(2, 2, eq(['a', 'b'], ['a', 'b'])).cost).toBe(0);
    expect(diff(['a', 'b'], ['a', 'b'])).toBe('');
  });

  it('finds the longest common subsequence: one deletion, one addition', () => {
    const a = ['x', 'a', 'b', 'c'];
    const b = ['a', 'b', 'c', 'y'];
    expect(align(4, 4, eq(a, b)).cost).toBe(2);
    expect(diff(a, b)).toBe('--- expected\n+++ actual\n@@ -1,4 +1,4 @@\n-x\n a\n b\n c\n+y\n');
  });

  it('makes separate hunks with context lines and 1-based ranges', () => {
    const a = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'];
    const b = ['1', 'two', '3', '4', '5', '6', '7', '8', '9', '10', '11', 'twelve'];
    expect(diff(a, b, 1)).toBe('--- expected\n+++ actual\n@@ -1,3 +1,3 @@\n 1\n-2\n+two\n 3\n@@ -11,2 +11,2 @@\n 11\n-12\n+twelve\n');
  });

  it('handles empty sides', () => {
    expect(diff([], ['a'])).toBe('--- expected\n+++ actual\n@@ -0,0 +1 @@\n+a\n');
    expect(diff(['a'], [])).toBe('--- expected\n+++ actual\n@@ -1 +0,0 @@\n-a\n');
  });

  it('a wildcard line eats any number of lines at no cost', () => {
    const a = ['a', '...', 'z'];
    const b = ['a', 'm', 'n', 'z'];
    const r = align(3, 4, eq(a, b), (i) => a[i] === '...');
    expect(r.cost).toBe(0);
    expect(r.ops.map((o) => o.kind)).toEqual(['same', 'skip', 'skip', 'wild', 'same']);
  });
});
