import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import type { RuntimeState } from '../../src/api/snapshot.js';
import type { Op } from '../../src/controllers/types.js';
import { runKubelet } from '../../src/controllers/kubelet/index.js';
import { serviceEnv } from '../../src/controllers/kubelet/env.js';
import { getProfile } from '../../src/api/profiles.js';
import { Rng } from '../../src/util/rng.js';
import { node, pod, service, snapshotOf } from './fixtures.js';

/**
 * Drives the kubelet like the reconcile loop does — apply its ops, run again — at a given instant,
 * so each case reads as a timeline.
 */
class World {
  objs: KubeObject[];
  runtime: RuntimeState = { containers: {}, pods: {} };
  events: string[] = [];
  wakes: string[] = [];
  rng = new Rng(3);
  constructor(objs: KubeObject[]) {
    this.objs = objs;
  }
  at(now: string, instant = false): this {
    for (let pass = 0; pass < 10; pass++) {
      const ops = runKubelet({ snapshot: snapshotOf(this.objs), profile: getProfile('default')!, allocations: { lastPodIP: {} }, now, rng: this.rng, runtime: this.runtime, instant });
      const changes = ops.filter((o) => this.apply(o)).length;
      if (changes === 0) break;
    }
    return this;
  }
  apply(o: Op): boolean {
    switch (o.op) {
      case 'update': {
        const i = this.objs.findIndex((x) => x.kind === o.obj.kind && x.metadata.name === o.obj.metadata.name);
        if (JSON.stringify(this.objs[i]) === JSON.stringify(o.obj)) return false;
        this.objs[i] = o.obj;
        return true;
      }
      case 'create':
        if (o.obj.kind === 'Event') this.events.push(`${(o.obj as { reason: string }).reason}: ${(o.obj as { message: string }).message}`);
        return true;
      case 'delete':
        this.objs = this.objs.filter((x) => !(x.kind === o.ref.kind && x.metadata.name === o.ref.name));
        return true;
      case 'container': {
        const same = JSON.stringify(this.runtime.containers[o.id]) === JSON.stringify(o.record);
        if (o.record) this.runtime.containers[o.id] = o.record;
        else delete this.runtime.containers[o.id];
        return !same;
      }
      case 'pod-plan': {
        const same = JSON.stringify(this.runtime.pods[o.uid]) === JSON.stringify(o.plan);
        if (o.plan) this.runtime.pods[o.uid] = o.plan;
        else delete this.runtime.pods[o.uid];
        return !same;
      }
      case 'wake':
        this.wakes.push(o.at);
        return false;
      default:
        return false;
    }
  }
  pod(name: string): KubeObject | undefined {
    return this.objs.find((o) => o.kind === 'Pod' && o.metadata.name === name);
  }
  state(name: string): string {
    const cs = this.pod(name)?.status?.containerStatuses?.[0];
    if (!cs) return 'gone';
    const [k, v] = Object.entries(cs.state)[0] as [string, { reason?: string }];
    return `${this.pod(name)!.status.phase}/${k}${v.reason ? `:${v.reason}` : ''}/ready=${cs.ready}/restarts=${cs.restartCount}`;
  }
}

const T0 = '2025-01-01T00:00:00Z';
const t = (s: number) => new Date(Date.parse(T0) + s * 1000).toISOString().replace('.000Z', 'Z');
const worker = node('w1', '10.244.1.0/24', { ip: '172.18.0.3' });
function bound(name: string, spec: Record<string, unknown>, extra: Partial<KubeObject['metadata']> = {}): KubeObject {
  const p = pod(name, { node: 'w1' });
  p.spec = { ...p.spec, ...spec };
  p.metadata = { ...p.metadata, ...extra };
  delete p.status.podIP;
  return p;
}

