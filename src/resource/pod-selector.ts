import type { KubeObject } from '../api/types.js';
import { fromLabelSelector, type Selector } from '../api/labels.js';
import { CliError } from '../errors.js';

/**
 * The pod selector of a workload or service (polymorphichelpers' SelectorsForObject), for the verbs
 * that reach pods through `TYPE/NAME`. Each verb words its refusals itself: `prefix` starts them
 * (`cannot get the logs from *v1.Service: ` for logs; nothing for attach and port-forward), and `unsupported`
 * is the text for a kind without a pod selector.
 */
export function podSelectorOf(obj: KubeObject, words: { prefix: string; unsupported(goType: string): string }): Selector {
  const goType = `*v1.${obj.kind}`;
  switch (obj.kind) {
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
      return fromLabelSelector(obj.spec?.selector);
    case 'ReplicationController':
      return fromLabelSelector({ matchLabels: obj.spec?.selector });
    case 'Service': {
      const sel = obj.spec?.selector as Record<string, string> | undefined;
      if (!sel || Object.keys(sel).length === 0) throw new CliError(`${words.prefix}invalid service '${obj.metadata.name}': Service is defined without a selector`);
      return fromLabelSelector({ matchLabels: sel });
    }
    default:
      throw new CliError(words.unsupported(goType));
  }
}
