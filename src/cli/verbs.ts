import type { CommandSpec } from './command.js';

/** A verb of the root command, loaded only when it is the one being run (keeps start-up fast). */
export interface VerbEntry {
  name: string;
  aliases?: string[];
  short: string;
  group: string;
  load: () => Promise<CommandSpec>;
}

const def = (m: { command: CommandSpec }) => m.command;

/** The kubectl verbs kubesim implements, grouped as `kubectl --help` groups them. */
export const KUBECTL_VERBS: VerbEntry[] = [
  { group: 'Basic Commands (Beginner):', name: 'create', short: 'Create a resource from a file or from stdin', load: () => import('../commands/create.js').then(def) },
  { group: 'Basic Commands (Beginner):', name: 'expose', short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service', load: () => import('../commands/expose.js').then(def) },
  { group: 'Basic Commands (Beginner):', name: 'run', short: 'Run a particular image on the cluster', load: () => import('../commands/run.js').then(def) },
  { group: 'Basic Commands (Beginner):', name: 'set', short: 'Set specific features on objects', load: () => import('../commands/set.js').then(def) },
  { group: 'Basic Commands (Intermediate):', name: 'explain', short: 'Get documentation for a resource', load: () => import('../commands/explain.js').then(def) },
  { group: 'Basic Commands (Intermediate):', name: 'get', short: 'Display one or many resources', load: () => import('../commands/get.js').then(def) },
  { group: 'Basic Commands (Intermediate):', name: 'edit', short: 'Edit a resource on the server', load: () => import('../commands/edit.js').then(def) },
  { group: 'Basic Commands (Intermediate):', name: 'delete', short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector', load: () => import('../commands/delete.js').then(def) },
  { group: 'Deploy Commands:', name: 'rollout', short: 'Manage the rollout of a resource', load: () => import('../commands/rollout.js').then(def) },
  { group: 'Deploy Commands:', name: 'scale', short: 'Set a new size for a deployment, replica set, or replication controller', load: () => import('../commands/scale.js').then(def) },
  { group: 'Cluster Management Commands:', name: 'cluster-info', short: 'Display cluster information', load: () => import('../commands/cluster-info.js').then(def) },
  { group: 'Cluster Management Commands:', name: 'cordon', short: 'Mark node as unschedulable', load: () => import('../commands/cordon.js').then(def) },
  { group: 'Cluster Management Commands:', name: 'uncordon', short: 'Mark node as schedulable', load: () => import('../commands/uncordon.js').then(def) },
  { group: 'Cluster Management Commands:', name: 'drain', short: 'Drain node in preparation for maintenance', load: () => import('../commands/drain.js').then(def) },
  { group: 'Troubleshooting and Debugging Commands:', name: 'describe', short: 'Show details of a specific resource or group of resources', load: () => import('../commands/describe.js').then(def) },
  { group: 'Troubleshooting and Debugging Commands:', name: 'logs', short: 'Print the logs for a container in a pod', load: () => import('../commands/logs.js').then(def) },
  { group: 'Troubleshooting and Debugging Commands:', name: 'attach', short: 'Attach to a running container', load: () => import('../commands/attach.js').then(def) },
  { group: 'Troubleshooting and Debugging Commands:', name: 'exec', short: 'Execute a command in a container', load: () => import('../commands/exec.js').then(def) },
  { group: 'Troubleshooting and Debugging Commands:', name: 'port-forward', short: 'Forward one or more local ports to a pod', load: () => import('../commands/port-forward.js').then(def) },
  { group: 'Troubleshooting and Debugging Commands:', name: 'debug', short: 'Create debugging sessions for troubleshooting workloads and nodes', load: () => import('../commands/debug.js').then(def) },
  { group: 'Advanced Commands:', name: 'apply', short: 'Apply a configuration to a resource by file name or stdin', load: () => import('../commands/apply.js').then(def) },
  { group: 'Advanced Commands:', name: 'patch', short: 'Update fields of a resource', load: () => import('../commands/patch.js').then(def) },
  { group: 'Advanced Commands:', name: 'replace', short: 'Replace a resource by file name or stdin', load: () => import('../commands/replace.js').then(def) },
  { group: 'Advanced Commands:', name: 'wait', short: 'Experimental: Wait for a specific condition on one or many resources', load: () => import('../commands/wait.js').then(def) },
  { group: 'Settings Commands:', name: 'label', short: 'Update the labels on a resource', load: () => import('../commands/label.js').then(def) },
  { group: 'Settings Commands:', name: 'annotate', short: 'Update the annotations on a resource', load: () => import('../commands/annotate.js').then(def) },
  { group: 'Other Commands:', name: 'api-resources', short: 'Print the supported API resources on the server', load: () => import('../commands/api-resources.js').then(def) },
  { group: 'Other Commands:', name: 'api-versions', short: 'Print the supported API versions on the server, in the form of "group/version"', load: () => import('../commands/api-versions.js').then(def) },
  { group: 'Other Commands:', name: 'config', short: 'Modify kubeconfig files', load: () => import('../commands/config.js').then(def) },
  { group: 'Other Commands:', name: 'version', short: 'Print the client and server version information', load: () => import('../commands/version.js').then(def) },
];
