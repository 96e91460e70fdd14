import type { CommandContext, CommandSpec } from './command.js';
import type { IO } from './io.js';
import { parseFlags } from './flags.js';
import { GLOBAL_FLAGS, findVerbIndex } from './global-flags.js';
import { commandHelp, rootHelp } from './help.js';
import { KUBECTL_VERBS } from './verbs.js';
import { formatError } from './format-error.js';
import { AggregateError, CliError, FlagError } from '../errors.js';
import type { Session } from '../cluster/session.js';
import { publishesNodePorts } from '../api/published-ports.js';

const HELP_FLAG = { name: 'help', short: 'h', type: 'bool' as const, description: 'help for this command', hidden: true };

/** cobra's "Did you mean this?" suggestions: commands within Levenshtein distance 2, or with the typed prefix. */
function suggestions(typed: string, names: string[]): string[] {
  const dist = (a: string, b: string) => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    return d[a.length][b.length];
  };
  return names.filter((n) => dist(typed.toLowerCase(), n) <= 2 || n.startsWith(typed.toLowerCase()));
}

function unknownCommand(typed: string, parent: string, names: string[]): CliError {
  const s = suggestions(typed, names);
  let msg = `Error: unknown command "${typed}" for "${parent}"`;
  if (s.length) msg += `\n\nDid you mean this?\n${s.map((x) => `\t${x}\n`).join('')}`;
  return new RawError(msg);
}

/** An error whose text is printed as is (cobra's own messages). */
class RawError extends CliError {}

export interface RunOptions {
  io: IO;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Runs `kubectl ARGV…` and returns the exit code. Never exits the process and never throws. */
export async function runKubectl(argv: string[], opts: RunOptions): Promise<number> {
  let session: Session | undefined;
  let sessionPromise: Promise<Session> | undefined;
  try {
    const vi = findVerbIndex(argv);
    if (vi < 0) {
      if (argv.some((a) => a === '-h' || a === '--help') || argv.length === 0) {
        opts.io.out.write(rootHelp(KUBECTL_VERBS));
        return 0;
      }
      // Only global flags: parse them for errors, then show help like kubectl.
      parseFlags(argv, [...GLOBAL_FLAGS, HELP_FLAG], 'kubectl');
      opts.io.out.write(rootHelp(KUBECTL_VERBS));
      return 0;
    }
    const verbName = argv[vi];
    const entry = KUBECTL_VERBS.find((v) => v.name === verbName || v.aliases?.includes(verbName));
    if (!entry) throw unknownCommand(verbName, 'kubectl', KUBECTL_VERBS.map((v) => v.name));
    let spec = await entry.load();
    let path = `kubectl ${spec.name}`;
    let rest = [...argv.slice(0, vi), ...argv.slice(vi + 1)];
    // Descend into subcommands: the first positional argument that names one.
    while (spec.subcommands?.length) {
      const si = findVerbIndex(rest);
      const sub = si >= 0 ? spec.subcommands.find((c) => c.name === rest[si] || c.aliases?.includes(rest[si])) : undefined;
      if (!sub) break;
      spec = await sub.load();
      path = `${path} ${spec.name}`;
      rest = [...rest.slice(0, si), ...rest.slice(si + 1)];
    }
    const parsed = parseFlags(rest, [...GLOBAL_FLAGS, ...(spec.flags ?? []), HELP_FLAG], path, { interspersed: spec.interspersed });
    if (parsed.flags.help || !spec.run) {
      if (!spec.run && !parsed.flags.help && parsed.args.length > 0 && spec.subcommands) {
        throw unknownCommand(parsed.args[0], path, spec.subcommands.map((c) => c.name));
      }
      opts.io.out.write(commandHelp(spec, path));
      return 0;
    }
    const namespace = (parsed.flags.namespace as string) || 'default';
    const ctx: CommandContext = {
      io: opts.io,
      env: opts.env,
      cwd: opts.cwd,
      path,
      parsed,
      namespace,
      namespaceGiven: parsed.given.has('namespace'),
      openSession: (o = {}) => import('../cluster/session.js').then((m) => m.openSession(opts.env, o)),
      poll: (step, o) => pollSessions(opts.env, step, o),
      session: () => {
        sessionPromise ??= import('../cluster/session.js').then((m) => m.openSession(opts.env, { readOnly: spec.readOnly })).then((s) => (session = s));
        return sessionPromise;
      },
    };
    await spec.run(ctx);
    if (session) {
      await session.commit();
      await startHostAgentIfNeeded(session, opts.env);
    }
    return 0;
  } catch (err) {
    // A multi-object verb that failed on some objects keeps what it did to the others.
    if (session && err instanceof AggregateError) {
      try {
        await session.commit();
      } catch (e) {
        err = e;
      }
    } else session?.abort();
    if (err instanceof RawError) {
      opts.io.err.write(`${err.message}\n`);
      return 1;
    }
    const { text, exitCode } = formatError(err, opts.env.KUBESIM_DEBUG === '1');
    opts.io.err.write(text);
    return exitCode;
  }
}

export type { CommandSpec, FlagError };

/**
 * A command that leaves a service publishing a port (NodePort, or LoadBalancer on a localhost profile)
 * starts the host agent, unless KUBESIM_AGENT=off. The check is a scan of the Services in memory; the
 * launcher is loaded only when one needs it.
 */
async function startHostAgentIfNeeded(session: Session, env: NodeJS.ProcessEnv): Promise<void> {
  if (env.KUBESIM_AGENT === 'off') return;
  if (!publishesNodePorts(session.store)) return;
  const [{ ensureAgent }, { stateDir }] = await Promise.all([import('../host/agent-launch.js'), import('../store/file-store.js')]);
  try {
    ensureAgent(env, stateDir(env));
  } catch {
    // The agent is a convenience: failing to start it never fails the command (`kubesim agent status` tells).
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** CommandContext.poll: fresh session per step, real sleeping only when the clock moves. */
async function pollSessions<T>(
  env: NodeJS.ProcessEnv,
  step: (s: Session) => T | undefined | Promise<T | undefined>,
  o: { timeoutMs: number; intervalMs?: number },
): Promise<T | undefined> {
  const { openSession } = await import('../cluster/session.js');
  const deadline = Date.now() + o.timeoutMs;
  for (;;) {
    const s = await openSession(env);
    let r: T | undefined;
    try {
      r = await step(s);
      await s.commit();
    } catch (e) {
      s.abort();
      throw e;
    }
    if (r !== undefined) return r;
    const clockMoves = !env.KUBESIM_NOW && !s.state.cluster.frozenAt;
    const left = deadline - Date.now();
    if (!clockMoves || left <= 0) return undefined;
    await sleep(Math.min(o.intervalMs ?? 250, left));
  }
}
