import { describe, expect, it } from 'vitest';
import {
  createMergePatch,
  createTwoWayMergePatch,
  goFormat,
  jsonMergePatch,
  jsonPatch,
  JsonPatchError,
  PatchError,
  strategicMergePatch,
  threeWayPatch,
} from '../../src/api/patch/index.js';

// Expected results marked "kubectl 1.32.4" were produced by `kubectl patch --local -f … -o json`.

const svc = () => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 's2', finalizers: ['a', 'b'] },
  spec: {
    ports: [
      { port: 80, name: 'http' },
      { port: 443, name: 'https' },
      { port: 8080, name: 'alt' },
    ],
  },
});

const dep = () => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        tolerations: [{ key: 'a', operator: 'Exists' }],
        containers: [
          {
            name: 'nginx',
            image: 'nginx:1.25',
            args: ['a', 'b'],
            env: [
              { name: 'A', value: '1' },
              { name: 'B', value: '2' },
            ],
            ports: [{ containerPort: 80, name: 'http' }],
          },
          { name: 'side', image: 'busybox' },
        ],
      },
    },
  },
});

describe('strategicMergePatch', () => {
  it('merges service ports on port, keeping live ports, in kubectl 1.32.4 order', () => {
    const out = strategicMergePatch(svc(), {
      metadata: { finalizers: ['c', 'a'] },
      spec: { ports: [{ port: 8080, x: 1 }, { port: 81 }, { port: 443, y: 2 }] },
    });
    expect(out.metadata.finalizers).toEqual(['c', 'a', 'b']);
    expect(out.spec.ports).toEqual([
      { name: 'http', port: 80 },
      { name: 'alt', port: 8080, x: 1 },
      { port: 81 },
      { name: 'https', port: 443, y: 2 },
    ]);
  });

  it('keeps a NodePort service port (and its nodePort) when a port is added (kubectl 1.32.4)', () => {
    const live = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'my-nginx' }, spec: { type: 'NodePort', ports: [{ nodePort: 30080, port: 80, protocol: 'TCP', targetPort: 80 }] } };
    expect(strategicMergePatch(live, { spec: { ports: [{ port: 81 }] } }).spec.ports).toEqual([{ port: 81 }, { nodePort: 30080, port: 80, protocol: 'TCP', targetPort: 80 }]);
    expect(strategicMergePatch(live, { spec: { type: 'LoadBalancer' } }).spec).toEqual({ type: 'LoadBalancer', ports: live.spec.ports });
  });

  it('honours $patch: delete in a merge list', () => {
    expect(strategicMergePatch(svc(), { spec: { ports: [{ port: 443, $patch: 'delete' }] } }).spec.ports).toEqual([
      { name: 'http', port: 80 },
      { name: 'alt', port: 8080 },
    ]);
  });

  it('honours $patch: replace on a map', () => {
    expect(strategicMergePatch(svc(), { spec: { ports: [{ port: 9 }], $patch: 'replace' } }).spec).toEqual({ ports: [{ port: 9 }] });
  });

  it('orders a list by $setElementOrder', () => {
    const out = strategicMergePatch(svc(), { spec: { '$setElementOrder/ports': [{ port: 8080 }, { port: 80 }, { port: 443 }], ports: [{ port: 80, z: 1 }] } });
    expect(out.spec.ports).toEqual([
      { name: 'alt', port: 8080 },
      { name: 'http', port: 80, z: 1 },
      { name: 'https', port: 443 },
    ]);
  });

  it('deletes a field set to null', () => {
    expect(strategicMergePatch(svc(), { spec: { ports: null } }).spec).toEqual({});
  });

  it('deletes from a primitive list with $deleteFromPrimitiveList, and adds nothing when the list is absent', () => {
    expect(strategicMergePatch(svc(), { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } }).metadata).toEqual({ name: 's2', finalizers: ['b'] });
    expect(strategicMergePatch(dep(), { metadata: { '$deleteFromPrimitiveList/finalizers': ['x'] } }).metadata).toEqual({ name: 'web' });
  });

  it('merges containers by name, env by name, container ports by containerPort; replaces args and tolerations (kubectl 1.32.4)', () => {
    const out = strategicMergePatch(dep(), {
      spec: {
        template: {
          spec: {
            tolerations: [{ key: 'b', operator: 'Exists' }],
            containers: [
              { name: 'side', image: 'busybox:2', args: ['z'] },
              { name: 'nginx', args: ['c'], env: [{ name: 'C', value: '3' }, { name: 'A', value: '9' }], ports: [{ containerPort: 443 }] },
            ],
          },
        },
      },
    });
    expect(out.spec.template.spec).toEqual({
      containers: [
        { args: ['z'], image: 'busybox:2', name: 'side' },
        {
          args: ['c'],
          env: [
            { name: 'C', value: '3' },
            { name: 'A', value: '9' },
            { name: 'B', value: '2' },
          ],
          image: 'nginx:1.25',
          name: 'nginx',
          ports: [{ containerPort: 443 }, { containerPort: 80, name: 'http' }],
        },
      ],
      tolerations: [{ key: 'b', operator: 'Exists' }],
    });
  });

  it('deletes an env var of one container by $patch: delete', () => {
    const out = strategicMergePatch(dep(), { spec: { template: { spec: { containers: [{ name: 'nginx', env: [{ name: 'A', $patch: 'delete' }] }] } } } });
    expect(out.spec.template.spec.containers[0].env).toEqual([{ name: 'B', value: '2' }]);
    expect(out.spec.template.spec.containers[1]).toEqual({ name: 'side', image: 'busybox' });
  });

  it('reports a missing merge key, a bad directive and mixed list types in apimachinery words (kubectl 1.32.4)', () => {
    expect(() => strategicMergePatch(svc(), { spec: { ports: [{ name: 'foo' }] } })).toThrow(new PatchError('map: map[name:foo] does not contain declared merge key: port'));
    expect(() => strategicMergePatch(dep(), { spec: { $patch: 'bogus' } })).toThrow(new PatchError('unknown patch type: bogus in map: map[$patch:bogus]'));
    expect(() => strategicMergePatch(dep(), { spec: { template: { spec: { containers: [{ name: 'nginx', $patch: 'bogus' }] } } } })).toThrow(
      new PatchError('unknown patch type: bogus in map: map[$patch:bogus name:nginx]'),
    );
    expect(() => strategicMergePatch(dep(), { spec: { template: { spec: { containers: ['x'] } } } })).toThrow(
      new PatchError(
        'list element types are not identical: [[map[args:[a b] env:[map[name:A value:1] map[name:B value:2]] image:nginx:1.25 name:nginx ports:[map[containerPort:80 name:http]]] map[image:busybox name:side]] [x]]',
      ),
    );
  });

  it('does not mutate its inputs', () => {
    const live = svc();
    const patch = { spec: { ports: [{ port: 443, $patch: 'delete' }] } };
    strategicMergePatch(live, patch);
    expect(live).toEqual(svc());
    expect(patch.spec.ports[0]).toEqual({ port: 443, $patch: 'delete' });
  });
});

