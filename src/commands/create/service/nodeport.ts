import type { CommandSpec } from '../../../cli/command.js';
import { subcommandFlags } from '../common.js';
import { runCreateService, tcpFlag } from '../service.js';

export const command: CommandSpec = {
  name: 'nodeport',
  short: 'Create a NodePort service',
  long: 'Create a NodePort service with the specified name. Its pods are selected by the label app=NAME.',
  examples: `# Create a NodePort service web: port 80 forwarding to container port 8080
kubectl create service nodeport web --tcp=80:8080

# Ask for a particular node port
kubectl create service nodeport web --tcp=80:8080 --node-port=30080`,
  usage: 'create service nodeport NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]',
  flags: subcommandFlags([
    { name: 'node-port', type: 'int', default: 0, description: 'Port used to expose the service on each node in a cluster.' },
    tcpFlag,
  ]),
  run: (ctx) => runCreateService(ctx, 'NodePort'),
};
