import type { CommandSpec } from '../../cli/command.js';
import type { KubeObject } from '../../api/types.js';
import { patchVerbFlags, runPatchVerb, type PatchVerb } from './common.js';
import { objectName } from '../../printers/print-objects.js';

const RESUME: PatchVerb = {
  operation: 'resumed',
  errorPrefix: '',
  change(obj: KubeObject) {
    if (obj.kind !== 'Deployment') throw new Error('resuming is not supported');
    if (!obj.spec?.paused) throw new Error('is not paused');
    obj.spec.paused = false;
  },
  unchanged: (obj) => ({ print: `${objectName(obj)} already resumed` }),
};

export const command: CommandSpec = {
  name: 'resume',
  short: 'Resume a paused resource',
  long: `Resume a paused resource.

 The controller takes the resource up again, rolling out whatever changed while it was paused. Only deployments can be resumed.`,
  examples: `# Resume the paused web deployment
kubectl rollout resume deployment/web`,
  usage: 'rollout resume RESOURCE [options]',
  flags: patchVerbFlags(),
  run: (ctx) => runPatchVerb(ctx, RESUME),
};
