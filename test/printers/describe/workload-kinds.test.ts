import { describe, expect, it } from 'vitest';
import { describeObject } from '../../../src/printers/describe/index.js';
import { ctxOf, obj, text } from './helpers.js';

describe('describe daemonset / statefulset', () => {
  it('prints the unaligned "Number of Nodes" lines and a pod template with an extra-indented volume name', () => {
    const ds = obj('DaemonSet', 'kindnet', {
      apiVersion: 'apps/v1',
      metadata: { name: 'kindnet', namespace: 'kube-system', uid: 'ds1', labels: { app: 'kindnet' } },
      spec: {
        selector: { matchLabels: { app: 'kindnet' } },
        template: {
          metadata: { labels: { app: 'kindnet' } },
          spec: {
            serviceAccountName: 'kindnet',
            containers: [
              {
                name: 'kindnet-cni',
                image: 'kindest/kindnetd:v20240202',
                resources: { limits: { cpu: '100m', memory: '50Mi' }, requests: { cpu: '100m', memory: '50Mi' } },
                env: [{ name: 'HOST_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.hostIP' } } }],
                volumeMounts: [{ name: 'cni-cfg', mountPath: '/etc/cni/net.d' }],
              },
            ],
            volumes: [{ name: 'cni-cfg', hostPath: { path: '/etc/cni/net.d', type: '' } }],
            tolerations: [{ operator: 'Exists' }],
          },
        },
      },
      status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 3, numberMisscheduled: 0 },
    });
    const pod = obj('Pod', 'kindnet-abcde', { metadata: { name: 'kindnet-abcde', namespace: 'kube-system', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'kindnet', uid: 'ds1', controller: true }] }, status: { phase: 'Running' } });
    expect(describeObject(ds, ctxOf([ds, pod]))).toBe(
      text([
        'Name:           kindnet',
        'Selector:       app=kindnet',
        'Node-Selector:  <none>',
        'Labels:         app=kindnet',
        'Annotations:    <none>',
        'Desired Number of Nodes Scheduled: 3',
        'Current Number of Nodes Scheduled: 3',
        'Number of Nodes Scheduled with Up-to-date Pods: 3',
        'Number of Nodes Scheduled with Available Pods: 3',
        'Number of Nodes Misscheduled: 0',
        'Pods Status:  1 Running / 0 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:           app=kindnet',
        '  Service Account:  kindnet',
        '  Containers:',
        '   kindnet-cni:',
        '    Image:      kindest/kindnetd:v20240202',
        '    Port:       <none>',
        '    Host Port:  <none>',
        '    Limits:',
        '      cpu:     100m',
        '      memory:  50Mi',
        '    Requests:',
        '      cpu:     100m',
        '      memory:  50Mi',
        '    Environment:',
        '      HOST_IP:   (v1:status.hostIP)',
        '    Mounts:',
        '      /etc/cni/net.d from cni-cfg (rw)',
        '  Volumes:',
        '   cni-cfg:',
        '    Type:          HostPath (bare host directory volume)',
        '    Path:          /etc/cni/net.d',
        '    HostPathType:  ',
        '  Node-Selectors:  <none>',
        '  Tolerations:     op=Exists',
        'Events:            <none>',
      ]),
    );
  });

  it('prints statefulset replicas, partition and volume claim templates', () => {
    const sts = obj('StatefulSet', 'db', {
      metadata: { name: 'db', namespace: 'default', creationTimestamp: '2024-04-15T10:00:00Z' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'db' } },
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
        template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'pg', image: 'postgres:16' }] } },
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      },
      status: { replicas: 2 },
    });
    const out = describeObject(sts, ctxOf([sts]));
    expect(out).toContain('Replicas:           2 desired | 2 total\nUpdate Strategy:    RollingUpdate\n  Partition:        0\n');
    expect(out).toContain('Volume Claims:\n  Name:          data\n  StorageClass:  \n  Labels:        <none>\n  Annotations:   <none>\n  Capacity:      1Gi\n  Access Modes:  [ReadWriteOnce]\nEvents:          <none>\n');
  });
});
