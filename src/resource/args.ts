import { resolveResourceType, typesInCategory, type ResourceType } from '../api/kinds.js';
import { CliError } from '../errors.js';

/** cli-runtime's missingResourceError: what verbs print when given neither resources nor -f. */
export const MISSING_RESOURCES = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

/** One thing a verb was asked about: a type, and optionally one name of it. */
export interface ResourceRequest {
  type: ResourceType;
  name?: string;
}

export class UnknownTypeError extends CliError {
  constructor(typed: string) {
    super(`the server doesn't have a resource type "${typed}"`);
  }
}

export function resolveType(typed: string): ResourceType[] {
  if (typed.toLowerCase() === 'all') return typesInCategory('all');
  const t = resolveResourceType(typed);
  if (!t) throw new UnknownTypeError(typed);
  return [t];
}

/**
 * kubectl's argument grammar for resources (cli-runtime ResourceTypeOrNameArgs):
 *   TYPE[,TYPE…] [NAME…]   or   TYPE/NAME [TYPE/NAME…]
 * Returns the requests in order; `names` is false when only types were given.
 */
export function parseResourceArgs(args: string[]): { requests: ResourceRequest[]; names: boolean } {
  if (args.length === 0) return { requests: [], names: false };
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length > 0) {
    // cli-runtime's hasCombinedTypeArgs: any mix of TYPE/NAME and bare words is this one error.
    if (slashed.length !== args.length) {
      throw new CliError(
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      );
    }
    const requests = args.map((a) => {
      const i = a.indexOf('/');
      const typed = a.slice(0, i);
      const name = a.slice(i + 1);
      if (!typed || !name || name.includes('/')) throw new CliError(`arguments in resource/name form must have a single resource and name`);
      const [type] = resolveType(typed);
      return { type, name };
    });
    return { requests, names: true };
  }
  const types = args[0].split(',').filter(Boolean).flatMap(resolveType);
  const names = args.slice(1);
  if (names.length === 0) return { requests: dedupe(types).map((type) => ({ type })), names: false };
  return { requests: dedupe(types).flatMap((type) => names.map((name) => ({ type, name }))), names: true };
}

function dedupe(types: ResourceType[]): ResourceType[] {
  const seen = new Set<string>();
  return types.filter((t) => {
    const k = `${t.group}/${t.plural}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
