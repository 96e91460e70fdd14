import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { projectRoot } from '../util/project-root.js';
import type { KubesimCommand } from './run.js';
import { CliError } from '../errors.js';
import { labSettings, parseWalkthrough } from '../lab/parse.js';
import { runSteps } from '../lab/runner.js';
import { shimDir } from './env.js';

const specsDir = () => join(projectRoot(), 'specs');

/**
 * `kubesim demo [FILE.md]` (`npm start`): replays a walkthrough through the lab runner — a fresh embedded
 * cluster, seed 1, a frozen clock, one bash for all steps, the host agent for `curl localhost:…` — and
 * prints each command with what it printed, as a terminal would show it. `kubesim lab run` runs the
 * same steps and also checks them against the documented output.
 */
export const command: KubesimCommand = {
  path: 'demo',
  short: 'Replay a walkthrough (default: the courselabs Services lab) on a fresh embedded cluster',
  usage: 'demo [FILE.md] [--profile P]',
  flags: [{ name: 'profile', type: 'string', default: '', description: "The cluster profile to replay on (default: the file's setting, else docker-desktop)." }],
  async run(args, f, _given, o) {
    const file = args[0] ? resolve(o.cwd, args[0]) : join(specsDir(), 'walkthroughs', 'courselabs-services.md');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new CliError(`the walkthrough "${args[0] ?? file}" cannot be read`);
    }
    const settings = labSettings(text);
    // Published ports move to a random high range (the runner's curl shim follows them), so the demo
    // never collides with what already listens on 8080 or 30010 on this machine.
    const hostPortOffset = 20000 + Math.floor(Math.random() * 10000);
    let failures = 0;
    await runSteps(
      parseWalkthrough(text),
      {
        cwd: settings.cwd ? resolve(dirname(file), settings.cwd) : specsDir(),
        env: o.env,
        seed: Number(o.env.KUBESIM_SEED ?? 1) || 1,
        realClock: false,
        profile: (f.profile as string) || settings.profile || 'docker-desktop',
        kubectlVersion: settings.kubectlVersion,
        hostPortOffset,
        stepTimeoutMs: 60_000,
        shimDir: shimDir(),
      },
      (r) => {
        o.io.out.write(`$ ${r.step.command}\n${r.run.output}${r.run.output && !r.run.output.endsWith('\n') ? '\n' : ''}\n`);
        const failed = r.run.timedOut || (r.run.status !== 0 && !r.step.marker) || (r.step.marker === 'will' && r.run.status === 0);
        if (failed) failures++;
      },
    );
    return failures ? 1 : 0;
  },
};
