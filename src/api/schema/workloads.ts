import type { SchemaDocs } from './model.js';
import { OBJECT_ROOT_DOCS, SPEC_LINK } from './meta.js';

/** Descriptions (kubesim's own wording) for Deployment, ReplicaSet and the pod template they share. */

export const WORKLOAD_DOCS: SchemaDocs = {
  Deployment: {
    _: 'A Deployment keeps a set of identical pods running through ReplicaSets and rolls out changes to them declaratively.',
    ...OBJECT_ROOT_DOCS,
    spec: 'The desired state of the Deployment.',
    status: 'The most recently observed state of the Deployment.',
  },
  DeploymentSpec: {
    _: 'DeploymentSpec is what a Deployment should look like.',
    replicas: 'How many pods should run. Defaults to 1; unset is different from an explicit 0.',
    selector: 'The label selector that finds the pods this Deployment owns. It must match the pod template\'s labels, and in apps/v1 it cannot be changed after creation.',
    template: 'The pod template new pods are created from. Its restartPolicy can only be Always.',
    strategy: 'How existing pods are replaced with new ones.',
    minReadySeconds: 'How long a new pod must be ready, without any container crashing, before it counts as available. Defaults to 0.',
    revisionHistoryLimit: 'How many old ReplicaSets are kept so that a rollback is possible. Defaults to 10.',
    paused: 'When true, changes to the template do not trigger a rollout.',
    progressDeadlineSeconds: 'Seconds a rollout may go without progress before the Deployment reports it as failed (condition Progressing with reason ProgressDeadlineExceeded). Defaults to 600.',
  },
  DeploymentStrategy: {
    _: 'How a Deployment replaces its pods.',
    type: 'Recreate (delete every old pod first) or RollingUpdate (the default).',
    rollingUpdate: 'Tuning for the RollingUpdate strategy.',
  },
  RollingUpdateDeployment: {
    _: 'Tuning of a rolling update.',
    maxUnavailable: 'How many pods may be unavailable during the update, as a number or a percentage of the desired count (rounded down). Cannot be 0 when maxSurge is 0. Defaults to 25%.',
    maxSurge: 'How many pods may be created above the desired count during the update, as a number or a percentage (rounded up). Cannot be 0 when maxUnavailable is 0. Defaults to 25%.',
  },
  DeploymentStatus: {
    _: 'DeploymentStatus is what the Deployment controller last observed.',
    observedGeneration: 'The generation the controller last acted on.',
    replicas: 'Pods targeted by the Deployment, counted across all its ReplicaSets.',
    updatedReplicas: 'Pods that run the current template.',
    readyReplicas: 'Pods with a Ready condition.',
    availableReplicas: 'Pods that have been ready for at least minReadySeconds.',
    unavailableReplicas: 'Pods still missing before the Deployment is fully available.',
    conditions: 'The latest observations of the rollout.',
    collisionCount: 'How many hash collisions happened when naming ReplicaSets; it is mixed into the next name.',
  },
  DeploymentCondition: {
    _: 'One condition of a Deployment, such as Available or Progressing.',
    type: 'The condition type.',
    status: 'True, False or Unknown.',
    lastUpdateTime: 'When the condition was last updated.',
    lastTransitionTime: 'When the status last changed.',
    reason: 'A short reason for the last transition.',
    message: 'A human-readable explanation.',
  },
  ReplicaSet: {
    _: 'A ReplicaSet keeps a given number of identical pods running. Deployments create and manage them.',
    ...OBJECT_ROOT_DOCS,
    spec: `The desired state of the ReplicaSet. More info: ${SPEC_LINK}`,
    status: `The most recently observed state of the ReplicaSet. More info: ${SPEC_LINK}`,
  },
  ReplicaSetSpec: {
    _: 'ReplicaSetSpec is what a ReplicaSet should look like.',
    replicas: 'How many pods should run. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller',
    minReadySeconds: 'How long a new pod must be ready before it counts as available. Defaults to 0.',
    selector: 'The label query that finds the pods this ReplicaSet owns; it must match the template\'s labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors',
    template: 'The pod template new pods are created from when too few exist. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#pod-template',
  },
  ReplicaSetStatus: {
    _: 'ReplicaSetStatus is what the ReplicaSet controller last observed.',
    replicas: 'The number of pods that currently exist. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller',
    fullyLabeledReplicas: 'Pods whose labels match the template\'s labels.',
    readyReplicas: 'Pods with a Ready condition.',
    availableReplicas: 'Pods that have been ready for at least minReadySeconds.',
    observedGeneration: 'The generation the controller last acted on.',
    conditions: 'The latest observations of the ReplicaSet.',
  },
  ReplicaSetCondition: {
    _: 'One condition of a ReplicaSet.',
    type: 'The condition type.',
    status: 'True, False or Unknown.',
    lastTransitionTime: 'When the status last changed.',
    reason: 'A short reason for the last transition.',
    message: 'A human-readable explanation.',
  },
  PodTemplateSpec: {
    _: 'PodTemplateSpec is the blueprint controllers create pods from.',
    metadata: 'Metadata for the pods created from the template, most importantly their labels. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
    spec: `The spec of the pods created from the template. More info: ${SPEC_LINK}`,
  },
};
