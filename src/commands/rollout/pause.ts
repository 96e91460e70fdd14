import type { CommandSpec } from '../../cli/command.js';
import type { KubeObject } from '../../api/types.js';
import { patchVerbFlags, runPatchVerb, type PatchVerb } from './common.js';
import { objectName } from '../../printers/print-objects.js';

const PAUSE: PatchVerb = {
  operation: 'paused',
  errorPrefix: '',
  change(obj: KubeObject) {
    if (obj.kind !== 'Deployment') throw new Error('pausing is not supported');
    if (obj.spec?.paused) throw new Error('is already paused');
    obj.spec.paused = true;
  },
  unchanged: (obj) => ({ print: `${objectName(obj)} already paused` }),
};

export const command: CommandSpec = {
  name: 'pause',
  short: 'Mark the provided resource as paused',
  long: `Mark the provided resource as paused.

 While a deployment is paused its controller still scales it, but changes to its pod template start no rollout until it is resumed with "kubectl rollout resume". Only deployments can be paused.`,
  examples: `# Pause the web deployment, then change it without starting a rollout each time
kubectl rollout pause deployment/web`,
  usage: 'rollout pause RESOURCE [options]',
  flags: patchVerbFlags(),
  run: (ctx) => runPatchVerb(ctx, PAUSE),
};
