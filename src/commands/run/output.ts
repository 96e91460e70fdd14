import type { CommandContext } from '../../cli/command.js';
import type { KubeObject } from '../../api/types.js';
import { clone } from '../../api/types.js';
import type { DryRun } from '../../cluster/api-server.js';
import { goCompactJson, LAST_APPLIED } from '../create/common.js';
import { printResult } from '../write-output.js';
import { typedJson, typedOrder } from './typed.js';

/**
 * One printer for a whole command, as kubectl builds one from -o: it prints `kind/name op` lines or the
 * objects, and the YAML printer puts `---` before every object after the first. Typed objects (what
 * run and expose generate or decode) print their JSON in Go struct order.
 */
export class ResultPrinter {
  private count = 0;

  constructor(
    private readonly ctx: CommandContext,
    private readonly op: string,
    private readonly dryRun: DryRun,
    private readonly typed: boolean,
  ) {}

  /** The -o value (empty for the default `kind/name op` line). */
  get format(): string {
    return (this.ctx.parsed.flags.output as string) ?? '';
  }

  async print(obj: KubeObject): Promise<void> {
    this.count++;
    if (this.format === 'yaml' && this.count > 1) this.ctx.io.out.write('---\n');
    if (this.format === 'json' && this.typed) {
      this.ctx.io.out.write(typedJson(obj));
      return;
    }
    await printResult(this.ctx, obj, this.op, this.dryRun);
  }
}

/**
 * util.CreateOrUpdateAnnotation for --save-config on a typed object: the last-applied annotation holds
 * the object's own compact JSON (struct order, without that annotation, with a trailing newline).
 */
export function withLastApplied(obj: KubeObject): KubeObject {
  const bare = clone(obj);
  const annotations = { ...(bare.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  if (Object.keys(annotations).length) bare.metadata.annotations = annotations;
  else delete bare.metadata.annotations;
  const out = clone(obj);
  out.metadata.annotations = { ...annotations, [LAST_APPLIED]: goCompactJson(typedOrder(bare)) };
  return typedOrder(out);
}
