/**
 * Executing a parsed template the way client-go's util/jsonpath does (FindResults / walk), quirks
 * included: `{range}`/`{end}` bookkeeping, filters, slices, recursive descent, and the errors Go returns.
 */
import { JsonPathError, StepError } from './errors.js';
import type { FilterNode, ListNode, Node, SliceParam } from './nodes.js';
import { GoFloat, INVALID, goTypeName, isGoMap, sortedKeys, stringBytes, type Value } from './go-values.js';
import { formatGoValue } from './format-value.js';
import { COMPARATORS } from './compare.js';

/** A data object entering FindResults: Go's reflect.ValueOf(nil) is the zero Value, not a nil map entry. */
export function asRoot(data: Value): Value {
  return data === null || data === undefined ? INVALID : data;
}

/** The children `.*` and `..` visit: map values (sorted; Go's order is random), elements, string bytes. */
function childrenOf(v: Value): Value[] {
  if (typeof v === 'string') return stringBytes(v);
  if (Array.isArray(v)) return v;
  if (isGoMap(v)) return sortedKeys(v).map((k) => v[k]);
  return [];
}

/** client-go's JSONPath execution state: the range/end bookkeeping across one template's nodes. */
export class Evaluator {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode: Node | undefined;

  constructor(private readonly allowMissingKeys: boolean) {}

  /**
   * client-go's FindResults: one result group per top-level node. `{range}` runs the rest of the node list
   * once per value; the body stops at the matching `{end}` and execution resumes after it. A `{range}`
   * without `{end}` runs the remaining nodes once per value and then once more on the outer object.
   */
  findResults(nodes: Node[], data: Value): Value[][] {
    const groups: Value[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const results = this.walk([data], nodes[i]);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = nodes[i];
        break;
      }
      if (this.beginRange > 0) {
        groups.push(...this.runRange(nodes.slice(i + 1), results));
        i = this.resumeIndex(nodes, i);
        continue;
      }
      groups.push(results);
    }
    return groups;
  }

  private runRange(body: Node[], values: Value[]): Value[][] {
    this.beginRange--;
    this.inRange++;
    const groups: Value[][] = [];
    // With nothing to range over the body still runs once (on nil) so that its {end} is found.
    if (values.length === 0) this.findResults(body, INVALID);
    for (const v of values) groups.push(...this.findResults(body, asRoot(v)));
    this.inRange--;
    return groups;
  }

  private resumeIndex(nodes: Node[], i: number): number {
    for (let k = i + 1; k < nodes.length; k++) if (nodes[k] === this.lastEndNode) return k;
    return i;
  }

  private walk(input: Value[], node: Node): Value[] {
    switch (node.kind) {
      case 'list':
        return this.evalList(input, node);
      case 'text':
        return [node.text];
      case 'field':
        return this.evalField(input, node.name);
      case 'array':
        return evalArray(input, node.params);
      case 'filter':
        return this.evalFilter(input, node);
      case 'int':
        return input.map(() => node.value);
      case 'float':
        return input.map(() => new GoFloat(node.value));
      case 'bool':
        return input.map(() => node.value);
      case 'wildcard':
        return input.flatMap((v) => (v === null ? [] : childrenOf(v)));
      case 'recursive':
        return evalRecursive(input);
      case 'union':
        return this.evalUnion(input, node.branches);
      case 'identifier':
        return this.evalIdentifier(input, node.name);
    }
  }

  private evalList(input: Value[], list: ListNode): Value[] {
    return list.nodes.reduce((values, node) => this.walk(values, node), input);
  }

  private evalField(input: Value[], name: string): Value[] {
    const results: Value[] = [];
    for (const v of input) {
      if (isGoMap(v) && Object.hasOwn(v, name) && v[name] !== undefined) results.push(v[name]);
    }
    if (results.length === 0 && input.length > 0 && !this.allowMissingKeys) {
      throw new StepError(`${name} is not found`, []);
    }
    return results;
  }

  private evalUnion(input: Value[], branches: ListNode[]): Value[] {
    const results: Value[] = [];
    for (const branch of branches) {
      try {
        results.push(...this.evalList(input, branch));
      } catch (e) {
        throw e instanceof JsonPathError ? new StepError(e.message, input) : e;
      }
    }
    return results;
  }

  private evalIdentifier(input: Value[], name: string): Value[] {
    if (name === 'range') {
      this.beginRange++;
      return input;
    }
    if (name === 'end') {
      if (this.inRange === 0) throw new StepError('not in range, nothing to end', []);
      this.endRange++;
      return [];
    }
    throw new StepError(`unrecognized identifier ${name}`, input);
  }

  private evalFilter(input: Value[], node: FilterNode): Value[] {
    const results: Value[] = [];
    for (const v of input) {
      if (!Array.isArray(v)) throw new StepError(`${formatGoValue(v)} is not array or slice and cannot be filtered`, input);
      for (const element of v) {
        if (this.filterAccepts(element, node, input, results)) results.push(element);
      }
    }
    return results;
  }

  private filterAccepts(element: Value, node: FilterNode, input: Value[], results: Value[]): boolean {
    if (node.operator === 'exists') {
      // Go ignores the error here but still looks at the values returned next to it.
      return this.valuesIgnoringError(() => this.evalList([element], node.left)).length > 0;
    }
    const left = this.singleOperand([element], node.left, input);
    if (left.length === 0) return false;
    const right = this.singleOperand([element], node.right, input);
    if (right.length === 0) return false;
    const compare = COMPARATORS[node.operator];
    if (!compare) throw new StepError(`unrecognized filter operator ${node.operator}`, results);
    try {
      return compare(left[0], right[0]);
    } catch (e) {
      throw e instanceof JsonPathError ? new StepError(e.message, results) : e;
    }
  }

  /** One side of a comparison: zero values skip the element, more than one is an error. */
  private singleOperand(temp: Value[], side: ListNode, input: Value[]): Value[] {
    let values: Value[];
    try {
      values = this.evalList(temp, side);
    } catch (e) {
      throw e instanceof JsonPathError ? new StepError(e.message, input) : e;
    }
    if (values.length > 1) throw new StepError('can only compare one element at a time', input);
    return values;
  }

  private valuesIgnoringError(run: () => Value[]): Value[] {
    try {
      return run();
    } catch (e) {
      if (e instanceof StepError) return e.values;
      if (e instanceof JsonPathError) return [];
      throw e;
    }
  }
}

