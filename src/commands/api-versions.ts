import type { CommandContext, CommandSpec } from '../cli/command.js';
import { RESOURCE_TYPES, apiVersionOf } from '../api/kinds.js';
import { UsageError } from '../errors.js';

/**
 * `kubectl api-versions`: every group/version the simulated server serves (derived from the discovery
 * table, so it always agrees with `api-resources`), sorted as Go's sort.Strings sorts them — bytewise,
 * which puts the core group's bare `v1` last.
 */

export const command: CommandSpec = {
  name: 'api-versions',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  long: 'Print the supported API versions on the server, in the form of "group/version".',
  examples: `# Print the supported API versions
kubectl api-versions`,
  usage: 'api-versions [options]',
  run: runApiVersions,
};

/** The served group/versions, sorted bytewise. */
export function servedApiVersions(): string[] {
  const set = new Set(RESOURCE_TYPES.map(apiVersionOf));
  return [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function runApiVersions(ctx: CommandContext): Promise<void> {
  if (ctx.parsed.args.length) throw new UsageError(`unexpected arguments: [${ctx.parsed.args.join(' ')}]`, ctx.path);
  // Discovery needs a reachable cluster: open it like every server command does.
  await ctx.session();
  ctx.io.out.write(servedApiVersions().map((v) => `${v}\n`).join(''));
}
