import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, stateBytes, tempStateDir } from '../helpers/cli.js';
import { transcript } from '../helpers/transcript.js';

/**
 * The node shell through the built CLI: `kubesim node ssh` and `kubectl debug node/…` on the default
 * profile (kind-like nodes, kindnet) with an nginx Deployment behind a NodePort Service.
 */
const state = tempStateDir();
afterAll(() => state.cleanup());

const kubectl = (args: string[], stdin?: string) => runCli(args, { stateDir: state.dir, stdin });
const ssh = (args: string[], stdin?: string) => runCli(['node', 'ssh', ...args], { stateDir: state.dir, stdin, bin: 'kubesim' });

let clusterIP = '';
let nodePort = '';

beforeAll(() => {
  expect(kubectl(['create', 'deployment', 'nginx', '--image=nginx', '--replicas=2']).code).toBe(0);
  expect(kubectl(['expose', 'deployment', 'nginx', '--port=80', '--type=NodePort']).code).toBe(0);
  clusterIP = kubectl(['get', 'svc', 'nginx', '-o', 'jsonpath={.spec.clusterIP}']).stdout;
  nodePort = kubectl(['get', 'svc', 'nginx', '-o', 'jsonpath={.spec.ports[0].nodePort}']).stdout;
});

describe('kubesim node ssh', () => {
  it('curl from the node reaches nginx through the cluster IP, a node port on another node and on localhost', () => {
    for (const target of [clusterIP, `172.18.0.4:${nodePort}`, `127.0.0.1:${nodePort}`, `172.18.0.3:${nodePort}`]) {
      const r = ssh(['kubesim-worker', '--', 'curl', '-s', target]);
      expect(r.code, target).toBe(0);
      expect(r.stdout, target).toContain('<title>Welcome to nginx!</title>');
    }
    // A port the service does not expose has no rule: the packet goes nowhere.
    const r = ssh(['kubesim-worker', '--', 'curl', '-sS', '-m', '1', `${clusterIP}:8080`]);
    expect(r.code).toBe(28);
    expect(r.stderr).toBe('curl: (28) Connection timed out after 1001 milliseconds\n');
  });

  it('iptables-save on the node dumps that node\'s kube-proxy rules for the service', () => {
    const r = ssh(['kubesim-worker', '--', 'iptables-save', '-t', 'nat']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`\\n-A KUBE-SERVICES -d ${clusterIP.replace(/\./g, '\\.')}/32 -p tcp -m comment --comment "default/nginx cluster IP" -m tcp --dport 80 -j KUBE-SVC-[A-Z2-7]{16}\\n`));
    expect(r.stdout).toContain(`-m tcp --dport ${nodePort} -j KUBE-EXT-`);
    // What a node debugger sees through chroot /host is the same dump.
    const d = kubectl(['debug', 'node/kubesim-worker', '-i', '--image=busybox', '--profile=general', '-q'], 'chroot /host iptables-save -t nat\n');
    expect(d.code).toBe(0);
    expect(d.stdout).toBe(r.stdout);
  });

  it('an unknown node is NotFound and changes nothing; no node lists the nodes', () => {
    const before = stateBytes(state.dir);
    expect(ssh(['kind-worker9', '--', 'ls'])).toEqual({ stdout: '', stderr: 'Error from server (NotFound): nodes "kind-worker9" not found\n', code: 1 });
    const none = ssh([]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('kubesim-control-plane, kubesim-worker, kubesim-worker2');
    expect(stateBytes(state.dir)).toBe(before);
  });
});

