/**
 * go-yaml v2's block emitter (emitterc.go) for kubectl's documents: its event state machine
 * (yaml_emitter_emit_document_start … _block_mapping_value) unrolled into recursion over the decoded
 * tree. Block mappings and sequences at 2 spaces, a sequence not indented under its mapping key, empty
 * collections as `{}` / `[]`, and each scalar in the style style.ts picks.
 */
import { analyzeScalar } from './analyze.js';
import { utf8Length } from './chars.js';
import type { Node, Scalar } from './decode.js';
import { writeDoubleQuoted, writePlain, writeSingleQuoted } from './fold.js';
import { writeLiteral } from './literal.js';
import { selectStyle } from './style.js';
import { Writer } from './writer.js';

/** yaml_emitter_emit_node's context flags (root, sequence, mapping, simple_key). */
interface Context {
  root: boolean;
  sequence: boolean;
  mapping: boolean;
  simpleKey: boolean;
}

/** The whole document for `root`: the node, then the implicit document end (the last line finished). */
export function emitDocument(root: Node): string {
  const w = new Writer();
  emitNode(w, root, { root: true, sequence: false, mapping: false, simpleKey: false });
  // Document end (implicit): finish the last line.
  w.writeIndent();
  return w.output();
}

function emitNode(w: Writer, node: Node, ctx: Context): void {
  switch (node.kind) {
    case 'scalar':
      emitScalar(w, node.text, node.isString, ctx);
      return;
    case 'seq':
      if (node.items.length === 0) emitEmptyFlow(w, '[', ']');
      else emitBlockSequence(w, node.items, ctx);
      return;
    case 'map':
      if (node.entries.length === 0) emitEmptyFlow(w, '{', '}');
      else emitBlockMapping(w, node.entries);
      return;
  }
}

/**
 * Empty collections are written in flow style (yaml_emitter_check_empty_sequence / _mapping):
 * yaml_emitter_emit_flow_sequence_item / _mapping_key with nothing between the brackets.
 */
function emitEmptyFlow(w: Writer, open: string, close: string): void {
  w.writeIndicator(open, true, true, false);
  w.increaseIndent(true, false);
  w.popIndent();
  w.writeIndicator(close, false, false, false);
}

/** yaml_emitter_emit_block_sequence_item: "- " then the item, each on its own line. */
function emitBlockSequence(w: Writer, items: Node[], ctx: Context): void {
  // A sequence that is a mapping value right after "key:" is not indented.
  w.increaseIndent(false, ctx.mapping && !w.indention);
  for (const item of items) {
    w.writeIndent();
    w.writeIndicator('-', true, false, true);
    emitNode(w, item, { root: false, sequence: true, mapping: false, simpleKey: false });
  }
  w.popIndent();
}

/** yaml_emitter_emit_block_mapping_key / _value: "key: value", or "? key" / ": value" for a complex key. */
function emitBlockMapping(w: Writer, entries: [Scalar, Node][]): void {
  w.increaseIndent(false, false);
  for (const [key, value] of entries) {
    w.writeIndent();
    // yaml_emitter_check_simple_key: single-line and at most 128 bytes, else "? key\n: value".
    if (!analyzeScalar(key.text).multiline && utf8Length(key.text) <= 128) {
      emitNode(w, key, { root: false, sequence: false, mapping: true, simpleKey: true });
      w.writeIndicator(':', false, false, false);
    } else {
      w.writeIndicator('?', true, false, true);
      emitNode(w, key, { root: false, sequence: false, mapping: true, simpleKey: false });
      w.writeIndent();
      w.writeIndicator(':', true, false, true);
    }
    emitNode(w, value, { root: false, sequence: false, mapping: true, simpleKey: false });
  }
  w.popIndent();
}

/** yaml_emitter_emit_scalar: the style, then the scalar at one more (flow) indentation level. */
function emitScalar(w: Writer, text: string, isString: boolean, ctx: Context): void {
  const style = selectStyle(text, isString, analyzeScalar(text), w.flowLevel, ctx.simpleKey);
  w.increaseIndent(true, false);
  // A simple key must stay on one line.
  const allowBreaks = !ctx.simpleKey;
  switch (style) {
    case 'plain':
      writePlain(w, text, allowBreaks);
      break;
    case 'single':
      writeSingleQuoted(w, text, allowBreaks);
      break;
    case 'double':
      writeDoubleQuoted(w, text, allowBreaks);
      break;
    case 'literal':
      writeLiteral(w, text);
      break;
  }
  w.popIndent();
}
