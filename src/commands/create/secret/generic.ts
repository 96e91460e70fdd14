import type { CommandContext, CommandSpec } from '../../../cli/command.js';
import { CliError } from '../../../errors.js';
import { finishCreate, prepare, sliceFlag, subcommandFlags } from '../common.js';
import { forEachEnvFile, forEachFileSource, parseLiteralSource } from '../sources.js';
import { addSecretKey, appendHashFlag, buildSecret, secretFailure, type SecretData } from '../secret.js';

export const command: CommandSpec = {
  name: 'generic',
  short: 'Create a secret from a local file, directory, or literal value',
  long: `Create an Opaque secret (or one of the --type you name) from literal values, files, or every regular file of a directory.

 Each file becomes one key: its base name unless you name the key yourself with key=path. Values are stored base64-encoded.`,
  examples: `# Create a secret holding every file of the directory certs/
kubectl create secret generic app-certs --from-file=certs/

# Store files under keys of your choosing
kubectl create secret generic ssh-keys --from-file=id=~/.ssh/id_ed25519 --from-file=id.pub=~/.ssh/id_ed25519.pub

# Create a secret from literal values
kubectl create secret generic db-creds --from-literal=username=app --from-literal=password=s3cret

# Create a secret from KEY=value lines
kubectl create secret generic db-creds --from-env-file=db.env`,
  usage: 'create secret generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]',
  flags: subcommandFlags([
    appendHashFlag,
    { name: 'from-env-file', type: 'stringSlice', description: 'Specify the path to a file to read lines of key=val pairs to create a secret.' },
    {
      name: 'from-file',
      type: 'stringSlice',
      description:
        'Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.  Specifying a directory will iterate each named file in the directory that is a valid secret key.',
    },
    { name: 'from-literal', type: 'stringArray', description: 'Specify a key and literal value to insert in secret (i.e. mykey=somevalue)' },
    { name: 'type', type: 'string', description: 'The type of secret to create' },
  ]),
  run: runCreateSecretGeneric,
};

async function runCreateSecretGeneric(ctx: CommandContext): Promise<void> {
  const { name, dryRun } = prepare(ctx);
  const files = sliceFlag(ctx, 'from-file');
  const literals = ctx.parsed.flags['from-literal'] as string[];
  const envFiles = sliceFlag(ctx, 'from-env-file');
  if (envFiles.length > 0 && (files.length > 0 || literals.length > 0)) {
    throw new CliError('from-env-file cannot be combined with from-file or from-literal');
  }
  // Secrets take literals first, then files, then env files (config maps take files first).
  const data: SecretData = new Map();
  for (const lit of literals) {
    const [k, v] = parseLiteralSource(lit);
    addSecretKey(data, k, Buffer.from(v, 'utf8'));
  }
  forEachFileSource(files, ctx.cwd, (k, bytes) => addSecretKey(data, k, bytes));
  forEachEnvFile(envFiles, ctx.cwd, ctx.env, 'env secret file cannot be a directory', (k, v) => addSecretKey(data, k, Buffer.from(v, 'utf8')));
  const secret = buildSecret(ctx, name, ctx.parsed.flags.type as string, data);
  await finishCreate(ctx, secret, dryRun, secretFailure);
}
