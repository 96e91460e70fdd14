import type { CommandContext, CommandSpec } from '../cli/command.js';
import { RESOURCE_TYPES, apiVersionOf, type ResourceType } from '../api/kinds.js';
import { CliError, FlagError, UsageError } from '../errors.js';
import { formatTable } from '../printers/tabwriter.js';
import { personaMinor } from './version.js';

/**
 * `kubectl api-resources`: the discovery table of the simulated server. Rows are filtered like
 * kubectl's RunAPIResources and sorted with its sortableResource: by API group ('' — the core group —
 * first), then by resource name; --sort-by=name|kind sorts by that column instead, names breaking ties.
 */

export const command: CommandSpec = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  long: 'Print the supported API resources on the server.',
  examples: `# Print the supported API resources
kubectl api-resources

# Print the supported API resources with more information
kubectl api-resources -o wide

# Print the supported API resources sorted by a column
kubectl api-resources --sort-by=name

# Print the supported namespaced resources
kubectl api-resources --namespaced=true

# Print the supported non-namespaced resources
kubectl api-resources --namespaced=false

# Print the supported API resources with a specific APIGroup
kubectl api-resources --api-group=rbac.authorization.k8s.io`,
  usage: 'api-resources [flags] [options]',
  flags: [
    { name: 'api-group', type: 'string', description: 'Limit to resources in the specified API group.' },
    { name: 'cached', type: 'bool', description: 'Use the cached list of resources if available.' },
    { name: 'categories', type: 'stringSlice', description: 'Limit to resources that belong to the specified categories.' },
    { name: 'namespaced', type: 'bool', default: true, description: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.' },
    { name: 'no-headers', type: 'bool', description: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: 'output', short: 'o', type: 'string', description: 'Output format. One of: (wide, name).' },
    { name: 'sort-by', type: 'string', description: "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'." },
    { name: 'verbs', type: 'stringSlice', description: 'Limit to resources that support the specified verbs.' },
  ],
  run: runApiResources,
};

/** Go's strings.Compare order (bytewise for ASCII). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** kubectl's sortableResource.Less, applied with a stable sort. */
export function sortResources(types: readonly ResourceType[], sortBy: string): ResourceType[] {
  const key = (t: ResourceType) => (sortBy === 'name' ? t.plural : sortBy === 'kind' ? t.kind : t.group);
  return [...types].sort((a, b) => compare(key(a), key(b)) || compare(a.plural, b.plural));
}

async function runApiResources(ctx: CommandContext): Promise<void> {
  const f = ctx.parsed.flags;
  const given = ctx.parsed.given;
  if (ctx.parsed.args.length) throw new UsageError(`unexpected arguments: [${ctx.parsed.args.join(' ')}]`, ctx.path);
  const output = f.output as string;
  if (!['', 'wide', 'name'].includes(output)) throw new CliError(`--output ${output} is not available`);
  const sortBy = f['sort-by'] as string;
  if (sortBy && sortBy !== 'name' && sortBy !== 'kind') throw new CliError('--sort-by accepts only name or kind');
  const session = await ctx.session();
  const minor = personaMinor(session);
  // --categories and the CATEGORIES column arrived in kubectl 1.26.
  if (given.has('categories') && minor < 26) throw new FlagError('unknown flag: --categories', ctx.path);

  const verbs = f.verbs as string[];
  const categories = f.categories as string[];
  const selected = RESOURCE_TYPES.filter(
    (t) =>
      t.verbs.length > 0 &&
      (!given.has('api-group') || t.group === f['api-group']) &&
      (!given.has('namespaced') || t.namespaced === f.namespaced) &&
      verbs.every((v) => t.verbs.includes(v)) &&
      categories.every((c) => t.categories.includes(c)),
  );
  const sorted = sortResources(selected, sortBy);
  if (output === 'name') {
    ctx.io.out.write(sorted.map((t) => `${t.group ? `${t.plural}.${t.group}` : t.plural}\n`).join(''));
    return;
  }
  const rows: string[][] = [];
  if (!f['no-headers']) rows.push(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(output === 'wide' ? (minor >= 26 ? ['VERBS', 'CATEGORIES'] : ['VERBS']) : [])]);
  for (const t of sorted) {
    const row = [t.plural, t.shortNames.join(','), apiVersionOf(t), String(t.namespaced), t.kind];
    // Up to 1.25 the verbs were printed with %v ([get list]); 1.26+ joins verbs and categories with commas.
    if (output === 'wide') row.push(...(minor >= 26 ? [t.verbs.join(','), t.categories.join(',')] : [`[${t.verbs.join(' ')}]`]));
    rows.push(row);
  }
  ctx.io.out.write(formatTable(rows));
}
