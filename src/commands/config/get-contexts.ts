import type { CommandContext, CommandSpec } from '../../cli/command.js';
import { AggregateError, CliError } from '../../errors.js';
import { formatTable } from '../../printers/tabwriter.js';

/**
 * `kubectl config get-contexts [NAME…]`: the CURRENT/NAME/CLUSTER/AUTHINFO/NAMESPACE table. Unknown
 * names are reported after the table (kubectl collects them, prints what it found, then fails).
 */
export const command: CommandSpec = {
  name: 'get-contexts',
  short: 'Describe one or many contexts',
  long: 'Display one or many contexts from the kubeconfig file.',
  examples: `# List all the contexts in your kubeconfig file
kubectl config get-contexts

# Describe one context in your kubeconfig file
kubectl config get-contexts my-context`,
  usage: 'config get-contexts [(-o|--output=)name)] [options]',
  flags: [
    { name: 'no-headers', type: 'bool', description: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: 'output', short: 'o', type: 'string', description: 'Output format. One of: (name).' },
  ],
  run: runGetContexts,
};

async function runGetContexts(ctx: CommandContext): Promise<void> {
  const f = ctx.parsed.flags;
  const output = f.output as string;
  if (output !== '' && output !== 'name') throw new CliError(`--output ${output} is not available in kubectl config get-contexts; resetting to default output format`);
  const session = await ctx.session();
  const name = session.profile.contextName;
  const wanted = ctx.parsed.args;
  const errors = wanted.filter((n) => n !== name).map((n) => new CliError(`context ${n} not found`));
  const show = wanted.length === 0 || wanted.includes(name);
  const nameOnly = output === 'name';
  if (nameOnly) {
    if (show) ctx.io.out.write(`${name}\n`);
  } else {
    const rows: string[][] = [];
    if (!f['no-headers']) rows.push(['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE']);
    // The context has no namespace, so the row ends with AUTHINFO's padding, as kubectl's does.
    if (show) rows.push(['*', name, name, name, '']);
    ctx.io.out.write(formatTable(rows));
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors);
}
