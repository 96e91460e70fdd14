import { processIO } from './main.js';
import { runKubesim } from './kubesim/run.js';

export async function kubesimMain(argv: string[]): Promise<void> {
  process.exitCode = await runKubesim(argv, { io: processIO(), env: process.env, cwd: process.cwd() });
}
