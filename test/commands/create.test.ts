import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, stateBytes, tempStateDir } from '../helpers/cli.js';

/**
 * `kubectl create` and its subcommands, through the built CLI. Literal expectations (checked against
 * kubectl 1.32.4) keep the suite meaningful anywhere; where a real kubectl and openssl exist, extra
 * cases compare our client-side dry-run output with theirs byte for byte.
 */

const KUBECTL_BIN = '/usr/bin/kubectl';
const HAS_KUBECTL = existsSync(KUBECTL_BIN);
const HAS_OPENSSL = spawnSync('openssl', ['version']).status === 0;

/** A working directory with the files the --from-file / --cert cases read. */
const work = mkdtempSync(join(tmpdir(), 'kubesim-create-'));

function writeFixtures(): void {
  writeFileSync(join(work, 'hello.txt'), 'hello\n');
  mkdirSync(join(work, 'conf', 'sub'), { recursive: true });
  writeFileSync(join(work, 'conf', 'app.properties'), 'x=1\n');
  writeFileSync(join(work, 'conf', 'logo.bin'), Buffer.from([0xff, 0xfe, 0x00]));
  writeFileSync(join(work, 'conf', 'sub', 'ignored'), 'not read\n');
  writeFileSync(join(work, 'app.env'), '# settings\nMODE=prod\n  WORKERS=4  \r\n\nEMPTY=\nURL=http://x/?a=b\n');
  writeFileSync(join(work, 'bad.env'), 'GOOD=1\n1BAD=2\n');
  // (No trailing blanks here: go-yaml single-quotes such values, which the shared YAML printer does not imitate.)
  writeFileSync(join(work, 'plain.env'), '\ufeffMODE=prod\n# comment\n  WORKERS=4\r\nURL=http://x/?a=b&c=<d>\n');
  if (HAS_OPENSSL) {
    for (const n of ['one', 'two']) {
      const r = spawnSync(
        'openssl',
        ['req', '-x509', '-nodes', '-newkey', 'rsa:2048', '-keyout', `${n}.key`, '-out', `${n}.crt`, '-days', '365', '-subj', '/CN=my-nginx/O=my-nginx'],
        { cwd: work },
      );
      if (r.status !== 0) throw new Error(`openssl failed: ${r.stderr}`);
    }
  }
}

writeFixtures();
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs kubesim's kubectl with a throwaway state directory (client-side cases never open it). */
function sim(args: string[], stateDir?: string) {
  const own = stateDir ? undefined : tempStateDir();
  try {
    return runCli(args, { stateDir: stateDir ?? own!.dir, cwd: work });
  } finally {
    own?.cleanup();
  }
}

