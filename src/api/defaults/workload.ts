/**
 * apps/v1 defaults (pkg/apis/apps/v1/defaults.go) for Deployments, ReplicaSets and DaemonSets, plus the
 * PodSpec defaults of their templates.
 */
import type { Json } from '../types.js';
import { defaultPodTemplate } from './pod.js';

function defaultDeployment(s: Json): void {
  if (s.replicas === undefined || s.replicas === null) s.replicas = 1;
  s.strategy ??= {};
  if (!s.strategy.type) s.strategy.type = 'RollingUpdate';
  if (s.strategy.type === 'RollingUpdate') {
    s.strategy.rollingUpdate ??= {};
    s.strategy.rollingUpdate.maxUnavailable ??= '25%';
    s.strategy.rollingUpdate.maxSurge ??= '25%';
  }
  s.revisionHistoryLimit ??= 10;
  s.progressDeadlineSeconds ??= 600;
}

function defaultDaemonSet(s: Json): void {
  s.updateStrategy ??= {};
  if (!s.updateStrategy.type) s.updateStrategy.type = 'RollingUpdate';
  if (s.updateStrategy.type === 'RollingUpdate') {
    s.updateStrategy.rollingUpdate ??= {};
    s.updateStrategy.rollingUpdate.maxUnavailable ??= 1;
    s.updateStrategy.rollingUpdate.maxSurge ??= 0;
  }
  s.revisionHistoryLimit ??= 10;
}

/** Defaults the spec of a Deployment, ReplicaSet or DaemonSet in place. */
export function defaultWorkloadSpec(kind: string, s: Json): void {
  if (kind === 'Deployment') defaultDeployment(s);
  if (kind === 'ReplicaSet' && (s.replicas === undefined || s.replicas === null)) s.replicas = 1;
  if (kind === 'DaemonSet') defaultDaemonSet(s);
  s.template ??= {};
  defaultPodTemplate(s.template);
}
