import type { CommandSpec } from '../cli/command.js';
import { CliError } from '../errors.js';

/**
 * kubectl verbs kubesim knows it does not simulate yet. They answer with a clear error (exit 1)
 * instead of cobra's "unknown command", so a lab that reaches them says why it stopped.
 */
export function notSimulated(name: string, short: string, when: string): CommandSpec {
  return {
    name,
    short,
    usage: `${name} [options]`,
    acceptsAnything: true,
    async run() {
      throw new CliError(`kubectl ${name} is not simulated by kubesim yet (${when})`);
    },
  };
}
