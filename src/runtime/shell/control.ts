/**
 * Running the parsed tree: lists, `&&`/`||`, pipelines (each stage a subshell over a buffered pipe),
 * compound commands (groups, subshells, if, while/until, for, case), function definitions, and simple
 * commands up to the point where argv[0] is invoked. `set -e` is honoured outside conditions.
 */
import type { AndOr, Command, List, Pipeline, Redirect } from './parser.js';
import { expandString, expandWords } from './expansion.js';
import { globToRegExp } from './glob.js';
import { applyRedirects } from './redirects.js';
import { ExitSignal, LoopSignal, ShellError } from './signals.js';
import type { Fds, In, Out } from './types.js';
import type { Shell } from './interpreter.js';

export async function runList(sh: Shell, list: List, fds: Fds): Promise<number> {
  for (const ao of list) await runAndOr(sh, ao, fds);
  return sh.session.lastStatus;
}

/** Runs `fn` as a condition (an if/while test, a non-final `&&`/`||` operand, a `!` pipeline): `set -e` lets it fail. */
async function asCondition<T>(sh: Shell, fn: () => Promise<T>): Promise<T> {
  sh.condDepth++;
  try {
    return await fn();
  } finally {
    sh.condDepth--;
  }
}

async function runAndOr(sh: Shell, ao: AndOr, fds: Fds): Promise<void> {
  const chain = [{ op: '&&' as const, pipeline: ao.first }, ...ao.rest];
  let status = 0;
  for (let i = 0; i < chain.length; i++) {
    const { op, pipeline } = chain[i];
    if (i > 0 && (op === '&&' ? status !== 0 : status === 0)) continue;
    const isLast = i === chain.length - 1;
    status = isLast ? await runPipeline(sh, pipeline, fds) : await asCondition(sh, () => runPipeline(sh, pipeline, fds));
    if (isLast && sh.session.errexit && status !== 0 && !pipeline.negate && sh.condDepth === 0) {
      throw new ExitSignal(status, 'errexit');
    }
  }
  sh.session.lastStatus = status;
}

async function runPipeline(sh: Shell, p: Pipeline, fds: Fds): Promise<number> {
  let status = p.negate ? await asCondition(sh, () => runStages(sh, p, fds)) : await runStages(sh, p, fds);
  if (p.negate) status = status === 0 ? 1 : 0;
  sh.session.lastStatus = status;
  return status;
}

/** A pipeline's commands, each stage's stdout buffered into the next one's stdin; the last stage's status. */
async function runStages(sh: Shell, p: Pipeline, fds: Fds): Promise<number> {
  if (p.commands.length === 1) return runCommand(sh, p.commands[0], fds);
  let input: In = fds[0];
  let status = 0;
  for (let i = 0; i < p.commands.length; i++) {
    const last = i === p.commands.length - 1;
    let buf = '';
    const out: Out = last ? fds[1] : { write: (s) => void (buf += s) };
    const cmd = p.commands[i];
    const stageFds: Fds = { 0: input, 1: out, 2: fds[2] };
    status = await sh.inSubshell(async (s) => {
      s.session.lastStatus = await runCommand(s, cmd, stageFds);
    });
    input = { data: buf, pos: 0 };
  }
  return status;
}

/** The descriptor table after `redirects`, or the failed redirection's status (recorded as `$?`). */
async function redirectOrStatus(sh: Shell, redirects: Redirect[], fds: Fds): Promise<Fds | number> {
  try {
    return await applyRedirects(sh, redirects, fds);
  } catch (e) {
    if (e instanceof ShellError) return (sh.session.lastStatus = e.code);
    throw e;
  }
}

