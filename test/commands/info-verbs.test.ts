import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, stateBytes, tempStateDir, type CliResult } from '../helpers/cli.js';
import { wordWrap } from '../../src/commands/explain.js';

/**
 * The informational verbs through the built CLI: version, api-resources, api-versions, cluster-info,
 * config and explain. Layouts follow kubectl 1.32.4's source (version.go, apiresources.go,
 * clusterinfo.go, config/*.go, explain/v2/templates/plaintext.tmpl); `config` output is also compared
 * byte for byte with /usr/bin/kubectl on an equivalent kubeconfig when that binary exists.
 */

const KUBECTL_BIN = '/usr/bin/kubectl';
const work = mkdtempSync(join(tmpdir(), 'kubesim-info-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the commands in one fresh state directory and returns the last result. */
function inCluster(setup: string[][], args: string[], opts: { persona?: string } = {}): CliResult & { before: string; after: string } {
  const s = tempStateDir();
  try {
    if (opts.persona) {
      const created = runCli(['cluster', 'create', '--kubectl-version', opts.persona], { stateDir: s.dir, bin: 'kubesim' });
      expect(created.code).toBe(0);
    }
    for (const a of setup) expect(runCli(a, { stateDir: s.dir }).code).toBe(0);
    const before = stateBytes(s.dir);
    const r = runCli(args, { stateDir: s.dir });
    return { ...r, before, after: stateBytes(s.dir) };
  } finally {
    s.cleanup();
  }
}

/** A command that must fail with exactly this stderr and change nothing. */
function expectRejected(args: string[], stderr: string, persona?: string): void {
  const r = inCluster([['get', 'ns']], args, { persona });
  expect({ stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual({ stdout: '', stderr, code: 1 });
  expect(r.after).toBe(r.before);
}

/** `kubectl version -o json` */
const VERSION_JSON = `{
  "clientVersion": {
    "major": "1",
    "minor": "32",
    "gitVersion": "v1.32.4",
    "gitCommit": "59526cd4867447956156ae3a602fcbac10a2c335",
    "gitTreeState": "clean",
    "buildDate": "2025-04-22T16:03:58Z",
    "goVersion": "go1.23.6",
    "compiler": "gc",
    "platform": "linux/amd64"
  },
  "kustomizeVersion": "v5.5.0",
  "serverVersion": {
    "major": "1",
    "minor": "32",
    "gitVersion": "v1.32.2",
    "gitCommit": "67a30c0adcf52bd3f56ff0893ce19966be12991f",
    "gitTreeState": "clean",
    "buildDate": "2025-02-12T21:17:04Z",
    "goVersion": "go1.23.6",
    "compiler": "gc",
    "platform": "linux/amd64"
  }
}
`;

/** `kubectl version --client -o yaml` */
const VERSION_CLIENT_YAML = `clientVersion:
  buildDate: "2025-04-22T16:03:58Z"
  compiler: gc
  gitCommit: 59526cd4867447956156ae3a602fcbac10a2c335
  gitTreeState: clean
  gitVersion: v1.32.4
  goVersion: go1.23.6
  major: "1"
  minor: "32"
  platform: linux/amd64
kustomizeVersion: v5.5.0

`;

/** `kubectl api-resources` */
const API_RESOURCES = `NAME                        SHORTNAMES   APIVERSION                     NAMESPACED   KIND
bindings                                 v1                             true         Binding
componentstatuses           cs           v1                             false        ComponentStatus
configmaps                  cm           v1                             true         ConfigMap
endpoints                   ep           v1                             true         Endpoints
events                      ev           v1                             true         Event
limitranges                 limits       v1                             true         LimitRange
namespaces                  ns           v1                             false        Namespace
nodes                       no           v1                             false        Node
persistentvolumeclaims      pvc          v1                             true         PersistentVolumeClaim
persistentvolumes           pv           v1                             false        PersistentVolume
pods                        po           v1                             true         Pod
podtemplates                             v1                             true         PodTemplate
replicationcontrollers      rc           v1                             true         ReplicationController
resourcequotas              quota        v1                             true         ResourceQuota
secrets                                  v1                             true         Secret
serviceaccounts             sa           v1                             true         ServiceAccount
services                    svc          v1                             true         Service
customresourcedefinitions   crd,crds     apiextensions.k8s.io/v1        false        CustomResourceDefinition
controllerrevisions                      apps/v1                        true         ControllerRevision
daemonsets                  ds           apps/v1                        true         DaemonSet
deployments                 deploy       apps/v1                        true         Deployment
replicasets                 rs           apps/v1                        true         ReplicaSet
statefulsets                sts          apps/v1                        true         StatefulSet
horizontalpodautoscalers    hpa          autoscaling/v2                 true         HorizontalPodAutoscaler
cronjobs                    cj           batch/v1                       true         CronJob
jobs                                     batch/v1                       true         Job
leases                                   coordination.k8s.io/v1         true         Lease
endpointslices                           discovery.k8s.io/v1            true         EndpointSlice
events                      ev           events.k8s.io/v1               true         Event
ingressclasses                           networking.k8s.io/v1           false        IngressClass
ingresses                   ing          networking.k8s.io/v1           true         Ingress
networkpolicies             netpol       networking.k8s.io/v1           true         NetworkPolicy
poddisruptionbudgets        pdb          policy/v1                      true         PodDisruptionBudget
clusterrolebindings                      rbac.authorization.k8s.io/v1   false        ClusterRoleBinding
clusterroles                             rbac.authorization.k8s.io/v1   false        ClusterRole
rolebindings                             rbac.authorization.k8s.io/v1   true         RoleBinding
roles                                    rbac.authorization.k8s.io/v1   true         Role
priorityclasses             pc           scheduling.k8s.io/v1           false        PriorityClass
storageclasses              sc           storage.k8s.io/v1              false        StorageClass
`;

/** `kubectl api-resources --namespaced=false` */
const API_RESOURCES_CLUSTER = `NAME                        SHORTNAMES   APIVERSION                     NAMESPACED   KIND
componentstatuses           cs           v1                             false        ComponentStatus
namespaces                  ns           v1                             false        Namespace
nodes                       no           v1                             false        Node
persistentvolumes           pv           v1                             false        PersistentVolume
customresourcedefinitions   crd,crds     apiextensions.k8s.io/v1        false        CustomResourceDefinition
ingressclasses                           networking.k8s.io/v1           false        IngressClass
clusterrolebindings                      rbac.authorization.k8s.io/v1   false        ClusterRoleBinding
clusterroles                             rbac.authorization.k8s.io/v1   false        ClusterRole
priorityclasses             pc           scheduling.k8s.io/v1           false        PriorityClass
storageclasses              sc           storage.k8s.io/v1              false        StorageClass
`;

/** `kubectl api-versions` */
const API_VERSIONS = `apiextensions.k8s.io/v1
apps/v1
autoscaling/v2
batch/v1
coordination.k8s.io/v1
discovery.k8s.io/v1
events.k8s.io/v1
networking.k8s.io/v1
policy/v1
rbac.authorization.k8s.io/v1
scheduling.k8s.io/v1
storage.k8s.io/v1
v1
`;

/** `kubectl cluster-info` */
const CLUSTER_INFO = `Kubernetes control plane is running at https://127.0.0.1:6443
CoreDNS is running at https://127.0.0.1:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy

To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.
`;

/** `kubectl config view` */
const CONFIG_VIEW = `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: https://127.0.0.1:6443
  name: kubesim
contexts:
- context:
    cluster: kubesim
    user: kubesim
  name: kubesim
current-context: kubesim
kind: Config
preferences: {}
users:
- name: kubesim
  user:
    client-certificate-data: DATA+OMITTED
    client-key-data: DATA+OMITTED
`;

/** `kubectl config view -o json` */
const CONFIG_VIEW_JSON = `{
    "kind": "Config",
    "apiVersion": "v1",
    "preferences": {},
    "clusters": [
        {
            "name": "kubesim",
            "cluster": {
                "server": "https://127.0.0.1:6443",
                "certificate-authority-data": "DATA+OMITTED"
            }
        }
    ],
    "users": [
        {
            "name": "kubesim",
            "user": {
                "client-certificate-data": "DATA+OMITTED",
                "client-key-data": "DATA+OMITTED"
            }
        }
    ],
    "contexts": [
        {
            "name": "kubesim",
            "context": {
                "cluster": "kubesim",
                "user": "kubesim"
            }
        }
    ],
    "current-context": "kubesim"
}
`;

/** `kubectl explain pods` */
const EXPLAIN_PODS = `KIND:       Pod
VERSION:    v1

DESCRIPTION:
    A Pod is a group of containers that are scheduled together onto one node and
    share its network namespace and volumes. Pods are usually created by
    controllers rather than by hand.
    
FIELDS:
  apiVersion\t<string>
    The API group and version this object is written in, such as "v1" or
    "apps/v1". The server converts known versions to its own and may reject
    unknown ones. More info:
    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources

  kind\t<string>
    The kind of object this document describes, written in CamelCase. The server
    derives it from the endpoint the request was sent to and it cannot be
    changed. More info:
    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds

  metadata\t<ObjectMeta>
    Standard object metadata: name, namespace, labels, annotations and the
    fields the server maintains. More info:
    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata

  spec\t<PodSpec>
    The desired state of the pod. More info:
    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status

  status\t<PodStatus>
    The most recently observed state of the pod, written by the system; it may
    lag behind reality. More info:
    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status


`;

/** `kubectl explain pods.spec.containers` */
const EXPLAIN_CONTAINERS = `KIND:       Pod
VERSION:    v1

FIELD: containers <[]Container>


DESCRIPTION:
    The containers of the pod. A pod needs at least one, and the list cannot be
    changed after creation.
    A container: one image run as a process group inside a pod.
    
FIELDS:
  args\t<[]string>
    Arguments passed to the entrypoint. When empty the image's CMD is used.
    $(VAR_NAME) references are expanded from the container environment. Cannot
    be updated. More info:
    https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell

  command\t<[]string>
    The entrypoint, as a list of strings; it is not run through a shell. When
    empty the image's ENTRYPOINT is used. $(VAR_NAME) references are expanded
    from the container environment; write $$ for a literal $. Cannot be updated.
    More info:
    https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell

  env\t<[]EnvVar>
    Environment variables to set in the container. Cannot be updated.

  envFrom\t<[]EnvFromSource>
    Sources that add every key of a ConfigMap or Secret as environment
    variables. Keys must be valid variable names; later sources win on
    duplicates, and variables from env win over all of them. Cannot be updated.

  image\t<string>
    The container image to run. It may be left empty here so that controllers
    such as Deployments can fill it in from a template. More info:
    https://kubernetes.io/docs/concepts/containers/images

  imagePullPolicy\t<string>
  enum: Always, IfNotPresent, Never
    When the kubelet pulls the image: Always, Never or IfNotPresent. Defaults to
    Always when the tag is :latest (or missing) and to IfNotPresent otherwise.
    Cannot be updated. More info:
    https://kubernetes.io/docs/concepts/containers/images#updating-images
    
    Possible enum values:
     - \`"Always"\`
     - \`"IfNotPresent"\`
     - \`"Never"\`

  lifecycle\t<Lifecycle>
    Actions the system runs right after the container starts and right before it
    is stopped. Cannot be updated.

  livenessProbe\t<Probe>
    A periodic check of whether the container is alive; the container is
    restarted when it fails. Cannot be updated. More info:
    https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes

  name\t<string> -required-
    Name of the container, a DNS label unique within the pod. It cannot be
    updated.

  ports\t<[]ContainerPort>
    Ports the container listens on. Listing them is informational: any port the
    process opens on 0.0.0.0 is reachable from the network whether listed or
    not. Named ports can be referred to by services and probes. Cannot be
    updated.

  readinessProbe\t<Probe>
    A periodic check of whether the container can serve traffic; while it fails
    the pod is removed from service endpoints. Cannot be updated. More info:
    https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes

  resizePolicy\t<[]ContainerResizePolicy>
    What the kubelet does when this container's resources are changed in place.

  resources\t<ResourceRequirements>
    CPU, memory and other resources the container requests and is limited to.
    More info:
    https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/

  restartPolicy\t<string>
    Only for init containers: "Always" turns the init container into a sidecar
    that keeps running for the life of the pod. Regular containers may not set
    it.

  securityContext\t<SecurityContext>
    Security settings for this container, overriding the pod-level ones where
    both are set. More info:
    https://kubernetes.io/docs/tasks/configure-pod-container/security-context/

  startupProbe\t<Probe>
    A check that must succeed before liveness and readiness probes start; if it
    keeps failing the container is restarted. Useful for slow-starting
    applications. Cannot be updated. More info:
    https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes

  stdin\t<boolean>
    Keep a stdin buffer open for the container so that attach can use it. When
    false, reads from stdin get EOF. Default is false.

  stdinOnce\t<boolean>
    Close stdin after the first attached client disconnects (only with stdin:
    true). Default is false.

  terminationMessagePath\t<string>
    Path of a file whose contents become the container's termination message
    when it exits. Defaults to /dev/termination-log; at most 4096 bytes are
    kept. Cannot be updated.

  terminationMessagePolicy\t<string>
  enum: FallbackToLogsOnError, File
    Where the termination message comes from: File reads terminationMessagePath
    only; FallbackToLogsOnError also uses the tail of the log when the file is
    empty and the container failed. Defaults to File. Cannot be updated.
    
    Possible enum values:
     - \`"FallbackToLogsOnError"\`
     - \`"File"\`

  tty\t<boolean>
    Allocate a terminal for the container; requires stdin to be true as well.
    Default is false.

  volumeDevices\t<[]VolumeDevice>
    Block devices from the pod's volumes that the container uses.

  volumeMounts\t<[]VolumeMount>
    Pod volumes to mount into the container's filesystem. Cannot be updated.

  workingDir\t<string>
    The directory the process starts in. When empty the runtime's default
    (usually the image's WORKDIR) is used. Cannot be updated.


`;

/** `kubectl explain po.spec.restartPolicy` */
const EXPLAIN_RESTART_POLICY = `KIND:       Pod
VERSION:    v1

FIELD: restartPolicy <string>
ENUM:
    Always
    Never
    OnFailure

DESCRIPTION:
    When containers of the pod are restarted after they exit: Always, OnFailure
    or Never. Defaults to Always. More info:
    https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy
    
    Possible enum values:
     - \`"Always"\`
     - \`"Never"\`
     - \`"OnFailure"\`
    

`;

/** `kubectl explain deployments.apps.spec.strategy --recursive` */
const EXPLAIN_STRATEGY_RECURSIVE = `GROUP:      apps
KIND:       Deployment
VERSION:    v1

FIELD: strategy <DeploymentStrategy>


DESCRIPTION:
    How existing pods are replaced with new ones.
    How a Deployment replaces its pods.
    
FIELDS:
  rollingUpdate\t<RollingUpdateDeployment>
    maxSurge\t<IntOrString>
    maxUnavailable\t<IntOrString>
  type\t<string>
  enum: Recreate, RollingUpdate

`;

/** `kubectl explain svc.spec.ports.targetPort` */
const EXPLAIN_TARGET_PORT = `KIND:       Service
VERSION:    v1

FIELD: targetPort <IntOrString>


DESCRIPTION:
    The port on the pods, as a number or the name of a container port. Defaults
    to the value of port. More info:
    https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service
    IntOrString holds either an integer or a string. When it names a port, a
    number is used as is and a string is looked up as a named port.
    

`;

const ok = (stdout: string, stderr = '') => ({ stdout, stderr, code: 0 });
const result = (r: CliResult) => ({ stdout: r.stdout, stderr: r.stderr, code: r.code });

describe('kubectl version', () => {
  it('prints the short form for the default 1.32 persona', () => {
    expect(result(inCluster([], ['version']))).toEqual(ok('Client Version: v1.32.4\nKustomize Version: v5.5.0\nServer Version: v1.32.2\n'));
  });

  it('--client leaves out the server and ignores extra arguments (1.25+)', () => {
    expect(result(inCluster([], ['version', '--client', 'extra']))).toEqual(ok('Client Version: v1.32.4\nKustomize Version: v5.5.0\n'));
  });

  it('-o json nests version.Info under clientVersion, kustomizeVersion, serverVersion', () => {
    expect(result(inCluster([], ['version', '-o', 'json']))).toEqual(ok(VERSION_JSON));
  });

  it('-o yaml sorts keys, quotes numeric strings and dates, and ends with a blank line', () => {
    expect(result(inCluster([], ['version', '--client', '-o', 'yaml']))).toEqual(ok(VERSION_CLIENT_YAML));
  });

  it('a 1.17 persona prints the version.Info struct form, without kustomize', () => {
    const r = inCluster([], ['version'], { persona: '1.17' });
    expect(result(r)).toEqual(
      ok(
        'Client Version: version.Info{Major:"1", Minor:"17", GitVersion:"v1.17.0", GitCommit:"70132b0f130acc0bed193d9ba59dd186f0e634cf", GitTreeState:"clean", BuildDate:"2019-12-07T21:20:10Z", GoVersion:"go1.13.4", Compiler:"gc", Platform:"linux/amd64"}\n' +
          'Server Version: version.Info{Major:"1", Minor:"32", GitVersion:"v1.32.2", GitCommit:"67a30c0adcf52bd3f56ff0893ce19966be12991f", GitTreeState:"clean", BuildDate:"2025-02-12T21:17:04Z", GoVersion:"go1.23.6", Compiler:"gc", Platform:"linux/amd64"}\n',
      ),
    );
  });

  it('a 1.17 persona still has --short', () => {
    expect(result(inCluster([], ['version', '--short'], { persona: '1.17' }))).toEqual(ok('Client Version: v1.17.0\nServer Version: v1.32.2\n'));
  });

  it('a 1.26 persona warns about the deprecated format and the version skew on stderr', () => {
    const r = inCluster([], ['version'], { persona: '1.26' });
    expect(result(r)).toEqual(
      ok(
        'Client Version: version.Info{Major:"1", Minor:"26", GitVersion:"v1.26.0", GitCommit:"b46a3f887ca979b1a5d14fd39cb1af43e7e5d12d", GitTreeState:"clean", BuildDate:"2022-12-08T19:58:30Z", GoVersion:"go1.19.4", Compiler:"gc", Platform:"linux/amd64"}\n' +
          'Kustomize Version: v4.5.7\n' +
          'Server Version: version.Info{Major:"1", Minor:"32", GitVersion:"v1.32.2", GitCommit:"67a30c0adcf52bd3f56ff0893ce19966be12991f", GitTreeState:"clean", BuildDate:"2025-02-12T21:17:04Z", GoVersion:"go1.23.6", Compiler:"gc", Platform:"linux/amd64"}\n',
        'WARNING: This version information is deprecated and will be replaced with the output from kubectl version --short.  Use --output=yaml|json to get the full version.\n' +
          'WARNING: version difference between client (1.26) and server (1.32) exceeds the supported minor version skew of +/-1\n',
      ),
    );
  });

  it('rejects --short from 1.28 on, a bad -o, and extra arguments, changing nothing', () => {
    expectRejected(['version', '--short'], "Error: unknown flag: --short\nSee 'kubectl version --help' for usage.\n");
    expectRejected(['version', '-o', 'wide'], "error: --output must be 'yaml' or 'json'\n");
    expectRejected(['version', 'extra'], 'error: extra arguments: [extra]\n');
  });
});

describe('kubectl api-resources', () => {
  it('lists the discovery table sorted by group (core first), then name', () => {
    expect(result(inCluster([], ['api-resources']))).toEqual(ok(API_RESOURCES));
  });

  it('--namespaced=false keeps the cluster-scoped types', () => {
    expect(result(inCluster([], ['api-resources', '--namespaced=false']))).toEqual(ok(API_RESOURCES_CLUSTER));
  });

  it('-o wide adds comma-joined VERBS and CATEGORIES (an empty last cell keeps the padding before it)', () => {
    expect(result(inCluster([], ['api-resources', '-o', 'wide', '--api-group=apps']))).toEqual(
      ok(
        'NAME                  SHORTNAMES   APIVERSION   NAMESPACED   KIND                 VERBS                                                        CATEGORIES\n' +
          'controllerrevisions                apps/v1      true         ControllerRevision   create,delete,deletecollection,get,list,patch,update,watch   \n' +
          'daemonsets            ds           apps/v1      true         DaemonSet            create,delete,deletecollection,get,list,patch,update,watch   all\n' +
          'deployments           deploy       apps/v1      true         Deployment           create,delete,deletecollection,get,list,patch,update,watch   all\n' +
          'replicasets           rs           apps/v1      true         ReplicaSet           create,delete,deletecollection,get,list,patch,update,watch   all\n' +
          'statefulsets          sts          apps/v1      true         StatefulSet          create,delete,deletecollection,get,list,patch,update,watch   all\n',
      ),
    );
  });

  it('a 1.17 persona prints -o wide verbs in Go %v form and has no CATEGORIES', () => {
    expect(result(inCluster([], ['api-resources', '-o', 'wide', '--api-group=batch'], { persona: '1.17' }))).toEqual(
      ok(
        'NAME       SHORTNAMES   APIVERSION   NAMESPACED   KIND      VERBS\n' +
          'cronjobs   cj           batch/v1     true         CronJob   [create delete deletecollection get list patch update watch]\n' +
          'jobs                    batch/v1     true         Job       [create delete deletecollection get list patch update watch]\n',
      ),
    );
  });

  it('-o name qualifies grouped resources; filters combine; --sort-by=kind orders by kind', () => {
    expect(result(inCluster([], ['api-resources', '-o', 'name', '--verbs=get,list', '--categories=all']))).toEqual(
      ok('pods\nreplicationcontrollers\nservices\ndaemonsets.apps\ndeployments.apps\nreplicasets.apps\nstatefulsets.apps\nhorizontalpodautoscalers.autoscaling\ncronjobs.batch\njobs.batch\n'),
    );
    expect(result(inCluster([], ['api-resources', '--no-headers', '--sort-by=kind', '--api-group=rbac.authorization.k8s.io']))).toEqual(
      ok(
        // The SHORTNAMES column is empty but still takes tabwriter's minimum width of 6.
        'clusterroles                rbac.authorization.k8s.io/v1   false   ClusterRole\n' +
          'clusterrolebindings         rbac.authorization.k8s.io/v1   false   ClusterRoleBinding\n' +
          'roles                       rbac.authorization.k8s.io/v1   true    Role\n' +
          'rolebindings                rbac.authorization.k8s.io/v1   true    RoleBinding\n',
      ),
    );
  });

  it('rejects bad flags and arguments with kubectl\'s messages, changing nothing', () => {
    expectRejected(['api-resources', '-o', 'json'], 'error: --output json is not available\n');
    expectRejected(['api-resources', '--sort-by=group'], 'error: --sort-by accepts only name or kind\n');
    expectRejected(['api-resources', 'pods'], "error: unexpected arguments: [pods]\nSee 'kubectl api-resources -h' for help and examples\n");
  });
});

describe('kubectl api-versions', () => {
  it('prints every served group/version, sorted bytewise (v1 last)', () => {
    expect(result(inCluster([], ['api-versions']))).toEqual(ok(API_VERSIONS));
  });
});

describe('kubectl cluster-info', () => {
  it('prints the control plane and the cluster services without colour (1.32)', () => {
    expect(result(inCluster([], ['cluster-info']))).toEqual(ok(CLUSTER_INFO));
  });

  it('colours names and URLs with ANSI codes even when piped, up to 1.31; 1.17 says "master"', () => {
    expect(result(inCluster([], ['cluster-info'], { persona: '1.17' }))).toEqual(
      ok(
        '\x1b[0;32mKubernetes master\x1b[0m is running at \x1b[0;33mhttps://127.0.0.1:6443\x1b[0m\n' +
          '\x1b[0;32mCoreDNS\x1b[0m is running at \x1b[0;33mhttps://127.0.0.1:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\x1b[0m\n' +
          "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
      ),
    );
  });

  it('-n looks for cluster services in that namespace only', () => {
    expect(result(inCluster([], ['cluster-info', '-n', 'default']))).toEqual(
      ok("Kubernetes control plane is running at https://127.0.0.1:6443\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n"),
    );
  });

  it('dump is not simulated and says so', () => {
    expectRejected(['cluster-info', 'dump'], 'error: cluster-info dump is not simulated by kubesim; use kubectl get, describe and logs on the objects you need\n');
  });
});

describe('kubectl config', () => {
  it('view prints the redacted kubeconfig of the simulated cluster', () => {
    expect(result(inCluster([], ['config', 'view']))).toEqual(ok(CONFIG_VIEW));
  });

  it('view -o json keeps the Go struct order', () => {
    expect(result(inCluster([], ['config', 'view', '-o', 'json']))).toEqual(ok(CONFIG_VIEW_JSON));
  });

  it('view --raw shows base64 PEM data; jsonpath extracts fields', () => {
    const raw = inCluster([], ['config', 'view', '--raw', '-o', 'jsonpath={.users[0].user.client-key-data}']);
    expect(raw.code).toBe(0);
    expect(Buffer.from(raw.stdout, 'base64').toString()).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+\n-----END RSA PRIVATE KEY-----\n$/);
    expect(result(inCluster([], ['config', 'view', '--minify', '-o', 'jsonpath={.clusters[0].cluster.server}']))).toEqual(ok('https://127.0.0.1:6443'));
    expect(result(inCluster([], ['config', 'view', '-o', 'jsonpath={.clusters[0].cluster}']))).toEqual(
      ok('{"certificate-authority-data":"DATA+OMITTED","server":"https://127.0.0.1:6443"}'),
    );
  });

  it('current-context, get-contexts, get-clusters and use-context show the single context', () => {
    expect(result(inCluster([], ['config', 'current-context']))).toEqual(ok('kubesim\n'));
    expect(result(inCluster([], ['config', 'get-contexts']))).toEqual(ok('CURRENT   NAME      CLUSTER   AUTHINFO   NAMESPACE\n*         kubesim   kubesim   kubesim    \n'));
    expect(result(inCluster([], ['config', 'get-contexts', '-o', 'name']))).toEqual(ok('kubesim\n'));
    expect(result(inCluster([], ['config', 'get-clusters']))).toEqual(ok('NAME\nkubesim\n'));
    expect(result(inCluster([], ['config', 'use-context', 'kubesim']))).toEqual(ok('Switched to context "kubesim".\n'));
  });

  it('unknown contexts and bad options fail like kubectl, changing nothing', () => {
    expectRejected(['config', 'use-context', 'x'], 'error: no context exists with the name: "x"\n');
    expectRejected(['config', 'view', 'extra'], "error: unexpected arguments: [extra]\nSee 'kubectl config view -h' for help and examples\n");
    expectRejected(['config', 'view', '--merge=false'], 'error: if merge==false a precise file must be specified\n');
    expectRejected(['config', 'set-context', '--current', '--namespace=dev'], 'error: kubectl config set-context is not simulated: kubesim has a single fixed kubeconfig context for its simulated cluster\n');
    const r = inCluster([['get', 'ns']], ['config', 'get-contexts', 'nope']);
    expect(result(r)).toEqual({ stdout: 'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n', stderr: 'error: context nope not found\n', code: 1 });
    expect(r.after).toBe(r.before);
  });

  if (existsSync(KUBECTL_BIN)) {
    // The oracle reads a kubeconfig file equal to ours (taken from `config view --raw -o json`).
    const s = tempStateDir();
    const exported = runCli(['config', 'view', '--raw', '-o', 'json'], { stateDir: s.dir });
    const kubeconfig = join(work, 'kubeconfig.json');
    writeFileSync(kubeconfig, exported.stdout);
    const cases: string[][] = [
      ['config', 'view'],
      ['config', 'view', '--raw'],
      ['config', 'view', '-o', 'json'],
      ['config', 'view', '--minify', '--flatten'],
      ['config', 'view', '-o', 'jsonpath={.contexts[*].name} {.users[0].user}'],
      ['config', 'view', '-o', 'name'],
      ['config', 'current-context'],
      ['config', 'get-contexts'],
      ['config', 'get-contexts', '--no-headers'],
      ['config', 'get-contexts', 'nope'],
      ['config', 'get-clusters'],
      ['config', 'get-users'],
      ['config', 'use-context', 'nope'],
    ];
    for (const args of cases) {
      it(`matches kubectl 1.32: ${args.join(' ')}`, () => {
        const copy = join(work, `kc-${args.join('-').replace(/[^a-z0-9-]/gi, '_')}.json`);
        writeFileSync(copy, readFileSync(kubeconfig));
        const real = spawnSync(KUBECTL_BIN, args, { cwd: work, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: work, KUBECONFIG: copy } });
        const ours = runCli(args, { stateDir: s.dir, cwd: work });
        expect(result(ours)).toEqual({ stdout: real.stdout, stderr: real.stderr, code: real.status });
      });
    }
    afterAll(() => s.cleanup());
  }
});

describe('kubectl explain', () => {
  it('explain pods: header, description and the field list', () => {
    expect(result(inCluster([], ['explain', 'pods']))).toEqual(ok(EXPLAIN_PODS));
  });

  it('explain pods.spec.containers: FIELD line, field and type descriptions, sorted fields with enums', () => {
    expect(result(inCluster([], ['explain', 'pods.spec.containers']))).toEqual(ok(EXPLAIN_CONTAINERS));
  });

  it('an enum field gets an ENUM block and the possible values in its description', () => {
    expect(result(inCluster([], ['explain', 'po.spec.restartPolicy']))).toEqual(ok(EXPLAIN_RESTART_POLICY));
  });

  it('--recursive lists nested fields without descriptions; grouped kinds get a GROUP line', () => {
    expect(result(inCluster([], ['explain', 'deployments.apps.spec.strategy', '--recursive']))).toEqual(ok(EXPLAIN_STRATEGY_RECURSIVE));
  });

  it('a field of an opaque type shows that type\'s description after its own', () => {
    expect(result(inCluster([], ['explain', 'svc.spec.ports.targetPort']))).toEqual(ok(EXPLAIN_TARGET_PORT));
  });

  it('unknown types and fields fail with kubectl\'s messages (the last path element is named), changing nothing', () => {
    expectRejected(['explain', 'foo'], 'error: the server doesn\'t have a resource type "foo"\n');
    expectRejected(['explain', 'pods.spec.foo'], 'error: field "foo" does not exist\n');
    expectRejected(['explain', 'pods.spec.foo.bar'], 'error: field "bar" does not exist\n');
    expectRejected(['explain'], 'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n');
    expectRejected(['explain', 'pods', 'svc'], 'error: We accept only this format: explain RESOURCE\n');
    expectRejected(['explain', 'deployments', '--api-version=apps/v2'], 'error: couldn\'t find resource for "apps/v2, Resource=deployments"\n');
  });

  it('wraps like go-wordwrap: at spaces, keeping words longer than the limit whole on their own line', () => {
    expect(wordWrap('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
    expect(wordWrap('More info: https://example.com/a/very/long/path', 12)).toBe('More info:\nhttps://example.com/a/very/long/path');
    expect(wordWrap('one\ntwo three', 5)).toBe('one\ntwo\nthree');
  });
});
