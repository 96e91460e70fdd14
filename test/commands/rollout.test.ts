import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, stateBytes, tempStateDir, type CliResult } from '../helpers/cli.js';
import { daemonSetStatus, deploymentStatus } from '../../src/commands/rollout/status.js';
import type { KubeObject } from '../../src/api/types.js';

/**
 * `kubectl rollout …` and `kubectl set image` through the built CLI, with a frozen clock (rollouts finish
 * within the command that starts them) and once with a moving one. Texts come from kubectl 1.32's
 * source; client-side cases are compared with the real binary when /usr/bin/kubectl exists.
 */

const REAL = '/usr/bin/kubectl';
const NOW = '2025-01-01T00:00:00Z';
const dirs: Array<() => void> = [];
afterAll(() => dirs.forEach((c) => c()));
const work = mkdtempSync(join(tmpdir(), 'kubesim-rollout-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cluster(): { k: (cmd: string, stdin?: string) => CliResult; dir: string } {
  const { dir, cleanup } = tempStateDir();
  dirs.push(cleanup);
  return { dir, k: (cmd, stdin) => runCli(words(cmd), { stateDir: dir, stdin, cwd: work }) };
}

/** Splits on spaces, keeping '…' and "…" together (enough for these command lines). */
function words(cmd: string): string[] {
  return [...cmd.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** A command that must fail with exactly `stderr` and leave the state file as it was. */
function rejects(c: ReturnType<typeof cluster>, cmd: string, stderr: string, stdout = ''): void {
  const before = stateBytes(c.dir);
  const r = c.k(cmd);
  expect({ stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual({ stdout, stderr, code: 1 });
  expect(stateBytes(c.dir)).toBe(before);
}

const rsNames = (c: ReturnType<typeof cluster>, ns = 'default') => c.k(`get rs -n ${ns} -o name`).stdout.trim().split('\n').filter(Boolean);

describe('status viewers', () => {
  const d = (status: object, o: { generation?: number; replicas?: number; revision?: string } = {}): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', generation: o.generation ?? 1, annotations: o.revision ? { 'deployment.kubernetes.io/revision': o.revision } : {} },
    spec: { replicas: o.replicas ?? 3 },
    status: { observedGeneration: 1, ...status },
  });

  it.each([
    [{ updatedReplicas: 1, replicas: 4, availableReplicas: 3 }, 'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n', false],
    [{ updatedReplicas: 3, replicas: 4, availableReplicas: 3 }, 'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n', false],
    [{ updatedReplicas: 3, replicas: 3, availableReplicas: 2 }, 'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...\n', false],
    [{ updatedReplicas: 3, replicas: 3, availableReplicas: 3 }, 'deployment "web" successfully rolled out\n', true],
  ])('deployment %j', (status, message, done) => {
    expect(deploymentStatus(d(status), 0)).toEqual({ message, done });
  });

  it('waits for the controller to observe the latest generation, and fails on a missed deadline or a newer revision', () => {
    expect(deploymentStatus(d({}, { generation: 2 }), 0).message).toBe('Waiting for deployment spec update to be observed...\n');
    const stuck = d({ conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] });
    expect(() => deploymentStatus(stuck, 0)).toThrow('deployment "web" exceeded its progress deadline');
    expect(() => deploymentStatus(d({}, { revision: '3' }), 2)).toThrow('desired revision (2) is different from the running revision (3)');
    expect(() => deploymentStatus(d({}), 2)).toThrow('cannot get the revision of deployment "web": strconv.ParseInt: parsing "": invalid syntax');
  });

  it('daemon sets count pods per node', () => {
    const ds = (st: object): KubeObject => ({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'fluentd', generation: 1 }, spec: {}, status: { observedGeneration: 1, desiredNumberScheduled: 3, ...st } });
    expect(daemonSetStatus(ds({ updatedNumberScheduled: 1, numberAvailable: 1 }), 0).message).toBe('Waiting for daemon set "fluentd" rollout to finish: 1 out of 3 new pods have been updated...\n');
    expect(daemonSetStatus(ds({ updatedNumberScheduled: 3, numberAvailable: 2 }), 0).message).toBe('Waiting for daemon set "fluentd" rollout to finish: 2 of 3 updated pods are available...\n');
    expect(daemonSetStatus(ds({ updatedNumberScheduled: 3, numberAvailable: 3 }), 0)).toEqual({ message: 'daemon set "fluentd" successfully rolled out\n', done: true });
  });
});

describe('rollout status', () => {
  const c = cluster();
  c.k('create deployment web --image=nginx:1.24 --replicas=3');
  c.k('create deployment api --image=nginx:1.24');

  it('reports a finished rollout at once with a frozen clock', () => {
    expect(c.k('rollout status deployment/web')).toEqual({ stdout: 'deployment "web" successfully rolled out\n', stderr: '', code: 0 });
    expect(c.k('rollout status deploy web --watch=false').stdout).toBe('deployment "web" successfully rolled out\n');
    expect(c.k('rollout status deploy/web --revision=1').code).toBe(0);
  });

  it('a rollout that cannot finish at that instant prints where it stands, then times out', () => {
    c.k('rollout pause deploy/api');
    c.k('set image deploy/api nginx=nginx:1.25');
    const r = c.k('rollout status deploy/api');
    expect(r).toEqual({
      stdout: 'Waiting for deployment "api" rollout to finish: 0 out of 1 new replicas have been updated...\n',
      stderr: 'error: timed out waiting for the condition\n',
      code: 1,
    });
    // --watch=false prints the same line and succeeds.
    expect(c.k('rollout status deploy/api --watch=false')).toEqual({ stdout: r.stdout, stderr: '', code: 0 });
    c.k('rollout resume deploy/api');
    expect(c.k('rollout status deploy/api').stdout).toBe('deployment "api" successfully rolled out\n');
  });

  it('refuses what kubectl refuses', () => {
    rejects(c, 'rollout status', 'error: required resource not specified\n');
    rejects(c, 'rollout status deploy/web --revision=-1', 'error: revision must be a positive integer: -1\n');
    rejects(c, 'rollout status deploy/nope', 'Error from server (NotFound): deployments.apps "nope" not found\n');
    rejects(c, 'rollout status deploy', 'error: rollout status is only supported on individual resources and resource collections - 2 resources were found\n');
    rejects(c, 'rollout status deploy/web --revision=7', 'error: desired revision (7) is different from the running revision (1)\n');
    rejects(c, 'rollout status svc/kubernetes', 'error: no status viewer has been implemented for Service\n');
  });

  it('follows daemon sets too', () => {
    expect(c.k('rollout status ds/kube-proxy -n kube-system').stdout).toBe('daemon set "kube-proxy" successfully rolled out\n');
  });
});

describe('rollout history and undo', () => {
  const c = cluster();
  c.k('create deployment web --image=nginx:1.24 --replicas=2');

  it('one revision: the table with kubectl\'s trailing space and blank line; undo has nothing to go back to', () => {
    expect(c.k('rollout history deployment/web').stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n\n');
    rejects(c, 'rollout undo deployment/web', 'error: no rollout history found for deployment "web"\n');
  });

  it('change causes come from the ReplicaSets, copied from the deployment annotation', () => {
    c.k('set image deploy/web nginx=nginx:1.25');
    c.k('annotate deploy/web kubernetes.io/change-cause=upgrade-to-1.25');
    expect(c.k('rollout history deploy/web').stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         upgrade-to-1.25\n\n');
  });

  it('--revision prints the pod template with raw tabs, as kubectl\'s unaligned prefix writer does', () => {
    const r = c.k('rollout history deploy/web --revision=1');
    expect(r.stdout).toMatch(/^deployment\.apps\/web with revision #1\nPod Template:\n  Labels:\tapp=web\n\tpod-template-hash=\w+\n  Containers:\n   nginx:\n    Image:\tnginx:1\.24\n/);
    expect(r.stdout.endsWith('  Tolerations:\t<none>\n\n')).toBe(true);
    rejects(c, 'rollout history deploy/web --revision=9', 'error: unable to find the specified revision\n');
  });

  it('undo brings the previous template back as a new revision; the old number disappears from the history', () => {
    const before = rsNames(c);
    expect(c.k('rollout undo deploy/web')).toEqual({ stdout: 'deployment.apps/web rolled back\n', stderr: '', code: 0 });
    expect(rsNames(c)).toEqual(before);
    expect(c.k('rollout history deploy/web').stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         upgrade-to-1.25\n3         <none>\n\n');
    expect(c.k('get deploy web -o jsonpath={.spec.template.spec.containers[0].image}').stdout).toBe('nginx:1.24');
    expect(c.k("get deploy web -o jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}").stdout).toBe('3');
  });

  it('--to-revision: skipped when it is the current template, an error when it does not exist', () => {
    expect(c.k('rollout undo deploy/web --to-revision=3').stdout).toBe('deployment.apps/web skipped rollback (current template already matches revision 3)\n');
    rejects(c, 'rollout undo deploy/web --to-revision=1', 'error: unable to find specified revision 1 in history\n');
    expect(c.k('rollout undo deploy/web --to-revision=2 --dry-run=server').stdout).toBe('deployment.apps/web rolled back (server dry run)\n');
    expect(c.k('get deploy web -o jsonpath={.spec.template.spec.containers[0].image}').stdout).toBe('nginx:1.24');
  });

  it('other kinds fail as kubectl\'s kind visitor does', () => {
    c.k('run solo --image=nginx');
    rejects(c, 'rollout history pod/solo', 'error: no history viewer has been implemented for "Pod"\n');
    rejects(c, 'rollout history svc/kubernetes', 'error: error retrieving history for "Service", no visitor method exists for { Service}\n');
    rejects(c, 'rollout undo pod/solo', 'error: no rollbacker has been implemented for "Pod"\n');
  });
});

describe('rollout restart, pause, resume', () => {
  const c = cluster();
  c.k('create deployment web --image=nginx:1.24 --replicas=2');

  it('restart stamps the pod template, which makes a new ReplicaSet and new pods', () => {
    const pods = c.k('get pods -o name').stdout;
    expect(c.k('rollout restart deployment web')).toEqual({ stdout: 'deployment.apps/web restarted\n', stderr: '', code: 0 });
    expect(c.k("get deploy web -o jsonpath={.spec.template.metadata.annotations}").stdout).toBe(`{"kubectl.kubernetes.io/restartedAt":"${NOW}"}`);
    expect(rsNames(c)).toHaveLength(2);
    const after = c.k('get pods -o name').stdout;
    expect(after.split('\n').filter(Boolean)).toHaveLength(2);
    expect(after.split('\n').some((p) => p && pods.includes(p))).toBe(false);
  });

  it('a second restart within the same second changes nothing and says so', () => {
    rejects(c, 'rollout restart deploy/web', 'error: failed to create patch for web: if restart has already been triggered within the past second, please wait before attempting to trigger another\n');
  });

  it('pause and resume, with their "already" errors; a paused deployment refuses restart and undo', () => {
    expect(c.k('rollout pause deploy/web').stdout).toBe('deployment.apps/web paused\n');
    rejects(c, 'rollout pause deploy/web', 'error: deployments.apps "web" is already paused\n');
    rejects(c, 'rollout restart deploy/web', 'error: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)\n');
    rejects(c, 'rollout undo deploy/web', "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n");
    expect(c.k('rollout resume deploy/web').stdout).toBe('deployment.apps/web resumed\n');
    rejects(c, 'rollout resume deploy/web', 'error: deployments.apps "web" is not paused\n');
  });

  it('a paused deployment scales but does not roll until resumed', () => {
    c.k('rollout pause deploy/web');
    const before = rsNames(c);
    c.k('set image deploy/web nginx=nginx:1.25');
    c.k('scale deploy/web --replicas=3');
    expect(rsNames(c)).toEqual(before);
    expect(c.k('get deploy web -o jsonpath={.status.replicas}/{.status.updatedReplicas}').stdout).toBe('3/'); // updatedReplicas 0 is omitted, as the API omits zero counts
    expect(c.k('describe deploy web').stdout).toContain('  Progressing    Unknown  DeploymentPaused\n');
    c.k('rollout resume deploy/web');
    expect(rsNames(c)).toHaveLength(3);
    expect(c.k('get deploy web -o jsonpath={.status.replicas}/{.status.updatedReplicas}/{.status.availableReplicas}').stdout).toBe('3/3/3');
  });

  it('a bare type means every object of it; nothing matching is not an error', () => {
    c.k('create deployment api --image=busybox');
    const r = c.k('rollout restart deployment -l app=api');
    expect(r.stdout).toBe('deployment.apps/api restarted\n');
    expect(c.k('rollout restart deployment -l app=none')).toEqual({ stdout: 'No resources found in default namespace.\n', stderr: '', code: 0 });
    rejects(c, 'rollout restart', 'error: required resource not specified\n');
    c.k('run solo --image=nginx');
    rejects(c, 'rollout restart pod/solo', 'error: pods "solo" restarting is not supported\n');
    rejects(c, 'rollout pause svc/kubernetes', 'error: services "kubernetes" pausing is not supported\n');
  });

  it('-o name prints just the object', () => {
    expect(c.k('rollout pause deploy/api -o name').stdout).toBe('deployment.apps/api\n');
  });
});

describe('set image', () => {
  const c = cluster();
  c.k('create deployment web --image=nginx:1.24 --replicas=2');
  c.k('create deployment multi --image=nginx:1.24 --image=busybox:1.36');

  it('updates the template and rolls the deployment', () => {
    expect(c.k('set image deployment/web nginx=nginx:1.25')).toEqual({ stdout: 'deployment.apps/web image updated\n', stderr: '', code: 0 });
    expect(c.k('get pods -l app=web -o jsonpath={.items[*].spec.containers[0].image}').stdout).toBe('nginx:1.25 nginx:1.25');
  });

  it('prints nothing when nothing changes', () => {
    expect(c.k('set image deployment/web nginx=nginx:1.25')).toEqual({ stdout: '', stderr: '', code: 0 });
  });

  it('* sets every container; several pairs set several', () => {
    c.k("set image deploy/multi *=alpine:3.20");
    expect(c.k('get deploy multi -o jsonpath={.spec.template.spec.containers[*].image}').stdout).toBe('alpine:3.20 alpine:3.20');
    c.k('set image deploy/multi nginx=nginx:1.27 busybox=busybox:1.37');
    expect(c.k('get deploy multi -o jsonpath={.spec.template.spec.containers[*].image}').stdout).toBe('nginx:1.27 busybox:1.37');
  });

  it('an unknown container is an error, but the other objects are still updated', () => {
    const r = c.k('set image deploy --all busybox=busybox:1.38');
    expect(r).toEqual({ stdout: 'deployment.apps/multi image updated\n', stderr: 'error: unable to find container named "busybox"\n', code: 1 });
    expect(c.k('get deploy multi -o jsonpath={.spec.template.spec.containers[1].image}').stdout).toBe('busybox:1.38');
    rejects(c, 'set image deploy/web foo=bar', 'error: unable to find container named "foo"\n');
  });

  it('selects by label, and works on replica sets and pods', () => {
    expect(c.k('set image deploy -l app=web nginx=nginx:1.26 -o name').stdout).toBe('deployment.apps/web\n');
    c.k('run solo --image=nginx');
    expect(c.k('set image pod/solo solo=nginx:1.26').stdout).toBe('pod/solo image updated\n');
    expect(c.k('get pod solo -o jsonpath={.spec.containers[0].image}').stdout).toBe('nginx:1.26');
    const rs = rsNames(c).find((n) => n.includes('web-'))!;
    expect(c.k(`set image ${rs} nginx=nginx:1.20`).stdout).toBe(`${rs} image updated\n`);
  });

  it('dry runs change nothing', () => {
    const before = stateBytes(c.dir);
    expect(c.k('set image deploy/web nginx=nginx:9 --dry-run=client').stdout).toBe('deployment.apps/web image updated (dry run)\n');
    expect(c.k('set image deploy/web nginx=nginx:9 --dry-run=server').stdout).toBe('deployment.apps/web image updated (server dry run)\n');
    expect(stateBytes(c.dir)).toBe(before);
  });

  it('--record writes the command line as the change cause (with kubectl\'s deprecation notice)', () => {
    const r = c.k('set image deploy/web nginx=nginx:1.27 --record');
    expect(r.stderr).toBe('Flag --record has been deprecated, --record will be removed in the future\n');
    expect(c.k('get deploy web -o jsonpath={.metadata.annotations.kubernetes\\.io/change-cause}').stdout).toBe('kubectl set image deploy/web nginx=nginx:1.27 --record=true');
    expect(c.k('rollout history deploy/web').stdout).toContain('kubectl set image deploy/web nginx=nginx:1.27 --record=true\n');
  });

  it('refuses what kubectl refuses, before changing anything', () => {
    rejects(c, 'set image deploy/web', 'error: at least one image update is required\n');
    rejects(c, 'set image deploy/web *=a nginx=b', 'error: all containers are already specified by *, but saw more than one container_name=container_image pairs\n');
    rejects(c, 'set image deploy/web nginx-', 'error: invalid image format: nginx-\n');
    rejects(c, 'set image deployment nginx=x', 'error: resource(s) were provided, but no name was specified\n');
    rejects(c, 'set image deploy/web deploy/nope nginx=x', 'Error from server (NotFound): deployments.apps "nope" not found\n');
    rejects(c, 'set image svc/kubernetes a=b', 'error: services/kubernetes the object is not a pod or does not have a pod template: *v1.Service\n');
    rejects(c, 'set image nginx=x deploy/web', 'error: all resources must be specified before image changes: deploy/web\n');
  });
});

describe('with a moving clock', () => {
  it('rollout status follows the rollout as simulated time passes', () => {
    const { dir, cleanup } = tempStateDir();
    dirs.push(cleanup);
    const k = (cmd: string) => runCli(words(cmd), { stateDir: dir, env: { KUBESIM_NOW: '' } });
    k('create deployment web --image=nginx:1.24 --replicas=2');
    const r = k('rollout status deploy/web --timeout=60s');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.at(-1)).toBe('deployment "web" successfully rolled out');
    for (const l of lines.slice(0, -1)) expect(l).toMatch(/^Waiting for deployment "web" rollout to finish: /);
    // Each distinct state is printed once.
    expect(new Set(lines).size).toBe(lines.length);
  }, 90_000);
});

describe.skipIf(!existsSync(REAL))('client-side texts match kubectl 1.32.4', () => {
  writeFileSync(
    join(work, 'd.yaml'),
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.24\n      - name: side\n        image: busybox\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc\nspec:\n  ports:\n  - port: 80\n',
  );
  const c = cluster();
  it.each([
    'set image --local -f d.yaml nginx=nginx:1.25',
    'set image --local -f d.yaml nginx=nginx:1.24',
    'set image --local -f d.yaml foo=x',
    'set image --local -f d.yaml *=x nginx=z',
    'set image --local -f d.yaml nginx=q --dry-run=client',
    'set image --local -f d.yaml nginx=b -o name',
    'set image --local -f d.yaml nginx-',
    'set image --local -f d.yaml',
    'set image --local deploy/x a=b',
    'set image --local -f d.yaml a=b --dry-run=server',
    'set image --all -l a=b --local -f d.yaml a=b',
    'set image --local a=b',
    'set image a=b x',
    'set foo',
    'rollout status',
    'rollout history --revision=-1 deploy/x',
    'rollout undo',
    'rollout pause',
    'rollout resume',
    'rollout restart',
    'rollout foo bar',
    'rollout status --timeout=abc deploy/x',
    'rollout status -w=maybe deploy/x',
    'rollout status deploy/x --bogus',
  ])('%s', (cmd) => {
    const real = spawnSync(REAL, words(cmd), { cwd: work, env: { ...process.env, KUBECONFIG: '/nonexistent' }, encoding: 'utf8' });
    const ours = c.k(cmd);
    expect({ stdout: ours.stdout, stderr: ours.stderr, code: ours.code }).toEqual({ stdout: real.stdout, stderr: real.stderr, code: real.status });
  });
});
