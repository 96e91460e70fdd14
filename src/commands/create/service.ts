import type { CommandContext, CommandSpec } from '../../cli/command.js';
import type { KubeObject } from '../../api/types.js';
import { isDNS1123Subdomain, isValidPortName, isValidPortNum } from '../../api/validation/names.js';
import { CliError } from '../../errors.js';
import { finishCreate, groupRun, newMeta, prepare, requireFlags, sliceFlag } from './common.js';

const sub = (m: { command: CommandSpec }) => m.command;

export const command: CommandSpec = {
  name: 'service',
  aliases: ['svc'],
  short: 'Create a service using a specified subcommand',
  long: 'Create a service of the type named by the subcommand.',
  usage: 'create service [flags] [options]',
  subcommands: [
    { name: 'clusterip', short: 'Create a ClusterIP service', load: () => import('./service/clusterip.js').then(sub) },
    { name: 'externalname', short: 'Create an ExternalName service', load: () => import('./service/externalname.js').then(sub) },
    { name: 'loadbalancer', short: 'Create a LoadBalancer service', load: () => import('./service/loadbalancer.js').then(sub) },
    { name: 'nodeport', short: 'Create a NodePort service', load: () => import('./service/nodeport.js').then(sub) },
  ],
  run: groupRun(() => command),
};

export const tcpFlag = { name: 'tcp', type: 'stringSlice' as const, description: "Port pairs can be specified as '<port>:<targetPort>'." };

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

/** What the four `create service` subcommands share: validation, the generator, and the error wrapping. */
export async function runCreateService(ctx: CommandContext, type: ServiceType): Promise<void> {
  if (type === 'ExternalName') requireFlags(ctx, 'external-name');
  const { name, dryRun } = prepare(ctx);
  const tcp = sliceFlag(ctx, 'tcp');
  const clusterIP = (ctx.parsed.flags.clusterip as string | undefined) ?? '';
  const externalName = (ctx.parsed.flags['external-name'] as string | undefined) ?? '';
  if (clusterIP === 'None' && type !== 'ClusterIP') throw new CliError('ClusterIP=None can only be used with ClusterIP service type');
  if (clusterIP !== 'None' && tcp.length === 0 && type !== 'ExternalName') throw new CliError('at least one tcp port specifier must be provided');
  if (type === 'ExternalName' && isDNS1123Subdomain(externalName).length) throw new CliError(`invalid service external name ${externalName}`);
  const svc = buildService(ctx, name, type, tcp, clusterIP, externalName);
  // kubectl's service generator never reads --save-config (CreateAnnotation stays false): the flag is
  // accepted and silently ignored, so no last-applied annotation is written.
  await finishCreate(ctx, svc, dryRun, (msg) => `failed to create ${type} service: ${msg}`, { ignoreSaveConfig: true });
}

function buildService(ctx: CommandContext, name: string, type: ServiceType, tcp: string[], clusterIP: string, externalName: string): KubeObject {
  const nodePort = (ctx.parsed.flags['node-port'] as number | undefined) ?? 0;
  const ports = tcp.map((spec) => {
    const [port, targetPort] = parsePorts(spec);
    // ServicePort.name is omitempty; port and targetPort are always written; nodePort only when set.
    const p: Record<string, unknown> = {};
    const portName = spec.replace(/:/g, '-');
    if (portName) p.name = portName;
    p.protocol = 'TCP';
    p.port = port;
    p.targetPort = targetPort;
    if (nodePort !== 0) p.nodePort = nodePort;
    return p;
  });
  const spec: Record<string, unknown> = {};
  if (ports.length) spec.ports = ports;
  spec.selector = { app: name };
  if (clusterIP) spec.clusterIP = clusterIP;
  spec.type = type;
  if (externalName) spec.externalName = externalName;
  return { kind: 'Service', apiVersion: 'v1', metadata: newMeta(ctx, name, { app: name }), spec, status: { loadBalancer: {} } };
}

/**
 * `--tcp` as kubectl's parsePorts reads it: `port[:targetPort[:ignored…]]`. The port goes through
 * strconv.ParseUint (so its errors are Go's), the target is a number when Atoi accepts it (sign allowed)
 * and a port name otherwise; extra `:` parts are ignored but stay in the port's name.
 */
export function parsePorts(spec: string): [number, number | string] {
  const parts = spec.split(':');
  const port = parseUint16(parts[0]);
  if (parts.length === 1) return [port, port];
  const target = parts[1];
  const n = goAtoi(target);
  if (n === undefined) {
    const errs = isValidPortName(target);
    if (errs.length) throw new CliError(errs.join(','));
    return [port, target];
  }
  const errs = isValidPortNum(n);
  if (errs.length) throw new CliError(errs.join(','));
  return [port, n];
}

function parseUint16(s: string): number {
  if (!/^\d+$/.test(s)) throw new CliError(`strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (n > 65535) throw new CliError(`strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}

function goAtoi(s: string): number | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const n = BigInt(s);
  if (n > 9223372036854775807n || n < -9223372036854775808n) return undefined;
  return Number(n);
}
