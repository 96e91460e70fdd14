import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli, startCli as startBackground, stateBytes, tempStateDir, until } from '../helpers/cli.js';
import { fixedNano, logContainerID } from '../../src/commands/logs.js';
import type { State } from '../../src/store/state.js';
import type { KubeObject } from '../../src/api/types.js';
import type { LogLine } from '../../src/api/snapshot.js';

/**
 * `kubectl logs` through the built CLI (frozen clock). The lines come from the simulated runtime's
 * memory (`runtime.containers[containerID].log`), written by the kubelet when a container starts;
 * cases needing precise times or states put records into the state file directly.
 */

// CLI processes are slow when the machine is busy.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const REAL = '/usr/bin/kubectl';

const TWO_CONTAINERS = `apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  containers:
  - name: web
    image: nginx
  - name: who
    image: sixeyed/whoami
`;

const NGINX_STDOUT = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
];

let dir: string;
let cleanup: () => void;
const k = (...args: string[]) => runCli(args, { stateDir: dir });
const kin = (stdin: string, ...args: string[]) => runCli(args, { stateDir: dir, stdin });

function readState(): State {
  return JSON.parse(readFileSync(join(dir, 'cluster.json'), 'utf8')) as State;
}

/** Changes the state file the way another writer would: whole file replaced at once. */
function editState(fn: (s: State) => void): void {
  const s = readState();
  fn(s);
  const p = join(dir, 'cluster.json');
  writeFileSync(`${p}.edit`, JSON.stringify(s));
  renameSync(`${p}.edit`, p);
}

function podOf(s: State, name: string): KubeObject {
  return s.objects[`Pod/default/${name}`];
}

/** The log the runtime recorded for a pod's container, as `kubectl logs` prints it. */
function recorded(name: string, container = name): LogLine[] {
  const s = readState();
  const id = podOf(s, name).status.containerStatuses.find((c: { name: string }) => c.name === container).containerID;
  return s.runtime!.containers[id].log;
}
const text = (lines: LogLine[], stamp = false) => lines.map((l) => `${stamp ? `${fixedNano(l.time)} ` : ''}${l.line}\n`).join('');

/** Gives pod `name` a container record with known lines (and optionally a terminated previous instance). */
function plantLog(name: string, lines: Array<[string, string]>, previous?: Array<[string, string]>): void {
  editState((s) => {
    const pod = podOf(s, name);
    const st = pod.status.containerStatuses[0];
    const mk = (l: Array<[string, string]>) => l.map(([time, line]) => ({ time, stream: 'stdout' as const, line }));
    s.runtime!.containers[st.containerID].log = mk(lines);
    if (previous) {
      const id = 'containerd://previous0000';
      s.runtime!.containers[id] = { ...s.runtime!.containers[st.containerID], log: mk(previous), finishedAt: '2024-12-31T23:59:00Z', exitCode: 1 };
      st.lastState = { terminated: { containerID: id, exitCode: 1, reason: 'Error', startedAt: '2024-12-31T23:58:00Z', finishedAt: '2024-12-31T23:59:00Z' } };
      st.restartCount = 1;
    }
  });
}

beforeAll(() => {
  ({ dir, cleanup } = tempStateDir());
  expect(k('create', 'deployment', 'web', '--image=nginx', '--replicas=2').code).toBe(0);
  expect(k('run', 'who', '--image=sixeyed/whoami').code).toBe(0);
  expect(k('run', 'quiet', '--image=kiamol/ch03-sleep').code).toBe(0);
  expect(kin(TWO_CONTAINERS, 'apply', '-f', '-').code).toBe(0);
});
afterAll(() => cleanup());

