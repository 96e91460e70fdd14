import type { CommandContext, CommandSpec } from '../../cli/command.js';
import type { KubeObject } from '../../api/types.js';
import { finishCreate, newMeta, prepare, subcommandFlags } from './common.js';

export const command: CommandSpec = {
  name: 'serviceaccount',
  aliases: ['sa'],
  short: 'Create a service account with the specified name',
  long: 'Create a service account with the specified name.',
  examples: `# Create a service account called builder
kubectl create serviceaccount builder`,
  usage: 'create serviceaccount NAME [--dry-run=server|client|none] [options]',
  flags: subcommandFlags([]),
  run: runCreateServiceAccount,
};

async function runCreateServiceAccount(ctx: CommandContext): Promise<void> {
  const { name, dryRun } = prepare(ctx);
  const sa: KubeObject = { kind: 'ServiceAccount', apiVersion: 'v1', metadata: newMeta(ctx, name) };
  await finishCreate(ctx, sa, dryRun, (msg) => `failed to create serviceaccount: ${msg}`);
}
