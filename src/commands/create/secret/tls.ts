import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandContext, CommandSpec } from '../../../cli/command.js';
import { CliError } from '../../../errors.js';
import { finishCreate, goErrno, prepare, subcommandFlags } from '../common.js';
import { appendHashFlag, buildSecret, secretFailure, type SecretData } from '../secret.js';

export const command: CommandSpec = {
  name: 'tls',
  short: 'Create a TLS secret',
  long: `Create a kubernetes.io/tls secret from a PEM certificate and its private key.

 Both files must already exist. The certificate's public key must belong to the private key; the pair is checked before anything is sent.`,
  examples: `# Create a TLS secret from a certificate and its key
kubectl create secret tls web-tls --cert=certs/web.crt --key=certs/web.key`,
  usage: 'create secret tls NAME --cert=path/to/cert/file --key=path/to/key/file [--dry-run=server|client|none] [options]',
  flags: subcommandFlags([
    appendHashFlag,
    { name: 'cert', type: 'string', description: 'Path to PEM encoded public key certificate.' },
    { name: 'key', type: 'string', description: 'Path to private key associated with given certificate.' },
  ]),
  run: runCreateSecretTls,
};

async function runCreateSecretTls(ctx: CommandContext): Promise<void> {
  const { name, dryRun } = prepare(ctx);
  const certPath = ctx.parsed.flags.cert as string;
  const keyPath = ctx.parsed.flags.key as string;
  if (!certPath || !keyPath) throw new CliError('key and cert must be specified');
  const cert = readPemFile(ctx, certPath);
  const key = readPemFile(ctx, keyPath);
  checkKeyPair(cert, key);
  const data: SecretData = new Map([
    ['tls.crt', cert],
    ['tls.key', key],
  ]);
  await finishCreate(ctx, buildSecret(ctx, name, 'kubernetes.io/tls', data), dryRun, secretFailure);
}

function readPemFile(ctx: CommandContext, path: string): Buffer {
  try {
    return readFileSync(resolve(ctx.cwd, path));
  } catch (e) {
    const op = (e as NodeJS.ErrnoException).code === 'EISDIR' ? 'read' : 'open';
    throw new CliError(`Cannot read file ${path}, ${op} ${path}: ${goErrno(e)}`);
  }
}

interface PemBlock {
  type: string;
  der: Buffer;
}

/** encoding/pem.Decode applied repeatedly: every well-formed block, in order; malformed ones are skipped. */
export function pemBlocks(input: Buffer): PemBlock[] {
  const text = input.toString('latin1');
  const out: PemBlock[] = [];
  const re = /-----BEGIN ([^\r\n-]*(?:-[^\r\n-]+)*)-----[ \t]*\r?\n([\s\S]*?)-----END \1-----/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let body = m[2];
    // Optional RFC 1421 headers ("Proc-Type: 4,ENCRYPTED") end at the first blank line.
    if (/^[^\r\n:]+:/.test(body)) {
      const blank = body.search(/\r?\n\r?\n/);
      if (blank < 0) continue;
      body = body.slice(blank).replace(/^\r?\n\r?\n/, '');
    }
    const b64 = body.replace(/[ \t\r\n]/g, '');
    if (b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) continue;
    out.push({ type: m[1], der: Buffer.from(b64, 'base64') });
  }
  return out;
}

/** Go's `%v` of a []string. */
const goList = (xs: string[]) => `[${xs.join(' ')}]`;

/**
 * crypto/tls.X509KeyPair's checks and error texts, which kubectl prints unchanged: the certificate
 * input needs a CERTIFICATE block, the key input a "… PRIVATE KEY" block, the key must parse
 * (PKCS#1, PKCS#8 or SEC 1) and be the private half of the first certificate's public key.
 */
export function checkKeyPair(certPem: Buffer, keyPem: Buffer): void {
  const certBlocks = pemBlocks(certPem);
  const certs = certBlocks.filter((b) => b.type === 'CERTIFICATE');
  if (certs.length === 0) {
    const skipped = certBlocks.map((b) => b.type);
    if (skipped.length === 0) throw new CliError('tls: failed to find any PEM data in certificate input');
    if (skipped.length === 1 && skipped[0].endsWith('PRIVATE KEY')) {
      throw new CliError('tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched');
    }
    throw new CliError(`tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: ${goList(skipped)}`);
  }
  const skipped: string[] = [];
  let keyBlock: PemBlock | undefined;
  for (const b of pemBlocks(keyPem)) {
    if (b.type === 'PRIVATE KEY' || b.type.endsWith(' PRIVATE KEY')) {
      keyBlock = b;
      break;
    }
    skipped.push(b.type);
  }
  if (!keyBlock) {
    if (skipped.length === 0) throw new CliError('tls: failed to find any PEM data in key input');
    if (skipped.length === 1 && skipped[0] === 'CERTIFICATE') throw new CliError('tls: found a certificate rather than a key in the PEM for the private key');
    throw new CliError(`tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: ${goList(skipped)}`);
  }
  let pub: KeyObject;
  try {
    pub = new X509Certificate(certs[0].der).publicKey;
  } catch {
    throw new CliError('x509: malformed certificate');
  }
  const priv = parsePrivateKey(keyBlock.der);
  const pubType = pub.asymmetricKeyType;
  if (pubType !== 'rsa' && pubType !== 'ec' && pubType !== 'ed25519') throw new CliError('tls: unknown public key algorithm');
  if (priv.asymmetricKeyType !== pubType) throw new CliError('tls: private key type does not match public key type');
  const a = pub.export({ format: 'jwk' });
  const b = priv.export({ format: 'jwk' });
  const same = pubType === 'rsa' ? a.n === b.n : pubType === 'ec' ? a.crv === b.crv && a.x === b.x && a.y === b.y : a.x === b.x;
  if (!same) throw new CliError('tls: private key does not match public key');
}

const GO_CURVES = new Set(['P-224', 'P-256', 'P-384', 'P-521']);

/** tls.parsePrivateKey: PKCS#1, then PKCS#8 (RSA, ECDSA, Ed25519 only), then SEC 1 EC. */
function parsePrivateKey(der: Buffer): KeyObject {
  const attempt = (type: 'pkcs1' | 'pkcs8' | 'sec1'): KeyObject | undefined => {
    try {
      return createPrivateKey({ key: der, format: 'der', type });
    } catch {
      return undefined;
    }
  };
  const pkcs1 = attempt('pkcs1');
  if (pkcs1) return pkcs1;
  const pkcs8 = attempt('pkcs8');
  if (pkcs8) {
    const t = pkcs8.asymmetricKeyType;
    if (t === 'rsa' || t === 'ed25519' || (t === 'ec' && GO_CURVES.has(String(pkcs8.export({ format: 'jwk' }).crv)))) return pkcs8;
    if (t === 'x25519') throw new CliError('tls: found unknown private key type in PKCS#8 wrapping');
  }
  const sec1 = attempt('sec1');
  if (sec1 && GO_CURVES.has(String(sec1.export({ format: 'jwk' }).crv))) return sec1;
  throw new CliError('tls: failed to parse private key');
}
