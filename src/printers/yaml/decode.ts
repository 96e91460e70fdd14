/**
 * The value kubectl's JSON → YAML step encodes: sigs.k8s.io/yaml decodes the JSON with go-yaml v2 into
 * strings, int / uint64 / float64, bools, nil, slices and maps, and go-yaml's encoder then writes each
 * scalar's text (encode.go) and each map in its key order (sorter.go). This is that tree, with every
 * scalar already turned into the text the encoder writes.
 */
import { decodeJsonString, jsonEntries, toJsonValue } from './go-json.js';
import { sortByKey } from './sort-keys.js';
import { INT64_MIN, UINT64_MAX, formatFloatG } from './strconv.js';

/** A scalar's text; `isString` says whether it came from a string (only those may need quotes or a block). */
export interface Scalar {
  kind: 'scalar';
  text: string;
  isString: boolean;
}

/** A decoded node: a scalar, a sequence, or a mapping whose entries are in go-yaml's key order. */
export type Node = Scalar | { kind: 'seq'; items: Node[] } | { kind: 'map'; entries: [Scalar, Node][] };

const NULL: Scalar = { kind: 'scalar', text: 'null', isString: false };

/**
 * `v` (JSON-compatible) as go-yaml holds it after reading kubectl's JSON: strings as go-yaml reads them
 * back (see decodeJsonString), numbers as int64 / uint64 / float64 text, map keys in keyList.Less order.
 * Whatever JSON would drop or write as null (undefined, functions, symbols) is null or left out.
 */
export function normalize(v: unknown): Node {
  v = toJsonValue(v);
  switch (typeof v) {
    case 'string':
      return { kind: 'scalar', text: decodeJsonString(v), isString: true };
    case 'boolean':
      return { kind: 'scalar', text: v ? 'true' : 'false', isString: false };
    case 'number':
      return { kind: 'scalar', text: formatNumber(v), isString: false };
    case 'bigint':
      return { kind: 'scalar', text: formatBigInt(v), isString: false };
    case 'object':
      if (v === null) return NULL;
      break;
    default:
      return NULL;
  }
  if (Array.isArray(v)) return { kind: 'seq', items: v.map(normalize) };
  const entries = jsonEntries(v as Record<string, unknown>).map(
    ([k, val]): [Scalar, Node] => [{ kind: 'scalar', text: decodeJsonString(k), isString: true }, normalize(val)],
  );
  return { kind: 'map', entries: sortByKey(entries, (e) => e[0].text) };
}

// Numbers: Go's JSON text re-read by go-yaml (decode.go: int64, then uint64, else float64 printed with
// strconv.FormatFloat(f, 'g', -1, 64)); NaN and ±Inf as go-yaml spells them.

function formatNumber(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (n === Infinity) return '.inf';
  if (n === -Infinity) return '-.inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) {
    // Go's JSON text for an integral float64 is its shortest digits padded with zeros (as in JS);
    // go-yaml reads that back as an int64 or uint64 when it fits.
    const text = Object.is(n, -0) ? '0' : String(n);
    const big = BigInt(text);
    if (big >= INT64_MIN && big <= UINT64_MAX) return text;
  }
  return formatFloatG(n);
}

function formatBigInt(n: bigint): string {
  if (n >= INT64_MIN && n <= UINT64_MAX) return n.toString();
  return formatFloatG(Number(n));
}
