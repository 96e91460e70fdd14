import type { CommandSpec } from '../../../cli/command.js';
import { subcommandFlags } from '../common.js';
import { runCreateService, tcpFlag } from '../service.js';

export const command: CommandSpec = {
  name: 'loadbalancer',
  short: 'Create a LoadBalancer service',
  long: 'Create a LoadBalancer service with the specified name. Its pods are selected by the label app=NAME.',
  examples: `# Create a LoadBalancer service web: port 80 forwarding to container port 8080
kubectl create service loadbalancer web --tcp=80:8080`,
  usage: 'create service loadbalancer NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]',
  flags: subcommandFlags([tcpFlag]),
  run: (ctx) => runCreateService(ctx, 'LoadBalancer'),
};
