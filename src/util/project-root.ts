import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The kubesim package root (where package.json, bin/, specs/ and state/ live), found by walking up from
 * this module, so it holds however the code is bundled or installed.
 */
export function projectRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && /"name":\s*"kubesim"/.test(readFileSync(pkg, 'utf8'))) return (cached = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the kubesim package root');
    dir = up;
  }
}
