/**
 * Label selectors as kubectl and the API server parse them (apimachinery labels.Parse):
 *
 *   selector    := requirement ( ',' requirement )*
 *   requirement := key ( '=' | '==' | '!=' ) value
 *                | key ( 'in' | 'notin' ) '(' value ( ',' value )* ')'
 *                | key            (exists)
 *                | '!' key        (does not exist)
 *
 * Matching is pure; parse errors carry apimachinery's wording.
 */

export type Operator = '=' | '!=' | 'in' | 'notin' | 'exists' | '!';

export interface Requirement {
  key: string;
  op: Operator;
  values: string[];
}

export type Selector = Requirement[];

export class SelectorParseError extends Error {}

const KEY_RE = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE_RE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Split on commas that are not inside parentheses. */
function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function checkKey(key: string): void {
  if (!KEY_RE.test(key) || key.length > 316) {
    throw new SelectorParseError(`unable to parse requirement: invalid label key "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`);
  }
}

function checkValue(v: string): void {
  if (!VALUE_RE.test(v) || v.length > 63) {
    throw new SelectorParseError(`unable to parse requirement: values[0][${v}]: Invalid value: "${v}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`);
  }
}

export function parseSelector(input: string): Selector {
  const s = input.trim();
  if (s === '') return [];
  const reqs: Selector = [];
  for (const rawPart of splitTop(s)) {
    const part = rawPart.trim();
    if (part === '') throw new SelectorParseError(`found '', expected: !, identifier, or 'end of string'`);
    let m: RegExpMatchArray | null;
    if ((m = part.match(/^!\s*(\S+)$/))) {
      checkKey(m[1]);
      reqs.push({ key: m[1], op: '!', values: [] });
    } else if ((m = part.match(/^(\S+?)\s+(in|notin)\s*\((.*)\)$/))) {
      checkKey(m[1]);
      const values = m[3].split(',').map((v) => v.trim());
      values.forEach(checkValue);
      reqs.push({ key: m[1], op: m[2] as Operator, values });
    } else if ((m = part.match(/^([^=!\s]+)\s*(==|=|!=)\s*(.*)$/))) {
      checkKey(m[1]);
      const v = m[3].trim();
      checkValue(v);
      reqs.push({ key: m[1], op: m[2] === '!=' ? '!=' : '=', values: [v] });
    } else if ((m = part.match(/^(\S+)$/))) {
      checkKey(m[1]);
      reqs.push({ key: m[1], op: 'exists', values: [] });
    } else {
      throw new SelectorParseError(`unable to parse requirement: found '${part}'`);
    }
  }
  return reqs;
}

export function matchesSelector(sel: Selector, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  return sel.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.op) {
      case '=':
        return has && l[r.key] === r.values[0];
      case '!=':
        return !has || l[r.key] !== r.values[0];
      case 'in':
        return has && r.values.includes(l[r.key]);
      case 'notin':
        return !has || !r.values.includes(l[r.key]);
      case 'exists':
        return has;
      case '!':
        return !has;
    }
  });
}

/** A map selector (`spec.selector` of a Service, `matchLabels`) matches when every pair is present. */
export function matchesMap(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  return Object.entries(selector).every(([k, v]) => l[k] === v);
}

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

/** Converts a metav1.LabelSelector into a Selector (an empty selector matches everything). */
export function fromLabelSelector(ls: LabelSelector | undefined): Selector {
  const reqs: Selector = [];
  for (const [k, v] of Object.entries(ls?.matchLabels ?? {})) reqs.push({ key: k, op: '=', values: [v] });
  for (const e of ls?.matchExpressions ?? []) {
    const op: Operator = e.operator === 'In' ? 'in' : e.operator === 'NotIn' ? 'notin' : e.operator === 'Exists' ? 'exists' : '!';
    reqs.push({ key: e.key, op, values: e.values ?? [] });
  }
  return reqs;
}

/**
 * The string form kubectl prints for a metav1.LabelSelector (deployment SELECTOR column, describe):
 * requirements sorted by key, `k=v`, `k in (a,b)`, `k notin (a,b)`, `k`, `!k`.
 */
export function formatLabelSelector(ls: LabelSelector | undefined): string {
  const reqs = fromLabelSelector(ls).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (reqs.length === 0) return '';
  return reqs
    .map((r) => {
      switch (r.op) {
        case '=':
          return `${r.key}=${r.values[0]}`;
        case '!=':
          return `${r.key}!=${r.values[0]}`;
        case 'in':
          return `${r.key} in (${[...r.values].sort().join(',')})`;
        case 'notin':
          return `${r.key} notin (${[...r.values].sort().join(',')})`;
        case 'exists':
          return r.key;
        case '!':
          return `!${r.key}`;
      }
    })
    .join(',');
}

/**
 * `k=v` pairs joined by `,` — SELECTOR and --show-labels cells; '' when empty. Like Go's labels.Set.String()
 * the sort is over the whole `k=v` string, not the key (`a.b=1` sorts before `a=1`).
 */
export function formatLabelMap(m: Record<string, string> | undefined): string {
  return Object.entries(m ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join(',');
}
