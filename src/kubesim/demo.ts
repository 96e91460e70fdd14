import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { projectRoot } from '../util/project-root.js';
import type { KubesimCommand } from './run.js';
import type { IO } from '../cli/io.js';
import { runKubectl } from '../cli/run.js';
import { CliError } from '../errors.js';
import { splitWords } from '../util/words.js';
import { DEFAULT_FROZEN_AT } from '../util/clock.js';
import { parseWalkthrough } from '../lab/parse.js';

const specsDir = () => join(projectRoot(), 'specs');

/** The commands of a walkthrough, as the lab runner reads them. */
export function walkthroughCommands(markdown: string): string[] {
  return parseWalkthrough(markdown).map((s) => s.command);
}

/**
 * `kubesim demo [FILE.md]`: replays a walkthrough against a fresh embedded cluster (a temporary state
 * directory, seed 1) from the specs/ directory, printing each command and what it printed. `kubesim lab
 * run` also checks the documented output.
 */
export const command: KubesimCommand = {
  path: 'demo',
  short: 'Replay a walkthrough (default: the courselabs Services lab) on a fresh embedded cluster',
  usage: 'demo [FILE.md] [--profile P]',
  flags: [{ name: 'profile', type: 'string', default: 'docker-desktop', description: 'The cluster profile to replay on.' }],
  async run(args, f, _given, o) {
    const file = args[0] ? resolve(o.cwd, args[0]) : join(specsDir(), 'walkthroughs', 'courselabs-services.md');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new CliError(`the walkthrough "${args[0] ?? file}" cannot be read`);
    }
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-demo-'));
    // Like the lab runner: a seed and a fixed clock, so the replay is the same every time and nothing
    // waits for real (deleting the sleep pod would otherwise take its 30-second grace period).
    // The demo skips host-side steps (curl localhost:…), so it opens no host ports: no agent.
    const env = { ...o.env, KUBESIM_AGENT: 'off', KUBESIM_STATE_DIR: dir, KUBESIM_SEED: o.env.KUBESIM_SEED ?? '1', KUBESIM_NOW: o.env.KUBESIM_NOW || DEFAULT_FROZEN_AT, KUBESIM_PROFILE: f.profile as string };
    let failures = 0;
    try {
      for (const step of parseWalkthrough(text)) {
        const cmd = step.command;
        o.io.out.write(`$ ${cmd}\n`);
        // A step marked `# this_will_fail` / `# this_could_fail` may fail; the marker is not an argument.
        const words = splitWords(cmd.replace(/\s+#\s*this_(will|could)_fail\s*$/, ''));
        if (words[0] !== 'kubectl') {
          o.io.out.write(`(skipped: kubesim's demo only runs kubectl commands)\n\n`);
          continue;
        }
        const code = await runKubectl(words.slice(1), { io: demoIO(o.io), env, cwd: specsDir() });
        if (code !== 0 && !step.marker) failures++;
        o.io.out.write('\n');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return failures ? 1 : 0;
  },
};

/** Demo output goes to one stream in order, as a terminal shows it. */
function demoIO(io: IO): IO {
  return { ...io, err: io.out, readStdin: async () => '' };
}
