import { describe, expect, it } from 'vitest';
import { humanDuration, rfc1123z } from '../../src/printers/age.js';
import { alignTabs, formatTable } from '../../src/printers/tabwriter.js';

describe('HumanDuration', () => {
  const s = 1000;
  const table: Array<[number, string]> = [
    [-5 * s, '<invalid>'],
    [-500, '0s'],
    [0, '0s'],
    [59 * s, '59s'],
    [119 * s, '119s'],
    [120 * s, '2m'],
    [125 * s, '2m5s'],
    [599 * s, '9m59s'],
    [600 * s, '10m'],
    [179 * 60 * s, '179m'],
    [3 * 3600 * s, '3h'],
    [(3 * 3600 + 5 * 60) * s, '3h5m'],
    [8 * 3600 * s, '8h'],
    [47 * 3600 * s, '47h'],
    [48 * 3600 * s, '2d'],
    [(2 * 24 + 5) * 3600 * s, '2d5h'],
    [8 * 24 * 3600 * s, '8d'],
    [729 * 24 * 3600 * s, '729d'],
    [730 * 24 * 3600 * s, '2y'],
    [(3 * 365 + 45) * 24 * 3600 * s, '3y45d'],
    [9 * 365 * 24 * 3600 * s, '9y'],
  ];
  for (const [ms, want] of table) it(`${ms}ms → ${want}`, () => expect(humanDuration(ms)).toBe(want));

  it('prints describe times in RFC1123Z', () => {
    expect(rfc1123z('2024-04-15T10:21:07Z')).toBe('Mon, 15 Apr 2024 10:21:07 +0000');
  });
});

describe('table layout', () => {
  it('pads every column but the last to max(6, longest + 3)', () => {
    const out = formatTable([
      ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
      ['nginx-7854ff8877-4qz7b', '1/1', 'Running', '0', '3m12s'],
      ['busybox', '0/1', 'CrashLoopBackOff', '2 (15s ago)', '45s'],
    ]);
    expect(out).toBe(
      'NAME                     READY   STATUS             RESTARTS      AGE\n' +
        'nginx-7854ff8877-4qz7b   1/1     Running            0             3m12s\n' +
        'busybox                  0/1     CrashLoopBackOff   2 (15s ago)   45s\n',
    );
  });

  it('aligns describe blocks independently, ended by lines without tabs', () => {
    expect(alignTabs('Name:\tx\nNamespace:\tdefault\nIPs:\n  IP:\t10.1.0.1\nContainers:\nEvents:\t<none>')).toBe(
      'Name:       x\nNamespace:  default\nIPs:\n  IP:  10.1.0.1\nContainers:\nEvents:  <none>',
    );
    // Consecutive tabbed lines share one block, whatever their indentation.
    expect(alignTabs('  IP:\t10.1.0.1\nEvents:\t<none>')).toBe('  IP:    10.1.0.1\nEvents:  <none>');
  });
});
