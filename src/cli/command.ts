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
  /**
   * For verbs that wait (`rollout status`, `wait`): runs `step` against a fresh session, committing in
   * between (so controllers move the cluster on as time passes), until it returns a value or
   * `timeoutMs` has passed. Time only passes with the wall clock: with a frozen clock or KUBESIM_NOW
   * there is exactly one step. Never call it while holding `session()`.
   */
  poll<T>(step: (s: Session) => T | undefined | Promise<T | undefined>, o: { timeoutMs: number; intervalMs?: number }): Promise<T | undefined>;
  /** A new session of its own (for watchers that re-read the state); the caller commits or aborts it. */
  openSession(opts?: { readOnly?: boolean }): Promise<Session>;
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