describe('kubectl debug node/NODE', () => {
  it('creates the node-debugger pod kubectl 1.32 makes and leaves it running', () => {
    const r = kubectl(['debug', 'node/kubesim-worker2', '-it', '--image=busybox'], 'hostname\n');
    expect(r.code).toBe(0);
    const name = r.stdout.match(/^Creating debugging pod (node-debugger-kubesim-worker2-[bcdfghjklmnpqrstvwxz2456789]{5}) with container debugger on node kubesim-worker2\.\n/)?.[1];
    expect(name).toBeDefined();
    expect(r.stdout.slice(r.stdout.indexOf('\n') + 1)).toBe('kubesim-worker2\n');
    const pod = JSON.parse(kubectl(['get', 'pod', name!, '-o', 'json']).stdout);
    expect(pod.spec).toMatchObject({ hostNetwork: true, hostPID: true, hostIPC: true, nodeName: 'kubesim-worker2', restartPolicy: 'Never', tolerations: [{ operator: 'Exists' }] });
    expect(pod.spec.volumes[0]).toEqual({ name: 'host-root', hostPath: { path: '/', type: '' } });
    expect(pod.spec.containers[0]).toMatchObject({ name: 'debugger', image: 'busybox', stdin: true, tty: true, terminationMessagePolicy: 'File' });
    expect(pod.spec.containers[0].volumeMounts[0]).toEqual({ mountPath: '/host', name: 'host-root' });
    expect(pod.status).toMatchObject({ phase: 'Running', podIP: '172.18.0.4' });
  });

  it('refuses an unknown node without creating anything', () => {
    const before = stateBytes(state.dir);
    const r = kubectl(['debug', 'node/x', '-it', '--image=busybox']);
    expect(r).toEqual({
      stdout: '',
      stderr: '--profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".\nError from server (NotFound): nodes "x" not found\n',
      code: 1,
    });
    expect(stateBytes(state.dir)).toBe(before);
  });
});

describe('node shell golden transcript', () => {
  it('ssh commands, a piped script, the debugger session and the errors', async () => {
    const { dir, cleanup } = tempStateDir();
    try {
      let out = transcript(['kubectl create deployment nginx --image=nginx --replicas=2', 'kubectl expose deployment nginx --port=80 --type=NodePort', 'kubectl get svc,pods -o wide'], dir);
      const ip = runCli(['get', 'svc', 'nginx', '-o', 'jsonpath={.spec.clusterIP}'], { stateDir: dir }).stdout;
      out += transcript(
        [
          'kubesim node ssh kubesim-worker -- iptables-save -t nat',
          'kubesim node ssh kubesim-worker -- iptables -t nat -L KUBE-SERVICES -n',
          'kubesim node ssh kubesim-worker -- iptables -t nat -L KUBE-NODEPORTS',
          'kubesim node ssh kubesim-worker -- iptables -S KUBE-PROXY-FIREWALL',
          'kubesim node ssh kubesim-worker -- ip route',
          'kubesim node ssh kubesim-worker -- ip addr',
          'kubesim node ssh kubesim-worker -- ls /etc/cni/net.d',
          'kubesim node ssh kubesim-worker -- cat /etc/cni/net.d/10-kindnet.conflist',
          'kubesim node ssh kubesim-worker -- hostname',
          'kubesim node ssh kubesim-worker -- cat /etc/resolv.conf',
          `kubesim node ssh kubesim-worker -- curl -s ${ip}`,
          { cmd: 'kubesim node ssh kubesim-worker', stdin: 'hostname\niptables-save -t nat | grep -c "^-A KUBE-SEP"\ncurl -sS -m 1 nginx\nexit 3\n' },
          'kubesim node ssh kubesim-worker -- iptables -t nat -L NOPE',
          { cmd: 'kubesim node ssh kind-worker -- ls', rejected: true },
          { cmd: 'kubesim node ssh', rejected: true },
          { cmd: 'kubectl debug node/kubesim-worker -it --image=busybox', stdin: `hostname\nchroot /host iptables-save | grep "^-A KUBE-SVC" | head -3\nls /host/etc/cni/net.d\nwget -qO- ${ip} | head -4\nchroot /host ip route\n` },
          'kubectl debug node/kubesim-worker2 --image=busybox --profile=general -- ls /host/etc',
          'kubectl get pods -o wide',
          { cmd: 'kubectl debug node/x -it --image=busybox', rejected: true },
          { cmd: 'kubectl debug node/kubesim-worker -it', rejected: true },
          { cmd: 'kubectl debug node/kubesim-worker -t --image=busybox', rejected: true },
          { cmd: 'kubectl debug nginx --image=busybox -it', rejected: true },
        ],
        dir,
      );
      await expect(out).toMatchFileSnapshot('../golden/node-shell.txt');
    } finally {
      cleanup();
    }
  }, 60_000);
});
