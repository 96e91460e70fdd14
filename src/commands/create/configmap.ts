import type { CommandContext, CommandSpec } from '../../cli/command.js';
import type { KubeObject } from '../../api/types.js';
import { isConfigMapKey } from '../../api/validation/names.js';
import { goQuote } from '../../api/validation/go-syntax.js';
import { CliError } from '../../errors.js';
import { finishCreate, newMeta, prepare, sliceFlag, subcommandFlags } from './common.js';
import { encodeHash, forEachEnvFile, forEachFileSource, isValidUtf8, parseLiteralSource } from './sources.js';

export const command: CommandSpec = {
  name: 'configmap',
  aliases: ['cm'],
  short: 'Create a config map from a local file, directory or literal value',
  long: `Create a config map from literal values, files, or every regular file of a directory.

 Each file becomes one key: its base name unless you name the key yourself with key=path. A directory contributes its regular files only; subdirectories and symlinks are skipped. Files that are not valid UTF-8 go to binaryData.`,
  examples: `# Create a config map holding every file of the directory conf/
kubectl create configmap app-config --from-file=conf/

# Store a file under a key of your choosing
kubectl create configmap app-config --from-file=nginx.conf=conf/site.conf

# Create a config map from literal values
kubectl create configmap app-config --from-literal=mode=prod --from-literal=workers=4

# Create a config map from KEY=value lines
kubectl create configmap app-config --from-env-file=app.env`,
  usage: 'create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]',
  flags: subcommandFlags([
    { name: 'append-hash', type: 'bool', description: 'Append a hash of the configmap to its name.' },
    {
      name: 'from-env-file',
      type: 'stringSlice',
      description: 'Specify the path to a file to read lines of key=val pairs to create a configmap.',
    },
    {
      name: 'from-file',
      type: 'stringSlice',
      description:
        'Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid configmap key.',
    },
    { name: 'from-literal', type: 'stringArray', description: 'Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)' },
  ]),
  run: runCreateConfigMap,
};

async function runCreateConfigMap(ctx: CommandContext): Promise<void> {
  const { name, dryRun } = prepare(ctx);
  const files = sliceFlag(ctx, 'from-file');
  const literals = ctx.parsed.flags['from-literal'] as string[];
  const envFiles = sliceFlag(ctx, 'from-env-file');
  if (envFiles.length > 0 && (files.length > 0 || literals.length > 0)) {
    throw new CliError('from-env-file cannot be combined with from-file or from-literal');
  }
  const cm = buildConfigMap(ctx, name, files, literals, envFiles);
  await finishCreate(ctx, cm, dryRun, (msg) => `failed to create configmap: ${msg}`);
}

/** The generator: files first, then literals, then env files (kubectl's order, which decides duplicate errors). */
function buildConfigMap(ctx: CommandContext, name: string, files: string[], literals: string[], envFiles: string[]): KubeObject {
  const data: Record<string, string> = {};
  const binaryData: Record<string, string> = {};
  const checkNew = (key: string) => {
    const errs = isConfigMapKey(key);
    if (errs.length) throw new CliError(`${goQuote(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}`);
    if (key in data) throw new CliError(`cannot add key ${goQuote(key)}, another key by that name already exists in Data for ConfigMap ${goQuote(name)}`);
    if (key in binaryData) {
      throw new CliError(`cannot add key ${goQuote(key)}, another key by that name already exists in BinaryData for ConfigMap ${goQuote(name)}`);
    }
  };
  const addText = (key: string, value: string) => {
    checkNew(key);
    data[key] = value;
  };
  forEachFileSource(files, ctx.cwd, (key, bytes) => {
    if (isValidUtf8(bytes)) addText(key, bytes.toString('utf8'));
    else {
      checkNew(key);
      binaryData[key] = bytes.toString('base64');
    }
  });
  for (const lit of literals) addText(...parseLiteralSource(lit));
  forEachEnvFile(envFiles, ctx.cwd, ctx.env, 'env config file cannot be a directory', addText);

  let finalName = name;
  if (ctx.parsed.flags['append-hash']) {
    const doc: Record<string, unknown> = { kind: 'ConfigMap', name, data };
    if (Object.keys(binaryData).length) doc.binaryData = binaryData;
    finalName = `${name}-${encodeHash(doc)}`;
  }
  const cm: KubeObject = { kind: 'ConfigMap', apiVersion: 'v1', metadata: newMeta(ctx, finalName) };
  if (Object.keys(data).length) cm.data = data;
  if (Object.keys(binaryData).length) cm.binaryData = binaryData;
  return cm;
}
