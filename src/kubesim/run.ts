import type { IO } from '../cli/io.js';
import { parseFlags, formatFlagHelp, type FlagSpec } from '../cli/flags.js';
import { formatError } from '../cli/format-error.js';
import { CliError } from '../errors.js';

export interface KubesimCommand {
  path: string;
  short: string;
  usage: string;
  flags: FlagSpec[];
  run(args: string[], flags: Record<string, unknown>, given: Set<string>, o: { io: IO; env: NodeJS.ProcessEnv; cwd: string }): Promise<number | void>;
}

const help: FlagSpec = { name: 'help', short: 'h', type: 'bool', description: 'help for this command' };

async function commands(): Promise<KubesimCommand[]> {
  const [cluster, env, demo, agent, nodeSsh, lab] = await Promise.all([import('./cluster.js'), import('./env.js'), import('./demo.js'), import('./agent.js'), import('./node-ssh.js'), import('./lab.js')]);
  return [...cluster.commands, ...agent.commands, nodeSsh.command, lab.command, env.command, demo.command];
}

function overview(cmds: KubesimCommand[]): string {
  let s = 'kubesim runs a simulated Kubernetes cluster in a local JSON file for kubesim\'s kubectl.\n\nCommands:\n';
  const w = Math.max(...cmds.map((c) => c.path.length)) + 3;
  for (const c of cmds) s += `  ${c.path.padEnd(w)}${c.short}\n`;
  s += '\nUsage:\n  kubesim <command> [options]\n\nUse "kubesim <command> --help" for more information about a command.\n';
  return s;
}

/** `kubesim …`: the commands that are not kubectl's (cluster lifecycle, environment, demo). */
export async function runKubesim(argv: string[], o: { io: IO; env: NodeJS.ProcessEnv; cwd: string }): Promise<number> {
  try {
    const cmds = await commands();
    const positional = argv.filter((a) => !a.startsWith('-'));
    const cmd = cmds
      .filter((c) => c.path.split(' ').every((w, i) => positional[i] === w))
      .sort((a, b) => b.path.split(' ').length - a.path.split(' ').length)[0];
    if (!cmd) {
      if (argv.length === 0 || argv.includes('-h') || argv.includes('--help')) {
        o.io.out.write(overview(cmds));
        return 0;
      }
      throw new CliError(`unknown command "${positional.join(' ')}" for "kubesim"; run 'kubesim --help' for the list`);
    }
    const words = cmd.path.split(' ').length;
    let skipped = 0;
    const rest = argv.filter((a) => (a.startsWith('-') || skipped++ >= words));
    const parsed = parseFlags(rest, [...cmd.flags, help], `kubesim ${cmd.path}`);
    if (parsed.flags.help) {
      o.io.out.write(`${cmd.short}\n\n${cmd.flags.length ? `Options:\n${cmd.flags.map(formatFlagHelp).join('\n')}\n` : ''}Usage:\n  kubesim ${cmd.usage}\n`);
      return 0;
    }
    return (await cmd.run([...parsed.args, ...(parsed.afterDash ?? [])], parsed.flags, parsed.given, o)) ?? 0;
  } catch (err) {
    const { text, exitCode } = formatError(err, o.env.KUBESIM_DEBUG === '1');
    o.io.err.write(text);
    return exitCode;
  }
}
