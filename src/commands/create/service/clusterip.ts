import type { CommandSpec } from '../../../cli/command.js';
import { subcommandFlags } from '../common.js';
import { runCreateService, tcpFlag } from '../service.js';

export const command: CommandSpec = {
  name: 'clusterip',
  short: 'Create a ClusterIP service',
  long: 'Create a ClusterIP service with the specified name. Its pods are selected by the label app=NAME.',
  examples: `# Create a ClusterIP service web: port 80 forwarding to container port 8080
kubectl create service clusterip web --tcp=80:8080

# Create a headless service (no cluster IP)
kubectl create service clusterip web --clusterip="None"`,
  usage: 'create service clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none] [options]',
  flags: subcommandFlags([
    { name: 'clusterip', type: 'string', description: "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing)." },
    tcpFlag,
  ]),
  run: (ctx) => runCreateService(ctx, 'ClusterIP'),
};
