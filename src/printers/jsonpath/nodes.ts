/** The template tree client-go's JSONPath parser builds: literal text and `{…}` actions. */

/** A run of nodes evaluated left to right, each on the previous one's results (one `{…}` action). */
export interface ListNode {
  kind: 'list';
  nodes: Node[];
}

/** One bound of `[start:end:step]`. */
export interface SliceParam {
  known: boolean;
  value: number;
  /** The end of a single index `[n]`, computed as n+1 at parse time. */
  derived: boolean;
}

/** One element of a parsed template. */
export type Node =
  | ListNode
  | { kind: 'text'; text: string }
  | { kind: 'field'; name: string }
  | { kind: 'array'; params: [SliceParam, SliceParam, SliceParam] }
  | { kind: 'filter'; left: ListNode; right: ListNode; operator: string }
  | { kind: 'int'; value: number }
  | { kind: 'float'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'wildcard' }
  | { kind: 'recursive' }
  | { kind: 'union'; branches: ListNode[] }
  | { kind: 'identifier'; name: string };

/** A filter node (`[?(…)]`). */
export type FilterNode = Extract<Node, { kind: 'filter' }>;

/** A parsed template: literal text and `{…}` actions. */
export interface JsonPathTemplate {
  readonly source: string;
  readonly root: ListNode;
}
