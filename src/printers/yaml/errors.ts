/**
 * The ways kubectl fails to turn an object's JSON into YAML: sigs.k8s.io/yaml first reads the JSON
 * with go-yaml v2's reader, scanner and parser, and those reject a few strings Go's JSON encoder writes.
 */
import { goJsonLength, walkJson, wellFormed } from './go-json.js';

/** The message kubectl (go-yaml's reader) fails with for characters YAML may not contain (after "error: "). */
export const CONTROL_CHARACTERS_ERROR = 'yaml: control characters are not allowed';

/**
 * What go-yaml's reader (yaml_parser_update_buffer) rejects in its input and Go's JSON encoder writes
 * raw: DEL, C1 controls other than NEL, U+FFFE, U+FFFF.
 */
const CONTROL = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;

/**
 * True when Go's JSON form of s is too long for go-yaml's scanner to take as a simple key (flow context:
 * at most 1024 characters from quote to quote). Each character encodes to at most 6, so no string of
 * 170 characters or fewer qualifies; that cheap test comes first.
 */
const tooLongForSimpleKey = (s: string): boolean => s.length > 170 && goJsonLength(s) > 1022;

/**
 * Throws what kubectl fails with when `value` cannot go through its JSON → YAML step, checked in the
 * order Go writes the JSON (map keys in byte order):
 *  - a character YAML may not contain (DEL, C1 controls other than NEL, U+FFFE, U+FFFF);
 *  - "---" or "..." right after a raw NEL (a line start) and followed by a space or NEL: a document marker;
 *  - a map key go-yaml cannot take as a simple key in flow context: one spanning lines (a NEL) or longer
 *    than 1024 characters from quote to quote.
 * Error messages are go-yaml's, with its line numbers (the JSON is one line; each NEL starts another).
 */
export function checkReadable(value: unknown): void {
  // A quick pass in any order; the exact (ordered) pass only when a NEL or a long key needs it.
  let control = false;
  let ordered = false;
  const quick = (s: string, isKey: boolean): void => {
    if (!control && CONTROL.test(s)) control = true;
    if (s.includes('\u0085') || (isKey && tooLongForSimpleKey(s))) ordered = true;
  };
  walkJson(value, quick, false);
  if (control) throw new Error(CONTROL_CHARACTERS_ERROR);
  if (!ordered) return;

  let nel = 0;
  let structural: string | undefined;
  const scan = (raw: string, isKey: boolean): void => {
    if (structural !== undefined) return;
    const s = wellFormed(raw);
    if (s.includes('\u0085')) {
      const cps = Array.from(s);
      let lineStart = false;
      for (let i = 0; i < cps.length && structural === undefined; i++) {
        const c = cps[i]!;
        if (c === '\u0085') {
          nel++;
          lineStart = true;
        } else if (c === ' ') {
          lineStart = false;
        } else {
          // yaml_parser_scan_flow_scalar: no document indicator may start a line inside a quoted scalar.
          if (lineStart) {
            const marker = cps.slice(i, i + 3).join('');
            if ((marker === '---' || marker === '...') && (cps[i + 3] === ' ' || cps[i + 3] === '\u0085')) {
              structural = `yaml: line ${nel + 1}: found unexpected document indicator`;
            }
          }
          lineStart = false;
        }
      }
      // A multi-line key is no simple key: the parser then misses the ',' or '}' it expects.
      if (isKey && structural === undefined) structural = `yaml: line ${nel}: did not find expected ',' or '}'`;
    } else if (isKey && tooLongForSimpleKey(s)) {
      structural = `yaml: ${nel > 0 ? `line ${nel}: ` : ''}did not find expected ',' or '}'`;
    }
  };
  walkJson(value, scan, true);
  if (structural !== undefined) throw new Error(structural);
}
