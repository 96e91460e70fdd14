import { describe, expect, it } from 'vitest';
import { cluster as freshCluster, expectSameAsKubectl, POD_X, rejected, runOnce, workDir } from '../helpers/fixtures.js';
import { stateBytes } from '../helpers/cli.js';
import { HAS_KUBECTL } from '../helpers/kubectl-oracle.js';

/**
 * `kubectl label` through the built CLI. Literal expectations were checked against kubectl 1.32.4
 * (--local cases) and its source (server cases); where /usr/bin/kubectl exists, extra cases compare
 * our --local output with the real binary's, byte for byte.
 */

const POD_WEB = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: nginx
    tier: web
    zz: q
spec:
  containers:
  - name: c
    image: nginx
`;
const POD_OTHER = `apiVersion: v1
kind: Pod
metadata:
  name: other
  namespace: dev
  labels:
    app: other
spec:
  containers:
  - name: c
    image: nginx
`;
const NS_DEV = `apiVersion: v1
kind: Namespace
metadata:
  name: dev
`;

const work = workDir('label', { 'pod.yaml': POD_X, 'web.yaml': POD_WEB, 'other.yaml': POD_OTHER, 'ns.yaml': NS_DEV });

/** A fresh cluster with pods default/x, default/web and dev/other. */
function cluster() {
  const c = freshCluster(work, ['apply', '-f', 'ns.yaml', '-f', 'pod.yaml', '-f', 'web.yaml', '-f', 'other.yaml']);
  return { ...c, labels: (name: string, ns = 'default') => JSON.parse(c.run(['get', 'pod', name, '-n', ns, '-o', 'jsonpath={.metadata.labels}']).stdout || '{}') };
}

describe('kubectl label on the server', () => {
  it('adds, repeats, removes and re-removes a label with kubectl\'s messages', () => {
    const c = cluster();
    try {
      expect(c.run(['label', 'pod', 'x', 'env=prod'])).toEqual({ stdout: 'pod/x labeled\n', stderr: '', code: 0 });
      expect(c.labels('x')).toEqual({ app: 'nginx', env: 'prod' });
      expect(c.run(['label', 'pod', 'x', 'env=prod'])).toEqual({ stdout: 'pod/x not labeled\n', stderr: '', code: 0 });
      expect(c.run(['label', 'pod', 'x', 'env-'])).toEqual({ stdout: 'pod/x unlabeled\n', stderr: '', code: 0 });
      expect(c.labels('x')).toEqual({ app: 'nginx' });
      // The "not found" note comes first, on stdout.
      expect(c.run(['label', 'pod', 'x', 'env-'])).toEqual({ stdout: 'label "env" not found.\npod/x not labeled\n', stderr: '', code: 0 });
    } finally {
      c.cleanup();
    }
  });

  it('says "labeled" for a removal with --overwrite, and removes the last label entirely', () => {
    const c = cluster();
    try {
      expect(c.run(['label', 'pods', 'x', 'app-', '--overwrite']).stdout).toBe('pod/x labeled\n');
      expect(c.run(['get', 'pod', 'x', '-o', 'jsonpath={.metadata}']).stdout).not.toContain('"labels"');
    } finally {
      c.cleanup();
    }
  });

  it('refuses to overwrite without --overwrite and changes nothing', () => {
    const c = cluster();
    try {
      expect(rejected(c, ['label', 'pod', 'x', 'app=web']).stderr).toBe("error: 'app' already has a value (nginx), and --overwrite is false\n");
      // Several conflicts on one object: one line each, without the "error: " prefix.
      expect(rejected(c, ['label', 'pod', 'web', 'app=x', 'tier=y', 'zz=w']).stderr).toBe(
        "'app' already has a value (nginx), and --overwrite is false\n'tier' already has a value (web), and --overwrite is false\n'zz' already has a value (q), and --overwrite is false\n",
      );
      expect(c.run(['label', 'pod', 'x', 'app=web', '--overwrite'])).toEqual({ stdout: 'pod/x labeled\n', stderr: '', code: 0 });
      expect(c.labels('x')).toEqual({ app: 'web' });
    } finally {
      c.cleanup();
    }
  });

  it('rejects bad arguments before contacting the server', () => {
    const c = cluster();
    try {
      expect(rejected(c, ['label', 'pod', 'x', 'x=-bad']).stderr).toBe(
        `error: invalid label value: "x=-bad": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n`,
      );
      expect(rejected(c, ['label', 'pod', 'x']).stderr).toBe('error: at least one label update is required\n');
      expect(rejected(c, ['label', 'pod', 'x', 'a=b=c']).stderr).toBe('error: invalid label spec: a=b=c\n');
      expect(rejected(c, ['label', 'pod', 'x', 'a=b', 'a-']).stderr).toBe('error: can not both modify and remove a label in the same command\n');
      expect(rejected(c, ['label', 'pod', 'x', 'a=b', 'web']).stderr).toBe('error: all resources must be specified before label changes: web\n');
      expect(rejected(c, ['label', 'a=b']).stderr).toBe('error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n');
      expect(rejected(c, ['label', 'pods', 'a=b']).stderr).toBe('error: resource(s) were provided, but no name was specified\n');
      expect(rejected(c, ['label', 'pods', '--all', '-l', 'app=nginx', 'a=b']).stderr).toBe('error: cannot set --all and --selector at the same time\n');
      expect(rejected(c, ['label', 'pod', 'x', '--list', '-o', 'yaml']).stderr).toBe('error: --list and --output may not be specified together\n');
      expect(rejected(c, ['label', 'pods', '--all', 'a=b', '--resource-version=1']).stderr).toBe('error: --resource-version may only be used with a single resource\n');
      expect(rejected(c, ['label', 'foos', 'x', 'a=b']).stderr).toBe('error: the server doesn\'t have a resource type "foos"\n');
    } finally {
      c.cleanup();
    }
  });

  it('reports the server\'s validation of label keys', () => {
    const c = cluster();
    try {
      expect(rejected(c, ['label', 'pod', 'x', 'Bad_key!=v']).stderr).toBe(
        `The Pod "x" is invalid: metadata.labels: Invalid value: "Bad_key!": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n`,
      );
    } finally {
      c.cleanup();
    }
  });

  it('reports NotFound and keeps the objects that were labeled', () => {
    const c = cluster();
    try {
      const r = c.run(['label', 'pod', 'x', 'nope', 'web', 'new=1']);
      expect(r).toEqual({ stdout: 'pod/x labeled\npod/web labeled\n', stderr: 'Error from server (NotFound): pods "nope" not found\n', code: 1 });
      expect(c.labels('x').new).toBe('1');
      expect(c.labels('web').new).toBe('1');
      // Errors of several objects: one line each, no "error: " prefix; the NotFound keeps its own.
      const r2 = c.run(['label', 'pod', 'x', 'web', 'nope', 'app=z']);
      expect(r2.stderr).toBe(
        "'app' already has a value (nginx), and --overwrite is false\n'app' already has a value (nginx), and --overwrite is false\nError from server (NotFound): pods \"nope\" not found\n",
      );
      expect(r2.code).toBe(1);
    } finally {
      c.cleanup();
    }
  });

  it('selects with TYPE/NAME, -l, --all, -A and -f', () => {
    const c = cluster();
    try {
      expect(c.run(['label', 'pod/x', 'k=1']).stdout).toBe('pod/x labeled\n');
      expect(c.run(['label', 'pods', '-l', 'tier=web', 'k=2']).stdout).toBe('pod/web labeled\n');
      expect(c.run(['label', 'pods', '--all', 'all=yes']).stdout).toBe('pod/web labeled\npod/x labeled\n');
      // -A: namespace by namespace, names sorted.
      expect(c.run(['label', 'pods', '-A', '-l', 'app in (nginx,other)', 'everywhere=1']).stdout).toBe('pod/web labeled\npod/x labeled\npod/other labeled\n');
      expect(c.run(['label', '-f', 'pod.yaml', 'fromfile=1']).stdout).toBe('pod/x labeled\n');
      expect(c.run(['label', '-n', 'dev', 'pod', 'other', 'ns=dev']).stdout).toBe('pod/other labeled\n');
      expect(c.labels('other', 'dev')).toEqual({ app: 'other', everywhere: '1', ns: 'dev' });
      expect(c.labels('x')).toEqual({ all: 'yes', app: 'nginx', everywhere: '1', fromfile: '1', k: '1' });
      expect(c.run(['label', 'pods', '-l', 'nothing=here', 'a=b'])).toEqual({ stdout: '', stderr: '', code: 0 });
    } finally {
      c.cleanup();
    }
  });

  it('lists labels, with a heading per object when several are selected', () => {
    const c = cluster();
    try {
      expect(c.run(['label', 'pod', 'web', '--list'])).toEqual({ stdout: 'app=nginx\ntier=web\nzz=q\n', stderr: '', code: 0 });
      expect(c.run(['label', 'pods', '--all', '--list']).stdout).toBe('Listing labels for Pod./web:\n app=nginx\n tier=web\n zz=q\nListing labels for Pod./x:\n app=nginx\n');
      // --list shows the updates without sending them.
      const before = stateBytes(c.dir);
      expect(c.run(['label', 'pod', 'x', 'tmp=1', '--list']).stdout).toBe('app=nginx\ntmp=1\n');
      expect(stateBytes(c.dir)).toBe(before);
    } finally {
      c.cleanup();
    }
  });

  it('dry runs change nothing and say so', () => {
    const c = cluster();
    try {
      const before = stateBytes(c.dir);
      expect(c.run(['label', 'pod', 'x', 'a=b', '--dry-run=client'])).toEqual({ stdout: 'pod/x labeled (dry run)\n', stderr: '', code: 0 });
      expect(c.run(['label', 'pod', 'x', 'a=b', '--dry-run=server'])).toEqual({ stdout: 'pod/x labeled (server dry run)\n', stderr: '', code: 0 });
      expect(c.run(['label', 'pod', 'x', 'app-', '--dry-run=client']).stdout).toBe('pod/x unlabeled (dry run)\n');
      expect(stateBytes(c.dir)).toBe(before);
    } finally {
      c.cleanup();
    }
  });

  it('prints the labeled object with -o', () => {
    const c = cluster();
    try {
      expect(c.run(['label', 'pod', 'x', 'a=b', '-o', 'name']).stdout).toBe('pod/x\n');
      expect(c.run(['label', 'pod', 'x', 'c=d', '-o', 'jsonpath={.metadata.labels}']).stdout).toBe('{"a":"b","app":"nginx","c":"d"}');
      const y = c.run(['label', 'pod', 'x', 'e=f', '-o', 'yaml']).stdout;
      expect(y).toMatch(/^apiVersion: v1\nkind: Pod\nmetadata:\n/);
      expect(y).toContain('  labels:\n    a: b\n    app: nginx\n    c: d\n    e: f\n');
    } finally {
      c.cleanup();
    }
  });

  it('honours --resource-version: the current one works, another is a conflict', () => {
    const c = cluster();
    try {
      const rv = c.run(['get', 'pod', 'x', '-o', 'jsonpath={.metadata.resourceVersion}']).stdout;
      expect(rejected(c, ['label', 'pod', 'x', 'a=b', '--resource-version=1']).stderr).toBe(
        'Error from server (Conflict): Operation cannot be fulfilled on pods "x": the object has been modified; please apply your changes to the latest version and try again\n',
      );
      expect(c.run(['label', 'pod', 'x', 'a=b', `--resource-version=${rv}`]).stdout).toBe('pod/x labeled\n');
    } finally {
      c.cleanup();
    }
  });
});

describe('kubectl label --local (literal kubectl 1.32.4 output)', () => {
  const local = (args: string[]) => runOnce(['label', '--local', ...args], work);

  it('prints the changed file object without touching a cluster', () => {
    expect(local(['-f', 'pod.yaml', 'x=y', '-o', 'yaml'])).toEqual({
      stdout: `apiVersion: v1