describe('kubectl logs', () => {
  it("prints what the container wrote: whoami's start line, nginx's entrypoint output", () => {
    expect(k('logs', 'who')).toEqual({ stdout: 'Starting up on port 80\n', stderr: '', code: 0 });
    const pod = k('get', 'pods', '-l', 'app=web', '-o', 'name').stdout.split('\n')[0].slice('pod/'.length);
    const r = k('logs', pod);
    expect(r.stdout.startsWith(NGINX_STDOUT.join('\n') + '\n')).toBe(true);
    expect(r.stdout).toBe(text(recorded(pod, 'nginx')));
    expect(k('logs', 'pod/who', '--timestamps').stdout).toMatch(/^2025-01-01T00:00:00\.\d{9}Z Starting up on port 80\n$/);
  });

  it('prints nothing for a container that wrote nothing', () => {
    expect(k('logs', 'quiet')).toEqual({ stdout: '', stderr: '', code: 0 });
  });

  it('takes one pod of a deployment, saying which when there are several', () => {
    const first = k('get', 'pods', '-l', 'app=web', '-o', 'name').stdout.split('\n')[0].slice('pod/'.length);
    const r = k('logs', 'deploy/web', '--tail=3');
    expect(r.stderr).toBe(`Found 2 pods, using pod/${first}\n`);
    expect(r.stdout).toBe(text(recorded(first, 'nginx').slice(-3)));
  });

  it('with -l prints the last 10 lines of each pod, prefixed on request', () => {
    const names = k('get', 'pods', '-l', 'app=web', '-o', 'name').stdout.trim().split('\n').map((n) => n.slice(4));
    const r = k('logs', '-l', 'app=web', '--prefix');
    expect(r.stdout).toBe(names.map((n) => recorded(n, 'nginx').slice(-10).map((l) => `[pod/${n}/nginx] ${l.line}\n`).join('')).join(''));
    expect(k('logs', '-l', 'app=none')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', code: 0 });
  });

  it('defaults to the first of several containers and says so, honouring the default-container annotation', () => {
    expect(k('logs', 'two')).toEqual({ stdout: text(recorded('two', 'web')), stderr: 'Defaulted container "web" out of: web, who\n', code: 0 });
    expect(k('logs', 'two', '-c', 'who')).toEqual({ stdout: 'Starting up on port 80\n', stderr: '', code: 0 });
    expect(k('logs', 'two', 'who')).toEqual({ stdout: 'Starting up on port 80\n', stderr: '', code: 0 });
    expect(k('logs', 'two', '--all-containers', '--prefix').stdout).toBe(
      recorded('two', 'web').map((l) => `[pod/two/web] ${l.line}\n`).join('') + '[pod/two/who] Starting up on port 80\n',
    );
    expect(k('annotate', 'pod', 'two', 'kubectl.kubernetes.io/default-container=who').code).toBe(0);
    expect(k('logs', 'two')).toEqual({ stdout: 'Starting up on port 80\n', stderr: '', code: 0 });
    expect(k('annotate', 'pod', 'two', 'kubectl.kubernetes.io/default-container-').code).toBe(0);
  });

  it('refuses bad containers and missing pods with kubectl 1.32 texts, changing nothing', () => {
    const before = stateBytes(dir);
    expect(k('logs', 'two', '-c', 'nope')).toEqual({ stdout: '', stderr: 'error: container nope is not valid for pod two\n', code: 1 });
    expect(k('logs', 'nope')).toEqual({ stdout: '', stderr: 'error: error from server (NotFound): pods "nope" not found in namespace "default"\n', code: 1 });
    expect(k('logs', 'deploy/nope')).toEqual({ stdout: '', stderr: 'error: error from server (NotFound): deployments.apps "nope" not found in namespace "default"\n', code: 1 });
    expect(k('logs', 'who', '-p')).toEqual({ stdout: '', stderr: 'Error from server (BadRequest): previous terminated container "who" in pod "who" not found\n', code: 1 });
    expect(k('logs', 'two', '-c', 'web', '--all-containers')).toEqual({ stdout: '', stderr: 'error: --all-containers=true should not be specified with container name web\n', code: 1 });
    expect(k('logs', 'two', 'web', '-c', 'web')).toEqual({ stdout: '', stderr: 'error: only one of -c or an inline [CONTAINER] arg is allowed\n', code: 1 });
    expect(k('logs', 'cm/x').stderr).toBe('error: error from server (NotFound): configmaps "x" not found in namespace "default"\n');
    expect(stateBytes(dir)).toBe(before);
  });

  it.runIf(existsSync(REAL))('words argument errors exactly as kubectl 1.32.4', () => {
    for (const args of [['logs'], ['logs', 'a', 'b', 'c'], ['logs', '-l', 'a=b', 'x']]) {
      const real = spawnSync(REAL, args, { env: { ...process.env, KUBECONFIG: '/nonexistent' }, encoding: 'utf8' });
      expect(k(...args)).toEqual({ stdout: real.stdout, stderr: real.stderr, code: real.status });
    }
  });
});

describe('kubectl logs with planted records', () => {
  beforeAll(() => {
    expect(k('run', 'planted', '--image=nginx').code).toBe(0);
    plantLog(
      'planted',
      [
        ['2024-12-31T23:58:30.5Z', 'one'],
        ['2024-12-31T23:59:10.123456789Z', 'two'],
        ['2024-12-31T23:59:50Z', 'three'],
      ],
      [['2024-12-31T23:58:10Z', 'before the crash']],
    );
  });

  it('applies --tail, --since, --since-time, --timestamps and --limit-bytes as the kubelet does', () => {
    expect(k('logs', 'planted').stdout).toBe('one\ntwo\nthree\n');
    expect(k('logs', 'planted', '--tail=2').stdout).toBe('two\nthree\n');
    expect(k('logs', 'planted', '--tail=0').stdout).toBe('');
    expect(k('logs', 'planted', '--since=1m').stdout).toBe('two\nthree\n');
    expect(k('logs', 'planted', '--since-time=2024-12-31T23:59:50Z').stdout).toBe('three\n');
    expect(k('logs', 'planted', '--timestamps', '--tail=2').stdout).toBe('2024-12-31T23:59:10.123456789Z two\n2024-12-31T23:59:50.000000000Z three\n');
    expect(k('logs', 'planted', '--limit-bytes=6').stdout).toBe('one\ntw');
    expect(k('logs', 'planted', '--since=1m', '--since-time=2024-12-31T23:59:50Z').stderr).toBe('error: at most one of `sinceTime` or `sinceSeconds` may be specified\n');
    expect(k('logs', 'planted', '--tail=-2').stderr).toBe('error: --tail must be greater than or equal to -1\n');
  });

  it('prints the previous instance with -p', () => {
    expect(k('logs', 'planted', '-p')).toEqual({ stdout: 'before the crash\n', stderr: '', code: 0 });
  });

  it("reports a container that has not started with the kubelet's BadRequest", () => {
    editState((s) => {
      podOf(s, 'planted').status.containerStatuses[0].state = { waiting: { reason: 'CrashLoopBackOff' } };
    });
    // Waiting after a crash: the kubelet serves the terminated instance's log.
    expect(k('logs', 'planted')).toEqual({ stdout: 'before the crash\n', stderr: '', code: 0 });
    editState((s) => {
      const st = podOf(s, 'planted').status.containerStatuses[0];
      st.state = { waiting: { reason: 'ContainerCreating' } };
      st.lastState = {};
    });
    expect(k('logs', 'planted')).toEqual({ stdout: '', stderr: 'Error from server (BadRequest): container "planted" in pod "planted" is waiting to start: ContainerCreating\n', code: 1 });
    // --ignore-errors turns it into a line on stdout.
    expect(k('logs', 'planted', '--ignore-errors')).toEqual({ stdout: 'error: container "planted" in pod "planted" is waiting to start: ContainerCreating\n', stderr: '', code: 0 });
  });
});

describe('logContainerID (the kubelet side)', () => {
  const pod = (st: object, nodeName = 'n1'): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { nodeName }, status: { containerStatuses: [{ name: 'c', containerID: 'cur', ...st }] } });
  const msg = (f: () => unknown) => {
    try {
      return f();
    } catch (e) {
      return (e as Error).message;
    }
  };
  it('picks the instance and words the refusals as validateContainerLogStatus', () => {
    expect(logContainerID(pod({ state: { running: {} } }), 'c', false)).toBe('cur');
    expect(logContainerID(pod({ state: { running: {} } }, ''), 'c', false)).toBe(undefined);
    expect(logContainerID(pod({ state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { containerID: 'old' } } }), 'c', false)).toBe('old');
    expect(logContainerID(pod({ state: { running: {} }, lastState: { terminated: { containerID: 'old' } } }), 'c', true)).toBe('old');
    expect(msg(() => logContainerID(pod({ state: { waiting: { reason: 'ImagePullBackOff' } } }), 'c', false))).toBe('container "c" in pod "p" is waiting to start: trying and failing to pull image');
    expect(msg(() => logContainerID(pod({ state: { waiting: { reason: 'ErrImagePull' } } }), 'c', false))).toBe('container "c" in pod "p" is waiting to start: image can\'t be pulled');
    expect(msg(() => logContainerID(pod({ state: {} }), 'c', false))).toBe('container "c" in pod "p" is waiting to start - no logs yet');
    expect(msg(() => logContainerID(pod({ state: { running: {} } }), 'x', false))).toBe('container "x" in pod "p" is not available');
  });
  it('prints timestamps with nine fraction digits', () => {
    expect(fixedNano('2025-01-01T00:00:00Z')).toBe('2025-01-01T00:00:00.000000000Z');
    expect(fixedNano('2025-01-01T00:00:00.5Z')).toBe('2025-01-01T00:00:00.500000000Z');
  });
});

