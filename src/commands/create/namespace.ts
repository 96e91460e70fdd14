import type { CommandContext, CommandSpec } from '../../cli/command.js';
import type { KubeObject } from '../../api/types.js';
import { finishCreate, prepare, subcommandFlags } from './common.js';

export const command: CommandSpec = {
  name: 'namespace',
  aliases: ['ns'],
  short: 'Create a namespace with the specified name',
  long: 'Create a namespace with the specified name.',
  examples: `# Create a namespace called dev
kubectl create namespace dev`,
  usage: 'create namespace NAME [--dry-run=server|client|none] [options]',
  flags: subcommandFlags([]),
  run: runCreateNamespace,
};

async function runCreateNamespace(ctx: CommandContext): Promise<void> {
  const { name, dryRun } = prepare(ctx);
  // A namespace is cluster-scoped: -n never ends up in the generated object.
  const ns: KubeObject = {
    kind: 'Namespace',
    apiVersion: 'v1',
    metadata: { name, creationTimestamp: null as unknown as string },
    spec: {},
    status: {},
  };
  // Unlike the other subcommands, create namespace reports the server's error unwrapped
  // (`Error from server (AlreadyExists): namespaces "dev" already exists`).
  await finishCreate(ctx, ns, dryRun, undefined);
}
