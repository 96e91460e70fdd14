import type { FlagSpec, ParsedArgs } from './flags.js';
import type { IO } from './io.js';
import type { Session } from '../cluster/session.js';

/** Everything a command's run function gets. */
export interface CommandContext {
  io: IO;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** `kubectl get`, `kubectl create deployment` — used in usage errors and help. */
  path: string;
  parsed: ParsedArgs;
  /** Opens (once) the locked cluster session. */
  session(): Promise<Session>;
  /** The namespace from -n, else the context's (`default`). */
  namespace: string;
  /** True when -n/--namespace was given. */
  namespaceGiven: boolean;
}

export interface CommandSpec {
  name: string;
  aliases?: string[];
  /** One line, shown in the parent's command list. */
  short: string;
  /** Paragraphs shown at the top of --help. */
  long?: string;
  /** `# comment` + command pairs. */
  examples?: string;
  /** The usage line after `kubectl `. */
  usage: string;
  flags?: FlagSpec[];
  /** When false, flags after the first positional argument are arguments (cobra SetInterspersed(false)). */
  interspersed?: boolean;
  /** Subcommands, loaded on demand. */
  subcommands?: Array<{ name: string; aliases?: string[]; short: string; load: () => Promise<CommandSpec> }>;
  run?(ctx: CommandContext): Promise<void>;
  /** The command never writes: its session skips loading the write path when the cluster is settled. */
  readOnly?: boolean;
}
