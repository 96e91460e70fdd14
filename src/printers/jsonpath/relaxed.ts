/** kubectl's relaxed JSONPath syntax for custom-columns and `--sort-by`. */
import { JsonPathError } from './errors.js';

const RELAXED_PATH = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/**
 * kubectl's RelaxedJSONPathExpression (custom-columns): `metadata.name`, `.metadata.name`,
 * `{metadata.name}` and `{.metadata.name}` all become `{.metadata.name}`; an empty path stays empty.
 */
export function relaxedJsonPath(expr: string): string {
  if (expr === '') return expr;
  const m = RELAXED_PATH.exec(expr);
  if (!m) {
    throw new JsonPathError(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  }
  return `{.${m[1] ?? m[2]}}`;
}
