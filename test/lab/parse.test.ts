import { describe, expect, it } from 'vitest';
import { isInteractive, labSettings, parseWalkthrough, promptText } from '../../src/lab/parse.js';
import { ShellReader } from '../../src/lab/shell-syntax.js';

const md = (...lines: string[]) => lines.join('\n');

describe('lab parser: blocks', () => {
  it('takes bash, sh, shell, console and unlabelled fences, and skips others', () => {
    const steps = parseWalkthrough(md('Prose', '```bash', 'echo a', '```', '```yaml', 'kind: Pod', '```', '```', 'echo b', '```', '```sh', 'echo c', '```', '```shell', 'echo d', '```', '```text', 'echo no', '```'));
    expect(steps.map((s) => s.command)).toEqual(['echo a', 'echo b', 'echo c', 'echo d']);
    expect(steps.map((s) => s.line)).toEqual([3, 9, 12, 15]);
    expect(steps.every((s) => s.expected === undefined)).toBe(true);
  });

  it('plain blocks: blank lines and comments separate commands', () => {
    const steps = parseWalkthrough(md('```bash', '# a comment', 'kubectl get pods', '', 'kubectl get svc   # trailing', '```'));
    expect(steps.map((s) => [s.line, s.command])).toEqual([[3, 'kubectl get pods'], [5, 'kubectl get svc   # trailing']]);
  });

  it('$ blocks: the lines under a command are its output, trailing blank lines dropped', () => {
    const text = md('```console', '$ kubectl get ns', 'NAME      STATUS', 'default   Active', '', '$ true', '$ echo x', 'x', '```');
    const steps = parseWalkthrough(text);
    expect(steps.map((s) => s.command)).toEqual(['kubectl get ns', 'true', 'echo x']);
    expect(steps[0].expected).toEqual(['NAME      STATUS', 'default   Active']);
    expect(steps[0].output).toEqual({ start: 2, end: 4, indent: '' });
    expect(steps[1].expected).toEqual([]);
    expect(steps[1].output).toEqual({ start: 6, end: 6, indent: '' });
    expect(steps[2].expected).toEqual(['x']);
  });

  it('keeps an indented fence (inside a list) and records the indent for --update', () => {
    const steps = parseWalkthrough(md('1. Run:', '   ```console', '   $ echo hi', '   hi', '   ```'));
    expect(steps[0].command).toBe('echo hi');
    expect(steps[0].expected).toEqual(['hi']);
    expect(steps[0].output).toEqual({ start: 3, end: 4, indent: '   ' });
  });
});

describe('lab parser: continuations', () => {
  it('joins backslash continuations, open quotes and trailing pipes', () => {
    const steps = parseWalkthrough(md('```bash', 'kubectl create deployment web \\', '  --image=nginx', "echo 'a", "b'", 'kubectl get pods |', '  grep web', 'echo done', '```'));
    expect(steps.map((s) => s.command)).toEqual(['kubectl create deployment web \\\n  --image=nginx', "echo 'a\nb'", 'kubectl get pods |\n  grep web', 'echo done']);
  });

  it('strips `> ` continuation prompts in $ blocks', () => {
    const steps = parseWalkthrough(md('```console', '$ kubectl run x \\', '>   --image=busybox', 'pod/x created', '```'));
    expect(steps[0].command).toBe('kubectl run x \\\n  --image=busybox');
    expect(steps[0].expected).toEqual(['pod/x created']);
  });

  it('reads here-documents: <<EOF, quoted, <<- and several on one line', () => {
    const steps = parseWalkthrough(
      md('```bash', 'cat <<EOF > a.yaml', 'kind: Pod', '# not a comment', 'EOF', "cat <<'END'", '$HOME', 'END', 'cat <<-X', '\tbody', '\tX', 'cat <<A <<B', 'a', 'A', 'b', 'B', 'echo after', '```'),
    );
    expect(steps.map((s) => s.command)).toEqual(['cat <<EOF > a.yaml\nkind: Pod\n# not a comment\nEOF', "cat <<'END'\n$HOME\nEND", 'cat <<-X\n\tbody\n\tX', 'cat <<A <<B\na\nA\nb\nB', 'echo after']);
  });

  it('reads here-documents in $ blocks with > prompts', () => {
    const steps = parseWalkthrough(md('```console', '$ kubectl apply -f - <<EOF', '> kind: Namespace', '> EOF', 'namespace/x created', '```'));
    expect(steps[0].command).toBe('kubectl apply -f - <<EOF\nkind: Namespace\nEOF');
    expect(steps[0].expected).toEqual(['namespace/x created']);
  });

  it('reads compound commands to their end', () => {
    const steps = parseWalkthrough(md('```bash', 'if [ -f x ]; then', '  kubectl delete -f x', 'fi', 'for i in 1 2; do', '  echo $i', 'done', 'case a in', '  a) echo A;;', 'esac', 'f() {', '  echo f', '}', 'echo z', '```'));
    expect(steps.map((s) => s.command.split('\n').length)).toEqual([3, 3, 3, 3, 1]);
  });

  it('ShellReader: a $( … ) running over lines is incomplete until closed', () => {
    const r = new ShellReader();
    r.push('X=$(kubectl get pods \\');
    expect(r.complete()).toBe(false);
    r.push('  -o name)');
    expect(r.complete()).toBe(true);
  });
});

