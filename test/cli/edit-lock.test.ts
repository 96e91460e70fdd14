import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KUBECTL, runCli, tempStateDir } from '../helpers/cli.js';

const t = tempStateDir();
afterAll(t.cleanup);

describe('kubectl edit and the lock', () => {
  it('lets other commands write while the editor is open, and still applies the edit', () => {
    runCli(['create', 'configmap', 'game', '--from-literal=lives=3'], { stateDir: t.dir });
    // The "editor" runs another kubectl (which needs the lock) before changing the file.
    const editor = join(t.dir, 'editor.sh');
    writeFileSync(editor, `#!/bin/sh\n"${process.execPath}" "${KUBECTL}" create configmap other --from-literal=a=b >/dev/null || exit 1\nsed -i 's/lives: "3"/lives: "5"/' "$1"\n`, { mode: 0o755 });
    const r = runCli(['edit', 'configmap', 'game'], { stateDir: t.dir, env: { KUBE_EDITOR: editor } });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('configmap/game edited\n');
    expect(runCli(['get', 'cm', 'game', '-o', 'jsonpath={.data.lives}'], { stateDir: t.dir }).stdout).toBe('5');
    expect(runCli(['get', 'cm', 'other', '-o', 'name'], { stateDir: t.dir }).stdout).toBe('configmap/other\n');
  });
});
