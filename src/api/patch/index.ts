/**
 * The three patch flavours kubectl speaks, pure, with apimachinery's semantics and error texts:
 * - JSON merge patch (RFC 7386, json-merge.ts): objects merge, `null` deletes, everything else replaces;
 * - strategic merge patch (strategic-merge.ts): like merge patch, but the lists the API types declare as
 *   "merge" lists (merge-keys.ts) merge element by element on their merge key, and the directives
 *   `$patch`, `$setElementOrder/…`, `$deleteFromPrimitiveList/…`, `$retainKeys` (directives.ts) are honoured;
 * - JSON patch (RFC 6902, json-patch.ts): add, remove, replace, move, copy, test (evanphx/json-patch v4).
 * Also the two diffs kubectl computes: a two-way strategic patch (edit) and a three-way one (apply), and
 * Go's texts for patch bodies that are not JSON (go-json.ts).
 */
export { PatchError, JsonPatchError } from './errors.js';
export { deepEqual, goFormat } from './values.js';
export { createMergePatch, jsonMergePatch } from './json-merge.js';
export { strategicMergePatch } from './strategic-merge.js';
export { createTwoWayMergePatch } from './two-way.js';
export { threeWayPatch } from './three-way.js';
export { jsonPatch, type JsonPatchOp } from './json-patch.js';
export { goJsonKind, goJsonSyntaxError } from './go-json.js';
