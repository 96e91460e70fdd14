import { describe, expect, it } from 'vitest';
import { schedulePods } from '../../src/controllers/scheduler.js';
import { input, node, pod } from './fixtures.js';

const nodes = [node('cp', '10.244.0.0/24', { controlPlane: true }), node('w1', '10.244.1.0/24'), node('w2', '10.244.2.0/24')];
const boundTo = (ops: ReturnType<typeof schedulePods>) =>
  Object.fromEntries(ops.filter((o) => o.op === 'update').map((o) => [(o as { obj: { metadata: { name: string }; spec: { nodeName: string } } }).obj.metadata.name, (o as { obj: { spec: { nodeName: string } } }).obj.spec.nodeName]));

describe('scheduler', () => {
  it('spreads one owner\'s replicas across workers and avoids the tainted control plane', () => {
    const ops = schedulePods(input([...nodes, pod('a', { owner: 'rs' }), pod('b', { owner: 'rs' }), pod('c', { owner: 'rs' })]));
    expect(boundTo(ops)).toEqual({ a: 'w1', b: 'w2', c: 'w1' });
  });

  it('prefers the node with fewer pods of the same owner over fewer pods overall', () => {
    const existing = [pod('x1', { node: 'w1' }), pod('x2', { node: 'w1' }), pod('r1', { node: 'w2', owner: 'rs' })];
    expect(boundTo(schedulePods(input([...nodes, ...existing, pod('r2', { owner: 'rs' })])))).toEqual({ r2: 'w1' });
  });

  it('leaves pods that fit nowhere Pending and skips cordoned nodes', () => {
    const cordoned = [node('cp', '10.244.0.0/24', { controlPlane: true }), node('w1', '10.244.1.0/24', { unschedulable: true })];
    expect(schedulePods(input([...cordoned, pod('a')]))).toEqual([]);
  });

  it('records a Scheduled event with the real message', () => {
    const ops = schedulePods(input([...nodes, pod('web')]));
    const ev = ops.find((o) => o.op === 'create') as { obj: { reason: string; message: string; source: { component: string } } };
    expect([ev.obj.reason, ev.obj.message, ev.obj.source.component]).toEqual(['Scheduled', 'Successfully assigned default/web to w1', 'default-scheduler']);
  });
});
