import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/api/types.js';
import { describeObject } from '../../../src/printers/describe/index.js';
import { ctxOf, event, obj, text } from './helpers.js';

const template = (image: string, hash?: string) => ({
  metadata: { labels: { app: 'nginx', ...(hash ? { 'pod-template-hash': hash } : {}) } },
  spec: { containers: [{ name: 'nginx', image, ports: [{ containerPort: 80, protocol: 'TCP' }] }] },
});

function deployment(): KubeObject {
  return obj('Deployment', 'nginx-deployment', {
    apiVersion: 'apps/v1',
    metadata: {
      name: 'nginx-deployment',
      namespace: 'default',
      uid: 'deploy-uid',
      creationTimestamp: '2024-04-15T10:30:00Z',
      labels: { app: 'nginx' },
      annotations: { 'deployment.kubernetes.io/revision': '1', 'kubectl.kubernetes.io/last-applied-configuration': '{}' },
    },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'nginx' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      template: template('nginx:1.14.2'),
    },
    status: {
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      conditions: [
        { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
        { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
      ],
    },
  });
}

function replicaSet(hash: string, image: string, replicas: number, created: string, revision: string): KubeObject {
  return obj('ReplicaSet', `nginx-deployment-${hash}`, {
    apiVersion: 'apps/v1',
    metadata: {
      name: `nginx-deployment-${hash}`,
      namespace: 'default',
      uid: `rs-${hash}`,
      creationTimestamp: created,
      labels: { app: 'nginx', 'pod-template-hash': hash },
      annotations: { 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4', 'deployment.kubernetes.io/revision': revision },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'nginx-deployment', uid: 'deploy-uid', controller: true, blockOwnerDeletion: true }],
    },
    spec: { replicas, selector: { matchLabels: { app: 'nginx', 'pod-template-hash': hash } }, template: template(image, hash) },
    status: { replicas, readyReplicas: replicas, availableReplicas: replicas },
  });
}

function podOf(rs: KubeObject, suffix: string, phase: string): KubeObject {
  return obj('Pod', `${rs.metadata.name}-${suffix}`, {
    namespace: 'default',
    metadata: {
      name: `${rs.metadata.name}-${suffix}`,
      namespace: 'default',
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid!, controller: true }],
    },
    status: { phase },
  });
}

const NOW = '2024-04-15T10:30:32Z';

describe('describe deployment', () => {
  it('prints the §3.4 sample byte for byte (kubectl 1.32)', () => {
    const d = deployment();
    const rs = replicaSet('86dcfdf4c6', 'nginx:1.14.2', 3, '2024-04-15T10:30:00Z', '1');
    const ev = event(d, 'nginx-deployment.1', { reason: 'ScalingReplicaSet', message: 'Scaled up replica set nginx-deployment-86dcfdf4c6 to 3', from: 'deployment-controller', first: '2024-04-15T10:30:00Z' });
    expect(describeObject(d, ctxOf([d, rs, ev], NOW))).toBe(text(DEPLOY_SAMPLE));
  });

  it('drops the template Node-Selectors/Tolerations with kubectl 1.29, narrowing the container block', () => {
    const d = deployment();
    const rs = replicaSet('86dcfdf4c6', 'nginx:1.14.2', 3, '2024-04-15T10:30:00Z', '1');
    const out = describeObject(d, ctxOf([d, rs], NOW, '1.29'));
    expect(out).toContain(
      text([
        'Pod Template:',
        '  Labels:  app=nginx',
        '  Containers:',
        '   nginx:',
        '    Image:        nginx:1.14.2',
        '    Port:         80/TCP',
        '    Host Port:    0/TCP',
        '    Environment:  <none>',
        '    Mounts:       <none>',
        '  Volumes:        <none>',
        'Conditions:',
      ]),
    );
    expect(out.endsWith('NewReplicaSet:   nginx-deployment-86dcfdf4c6 (3/3 replicas created)\nEvents:          <none>\n')).toBe(true);
  });

  it('lists every other owned ReplicaSet as old, including ones scaled to 0, and ignores foreign ones', () => {
    const d = deployment();
    const oldest = replicaSet('5d59d67564', 'nginx:1.13', 0, '2024-04-15T10:00:00Z', '1');
    const middle = replicaSet('66b6c48dd5', 'nginx:1.14.0', 1, '2024-04-15T10:10:00Z', '2');
    const current = replicaSet('86dcfdf4c6', 'nginx:1.14.2', 3, '2024-04-15T10:20:00Z', '3');
    const foreign = { ...replicaSet('aaaaaaaaaa', 'nginx:1.14.2', 1, '2024-04-15T09:00:00Z', '9'), metadata: { name: 'other', namespace: 'default', uid: 'x' } };
    const out = describeObject(d, ctxOf([d, current, oldest, middle, foreign], NOW));
    expect(out).toContain(
      '\nOldReplicaSets:  nginx-deployment-5d59d67564 (0/0 replicas created), nginx-deployment-66b6c48dd5 (1/1 replicas created)\n' +
        'NewReplicaSet:   nginx-deployment-86dcfdf4c6 (3/3 replicas created)\n',
    );
  });

  it('omits OldReplicaSets/NewReplicaSet when the deployment owns no ReplicaSet', () => {
    const out = describeObject(deployment(), ctxOf([deployment()], NOW));
    expect(out).not.toContain('ReplicaSets');
    expect(out).toContain('  Progressing   True    NewReplicaSetAvailable\nEvents:         <none>\n');
  });
});

