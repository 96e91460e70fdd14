import type { SchemaDocs } from './model.js';
import { OBJECT_ROOT_DOCS, SPEC_LINK } from './meta.js';

/** Descriptions (kubesim's own wording) for NetworkPolicy and Ingress (networking.k8s.io/v1). */

export const NETWORK_DOCS: SchemaDocs = {
  NetworkPolicy: {
    _: 'A NetworkPolicy restricts which traffic may reach or leave a set of pods. It only has an effect with a network plugin that enforces policies.',
    ...OBJECT_ROOT_DOCS,
    spec: 'What the policy selects and allows.',
  },
  NetworkPolicySpec: {
    _: 'NetworkPolicySpec describes one network policy.',
    podSelector: 'The pods the policy applies to, in the policy\'s namespace. An empty selector selects every pod of the namespace.',
    ingress: 'Rules for incoming traffic. Traffic to the selected pods is allowed if any rule of any policy selecting them matches, or if no policy restricts ingress for them.',
    egress: 'Rules for outgoing traffic. Traffic from the selected pods is allowed if any rule of any policy selecting them matches, or if no policy restricts egress for them.',
    policyTypes: 'Which directions the policy restricts: Ingress, Egress or both. When unset, Ingress is assumed, plus Egress if egress rules are present.',
  },
  NetworkPolicyIngressRule: {
    _: 'Traffic that matches both ports and from is allowed in.',
    ports: 'Ports the traffic may go to; empty or unset means every port.',
    from: 'Sources the traffic may come from; empty or unset means every source.',
  },
  NetworkPolicyEgressRule: {
    _: 'Traffic that matches both ports and to is allowed out.',
    ports: 'Ports the traffic may go to; empty or unset means every port.',
    to: 'Destinations the traffic may go to; empty or unset means every destination.',
  },
  NetworkPolicyPeer: {
    _: 'A source or destination of traffic; ipBlock cannot be combined with the selectors.',
    podSelector: 'Pods in the policy\'s namespace (or in the namespaces selected by namespaceSelector).',
    namespaceSelector: 'Namespaces whose pods (restricted by podSelector, if set) are allowed; an empty selector means all namespaces.',
    ipBlock: 'A range of IP addresses.',
  },
  NetworkPolicyPort: {
    _: 'A port (or range of ports) traffic may go to.',
    protocol: 'TCP, UDP or SCTP. Defaults to TCP.',
    port: 'A port number or the name of a container port; unset means every port.',
    endPort: 'With a numeric port, the last port of a range that starts at port.',
  },
  IPBlock: {
    _: 'A range of IP addresses, minus some exceptions.',
    cidr: 'The range, such as "192.168.1.0/24" or "2001:db8::/64".',
    except: 'Ranges inside cidr to leave out.',
  },
  Ingress: {
    _: 'An Ingress routes HTTP and HTTPS traffic from outside the cluster to services, by host name and path. An ingress controller must be running for it to work.',
    ...OBJECT_ROOT_DOCS,
    spec: `The routing rules of the Ingress. More info: ${SPEC_LINK}`,
    status: `The current state of the Ingress, such as its load balancer addresses. More info: ${SPEC_LINK}`,
  },
  IngressSpec: {
    _: 'IngressSpec describes how an Ingress routes requests.',
    ingressClassName: 'The IngressClass (and so the controller) that handles this Ingress; when empty the default class is used.',
    defaultBackend: 'Where requests that match no rule go. When unset, the controller decides.',
    tls: 'TLS settings; each entry gives the hosts a certificate Secret is valid for.',
    rules: 'Host and path rules. Requests that match none go to the default backend.',
  },
  IngressTLS: {
    _: 'TLS settings for a set of hosts.',
    hosts: 'Hosts in the certificate; they must match hosts in rules. Defaults to the controller\'s wildcard host.',
    secretName: 'The Secret holding the certificate and key. May be empty for controllers that route by SNI alone.',
  },
  IngressRule: {
    _: 'Routes requests for one host (or for all hosts).',
    host: 'The fully qualified host name to match, optionally with a leading "*." wildcard label. IP addresses and ports are not allowed. When empty, all hosts match.',
    http: 'Path rules for HTTP requests to the host.',
  },
  HTTPIngressRuleValue: {
    _: 'A list of path rules.',
    paths: 'Paths mapped to backends; the longest matching path wins.',
  },
  HTTPIngressPath: {
    _: 'Routes a path to a backend.',
    path: 'The path to match; it must start with "/" when pathType is Exact or Prefix.',
    pathType: 'How path is matched: Exact (the whole path), Prefix (element by element, split on "/") or ImplementationSpecific (up to the ingress controller).',
    backend: 'Where matching requests are sent.',
  },
  IngressBackend: {
    _: 'The target of requests: a service or, exclusively, another resource.',
    service: 'A service to send requests to.',
    resource: 'Another object in the same namespace to send requests to, such as a storage bucket.',
  },
  IngressServiceBackend: {
    _: 'A service to send requests to.',
    name: 'Name of the service in the Ingress\'s namespace.',
    port: 'The service port; required for a service backend.',
  },
  ServiceBackendPort: {
    _: 'A service port, by name or number.',
    name: 'The port name; cannot be combined with number.',
    number: 'The port number; cannot be combined with name.',
  },
  IngressStatus: {
    _: 'IngressStatus is the current state of an Ingress.',
    loadBalancer: 'The load balancer serving the Ingress.',
  },
  IngressLoadBalancerStatus: {
    _: 'The state of the Ingress\'s load balancer.',
    ingress: 'The addresses of the load balancer.',
  },
  IngressLoadBalancerIngress: {
    _: 'One address of an Ingress load balancer.',
    ip: 'The IP address, for load balancers reached by IP.',
    hostname: 'The hostname, for load balancers reached by DNS name.',
    ports: 'The status of each port.',
  },
  IngressPortStatus: {
    _: 'The status of one port.',
    port: 'The port number.',
    protocol: 'TCP, UDP or SCTP.',
    error: 'Why the port failed, as a CamelCase reason; empty when it works.',
  },
};
