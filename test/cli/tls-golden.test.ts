import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempStateDir } from '../helpers/cli.js';
import { transcript } from '../helpers/transcript.js';

/**
 * The Kubernetes docs' "Securing the Service": a certificate made by a real openssl (the fixture is
 * `openssl req -x509 … -subj "/CN=my-nginx/O=my-nginx"`), `create secret tls`, `create configmap
 * --from-file=default.conf`, the secure nginx and the curl pod from specs/docs, then curl by name with
 * the mounted certificate as CA (succeeds: CN=my-nginx), by pod IP (fails with curl's (60) naming the
 * CN), with -k, and plain HTTP to the TLS port (nginx's 400).
 */
const cwd = mkdtempSync(join(tmpdir(), 'kubesim-tls-'));
cpSync(join(ROOT, 'specs', 'docs'), cwd, { recursive: true });
cpSync(join(ROOT, 'test', 'fixtures', 'tls', 'self-signed.crt'), join(cwd, 'nginx.crt'));
cpSync(join(ROOT, 'test', 'fixtures', 'tls', 'self-signed.key'), join(cwd, 'nginx.key'));

describe('HTTPS end to end in the cluster (docs walkthrough)', () => {
  const { dir, cleanup } = tempStateDir();
  afterAll(() => {
    cleanup();
    rmSync(cwd, { recursive: true, force: true });
  });

  it('serves the mounted certificate on 443 and curl judges it as curl does', async () => {
    const pod = (sel: string) => `$(kubectl get pods -l ${sel} -o jsonpath={.items[0].metadata.name})`;
    void pod;
    const out = transcript(
      [
        'kubectl create secret tls nginxsecret --key nginx.key --cert nginx.crt',
        'kubectl create configmap nginxconfigmap --from-file=default.conf',
        'kubectl get secrets',
        'kubectl create -f ./nginx-secure-app.yaml',
        'kubectl apply -f ./curlpod.yaml',
        'kubectl get pods -l run=my-nginx -o custom-columns=POD_IP:.status.podIPs',
        'kubectl exec deploy/curl-deployment -- curl https://my-nginx --cacert /etc/nginx/ssl/tls.crt',
        'kubectl exec deploy/curl-deployment -- curl -sS https://10.244.1.2 --cacert /etc/nginx/ssl/tls.crt',
        'kubectl exec deploy/curl-deployment -- curl -s https://my-nginx',
        'kubectl exec deploy/curl-deployment -- sh -c "curl -sk https://10.244.1.2 | grep title"',
        'kubectl exec deploy/curl-deployment -- sh -c "curl -s http://my-nginx:443 | grep title"',
        'kubectl exec deploy/curl-deployment -- curl -sS https://my-nginx --cacert /etc/missing.crt',
        'kubectl logs deploy/my-nginx',
      ],
      dir,
      cwd,
    );
    await expect(out).toMatchFileSnapshot('../golden/tls-docs.txt');
  });
});
