import { AggregateError, ApiError, CliError, ExitError, FlagError, UsageError } from '../errors.js';

/**
 * kubectl's error funnel (cmdutil.CheckErr): how each kind of error is printed, and the exit code.
 * Stack traces only with KUBESIM_DEBUG=1.
 */
export function formatError(err: unknown, debug = false): { text: string; exitCode: number } {
  if (err instanceof ExitError) return { text: err.message ? ensureNewline(err.message) : '', exitCode: err.exitCode };
  if (err instanceof AggregateError) {
    return { text: err.errors.map((e) => formatError(e, debug).text).join(''), exitCode: 1 };
  }
  if (err instanceof ApiError) {
    // Invalid with field causes prints the bare "The Kind "x" is invalid: …" message.
    if (err.reason === 'Invalid' && err.message.startsWith('The ')) return { text: ensureNewline(err.message), exitCode: 1 };
    const head = err.reason ? `Error from server (${err.reason}): ` : 'Error from server: ';
    return { text: ensureNewline(head + err.message), exitCode: 1 };
  }
  if (err instanceof FlagError) {
    return { text: `Error: ${err.message}\nSee '${err.commandPath} --help' for usage.\n`, exitCode: 1 };
  }
  if (err instanceof UsageError) {
    return { text: `${withPrefix(err.message)}\nSee '${err.commandPath} -h' for help and examples\n`, exitCode: 1 };
  }
  if (err instanceof CliError) return { text: ensureNewline(withPrefix(err.message)), exitCode: err.exitCode };
  const e = err as Error;
  const text = debug && e?.stack ? `${e.stack}\n` : ensureNewline(withPrefix(e?.message ?? String(err)));
  return { text, exitCode: 1 };
}

function withPrefix(msg: string): string {
  return msg.startsWith('error: ') ? msg : `error: ${msg}`;
}

function ensureNewline(s: string): string {
  return s.endsWith('\n') ? s : `${s}\n`;
}