export async function runCommand(sh: Shell, cmd: Command, fds: Fds): Promise<number> {
  if (cmd.type === 'simple') return runSimple(sh, cmd, fds);
  if (cmd.type === 'func') {
    sh.session.functions.set(cmd.name, cmd.body);
    return (sh.session.lastStatus = 0);
  }
  const rfds = await redirectOrStatus(sh, cmd.redirects, fds);
  if (typeof rfds === 'number') return rfds;
  let status = 0;
  switch (cmd.type) {
    case 'group':
      status = await runList(sh, cmd.body, rfds);
      break;
    case 'subshell':
      status = await sh.inSubshell((s) => runList(s, cmd.body, rfds).then(() => undefined));
      break;
    case 'if': {
      let done = false;
      for (const c of cmd.clauses) {
        const cond = await asCondition(sh, () => runList(sh, c.cond, rfds));
        if (cond === 0) {
          status = c.body.length ? await runList(sh, c.body, rfds) : 0;
          done = true;
          break;
        }
      }
      if (!done) status = cmd.elseBody ? await runList(sh, cmd.elseBody, rfds) : 0;
      break;
    }
    case 'loop': {
      let guard = 0;
      status = await runLoop(sh, cmd.body, rfds, async () => {
        if (guard++ > 100000) return false;
        const cond = await asCondition(sh, () => runList(sh, cmd.cond, rfds));
        return (cond === 0) !== cmd.until;
      });
      break;
    }
    case 'for': {
      const items = cmd.items ? await expandWords(sh, cmd.items, rfds) : [...sh.positional];
      let k = 0;
      status = await runLoop(sh, cmd.body, rfds, async () => {
        if (k >= items.length) return false;
        sh.setVar(cmd.name, items[k++]);
        return true;
      });
      break;
    }
    case 'case': {
      const subject = (await expandString(sh, cmd.subject, rfds)).value;
      outer: for (const item of cmd.items) {
        for (const pw of item.patterns) {
          const pat = (await expandString(sh, pw, rfds)).pattern;
          if (globToRegExp(pat).test(subject)) {
            status = await runList(sh, item.body, rfds);
            break outer;
          }
        }
      }
      break;
    }
  }
  return (sh.session.lastStatus = status);
}

/**
 * Runs `body` while `next()` (a while/until test, or the next `for` item) says to go on, with
 * `break`/`continue` enabled in both; the status of the last body run (0 if none).
 */
async function runLoop(sh: Shell, body: List, fds: Fds, next: () => Promise<boolean>): Promise<number> {
  sh.loopDepth++;
  try {
    let status = 0;
    while (await next()) {
      const r = await runLoopBody(sh, body, fds);
      if (r.status !== undefined) status = r.status;
      if (r.brk) break;
    }
    return status;
  } finally {
    sh.loopDepth--;
  }
}

/** One pass of a loop body; `break n`/`continue n` with n > 1 propagate to the enclosing loop. */
async function runLoopBody(sh: Shell, body: List, fds: Fds): Promise<{ brk: boolean; status?: number }> {
  try {
    return { brk: false, status: await runList(sh, body, fds) };
  } catch (e) {
    if (e instanceof LoopSignal) {
      if (e.n > 1) {
        e.n--;
        throw e;
      }
      return { brk: e.kind === 'break', status: 0 };
    }
    throw e;
  }
}

/** Expands a simple command, traces it under `set -x`, applies its redirections and invokes argv[0]. */
async function runSimple(sh: Shell, cmd: Extract<Command, { type: 'simple' }>, fds: Fds): Promise<number> {
  let argv: string[];
  const assigns: [string, string][] = [];
  let substStatus = 0;
  try {
    sh.substStatus = undefined;
    argv = await expandWords(sh, cmd.words, fds);
    for (const a of cmd.assigns) assigns.push([a.name, (await expandString(sh, a.value, fds)).value]);
    substStatus = sh.substStatus ?? 0;
  } catch (e) {
    if (e instanceof ShellError) return (sh.session.lastStatus = e.code);
    throw e;
  }
  if (sh.session.xtrace) {
    const shown = [...assigns.map(([k, v]) => `${k}=${v}`), ...argv];
    fds[2].write(`+ ${shown.join(' ')}\n`);
  }
  const rfds = await redirectOrStatus(sh, cmd.redirects, fds);
  if (typeof rfds === 'number') return rfds;
  if (!argv.length) {
    for (const [k, v] of assigns) sh.setVar(k, v);
    return (sh.session.lastStatus = substStatus);
  }
  const status = await sh.invoke(argv, assigns, rfds);
  return (sh.session.lastStatus = status);
}