describe('jsonMergePatch / createMergePatch', () => {
  it('replaces lists wholesale and deletes nulls', () => {
    const out = jsonMergePatch(svc(), { spec: { ports: [{ port: 81 }] }, metadata: { finalizers: null } });
    expect(out).toEqual({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's2' }, spec: { ports: [{ port: 81 }] } });
  });

  it('round-trips: applying the created patch yields the modified document', () => {
    const a = { metadata: { labels: { app: 'x', gone: 'y' } }, spec: { n: 1 } };
    const b = { metadata: { labels: { app: 'z' } }, spec: { n: 1 }, extra: [1] };
    const p = createMergePatch(a, b);
    expect(p).toEqual({ metadata: { labels: { app: 'z', gone: null } }, extra: [1] });
    expect(jsonMergePatch(a, p)).toEqual(b);
  });
});

describe('createTwoWayMergePatch', () => {
  it('is the minimal change for a scalar edit', () => {
    const a = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] } };
    const b = { ...a, spec: { ...a.spec, type: 'LoadBalancer' } };
    expect(JSON.stringify(createTwoWayMergePatch(a, b))).toBe('{"spec":{"type":"LoadBalancer"}}');
  });

  it('adds $setElementOrder and a delete directive for merge lists, and null for removed fields', () => {
    const a = svc();
    const b = svc();
    b.spec.ports = [{ port: 8080, name: 'alt2' }, { port: 80, name: 'http' }];
    delete (b.metadata as { finalizers?: string[] }).finalizers;
    const p = createTwoWayMergePatch(a, b);
    expect(p).toEqual({
      metadata: { finalizers: null },
      spec: {
        '$setElementOrder/ports': [{ port: 8080 }, { port: 80 }],
        ports: [{ name: 'alt2', port: 8080 }, { port: 443, $patch: 'delete' }],
      },
    });
    expect(strategicMergePatch(a, p)).toEqual(b);
  });

  it('uses $deleteFromPrimitiveList for merged scalar lists', () => {
    const a = { kind: 'Service', apiVersion: 'v1', metadata: { name: 's', finalizers: ['a', 'b'] } };
    const b = { kind: 'Service', apiVersion: 'v1', metadata: { name: 's', finalizers: ['b', 'c'] } };
    const p = createTwoWayMergePatch(a, b);
    expect(p).toEqual({ metadata: { '$deleteFromPrimitiveList/finalizers': ['a'], '$setElementOrder/finalizers': ['b', 'c'], finalizers: ['c'] } });
    expect(strategicMergePatch(a, p)).toEqual(b);
  });

  it('is empty when nothing changed', () => {
    expect(createTwoWayMergePatch(dep(), dep())).toEqual({});
  });
});

