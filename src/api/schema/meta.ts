import type { SchemaDocs } from './model.js';

/**
 * Descriptions (kubesim's own wording) for the apimachinery types every object shares: object
 * metadata, owner references, label selectors, conditions, and the opaque value types.
 */

const API_CONVENTIONS = 'https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md';

/** The fields every top-level object has; the kind files spread these into their docs. */
export const OBJECT_ROOT_DOCS = {
  apiVersion: `The API group and version this object is written in, such as "v1" or "apps/v1". The server converts known versions to its own and may reject unknown ones. More info: ${API_CONVENTIONS}#resources`,
  kind: `The kind of object this document describes, written in CamelCase. The server derives it from the endpoint the request was sent to and it cannot be changed. More info: ${API_CONVENTIONS}#types-kinds`,
  metadata: `Standard object metadata: name, namespace, labels, annotations and the fields the server maintains. More info: ${API_CONVENTIONS}#metadata`,
} as const;

export const SPEC_LINK = `${API_CONVENTIONS}#spec-and-status`;

/** Descriptions of the opaque value types (kubectl shows them after a field's own description). */
export const OPAQUE_TYPE_DOCS: Readonly<Record<string, string>> = {
  Quantity:
    'A Quantity is a number with an optional unit suffix, written as a string: binary suffixes (Ki, Mi, Gi, Ti, Pi, Ei), decimal suffixes (m, k, M, G, T, P, E) or a decimal exponent (1e3). "500m" of a CPU is half a core; "128Mi" of memory is 128 mebibytes. The server stores it in canonical form, so "1000m" reads back as "1".',
  IntOrString:
    'IntOrString holds either an integer or a string. When it names a port, a number is used as is and a string is looked up as a named port.',
  Time: 'Time is a point in time, serialized as an RFC 3339 string with second precision (for example 2024-01-02T15:04:05Z).',
  MicroTime: 'MicroTime is a point in time with microsecond precision, serialized as an RFC 3339 string.',
  FieldsV1: 'FieldsV1 is a trie of field paths in JSON form: each key names a field, a list element or a map entry, and "." marks a field that is itself set.',
};

export const META_DOCS: SchemaDocs = {
  ObjectMeta: {
    _: 'ObjectMeta is the metadata every persisted object carries; users set some of it and the server manages the rest.',
    name: 'The name of the object, unique within its namespace (or cluster-wide for cluster-scoped kinds). It is required when creating, unless generateName is used, and it cannot be changed afterwards. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
    generateName: `A prefix the server turns into a unique name by appending random characters, used only when name is empty. The request can still fail with a conflict if the generated name is taken. More info: ${API_CONVENTIONS}#idempotency`,
    namespace: 'The namespace the object lives in. An empty value means "default"; cluster-scoped kinds leave it empty. It cannot be changed. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces',
    selfLink: 'Deprecated and no longer filled in by the server.',
    uid: 'A unique identifier the server assigns when the object is created; two objects with the same name at different times have different UIDs. Read-only. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#uids',
    resourceVersion: `An opaque string that changes every time the object is written. Clients send it back to detect concurrent updates and to resume watches; it must not be parsed. Read-only. More info: ${API_CONVENTIONS}#concurrency-control-and-consistency`,
    generation: 'A counter of changes to the desired state (spec), incremented by the server. Read-only.',
    creationTimestamp: `When the server created the object, in UTC. Clients cannot set it. Read-only. More info: ${API_CONVENTIONS}#metadata`,
    deletionTimestamp: `The time after which the object will be gone, set when a graceful deletion is requested. The object stays visible until its finalizers are removed; once set the value can only move earlier. Read-only. More info: ${API_CONVENTIONS}#metadata`,
    deletionGracePeriodSeconds: 'How many seconds the object is given to terminate gracefully before it is removed; set together with deletionTimestamp. Read-only.',
    labels: 'Key/value pairs used to organize and select objects; selectors on services and controllers match against them. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels',
    annotations: 'Free-form key/value data stored with the object for tools and people; it cannot be used in selectors. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/annotations',
    ownerReferences: 'The objects this one depends on. When every owner is deleted, the garbage collector deletes this object too. At most one reference may be marked as the managing controller.',
    finalizers: 'Names of pending cleanup steps. While the list is not empty a deletion only sets deletionTimestamp; each controller removes its entry when it is done, and the object disappears once the list is empty.',
    managedFields: 'Records which manager owns which fields, as maintained by server-side apply. Most users never need to read or edit it.',
  },
  OwnerReference: {
    _: 'OwnerReference identifies an object that owns this one. The owner must be in the same namespace or be cluster-scoped.',
    apiVersion: 'API version of the owner.',
    kind: `Kind of the owner. More info: ${API_CONVENTIONS}#types-kinds`,
    name: 'Name of the owner. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
    uid: 'UID of the owner. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#uids',
    controller: 'True when the owner is the controller that manages this object.',
    blockOwnerDeletion: 'When true and the owner is deleted with foreground cascading, the owner is not removed until this object is gone. Setting it requires delete permission on the owner.',
  },
  ManagedFieldsEntry: {
    _: 'ManagedFieldsEntry records the set of fields one manager applied or updated with one operation.',
    manager: 'Name of the workflow (usually the client) that manages these fields.',
    operation: 'The kind of write that produced this entry: "Apply" or "Update".',
    apiVersion: 'The API version the fields were written in; field sets only make sense against a version.',
    time: 'When the manager last changed one of these fields.',
    fieldsType: 'Format of the fieldsV1 data; the only value is "FieldsV1".',
    fieldsV1: 'The set of fields this manager owns, as a FieldsV1 trie.',
    subresource: 'The subresource that was written (such as "status"), or empty for the main resource.',
  },
  LabelSelector: {
    _: 'A label selector picks objects by their labels. matchLabels and matchExpressions are ANDed; an empty selector matches everything and a missing one matches nothing.',
    matchLabels: 'Exact key=value pairs; each pair works like a matchExpressions entry with operator In and a single value.',
    matchExpressions: 'Requirements on label keys and values; all must hold.',
  },
  LabelSelectorRequirement: {
    _: 'One requirement of a label selector: a key, an operator and values.',
    key: 'The label key the requirement applies to.',
    operator: 'How the key relates to the values: In, NotIn, Exists or DoesNotExist.',
    values: 'The values to compare with. In and NotIn need at least one; Exists and DoesNotExist need none.',
  },
  Condition: {
    _: 'Condition describes one aspect of an object\'s current state.',
    type: 'The kind of condition, in CamelCase (for example Available).',
    status: 'Whether the condition holds: True, False or Unknown.',
    observedGeneration: 'The metadata.generation the condition was computed from.',
    lastTransitionTime: 'When the status last changed.',
    reason: 'A short CamelCase word explaining the last transition.',
    message: 'A human-readable explanation of the last transition.',
  },
};
