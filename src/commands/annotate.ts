import type { CommandContext, CommandSpec } from '../cli/command.js';
import { CliError } from '../errors.js';
import { commonFlags, parseGenericPairs, runMetadataUpdate, type MetadataVerb } from './metadata-update.js';

/** `kubectl annotate --record` writes this one; it may always be overwritten. */
const CHANGE_CAUSE = 'kubernetes.io/change-cause';

const ANNOTATE: MetadataVerb = {
  pairType: 'annotation',
  field: 'annotations',
  parse: (pairs) => parseGenericPairs(pairs, 'annotation'),
  conflicts(current, set) {
    const found = [...set].filter(([k, v]) => k !== CHANGE_CAUSE && k in current && current[k] !== v).map(([k]) => `'${k}' already has a value (${current[k]})`);
    return found.length ? new CliError(`--overwrite is false but found the following declared annotation(s): ${found.join('; ')}`) : undefined;
  },
  localExample: 'rsrc',
  noUpdates: 'at least one annotation update is required',
  validate(u) {
    const both = u.remove.filter((k) => u.set.has(k));
    if (both.length) throw new CliError(`can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);
  },
  reportMissing: false,
  operation: () => 'annotated',
  listRefusesOutput: false,
  printServerObject: true,
};

export const command: CommandSpec = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  long: `Add, change or remove annotations on one or more resources.

 Annotations are free-form key/value pairs kept with any object: unlike labels their values may be long and hold any text, JSON included, and nothing selects on them. Tools and controllers use them to store their own data.

 An existing annotation keeps its value unless --overwrite is given. With --resource-version the change is made only if the object still has that resource version.

Use "kubectl api-resources" for a complete list of supported resources.`,
  examples: `# Annotate the pod web with a description
kubectl annotate pods web description='the front end'

# Annotate the pod described in pod.yaml
kubectl annotate -f pod.yaml description='the front end'

# Replace an existing annotation
kubectl annotate --overwrite pods web description='the front end, behind nginx'

# Annotate every pod in the namespace
kubectl annotate pods --all owner=team-blue

# Only change the pod if it is still at resource version 7
kubectl annotate pods web description='the front end' --resource-version=7

# Remove the annotation description (no --overwrite needed)
kubectl annotate pods web description-`,
  usage: 'annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: [
    ...commonFlags('annotation', 'kubectl-annotate', 'Select all resources, in the namespace of the specified resource types.'),
    { name: 'list', type: 'bool', description: 'If true, display the annotations for a given resource.' },
    { name: 'local', type: 'bool', description: 'If true, annotation will NOT contact api-server but run locally.' },
    { name: 'overwrite', type: 'bool', description: 'If true, allow annotations to be overwritten, otherwise reject annotation updates that overwrite existing annotations.' },
    {
      name: 'resource-version',
      type: 'string',
      description: 'If non-empty, the annotation update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.',
    },
  ],
  run: (ctx: CommandContext) => runMetadataUpdate(ctx, ANNOTATE),
};
