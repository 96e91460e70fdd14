import type { CommandContext, CommandSpec } from '../cli/command.js';
import type { KubeObject } from '../api/types.js';
import { clone } from '../api/types.js';
import { typeForKind } from '../api/kinds.js';
import type { DryRun } from '../cluster/api-server.js';
import type { Session } from '../cluster/session.js';
import { CliError } from '../errors.js';
import { parseResourceArgs } from '../resource/args.js';
import { loadManifests } from '../resource/manifests.js';
import { namespaceFor } from '../resource/namespace.js';
import { getObject } from '../resource/select.js';
import { checkOutput, fieldManagerFlag, OUTPUT_FORMATS, saveConfigFlag } from './create/common.js';
import { dryRunFlag, filenameFlags, outputFlag, printingFlags } from './flags.js';
import { overrideFlags } from './run.js';
import { applyOverrides, sendGenerated } from './run/common.js';
import { ResultPrinter } from './run/output.js';
import { checkExposable, createService, portsForObject, protocolsForObject, makeLabels, selectorForObject, type ServiceParams } from './expose/service.js';
import { finishWithErrors } from './metadata-update.js';
import { parseDryRun } from './write-output.js';
import { MISSING_RESOURCES } from '../resource/args.js';


export const command: CommandSpec = {
  name: 'expose',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  long: `Expose a resource as a new Kubernetes service.

 Finds a deployment, service, replica set, replication controller or pod by name and creates a service whose selector is that object's pod selector, on the given port. A deployment or replica set can only be exposed when its selector uses matchLabels alone, since a service selector is a plain label map. Without --port, the ports the object declares are reused (all of them when there are several); without --labels, the service copies the object's labels.

 Possible resources include (case insensitive):

 pod (po), service (svc), replicationcontroller (rc), deployment (deploy), replicaset (rs)`,
  examples: `# Expose the deployment web on port 80, forwarding to container port 8080
kubectl expose deployment web --port=80 --target-port=8080

# Expose a deployment on the ports its containers declare
kubectl expose deployment/my-nginx

# Expose the deployment named in a manifest
kubectl expose -f web-deployment.yaml --port=80 --target-port=8080

# Expose one pod under another name
kubectl expose pod web-1 --port=444 --name=frontend

# Publish a deployment through a cloud load balancer
kubectl expose deploy kuard --type=LoadBalancer --port=80 --target-port=8080

# Add a second service for an existing one, on another port
kubectl expose service web --port=443 --target-port=8443 --name=web-https

# Balance UDP traffic for a replica set
kubectl expose rs streamer --port=4100 --protocol=UDP --name=video-stream`,
  usage: 'expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]',
  flags: [
    { name: 'cluster-ip', type: 'string', description: "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service." },
    dryRunFlag,
    {
      name: 'external-ip',
      type: 'string',
      description:
        'Additional external IP address (not managed by Kubernetes) to accept for the service. If this IP is routed to a node, the service can be accessed by this IP in addition to its generated service IP.',
    },
    fieldManagerFlag('kubectl-expose'),
    ...filenameFlags('Filename, directory, or URL to files identifying the resource to expose a service'),
    { name: 'labels', short: 'l', type: 'string', description: 'Labels to apply to the service created by this call.' },
    { name: 'load-balancer-ip', type: 'string', description: 'IP to assign to the LoadBalancer. If empty, an ephemeral IP will be created and used (cloud-provider specific).' },
    { name: 'name', type: 'string', description: 'The name for the newly created object.' },
    outputFlag(OUTPUT_FORMATS),
    ...overrideFlags,
    { name: 'port', type: 'string', description: 'The port that the service should serve on. Copied from the resource being exposed, if unspecified' },
    { name: 'protocol', type: 'string', description: "The network protocol for the service to be created. Default is 'TCP'." },
    saveConfigFlag,
    {
      name: 'selector',
      type: 'string',
      description:
        'A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)',
    },
    { name: 'session-affinity', type: 'string', description: "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'" },
    { name: 'target-port', type: 'string', description: 'Name or number for the port on the container that the service should direct traffic to. Optional.' },
    { name: 'type', type: 'string', description: "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'." },
    ...printingFlags,
    { name: 'record', type: 'bool', hidden: true, description: 'Record current kubectl command in the resource annotation.' },
  ],
  run: runExpose,
};

/** The objects named by -f or by the arguments, in order; a lookup failure is kept in place and reported there. */
type Item = { obj: KubeObject } | { error: Error };

