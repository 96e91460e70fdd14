import { afterAll, describe, expect, it } from 'vitest';
import { runCli, stateBytes, tempStateDir } from '../helpers/cli.js';

/** Which pod `exec TYPE/NAME` reaches: kubectl's pick among the workload's pods, or its timeout. */
describe('exec through a workload or service', () => {
  const { dir, cleanup } = tempStateDir();
  afterAll(cleanup);
  const k = (...args: string[]) => runCli(args, { stateDir: dir });

  it('picks a running pod of the deployment or the service, and none gives the timeout', () => {
    expect(k('create', 'deployment', 'web', '--image=nginx', '--replicas=2').code).toBe(0);
    expect(k('expose', 'deployment', 'web', '--port=80').code).toBe(0);
    const pods = k('get', 'pods', '-l', 'app=web', '-o', 'jsonpath={.items[*].metadata.name}').stdout.split(' ');
    expect(pods).toHaveLength(2);
    expect(pods).toContain(k('exec', 'deploy/web', '--', 'hostname').stdout.trim());
    expect(pods).toContain(k('exec', 'svc/web', '--', 'hostname').stdout.trim());
    expect(k('scale', 'deployment', 'web', '--replicas=0').code).toBe(0);
    const before = stateBytes(dir);
    expect(k('exec', 'deploy/web', '--', 'hostname')).toMatchObject({ code: 1, stdout: '', stderr: 'error: timed out waiting for the condition\n' });
    expect(stateBytes(dir)).toBe(before);
  });
});
