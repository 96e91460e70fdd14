import type { Json, KubeObject } from '../../api/types.js';
import { formatLabelSelector } from '../../api/labels.js';
import type { DescribeContext } from './context.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, PrefixWriter, writeAnnotations, writeLabels } from './prefix-writer.js';

/**
 * `kubectl describe networkpolicy`: `Created on:` uses Go's time.Time String() form
 * (`2024-04-15 10:30:00 +0000 UTC`), then the Spec in prose. No Events section.
 */
export function describeNetworkPolicy(np: KubeObject, _ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = np.spec ?? {};
  w.write(LEVEL_0, `Name:\t${np.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${np.metadata.namespace ?? ''}\n`);
  w.write(LEVEL_0, `Created on:\t${goTimeString(np.metadata.creationTimestamp)}\n`);
  writeLabels(w, 'Labels', np.metadata.labels);
  writeAnnotations(w, 'Annotations', np.metadata.annotations);
  w.write(LEVEL_0, 'Spec:\n');
  w.write(LEVEL_1, 'PodSelector: ');
  const sel = formatLabelSelector(spec.podSelector);
  // The selector text gets its own level-2 prefix, hence the 5 spaces after "PodSelector:".
  w.write(LEVEL_2, sel ? `${sel}\n` : '<none> (Allowing the specific traffic to all pods in this namespace)\n');
  const types: string[] = spec.policyTypes ?? [];
  if (types.includes('Ingress')) {
    w.write(LEVEL_1, 'Allowing ingress traffic:\n');
    writeRules(w, spec.ingress ?? [], 'from', 'ingress');
  } else w.write(LEVEL_1, 'Not affecting ingress traffic\n');
  if (types.includes('Egress')) {
    w.write(LEVEL_1, 'Allowing egress traffic:\n');
    writeRules(w, spec.egress ?? [], 'to', 'egress');
  } else w.write(LEVEL_1, 'Not affecting egress traffic\n');
  w.write(LEVEL_1, `Policy Types: ${types.length > 0 ? types.join(', ') : '<none>'}\n`);
  return w.toString();
}

const IND = '    ';

function writeRules(w: PrefixWriter, rules: Json[], peerField: 'from' | 'to', direction: string): void {
  if (rules.length === 0) {
    w.write(LEVEL_0, `${IND}<none> (Selected pods are isolated for ${direction} connectivity)\n`);
    return;
  }
  const peerTitle = peerField === 'from' ? 'From' : 'To';
  rules.forEach((rule, i) => {
    const ports: Json[] = rule.ports ?? [];
    if (ports.length === 0) w.write(LEVEL_0, `${IND}To Port: <any> (traffic allowed to all ports)\n`);
    for (const p of ports) {
      const proto = p.protocol ?? 'TCP';
      const port = p.port ?? '<nil>';
      if (p.endPort === undefined) w.write(LEVEL_0, `${IND}To Port: ${port}/${proto}\n`);
      else w.write(LEVEL_0, `${IND}To Port Range: ${port}-${p.endPort}/${proto}\n`);
    }
    const peers: Json[] = rule[peerField] ?? [];
    if (peers.length === 0) {
      const what = peerField === 'from' ? 'traffic not restricted by source' : 'traffic not restricted by destination';
      w.write(LEVEL_0, `${IND}${peerTitle}: <any> (${what})\n`);
    }
    for (const peer of peers) writePeer(w, peer, peerTitle);
    if (i !== rules.length - 1) w.write(LEVEL_0, `${IND}----------\n`);
  });
}

function writePeer(w: PrefixWriter, peer: Json, title: string): void {
  const fmt = (s: Json) => formatLabelSelector(s) || '<none>';
  w.write(LEVEL_0, `${IND}${title}:\n`);
  if (peer.namespaceSelector) w.write(LEVEL_1, `${IND}NamespaceSelector: ${fmt(peer.namespaceSelector)}\n`);
  if (peer.podSelector) w.write(LEVEL_1, `${IND}PodSelector: ${fmt(peer.podSelector)}\n`);
  if (!peer.podSelector && !peer.namespaceSelector && peer.ipBlock) {
    w.write(LEVEL_1, `${IND}IPBlock:\n`);
    w.write(LEVEL_2, `${IND}CIDR: ${peer.ipBlock.cidr}\n`);
    w.write(LEVEL_2, `${IND}Except: ${(peer.ipBlock.except ?? []).join(', ')}\n`);
  }
}

/** Go's time.Time.String() for a UTC time: `2006-01-02 15:04:05 +0000 UTC`. */
export function goTimeString(ts: string | undefined): string {
  if (!ts) return '0001-01-01 00:00:00 +0000 UTC';
  const iso = new Date(ts).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000 UTC`;
}
