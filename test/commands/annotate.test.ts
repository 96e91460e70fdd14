import { describe, expect, it } from 'vitest';
import { cluster as freshCluster, expectSameAsKubectl, POD_X, rejected, runOnce, workDir } from '../helpers/fixtures.js';
import { stateBytes } from '../helpers/cli.js';
import { HAS_KUBECTL } from '../helpers/kubectl-oracle.js';

/**
 * `kubectl annotate` through the built CLI. Literal expectations were checked against kubectl 1.32.4
 * (--local cases) and its source; where /usr/bin/kubectl exists, extra cases compare our --local
 * output with the real binary's.
 */

const work = workDir('annotate', {
  'pod.yaml': POD_X,
  'web.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    a: b
    c: d
spec:
  containers:
  - name: c
    image: nginx
`,
  'svc.yaml': `apiVersion: v1
kind: Service
metadata:
  name: my-nginx
spec:
  ports:
  - port: 80
  selector:
    app: nginx
`,
});

/** A fresh cluster (created with `create`, so no last-applied annotation) with pods x, web and service my-nginx. */
function cluster() {
  const c = freshCluster(work, ['create', '-f', 'pod.yaml', '-f', 'web.yaml', '-f', 'svc.yaml']);
  const annotations = (what: string) => JSON.parse(c.run(['get', what, '-o', 'jsonpath={.metadata.annotations}']).stdout || '{}');
  return { ...c, annotations };
}

describe('kubectl annotate on the server', () => {
  it('adds, overwrites and removes annotations, always saying "annotated"', () => {
    const c = cluster();
    try {
      expect(c.run(['annotate', 'pod', 'x', 'description=my frontend'])).toEqual({ stdout: 'pod/x annotated\n', stderr: '', code: 0 });
      expect(c.annotations('pod/x')).toEqual({ a: 'b', description: 'my frontend' });
      expect(c.run(['annotate', 'pod', 'x', 'a=b']).stdout).toBe('pod/x annotated\n');
      expect(c.run(['annotate', 'pod', 'x', 'a=c', '--overwrite']).stdout).toBe('pod/x annotated\n');
      expect(c.run(['annotate', 'pod', 'x', 'a-', 'missing-']).stdout).toBe('pod/x annotated\n');
      expect(c.annotations('pod/x')).toEqual({ description: 'my frontend' });
      // Values may contain '=' and anything else.
      expect(c.run(['annotate', 'svc', 'my-nginx', 'config={"k":"v=1"}']).stdout).toBe('service/my-nginx annotated\n');
      expect(c.annotations('svc/my-nginx')).toEqual({ config: '{"k":"v=1"}' });
    } finally {
      c.cleanup();
    }
  });

  it('refuses to overwrite without --overwrite, listing every conflict in one error', () => {
    const c = cluster();
    try {
      expect(rejected(c, ['annotate', 'pod', 'x', 'a=z']).stderr).toBe("error: --overwrite is false but found the following declared annotation(s): 'a' already has a value (b)\n");
      expect(rejected(c, ['annotate', 'pod', 'web', 'a=x', 'c=y']).stderr).toBe(
        "error: --overwrite is false but found the following declared annotation(s): 'a' already has a value (b); 'c' already has a value (d)\n",
      );
      // The change-cause annotation may always be overwritten.
      expect(c.run(['annotate', 'pod', 'x', 'kubernetes.io/change-cause=one']).code).toBe(0);
      expect(c.run(['annotate', 'pod', 'x', 'kubernetes.io/change-cause=two']).stdout).toBe('pod/x annotated\n');
    } finally {
      c.cleanup();
    }
  });

  it('rejects bad arguments and invalid keys, changing nothing', () => {
    const c = cluster();
    try {
      expect(rejected(c, ['annotate', 'pod', 'x']).stderr).toBe('error: at least one annotation update is required\n');
      expect(rejected(c, ['annotate', 'pod', 'x', 'a=1', 'a-']).stderr).toBe('error: can not both modify and remove the following annotation(s) in the same command: a\n');
      expect(rejected(c, ['annotate', 'pod', 'x', 'a=1', 'web']).stderr).toBe('error: all resources must be specified before annotation changes: web\n');
      expect(rejected(c, ['annotate', 'pods', '--all', '--field-selector', 'metadata.name=x', 'a=1']).stderr).toBe('error: cannot set --all and --field-selector at the same time\n');
      expect(rejected(c, ['annotate', 'pod', 'x', 'Bad!!=v']).stderr).toBe(
        `The Pod "x" is invalid: metadata.annotations: Invalid value: "Bad!!": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n`,
      );
      expect(rejected(c, ['annotate', 'pod', 'nope', 'a=1']).stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    } finally {
      c.cleanup();
    }
  });

  it('lists annotations, selects with -l / --all, dry-runs and prints with -o', () => {
    const c = cluster();
    try {
      expect(c.run(['annotate', 'pod', 'web', '--list'])).toEqual({ stdout: 'a=b\nc=d\n', stderr: '', code: 0 });
      expect(c.run(['annotate', 'pods', '--all', '--list']).stdout).toBe('Listing annotations for Pod./web:\n a=b\n c=d\nListing annotations for Pod./x:\n a=b\n');
      const before = stateBytes(c.dir);
      expect(c.run(['annotate', 'pods', '--all', 'n=1', '--dry-run=client']).stdout).toBe('pod/web annotated (dry run)\npod/x annotated (dry run)\n');
      expect(c.run(['annotate', 'pod', 'x', 'n=1', '--dry-run=server']).stdout).toBe('pod/x annotated (server dry run)\n');
      expect(stateBytes(c.dir)).toBe(before);
      expect(c.run(['annotate', 'pods', '-l', 'app=nginx', 'n=1']).stdout).toBe('pod/x annotated\n');
      expect(c.run(['annotate', 'pod/web', 'n=2', '-o', 'name']).stdout).toBe('pod/web\n');
      // -o prints what the server stored (a new resource version).
      const rv = c.run(['get', 'pod', 'x', '-o', 'jsonpath={.metadata.resourceVersion}']).stdout;
      const out = c.run(['annotate', 'pod', 'x', 'n=3', '--overwrite', '-o', 'jsonpath={.metadata.annotations.n} {.metadata.resourceVersion}']).stdout;
      expect(out.split(' ')[0]).toBe('3');
      expect(out.split(' ')[1]).not.toBe(rv);
    } finally {
      c.cleanup();
    }
  });

  it('honours --resource-version', () => {
    const c = cluster();
    try {
      expect(rejected(c, ['annotate', 'pod', 'x', 'q=1', '--resource-version=1']).stderr).toBe(
        'Error from server (Conflict): Operation cannot be fulfilled on pods "x": the object has been modified; please apply your changes to the latest version and try again\n',
      );
      expect(rejected(c, ['annotate', 'pods', '--all', 'q=1', '--resource-version=1']).stderr).toBe('error: --resource-version may only be used with a single resource\n');
    } finally {
      c.cleanup();
    }
  });
});

describe('kubectl annotate --local (literal kubectl 1.32.4 output)', () => {
  const local = (args: string[]) => runOnce(['annotate', '--local', ...args], work);

  it('works on the file and uses rsrc.yaml in its usage errors', () => {
    expect(local(['-f', 'pod.yaml', 'x=a=b', '-o', 'jsonpath={.metadata.annotations}']).stdout).toBe('{"a":"b","x":"a=b"}');
    expect(local(['-f', 'pod.yaml', 'a-'])).toEqual({ stdout: 'pod/x annotated\n', stderr: '', code: 0 });
    expect(local(['pod', 'x', 'a=b']).stderr).toBe('error: can only use local files by -f rsrc.yaml or --filename=rsrc.json when --local=true is set\n');
    expect(local(['a=b']).stderr).toBe('error: one or more files must be specified as -f rsrc.yaml or --filename=rsrc.json\n');
  });
});

const ORACLE_CASES: string[][] = [
  ['-f', 'pod.yaml', 'a=z'],
  ['-f', 'web.yaml', 'a=b'],
  ['-f', 'web.yaml', 'a-'],
  ['-f', 'web.yaml', 'e-'],
  ['-f', 'web.yaml', 'a-', '--overwrite'],
  ['-f', 'web.yaml', 'a=z', '--overwrite', '-o', 'yaml'],
  ['-f', 'web.yaml'],
  ['-f', 'web.yaml', 'a=b', 'a-'],
  ['-f', 'web.yaml', 'x=a=b', '-o', 'json'],
  ['-f', 'web.yaml', 'Bad!!=v', '-o', 'yaml'],
  ['-f', 'web.yaml', 'x', '-o', 'yaml'],
  ['-f', 'web.yaml', 'x=', '-o', 'yaml'],
  ['-f', 'web.yaml', '--list'],
  ['-f', 'web.yaml', 'q=1', '--list'],
  ['-f', 'web.yaml', '--list', '-o', 'name'],
  ['-f', 'pod.yaml', '-f', 'web.yaml', 'q=1', '--dry-run=client'],
  ['-f', 'pod.yaml', '-f', 'web.yaml', 'a=z'],
  ['-f', 'pod.yaml', 'q=1', '--dry-run=server'],
  ['-f', 'pod.yaml', 'q=1', '-o', 'name'],
  ['-f', 'pod.yaml', 'q=1', 'z'],
  ['-f', 'pod.yaml', 'q=1', '--resource-version=9', '-o', 'yaml'],
];

if (HAS_KUBECTL) {
  describe('kubectl annotate --local matches the real kubectl', () => {
    for (const args of ORACLE_CASES) {
      it(`annotate --local ${args.join(' ')}`, () => expectSameAsKubectl(['annotate', '--local', ...args], work));
    }
  });
}
