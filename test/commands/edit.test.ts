import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, stateBytes, tempStateDir, type CliResult } from '../helpers/cli.js';

/**
 * `kubectl edit` through the built CLI, with scripted editors: the sed one-liner demos use, `true`
 * (no change), editors that break the object, empty it, or record what they were given. Texts follow
 * kubectl 1.32's editoptions.go.
 */

const work = mkdtempSync(join(tmpdir(), 'kubesim-edit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const svc = (name: string) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  type: ClusterIP
  ports:
  - port: 80
    targetPort: 80
  selector:
    app: ${name}
`;
writeFileSync(join(work, 'svc.yaml'), svc('my-nginx'));
writeFileSync(join(work, 'ab.yaml'), `${svc('a')}---\n${svc('b')}`);

/** Editor scripts: each appends what it was given to $LOG (with a separator), then edits the file. */
function script(name: string, body: string): string {
  const p = join(work, name);
  writeFileSync(p, `#!/bin/sh\nprintf '%s\\n' "$1" >> "$LOG.names"\ncat "$1" >> "$LOG"\necho '=====' >> "$LOG"\n${body}\n`);
  chmodSync(p, 0o755);
  return p;
}
const TO_LB = script('to-lb.sh', `sed -i 's/type: ClusterIP/type: LoadBalancer/' "$1"`);
const TO_FOO = script('to-foo.sh', `sed -i 's/type: ClusterIP/type: Foo/' "$1"`);
const BREAK_YAML = script('break-yaml.sh', `sed -i 's/^kind: Service$/kind: Service: broken/' "$1"`);
const ONLY_MY_NGINX = script('only-my-nginx.sh', `sed -i '/name: my-nginx$/,/type:/s/type: ClusterIP/type: NodePort/' "$1"`);
const RECORD = script('record.sh', ':');

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

/** A fresh cluster with the ClusterIP services my-nginx, a and b, a private TMPDIR and an editor log. */
function cluster() {
  const s = tempStateDir();
  const tmp = mkdtempSync(join(work, 'tmp-'));
  const log = join(tmp, '..', `${tmp.split('/').pop()}.log`);
  const run = (args: string[], env: Record<string, string> = {}): CliResult => runCli(args, { stateDir: s.dir, cwd: work, env: { TMPDIR: tmp, LOG: log, KUBE_EDITOR: '', EDITOR: '', ...env } });
  const r = run(['apply', '-f', 'svc.yaml', '-f', 'ab.yaml']);
  if (r.code !== 0) throw new Error(`setup failed: ${r.stderr}`);
  return {
    dir: s.dir,
    tmp,
    run,
    /** What the editor was given, one entry per launch. */
    seen: () => (existsSync(log) ? readFileSync(log, 'utf8').split('=====\n').slice(0, -1) : []),
    names: () => (existsSync(`${log}.names`) ? readFileSync(`${log}.names`, 'utf8').trim().split('\n') : []),
    type: (name: string) => run(['get', 'svc', name, '-o', 'jsonpath={.spec.type}']).stdout,
    cleanup: s.cleanup,
  };
}

describe('kubectl edit', () => {
  it('applies a scripted sed edit (KUBE_EDITOR with quotes runs through the shell)', () => {
    const c = cluster();
    try {
      const r = c.run(['edit', 'svc', 'my-nginx'], { KUBE_EDITOR: "sed -i 's/type: ClusterIP/type: LoadBalancer/'" });
      expect(r).toEqual({ stdout: 'service/my-nginx edited\n', stderr: '', code: 0 });
      expect(c.run(['get', 'svc', 'my-nginx', '-o', 'jsonpath={.spec.type} {.spec.ports[0].nodePort}']).stdout).toMatch(/^LoadBalancer 3\d{4}$/);
      // The temporary file is removed after a successful edit.
      expect(readdirSync(c.tmp)).toEqual([]);
    } finally {
      c.cleanup();
    }
  });

  it('writes the object with kubectl\'s header to $TMPDIR/kubectl-edit-<digits>.yaml', () => {
    const c = cluster();
    try {
      expect(c.run(['edit', 'svc/my-nginx'], { KUBE_EDITOR: TO_LB }).stdout).toBe('service/my-nginx edited\n');
      const [file] = c.names();
      expect(file).toMatch(new RegExp(`^${c.tmp}/kubectl-edit-\\d+\\.yaml$`));
      const [text] = c.seen();
      expect(text.startsWith(`${HEADER}apiVersion: v1\nkind: Service\nmetadata:\n`)).toBe(true);
      expect(text).toContain('\nspec:\n');
      expect(text).toContain('  type: ClusterIP\n');
      expect(text).toContain('  name: my-nginx\n  namespace: default\n');
    } finally {
      c.cleanup();
    }
  });

  it('cancels when nothing changed (KUBE_EDITOR=true), leaving the state untouched', () => {
    const c = cluster();
    try {
      const before = stateBytes(c.dir);
      expect(c.run(['edit', 'svc', 'my-nginx'], { KUBE_EDITOR: 'true' })).toEqual({ stdout: '', stderr: 'Edit cancelled, no changes made.\n', code: 0 });
      expect(stateBytes(c.dir)).toBe(before);
      expect(readdirSync(c.tmp)).toEqual([]);
    } finally {
      c.cleanup();
    }
  });

  it('uses $EDITOR when KUBE_EDITOR is unset, splitting a value without quotes on spaces', () => {
    const c = cluster();
    try {
      const before = stateBytes(c.dir);
      expect(c.run(['edit', 'svc', 'my-nginx'], { EDITOR: 'sed -i d' })).toEqual({ stdout: '', stderr: 'Edit cancelled, saved file was empty.\n', code: 0 });
      expect(stateBytes(c.dir)).toBe(before);
    } finally {
      c.cleanup();
    }
  });

  it('reopens an invalid edit with the reasons, then gives up when it is saved unchanged', () => {
    const c = cluster();
    try {
      const before = stateBytes(c.dir);
      const r = c.run(['edit', 'svc', 'my-nginx'], { KUBE_EDITOR: TO_FOO });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      const m = /^error: services "my-nginx" is invalid\nA copy of your changes has been stored to "(.*)"\nerror: Edit cancelled, no valid changes were saved\.\n$/.exec(r.stderr);
      expect(m, r.stderr).not.toBeNull();
      expect(m![1]).toMatch(new RegExp(`^${c.tmp}/kubectl-edit-\\d+\\.yaml$`));
      expect(stateBytes(c.dir)).toBe(before);
      expect(c.type('my-nginx')).toBe('ClusterIP');
      // The second launch shows the failure in the header above the user's (comment-free) text.
      const [, second] = c.seen();
      const reasons = `# services "my-nginx" was not valid:\n# * spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"\n#\n`;
      expect(second.startsWith(`${HEADER}${reasons}apiVersion: v1\n`)).toBe(true);
      expect(second).toContain('  type: Foo\n');
      // The preserved copy is what was saved last.
      expect(readFileSync(m![1], 'utf8')).toBe(second);
    } finally {
      c.cleanup();
    }
  });

  it('reopens a file with a syntax error, without printing anything until it gives up', () => {
    const c = cluster();
    try {
      const before = stateBytes(c.dir);
      const r = c.run(['edit', 'svc', 'my-nginx'], { KUBE_EDITOR: BREAK_YAML });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^A copy of your changes has been stored to ".*\/kubectl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved\.\n$/);
      const [, second] = c.seen();
      expect(second.startsWith(`${HEADER}# The edited file had a syntax error: error parsing edited-file: error converting YAML to JSON: yaml: line `)).toBe(true);
      expect(stateBytes(c.dir)).toBe(before);
    } finally {
      c.cleanup();
    }
  });

  it('edits several objects as one List; unchanged ones are "skipped"', () => {
    const c = cluster();
    try {
      expect(c.run(['edit', 'svc', 'a', 'b'], { KUBE_EDITOR: TO_LB })).toEqual({ stdout: 'service/a edited\nservice/b edited\n', stderr: '', code: 0 });
      const [list] = c.seen();
      expect(list.startsWith(`${HEADER}apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Service\n`)).toBe(true);
      expect(list.endsWith('kind: List\nmetadata: {}\n')).toBe(true);
      expect([c.type('a'), c.type('b')]).toEqual(['LoadBalancer', 'LoadBalancer']);
      expect(c.run(['edit', 'svc', 'a', 'b', 'my-nginx'], { KUBE_EDITOR: ONLY_MY_NGINX }).stdout).toBe('service/a skipped\nservice/b skipped\nservice/my-nginx edited\n');
      expect(c.type('my-nginx')).toBe('NodePort');
    } finally {
      c.cleanup();
    }
  });

  it('prints the patch with --output-patch and the object with -o', () => {
    const c = cluster();
    try {
      expect(c.run(['edit', 'svc', 'my-nginx', '--output-patch'], { KUBE_EDITOR: TO_LB })).toEqual({
        stdout: 'Patch: {"spec":{"type":"LoadBalancer"}}\nservice/my-nginx edited\n',
        stderr: '',
        code: 0,
      });
      const y = c.run(['edit', 'svc', 'a', '-o', 'yaml'], { KUBE_EDITOR: TO_LB });
      expect(y.stdout).toMatch(/^apiVersion: v1\nkind: Service\n/);
      expect(y.stdout).toContain('  type: LoadBalancer\n');
      // Only json and yaml can be edited; kubectl reports other -o values from its editor printer.
      expect(c.run(['edit', 'svc', 'b', '-o', 'jsonpath={.spec.type}'], { KUBE_EDITOR: TO_LB })).toEqual({
        stdout: '',
        stderr: 'error: unable to match a printer suitable for the output format "jsonpath={.spec.type}", allowed formats are: json,yaml\n',
        code: 1,
      });
    } finally {
      c.cleanup();
    }
  });

  it('edits JSON without a header when asked for -o json', () => {
    const c = cluster();
    try {
      expect(c.run(['edit', 'svc', 'my-nginx', '-o', 'json'], { KUBE_EDITOR: RECORD }).stderr).toBe('Edit cancelled, no changes made.\n');
      expect(c.names()[0]).toMatch(/\/kubectl-edit-\d+\.json$/);
      expect(c.seen()[0].startsWith('{\n    "apiVersion": "v1",\n    "kind": "Service",\n')).toBe(true);
    } finally {
      c.cleanup();
    }
  });

  it('writes CRLF line endings with --windows-line-endings', () => {
    const c = cluster();
    try {
      expect(c.run(['edit', 'svc', 'my-nginx', '--windows-line-endings'], { KUBE_EDITOR: RECORD }).stderr).toBe('Edit cancelled, no changes made.\n');
      expect(c.seen()[0].startsWith("# Please edit the object below. Lines beginning with a '#' will be ignored,\r\n")).toBe(true);
    } finally {
      c.cleanup();
    }
  });

  it('fails cleanly on a missing object, a missing editor and a failing editor', () => {
    const c = cluster();
    try {
      const before = stateBytes(c.dir);
      expect(c.run(['edit', 'svc', 'nope'], { KUBE_EDITOR: TO_LB })).toEqual({ stdout: '', stderr: 'Error from server (NotFound): services "nope" not found\n', code: 1 });
      expect(c.run(['edit', 'svc', 'my-nginx'], { KUBE_EDITOR: 'no-such-editor-xyz' })).toEqual({ stdout: '', stderr: 'error: unable to launch the editor "no-such-editor-xyz"\n', code: 1 });
      expect(c.run(['edit', 'svc', 'my-nginx'], { KUBE_EDITOR: 'false' })).toEqual({ stdout: '', stderr: 'error: there was a problem with the editor "false"\n', code: 1 });
      expect(c.run(['edit'], { KUBE_EDITOR: TO_LB }).stderr).toBe(
        "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
      );
      expect(stateBytes(c.dir)).toBe(before);
    } finally {
      c.cleanup();
    }
  });

  it('edits the objects named in a file', () => {
    const c = cluster();
    try {
      expect(c.run(['edit', '-f', 'ab.yaml'], { KUBE_EDITOR: TO_LB }).stdout).toBe('service/a edited\nservice/b edited\n');
    } finally {
      c.cleanup();
    }
  });
});
