import { describe, expect, it } from 'vitest';
import { formatLabelMap, formatLabelSelector, matchesSelector, parseSelector } from '../../src/api/labels.js';

const labels = { app: 'whoami', 'kubernetes.courselabs.co': 'services', tier: 'web' };

describe('label selectors', () => {
  const cases: Array<[string, boolean]> = [
    ['app=whoami', true],
    ['app==whoami', true],
    ['app!=whoami', false],
    ['app=sleep', false],
    ['app=whoami,tier=web', true],
    ['app=whoami,tier=db', false],
    ['app in (whoami,sleep)', true],
    ['app notin (whoami)', false],
    ['tier', true],
    ['missing', false],
    ['!missing', true],
    ['!app', false],
    ['kubernetes.courselabs.co=services', true],
    ['', true],
    ['missing!=x', true],
  ];
  for (const [sel, want] of cases) {
    it(`${JSON.stringify(sel)} → ${want}`, () => expect(matchesSelector(parseSelector(sel), labels)).toBe(want));
  }

  it('rejects a bad key', () => {
    expect(() => parseSelector('-bad=x')).toThrow(/invalid label key "-bad"/);
  });

  it('formats map selectors like labels.Set.String(): sorted over the whole k=v', () => {
    expect(formatLabelMap({ run: 'my-nginx', app: 'x' })).toBe('app=x,run=my-nginx');
    expect(formatLabelMap({ a: '1', 'a.b': '2' })).toBe('a.b=2,a=1');
    expect(formatLabelMap({})).toBe('');
  });

  it('formats LabelSelectors with expressions', () => {
    expect(formatLabelSelector({ matchLabels: { app: 'nginx' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['qa', 'prod'] }] })).toBe('app=nginx,env in (prod,qa)');
  });
});
