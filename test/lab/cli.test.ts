import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, stateBytes, tempStateDir } from '../helpers/cli.js';

const state = tempStateDir();
const dir = mkdtempSync(join(tmpdir(), 'kubesim-lab-test-'));
afterAll(() => {
  state.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const lab = (args: string[]) => runCli(['lab', 'run', ...args], { stateDir: state.dir, bin: 'kubesim', cwd: dir });
const write = (name: string, lines: string[]) => {
  writeFileSync(join(dir, name), lines.join('\n') + '\n');
  return name;
};

const passing = write('passing.md', [
  '# A walkthrough',
  '',
  '```bash',
  'kubectl create deployment web --image=nginx --replicas=2',
  'kubectl expose deployment web --port=80',
  "IP=$(kubectl get svc web -o jsonpath='{.spec.clusterIP}')",
  'mkdir -p work && cd work',
  '```',
  '',
  '```console',
  '$ kubectl get pods',
  'NAME                   READY   STATUS    RESTARTS   AGE',
  'web-<hash>-<pod-suffix>   1/1     Running   0          <age>',
  'web-<hash>-<pod-suffix>   1/1     Running   0          <age>',
  '$ echo "service IP: $IP"',
  'service IP: <ip>',
  '$ [ "$(kubectl get svc web -o jsonpath=\'{.spec.clusterIP}\')" = "$IP" ] && basename "$PWD"',
  'work',
  '$ kubectl apply -f - <<EOF',
  '> apiVersion: v1',
  '> kind: ConfigMap',
  '> metadata:',
  '>   name: settings',
  '> EOF',
  'configmap/settings created',
  '$ kubectl get pod missing # this_will_fail',
  'Error from server (NotFound): pods "missing" not found',
  '```',
  '',
  '```bash',
  '# this_could_fail',
  'kubectl get pod maybe',
  'kubectl run -i --rm --restart=Never once --image=busybox -- sh',
  '/ # echo typed-into-the-session > /dev/null; echo fed-$((6 * 7))',
  '```',
  '',
  '```console',
  '$ ls',
  '```',
]);

describe('kubesim lab run', () => {
  it('runs a passing walkthrough in one shell on its own fresh cluster, with tokens, heredocs and markers', () => {
    const before = stateBytes(state.dir);
    const r = lab([passing, '--junit', 'results.xml']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('PASS  passing.md:4  $ kubectl create deployment web --image=nginx --replicas=2');
    expect(lines).toContain('PASS  passing.md:19  $ kubectl apply -f - <<EOF …');
    expect(lines).toContain('PASS  passing.md:26  $ kubectl get pod missing # this_will_fail');
    expect(lines).toContain('PASS  passing.md:33  $ kubectl run -i --rm --restart=Never once --image=busybox -- sh');
    expect(lines[lines.length - 1]).toBe('12 passed, 0 failed');
    // `ls` ran in work/ (created by an earlier step): empty, as documented.
    expect(lines).toContain('PASS  passing.md:38  $ ls');
    // The caller's own cluster is untouched.
    expect(stateBytes(state.dir)).toBe(before);
    const xml = readFileSync(join(dir, 'results.xml'), 'utf8');
    expect(xml).toContain('<testsuite name="passing.md" tests="12" failures="0"');
    expect(xml).toContain('name="mkdir -p work &amp;&amp; cd work"');
    expect(xml).not.toContain('<failure');
  });

  it('feeds the typed lines of an interactive session on its stdin', () => {
    const name = write('session.md', ['```console', '$ kubectl run -i --rm --restart=Never once --image=busybox -- sh', '/ # echo fed-$((6 * 7))', '```']);
    const r = lab([name]);
    expect(r.code).toBe(1);
    // Whatever the transcript looks like, the typed line ran inside the pod's shell.
    expect(r.stdout).toContain('+fed-42');
  });

  const failing = write('failing.md', [
    '```console',
    '$ kubectl create namespace demo',
    'namespace/demo made',
    '$ echo one; echo two; echo three',
    'one',
    '...',
    '$ false',
    '$ true # this_will_fail',
    '```',
  ]);

  it('reports a diff per failing step, the exit status problems and a closing count, and exits 1', () => {
    const r = lab([failing]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'FAIL  failing.md:2  $ kubectl create namespace demo\n    output differs from the document\n    --- expected\n    +++ actual\n    @@ -1 +1 @@\n    -namespace/demo made\n    +namespace/demo created\n',
    );
    expect(r.stdout).toContain('PASS  failing.md:4  $ echo one; echo two; echo three\n');
    expect(r.stdout).toContain('FAIL  failing.md:7  $ false\n    exit status 1\n');
    expect(r.stdout).toContain('FAIL  failing.md:8  $ true # this_will_fail\n    exit status 0, but the step is marked # this_will_fail\n');
    expect(r.stdout.endsWith('1 passed, 3 failed\n')).toBe(true);
  });

  it('--tap prints TAP 13 and --junit writes one testcase per step with the diff', () => {
    const r = lab([failing, '--tap', '--junit', 'failing.xml']);
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith('TAP version 13\n1..4\nnot ok 1 - failing.md:2 $ kubectl create namespace demo\n  ---\n  message: "output differs from the document"\n')).toBe(true);
    expect(r.stdout).toContain('ok 2 - failing.md:4 $ echo one; echo two; echo three\n');
    expect(r.stdout).toContain('not ok 4 - failing.md:8 $ true \\# this_will_fail\n');
    expect(r.stdout).toContain('    -namespace/demo made\n    +namespace/demo created\n');
    expect(r.stdout.endsWith('# 1 passed, 3 failed\n')).toBe(true);
    const xml = readFileSync(join(dir, 'failing.xml'), 'utf8');
    expect(xml).toContain('<testsuite name="failing.md" tests="4" failures="3"');
    expect(xml).toMatch(/<testcase classname="failing.md" name="kubectl create namespace demo" time="[\d.]+">\n\s*<failure message="output differs from the document\n--- expected\n\+\+\+ actual\n@@ -1 \+1 @@\n-namespace\/demo made\n\+namespace\/demo created\n"/);
  });

  it('--update rewrites documented outputs, keeping token lines that still match', () => {
    const name = write('update.md', [
      'Intro',
      '',
      '```console',
      '$ kubectl create deployment web --image=nginx',
      'deployment.apps/web made',
      '$ kubectl get pods',
      'NAME   READY',
      'web-<hash>-<pod-suffix>   1/1     Running   0          <age>',
      'extra line',
      '$ echo new',
      '```',
      '',
      '```bash',
      'echo plain blocks are not rewritten',
      '```',
    ]);
    const r = lab([name, '--update']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('update.md: updated the documented output of 3 steps\n');
    expect(readFileSync(join(dir, name), 'utf8')).toBe(
      [
        'Intro',
        '',
        '```console',
        '$ kubectl create deployment web --image=nginx',
        'deployment.apps/web created',
        '$ kubectl get pods',
        'NAME                   READY   STATUS    RESTARTS   AGE',
        'web-<hash>-<pod-suffix>   1/1     Running   0          <age>',
        '$ echo new',
        'new',
        '```',
        '',
        '```bash',
        'echo plain blocks are not rewritten',
        '```',
        '',
      ].join('\n'),
    );
    expect(lab([name]).code).toBe(0);
  });

  it('--kubectl runs against a "real" kubectl with --context and tolerant matching, no simulated cluster', () => {
    writeFileSync(
      join(dir, 'fake-kubectl'),
      [
        '#!/bin/sh',
        `echo "$@" >> ${join(dir, 'fake.log')}`,
        'echo "state=${KUBESIM_STATE_DIR:-none}" >> ' + join(dir, 'fake.log'),
        'echo "NAME                         READY   STATUS    RESTARTS   AGE"',
        'echo "my-nginx-6d8c4b7f9d-x7k2q   1/1     Running   0          12m"',
        '',
      ].join('\n'),
    );
    chmodSync(join(dir, 'fake-kubectl'), 0o755);
    const name = write('real.md', ['```console', '$ kubectl get pods -l run=my-nginx', 'NAME                        READY     STATUS    RESTARTS   AGE', 'my-nginx-3800858182-jr4a2   1/1       Running   0          13s', '```']);
    const r = lab([name, '--kubectl', './fake-kubectl', '--context', 'prod-east']);
    expect(r.stdout).toBe('PASS  real.md:2  $ kubectl get pods -l run=my-nginx\n1 passed, 0 failed\n');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'fake.log'), 'utf8')).toBe('--context prod-east get pods -l run=my-nginx\nstate=none\n');
  });

  it('kills a step that outlives --step-timeout and goes on in the same shell', () => {
    const name = write('slow.md', ['```bash', 'X=kept', 'sleep 30', '```', '```console', '$ echo $X', 'kept', '```']);
    const r = lab([name, '--step-timeout', '1s']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL  slow.md:3  $ sleep 30\n    did not finish within 1s and was killed\n');
    expect(r.stdout).toContain('PASS  slow.md:6  $ echo $X\n');
  });

  it('ends what a step left running in the background when the file is done', () => {
    const name = write('bg.md', ['```bash', 'sleep 600 &', 'echo $! > bg.pid', '```']);
    expect(lab([name]).code).toBe(0);
    const pid = Number(readFileSync(join(dir, 'bg.pid'), 'utf8'));
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    const until = Date.now() + 3000;
    while (alive() && Date.now() < until) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    expect(alive()).toBe(false);
  });

  it("takes the file's <!-- kubesim-lab --> cwd (relative to the file) and profile; --cwd wins", () => {
    mkdirSync(join(dir, 'walks', 'data'), { recursive: true });
    writeFileSync(join(dir, 'walks', 'data', 'marker.txt'), '');
    const name = write('walks/settings.md', ['<!-- kubesim-lab cwd: data; profile: docker-desktop -->', '```console', '$ ls', 'marker.txt', '$ kubectl get nodes -o name', 'node/docker-desktop', '```']);
    expect(lab([name])).toMatchObject({ code: 0, stdout: 'PASS  walks/settings.md:3  $ ls\nPASS  walks/settings.md:5  $ kubectl get nodes -o name\n2 passed, 0 failed\n' });
    expect(lab([name, '--cwd', '.', '--profile', 'docker-desktop']).stdout).toContain('FAIL  walks/settings.md:3  $ ls\n');
  });

  it("creates the file's cluster with the <!-- kubesim-lab kubectl-version --> persona; --kubectl-version wins", () => {
    const name = write('persona.md', ['<!-- kubesim-lab kubectl-version: 1.17; profile: docker-desktop -->', '```console', '$ kubectl run web --image=nginx 2>/dev/null', 'deployment.apps/web created', '$ kubectl get deploy,nodes -o name', 'deployment.apps/web', 'node/docker-desktop', '```']);
    expect(lab([name])).toMatchObject({ code: 0, stdout: 'PASS  persona.md:3  $ kubectl run web --image=nginx 2>/dev/null\nPASS  persona.md:5  $ kubectl get deploy,nodes -o name\n2 passed, 0 failed\n' });
    // 1.32's run makes a Pod: both documented outputs differ.
    expect(lab([name, '--kubectl-version', '1.32']).stdout).toContain('0 passed, 2 failed');
    expect(lab([name, '--kubectl-version', '2.0'])).toMatchObject({ code: 1, stderr: 'error: unsupported --kubectl-version "2.0": use a kubectl minor version from 1.10 to 1.32, e.g. 1.32 or 1.17\n' });
    const bad = write('bad-persona.md', ['<!-- kubesim-lab kubectl-version: 0.9 -->', '```bash', 'true', '```']);
    expect(lab([bad])).toMatchObject({ code: 1, stderr: 'error: bad-persona.md: unsupported --kubectl-version "0.9": use a kubectl minor version from 1.10 to 1.32, e.g. 1.32 or 1.17\n' });
  });

  it('rejects bad usage like kubectl does', () => {
    expect(lab([])).toMatchObject({ code: 1, stderr: 'error: lab run needs at least one walkthrough file, e.g. kubesim lab run specs/walkthroughs/courselabs-services.md\n' });
    expect(lab(['nope.md'])).toMatchObject({ code: 1, stderr: 'error: the walkthrough "nope.md" cannot be read\n' });
    expect(lab([passing, '--step-timeout', 'soon'])).toMatchObject({ code: 1, stderr: 'error: invalid argument "soon" for "--step-timeout" flag: time: invalid duration "soon"\n' });
  });
});