describe('lab parser: markers', () => {
  it('takes # this_will_fail / # this_could_fail before a command or trailing it', () => {
    const steps = parseWalkthrough(
      md('```bash', '# this_will_fail', 'kubectl get nope', 'kubectl get pods # this_could_fail', '# this_could_fail: the flag was removed', 'kubectl run x', 'kubectl get pods', '```', '```console', '$ # this_will_fail', '$ false', '$ false # this_will_fail', '```'),
    );
    expect(steps.map((s) => s.marker)).toEqual(['will', 'could', 'could', undefined, 'will', 'will']);
  });
});

describe('lab parser: interactive sessions', () => {
  it('knows interactive kubectl commands', () => {
    for (const c of ['kubectl run -it x --image=busybox -- sh', 'kubectl -n a run -i --tty lg --image=busybox /bin/sh', 'kubectl exec -ti p -- sh', 'kubectl exec --stdin --tty p -- bash', 'kubectl run -i --rm t --image=busybox -- sh'])
      expect(isInteractive(c), c).toBe(true);
    for (const c of ['kubectl run x --image=busybox', 'kubectl exec p -- sh -c "ls -i"', 'kubectl get pods', 'echo -i'])
      expect(isInteractive(c), c).toBe(false);
  });

  it('recognises shell prompts', () => {
    expect(['/ # ls', '~ # ls', '/tmp # ls', 'root@my-pod:/# ls', '~ $ ls', '[ root@curl-131556218-9fnch:/ ]$ ls'].map(promptText)).toEqual(['ls', 'ls', 'ls', 'ls', 'ls', 'ls']);
    expect(promptText('/ #')).toBe('');
    expect(promptText('NAME   READY')).toBeUndefined();
    expect(promptText('/etc/hosts')).toBeUndefined();
  });

  it('$ blocks: prompt lines under an interactive command are typed lines and output; the session ends at exit', () => {
    const steps = parseWalkthrough(
      md('```console', '$ kubectl run -i --tty lg --image=busybox -- sh', "If you don't see a command prompt, try pressing enter.", '/ # wget -q -O - 10.0.0.1', '<title>Welcome to nginx!</title>', '/ # exit', "Session ended, resume using 'kubectl attach lg -c lg -i -t' command when the pod is running", '$ kubectl get pods', 'NAME', '```'),
    );
    expect(steps).toHaveLength(2);
    expect(steps[0].interactive).toBe(true);
    expect(steps[0].typed).toEqual(['wget -q -O - 10.0.0.1', 'exit']);
    expect(steps[0].expected).toHaveLength(5);
    expect(steps[1].command).toBe('kubectl get pods');
  });

  it('$ blocks: a `$ ` session prompt counts as typed when the session exits with `$ exit`', () => {
    const steps = parseWalkthrough(md('```console', '$ kubectl exec -it p -- sh', '$ hostname', 'p', '$ exit', '$ echo next', '```'));
    expect(steps.map((s) => s.command)).toEqual(['kubectl exec -it p -- sh', 'echo next']);
    expect(steps[0].typed).toEqual(['hostname', 'exit']);
  });

  it('plain blocks: prompt lines right after an interactive command are fed to it', () => {
    const steps = parseWalkthrough(md('```bash', 'kubectl run -i --tty lg --image=busybox /bin/sh', '/ # echo hi', '/ # exit', 'kubectl get pods', '```'));
    expect(steps.map((s) => s.command)).toEqual(['kubectl run -i --tty lg --image=busybox /bin/sh', 'kubectl get pods']);
    expect(steps[0].typed).toEqual(['echo hi', 'exit']);
    expect(steps[0].expected).toBeUndefined();
  });
});

describe('lab parser: settings', () => {
  it('reads cwd and profile from a kubesim-lab HTML comment', () => {
    expect(labSettings('# T\n<!-- kubesim-lab cwd: ../docs; profile: k8s-docs -->\n')).toEqual({ cwd: '../docs', profile: 'k8s-docs' });
    expect(labSettings('<!-- kubesim-lab\nprofile: eks\n-->')).toEqual({ profile: 'eks' });
    expect(labSettings('<!-- a comment -->')).toEqual({});
    expect(labSettings('<!-- kubesim-lab profile: eks; kubectl-version: 1.17 -->')).toEqual({ profile: 'eks', kubectlVersion: '1.17' });
  });
});
