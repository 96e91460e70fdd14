import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sslcertsTrailer, verifyServerCertificate } from '../../src/runtime/tls/verify.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'tls');
const pem = (f: string) => readFileSync(join(dir, f), 'utf8');
const NOW = Date.parse('2030-01-01T00:00:00Z');
const base = { curlVersion: '7.79.1', now: NOW, insecure: false };

/**
 * Fixtures made with a real openssl (3.0): self-signed.crt is the docs walkthrough's
 * `openssl req -x509 … -subj "/CN=my-nginx/O=my-nginx"` (no subjectAltName); leaf.crt is signed by ca.crt
 * with DNS:web, DNS:web.default.svc.cluster.local and IP:10.96.0.50; short.crt lived for one day.
 */
describe('curl certificate verification', () => {
  it('trusts a self-signed certificate given as --cacert and matches its CN (the docs walkthrough)', () => {
    const v = verifyServerCertificate({ ...base, serverPem: pem('self-signed.crt'), caPem: pem('self-signed.crt'), host: 'my-nginx' });
    expect(v).toMatchObject({ ok: true, subject: 'CN=my-nginx\nO=my-nginx' });
  });

  it('rejects the same certificate by pod IP with the CN wording, and without a CA as self-signed per OpenSSL version', () => {
    expect(verifyServerCertificate({ ...base, serverPem: pem('self-signed.crt'), caPem: pem('self-signed.crt'), host: '10.244.1.5' })).toEqual({
      ok: false,
      exitCode: 60,
      message: "SSL: certificate subject name 'my-nginx' does not match target host name '10.244.1.5'",
    });
    expect(verifyServerCertificate({ ...base, serverPem: pem('self-signed.crt'), host: 'my-nginx' })).toMatchObject({ message: 'SSL certificate problem: self signed certificate' });
    expect(verifyServerCertificate({ ...base, curlVersion: '8.11.1', serverPem: pem('self-signed.crt'), host: 'my-nginx' })).toMatchObject({ message: 'SSL certificate problem: self-signed certificate' });
  });

  it('-k accepts anything', () => {
    expect(verifyServerCertificate({ ...base, insecure: true, serverPem: pem('self-signed.crt'), host: '10.244.1.5' }).ok).toBe(true);
  });

  it('follows a CA-signed certificate to its CA and matches subjectAltName entries only', () => {
    const ca = pem('ca.crt');
    expect(verifyServerCertificate({ ...base, serverPem: pem('leaf.crt'), caPem: ca, host: 'web' }).ok).toBe(true);
    expect(verifyServerCertificate({ ...base, serverPem: pem('leaf.crt'), caPem: ca, host: 'web.default.svc.cluster.local' }).ok).toBe(true);
    expect(verifyServerCertificate({ ...base, serverPem: pem('leaf.crt'), caPem: ca, host: '10.96.0.50' }).ok).toBe(true);
    expect(verifyServerCertificate({ ...base, serverPem: pem('leaf.crt'), caPem: ca, host: 'web.default' })).toMatchObject({ message: "SSL: no alternative certificate subject name matches target host name 'web.default'" });
    expect(verifyServerCertificate({ ...base, serverPem: pem('leaf.crt'), host: 'web' })).toMatchObject({ message: 'SSL certificate problem: unable to get local issuer certificate' });
    expect(verifyServerCertificate({ ...base, serverPem: pem('leaf.crt'), caPem: pem('self-signed.crt'), host: 'web' })).toMatchObject({ message: 'SSL certificate problem: unable to get local issuer certificate' });
    expect(verifyServerCertificate({ ...base, serverPem: pem('leaf.crt') + pem('ca.crt'), host: 'web' })).toMatchObject({ message: 'SSL certificate problem: self signed certificate in certificate chain' });
  });

  it('judges expiry on the simulated clock but never calls a freshly made certificate "not yet valid"', () => {
    const later = Date.parse(new X509Certificate(pem('short.crt')).validTo) + 1000;
    expect(verifyServerCertificate({ ...base, now: later, serverPem: pem('short.crt'), caPem: pem('short.crt'), host: 'short' })).toMatchObject({ message: 'SSL certificate problem: certificate has expired' });
    expect(verifyServerCertificate({ ...base, now: Date.parse('2025-01-01T00:00:00Z'), serverPem: pem('short.crt'), caPem: pem('short.crt'), host: 'short' }).ok).toBe(true);
  });

  it('words the help trailer as each curl version does', () => {
    expect(sslcertsTrailer('7.79.1')).toBe('More details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the web page mentioned above.\n');
    expect(sslcertsTrailer('8.11.1')).toContain('please visit the webpage mentioned above.\n');
    expect(sslcertsTrailer('7.49.1-DEV')).toMatch(/^More details here: https:\/\/curl\.haxx\.se\/docs\/sslcerts\.html\n\ncurl performs SSL certificate verification by default/);
  });
});
