import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/api/types.js';
import { describeObject } from '../../../src/printers/describe/index.js';
import { ctxOf, event, obj, service, slice, text } from './helpers.js';

const web = service('web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }] });

function webSlice(): KubeObject {
  const eps = slice('web', 'abcde', [{ name: 'http', port: 8080 }], [['10.1.0.5'], ['10.1.0.6', false]]);
  eps.endpoints[0].nodeName = 'kind-worker';
  eps.endpoints[0].targetRef = { kind: 'Pod', name: 'web-1' };
  return eps;
}

describe('describe endpointslice', () => {
  it('prints ports and one block per endpoint with <unset> placeholders', () => {
    const eps = webSlice();
    expect(describeObject(eps, ctxOf([eps]))).toBe(
      text([
        'Name:         web-abcde',
        'Namespace:    default',
        'Labels:       endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io',
        '              kubernetes.io/service-name=web',
        'Annotations:  <none>',
        'AddressType:  IPv4',
        'Ports:',
        '  Name  Port  Protocol',
        '  ----  ----  --------',
        '  http  8080  TCP',
        'Endpoints:',
        '  - Addresses:  10.1.0.5',
        '    Conditions:',
        '      Ready:    true',
        '    Hostname:   <unset>',
        '    TargetRef:  Pod/web-1',
        '    NodeName:   kind-worker',
        '    Zone:       <unset>',
        '  - Addresses:  10.1.0.6',
        '    Conditions:',
        '      Ready:   false',
        '    Hostname:  <unset>',
        '    NodeName:  <unset>',
        '    Zone:      <unset>',
        'Events:        <none>',
      ]),
    );
  });
});

describe('describe ingress', () => {
  it('resolves backends to service endpoints and prints Annotations after the rules', () => {
    const ing = obj('Ingress', 'web', {
      apiVersion: 'networking.k8s.io/v1',
      namespace: 'default',
      spec: {
        ingressClassName: 'nginx',
        tls: [{ hosts: ['a.example.com'], secretName: 'tls' }],
        rules: [
          {
            host: 'a.example.com',
            http: {
              paths: [
                { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } },
                { path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { name: 'http' } } } },
              ],
            },
          },
        ],
      },
      status: { loadBalancer: { ingress: [{ ip: '172.18.0.5' }] } },
    });
    expect(describeObject(ing, ctxOf([ing, web, webSlice()]))).toBe(
      text([
        'Name:             web',
        'Labels:           <none>',
        'Namespace:        default',
        'Address:          172.18.0.5',
        'Ingress Class:    nginx',
        'Default backend:  <default>',
        'TLS:',
        '  tls terminates a.example.com',
        'Rules:',
        '  Host           Path  Backends',
        '  ----           ----  --------',
        '  a.example.com  ',
        '                 /      web:80 (10.1.0.5:8080)',
        '                 /api   api:http (<error: services "api" not found>)',
        'Annotations:     <none>',
        'Events:          <none>',
      ]),
    );
  });

  it('shows the catch-all rule when there are no http rules', () => {
    const ing = obj('Ingress', 'default-only', { namespace: 'default', spec: { defaultBackend: { service: { name: 'web', port: { number: 80 } } } } });
    const out = describeObject(ing, ctxOf([ing, web], undefined, '1.29'));
    expect(out).toContain('Default backend:  web:80 (<error: endpoints "web" not found>)\n');
    expect(out).toContain('  *           *     web:80 (<error: endpoints "web" not found>)\n');
  });
});

describe('describe networkpolicy', () => {
  it('describes selectors, ports, peers and policy types in prose', () => {
    const np = obj('NetworkPolicy', 'db', {
      apiVersion: 'networking.k8s.io/v1',
      metadata: { name: 'db', namespace: 'default', creationTimestamp: '2024-04-15T10:30:00Z' },
      spec: {
        podSelector: { matchLabels: { app: 'db' } },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }, { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }], ports: [{ port: 5432 }] }, {}],
        egress: [],
      },
    });
    expect(describeObject(np, ctxOf([np]))).toBe(
      text([
        'Name:         db',
        'Namespace:    default',
        'Created on:   2024-04-15 10:30:00 +0000 UTC',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Spec:',
        '  PodSelector:     app=db',
        '  Allowing ingress traffic:',
        '    To Port: 5432/TCP',
        '    From:',
        '      PodSelector: app=web',
        '    From:',
        '      IPBlock:',
        '        CIDR: 10.0.0.0/8',
        '        Except: 10.1.0.0/16',
        '    ----------',
        '    To Port: <any> (traffic allowed to all ports)',
        '    From: <any> (traffic not restricted by source)',
        '  Allowing egress traffic:',
        '    <none> (Selected pods are isolated for egress connectivity)',
        '  Policy Types: Ingress, Egress',
      ]),
    );
  });
});

describe('describe serviceaccount', () => {
  it('lists pull/mountable secrets, marking missing ones', () => {
    const sa = obj('ServiceAccount', 'default', { namespace: 'default', metadata: { name: 'default', namespace: 'default', uid: 'sa1' }, imagePullSecrets: [{ name: 'regcred' }], secrets: [{ name: 'gone' }, { name: 'present' }] });
    const present = obj('Secret', 'present', { namespace: 'default', type: 'Opaque' });
    expect(describeObject(sa, ctxOf([sa, present]))).toBe(
      text([
        'Name:                default',
        'Namespace:           default',
        'Labels:              <none>',
        'Annotations:         <none>',
        'Image pull secrets:  regcred (not found)',
        'Mountable secrets:   gone (not found)',
        '                     present',
        'Tokens:              <none>',
        'Events:              <none>',
      ]),
    );
  });
});

describe('generic describer', () => {
  it('prints remaining fields with smart labels (used for Events, Leases, unknown kinds)', () => {
    const svc = { ...web, metadata: { ...web.metadata, uid: 'svc-uid' } };
    const ev = event(svc, 'web.17c', { reason: 'Created', message: 'hi', from: 'kubelet', first: '2024-04-15T10:44:00Z' });
    ev.metadata.creationTimestamp = '2024-04-15T10:44:00Z';
    ev.metadata.managedFields = [{ manager: 'kubelet' }];
    expect(describeObject(ev, ctxOf([svc, ev]))).toBe(
      text([
        'Name:             web.17c',
        'Namespace:        default',
        'Labels:           <none>',
        'Annotations:      <none>',
        'API Version:      v1',
        'Count:            1',
        'First Timestamp:  2024-04-15T10:44:00Z',
        'Involved Object:',
        '  Kind:          Service',
        '  Name:          web',
        '  Namespace:     default',
        '  UID:           svc-uid',
        'Kind:            Event',
        'Last Timestamp:  2024-04-15T10:44:00Z',
        'Message:         hi',
        'Metadata:',
        '  Creation Timestamp:  2024-04-15T10:44:00Z',
        'Reason:                Created',
        'Source:',
        '  Component:  kubelet',
        'Type:         Normal',
        'Events:       <none>',
      ]),
    );
  });
});
