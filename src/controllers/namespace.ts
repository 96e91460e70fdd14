import type { ControllerInput, Op } from './types.js';
import { STORED_KINDS, typeForKind } from '../api/kinds.js';

/** The root CA bundle every namespace gets in its kube-root-ca.crt ConfigMap (a stand-in certificate). */
export const ROOT_CA_PEM = `-----BEGIN CERTIFICATE-----
MIIDBTCCAe2gAwIBAgIIKubesimRootCAwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE
AxMKa3ViZXJuZXRlczAeFw0yNDAxMDEwMDAwMDBaFw0zNDAxMDEwMDAwMDBaMBUx
EzARBgNVBAMTCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEK
AoIBAQDKubesimSimulatedClusterRootCertificateAuthorityForTheLocal
-----END CERTIFICATE-----
`;

/**
 * Namespace lifecycle: an active namespace gets its `default` ServiceAccount and `kube-root-ca.crt`
 * ConfigMap (the service-account and root-ca-cert-publisher controllers); a terminating namespace has
 * everything in it deleted, then disappears.
 */
export function reconcileNamespaces({ snapshot, now }: ControllerInput): Op[] {
  const ops: Op[] = [];
  for (const ns of snapshot.list('Namespace')) {
    const name = ns.metadata.name;
    if (ns.metadata.deletionTimestamp) {
      let left = 0;
      for (const kind of STORED_KINDS) {
        if (!typeForKind(kind)?.namespaced) continue;
        for (const o of snapshot.list(kind, name)) {
          left++;
          ops.push({ op: 'delete', ref: { kind, namespace: name, name: o.metadata.name } });
        }
      }
      if (left === 0) ops.push({ op: 'delete', ref: { kind: 'Namespace', namespace: '', name } });
      continue;
    }
    if (!snapshot.get('ServiceAccount', name, 'default')) {
      ops.push({
        op: 'create',
        obj: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: name, creationTimestamp: now } },
      });
    }
    if (!snapshot.get('ConfigMap', name, 'kube-root-ca.crt')) {
      ops.push({
        op: 'create',
        obj: {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: {
            name: 'kube-root-ca.crt',
            namespace: name,
            creationTimestamp: now,
            annotations: { 'kubernetes.io/description': "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters." },
          },
          data: { 'ca.crt': ROOT_CA_PEM },
        },
      });
    }
  }
  return ops;
}
