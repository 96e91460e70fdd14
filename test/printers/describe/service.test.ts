import { describe, expect, it } from 'vitest';
import { describeObject } from '../../../src/printers/describe/index.js';
import { ctxOf, event, obj, service, slice, text } from './helpers.js';

const whoamiLabels = { app: 'whoami', 'kubernetes.courselabs.co': 'services' };
const lastApplied = { 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1","kind":"Service"}\n' };

/** The k8s-docs my-nginx service (run=my-nginx, unnamed port 80). */
function myNginx(spec: Record<string, unknown> = {}) {
  return service('my-nginx', { clusterIP: '10.96.184.12', selector: { run: 'my-nginx' }, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }], ...spec }, { labels: { run: 'my-nginx' } });
}

const myNginxEndpoints = obj('Endpoints', 'my-nginx', {
  namespace: 'default',
  subsets: [{ addresses: [{ ip: '10.244.2.5' }, { ip: '10.244.3.4' }], ports: [{ port: 80, protocol: 'TCP' }] }],
});

describe('describe service', () => {
  it('prints the A.2 NodePort sample byte for byte (kubectl 1.32, EndpointSlices, last-applied hidden)', () => {
    const svc = service(
      'whoami-np',
      { type: 'NodePort', clusterIP: '10.104.118.52', selector: { app: 'whoami' }, ports: [{ name: 'http', port: 8010, targetPort: 80, nodePort: 30010, protocol: 'TCP' }] },
      { labels: whoamiLabels, metadata: { name: 'whoami-np', namespace: 'default', annotations: lastApplied } },
    );
    const eps = slice('whoami-np', 'x7k2p', [{ name: 'http', port: 80 }], [['10.1.0.13']]);
    expect(describeObject(svc, ctxOf([svc, eps]))).toBe(text(A2));
  });

  it('uses 19-character labels for a ClusterIP service with kubectl 1.29 (Endpoints object, no Internal Traffic Policy)', () => {
    const svc = myNginx();
    expect(describeObject(svc, ctxOf([svc, myNginxEndpoints], undefined, '1.29'))).toBe(text(CLUSTERIP_129));
  });

  it('widens to 26 characters with kubectl 1.32 because of the Internal Traffic Policy line', () => {
    const svc = myNginx();
    const eps = slice('my-nginx', 'abcde', [{ port: 80 }], [['10.244.2.5'], ['10.244.3.4']]);
    expect(describeObject(svc, ctxOf([svc, eps]))).toBe(
      text([
        'Name:                     my-nginx',
        'Namespace:                default',
        'Labels:                   run=my-nginx',
        'Annotations:              <none>',
        'Selector:                 run=my-nginx',
        'Type:                     ClusterIP',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.96.184.12',
        'IPs:                      10.96.184.12',
        'Port:                     <unset>  80/TCP',
        'TargetPort:               80/TCP',
        'Endpoints:                10.244.2.5:80,10.244.3.4:80',
        'Session Affinity:         None',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
      ]),
    );
  });

  it('matches the §3.2 kubectl 1.31 NodePort sample', () => {
    const svc = myNginx({ type: 'NodePort', externalTrafficPolicy: 'Cluster', ports: [{ port: 80, targetPort: 80, nodePort: 31704, protocol: 'TCP' }] });
    const eps = slice('my-nginx', 'abcde', [{ port: 80 }], [['10.244.2.5'], ['10.244.3.4']]);
    expect(describeObject(svc, ctxOf([svc, eps], undefined, '1.31'))).toBe(text(NODEPORT_131));
  });

  it('prints the LoadBalancer Ingress hostname after IPs:', () => {
    const svc = service(
      'whoami-lb',
      { type: 'LoadBalancer', clusterIP: '10.98.187.16', selector: { app: 'whoami' }, ports: [{ name: 'http', port: 8080, targetPort: 80, nodePort: 31203, protocol: 'TCP' }] },
      { labels: whoamiLabels, status: { loadBalancer: { ingress: [{ hostname: 'localhost' }] } } },
    );
    const eps = slice('whoami-lb', 'q9w8e', [{ name: 'http', port: 80 }], [['10.1.0.13'], ['10.1.0.14']]);
    expect(describeObject(svc, ctxOf([svc, eps]))).toBe(
      text([
        'Name:                     whoami-lb',
        'Namespace:                default',
        'Labels:                   app=whoami',
        '                          kubernetes.courselabs.co=services',
        'Annotations:              <none>',
        'Selector:                 app=whoami',
        'Type:                     LoadBalancer',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.98.187.16',
        'IPs:                      10.98.187.16',
        'LoadBalancer Ingress:     localhost',
        'Port:                     http  8080/TCP',
        'TargetPort:               80/TCP',
        'NodePort:                 http  31203/TCP',
        'Endpoints:                10.1.0.13:80,10.1.0.14:80',
        'Session Affinity:         None',
        'External Traffic Policy:  Cluster',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
      ]),
    );
  });

  it('labels the requested LB IP and ingress ipMode by kubectl version', () => {
    const svc = service('lb', { type: 'LoadBalancer', loadBalancerIP: '172.18.255.200', ports: [] }, { status: { loadBalancer: { ingress: [{ ip: '172.18.255.200', ipMode: 'VIP' }] } } });
    const new32 = describeObject(svc, ctxOf([svc]));
    expect(new32).toContain('\nDesired LoadBalancer IP:  172.18.255.200\nLoadBalancer Ingress:     172.18.255.200 (VIP)\n');
    const old30 = describeObject(svc, ctxOf([svc], undefined, '1.30'));
    expect(old30).toContain('\nIP:                       172.18.255.200\nLoadBalancer Ingress:     172.18.255.200\n');
  });

  describe('Endpoints line', () => {
    const zero = service('whoami-zero-matches', { clusterIP: '10.110.7.21', selector: { app: 'nothing' }, ports: [{ name: 'http', port: 8010, targetPort: 80, protocol: 'TCP' }] });
    const line = (out: string) => out.split('\n').find((l) => l.startsWith('Endpoints:'));

    it('is <none> when there is no EndpointSlice (1.32) or no Endpoints object (1.29)', () => {
      expect(line(describeObject(zero, ctxOf([zero])))).toBe('Endpoints:                <none>');
      expect(line(describeObject(zero, ctxOf([zero], undefined, '1.29')))).toBe('Endpoints:         <none>');
    });

    it('is empty (padding only) when slices exist but have no ready endpoint', () => {
      const empty = slice('whoami-zero-matches', 'aaaaa', [{ name: 'http', port: 80 }], []);
      expect(line(describeObject(zero, ctxOf([zero, empty])))).toBe('Endpoints:                ');
    });

    it('skips not-ready endpoints in 1.32 but lists them in 1.31, and cuts after 3', () => {
      const eps = slice('whoami-zero-matches', 'bbbbb', [{ name: 'http', port: 80 }], [['10.1.0.1'], ['10.1.0.2', false], ['10.1.0.3'], ['10.1.0.4'], ['10.1.0.5']]);
      expect(line(describeObject(zero, ctxOf([zero, eps])))).toBe('Endpoints:                10.1.0.1:80,10.1.0.3:80,10.1.0.4:80 + 1 more...');
      expect(line(describeObject(zero, ctxOf([zero, eps], undefined, '1.31')))).toBe('Endpoints:                10.1.0.1:80,10.1.0.2:80,10.1.0.3:80 + 2 more...');
    });

    it('reproduces kubectl 1.32 printing "+ 0 more..." when the 4th endpoint is not ready', () => {
      const eps = slice('whoami-zero-matches', 'ccccc', [{ name: 'http', port: 80 }], [['10.1.0.1'], ['10.1.0.2'], ['10.1.0.3'], ['10.1.0.4', false]]);
      expect(line(describeObject(zero, ctxOf([zero, eps])))).toBe('Endpoints:                10.1.0.1:80,10.1.0.2:80,10.1.0.3:80 + 0 more...');
    });

    it('only uses slice ports whose name matches the service port name', () => {
      const eps = slice('whoami-zero-matches', 'ddddd', [{ name: 'metrics', port: 9090 }], [['10.1.0.1']]);
      expect(line(describeObject(zero, ctxOf([zero, eps])))).toBe('Endpoints:                ');
    });
  });

  it('flushes before an Events table and shows repeated events as "last (xN over first)"', () => {
    const svc = myNginx({ type: 'LoadBalancer', externalTrafficPolicy: 'Cluster', ports: [{ port: 80, targetPort: 80, nodePort: 31704, protocol: 'TCP' }] });
    svc.metadata.uid = 'svc-uid-1';
    const ev = event(svc, 'my-nginx.17c5f0a1b2c3d4e5', { reason: 'EnsuringLoadBalancer', message: 'Ensuring load balancer ', from: 'service-controller', first: '2024-04-15T10:41:50Z', last: '2024-04-15T10:44:00Z', count: 4 });
    const out = describeObject(svc, ctxOf([svc, ev], undefined, '1.29'));
    expect(out.split('\n').slice(-5).join('\n')).toBe(
      [
        'Events:',
        '  Type    Reason                Age                  From                Message',
        '  ----    ------                ----                 ----                -------',
        '  Normal  EnsuringLoadBalancer  60s (x4 over 3m10s)  service-controller  Ensuring load balancer',
        '',
      ].join('\n'),
    );
    expect(out).toContain('\nEndpoints:                <none>\nSession Affinity:         None\nExternal Traffic Policy:  Cluster\n');
  });
});

