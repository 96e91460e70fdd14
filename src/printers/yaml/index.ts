/**
 * YAML exactly as kubectl prints it with `-o yaml`.
 *
 * kubectl marshals an object to JSON, then sigs.k8s.io/yaml turns that JSON into YAML: it decodes the
 * JSON with go-yaml v2 (so strings come back as strings, numbers as int / uint / float64) and encodes the
 * result with go-yaml v2's emitter (a Go port of libyaml). This folder re-implements that pipeline:
 *
 *  - errors.ts, go-json.ts: the JSON → YAML decode step (raw NEL characters fold like YAML line breaks;
 *    characters the YAML reader rejects make kubectl fail with "yaml: control characters are not allowed");
 *  - decode.ts, strconv.ts: the decoded tree, numbers as go-yaml reads and writes them;
 *  - sort-keys.ts: go-yaml's map-key order (a "natural" order: letters before other characters, digit
 *    runs compared as numbers);
 *  - resolve.ts, style.ts: the encoder's style choice (plain unless the text would resolve to a
 *    non-string under YAML 1.1, then double-quoted; literal block style for text containing "\n") and
 *    the emitter's fallback from plain to single-quoted to double-quoted;
 *  - analyze.ts: the emitter's analysis (which styles a scalar allows);
 *  - fold.ts, escape.ts, literal.ts: its writers (line folding at best_width 80, escapes, block-scalar hints);
 *  - writer.ts, emit.ts: its bookkeeping and indentation rules (2 spaces, block sequences not indented
 *    under a mapping key, `{}` / `[]`); chars.ts: its character classes.
 *
 * Pure: no I/O. Written from reading go-yaml's source; not a copy of it.
 */
import { normalize } from './decode.js';
import { emitDocument } from './emit.js';
import { checkReadable } from './errors.js';

export { CONTROL_CHARACTERS_ERROR } from './errors.js';
export { resolvesToString } from './resolve.js';
export { keyLess } from './sort-keys.js';
export { formatFloatG } from './strconv.js';

/**
 * `value` (JSON-compatible: plain objects, arrays, strings, numbers, booleans, null) as go-yaml v2
 * emits it after kubectl's JSON round trip, ending with a newline. Map keys are (re)ordered the way
 * go-yaml orders them. Throws an Error with go-yaml's message (kubectl prints it after "error: ") for
 * the rare strings kubectl cannot print: see checkReadable.
 */
export function toGoYaml(value: unknown): string {
  checkReadable(value);
  return emitDocument(normalize(value));
}
