import type { CommandContext, CommandSpec } from '../../../cli/command.js';
import { CliError } from '../../../errors.js';
import { finishCreate, goCompactJson, prepare, sliceFlag, subcommandFlags } from '../common.js';
import { forEachFileSource } from '../sources.js';
import { addSecretKey, appendHashFlag, buildSecret, secretFailure, type SecretData } from '../secret.js';

const DOCKER_CONFIG_KEY = '.dockerconfigjson';

export const command: CommandSpec = {
  name: 'docker-registry',
  short: 'Create a secret for use with a Docker registry',
  long: `Create a kubernetes.io/dockerconfigjson secret holding credentials for a container registry.

 Give the registry, user name and password (and optionally an e-mail address), or pass an existing Docker config.json with --from-file. Pods use such a secret through imagePullSecrets, directly or via their service account.`,
  examples: `# Create a registry secret from credentials
kubectl create secret docker-registry regcred --docker-server=registry.example.com --docker-username=ci --docker-password=s3cret --docker-email=ci@example.com

# Create a registry secret from an existing Docker config
kubectl create secret docker-registry regcred --from-file=$HOME/.docker/config.json`,
  usage:
    'create secret docker-registry NAME --docker-username=user --docker-password=password --docker-email=email [--docker-server=string] [--from-file=[key=]source] [--dry-run=server|client|none] [options]',
  flags: subcommandFlags([
    appendHashFlag,
    { name: 'docker-email', type: 'string', description: 'Email for Docker registry' },
    { name: 'docker-password', type: 'string', description: 'Password for Docker registry authentication' },
    { name: 'docker-server', type: 'string', default: 'https://index.docker.io/v1/', description: 'Server location for Docker registry' },
    { name: 'docker-username', type: 'string', description: 'Username for Docker registry authentication' },
    {
      name: 'from-file',
      type: 'stringSlice',
      description: `Key files can be specified using their file path, in which case a default name of ${DOCKER_CONFIG_KEY} will be given to them, or optionally with a name and file path, in which case the given name will be used. Specifying a directory will iterate each named file in the directory that is a valid secret key. For this command, the key should always be ${DOCKER_CONFIG_KEY}.`,
    },
  ]),
  run: runCreateSecretDockerRegistry,
};

async function runCreateSecretDockerRegistry(ctx: CommandContext): Promise<void> {
  const { name, dryRun } = prepare(ctx);
  const f = ctx.parsed.flags;
  // A bare path gets the .dockerconfigjson key.
  const files = sliceFlag(ctx, 'from-file').map((s) => (s.includes('=') ? s : `${DOCKER_CONFIG_KEY}=${s}`));
  const user = f['docker-username'] as string;
  const password = f['docker-password'] as string;
  const server = f['docker-server'] as string;
  if (files.length === 0 && (!user || !password || !server)) {
    throw new CliError('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
  }
  const data: SecretData = new Map();
  if (files.length) forEachFileSource(files, ctx.cwd, (k, bytes) => addSecretKey(data, k, bytes));
  else data.set(DOCKER_CONFIG_KEY, Buffer.from(dockerConfigJson(user, password, f['docker-email'] as string, server), 'utf8'));
  const secret = buildSecret(ctx, name, 'kubernetes.io/dockerconfigjson', data);
  await finishCreate(ctx, secret, dryRun, secretFailure);
}

/** The ~/.docker/config.json document kubectl writes: one auths entry, empty fields omitted. */
function dockerConfigJson(username: string, password: string, email: string, server: string): string {
  const entry: Record<string, string> = {};
  if (username) entry.username = username;
  if (password) entry.password = password;
  if (email) entry.email = email;
  const auth = Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
  if (auth) entry.auth = auth;
  return goCompactJson({ auths: { [server]: entry } }).slice(0, -1);
}