describe('create subcommands, client dry run (literal kubectl 1.32 output)', () => {
  it('prints a deployment as YAML with sorted keys, carrying -n as metadata.namespace', () => {
    const r = sim(['create', 'deployment', 'web', '--image=nginx', '-n', 'foo', '--dry-run=client', '-o', 'yaml']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
  namespace: foo
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: nginx
        name: nginx
        resources: {}
status: {}
`);
  });

  it('prints a deployment as JSON in Go struct order (strategy after template, no namespace without -n)', () => {
    const r = sim(['create', 'deployment', 'x', '--image=nginx', '--dry-run=client', '-o', 'json']);
    expect(r.stdout).toBe(`{
    "kind": "Deployment",
    "apiVersion": "apps/v1",
    "metadata": {
        "name": "x",
        "creationTimestamp": null,
        "labels": {
            "app": "x"
        }
    },
    "spec": {
        "replicas": 1,
        "selector": {
            "matchLabels": {
                "app": "x"
            }
        },
        "template": {
            "metadata": {
                "creationTimestamp": null,
                "labels": {
                    "app": "x"
                }
            },
            "spec": {
                "containers": [
                    {
                        "name": "nginx",
                        "image": "nginx",
                        "resources": {}
                    }
                ]
            }
        },
        "strategy": {}
    },
    "status": {}
}
`);
  });

  it('puts --port on the first container only and the command after -- on every container', () => {
    const r = sim(['create', 'deployment', 'x', '--image=busybox', '--port=80', '--replicas=3', '--dry-run=client', '-o', 'yaml', '--', 'sleep', '10']);
    expect(r.stdout).toContain(`      containers:
      - command:
        - sleep
        - "10"
        image: busybox
        name: busybox
        ports:
        - containerPort: 80
        resources: {}
`);
    expect(r.stdout).toContain('  replicas: 3\n');
  });

  it('never writes -n into a namespace object', () => {
    const r = sim(['create', 'ns', 'dev', '-n', 'foo', '--dry-run=client', '-o', 'json']);
    expect(r.stdout).toBe(`{
    "kind": "Namespace",
    "apiVersion": "v1",
    "metadata": {
        "name": "dev",
        "creationTimestamp": null
    },
    "spec": {},
    "status": {}
}
`);
  });

  it('prints a NodePort service with port fields in struct order and status.loadBalancer', () => {
    const r = sim(['create', 'service', 'nodeport', 'web', '--tcp=80:8080', '--node-port=30080', '--dry-run=client', '-o', 'json']);
    expect(r.stdout).toBe(`{
    "kind": "Service",
    "apiVersion": "v1",
    "metadata": {
        "name": "web",
        "creationTimestamp": null,
        "labels": {
            "app": "web"
        }
    },
    "spec": {
        "ports": [
            {
                "name": "80-8080",
                "protocol": "TCP",
                "port": 80,
                "targetPort": 8080,
                "nodePort": 30080
            }
        ],
        "selector": {
            "app": "web"
        },
        "type": "NodePort"
    },
    "status": {
        "loadBalancer": {}
    }
}
`);
  });

  it('makes a headless ClusterIP service without ports', () => {
    const r = sim(['create', 'svc', 'clusterip', 'x', '--clusterip=None', '--dry-run=client', '-o', 'yaml']);
    expect(r.stdout).toBe(`apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    app: x
  name: x
spec:
  clusterIP: None
  selector:
    app: x
  type: ClusterIP
status:
  loadBalancer: {}
`);
  });

  it('builds config map data from literals and key=path files, sorted', () => {
    const r = sim(['create', 'configmap', 'app', '--from-literal=mode=prod', '--from-file=greeting=hello.txt', '--dry-run=client', '-o', 'json']);
    expect(r.stdout).toBe(`{
    "kind": "ConfigMap",
    "apiVersion": "v1",
    "metadata": {
        "name": "app",
        "creationTimestamp": null
    },
    "data": {
        "greeting": "hello\\n",
        "mode": "prod"
    }
}
`);
  });

  it('reads a directory (regular files only) and puts non-UTF-8 files in binaryData', () => {
    const r = sim(['create', 'cm', 'c', '--from-file=conf', '--dry-run=client', '-o', 'yaml']);
    expect(r.stdout).toBe(`apiVersion: v1
binaryData:
  logo.bin: //4A
data:
  app.properties: |
    x=1
kind: ConfigMap
metadata:
  creationTimestamp: null
  name: c
`);
  });

  it('reads env files verbatim after trimming leading blanks', () => {
    const r = sim(['create', 'cm', 'c', '--from-env-file=app.env', '--dry-run=client', '-o', 'json']);
    expect(JSON.parse(r.stdout).data).toEqual({ MODE: 'prod', WORKERS: '4  ', EMPTY: '', URL: 'http://x/?a=b' });
  });

  it('base64-encodes secret data', () => {
    const r = sim(['create', 'secret', 'generic', 'db', '--from-literal=user=app', '--from-literal=password=s3cr&t', '--dry-run=client', '-o', 'yaml']);
    expect(r.stdout).toBe(`apiVersion: v1
data:
  password: czNjciZ0
  user: YXBw
kind: Secret
metadata:
  creationTimestamp: null
  name: db
`);
  });

  it('appends kubectl’s content hash with --append-hash', () => {
    expect(sim(['create', 'cm', 'c', '--from-literal=a=1', '--append-hash', '--dry-run=client', '-o', 'name']).stdout).toBe('configmap/c-9dtcmmmm5t\n');
    expect(sim(['create', 'secret', 'generic', 's', '--from-literal=a=1', '--append-hash', '--dry-run=client', '-o', 'name']).stdout).toBe(
      'secret/s-gtkfk5m49d\n',
    );
  });

  it('stores the struct-order configuration with --save-config', () => {
    const r = sim(['create', 'deployment', 'web', '--image=nginx', '--save-config', '--dry-run=client', '-o', 'yaml']);
    expect(r.stdout).toContain(`metadata:
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: |
      {"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"web","creationTimestamp":null,"labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx","resources":{}}]}},"strategy":{}},"status":{}}
  creationTimestamp: null
`);
  });

  it('ignores --save-config for services, as kubectl does', () => {
    const r = sim(['create', 'service', 'clusterip', 'x', '--tcp=80', '--save-config', '--dry-run=client', '-o', 'yaml']);
    expect(r.stdout).not.toContain('last-applied-configuration');
    expect(r.stdout).toContain('  - name: "80"\n');
  });

  it('prints `kind/name created (dry run)` and `-o name` forms', () => {
    expect(sim(['create', 'deployment', 'x', '--image=nginx', '--dry-run=client']).stdout).toBe('deployment.apps/x created (dry run)\n');
    expect(sim(['create', 'ns', 'dev', '--dry-run=client']).stdout).toBe('namespace/dev created (dry run)\n');
    expect(sim(['create', 'sa', 'x', '--dry-run=client', '-o', 'name']).stdout).toBe('serviceaccount/x\n');
    expect(sim(['create', 'service', 'externalname', 'db', '--external-name=db.example.com', '--dry-run=client', '-o', 'name']).stdout).toBe('service/db\n');
  });
});

describe('create subcommands: client-side errors', () => {
  const cases: Array<[string[], string]> = [
    [['create', 'deployment', 'x'], 'error: required flag(s) "image" not set\n'],
    [['create', 'deployment', '--image=nginx'], "error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n"],
    [['create', 'deploy', 'a', 'b', '--image=nginx'], "error: exactly one NAME is required, got 2\nSee 'kubectl create deployment -h' for help and examples\n"],
    [['create', 'deployment', 'x', '--image=a', '--image=b', '--', 'sleep', '1'], 'error: cannot specify multiple --image options and command\n'],
    [['create', 'ns'], "error: exactly one NAME is required, got 0\nSee 'kubectl create namespace -h' for help and examples\n"],
    [['create', 'service', 'clusterip', 'x'], 'error: at least one tcp port specifier must be provided\n'],
    [['create', 'service', 'clusterip', 'x', '--tcp=abc'], 'error: strconv.ParseUint: parsing "abc": invalid syntax\n'],
    [['create', 'service', 'clusterip', 'x', '--tcp=70000'], 'error: strconv.ParseUint: parsing "70000": value out of range\n'],
    [['create', 'service', 'clusterip', 'x', '--tcp=80:0'], 'error: must be between 1 and 65535, inclusive\n'],
    [
      ['create', 'service', 'clusterip', 'x', '--tcp=80:ABC'],
      'error: must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-),must contain at least one letter (a-z)\n',
    ],
    [['create', 'service', 'externalname', 'x'], 'error: required flag(s) "external-name" not set\n'],
    [['create', 'service', 'externalname', 'x', '--external-name=Bad_Name'], 'error: invalid service external name Bad_Name\n'],
    [['create', 'service', 'foo'], "error: unknown command \"foo\"\nSee 'kubectl create service -h' for help and examples\n"],
    [['create', 'configmap', 'c', '--from-file=nope.txt'], 'error: error reading nope.txt: no such file or directory\n'],
    [['create', 'configmap', 'c', '--from-file=k=conf'], 'error: cannot give a key name for a directory path\n'],
    [['create', 'configmap', 'c', '--from-literal=a'], 'error: invalid literal source a, expected key=value\n'],
    [['create', 'configmap', 'c', '--from-literal=a=1', '--from-literal=a=2'], 'error: cannot add key "a", another key by that name already exists in Data for ConfigMap "c"\n'],
    [['create', 'configmap', 'c', '--from-env-file=app.env', '--from-literal=a=1'], 'error: from-env-file cannot be combined with from-file or from-literal\n'],
    [
      ['create', 'configmap', 'c', '--from-env-file=bad.env'],
      `error: "1BAD" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')\n`,
    ],
    [['create', 'secret', 'generic', 's', '--from-literal=a=1', '--from-literal=a=2'], 'error: cannot add key a, another key by that name already exists\n'],
    [['create', 'secret', 'generic', 's', '--from-file=nope.txt'], 'error: error reading nope.txt: no such file or directory\n'],
    [['create', 'secret', 'tls', 's'], 'error: key and cert must be specified\n'],
    [['create', 'secret', 'tls', 's', '--cert=nope.crt', '--key=nope.key'], 'error: Cannot read file nope.crt, open nope.crt: no such file or directory\n'],
    [['create', 'secret', 'tls', 's', '--cert=hello.txt', '--key=hello.txt'], 'error: tls: failed to find any PEM data in certificate input\n'],
    [['create', 'deployment', 'x', '--image=nginx', '-o', 'foo'], 'error: unable to match a printer suitable for the output format "foo", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n'],
    [['create'], 'error: must specify one of -f and -k\n'],
    [['create', 'x'], "error: Unexpected args: [x]\nSee 'kubectl create -h' for help and examples\n"],
  ];
  for (const [args, stderr] of cases) {
    it(`kubectl ${args.join(' ')}`, () => {
      const { dir, cleanup } = tempStateDir();
      try {
        const before = stateBytes(dir);
        const r = runCli(args, { stateDir: dir, cwd: work });
        expect({ stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual({ stdout: '', stderr, code: 1 });
        expect(stateBytes(dir)).toBe(before);
      } finally {
        cleanup();
      }
    });
  }

  it('prints the group help on stderr and exits 1 for `create service` alone', () => {
    const r = sim(['create', 'service']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Available Commands:\n  clusterip      Create a ClusterIP service\n');
  });
});

// Generated only when openssl exists to make the certificates (no skipped placeholders otherwise).
if (HAS_OPENSSL) describe('create secret tls with openssl-made keys', () => {
  it('stores tls.crt and tls.key with type kubernetes.io/tls', () => {
    const r = sim(['create', 'secret', 'tls', 'web-tls', '--cert=one.crt', '--key=one.key', '--dry-run=client', '-o', 'json']);
    expect(r.stderr).toBe('');
    const s = JSON.parse(r.stdout);
    expect(Object.keys(s)).toEqual(['kind', 'apiVersion', 'metadata', 'data', 'type']);
    expect(s.type).toBe('kubernetes.io/tls');
    expect(Buffer.from(s.data['tls.crt'], 'base64').toString()).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(Buffer.from(s.data['tls.key'], 'base64').toString()).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
  });

  it('refuses a key that belongs to another certificate, leaving the cluster untouched', () => {
    const { dir, cleanup } = tempStateDir();
    try {
      runCli(['create', 'ns', 'warmup'], { stateDir: dir, cwd: work });
      const before = stateBytes(dir);
      const r = runCli(['create', 'secret', 'tls', 't', '--cert=one.crt', '--key=two.key'], { stateDir: dir, cwd: work });
      expect(r).toEqual({ stdout: '', stderr: 'error: tls: private key does not match public key\n', code: 1 });
      expect(stateBytes(dir)).toBe(before);
    } finally {
      cleanup();
    }
  });

  it('recognises switched inputs', () => {
    expect(sim(['create', 'secret', 'tls', 't', '--cert=one.key', '--key=one.key']).stderr).toBe(
      'error: tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched\n',
    );
    expect(sim(['create', 'secret', 'tls', 't', '--cert=one.crt', '--key=one.crt']).stderr).toBe(
      'error: tls: found a certificate rather than a key in the PEM for the private key\n',
    );
  });

  it('creates the secret on the cluster', () => {
    const { dir, cleanup } = tempStateDir();
    try {
      expect(runCli(['create', 'secret', 'tls', 'web-tls', '--cert=one.crt', '--key=one.key'], { stateDir: dir, cwd: work }).stdout).toBe('secret/web-tls created\n');
      const got = runCli(['get', 'secret', 'web-tls', '-o', 'jsonpath={.type}'], { stateDir: dir, cwd: work });
      expect(got.stdout).toBe('kubernetes.io/tls');
    } finally {
      cleanup();
    }
  });
});

describe('create subcommands against the cluster', () => {
  let state: { dir: string; cleanup: () => void };
  beforeAll(() => {
    state = tempStateDir();
  });
  afterAll(() => state.cleanup());
  const k = (...args: string[]) => runCli(args, { stateDir: state.dir, cwd: work });

  const created: Array<[string[], string]> = [
    [['create', 'deployment', 'nginx', '--image=nginx'], 'deployment.apps/nginx created\n'],
    [['create', 'namespace', 'dev'], 'namespace/dev created\n'],
    [['create', 'service', 'clusterip', 'nginx', '--tcp=80:80'], 'service/nginx created\n'],
    [['create', 'service', 'nodeport', 'np', '--tcp=80:8080'], 'service/np created\n'],
    [['create', 'configmap', 'c', '--from-literal=k=v'], 'configmap/c created\n'],
    [['create', 'secret', 'generic', 's', '--from-literal=k=v'], 'secret/s created\n'],
    [['create', 'serviceaccount', 'builder', '-n', 'dev'], 'serviceaccount/builder created\n'],
  ];
  for (const [args, out] of created) {
    it(`kubectl ${args.join(' ')} → ${out.trim()}`, () => {
      const r = k(...args);
      expect({ stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual({ stdout: out, stderr: '', code: 0 });
    });
  }

  it('stored the objects with server defaults (the deployment in the default namespace)', () => {
    expect(k('get', 'deployment', 'nginx', '-o', 'jsonpath={.metadata.namespace} {.spec.replicas} {.spec.template.spec.containers[0].image}').stdout).toBe('default 1 nginx');
    expect(k('get', 'sa', 'builder', '-n', 'dev', '-o', 'name').stdout).toBe('serviceaccount/builder\n');
    expect(k('get', 'svc', 'np', '-o', 'jsonpath={.spec.type}').stdout).toBe('NodePort');
  });

  const exists: Array<[string[], string]> = [
    [['create', 'deployment', 'nginx', '--image=nginx'], 'error: failed to create deployment: deployments.apps "nginx" already exists\n'],
    [['create', 'namespace', 'dev'], 'Error from server (AlreadyExists): namespaces "dev" already exists\n'],
    [['create', 'service', 'clusterip', 'nginx', '--tcp=80:80'], 'error: failed to create ClusterIP service: services "nginx" already exists\n'],
    [['create', 'service', 'nodeport', 'np', '--tcp=80:8080'], 'error: failed to create NodePort service: services "np" already exists\n'],
    [['create', 'configmap', 'c', '--from-literal=k=v'], 'error: failed to create configmap: configmaps "c" already exists\n'],
    [['create', 'secret', 'generic', 's', '--from-literal=k=v'], 'error: failed to create secret secrets "s" already exists\n'],
    [['create', 'serviceaccount', 'builder', '-n', 'dev'], 'error: failed to create serviceaccount: serviceaccounts "builder" already exists\n'],
    [['create', 'deployment', 'web', '--image=nginx', '-n', 'nope'], 'error: failed to create deployment: namespaces "nope" not found\n'],
  ];
  for (const [args, stderr] of exists) {
    it(`kubectl ${args.join(' ')} fails and changes nothing`, () => {
      const before = stateBytes(state.dir);
      const r = k(...args);
      expect({ stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual({ stdout: '', stderr, code: 1 });
      expect(stateBytes(state.dir)).toBe(before);
    });
  }

  it('wraps the server’s Invalid status in the subcommand’s message', () => {
    const before = stateBytes(state.dir);
    const r = k('create', 'deployment', 'Bad_Name', '--image=nginx');
    expect(r.stderr).toMatch(/^error: failed to create deployment: Deployment\.apps "Bad_Name" is invalid: metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/);
    expect(r.code).toBe(1);
    expect(stateBytes(state.dir)).toBe(before);
  });

  it('reports an invalid namespace name as the bare Invalid status', () => {
    const r = k('create', 'ns', 'Bad_Name');
    expect(r.stderr).toMatch(/^The Namespace "Bad_Name" is invalid: metadata\.name: Invalid value: "Bad_Name": /);
  });

  it('prints the server’s answer in struct order for -o json', () => {
    const r = k('create', 'sa', 'json-sa', '-o', 'json');
    expect(Object.keys(JSON.parse(r.stdout).metadata)).toEqual(['name', 'namespace', 'uid', 'resourceVersion', 'creationTimestamp']);
  });

  it('does not store anything with --dry-run=server', () => {
    const before = stateBytes(state.dir);
    expect(k('create', 'cm', 'ghost', '--from-literal=a=b', '--dry-run=server').stdout).toBe('configmap/ghost created (server dry run)\n');
    expect(stateBytes(state.dir)).toBe(before);
  });
});

describe('create -f', () => {
  let state: { dir: string; cleanup: () => void };
  beforeAll(() => {
    state = tempStateDir();
    writeFileSync(
      join(work, 'app.yaml'),
      `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx
  labels: {tier: web}
spec:
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers:
      - {name: nginx, image: nginx}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
data: {a: "1"}
`,
    );
    writeFileSync(join(work, 'elsewhere.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: far, namespace: foo}\n');
  });
  afterAll(() => state.cleanup());
  const k = (...args: string[]) => runCli(args, { stateDir: state.dir, cwd: work });

  it('creates every object in file order', () => {
    const r = k('create', '-f', 'app.yaml');
    expect({ stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual({ stdout: 'deployment.apps/nginx created\nconfigmap/settings created\n', stderr: '', code: 0 });
  });

  it('names the file in AlreadyExists errors and leaves the state alone', () => {
    const before = stateBytes(state.dir);
    const r = k('create', '-f', 'app.yaml');
    expect(r.stderr).toBe(
      'Error from server (AlreadyExists): error when creating "app.yaml": deployments.apps "nginx" already exists\nError from server (AlreadyExists): error when creating "app.yaml": configmaps "settings" already exists\n',
    );
    expect(r.code).toBe(1);
    expect(stateBytes(state.dir)).toBe(before);
  });

  it('reports a missing namespace with the file name', () => {
    const before = stateBytes(state.dir);
    const r = k('create', '-f', 'elsewhere.yaml');
    expect(r).toEqual({ stdout: '', stderr: 'Error from server (NotFound): error when creating "elsewhere.yaml": namespaces "foo" not found\n', code: 1 });
    expect(stateBytes(state.dir)).toBe(before);
  });

  it('selects objects with -l and fails when nothing is left', () => {
    expect(k('create', '-f', 'app.yaml', '-l', 'tier=web', '--dry-run=client').stdout).toBe('deployment.apps/nginx created (dry run)\n');
    expect(k('create', '-f', 'app.yaml', '-l', 'tier=none', '--dry-run=client').stderr).toBe('error: no objects passed to create\n');
  });

  it('prints the unstructured object with the namespace filled in for a client dry run', () => {
    const r = k('create', '-f', 'app.yaml', '-n', 'dev', '--dry-run=client', '-o', 'yaml');
    expect(r.stdout).toContain('kind: ConfigMap\nmetadata:\n  name: settings\n  namespace: dev\n');
  });

  it('saves the sorted-key configuration with --save-config', () => {
    k('create', 'ns', 'foo');
    expect(k('create', '-f', 'elsewhere.yaml', '--save-config').stdout).toBe('configmap/far created\n');
    const ann = k('get', 'cm', 'far', '-n', 'foo', '-o', 'jsonpath={.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}');
    expect(ann.stdout).toBe('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"annotations":{},"name":"far","namespace":"foo"}}\n');
  });
});

describe('create help', () => {
  it('lists the implemented subcommands', () => {
    const r = sim(['create', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Available Commands:
  configmap        Create a config map from a local file, directory or literal value
  deployment       Create a deployment with the specified name
  namespace        Create a namespace with the specified name
  secret           Create a secret using a specified subcommand
  service          Create a service using a specified subcommand
  serviceaccount   Create a service account with the specified name
`);
    expect(r.stdout).toContain('Usage:\n  kubectl create -f FILENAME [options]\n');
  });

  it('gives each subcommand its own usage line, reachable through aliases', () => {
    expect(sim(['create', 'deploy', '--help']).stdout).toContain('Usage:\n  kubectl create deployment NAME --image=image -- [COMMAND] [args...] [options]\n');
    expect(sim(['create', 'secret', 'tls', '-h']).stdout).toContain('    --cert=\'\':\n\tPath to PEM encoded public key certificate.\n');
  });
});

// Byte-for-byte comparison with the real kubectl, generated only when it is installed.
const ORACLE_CASES: string[][] = [
  ['create', 'deployment', 'x', '--image=nginx'],
  ['create', 'deployment', 'x', '--image=nginx', '-n', 'foo'],
  ['create', 'deployment', 'x', '--image=nginx', '--image=busybox:1.36', '--image=reg.io:5000/a/b@sha256:abc', '--replicas=3', '--port=8080'],
  ['create', 'deploy', 'x', '--image=nginx,busybox', '--replicas=0'],
  ['create', 'deployment', 'x', '--image=nginx', '--save-config', '-n', 'foo'],
  ['create', 'namespace', 'dev'],
  ['create', 'ns', 'dev', '-n', 'foo', '--save-config'],
  ['create', 'serviceaccount', 'x'],
  ['create', 'sa', 'x', '-n', 'foo', '--save-config'],
  ['create', 'service', 'clusterip', 'x', '--tcp=80:8080', '--tcp=443'],
  ['create', 'service', 'clusterip', 'x', '--tcp=80:8080,443', '-n', 'foo'],
  ['create', 'svc', 'clusterip', 'x', '--clusterip=None'],
  ['create', 'service', 'clusterip', 'x', '--clusterip=None', '--tcp=80'],
  ['create', 'service', 'clusterip', 'x', '--tcp=0', '--tcp=80:90:100', '--tcp=080:+5'],
  ['create', 'service', 'nodeport', 'x', '--tcp=80:8080', '--node-port=30080'],
  ['create', 'service', 'loadbalancer', 'x', '--tcp=80:http'],
  ['create', 'service', 'externalname', 'x', '--external-name=example.com'],
  ['create', 'service', 'externalname', 'x', '--external-name=example.com', '--tcp=80', '-n', 'foo'],
  ['create', 'configmap', 'c', '--from-literal=b=2', '--from-literal=a=1', '--from-file=hello.txt', '--from-file=k=hello.txt', '--from-file=conf'],
  ['create', 'cm', 'c', '--from-env-file=plain.env'],
  ['create', 'secret', 'generic', 's', '--from-env-file=plain.env'],
  ['create', 'cm', 'c', '--from-file=conf', '--append-hash'],
  ['create', 'cm', 'c', '--from-literal=html=<a&b>', '--save-config', '-n', 'foo'],
  ['create', 'secret', 'generic', 's', '--from-literal=b=2', '--from-file=conf'],
  ['create', 'secret', 'generic', 's', '--from-literal=b=2', '--type=foo', '-n', 'x', '--append-hash'],
  ['create', 'secret', 'generic', 's'],
  ['create', 'secret', 'docker-registry', 'r', '--docker-username=u', '--docker-password=p&q', '--docker-email=e@x.io'],
  ['create', 'secret', 'docker-registry', 'r', '--from-file=hello.txt', '--append-hash'],
  ...(HAS_OPENSSL
    ? [
        ['create', 'secret', 'tls', 't', '--cert=one.crt', '--key=one.key'],
        ['create', 'secret', 'tls', 't', '--cert=one.crt', '--key=one.key', '--append-hash', '-n', 'foo'],
        ['create', 'secret', 'tls', 't', '--cert=one.crt', '--key=two.key'],
      ]
    : []),
];

if (HAS_KUBECTL) describe('create --dry-run=client matches the real kubectl', () => {
  const oracle = (args: string[]) => {
    const r = spawnSync(KUBECTL_BIN, args, { cwd: work, env: { ...process.env, KUBECONFIG: '/nonexistent' }, encoding: 'utf8' });
    return { stdout: r.stdout, stderr: r.stderr, code: r.status };
  };
  for (const base of ORACLE_CASES) {
    for (const out of [['-o', 'yaml'], ['-o', 'json'], ['-o', 'name'], []]) {
      const args = [...base, '--dry-run=client', ...out];
      it(`kubectl ${args.join(' ')}`, () => {
        const want = oracle(args);
        const got = sim(args);
        expect({ stdout: got.stdout, stderr: got.stderr, code: got.code }).toEqual(want);
      });
    }
  }
});
