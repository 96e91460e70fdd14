import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/api/types.js';
import { execInContainer } from '../../../src/runtime/exec.js';
import { deliveredChunks } from '../../../src/runtime/shell/stdio.js';
import { CURLIMG, SLEEP, exec, profile, snapshot } from './cluster.js';

/** As `kubectl exec -t`: the process's stdout is a terminal. */
const onTerminal = (p: KubeObject, argv: string[]) =>
  execInContainer({ snapshot, profile, pod: p, container: p.spec.containers[0], record: undefined, containers: {}, now: Date.UTC(2025, 0, 1), seed: 7, argv, stdin: '', tty: true });

const shape = (chunks: Array<{ fd: 1 | 2; text: string }> | undefined) => (chunks ?? []).map((c) => c.fd);

describe('curl writes its two streams in time order', () => {
  for (const [label, p] of [['7.79', SLEEP], ['8.x', CURLIMG]] as const) {
    it(`curl ${label} -v: the trace before the body, "left intact" after it`, async () => {
      const r = await onTerminal(p, ['curl', '-sv', 'http://whoami']);
      expect(r.exitCode).toBe(0);
      expect(shape(r.chunks)).toEqual([2, 1, 2]);
      const [before, body, after] = r.chunks!;
      expect(before.text).toMatch(/^\* /);
      expect(before.text).toContain('< HTTP/1.1 200 OK\r\n');
      expect(body.text).toMatch(/^Hostname: whoami/);
      expect(after.text).toBe('* Connection #0 to host whoami left intact\n');
      // The chunks are the two streams, cut up: nothing added or lost.
      expect(r.chunks!.filter((c) => c.fd === 1).map((c) => c.text).join('')).toBe(r.stdout);
      expect(r.chunks!.filter((c) => c.fd === 2).map((c) => c.text).join('')).toBe(r.stderr);
      expect(r.output).toBe(before.text + body.text + after.text);
    });
  }
  it('the progress meter: header and first row before the body, the final row after', async () => {
    const r = await onTerminal(SLEEP, ['curl', 'http://web']);
    expect(shape(r.chunks)).toEqual([2, 1, 2]);
    expect(r.chunks![0].text).toMatch(/^  % Total .*\n .*Dload  Upload .*\n\r  0     0 .*     0$/);
    expect(r.chunks![1].text).toMatch(/^<!DOCTYPE html>/);
    expect(r.chunks![2].text).toMatch(/^\r100   615  100   615 .*\n$/);
  });
  it('an error comes after the meter; -w text after the error', async () => {
    const r = await onTerminal(SLEEP, ['curl', '-S', '-w', '[%{http_code}]', 'http://empty']);
    expect(r.exitCode).toBe(7);
    expect(shape(r.chunks)).toEqual([2, 1]);
    expect(r.chunks![0].text).toMatch(/^  % Total [\s\S]*curl: \(7\) Failed to connect to empty port 80 after \d+ ms: Connection refused\n$/);
    expect(r.chunks![1].text).toBe('[000]');
  });
});

describe('what reaches a reader of both streams', () => {
  it('to a pipe (kubectl exec without -t) stdio holds stdout back until curl exits', async () => {
    const r = await exec(SLEEP, ['curl', '-sv', 'http://whoami']);
    expect(shape(r.chunks)).toEqual([2, 1]);
    expect(r.chunks![0].text).toMatch(/left intact\n$/);
    expect(r.chunks![1].text).toBe(r.stdout);
  });
  it('a program without an order keeps stdout, then stderr', () => {
    expect(deliveredChunks({ stdout: 'o', stderr: 'e' }, true)).toEqual([{ fd: 1, text: 'o' }, { fd: 2, text: 'e' }]);
    expect(deliveredChunks({ stdout: '', stderr: 'e', chunks: [{ fd: 2, text: 'e' }] }, false)).toEqual([{ fd: 2, text: 'e' }]);
  });
  it('in a shell on a terminal, 2>&1 shows the interleaving; a pipe gets stdout only', async () => {
    const r = await onTerminal(SLEEP, ['sh', '-c', 'curl -sv http://whoami 2>&1; curl -sv http://whoami | grep -c Hostname']);
    const first = r.stdout.split('* Connection #0 to host whoami left intact\n')[0];
    expect(first).toMatch(/< \r\n\{ \[\d+ bytes data\]\nHostname: whoami\n[\s\S]*\n$/);
    // The second curl's trace went to the terminal's stderr, its body through grep.
    expect(r.stdout.endsWith('left intact\n1\n')).toBe(true);
    expect(r.stderr).toMatch(/^\*   Trying 10\.96\.0\.20:80\.\.\.\n[\s\S]*left intact\n$/);
    expect(r.output).toMatch(/Hostname: whoami[\s\S]*left intact\n\*   Trying[\s\S]*left intact\n1\n$/);
  });
  it('in a shell whose stdout is a file, 2>&1 puts the body after the trace', async () => {
    const r = await exec(SLEEP, ['sh', '-c', 'curl -sv http://whoami > /tmp/out 2>&1; cat /tmp/out']);
    expect(r.stdout).toMatch(/^\*   Trying[\s\S]*left intact\nHostname: whoami\n/);
  });
  it('sh -c inside sh -c keeps the inner shell\'s order', async () => {
    const r = await onTerminal(SLEEP, ['sh', '-c', `sh -c 'curl -sv http://whoami' 2>&1`]);
    expect(r.stdout).toMatch(/\{ \[\d+ bytes data\]\nHostname: whoami\n[\s\S]*\n\* Connection #0 to host whoami left intact\n$/);
  });
});
