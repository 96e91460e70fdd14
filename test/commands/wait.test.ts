import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli, startCli as startBackground, stateBytes, tempStateDir, type CliResult } from '../helpers/cli.js';
import { ConditionError, conditionMet, parseWaitFor, splitJsonPathInput } from '../../src/commands/wait/condition.js';
import { DurationError, formatGoDuration, parseGoDuration } from '../../src/util/go-duration.js';
import type { KubeObject } from '../../src/api/types.js';

/**
 * `kubectl wait`: the --for grammar and checks (pure), then the verb through the built CLI with a frozen
 * clock (one look, timeouts reported at once) and with a moving clock (the condition reached later).
 * Client-side error texts are compared with kubectl 1.32.4 when /usr/bin/kubectl exists.
 */

// CLI processes are slow when the machine is busy.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const REAL = '/usr/bin/kubectl';

describe('--for parsing', () => {
  it('knows delete and create in any case, condition= and jsonpath= prefixes', () => {
    expect(parseWaitFor('delete')).toEqual({ type: 'delete' });
    expect(parseWaitFor('Delete')).toEqual({ type: 'delete' });
    expect(parseWaitFor('CREATE')).toEqual({ type: 'create' });
    expect(parseWaitFor('condition=Ready')).toEqual({ type: 'condition', name: 'Ready', status: 'true' });
    expect(parseWaitFor('condition=Ready=False')).toEqual({ type: 'condition', name: 'Ready', status: 'False' });
    const jp = parseWaitFor(`jsonpath={.status.phase}='Running'`);
    expect(jp.type === 'jsonpath' && jp.value).toBe('Running');
    const any = parseWaitFor('jsonpath=.status.loadBalancer.ingress');
    expect(any.type === 'jsonpath' && any.value).toBe(undefined);
  });

  it('rejects what kubectl rejects, with its messages', () => {
    const msg = (raw: string, minor?: number) => {
      try {
        parseWaitFor(raw, minor);
        return 'accepted';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(msg('')).toBe('unrecognized condition: ""');
    expect(msg('Condition=Ready')).toBe('unrecognized condition: "Condition=Ready"');
    expect(msg('jsonpath=')).toBe('jsonpath expression cannot be empty');
    expect(msg('jsonpath={.a}=')).toBe("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
    expect(msg('jsonpath={.a}=b=c')).toBe("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'");
    expect(msg('jsonpath={.a')).toBe("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
    // Older personas: create came with 1.31, jsonpath with 1.23.
    expect(msg('create', 30)).toBe('unrecognized condition: "create"');
    expect(msg('jsonpath={.a}=b', 22)).toBe('unrecognized condition: "jsonpath={.a}=b"');
    expect(msg('jsonpath={.a}=b', 23)).toBe('accepted');
  });

  it('splits on single = and keeps == inside filters', () => {
    expect(splitJsonPathInput('{.status.conditions[?(@.type=="Ready")].status}=True')).toEqual(['{.status.conditions[?(@.type=="Ready")].status}', 'True']);
    expect(splitJsonPathInput('a.b.c====d.e.f===g.h.i===')).toEqual(['a.b.c====d.e.f==', 'g.h.i==', '']);
  });
});

describe('condition checks', () => {
  const deploy = (generation: number, observed: number, status = 'True'): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'd', generation },
    status: { observedGeneration: observed, conditions: [{ type: 'Available', status }] },
  });

  it('matches condition type and status case-insensitively', () => {
    expect(conditionMet(parseWaitFor('condition=available'), deploy(1, 1))).toBe(true);
    expect(conditionMet(parseWaitFor('condition=Available=false'), deploy(1, 1))).toBe(false);
    expect(conditionMet(parseWaitFor('condition=Available=FALSE'), deploy(1, 1, 'False'))).toBe(true);
    expect(conditionMet(parseWaitFor('condition=Progressing'), deploy(1, 1))).toBe(false);
  });

  it('does not count a condition written for an older generation', () => {
    expect(conditionMet(parseWaitFor('condition=Available'), deploy(2, 1))).toBe(false);
    expect(conditionMet(parseWaitFor('condition=Available'), deploy(2, 2))).toBe(true);
  });

  it('compares one JSONPath value as Go prints it, and gives up on lists and objects', () => {
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'a' }, { name: 'b' }] },
      status: { phase: 'Running', restarts: 2, conditions: [{ type: 'Ready', status: 'True' }] },
    };
    expect(conditionMet(parseWaitFor('jsonpath={.status.phase}=Running'), pod)).toBe(true);
    expect(conditionMet(parseWaitFor('jsonpath={.status.restarts}=2'), pod)).toBe(true);
    expect(conditionMet(parseWaitFor('jsonpath={.status.conditions[?(@.type=="Ready")].status}=True'), pod)).toBe(true);
    expect(conditionMet(parseWaitFor('jsonpath={.status.missing}'), pod)).toBe(false);
    expect(conditionMet(parseWaitFor('jsonpath={.status.conditions}'), pod)).toBe(true);
    expect(() => conditionMet(parseWaitFor('jsonpath={.spec.containers[*].name}=a'), pod)).toThrow(new ConditionError('given jsonpath expression matches more than one value'));
    expect(() => conditionMet(parseWaitFor('jsonpath={.status.conditions}=x'), pod)).toThrow('jsonpath leads to a nested object or list which is not supported');
  });
});