const A2 = [
    "Name:                     whoami-np",
    "Namespace:                default",
    "Labels:                   app=whoami",
    "                          kubernetes.courselabs.co=services",
    "Annotations:              <none>",
    "Selector:                 app=whoami",
    "Type:                     NodePort",
    "IP Family Policy:         SingleStack",
    "IP Families:              IPv4",
    "IP:                       10.104.118.52",
    "IPs:                      10.104.118.52",
    "Port:                     http  8010/TCP",
    "TargetPort:               80/TCP",
    "NodePort:                 http  30010/TCP",
    "Endpoints:                10.1.0.13:80",
    "Session Affinity:         None",
    "External Traffic Policy:  Cluster",
    "Internal Traffic Policy:  Cluster",
    "Events:                   <none>",
  ];

const CLUSTERIP_129 = [
    "Name:              my-nginx",
    "Namespace:         default",
    "Labels:            run=my-nginx",
    "Annotations:       <none>",
    "Selector:          run=my-nginx",
    "Type:              ClusterIP",
    "IP Family Policy:  SingleStack",
    "IP Families:       IPv4",
    "IP:                10.96.184.12",
    "IPs:               10.96.184.12",
    "Port:              <unset>  80/TCP",
    "TargetPort:        80/TCP",
    "Endpoints:         10.244.2.5:80,10.244.3.4:80",
    "Session Affinity:  None",
    "Events:            <none>",
  ];

const NODEPORT_131 = [
    "Name:                     my-nginx",
    "Namespace:                default",
    "Labels:                   run=my-nginx",
    "Annotations:              <none>",
    "Selector:                 run=my-nginx",
    "Type:                     NodePort",
    "IP Family Policy:         SingleStack",
    "IP Families:              IPv4",
    "IP:                       10.96.184.12",
    "IPs:                      10.96.184.12",
    "Port:                     <unset>  80/TCP",
    "TargetPort:               80/TCP",
    "NodePort:                 <unset>  31704/TCP",
    "Endpoints:                10.244.2.5:80,10.244.3.4:80",
    "Session Affinity:         None",
    "External Traffic Policy:  Cluster",
    "Internal Traffic Policy:  Cluster",
    "Events:                   <none>",
  ];
