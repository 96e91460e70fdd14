import { X509Certificate } from 'node:crypto';

/**
 * How curl (over OpenSSL) judges a server certificate, with curl's own error texts: the chain must lead
 * to a certificate in the CA file (`--cacert`) or the image's CA store, then the URL's host must match a
 * subjectAltName (DNS or IP) — or, when the certificate has no subjectAltName at all, its CN. `-k` skips
 * both. Pure: node:crypto parses and checks signatures; no host file or socket is touched.
 */

export interface TlsVerifyInput {
  /** The server's certificate chain as PEM (leaf first), e.g. the mounted tls.crt. */
  serverPem: string;
  /** Trusted certificates as PEM (--cacert content); undefined: the image's store, which holds only public roots. */
  caPem?: string;
  /** The host part of the URL. */
  host: string;
  /** curl's version, for the wording (OpenSSL 1.x vs 3.x texts, the help trailer). */
  curlVersion: string;
  /** Simulated now in epoch ms (expiry). */
  now: number;
  insecure: boolean;
}

export type TlsVerdict = { ok: true; subject: string; issuer: string } | { ok: false; exitCode: 60; message: string };

export function pemCertificates(pem: string): X509Certificate[] {
  const out: X509Certificate[] = [];
  for (const m of pem.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g)) {
    try {
      out.push(new X509Certificate(m[0]));
    } catch {
      // a malformed block is skipped, as OpenSSL's PEM reader skips what it cannot parse
    }
  }
  return out;
}

function versionAtLeast(version: string, major: number, minor: number): boolean {
  const [a, b] = version.split(/[.-]/).map(Number);
  return a > major || (a === major && b >= minor);
}

/** OpenSSL 3 says "self-signed"; the 1.x builds in older images say "self signed". Debian bookworm's curl 7.88 and curl 8 images link OpenSSL 3. */
const openssl3 = (curlVersion: string) => versionAtLeast(curlVersion, 7, 88);

/** What curl prints after a (60): the pointer to sslcerts.html, in the words of its version. */
export function sslcertsTrailer(curlVersion: string): string {
  if (!versionAtLeast(curlVersion, 7, 52)) {
    return [
      'More details here: https://curl.haxx.se/docs/sslcerts.html',
      '',
      'curl performs SSL certificate verification by default, using a "bundle"',
      ' of Certificate Authority (CA) public keys (CA certs). If the default',
      " bundle file isn't adequate, you can specify an alternate file",
      ' using the --cacert option.',
      'If this HTTPS server uses a certificate signed by a CA represented in',
      ' the bundle, the certificate verification probably failed due to a',
      ' problem with the certificate (it might be expired, or the name might',
      ' not match the domain name in the URL).',
      "If you'd like to turn off curl's verification of the certificate, use",
      ' the -k (or --insecure) option.',
      '',
    ].join('\n');
  }
  const url = versionAtLeast(curlVersion, 7, 74) ? 'https://curl.se/docs/sslcerts.html' : 'https://curl.haxx.se/docs/sslcerts.html';
  const page = versionAtLeast(curlVersion, 8, 0) ? 'webpage' : 'web page';
  return `More details here: ${url}\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the ${page} mentioned above.\n`;
}

const fail = (message: string): TlsVerdict => ({ ok: false, exitCode: 60, message });

const same = (a: X509Certificate, b: X509Certificate) => a.fingerprint256 === b.fingerprint256;
const issuedBy = (c: X509Certificate, issuer: X509Certificate) => c.checkIssued(issuer) && c.verify(issuer.publicKey);

/** OpenSSL's chain building: up from the leaf through the sent chain to a trusted anchor. */
function chainProblem(chain: X509Certificate[], trusted: X509Certificate[], v3: boolean, now: number): string | undefined {
  let cur = chain[0];
  const seen = new Set<string>();
  for (;;) {
    if (trusted.some((t) => same(t, cur))) break;
    const anchor = trusted.find((t) => issuedBy(cur, t));
    if (anchor) {
      cur = anchor;
      break;
    }
    if (issuedBy(cur, cur)) return cur === chain[0] ? (v3 ? 'self-signed certificate' : 'self signed certificate') : v3 ? 'self-signed certificate in certificate chain' : 'self signed certificate in certificate chain';
    const next = chain.find((c) => !seen.has(c.fingerprint256) && !same(c, cur) && issuedBy(cur, c));
    if (!next) return cur === chain[0] ? 'unable to get local issuer certificate' : 'unable to get issuer certificate';
    seen.add(cur.fingerprint256);
    cur = next;
  }
  // Only expiry is judged against the simulated clock: a frozen clock stands still at its instant, and a
  // certificate made today by a real openssl must not look "not yet valid" to a lab replayed in 2025.
  for (const c of chain) if (Date.parse(c.validTo) < now) return 'certificate has expired';
  return undefined;
}

function hostMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  const h = host.toLowerCase();
  if (p === h) return true;
  // One leading wildcard label, never matching an IP address or more than one label.
  if (p.startsWith('*.') && !/^[\d.]+$/.test(h)) {
    const rest = h.indexOf('.');
    return rest > 0 && h.slice(rest) === p.slice(1);
  }
  return false;
}

function commonName(cert: X509Certificate): string | undefined {
  return cert.subject.split('\n').find((l) => l.startsWith('CN='))?.slice(3);
}

export function verifyServerCertificate(input: TlsVerifyInput): TlsVerdict {
  const chain = pemCertificates(input.serverPem);
  if (chain.length === 0) return fail('SSL certificate problem: unable to get local issuer certificate');
  const leaf = chain[0];
  const verdict = { ok: true as const, subject: leaf.subject, issuer: leaf.issuer };
  if (input.insecure) return verdict;
  const v3 = openssl3(input.curlVersion);
  const trusted = input.caPem === undefined ? [] : pemCertificates(input.caPem);
  const problem = chainProblem(chain, trusted, v3, input.now);
  if (problem) return fail(`SSL certificate problem: ${problem}`);
  const san = leaf.subjectAltName;
  if (san) {
    const entries = san.split(', ').map((e) => {
      const i = e.indexOf(':');
      return { type: e.slice(0, i), value: e.slice(i + 1) };
    });
    const isIP = /^[\d.]+$/.test(input.host) || input.host.includes(':');
    const ok = entries.some((e) => (isIP ? e.type === 'IP Address' && e.value === input.host : e.type === 'DNS' && hostMatches(e.value, input.host)));
    if (!ok) return fail(`SSL: no alternative certificate subject name matches target host name '${input.host}'`);
    return verdict;
  }
  const cn = commonName(leaf);
  if (!cn) return fail(`SSL: unable to obtain common name from peer certificate`);
  if (!hostMatches(cn, input.host)) return fail(`SSL: certificate subject name '${cn}' does not match target host name '${input.host}'`);
  return verdict;
}
