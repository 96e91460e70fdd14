import type { KubeObject } from '../api/types.js';
import { qualifiedPlural, STORED_KINDS, type ResourceType } from '../api/kinds.js';
import { matchesSelector, parseSelector, SelectorParseError, type Selector } from '../api/labels.js';
import { matchesFields, parseFieldSelector, unsupportedField, type FieldRequirement, FieldSelectorError } from '../api/fields.js';
import type { Snapshot } from '../api/snapshot.js';
import { ApiError, CliError } from '../errors.js';
import type { ResourceRequest } from './args.js';

export interface Filters {
  labels: Selector;
  fields: FieldRequirement[];
  rawLabels: string;
  rawFields: string;
}

export function parseFilters(labelSelector: string, fieldSelector: string): Filters {
  try {
    return { labels: parseSelector(labelSelector), fields: parseFieldSelector(fieldSelector), rawLabels: labelSelector, rawFields: fieldSelector };
  } catch (e) {
    if (e instanceof SelectorParseError || e instanceof FieldSelectorError) throw new CliError(e.message);
    throw e;
  }
}

/** Lists one type in a namespace (or all, with `allNamespaces`) filtered by label and field selectors. */
export function listObjects(snapshot: Snapshot, t: ResourceType, ns: string, allNamespaces: boolean, f: Filters): KubeObject[] {
  const bad = unsupportedField(t.kind, f.fields);
  if (bad) {
    const gvr = t.group ? `${t.group}/${t.version}, Resource=${t.plural}` : `/${t.version}, Resource=${t.plural}`;
    throw new ApiError(
      'BadRequest',
      `Unable to find "${gvr}" that match label selector "${f.rawLabels}", field selector "${f.rawFields}": "${bad}" is not a known field selector: only "metadata.name", "metadata.namespace"`,
    );
  }
  if (!STORED_KINDS.has(t.kind)) return [];
  const objs = snapshot.list(t.kind, t.namespaced && !allNamespaces ? ns : undefined);
  return objs.filter((o) => matchesSelector(f.labels, o.metadata.labels) && matchesFields(f.fields, o));
}

/** Gets one named object or throws NotFound (`pods "x" not found`). */
export function getObject(snapshot: Snapshot, t: ResourceType, ns: string, name: string): KubeObject {
  const o = STORED_KINDS.has(t.kind) ? snapshot.get(t.kind, t.namespaced ? ns : '', name) : undefined;
  if (!o) throw ApiError.notFound(qualifiedPlural(t), name);
  return o;
}

/** "No resources found in default namespace." / "No resources found" — the empty-list message. */
export function noResourcesMessage(requests: ResourceRequest[], ns: string, allNamespaces: boolean): string {
  const namespaced = requests.some((r) => r.type.namespaced);
  if (allNamespaces || !namespaced) return 'No resources found\n';
  return `No resources found in ${ns} namespace.\n`;
}

/** Did the user ask for more than one type (`a,b`, `all`, or type/name pairs of different types)? */
export function multipleTypesRequested(args: string[]): boolean {
  if (args.length === 0) return false;
  if (args.some((a) => a.toLowerCase() === 'all' || a.toLowerCase().startsWith('all,') || (!a.includes('/') && a.includes(',')))) return true;
  const slashed = args.filter((a) => a.includes('/')).map((a) => a.slice(0, a.indexOf('/')).toLowerCase());
  return new Set(slashed).size > 1;
}
