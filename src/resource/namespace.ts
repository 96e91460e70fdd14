import type { KubeObject } from '../api/types.js';
import { typeForKind } from '../api/kinds.js';
import { CliError } from '../errors.js';

/**
 * The namespace an object from a file goes to: its own, or -n / the context's. A file naming one
 * namespace while -n names another is refused, as kubectl refuses it.
 */
export function namespaceFor(obj: KubeObject, ns: string, nsGiven: boolean): string {
  const t = typeForKind(obj.kind, obj.apiVersion);
  if (t && !t.namespaced) return '';
  const own = obj.metadata?.namespace;
  if (own && nsGiven && own !== ns) {
    throw new CliError(`the namespace from the provided object "${own}" does not match the namespace "${ns}". You must pass '--namespace=${own}' to perform this operation.`);
  }
  return own || ns;
}
