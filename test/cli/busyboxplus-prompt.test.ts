import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempStateDir } from '../helpers/cli.js';

const t = tempStateDir();
afterAll(t.cleanup);

describe('radial/busyboxplus shell prompt', () => {
  it("prompts with the image's PS1 from the first line on, as the Kubernetes docs' session shows", () => {
    const r = runCli(['run', 'curl', '--image=radial/busyboxplus:curl', '-i', '--tty'], { stateDir: t.dir, stdin: 'echo hi\ncd /tmp\n', env: { KUBESIM_TRANSCRIPT: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("[ root@curl:/ ]$ echo hi\nhi\n[ root@curl:/ ]$ cd /tmp\n[ root@curl:/tmp ]$ \nSession ended, resume using 'kubectl attach curl -c curl -i -t' command when the pod is running\n");
  });
});
