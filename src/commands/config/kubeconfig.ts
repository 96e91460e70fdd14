import { createHash } from 'node:crypto';
import type { Profile } from '../../api/profiles.js';

/**
 * The kubeconfig that describes the simulated cluster: one cluster, one user and one context, all named
 * after the profile's context name. Key order is the order kubectl's JSON printer emits (the Go
 * struct order of clientcmd/api/v1.Config); the YAML printer sorts keys.
 */

export interface KubeconfigDoc {
  kind: 'Config';
  apiVersion: 'v1';
  preferences: Record<string, never>;
  clusters: Array<{ name: string; cluster: { server: string; 'certificate-authority-data': string } }>;
  users: Array<{ name: string; user: { 'client-certificate-data': string; 'client-key-data': string } }>;
  contexts: Array<{ name: string; context: { cluster: string; user: string; namespace?: string } }>;
  'current-context': string;
}

/** What `kubectl config view` shows instead of certificate and key bytes unless --raw is given. */
export const REDACTED_DATA = 'DATA+OMITTED';

/** Deterministic fake bytes: a SHA-256 chain seeded by a label. */
function fakeBytes(label: string, n: number): Buffer {
  const chunks: Buffer[] = [];
  let h = Buffer.from(label);
  let total = 0;
  while (total < n) {
    h = createHash('sha256').update(h).digest();
    chunks.push(h);
    total += h.length;
  }
  return Buffer.concat(chunks).subarray(0, n);
}

/** A PEM block around fake DER bytes, base64-encoded again as kubeconfig `*-data` fields hold it. */
function fakePemData(kind: 'CERTIFICATE' | 'RSA PRIVATE KEY', label: string, size: number): string {
  const body = fakeBytes(label, size).toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  const pem = `-----BEGIN ${kind}-----\n${body}\n-----END ${kind}-----\n`;
  return Buffer.from(pem).toString('base64');
}

/** The simulated kubeconfig; `raw` keeps the (fake) certificate data instead of DATA+OMITTED. */
export function simulatedKubeconfig(p: Profile, raw: boolean): KubeconfigDoc {
  const name = p.contextName;
  const data = (v: string) => (raw ? v : REDACTED_DATA);
  return {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: {},
    clusters: [{ name, cluster: { server: p.serverURL, 'certificate-authority-data': data(fakePemData('CERTIFICATE', `${name}-ca`, 770)) } }],
    users: [
      {
        name,
        user: {
          'client-certificate-data': data(fakePemData('CERTIFICATE', `${name}-client`, 800)),
          'client-key-data': data(fakePemData('RSA PRIVATE KEY', `${name}-key`, 1190)),
        },
      },
    ],
    contexts: [{ name, context: { cluster: name, user: name } }],
    'current-context': name,
  };
}
