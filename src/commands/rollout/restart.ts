import type { CommandSpec } from '../../cli/command.js';
import type { KubeObject } from '../../api/types.js';
import type { Session } from '../../cluster/session.js';
import { patchVerbFlags, runPatchVerb, type PatchVerb } from './common.js';

/** The pod-template annotation whose new value makes a new ReplicaSet (a new pod-template-hash). */
export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

const RESTART: PatchVerb = {
  operation: 'restarted',
  errorPrefix: 'error: ',
  change(obj: KubeObject, session: Session) {
    if (obj.kind === 'Deployment' && obj.spec?.paused) throw new Error("can't restart paused deployment (run rollout resume first)");
    if (!['Deployment', 'DaemonSet', 'StatefulSet'].includes(obj.kind)) throw new Error('restarting is not supported');
    const t = (obj.spec.template ??= {});
    t.metadata = { ...t.metadata, annotations: { ...t.metadata?.annotations, [RESTARTED_AT]: session.now } };
  },
  // The annotation holds the time to the second: a second restart within that second changes nothing.
  unchanged: (obj) => ({
    error: `failed to create patch for ${obj.metadata.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`,
  }),
};

export const command: CommandSpec = {
  name: 'restart',
  short: 'Restart a resource',
  long: `Restart a resource.

 The pod template gets a kubectl.kubernetes.io/restartedAt annotation with the current time, so the controller replaces every pod through a normal rollout.`,
  examples: `# Restart one deployment
kubectl rollout restart deployment/web

# Restart every deployment of the namespace shop
kubectl rollout restart deployment -n shop

# Restart a daemon set
kubectl rollout restart daemonset/fluentd

# Restart the deployments labelled tier=frontend
kubectl rollout restart deployment --selector=tier=frontend`,
  usage: 'rollout restart RESOURCE [options]',
  flags: patchVerbFlags(),
  run: (ctx) => runPatchVerb(ctx, RESTART),
};