describe('Go durations', () => {
  it('parses what time.ParseDuration parses', () => {
    expect(parseGoDuration('30s')).toBe(30_000);
    expect(parseGoDuration('1m30s')).toBe(90_000);
    expect(parseGoDuration('1.5h')).toBe(5_400_000);
    expect(parseGoDuration('-1s')).toBe(-1000);
    expect(parseGoDuration('0')).toBe(0);
    expect(parseGoDuration('250ms')).toBe(250);
    expect(() => parseGoDuration('5')).toThrow(new DurationError('time: missing unit in duration "5"'));
    expect(() => parseGoDuration('1x')).toThrow(new DurationError('time: unknown unit "x" in duration "1x"'));
    expect(() => parseGoDuration('abc')).toThrow(new DurationError('time: invalid duration "abc"'));
  });

  it('prints as Duration.String()', () => {
    expect([0, 0.5, 250, 1500, 60_000, 90_000, 168 * 3_600_000].map(formatGoDuration)).toEqual(['0s', '500µs', '250ms', '1.5s', '1m0s', '1m30s', '168h0m0s']);
  });
});

describe('kubectl wait (frozen clock)', () => {
  const { dir, cleanup } = tempStateDir();
  const k = (...args: string[]) => runCli(args, { stateDir: dir });
  beforeAll(() => {
    expect(k('create', 'deployment', 'web', '--image=nginx', '--replicas=2').code).toBe(0);
    expect(k('run', 'solo', '--image=nginx').code).toBe(0);
  });
  afterAll(cleanup);
  const webPods = () => k('get', 'pods', '-l', 'app=web', '-o', 'name').stdout.trim().split('\n');

  it('prints one `condition met` line per resource', () => {
    expect(k('wait', '--for=condition=Ready', 'pod/solo')).toEqual({ stdout: 'pod/solo condition met\n', stderr: '', code: 0 });
    expect(k('wait', '--for=condition=Ready', 'pods', '--all')).toEqual({ stdout: ['pod/solo', ...webPods()].map((p) => `${p} condition met\n`).join(''), stderr: '', code: 0 });
    expect(k('wait', '--for=condition=Available', 'deploy/web')).toEqual({ stdout: 'deployment.apps/web condition met\n', stderr: '', code: 0 });
    expect(k('wait', '--for=jsonpath={.status.phase}=Running', 'pod', '-l', 'app=web')).toEqual({ stdout: webPods().map((p) => `${p} condition met\n`).join(''), stderr: '', code: 0 });
    expect(k('wait', '--for=create', 'pod/solo', '--timeout=5s')).toEqual({ stdout: 'pod/solo condition met\n', stderr: '', code: 0 });
    expect(k('wait', '--for=condition=Ready', 'pod/solo', '-o', 'name')).toEqual({ stdout: 'pod/solo\n', stderr: '', code: 0 });
  });

  it('reports a condition that does not hold as a timeout at once, naming plural/name, and changes nothing', () => {
    const before = stateBytes(dir);
    const t0 = Date.now();
    expect(k('wait', '--for=condition=Progressing=false', 'deploy/web', '--timeout=60s')).toEqual({ stdout: '', stderr: 'error: timed out waiting for the condition on deployments/web\n', code: 1 });
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(k('wait', '--for=condition=Progressing=false', 'deployment/web', '--timeout=0')).toEqual({ stdout: '', stderr: 'error: condition not met for deployments/web\n', code: 1 });
    expect(k('wait', '--for=create', 'pod/nope')).toEqual({ stdout: '', stderr: 'error: timed out waiting for the condition\n', code: 1 });
    expect(stateBytes(dir)).toBe(before);
  });

  it('goes on past failing resources; several errors print bare, server errors in their usual form', () => {
    expect(k('wait', '--for=condition=Ready', 'pod/solo', 'pod/nope', 'pod/gone')).toEqual({
      stdout: 'pod/solo condition met\n',
      stderr: 'Error from server (NotFound): pods "nope" not found\nError from server (NotFound): pods "gone" not found\n',
      code: 1,
    });
    expect(k('wait', '--for=delete', 'pod/solo', 'deployment/web', '--timeout=2s')).toEqual({
      stdout: '',
      stderr: 'timed out waiting for the condition on pods/solo\ntimed out waiting for the condition on deployments/web\n',
      code: 1,
    });
    expect(k('wait', '--for=jsonpath={.status.conditions[*].type}=Ready', 'pod/solo')).toEqual({ stdout: '', stderr: 'error: given jsonpath expression matches more than one value\n', code: 1 });
  });

  it('skips resources already gone for --for=delete, and says when nothing matched otherwise', () => {
    expect(k('wait', '--for=delete', 'pod/nope')).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(k('wait', '--for=delete', 'pods', '-l', 'app=none')).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(k('wait', '--for=condition=Ready', 'pods', '-l', 'app=none')).toEqual({ stdout: '', stderr: 'error: no matching resources found\n', code: 1 });
  });

  it('refuses argument shapes as the resource builder does', () => {
    expect(k('wait', '--for=delete', 'pods')).toEqual({ stdout: '', stderr: 'error: resource(s) were provided, but no name was specified\n', code: 1 });
    expect(k('wait', '--for=delete', '-l', 'a=b')).toEqual({ stdout: '', stderr: 'error: at least one resource must be specified to use a selector\n', code: 1 });
    expect(k('wait', '--for=delete', 'pod/x', '-l', 'a=b')).toEqual({ stdout: '', stderr: 'error: selectors and the all flag cannot be used when passing resource/name arguments\n', code: 1 });
    expect(k('wait', '--for=delete').stderr).toBe(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
  });

  it.runIf(existsSync(REAL))('words client-side errors exactly as kubectl 1.32.4', () => {
    for (const flag of ['--for=foo', '--for=', '--for=jsonpath=', '--for=jsonpath={.a}=', '--for=jsonpath={.a}=b=c', '--for=jsonpath={.a', '--timeout=abc']) {
      const real = spawnSync(REAL, ['wait', flag, 'pod/x'], { env: { ...process.env, KUBECONFIG: '/nonexistent' }, encoding: 'utf8' });
      const ours = k('wait', flag, 'pod/x');
      expect({ flag, stderr: ours.stderr, code: ours.code }).toEqual({ flag, stderr: real.stderr, code: real.status });
    }
  });

  it('follows the persona: a 1.17 kubectl does not know --for=create', () => {
    const old = tempStateDir();
    try {
      expect(runCli(['cluster', 'create', '--kubectl-version', '1.17'], { stateDir: old.dir, bin: 'kubesim' }).code).toBe(0);
      expect(runCli(['wait', '--for=create', 'pod/x'], { stateDir: old.dir })).toEqual({ stdout: '', stderr: 'error: unrecognized condition: "create"\n', code: 1 });
    } finally {
      old.cleanup();
    }
  });
});

/** Runs the CLI in the background (a wait that sees simulated time pass). */
function startCli(args: string[], stateDir: string, env: Record<string, string>): Promise<CliResult> {
  return startBackground(args, { stateDir, env }).done;
}

describe('kubectl wait (moving clock)', () => {
  const { dir, cleanup } = tempStateDir();
  // No KUBESIM_NOW: the cluster's own clock runs, so waits see time pass.
  const live = { KUBESIM_NOW: '' };
  const k = (...args: string[]) => runCli(args, { stateDir: dir, env: live });
  afterAll(cleanup);

  it('waits while simulated time passes until the condition holds', async () => {
    expect(k('create', 'deployment', 'slow', '--image=nginx').code).toBe(0);
    expect(k('wait', '--for=condition=Available', 'deploy/slow', '--timeout=60s')).toEqual({ stdout: 'deployment.apps/slow condition met\n', stderr: '', code: 0 });
  }, 60_000);

  it('sees a deletion made by another command while it waits', async () => {
    expect(k('run', 'doomed', '--image=nginx').code).toBe(0);
    const waiting = startCli(['wait', '--for=delete', 'pod/doomed', '--timeout=60s'], dir, live);
    await new Promise((r) => setTimeout(r, 600));
    expect(k('delete', 'pod', 'doomed', '--wait=false').code).toBe(0);
    expect(await waiting).toEqual({ stdout: 'pod/doomed condition met\n', stderr: '', code: 0 });
  }, 60_000);
});
