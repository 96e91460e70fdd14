import type { Socket } from 'node:net';
import { createHash } from 'node:crypto';
import type { CommandContext, CommandSpec } from '../cli/command.js';
import type { KubeObject } from '../api/types.js';
import { CliError, UsageError } from '../errors.js';
import { parseResourceArgs } from '../resource/args.js';
import { getObject } from '../resource/select.js';
import { parseGoDuration } from '../util/go-duration.js';
import { openForwarder, parseAddresses, parsePorts, type ForwardedPort } from '../host/port-forward.js';
import { serveHttpConnection, type WireRequest, type WireResponse } from '../host/http-connection.js';
import { answerOnPodPort, podPortListener } from '../runtime/pod-port.js';
import { serveTls, startsWithTls } from '../host/tls-server.js';
import { attachablePod } from './attachable-pod.js';
import { keepEffects } from '../cluster/runtime-effects.js';
import { FOLLOW_INTERVAL_MS } from './watch.js';

export const command: CommandSpec = {
  name: 'port-forward',
  short: 'Forward one or more local ports to a pod',
  long: `Forward one or more local ports to a pod.

 Use resource type/name such as deployment/mydeployment to select a pod. Resource type defaults to 'pod' if omitted.

 If there are multiple pods matching the criteria, a pod will be selected automatically. The forwarding session ends when the selected pod terminates, and a rerun of the command is needed to resume forwarding.`,
  examples: `# Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in the pod
kubectl port-forward pod/mypod 5000 6000

# Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in a pod selected by the deployment
kubectl port-forward deployment/mydeployment 5000 6000

# Listen on port 8443 locally, forwarding to the targetPort of the service's port named "https" in a pod selected by the service
kubectl port-forward service/myservice 8443:https

# Listen on port 8888 locally, forwarding to 5000 in the pod
kubectl port-forward pod/mypod 8888:5000

# Listen on port 8888 on all addresses, forwarding to 5000 in the pod
kubectl port-forward --address 0.0.0.0 pod/mypod 8888:5000

# Listen on port 8888 on localhost and selected IP, forwarding to 5000 in the pod
kubectl port-forward --address localhost,10.19.21.23 pod/mypod 8888:5000

# Listen on a random port locally, forwarding to 5000 in the pod
kubectl port-forward pod/mypod :5000`,
  usage: 'port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]',
  flags: [
    { name: 'address', type: 'stringSlice', default: ['localhost'], description: 'Addresses to listen on (comma separated). Only accepts IP addresses or localhost as a value. When localhost is supplied, kubectl will try to bind on both 127.0.0.1 and ::1 and will fail if neither of these addresses are available to bind.' },
    { name: 'pod-running-timeout', type: 'duration', default: '1m0s', description: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
  ],
  readOnly: true,
  run: runPortForward,
};

/** A `[LOCAL:]REMOTE` argument split as kubectl's splitPort does (before numbers are parsed). */
function splitPort(spec: string): [string, string] {
  const parts = spec.split(':');
  return parts.length === 2 ? [parts[0], parts[1]] : [parts[0], parts[0]];
}

function namedContainerPort(pod: KubeObject, name: string): number {
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    for (const p of c.ports ?? []) if (p.name === name) return p.containerPort;
  }
  throw new CliError(`Pod '${pod.metadata.name}' does not have a named port '${name}'`);
}

/** Pod ports: named ports become numbers (convertPodNamedPortToNumber). */
function podPorts(specs: string[], pod: KubeObject): string[] {
  return specs.map((spec) => {
    const [local, remote] = splitPort(spec);
    if (remote === '') throw new CliError('remote port cannot be empty');
    const port = /^-?\d+$/.test(remote) ? remote : String(namedContainerPort(pod, remote));
    return local !== remote ? `${local}:${port}` : port;
  });
}

/** Service ports become the target ports of the chosen pod (translateServicePortToTargetPort). */
function servicePorts(specs: string[], svc: KubeObject, pod: KubeObject): string[] {
  const ports: Array<{ name?: string; port: number; targetPort?: number | string }> = svc.spec?.ports ?? [];
  return specs.map((spec) => {
    let [local, remote] = splitPort(spec);
    let num: number;
    if (/^-?\d+$/.test(remote)) num = Number(remote);
    else {
      const named = ports.find((p) => p.name === remote);
      if (!named) throw new CliError(`Service '${svc.metadata.name}' does not have a named port '${remote}'`);
      num = named.port;
      if (local === remote) local = String(num);
    }
    const sp = ports.find((p) => p.port === num);
    if (!sp) throw new CliError(`Service ${svc.metadata.name} does not have a service port ${num}`);
    let target: number;
    if (svc.spec?.clusterIP === 'None') target = num;
    else if (typeof sp.targetPort === 'string') target = namedContainerPort(pod, sp.targetPort);
    else target = sp.targetPort || sp.port;
    remote = String(target);
    return local !== remote ? `${local}:${remote}` : remote;
  });
}

/** klog's prefix for an error line: `E1122 02:21:45.671203   25936 file.go:NN] `. */
function klogPrefix(file: string): string {
  const d = new Date();
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const stamp = `${p(d.getMonth() + 1)}${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}${p(Math.floor(Math.random() * 1000), 3)}`;
  return `E${stamp} ${String(process.pid).padStart(7)} ${file}] `;
}

/** A sandbox-like id (64 hex) derived from the pod's uid, as containerd names a pod sandbox. */
function sandboxId(pod: KubeObject): string {
  return createHash('sha256').update(`sandbox/${pod.metadata.uid}`).digest('hex');
}

