/** The errors the patch functions throw, each carrying the text the API server (or kubectl) prints. */

/** A strategic-merge failure, with apimachinery's message (`map: map[name:foo] does not contain declared merge key: port`). */
export class PatchError extends Error {}

/** A JSON patch (RFC 6902) failure, with evanphx/json-patch v4's message (`Unexpected kind: bogus`). */
export class JsonPatchError extends Error {}