function evalRecursive(input: Value[]): Value[] {
  const results: Value[] = [];
  for (const v of input) {
    if (v === null) continue;
    const children = childrenOf(v);
    // Only values that have children are listed themselves; leaves are reached through their parents.
    if (children.length === 0) continue;
    results.push(v, ...evalRecursive(children));
  }
  return results;
}

function evalArray(input: Value[], params: readonly SliceParam[]): Value[] {
  const results: Value[] = [];
  for (const v of input) {
    if (v === null) continue;
    // kubectl itself panics here; this is the panic's text.
    if (v === INVALID) throw new StepError('reflect: call of reflect.Value.Type on zero Value', input);
    if (!Array.isArray(v)) throw new StepError(`${goTypeName(v)} is not array or slice`, input);
    const bounds = sliceBounds(v.length, params, input);
    // client-go returns at the first empty selection, dropping the remaining inputs.
    if (bounds === undefined) return results;
    for (let i = bounds.start; i < bounds.end; i += bounds.step) results.push(v[i]);
  }
  return results;
}

function sliceBounds(length: number, params: readonly SliceParam[], input: Value[]) {
  let start = params[0].known ? params[0].value : 0;
  if (start < 0) start += length;
  let end = params[1].known ? params[1].value : length;
  // `[-1]` parses to start -1, end 0 (derived); both are shifted by the length.
  if (end < 0 || (end === 0 && params[1].derived)) end += length;
  if (end === start) return undefined;
  if (start >= length || start < 0) throw new StepError(`array index out of bounds: index ${start}, length ${length}`, input);
  if (end > length || end < 0) throw new StepError(`array index out of bounds: index ${end - 1}, length ${length}`, input);
  if (start > end) throw new StepError(`starting index ${start} is greater than ending index ${end}`, input);
  if (params[2].known && params[2].value <= 0) throw new StepError('step must be > 0', input);
  return { start, end, step: params[2].known ? params[2].value : 1 };
}