describe('describe replicaset', () => {
  it('prints Selector before Labels, Controlled By, replica and pod counts', () => {
    const rs = replicaSet('86dcfdf4c6', 'nginx:1.14.2', 3, '2024-04-15T10:30:00Z', '1');
    const pods = [podOf(rs, 'a1b2c', 'Running'), podOf(rs, 'd3f4g', 'Running'), podOf(rs, 'h5j6k', 'Pending'), podOf(rs, 'zzzzz', 'Failed')];
    const stray = { ...podOf(rs, 'qqqqq', 'Running'), metadata: { name: 'stray', namespace: 'default' } };
    const ev = event(rs, 'rs.1', { reason: 'SuccessfulCreate', message: 'Created pod: nginx-deployment-86dcfdf4c6-a1b2c', from: 'replicaset-controller', first: '2024-04-15T10:30:00Z' });
    expect(describeObject(rs, ctxOf([rs, ...pods, stray, ev], NOW))).toBe(
      text([
        'Name:           nginx-deployment-86dcfdf4c6',
        'Namespace:      default',
        'Selector:       app=nginx,pod-template-hash=86dcfdf4c6',
        'Labels:         app=nginx',
        '                pod-template-hash=86dcfdf4c6',
        'Annotations:    deployment.kubernetes.io/desired-replicas: 3',
        '                deployment.kubernetes.io/max-replicas: 4',
        '                deployment.kubernetes.io/revision: 1',
        'Controlled By:  Deployment/nginx-deployment',
        'Replicas:       3 current / 3 desired',
        'Pods Status:    2 Running / 1 Waiting / 0 Succeeded / 1 Failed',
        'Pod Template:',
        '  Labels:  app=nginx',
        '           pod-template-hash=86dcfdf4c6',
        '  Containers:',
        '   nginx:',
        '    Image:         nginx:1.14.2',
        '    Port:          80/TCP',
        '    Host Port:     0/TCP',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Events:',
        '  Type    Reason            Age   From                   Message',
        '  ----    ------            ----  ----                   -------',
        '  Normal  SuccessfulCreate  32s   replicaset-controller  Created pod: nginx-deployment-86dcfdf4c6-a1b2c',
      ]),
    );
  });
});

const DEPLOY_SAMPLE = [
    "Name:                   nginx-deployment",
    "Namespace:              default",
    "CreationTimestamp:      Mon, 15 Apr 2024 10:30:00 +0000",
    "Labels:                 app=nginx",
    "Annotations:            deployment.kubernetes.io/revision: 1",
    "Selector:               app=nginx",
    "Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable",
    "StrategyType:           RollingUpdate",
    "MinReadySeconds:        0",
    "RollingUpdateStrategy:  25% max unavailable, 25% max surge",
    "Pod Template:",
    "  Labels:  app=nginx",
    "  Containers:",
    "   nginx:",
    "    Image:         nginx:1.14.2",
    "    Port:          80/TCP",
    "    Host Port:     0/TCP",
    "    Environment:   <none>",
    "    Mounts:        <none>",
    "  Volumes:         <none>",
    "  Node-Selectors:  <none>",
    "  Tolerations:     <none>",
    "Conditions:",
    "  Type           Status  Reason",
    "  ----           ------  ------",
    "  Available      True    MinimumReplicasAvailable",
    "  Progressing    True    NewReplicaSetAvailable",
    "OldReplicaSets:  <none>",
    "NewReplicaSet:   nginx-deployment-86dcfdf4c6 (3/3 replicas created)",
    "Events:",
    "  Type    Reason             Age   From                   Message",
    "  ----    ------             ----  ----                   -------",
    "  Normal  ScalingReplicaSet  32s   deployment-controller  Scaled up replica set nginx-deployment-86dcfdf4c6 to 3",
  ];
