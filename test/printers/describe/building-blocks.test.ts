import { describe, expect, it } from 'vitest';
import { eventInterval, eventsFor, writeEvents } from '../../../src/printers/describe/events.js';
import { PrefixWriter, writeAnnotations, writeLabels } from '../../../src/printers/describe/prefix-writer.js';
import { addQuantity, canonicalQuantity, milliValue, parseQuantity } from '../../../src/printers/describe/quantity.js';
import { formatTaint, formatToleration } from '../../../src/printers/describe/scheduling.js';
import { ctxOf, event, obj } from './helpers.js';

describe('PrefixWriter', () => {
  it('indents 2 spaces per level and aligns each flushed part on its own', () => {
    const w = new PrefixWriter();
    w.write(0, 'A:\tx\n');
    w.write(1, 'Longer:\ty\n');
    w.flush();
    w.write(0, 'B:\tz\n');
    expect(w.toString()).toBe('A:         x\n  Longer:  y\nB:  z\n');
  });

  it('writes sorted multi-line labels aligned under the first value, <none> when empty', () => {
    const w = new PrefixWriter();
    writeLabels(w, 'Labels', { b: '2', a: '1' });
    writeLabels(w, 'Selectors', {});
    expect(w.toString()).toBe('Labels:     a=1\n            b=2\nSelectors:  <none>\n');
  });

  it('hides last-applied-configuration and moves long or multi-line annotation values to their own lines', () => {
    const w = new PrefixWriter();
    const long = 'v'.repeat(150);
    writeAnnotations(w, 'Annotations', {
      'kubectl.kubernetes.io/last-applied-configuration': '{"a":1}\n',
      short: 'ok',
      long,
      multi: 'one\ntwo\n',
    });
    expect(w.toString()).toBe(
      [
        'Annotations:  long:',
        `                ${'v'.repeat(138)}...`,
        '              multi:',
        '                one',
        '                two',
        '              short: ok',
        '',
      ].join('\n'),
    );
  });

  it('prints <none> when only hidden annotations exist', () => {
    const w = new PrefixWriter();
    writeAnnotations(w, 'Annotations', { 'kubectl.kubernetes.io/last-applied-configuration': '{}' });
    expect(w.toString()).toBe('Annotations:  <none>\n');
  });
});

describe('quantities', () => {
  it('prints the canonical form kubectl shows', () => {
    const cases: [string, string][] = [
      ['100m', '100m'],
      ['1000m', '1'],
      ['0.25', '250m'],
      ['1500m', '1500m'],
      ['1000', '1k'],
      ['50Mi', '50Mi'],
      ['1024Mi', '1Gi'],
      ['263112772Ki', '263112772Ki'],
      ['512', '512'],
      ['1.5Ki', '1536'],
      ['0', '0'],
      ['1e3', '1e3'],
    ];
    for (const [input, want] of cases) expect([input, canonicalQuantity(input)]).toEqual([input, want]);
  });

  it('adds keeping the first format and reports milli-values', () => {
    expect(canonicalQuantity(undefined)).toBe('0');
    const sum = addQuantity(parseQuantity('50Mi'), parseQuantity('14Mi'));
    expect(canonicalQuantity(String(sum.nano / 1_000_000_000n))).toBe('67108864');
    expect(milliValue(addQuantity(parseQuantity('100m'), parseQuantity('1')))).toBe(1100);
  });
});

describe('events', () => {
  const pod = obj('Pod', 'p', { namespace: 'default', metadata: { name: 'p', namespace: 'default', uid: 'u1' } });
  const now = '2024-04-15T10:30:00Z';

  it('matches by uid or by kind/name/namespace and sorts by last timestamp', () => {
    const late = event(pod, 'a', { reason: 'Late', message: 'm', from: 'kubelet', first: '2024-04-15T10:29:00Z' });
    const early = event(pod, 'b', { reason: 'Early', message: 'm', from: 'kubelet', first: '2024-04-15T10:00:00Z', last: '2024-04-15T10:10:00Z' });
    const noUid = { ...event(pod, 'c', { reason: 'NoUid', message: 'm', from: 'x', first: '2024-04-15T10:20:00Z' }) };
    delete noUid.involvedObject.uid;
    const otherNs = event({ ...pod, metadata: { name: 'p', namespace: 'other' } }, 'd', { reason: 'Other', message: 'm', from: 'x', first: '2024-04-15T10:21:00Z' });
    delete otherNs.involvedObject.uid;
    const found = eventsFor(pod, ctxOf([pod, late, early, noUid, otherNs], now));
    expect(found.map((e) => e.reason)).toEqual(['Early', 'NoUid', 'Late']);
  });

  it('formats single, repeated and series events', () => {
    const ctx = ctxOf([], now);
    expect(eventInterval({ ...obj('Event', 'e'), firstTimestamp: '2024-04-15T10:29:48Z', count: 1 }, ctx)).toBe('12s');
    expect(eventInterval({ ...obj('Event', 'e'), firstTimestamp: '2024-04-15T10:26:50Z', lastTimestamp: '2024-04-15T10:28:00Z', count: 4 }, ctx)).toBe('2m (x4 over 3m10s)');
    expect(eventInterval({ ...obj('Event', 'e'), eventTime: '2024-04-15T10:25:00.000000Z', series: { count: 7, lastObservedTime: '2024-04-15T10:29:30.000000Z' } }, ctx)).toBe('30s (x7 over 5m)');
  });

  it('writes Events:\\t<none> inside the current block and trims messages in the table', () => {
    const w = new PrefixWriter();
    w.write(0, 'Session Affinity:\tNone\n');
    writeEvents(w, [], ctxOf([], now));
    expect(w.toString()).toBe('Session Affinity:  None\nEvents:            <none>\n');
    const w2 = new PrefixWriter();
    w2.write(0, 'Session Affinity:\tNone\n');
    writeEvents(w2, [{ ...event(pod, 'x', { type: 'Warning', reason: 'BackOff', message: '  Back-off restarting  \n', from: 'kubelet', first: '2024-04-15T10:29:00Z' }) }], ctxOf([], now));
    expect(w2.toString()).toBe(
      'Session Affinity:  None\nEvents:\n  Type     Reason   Age   From     Message\n  ----     ------   ----  ----     -------\n  Warning  BackOff  60s   kubelet  Back-off restarting\n',
    );
  });
});

describe('tolerations and taints', () => {
  it('formats like kubectl', () => {
    expect(formatToleration({ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 })).toBe('node.kubernetes.io/not-ready:NoExecute op=Exists for 300s');
    expect(formatToleration({ operator: 'Exists' })).toBe('op=Exists');
    expect(formatToleration({ key: 'gpu', operator: 'Equal', value: 'true', effect: 'NoSchedule' })).toBe('gpu=true:NoSchedule');
    expect(formatTaint({ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' })).toBe('node-role.kubernetes.io/control-plane:NoSchedule');
    expect(formatTaint({ key: 'k', value: 'v' })).toBe('k=v:');
  });
});