/** What the kubelet reports when nothing in the pod listens on the forwarded port. */
function refusedInPod(pod: KubeObject, port: ForwardedPort): string {
  const id = sandboxId(pod);
  const h = createHash('sha256').update(`netns/${pod.metadata.uid}`).digest('hex');
  const netns = `/var/run/netns/cni-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  const msg = `an error occurred forwarding ${port.local} -> ${port.remote}: error forwarding port ${port.remote} to pod ${id}, uid : failed to execute portforward in network namespace "${netns}": failed to connect to localhost:${port.remote} inside namespace "${id}", IPv4: dial tcp4 127.0.0.1:${port.remote}: connect: connection refused IPv6 dial tcp6 [::1]:${port.remote}: connect: connection refused `;
  // client-go ≥ 1.31 reports stream errors through klog's structured "Unhandled Error" line.
  return `${klogPrefix('portforward.go:424')}"Unhandled Error" err=${JSON.stringify(msg)}\n`;
}

async function runPortForward(ctx: CommandContext): Promise<void> {
  const f = ctx.parsed.flags;
  const args = ctx.parsed.args;
  if (args.length < 2) throw new UsageError('TYPE/NAME and list of ports are required for port-forward', ctx.path);
  const timeoutMs = parseGoDuration(f['pod-running-timeout'] as string);
  if (!(timeoutMs > 0)) throw new UsageError('--pod-running-timeout must be higher than zero', ctx.path);
  const target = args[0].includes('/') ? args[0] : `pod/${args[0]}`;
  const { type, name } = parseResourceArgs([target]).requests[0];
  const first = await ctx.openSession({ readOnly: true });
  let obj: KubeObject;
  try {
    obj = getObject(first.store, type, ctx.namespace, name!);
  } finally {
    await first.commit();
  }
  const pod = await attachablePod(ctx, obj, timeoutMs);
  const specs = obj.kind === 'Service' ? servicePorts(args.slice(1), obj, pod) : podPorts(args.slice(1), pod);
  if (pod.status?.phase !== 'Running') throw new CliError(`unable to forward port because pod is not running. Current status=${pod.status?.phase ?? 'Pending'}`);
  const ports = parsePorts(specs);
  if (typeof ports === 'string') throw new CliError(ports);
  const addresses = parseAddresses(f.address as string[]);
  if (typeof addresses === 'string') throw new CliError(addresses);
  const ns = pod.metadata.namespace ?? 'default';
  const uid = pod.metadata.uid;

  const answer = async (req: WireRequest, port: ForwardedPort, socket: Socket, tls: boolean): Promise<WireResponse | 'close'> => {
    // A write session: what the server logs (nginx's access line from 127.0.0.1) goes to its container's log.
    const s = await ctx.openSession();
    try {
      const now = s.store.get('Pod', ns, pod.metadata.name);
      if (!now || now.metadata.uid !== uid || now.status?.phase !== 'Running') return 'close';
      const input = { snapshot: s.store, profile: s.profile, containers: s.state.runtime?.containers ?? {}, now: Date.parse(s.now) };
      const res = answerOnPodPort(input, now, port.remote, { method: req.method, path: req.path, headers: req.headers, clientIP: '127.0.0.1', clientPort: socket.remotePort ?? 0, body: req.body.toString('utf8'), tls });
      if (res === 'closed') {
        ctx.io.err.write(refusedInPod(now, port));
        return 'close';
      }
      keepEffects(s, res.effects);
      return res.response;
    } finally {
      await s.commit();
    }
  };

  /** Whether the pod's server speaks TLS on the forwarded port (nginx with `listen 443 ssl`). */
  const secureIfTls = async (port: ForwardedPort) => {
    const s = await ctx.openSession({ readOnly: true });
    try {
      const now = s.store.get('Pod', ns, pod.metadata.name);
      if (!now) return undefined;
      return podPortListener({ snapshot: s.store, profile: s.profile, containers: s.state.runtime?.containers ?? {}, now: Date.parse(s.now) }, now, port.remote);
    } finally {
      await s.commit();
    }
  };

  // Ctrl-C closes the listeners and exits 0; listening for it starts before the first listener exists.
  let interrupted = false;
  let wake: (() => void) | undefined;
  const onSignal = () => {
    interrupted = true;
    wake?.();
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const sig of signals) process.on(sig, onSignal);
  try {
    const forwarder = await openForwarder(addresses, ports, ctx.io.out, ctx.io.err, (socket, port) => {
      ctx.io.out.write(`Handling connection for ${port.local}\n`);
      void secureIfTls(port).then(async (listener) => {
        const hello = listener?.tls ? await startsWithTls(socket) : false;
        const tls = listener?.tls && hello ? serveTls(socket, listener.tls.certPem, listener.tls.keyPem) : undefined;
        socket.resume();
        serveHttpConnection((tls ?? socket) as Socket, (req) => answer(req, port, socket, Boolean(tls)));
      });
    });
    if (typeof forwarder === 'string') throw new CliError(forwarder);
    // The session ends when the pod goes away (kubectl: "lost connection to pod").
    try {
      while (!interrupted) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, FOLLOW_INTERVAL_MS);
        });
        if (interrupted) break;
        const s = await ctx.openSession({ readOnly: true });
        const now = s.store.get('Pod', ns, pod.metadata.name);
        await s.commit();
        if (!now || now.metadata.uid !== uid || now.metadata.deletionTimestamp || now.status?.phase !== 'Running') throw new CliError('lost connection to pod');
      }
    } finally {
      await forwarder.close();
    }
  } finally {
    for (const sig of signals) process.off(sig, onSignal);
  }
}
