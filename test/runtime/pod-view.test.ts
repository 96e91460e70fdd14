import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import type { Snapshot } from '../../src/api/snapshot.js';
import { getProfile } from '../../src/api/profiles.js';
import { podView } from '../../src/runtime/pod-view.js';
import { volumeFiles } from '../../src/runtime/volumes.js';

function snapshot(objects: KubeObject[]): Snapshot {
  return {
    get: (kind, ns, name) => objects.find((o) => o.kind === kind && (o.metadata.namespace ?? 'default') === ns && o.metadata.name === name),
    list: (kind) => objects.filter((o) => o.kind === kind),
  };
}

const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'site', namespace: 'default' }, data: { 'index.html': '<h1>mine</h1>\n', 'other.txt': 'x' } };
const secret: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'default' }, data: { password: Buffer.from('s3cret').toString('base64') } };

function nginxPod(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
    spec: {
      containers: [
        {
          name: 'nginx',
          image: 'nginx',
          volumeMounts: [
            { name: 'html', mountPath: '/usr/share/nginx/html' },
            { name: 'cache', mountPath: '/cache' },
            { name: 'creds', mountPath: '/etc/creds', readOnly: true },
            { name: 'site', mountPath: '/etc/nginx/extra.txt', subPath: 'other.txt' },
            { name: 'info', mountPath: '/etc/podinfo' },
          ],
        },
      ],
      volumes: [
        { name: 'html', configMap: { name: 'site', items: [{ key: 'index.html', path: 'index.html' }] } },
        { name: 'cache', emptyDir: {} },
        { name: 'creds', secret: { secretName: 'creds' } },
        { name: 'site', configMap: { name: 'site' } },
        { name: 'info', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
      ],
    },
    status: { podIP: '10.244.1.5' },
  };
}

describe('pod view', () => {
  const profile = getProfile('default')!;

  it('lays volumes over the image: a configMap hides the directory it is mounted on', () => {
    const { fs } = podView({ snapshot: snapshot([cm, secret]), profile, pod: nginxPod(), container: { name: 'nginx', image: 'nginx' }, record: undefined });
    expect(fs.list('/usr/share/nginx/html')).toEqual(['index.html']);
    expect(fs.readFile('/usr/share/nginx/html/index.html')).toBe('<h1>mine</h1>\n');
    expect(fs.isDir('/cache')).toBe(true);
    expect(fs.list('/cache')).toEqual([]);
    expect(fs.readFile('/etc/creds/password')).toBe('s3cret');
    expect(fs.readFile('/etc/nginx/extra.txt')).toBe('x');
    expect(fs.readFile('/etc/nginx/conf.d/default.conf')).toContain('listen  [::]:80;');
    expect(fs.readFile('/etc/podinfo/labels')).toBe('app="web"');
  });

  it("overlays the files the container instance wrote, directories kept as `path/`", () => {
    const record = { podUid: 'u', namespace: 'default', pod: 'web', container: 'nginx', image: 'nginx', env: [], startedAt: '', log: [], files: { '/tmp/x': 'hi\n', '/data/': '' } };
    const { fs } = podView({ snapshot: snapshot([cm, secret]), profile, pod: nginxPod(), container: { name: 'nginx', image: 'nginx' }, record });
    expect(fs.readFile('/tmp/x')).toBe('hi\n');
    expect(fs.isDir('/data')).toBe(true);
  });

  it('image files: Alpine 3.12 for kiamol/ch03-sleep, no os-release in busybox, kuard runs with HOME=/', () => {
    const pod = { ...nginxPod(), spec: { containers: [{ name: 'c', image: 'x' }] } };
    const view = (image: string) => podView({ snapshot: snapshot([]), profile, pod, container: { name: 'c', image }, record: undefined });
    expect(view('kiamol/ch03-sleep').fs.readFile('/etc/os-release')).toContain('PRETTY_NAME="Alpine Linux v3.12"');
    expect(view('busybox:1.36').fs.exists('/etc/os-release')).toBe(false);
    expect(view('busybox:1.36').fs.readFile('/etc/passwd').split('\n')[0]).toBe('root:x:0:0:root:/root:/bin/sh');
    expect(view('gcr.io/kuar-demo/kuard-amd64:blue').env.get('HOME')).toBe('/');
  });

  it('the service-account volume gives the namespace and a token', () => {
    const pod = nginxPod();
    pod.spec.containers[0].volumeMounts = [{ name: 'kube-api-access-abcde', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }];
    pod.spec.volumes = [{ name: 'kube-api-access-abcde', projected: { sources: [{ serviceAccountToken: { path: 'token' } }, { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } }, { downwardAPI: { items: [{ path: 'namespace', fieldRef: { fieldPath: 'metadata.namespace' } }] } }] } }];
    const ca: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt', namespace: 'default' }, data: { 'ca.crt': 'CERT' } };
    const m = volumeFiles(pod, 'nginx', snapshot([ca]));
    expect(m.files['/var/run/secrets/kubernetes.io/serviceaccount/namespace']).toBe('default');
    expect(m.files['/var/run/secrets/kubernetes.io/serviceaccount/ca.crt']).toBe('CERT');
    expect(m.files['/var/run/secrets/kubernetes.io/serviceaccount/token'].split('.')).toHaveLength(3);
  });
});
