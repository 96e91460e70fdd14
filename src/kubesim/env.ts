import { join } from 'node:path';
import { projectRoot } from '../util/project-root.js';
import type { KubesimCommand } from './run.js';

/** bin/path holds a `kubectl` shim; putting it first on PATH makes a shell's `kubectl` kubesim's. */
export function shimDir(): string {
  return join(projectRoot(), 'bin', 'path');
}

function quote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export const command: KubesimCommand = {
  path: 'env',
  short: "Print shell code that puts kubesim's kubectl first on PATH: eval \"$(kubesim env)\"",
  usage: 'env [--unset]',
  flags: [{ name: 'unset', type: 'bool', description: "Print code that removes kubesim's kubectl from PATH again." }],
  async run(_args, f, _given, o) {
    const dir = shimDir();
    if (f.unset) {
      o.io.out.write(`export PATH="$(printf '%s' "$PATH" | tr ':' '\\n' | grep -vxF ${quote(dir)} | paste -sd: -)"\n`);
      return;
    }
    o.io.out.write(`export PATH=${quote(dir)}:"$PATH"\n# kubesim: 'kubectl' in this shell now runs kubesim's kubectl.\n# Run this command to configure your shell:\n# eval "$(kubesim env)"\n`);
  },
};
