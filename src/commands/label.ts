import type { CommandContext, CommandSpec } from '../cli/command.js';
import { commonFlags, aggregateOf, parseLabelPairs, runMetadataUpdate, type MetadataVerb } from './metadata-update.js';

const LABEL: MetadataVerb = {
  pairType: 'label',
  field: 'labels',
  parse: parseLabelPairs,
  conflicts(current, set) {
    // Setting a label to the value it already has is not an overwrite.
    const msgs = [...set].filter(([k, v]) => k in current && current[k] !== v).map(([k]) => `'${k}' already has a value (${current[k]}), and --overwrite is false`);
    return aggregateOf(msgs);
  },
  localExample: 'pod',
  noUpdates: 'at least one label update is required',
  reportMissing: true,
  operation(before, after, overwrite) {
    if (before === after) return 'not labeled';
    // kubectl calls the change "unlabeled" when the object's JSON got shorter — unless --overwrite was given.
    return !overwrite && after.length < before.length ? 'unlabeled' : 'labeled';
  },
  listRefusesOutput: true,
  printServerObject: false,
};

export const command: CommandSpec = {
  name: 'label',
  short: 'Update the labels on a resource',
  long: `Add, change or remove labels on one or more resources.

  *  Keys and values start and end with a letter or digit and may contain letters, digits, '-', '_' and '.'; each part is at most 63 characters long.
  *  A key may carry a DNS subdomain prefix followed by a single '/', as in example.com/tier.
  *  An existing label keeps its value unless --overwrite is given.
  *  With --resource-version the change is made only if the object still has that resource version.`,
  examples: `# Add the label tier=frontend to the pod web
kubectl label pods web tier=frontend

# Change an existing label
kubectl label --overwrite pods web tier=backend

# Label every pod in the namespace
kubectl label pods --all team=blue

# Label the pod described in pod.yaml
kubectl label -f pod.yaml tier=frontend

# Only change the pod if it is still at resource version 7
kubectl label pods web tier=frontend --resource-version=7

# Remove the label tier (no --overwrite needed)
kubectl label pods web tier-`,
  usage: 'label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: [
    ...commonFlags('labels', 'kubectl-label', 'Select all resources, in the namespace of the specified resource types'),
    { name: 'list', type: 'bool', description: 'If true, display the labels for a given resource.' },
    { name: 'local', type: 'bool', description: 'If true, label will NOT contact api-server but run locally.' },
    { name: 'overwrite', type: 'bool', description: 'If true, allow labels to be overwritten, otherwise reject label updates that overwrite existing labels.' },
    {
      name: 'resource-version',
      type: 'string',
      description: 'If non-empty, the labels update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.',
    },
  ],
  run: (ctx: CommandContext) => runMetadataUpdate(ctx, LABEL),
};
