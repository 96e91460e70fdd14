import type { CommandSpec } from '../../../cli/command.js';
import { subcommandFlags } from '../common.js';
import { runCreateService, tcpFlag } from '../service.js';

export const command: CommandSpec = {
  name: 'externalname',
  short: 'Create an ExternalName service',
  long: `Create an ExternalName service with the specified name.

 Such a service has no cluster IP and no endpoints: cluster DNS answers its name with a CNAME record pointing at the external name.`,
  examples: `# Create a service db that resolves to db.example.com
kubectl create service externalname db --external-name db.example.com`,
  usage: 'create service externalname NAME --external-name external.name [--dry-run=server|client|none] [options]',
  flags: subcommandFlags([
    { name: 'external-name', type: 'string', description: 'External name of service' },
    tcpFlag,
  ]),
  run: (ctx) => runCreateService(ctx, 'ExternalName'),
};
