import type { CommandContext, CommandSpec } from '../../cli/command.js';
import type { KubeObject } from '../../api/types.js';
import { isConfigMapKey } from '../../api/validation/names.js';
import { goQuote } from '../../api/validation/go-syntax.js';
import { CliError } from '../../errors.js';
import { groupRun, newMeta } from './common.js';
import { encodeHash } from './sources.js';

const sub = (m: { command: CommandSpec }) => m.command;

export const command: CommandSpec = {
  name: 'secret',
  short: 'Create a secret using a specified subcommand',
  long: `Create a secret of the type named by the subcommand.

 docker-registry: credentials for pulling images from a private registry.

 generic: an Opaque secret built from files, directories or literal values.

 tls: a certificate and its private key.`,
  usage: 'create secret (docker-registry | generic | tls) [options]',
  subcommands: [
    { name: 'docker-registry', short: 'Create a secret for use with a Docker registry', load: () => import('./secret/docker-registry.js').then(sub) },
    { name: 'generic', short: 'Create a secret from a local file, directory, or literal value', load: () => import('./secret/generic.js').then(sub) },
    { name: 'tls', short: 'Create a TLS secret', load: () => import('./secret/tls.js').then(sub) },
  ],
  run: groupRun(() => command),
};

/** A secret's data while it is being generated: key → bytes, in insertion order. */
export type SecretData = Map<string, Buffer>;

/** addKeyFromLiteralToSecret: the key must be a valid config key and not already present. */
export function addSecretKey(data: SecretData, key: string, value: Buffer): void {
  const errs = isConfigMapKey(key);
  if (errs.length) throw new CliError(`${goQuote(key)} is not valid key name for a Secret ${errs.join(';')}`);
  if (data.has(key)) throw new CliError(`cannot add key ${key}, another key by that name already exists`);
  data.set(key, value);
}

/**
 * newSecretObj plus the --append-hash suffix: `data` is omitted when empty and `type` when unset
 * (both are omitempty in the Secret struct).
 */
export function buildSecret(ctx: CommandContext, name: string, type: string, data: SecretData): KubeObject {
  const encoded: Record<string, string> = {};
  for (const [k, v] of data) encoded[k] = v.toString('base64');
  let finalName = name;
  if (ctx.parsed.flags['append-hash']) finalName = `${name}-${encodeHash({ kind: 'Secret', type, name, data: encoded })}`;
  const secret: KubeObject = { kind: 'Secret', apiVersion: 'v1', metadata: newMeta(ctx, finalName) };
  if (data.size) secret.data = encoded;
  if (type) secret.type = type;
  return secret;
}

/** Every `create secret` subcommand wraps server errors the same way — note: no colon after "secret". */
export const secretFailure = (msg: string): string => `failed to create secret ${msg}`;

export const appendHashFlag = { name: 'append-hash', type: 'bool' as const, description: 'Append a hash of the secret to its name.' };
