import { randomInt } from 'node:crypto';
import type { CommandContext, CommandSpec } from '../../cli/command.js';
import type { KubeObject } from '../../api/types.js';
import { CliError } from '../../errors.js';
import { NAME_SUFFIX_ALPHABET } from '../../util/rng.js';
import { finishCreate, newMeta, prepare, requireFlags, sliceFlag, subcommandFlags } from './common.js';

export const command: CommandSpec = {
  name: 'deployment',
  aliases: ['deploy'],
  short: 'Create a deployment with the specified name',
  long: 'Create a deployment with the specified name.',
  examples: `# Create a deployment called web running nginx
kubectl create deployment web --image=nginx

# Create a deployment whose container runs a command
kubectl create deployment ticker --image=busybox -- sh -c 'while true; do date; sleep 5; done'

# Create a deployment with three replicas
kubectl create deployment web --image=nginx --replicas=3

# Create a deployment that declares container port 8080
kubectl create deployment api --image=hashicorp/http-echo --port=8080

# Create a deployment whose pods run two containers
kubectl create deployment pair --image=nginx --image=busybox:1.36`,
  usage: 'create deployment NAME --image=image -- [COMMAND] [args...] [options]',
  flags: subcommandFlags([
    { name: 'image', type: 'stringSlice', description: 'Image names to run. A deployment can have multiple images set for multi-container pod.' },
    { name: 'port', type: 'int', default: -1, description: 'The containerPort that this deployment exposes.' },
    { name: 'replicas', short: 'r', type: 'int', default: 1, description: 'Number of replicas to create. Default is 1.' },
  ]),
  run: runCreateDeployment,
};

async function runCreateDeployment(ctx: CommandContext): Promise<void> {
  requireFlags(ctx, 'image');
  const { name, dryRun } = prepare(ctx);
  const images = sliceFlag(ctx, 'image');
  const cmd = ctx.parsed.afterDash ?? [];
  if (images.length > 1 && cmd.length > 0) throw new CliError('cannot specify multiple --image options and command');
  const deploy = buildDeployment(ctx, name, images, cmd);
  await finishCreate(ctx, deploy, dryRun, (msg) => `failed to create deployment: ${msg}`);
}

/** The generator: label app=NAME on the deployment, its selector and its pod template. */
function buildDeployment(ctx: CommandContext, name: string, images: string[], cmd: string[]): KubeObject {
  const labels = () => ({ app: name });
  const containers = images.map((image) => {
    const c: Record<string, unknown> = { name: containerName(image), image };
    if (cmd.length) c.command = [...cmd];
    c.resources = {};
    return c;
  });
  const port = ctx.parsed.flags.port as number;
  if (port >= 0 && containers.length > 0) containers[0].ports = [{ containerPort: port }];
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: newMeta(ctx, name, labels()),
    spec: {
      replicas: ctx.parsed.flags.replicas as number,
      selector: { matchLabels: labels() },
      template: { metadata: { creationTimestamp: null, labels: labels() }, spec: { containers } },
      strategy: {},
    },
    status: {},
  };
}

/**
 * The container name kubectl derives from an image: the last path segment without tag or digest.
 * Names with `.` or `_` are made DNS-safe and get a random 5-character suffix, as kubectl does.
 */
export function containerName(image: string): string {
  let name = image.split('/').at(-1)!;
  if (name.includes(':')) name = name.split(':')[0];
  if (name.includes('@')) name = name.split('@')[0];
  if (/[_.]/.test(name)) {
    let suffix = '';
    for (let i = 0; i < 5; i++) suffix += NAME_SUFFIX_ALPHABET[randomInt(NAME_SUFFIX_ALPHABET.length)];
    name = `${name.replace(/[_.]/g, '-')}-${suffix}`;
  }
  return name;
}
