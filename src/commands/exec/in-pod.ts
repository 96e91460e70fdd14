import type { Session } from '../../cluster/session.js';
import type { KubeObject } from '../../api/types.js';
import { execInContainer, type ExecRequest, type ExecResult } from '../../runtime/exec.js';
import { keepEffects } from '../../cluster/runtime-effects.js';

/**
 * Runs argv in one container of a pod through the simulated runtime and keeps what the process
 * changed (servers' log lines, the cluster RNG's position) in the cluster state. The one way
 * `exec`, `run -i` and `attach` start a process in a pod.
 */
export async function runInPod(
  session: Session,
  pod: KubeObject,
  container: { name: string; image: string },
  argv: string[],
  stdin: string,
  terminal: Pick<ExecRequest, 'tty' | 'interactive'> = {},
): Promise<ExecResult> {
  const status = (pod.status?.containerStatuses ?? []).find((s: { name: string }) => s.name === container.name);
  const containers = session.state.runtime?.containers ?? {};
  // Endpoint picks and ephemeral ports come from the cluster's RNG, which must move on between execs.
  const seed = session.store.rng.int(2 ** 31);
  session.store.dirty = true;
  const result = await execInContainer({
    snapshot: session.store,
    profile: session.profile,
    pod,
    container,
    record: status?.containerID ? containers[status.containerID] : undefined,
    argv,
    stdin,
    now: Date.parse(session.now),
    containers,
    seed,
    ...terminal,
  });
  keepEffects(session, result.effects);
  return result;
}
