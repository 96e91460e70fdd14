import type { FlagSpec } from './flags.js';

/**
 * kubectl's global options (`kubectl options`). Only -n/--namespace and --context change anything here:
 * there is one simulated cluster and no credentials, so the others are accepted and ignored.
 */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'as', type: 'string', description: 'Username to impersonate for the operation. User could be a regular user or a service account in a namespace.' },
  { name: 'as-group', type: 'stringArray', description: 'Group to impersonate for the operation, this flag can be repeated to specify multiple groups.' },
  { name: 'as-uid', type: 'string', description: 'UID to impersonate for the operation.' },
  { name: 'cache-dir', type: 'string', default: '$HOME/.kube/cache', description: 'Default cache directory' },
  { name: 'certificate-authority', type: 'string', description: 'Path to a cert file for the certificate authority' },
  { name: 'client-certificate', type: 'string', description: 'Path to a client certificate file for TLS' },
  { name: 'client-key', type: 'string', description: 'Path to a client key file for TLS' },
  { name: 'cluster', type: 'string', description: 'The name of the kubeconfig cluster to use' },
  { name: 'context', type: 'string', description: 'The name of the kubeconfig context to use' },
  { name: 'disable-compression', type: 'bool', description: 'If true, opt-out of response compression for all requests to the server' },
  { name: 'insecure-skip-tls-verify', type: 'bool', description: "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure" },
  { name: 'kubeconfig', type: 'string', description: 'Path to the kubeconfig file to use for CLI requests.' },
  { name: 'log-flush-frequency', type: 'duration', default: '5s', description: 'Maximum number of seconds between log flushes' },
  { name: 'match-server-version', type: 'bool', description: 'Require server version to match client version' },
  { name: 'namespace', short: 'n', type: 'string', description: 'If present, the namespace scope for this CLI request' },
  { name: 'password', type: 'string', description: 'Password for basic authentication to the API server' },
  { name: 'profile', type: 'string', default: 'none', description: 'Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)' },
  { name: 'profile-output', type: 'string', default: 'profile.pprof', description: 'Name of the file to write the profile to' },
  { name: 'request-timeout', type: 'string', default: '0', description: 'The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don\'t timeout requests.' },
  { name: 'server', short: 's', type: 'string', description: 'The address and port of the Kubernetes API server' },
  { name: 'tls-server-name', type: 'string', description: 'Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used' },
  { name: 'token', type: 'string', description: 'Bearer token for authentication to the API server' },
  { name: 'user', type: 'string', description: 'The name of the kubeconfig user to use' },
  { name: 'username', type: 'string', description: 'Username for basic authentication to the API server' },
  { name: 'v', short: 'v', type: 'string', default: '0', description: 'number for the log level verbosity' },
  { name: 'vmodule', type: 'string', description: 'comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)' },
  { name: 'warnings-as-errors', type: 'bool', description: 'Treat warnings received from the server as errors and exit with a non-zero exit code' },
];

const TAKES_VALUE = new Set(GLOBAL_FLAGS.filter((f) => f.type !== 'bool').flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]));

/** Where the verb is in argv: global flags (and their values) may come before it, as cobra allows. */
export function findVerbIndex(argv: string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return -1;
    if (!a.startsWith('-') || a === '-') return i;
    if (TAKES_VALUE.has(a)) i++;
  }
  return -1;
}
