import type { Session } from '../cluster/session.js';
import type { CommandContext } from '../cli/command.js';
import type { IO } from '../cli/io.js';
import type { NodeProfile } from '../api/profiles.js';
import { ApiError, CliError, ExitError } from '../errors.js';
import { openSession } from '../cluster/session.js';
import { newSession } from '../runtime/shell/interpreter.js';
import { nodeShellFor, runOnNode, type NodeExecEnvironment, type NodeShell } from '../runtime/node-exec.js';
import { keepEffects } from '../cluster/runtime-effects.js';
import { writeResult } from './exec/write-result.js';
import { continuationPrompt, LineBuffer } from './exec/line-buffer.js';
import type { ExecResult } from '../runtime/exec.js';

/** The node's process environment at this moment of the cluster (its RNG moves on for every command). */
export function nodeEnvironment(session: Session, node: NodeProfile): NodeExecEnvironment {
  const seed = session.store.rng.int(2 ** 31);
  session.store.dirty = true;
  return { snapshot: session.store, profile: session.profile, node, now: Date.parse(session.now), containers: session.state.runtime?.containers ?? {}, seed };
}

/** The node named `name`, or kubectl's NotFound for nodes. */
export function nodeNamed(session: Session, name: string): NodeProfile {
  const node = session.profile.nodes.find((n) => n.name === name);
  if (!node || !session.store.get('Node', '', name)) throw new ApiError('NotFound', `nodes "${name}" not found`);
  return node;
}

/** The kind node prompt (`root@kind-worker:/# `); busybox-style `/ # ` where the node shell is sh. */
export function nodePrompt(shell: 'bash' | 'sh', hostname: string): string {
  return shell === 'bash' ? `root@${hostname}:/# ` : '/ # ';
}

async function runOnce(env: NodeJS.ProcessEnv, nodeName: string, script: string, stdin: string): Promise<ExecResult> {
  const session = await openSession(env);
  try {
    const node = nodeNamed(session, nodeName);
    const r = await runOnNode(nodeEnvironment(session, node), script, stdin);
    keepEffects(session, r.effects);
    await session.commit();
    return r;
  } catch (e) {
    session.abort();
    throw e;
  }
}

const quote = (a: string) => (/^[A-Za-z0-9_./:=@%+,-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);

/**
 * `kubesim node ssh NODE [-- COMMAND [ARGS]]`: a root shell on a node, as `ssh root@node` (or `docker exec
 * -it kind-worker bash`) gives one. A command runs once, as ssh runs it (joined into one line for the
 * login shell), and its exit status is the exit status; piped input is run as a script; on a terminal an
 * interactive session with the node's prompt.
 */
export async function nodeSsh(args: string[], o: { io: IO; env: NodeJS.ProcessEnv; cwd: string }): Promise<number> {
  const [nodeName, ...argv] = args;
  if (!nodeName) {
    const session = await openSession(o.env, { readOnly: true });
    const names = session.profile.nodes.map((n) => n.name);
    session.abort();
    throw new CliError(`you must name a node: kubesim node ssh NODE [-- COMMAND]\nNodes: ${names.join(', ')}`);
  }
  if (argv.length > 0 || !o.io.stdinIsTTY) {
    const script = argv.length > 0 ? argv.map(quote).join(' ') : await o.io.readStdin();
    const stdin = argv.length > 0 && !o.io.stdinIsTTY ? await o.io.readStdin() : '';
    const r = await runOnce(o.env, nodeName, script, stdin);
    writeResult(o.io, r);
    if (r.exitCode !== 0) throw new ExitError(r.exitCode);
    return 0;
  }
  // A terminal: check the node first, then hand the shell to the interactive driver.
  let shell: NodeShell | undefined;
  {
    const session = await openSession(o.env);
    try {
      const node = nodeNamed(session, nodeName);
      shell = nodeShellFor(nodeEnvironment(session, node));
      await session.commit();
    } catch (e) {
      session.abort();
      throw e;
    }
  }
  const shellSession = newSession();
  const { runInteractive } = await import('./exec/interactive.js');
  const ctx: CommandContext = {
    io: o.io,
    env: o.env,
    cwd: o.cwd,
    path: 'kubesim node ssh',
    parsed: { flags: {}, given: new Set(), args },
    namespace: 'default',
    namespaceGiven: false,
    session: () => Promise.reject(new Error('kubesim node ssh opens a session per line')),
    openSession: (opts) => openSession(o.env, opts),
    poll: () => Promise.reject(new Error('not used by kubesim node ssh')),
  };
  const prompt = nodePrompt(shell.shell, shell.hostname);
  // Lines that leave a command unfinished wait for the rest under PS2 (see LineBuffer).
  const typed = new LineBuffer();
  return runInteractive(ctx, {
    prompt: () => (typed.pending ? continuationPrompt(shell!.env) : prompt),
    async runLine(typedLine) {
      const line = typed.add(typedLine);
      if (line === undefined) return { stdout: '', stderr: '' };
      const session = await openSession(o.env);
      try {
        const node = nodeNamed(session, nodeName);
        const env = nodeEnvironment(session, node);
        // Files and variables persist between lines; the cluster is read afresh for every line.
        const live = nodeShellFor(env);
        const r = await runOnNode(env, line, '', { session: shellSession, shell: { ...live, fs: shell!.fs, env: shell!.env } });
        keepEffects(session, r.effects);
        await session.commit();
        const exited = r.exited ? r.exitCode : undefined;
        return exited === undefined ? { stdout: r.stdout, stderr: r.stderr } : { stdout: r.stdout, stderr: r.stderr, exited };
      } catch (e) {
        session.abort();
        throw e;
      }
    },
  });
}
