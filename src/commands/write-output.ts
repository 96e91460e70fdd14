import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandContext } from '../cli/command.js';
import type { KubeObject } from '../api/types.js';
import type { DryRun } from '../cluster/api-server.js';
import { CliError } from '../errors.js';
import { OBJECT_FORMATS, parseOutputFormat } from '../printers/output-format.js';
import { objectName, printObjects } from '../printers/print-objects.js';

/** --dry-run's value: none, client, server (`--dry-run` alone means client, with kubectl's deprecation notice). */
export function parseDryRun(v: string): DryRun {
  switch (v) {
    case 'none':
    case 'false':
      return 'none';
    case 'client':
    case 'true':
    case 'unchanged':
      return 'client';
    case 'server':
      return 'server';
    default:
      throw new CliError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
  }
}

/**
 * What a writing verb prints for one object: `kind/name op` (with ` (dry run)` / ` (server dry run)`),
 * or the object in the -o format.
 */
export async function printResult(ctx: CommandContext, obj: KubeObject, op: string, dryRun: DryRun): Promise<void> {
  const out = ctx.parsed.flags.output as string | undefined;
  if (out) {
    const format = parseOutputFormat(out, OBJECT_FORMATS, (p) => readFileSync(resolve(ctx.cwd, p), 'utf8'));
    if (format.kind === 'name') {
      ctx.io.out.write(`${objectName(obj)}\n`);
      return;
    }
    ctx.io.out.write(
      await printObjects([obj], { format, now: '', snapshot: { get: () => undefined, list: () => [] }, withNamespace: false, showLabels: false, labelColumns: [], noHeaders: false, asList: false, kindPrefix: false }),
    );
    return;
  }
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  ctx.io.out.write(`${objectName(obj)} ${op}${suffix}\n`);
}