kind: Pod
metadata:
  annotations:
    a: b
  labels:
    app: nginx
    x: "y"
  name: x
spec:
  containers:
  - image: nginx
    name: c
`,
      stderr: '',
      code: 0,
    });
    expect(local(['-f', 'pod.yaml', 'app-']).stdout).toBe('pod/x unlabeled\n');
    expect(local(['-f', 'pod.yaml', 'env-']).stdout).toBe('pod/x not labeled\n');
    expect(local(['-f', 'pod.yaml', '-f', 'web.yaml', '--list']).stdout).toBe('Listing labels for Pod./x:\n app=nginx\nListing labels for Pod./web:\n app=nginx\n tier=web\n zz=q\n');
  });

  it('refuses server resources and --dry-run=server', () => {
    expect(local(['pod', 'x', 'a=b']).stderr).toBe('error: can only use local files by -f pod.yaml or --filename=pod.json when --local=true is set\n');
    expect(local(['a=b']).stderr).toBe('error: one or more files must be specified as -f pod.yaml or --filename=pod.json\n');
    expect(local(['-f', 'pod.yaml', 'a=b', '--dry-run=server']).stderr).toBe('error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?\n');
  });
});

/** Cases run by both kubesim and the real kubectl (offline: --local only), compared byte for byte. */
const ORACLE_CASES: string[][] = [
  ['-f', 'pod.yaml', 'x=-bad', '-o', 'yaml'],
  ['-f', 'pod.yaml', 'app=web'],
  ['-f', 'pod.yaml', 'app=web', '--overwrite', '-o', 'yaml'],
  ['-f', 'pod.yaml', 'app=nginx', '-o', 'json'],
  ['-f', 'pod.yaml', 'env-'],
  ['-f', 'pod.yaml', 'app-', '-o', 'yaml'],
  ['-f', 'pod.yaml', 'app-', '--overwrite'],
  ['-f', 'pod.yaml'],
  ['-f', 'pod.yaml', 'x=y', '-o', 'name'],
  ['-f', 'pod.yaml', 'x=y', '--dry-run=client'],
  ['-f', 'pod.yaml', '--list'],
  ['-f', 'pod.yaml', 'x=y', '--list'],
  ['-f', 'pod.yaml', '--list', '-o', 'yaml'],
  ['-f', 'pod.yaml', 'x=y', 'x-'],
  ['-f', 'pod.yaml', 'x=a=b'],
  ['-f', 'pod.yaml', `x=${'a'.repeat(64)}`],
  ['-f', 'pod.yaml', `x=${'a'.repeat(64)}-`],
  ['-f', 'pod.yaml', 'x=a b'],
  ['-f', 'pod.yaml', 'x='],
  ['-f', 'pod.yaml', 'x=y', 'z'],
  ['-f', 'pod.yaml', 'x=y', '--resource-version=5', '-o', 'yaml'],
  ['-f', 'pod.yaml', 'x=y', '-o', 'wide'],
  ['-f', 'pod.yaml', '-f', 'web.yaml', 'app=x'],
  ['-f', 'pod.yaml', '-f', 'web.yaml', 'new=1'],
  ['-f', 'pod.yaml', '-f', 'web.yaml', 'new=1', '--resource-version=3'],
  ['-f', 'web.yaml', 'tier=web', 'zz-', '-o', 'jsonpath={.metadata.labels}'],
  ['-f', 'web.yaml', 'tier-', 'zz-', '--dry-run=client'],
  ['pod', 'x', 'a=b'],
  ['a=b'],
];

if (HAS_KUBECTL) {
  describe('kubectl label --local matches the real kubectl', () => {
    for (const args of ORACLE_CASES) {
      it(`label --local ${args.join(' ')}`, () => expectSameAsKubectl(['label', '--local', ...args], work));
    }
  });
}