describe('threeWayPatch', () => {
  it('removes a container port the user dropped from the manifest and keeps server-added ones', () => {
    const last = dep();
    const modified = dep();
    modified.spec.template.spec.containers[0].ports = [];
    const live = dep();
    live.spec.template.spec.containers[0].env.push({ name: 'SERVER', value: 'x' });
    const patch = threeWayPatch(last, modified);
    const out = strategicMergePatch(live, patch);
    expect(out.spec.template.spec.containers[0].ports).toEqual([]);
    expect(out.spec.template.spec.containers[0].env).toEqual([...dep().spec.template.spec.containers[0].env, { name: 'SERVER', value: 'x' }]);
  });

  it('with the live object, resets fields changed on the server to the manifest', () => {
    const last = dep();
    const live = dep();
    live.spec.replicas = 5;
    expect(threeWayPatch(last, dep(), live)).toEqual({ spec: { replicas: 2 } });
    expect(threeWayPatch(last, dep())).toEqual({});
  });

  it('sends null for a field removed from the manifest', () => {
    const last = dep();
    const modified = dep();
    delete (modified.spec as { replicas?: number }).replicas;
    expect(threeWayPatch(last, modified)).toEqual({ spec: { replicas: null } });
  });
});

describe('jsonPatch', () => {
  const doc = () => ({ spec: { type: 'NodePort', ports: [{ port: 80 }] } });

  it('applies add, replace, remove, move, copy, test', () => {
    const out = jsonPatch(doc(), [
      { op: 'add', path: '/spec/ports/-', value: { port: 81 } },
      { op: 'replace', path: '/spec/type', value: 'LoadBalancer' },
      { op: 'copy', from: '/spec/type', path: '/spec/oldType' },
      { op: 'move', from: '/spec/oldType', path: '/spec/t2' },
      { op: 'remove', path: '/spec/ports/0' },
      { op: 'test', path: '/spec/t2', value: 'LoadBalancer' },
    ]);
    expect(out).toEqual({ spec: { type: 'LoadBalancer', ports: [{ port: 81 }], t2: 'LoadBalancer' } });
  });

  it('reports failures in json-patch words (kubectl 1.32.4 --local)', () => {
    const cases: Array<[object, string]> = [
      [{ op: 'remove', path: '/spec/foo' }, "error in remove for path: '/spec/foo': Unable to remove nonexistent key: foo: missing value"],
      [{ op: 'add', path: '/spec/foo/bar', value: 1 }, 'add operation does not apply: doc is missing path: "/spec/foo/bar": missing value'],
      [{ op: 'test', path: '/spec/type', value: 'x' }, 'testing value /spec/type failed: test failed'],
      [{ op: 'bogus', path: '/spec/type', value: 'x' }, 'Unexpected kind: bogus'],
      [{ path: '/spec/x' }, 'Unexpected kind: unknown'],
      [{ op: 'replace', path: '/spec/ports/5/port', value: 1 }, 'replace operation does not apply: doc is missing path: /spec/ports/5/port: missing value'],
      [{ op: 'add', path: '/spec/ports/5', value: 1 }, "error in add for path: '/spec/ports/5': Unable to access invalid index: 5: invalid index referenced"],
      [{ op: 'replace', value: 1 }, 'replace operation failed to decode path: operation missing path field: missing value'],
    ];
    for (const [op, msg] of cases) expect(() => jsonPatch(doc(), [op])).toThrow(new JsonPatchError(msg));
  });

  it('replaces a missing object key like an add, as json-patch v4 does (kubectl 1.32.4 --local)', () => {
    expect(jsonPatch(doc(), [{ op: 'replace', path: '/spec/foo', value: 1 }]).spec.foo).toBe(1);
  });
});

describe('goFormat', () => {
  it('prints decoded JSON the way Go %v does', () => {
    expect(goFormat({ b: [1, 'x'], a: { c: null, d: true } })).toBe('map[a:map[c:<nil> d:true] b:[1 x]]');
  });
});
