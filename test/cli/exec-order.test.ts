import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KUBECTL, ROOT, runCli, tempStateDir, testEnv } from '../helpers/cli.js';

/**
 * kubectl's stdout and stderr on ONE file, as `kubectl exec … 2>&1 > out` leaves them: the order the
 * lines land in is the order kubectl wrote them.
 */
let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = tempStateDir());
  for (const cmd of ['create deployment whoami --image=sixeyed/whoami:21.04', 'expose deployment whoami --port=80', 'apply -f labs/services/specs/pods/sleep.yaml']) {
    expect(runCli(cmd.split(' '), { stateDir: dir, cwd: join(ROOT, 'specs') }).code).toBe(0);
  }
});
afterAll(() => cleanup());

function bothStreams(args: string[]): { text: string; code: number } {
  const file = join(dir, 'both.out');
  const fd = openSync(file, 'w');
  try {
    const r = spawnSync(process.execPath, [KUBECTL, ...args], { cwd: ROOT, env: testEnv(dir), stdio: ['pipe', fd, fd] });
    return { text: readFileSync(file, 'utf8'), code: r.status ?? -1 };
  } finally {
    closeSync(fd);
  }
}

describe('kubectl exec with stdout and stderr on the same file', () => {
  it('curl -v without a terminal: the trace and "left intact" arrive before the body curl\'s stdio held back', () => {
    const { text, code } = bothStreams(['exec', 'sleep', '--', 'curl', '-v', '-s', 'http://whoami']);
    expect(code).toBe(0);
    expect(text).toMatch(/^\*   Trying [\d.]+:80\.\.\.\n[\s\S]*< HTTP\/1\.1 200 OK\r\n[\s\S]*\* Connection #0 to host whoami left intact\nHostname: whoami-[\s\S]*\n$/);
  });
  it('sh -c with 2>&1 inside the pod gives the same order on stdout alone', () => {
    const { text } = bothStreams(['exec', 'sleep', '--', 'sh', '-c', 'curl -v -s http://whoami 2>&1']);
    expect(text.indexOf('left intact')).toBeGreaterThan(0);
    expect(text.indexOf('left intact')).toBeLessThan(text.indexOf('Hostname: whoami'));
  });
  it('an error message comes before the -w text, and kubectl\'s exit notice last', () => {
    const { text, code } = bothStreams(['exec', 'sleep', '--', 'curl', '-sS', '-m', '1', '-w', '[%{http_code}]\\n', 'http://whoami:8080']);
    expect(code).toBe(28);
    expect(text).toMatch(/^curl: \(28\) Connection timed out after 1001 milliseconds\n\[000\]\ncommand terminated with exit code 28\n$/);
  });
});