describe('kubectl logs with the 1.17 persona', () => {
  it('asks for a container instead of defaulting, and reports NotFound the old way', () => {
    const old = tempStateDir();
    try {
      expect(runCli(['cluster', 'create', '--kubectl-version', '1.17'], { stateDir: old.dir, bin: 'kubesim' }).code).toBe(0);
      expect(runCli(['apply', '-f', '-'], { stateDir: old.dir, stdin: TWO_CONTAINERS }).code).toBe(0);
      expect(runCli(['logs', 'two'], { stateDir: old.dir })).toEqual({ stdout: '', stderr: 'error: a container name must be specified for pod two, choose one of: [web who]\n', code: 1 });
      expect(runCli(['logs', 'nope'], { stateDir: old.dir })).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', code: 1 });
    } finally {
      old.cleanup();
    }
  });
});

/** A CLI process in the background, its output so far, and its end. */
function startCli(args: string[], env: Record<string, string> = {}) {
  return startBackground(args, { stateDir: dir, env });
}

describe('kubectl logs -f', () => {
  it('prints new lines as they are recorded and ends when the pod goes away', async () => {
    expect(k('run', 'followed', '--image=sixeyed/whoami').code).toBe(0);
    const f = startCli(['logs', '-f', 'followed'], { KUBESIM_WATCH_EXIT_AFTER_MS: '20000' });
    await until(() => f.out().includes('Starting up'));
    editState((s) => {
      const id = podOf(s, 'followed').status.containerStatuses[0].containerID;
      s.runtime!.containers[id].log.push({ time: '2025-01-01T00:00:01Z', stream: 'stdout', line: 'GET / 200' });
    });
    await until(() => f.out().includes('GET / 200'));
    expect(k('delete', 'pod', 'followed').code).toBe(0);
    expect(await f.done).toEqual({ stdout: 'Starting up on port 80\nGET / 200\n', stderr: '', code: 0 });
  }, 30_000);

  it('exits 1 on Ctrl-C, as kubectl does', async () => {
    const f = startCli(['logs', '-f', 'who']);
    await until(() => f.out().includes('Starting up'));
    f.child.kill('SIGINT');
    expect(await f.done).toEqual({ stdout: 'Starting up on port 80\n', stderr: '', code: 1 });
    expect(existsSync(join(dir, 'cluster.json.lock'))).toBe(false);
  }, 30_000);

  it('refuses to follow more streams than --max-log-requests', () => {
    expect(k('logs', '-f', 'two', '--all-containers', '--max-log-requests=1')).toEqual({
      stdout: '',
      stderr: 'error: you are attempting to follow 2 log streams, but maximum allowed concurrency is 1, use --max-log-requests to increase the limit\n',
      code: 1,
    });
  });
});
