import type { SchemaDocs } from './model.js';
import { OBJECT_ROOT_DOCS } from './meta.js';

/** Descriptions (kubesim's own wording) for ConfigMap, Secret and ServiceAccount. */

export const CONFIG_DOCS: SchemaDocs = {
  ConfigMap: {
    _: 'A ConfigMap stores non-confidential configuration as key/value pairs that pods can read as environment variables or files.',
    ...OBJECT_ROOT_DOCS,
    immutable: 'When true, data and binaryData can no longer be changed; only metadata can. Defaults to false.',
    data: 'UTF-8 configuration values. Keys may contain letters, digits, "-", "_" and "."; a key cannot appear in both data and binaryData.',
    binaryData: 'Binary configuration values, base64 encoded. Keys follow the same rules as data and must not repeat keys of data.',
  },
  Secret: {
    _: 'A Secret holds a small amount of sensitive data, such as a password or token, for pods to use. The total size is limited to 1MiB.',
    ...OBJECT_ROOT_DOCS,
    immutable: 'When true, data can no longer be changed; only metadata can. Defaults to false.',
    data: 'The secret values, base64 encoded. Keys may contain letters, digits, "-", "_" and ".". More info: https://tools.ietf.org/html/rfc4648#section-4',
    stringData: 'Convenience for writing values as plain strings; the server merges them into data (winning over the same key there) and never returns this field.',
    type: 'Tells programs how to interpret the data, such as Opaque (the default), kubernetes.io/tls or kubernetes.io/dockerconfigjson. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types',
  },
  ServiceAccount: {
    _: 'A ServiceAccount is an identity for processes in pods. It ties together a name that can be granted permissions and the credentials pods use to authenticate.',
    ...OBJECT_ROOT_DOCS,
    secrets: 'Deprecated: Secrets with tokens for this account. Tokens are now issued on demand and mounted through projected volumes. More info: https://kubernetes.io/docs/concepts/configuration/secret',
    imagePullSecrets: 'Registry credentials added to every pod that runs as this account, unlike secrets which only grant access. More info: https://kubernetes.io/docs/concepts/containers/images/#specifying-imagepullsecrets-on-a-pod',
    automountServiceAccountToken: 'Whether pods running as this account get an API token mounted automatically; the pod setting wins.',
  },
};