describe('kubelet', () => {
  it('pulls, creates and starts a server: ContainerCreating, then Running and ready', () => {
    const w = new World([worker, bound('web', { containers: [{ name: 'nginx', image: 'nginx' }] })]);
    w.at(T0);
    expect(w.state('web')).toBe('Pending/waiting:ContainerCreating/ready=false/restarts=0');
    expect(w.pod('web')!.status.podIP).toBe('10.244.1.2');
    expect(w.events).toEqual(['Pulling: Pulling image "nginx"']);
    w.at(t(10));
    expect(w.state('web')).toBe('Running/running/ready=true/restarts=0');
    expect(w.events.slice(1).map((e) => e.split(':')[0])).toEqual(['Pulled', 'Created', 'Started']);
    const id = w.pod('web')!.status.containerStatuses[0].containerID;
    expect(w.runtime.containers[id].log[0].line).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
  });

  it('with a frozen clock the start-up takes no time', () => {
    const w = new World([worker, bound('web', { containers: [{ name: 'nginx', image: 'nginx' }] })]).at(T0, true);
    expect(w.state('web')).toBe('Running/running/ready=true/restarts=0');
  });

  it('restarts a crashing container with back-off: Error, then CrashLoopBackOff', () => {
    const w = new World([worker, bound('crash', { restartPolicy: 'Always', containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'exit 3'] }] })]);
    w.at(T0, true);
    expect(w.state('crash')).toBe('Running/terminated:Error/ready=false/restarts=0');
    w.at(t(1), true);
    expect(w.state('crash')).toBe('Running/waiting:CrashLoopBackOff/ready=false/restarts=1');
    expect(w.events.at(-1)).toMatch(/^BackOff: Back-off restarting failed container c in pod crash_default/);
    w.at(t(11), true);
    expect(w.state('crash')).toBe('Running/waiting:CrashLoopBackOff/ready=false/restarts=2');
  });

  it('leaves a Never pod Succeeded or Failed', () => {
    const ok = new World([worker, bound('once', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['echo', 'hi'] }] })]).at(T0, true);
    expect(ok.state('once')).toBe('Succeeded/terminated:Completed/ready=false/restarts=0');
    const bad = new World([worker, bound('bad', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['false'] }] })]).at(T0, true);
    expect(bad.state('bad')).toBe('Failed/terminated:Error/ready=false/restarts=0');
  });

  it('keeps a pod whose readiness probe is refused at 0/1, with an Unhealthy event', () => {
    const w = new World([worker, bound('np', { containers: [{ name: 'app', image: 'nginx', readinessProbe: { httpGet: { path: '/ready', port: 8080 } } }] })]).at(T0, true);
    expect(w.state('np')).toBe('Running/running/ready=false/restarts=0');
    expect(w.events.at(-1)).toBe('Unhealthy: Readiness probe failed: Get "http://10.244.1.2:8080/ready": dial tcp 10.244.1.2:8080: connect: connection refused');
  });

  it('terminates gracefully: servers at once, SIGTERM-ignoring processes after the grace period', () => {
    const w = new World([worker, bound('web', { containers: [{ name: 'nginx', image: 'nginx' }] }), bound('sleep', { containers: [{ name: 'sleep', image: 'kiamol/ch03-sleep' }] })]).at(T0);
    w.at(t(10));
    for (const name of ['web', 'sleep']) {
      const p = w.pod(name)!;
      p.metadata.deletionTimestamp = t(40);
    }
    w.at(t(10));
    expect(w.state('web')).toBe('gone');
    expect(w.pod('sleep')!.status.containerStatuses[0].ready).toBe(false);
    expect(w.events.filter((e) => e.startsWith('Killing'))).toEqual(['Killing: Stopping container sleep', 'Killing: Stopping container nginx']);
    w.at(t(39));
    expect(w.pod('sleep')).toBeDefined();
    w.at(t(40));
    expect(w.state('sleep')).toBe('gone');
    expect(Object.keys(w.runtime.pods)).toEqual([]);
  });

  it('gives containers the service variables of the moment they start', () => {
    const objs = [service('my-nginx', { run: 'my-nginx' }, [{ port: 80, protocol: 'TCP' }]), service('kubernetes', undefined, [{ name: 'https', port: 443, protocol: 'TCP' }])];
    objs[1].spec.clusterIP = '10.96.0.1';
    const env = serviceEnv(pod('p'), snapshotOf(objs));
    expect(env).toMatchObject({
      KUBERNETES_SERVICE_HOST: '10.96.0.1',
      KUBERNETES_SERVICE_PORT: '443',
      KUBERNETES_SERVICE_PORT_HTTPS: '443',
      KUBERNETES_PORT: 'tcp://10.96.0.1:443',
      KUBERNETES_PORT_443_TCP_ADDR: '10.96.0.1',
      MY_NGINX_SERVICE_HOST: '10.96.100.1',
      MY_NGINX_SERVICE_PORT: '80',
      MY_NGINX_PORT_80_TCP: 'tcp://10.96.100.1:80',
      MY_NGINX_PORT_80_TCP_PROTO: 'tcp',
    });
    const noLinks = pod('q');
    noLinks.spec.enableServiceLinks = false;
    expect(Object.keys(serviceEnv(noLinks, snapshotOf(objs))).some((k) => k.startsWith('MY_NGINX'))).toBe(false);
  });
});