async function resolveItems(ctx: CommandContext, session: Session | undefined): Promise<Item[]> {
  const f = ctx.parsed.flags;
  const filenames = f.filename as string[];
  const args = ctx.parsed.args;
  if (args.length === 0 && filenames.length === 0) throw new CliError(MISSING_RESOURCES);
  const items: Item[] = [];
  if (filenames.length) {
    // Objects from files are used as the files have them: the server is not asked for the live ones.
    for (const m of await loadManifests(filenames, { cwd: ctx.cwd, recursive: f.recursive as boolean, readStdin: ctx.io.readStdin })) {
      const obj = clone(m.obj);
      let ns: string;
      try {
        ns = namespaceFor(obj, ctx.namespace, ctx.namespaceGiven);
      } catch (e) {
        items.push({ error: e as Error });
        continue;
      }
      if (!typeForKind(obj.kind, obj.apiVersion)) {
        items.push({ error: new CliError(`resource mapping not found for name: "${obj.metadata?.name}" namespace: "${ns}" from "${m.source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`) });
        continue;
      }
      if (ns) obj.metadata.namespace = ns;
      items.push({ obj });
    }
  }
  if (args.length) {
    const { requests, names } = parseResourceArgs(args);
    if (!names) throw new CliError('resource(s) were provided, but no name was specified');
    for (const r of requests) {
      try {
        items.push({ obj: clone(getObject(session!.store, r.type, ctx.namespace, r.name!)) });
      } catch (e) {
        items.push({ error: e as Error });
      }
    }
  }
  return items;
}

/** expose's options as the flags give them; introspection fills the empty ones from the first object. */
function optionsFromFlags(ctx: CommandContext): Omit<ServiceParams, 'name'> & { nameFlag: string } {
  const f = ctx.parsed.flags;
  return {
    nameFlag: f.name as string,
    selector: f.selector as string,
    labels: f.labels as string,
    ports: f.port as string,
    protocol: f.protocol as string,
    targetPort: f['target-port'] as string,
    externalIP: f['external-ip'] as string,
    type: f.type as string,
    loadBalancerIP: f['load-balancer-ip'] as string,
    sessionAffinity: f['session-affinity'] as string,
    clusterIP: f['cluster-ip'] as string,
  };
}

async function runExpose(ctx: CommandContext): Promise<void> {
  const f = ctx.parsed.flags;
  const dryRun: DryRun = parseDryRun(f['dry-run'] as string);
  checkOutput(ctx);
  if (ctx.parsed.given.has('record')) ctx.io.err.write('Flag --record has been deprecated, --record will be removed in the future\n');
  const needsServer = ctx.parsed.args.length > 0 || dryRun !== 'client';
  const session = needsServer ? await ctx.session() : undefined;
  const items = await resolveItems(ctx, session);
  const printer = new ResultPrinter(ctx, 'exposed', dryRun, true);
  // kubectl fills these options from the first object and keeps them for the next ones.
  const o = optionsFromFlags(ctx);
  const errors: Error[] = [];
  let wrote = false;
  for (const item of items) {
    if ('error' in item) {
      errors.push(item.error);
      continue;
    }
    try {
      const svc = serviceFor(item.obj, o);
      const created = await sendGenerated(ctx, applyOverrides(svc, f.overrides as string, f['override-type'] as string), dryRun, { setNamespace: true });
      wrote ||= dryRun === 'none';
      await printer.print(created);
    } catch (e) {
      errors.push(e as Error);
    }
  }
  finishWithErrors(errors, wrote);
}

/** One object → its service: introspect what the flags left open, then build (expose.go RunExpose's visitor). */
function serviceFor(obj: KubeObject, o: ReturnType<typeof optionsFromFlags>): KubeObject {
  checkExposable(obj);
  const defaultName = obj.metadata.name.slice(0, 63);
  if (!o.selector) {
    try {
      o.selector = selectorForObject(obj);
    } catch (e) {
      throw new CliError(`couldn't retrieve selectors via --selector flag or introspection: ${(e as Error).message}`);
    }
  }
  const headless = o.clusterIP === 'None';
  let portsString = o.ports;
  if (!o.ports) {
    const ports = portsForObject(obj);
    if (ports.length === 0 && !headless) throw new CliError("couldn't find port via --port flag or introspection");
    // One port becomes --port for the next objects too; several are used for this object only.
    if (ports.length === 1) o.ports = ports[0];
    portsString = ports.join(',');
  }
  const protocols = protocolsForObject(obj);
  if (!o.labels) o.labels = makeLabels(obj.metadata.labels);
  return createService({ ...o, ports: portsString, name: o.nameFlag || defaultName, protocols });
}

