/**
 * The shape of every API struct reachable from the kinds kubesim serves (spec and status), as facts
 * transcribed from k8s.io/api and k8s.io/apimachinery v0.32.4 `types.go`: JSON field names in
 * declaration order, their Go types, whether the generated OpenAPI schema lists them as required
 * (no `omitempty` and no `+optional`), and the values of `+enum` string types. One table serves
 * `kubectl explain` (schema/index.ts, which derives the OpenAPI type from the Go type) and the API
 * server's decoding, strict field validation and strategic merge patch (schema/go-fields.ts).
 *
 * Notation, one space-separated token per field: `name[:type][!][=v1|v2|…]`, or `...Struct`
 *   type   the Go type; string when absent. int32, int64, bool, float64, []byte, Quantity, IntOrString,
 *          Time, MicroTime, FieldsV1, []T, map[string]T, a struct name below (discovery.k8s.io's
 *          EndpointPort is `discovery.EndpointPort`; its display name is the part after the dot),
 *          `v1.ResourceList` (a map of quantities), or `v1.X` — a named string type, spelled out on the
 *          structs the server decodes (decoding errors name it); status structs leave them as string
 *   !      required
 *   =…     the enum values (`""` is the empty string)
 *   ...S   S's fields inlined (Go embedding); EphemeralContainer's embedded EphemeralContainerCommon
 *          is, by Go's own contract, a field-for-field copy of Container
 */

/** Struct name → its fields. */
export const STRUCT_FIELDS: Readonly<Record<string, string>> = {
  Affinity: 'nodeAffinity:NodeAffinity podAffinity:PodAffinity podAntiAffinity:PodAntiAffinity',
  AppArmorProfile: 'type:v1.AppArmorProfileType!=Localhost|RuntimeDefault|Unconfined localhostProfile',
  AttachedVolume: 'name! devicePath!',
  AWSElasticBlockStoreVolumeSource: 'volumeID! fsType partition:int32 readOnly:bool',
  AzureDiskVolumeSource:
    'diskName! diskURI! cachingMode:v1.AzureDataDiskCachingMode=None|ReadOnly|ReadWrite fsType ' +
    'readOnly:bool kind:v1.AzureDataDiskKind=Dedicated|Managed|Shared',
  AzureFileVolumeSource: 'secretName! shareName! readOnly:bool',
  Capabilities: 'add:[]v1.Capability drop:[]v1.Capability',
  CephFSVolumeSource: 'monitors:[]string! path user secretFile secretRef:LocalObjectReference readOnly:bool',
  CinderVolumeSource: 'volumeID! fsType readOnly:bool secretRef:LocalObjectReference',
  ClientIPConfig: 'timeoutSeconds:int32',
  ClusterTrustBundleProjection: 'name signerName labelSelector:LabelSelector optional:bool path!',
  Condition: 'type! status! observedGeneration:int64 lastTransitionTime:Time! reason! message!',
  ConfigMap:
    'apiVersion kind metadata:ObjectMeta immutable:bool data:map[string]string ' +
    'binaryData:map[string][]byte',
  ConfigMapEnvSource: 'name optional:bool',
  ConfigMapKeySelector: 'name key! optional:bool',
  ConfigMapNodeConfigSource: 'namespace! name! uid resourceVersion kubeletConfigKey!',
  ConfigMapProjection: 'name items:[]KeyToPath optional:bool',
  ConfigMapVolumeSource: 'name items:[]KeyToPath defaultMode:int32 optional:bool',
  Container:
    'name! image command:[]string args:[]string workingDir ports:[]ContainerPort envFrom:[]EnvFromSource ' +
    'env:[]EnvVar resources:ResourceRequirements resizePolicy:[]ContainerResizePolicy ' +
    'restartPolicy:v1.ContainerRestartPolicy volumeMounts:[]VolumeMount volumeDevices:[]VolumeDevice ' +
    'livenessProbe:Probe readinessProbe:Probe startupProbe:Probe lifecycle:Lifecycle ' +
    'terminationMessagePath ' +
    'terminationMessagePolicy:v1.TerminationMessagePolicy=FallbackToLogsOnError|File ' +
    'imagePullPolicy:v1.PullPolicy=Always|IfNotPresent|Never securityContext:SecurityContext stdin:bool ' +
    'stdinOnce:bool tty:bool',
  ContainerImage: 'names:[]string sizeBytes:int64',
  ContainerPort: 'name hostPort:int32 containerPort:int32! protocol:v1.Protocol=SCTP|TCP|UDP hostIP',
  ContainerResizePolicy: 'resourceName:v1.ResourceName! restartPolicy:v1.ResourceResizeRestartPolicy!',
  ContainerState:
    'waiting:ContainerStateWaiting running:ContainerStateRunning terminated:ContainerStateTerminated',
  ContainerStateRunning: 'startedAt:Time',
  ContainerStateTerminated:
    'exitCode:int32! signal:int32 reason message startedAt:Time finishedAt:Time containerID',
  ContainerStateWaiting: 'reason message',
  ContainerStatus:
    'name! state:ContainerState lastState:ContainerState ready:bool! restartCount:int32! image! imageID! ' +
    'containerID started:bool allocatedResources:v1.ResourceList resources:ResourceRequirements ' +
    'volumeMounts:[]VolumeMountStatus user:ContainerUser allocatedResourcesStatus:[]ResourceStatus',
  ContainerUser: 'linux:LinuxContainerUser',
  CSIVolumeSource:
    'driver! readOnly:bool fsType volumeAttributes:map[string]string ' +
    'nodePublishSecretRef:LocalObjectReference',
  DaemonEndpoint: 'Port:int32!',
  DaemonSet: 'apiVersion kind metadata:ObjectMeta spec:DaemonSetSpec',
  DaemonSetSpec:
    'selector:LabelSelector! template:PodTemplateSpec! updateStrategy:DaemonSetUpdateStrategy ' +
    'minReadySeconds:int32 revisionHistoryLimit:int32',
  DaemonSetUpdateStrategy:
    'type:v1.DaemonSetUpdateStrategyType=OnDelete|RollingUpdate rollingUpdate:RollingUpdateDaemonSet',
  Deployment: 'apiVersion kind metadata:ObjectMeta spec:DeploymentSpec status:DeploymentStatus',
  DeploymentCondition: 'type! status! lastUpdateTime:Time lastTransitionTime:Time reason message',
  DeploymentSpec:
    'replicas:int32 selector:LabelSelector! template:PodTemplateSpec! strategy:DeploymentStrategy ' +
    'minReadySeconds:int32 revisionHistoryLimit:int32 paused:bool progressDeadlineSeconds:int32',
  DeploymentStatus:
    'observedGeneration:int64 replicas:int32 updatedReplicas:int32 readyReplicas:int32 ' +
    'availableReplicas:int32 unavailableReplicas:int32 conditions:[]DeploymentCondition ' +
    'collisionCount:int32',
  DeploymentStrategy:
    'type:v1.DeploymentStrategyType=Recreate|RollingUpdate rollingUpdate:RollingUpdateDeployment',
  'discovery.EndpointPort': 'name protocol:v1.Protocol=SCTP|TCP|UDP port:int32 appProtocol',
  DownwardAPIProjection: 'items:[]DownwardAPIVolumeFile',
  DownwardAPIVolumeFile:
    'path! fieldRef:ObjectFieldSelector resourceFieldRef:ResourceFieldSelector mode:int32',
  DownwardAPIVolumeSource: 'items:[]DownwardAPIVolumeFile defaultMode:int32',
  EmptyDirVolumeSource: 'medium:v1.StorageMedium sizeLimit:Quantity',
  Endpoint:
    'addresses:[]string! conditions:EndpointConditions hostname targetRef:ObjectReference ' +
    'deprecatedTopology:map[string]string nodeName zone hints:EndpointHints',
  EndpointAddress: 'ip! hostname nodeName targetRef:ObjectReference',
  EndpointConditions: 'ready:bool serving:bool terminating:bool',
  EndpointHints: 'forZones:[]ForZone',
  EndpointPort: 'name port:int32! protocol:v1.Protocol=SCTP|TCP|UDP appProtocol',
  Endpoints: 'apiVersion kind metadata:ObjectMeta subsets:[]EndpointSubset',
  EndpointSlice:
    'apiVersion kind metadata:ObjectMeta addressType:v1.AddressType!=FQDN|IPv4|IPv6 endpoints:[]Endpoint! ' +
    'ports:[]discovery.EndpointPort',
  EndpointSubset: 'addresses:[]EndpointAddress notReadyAddresses:[]EndpointAddress ports:[]EndpointPort',
  EnvFromSource: 'prefix configMapRef:ConfigMapEnvSource secretRef:SecretEnvSource',
  EnvVar: 'name! value valueFrom:EnvVarSource',
  EnvVarSource:
    'fieldRef:ObjectFieldSelector resourceFieldRef:ResourceFieldSelector ' +
    'configMapKeyRef:ConfigMapKeySelector secretKeyRef:SecretKeySelector',
  EphemeralContainer: '...Container targetContainerName',
  EphemeralVolumeSource: 'volumeClaimTemplate:PersistentVolumeClaimTemplate',
  Event:
    'apiVersion kind metadata:ObjectMeta! involvedObject:ObjectReference! reason message ' +
    'source:EventSource firstTimestamp:Time lastTimestamp:Time count:int32 type eventTime:MicroTime ' +
    'series:EventSeries action related:ObjectReference reportingComponent reportingInstance',
  EventSeries: 'count:int32 lastObservedTime:MicroTime',
  EventSource: 'component host',
  ExecAction: 'command:[]string',
  FCVolumeSource: 'targetWWNs:[]string lun:int32 fsType readOnly:bool wwids:[]string',
  FlexVolumeSource: 'driver! fsType secretRef:LocalObjectReference readOnly:bool options:map[string]string',
  FlockerVolumeSource: 'datasetName datasetUUID',
  ForZone: 'name!',
  GCEPersistentDiskVolumeSource: 'pdName! fsType partition:int32 readOnly:bool',
  GitRepoVolumeSource: 'repository! revision directory',
  GlusterfsVolumeSource: 'endpoints! path! readOnly:bool',
  GRPCAction: 'port:int32! service',
  HostAlias: 'ip! hostnames:[]string',
  HostIP: 'ip!',
  HostPathVolumeSource:
    'path! ' +
    'type:v1.HostPathType=""|BlockDevice|CharDevice|Directory|DirectoryOrCreate|File|FileOrCreate|Socket',
  HTTPGetAction: 'path port:IntOrString! host scheme:v1.URIScheme=HTTP|HTTPS httpHeaders:[]HTTPHeader',
  HTTPHeader: 'name! value!',
  HTTPIngressPath: 'path pathType:v1.PathType!=Exact|ImplementationSpecific|Prefix backend:IngressBackend!',
  HTTPIngressRuleValue: 'paths:[]HTTPIngressPath!',
  ImageVolumeSource: 'reference pullPolicy:v1.PullPolicy=Always|IfNotPresent|Never',
  Ingress: 'apiVersion kind metadata:ObjectMeta spec:IngressSpec status:IngressStatus',
  IngressBackend: 'service:IngressServiceBackend resource:TypedLocalObjectReference',
  IngressLoadBalancerIngress: 'ip hostname ports:[]IngressPortStatus',
  IngressLoadBalancerStatus: 'ingress:[]IngressLoadBalancerIngress',
  IngressPortStatus: 'port:int32! protocol!=SCTP|TCP|UDP error',
  IngressRule: 'host http:HTTPIngressRuleValue',
  IngressServiceBackend: 'name! port:ServiceBackendPort',
  IngressSpec: 'ingressClassName defaultBackend:IngressBackend tls:[]IngressTLS rules:[]IngressRule',
  IngressStatus: 'loadBalancer:IngressLoadBalancerStatus',
  IngressTLS: 'hosts:[]string secretName',
  IPBlock: 'cidr! except:[]string',
  ISCSIVolumeSource:
    'targetPortal! iqn! lun:int32! iscsiInterface fsType readOnly:bool portals:[]string ' +
    'chapAuthDiscovery:bool chapAuthSession:bool secretRef:LocalObjectReference initiatorName',
  KeyToPath: 'key! path! mode:int32',
  LabelSelector: 'matchLabels:map[string]string matchExpressions:[]LabelSelectorRequirement',
  LabelSelectorRequirement: 'key! operator:v1.LabelSelectorOperator! values:[]string',
  Lifecycle: 'postStart:LifecycleHandler preStop:LifecycleHandler',
  LifecycleHandler: 'exec:ExecAction httpGet:HTTPGetAction tcpSocket:TCPSocketAction sleep:SleepAction',
  LinuxContainerUser: 'uid:int64! gid:int64! supplementalGroups:[]int64',
  LoadBalancerIngress: 'ip hostname ipMode ports:[]PortStatus',
  LoadBalancerStatus: 'ingress:[]LoadBalancerIngress',
  LocalObjectReference: 'name',
  ManagedFieldsEntry: 'manager operation apiVersion time:Time fieldsType fieldsV1:FieldsV1 subresource',
  Namespace: 'apiVersion kind metadata:ObjectMeta spec:NamespaceSpec status:NamespaceStatus',
  NamespaceCondition: 'type! status! lastTransitionTime:Time reason message',
  NamespaceSpec: 'finalizers:[]v1.FinalizerName',
  NamespaceStatus: 'phase=Active|Terminating conditions:[]NamespaceCondition',
  NetworkPolicy: 'apiVersion kind metadata:ObjectMeta spec:NetworkPolicySpec',
  NetworkPolicyEgressRule: 'ports:[]NetworkPolicyPort to:[]NetworkPolicyPeer',
  NetworkPolicyIngressRule: 'ports:[]NetworkPolicyPort from:[]NetworkPolicyPeer',
  NetworkPolicyPeer: 'podSelector:LabelSelector namespaceSelector:LabelSelector ipBlock:IPBlock',
  NetworkPolicyPort: 'protocol:v1.Protocol=SCTP|TCP|UDP port:IntOrString endPort:int32',
  NetworkPolicySpec:
    'podSelector:LabelSelector! ingress:[]NetworkPolicyIngressRule egress:[]NetworkPolicyEgressRule ' +
    'policyTypes:[]v1.PolicyType=Egress|Ingress',
  NFSVolumeSource: 'server! path! readOnly:bool',
  Node: 'apiVersion kind metadata:ObjectMeta spec:NodeSpec status:NodeStatus',
  NodeAddress: 'type! address!',
  NodeAffinity:
    'requiredDuringSchedulingIgnoredDuringExecution:NodeSelector ' +
    'preferredDuringSchedulingIgnoredDuringExecution:[]PreferredSchedulingTerm',
  NodeCondition: 'type! status! lastHeartbeatTime:Time lastTransitionTime:Time reason message',
  NodeConfigSource: 'configMap:ConfigMapNodeConfigSource',
  NodeConfigStatus: 'assigned:NodeConfigSource active:NodeConfigSource lastKnownGood:NodeConfigSource error',
  NodeDaemonEndpoints: 'kubeletEndpoint:DaemonEndpoint',
  NodeFeatures: 'supplementalGroupsPolicy:bool',
  NodeRuntimeHandler: 'name features:NodeRuntimeHandlerFeatures',
  NodeRuntimeHandlerFeatures: 'recursiveReadOnlyMounts:bool userNamespaces:bool',
  NodeSelector: 'nodeSelectorTerms:[]NodeSelectorTerm!',
  NodeSelectorRequirement:
    'key! operator:v1.NodeSelectorOperator!=DoesNotExist|Exists|Gt|In|Lt|NotIn values:[]string',
  NodeSelectorTerm: 'matchExpressions:[]NodeSelectorRequirement matchFields:[]NodeSelectorRequirement',
  NodeSpec:
    'podCIDR podCIDRs:[]string providerID unschedulable:bool taints:[]Taint configSource:NodeConfigSource ' +
    'externalID',
  NodeStatus:
    'capacity:v1.ResourceList allocatable:v1.ResourceList phase=Pending|Running|Terminated ' +
    'conditions:[]NodeCondition addresses:[]NodeAddress daemonEndpoints:NodeDaemonEndpoints ' +
    'nodeInfo:NodeSystemInfo images:[]ContainerImage volumesInUse:[]string ' +
    'volumesAttached:[]AttachedVolume config:NodeConfigStatus runtimeHandlers:[]NodeRuntimeHandler ' +
    'features:NodeFeatures',
  NodeSystemInfo:
    'machineID! systemUUID! bootID! kernelVersion! osImage! containerRuntimeVersion! kubeletVersion! ' +
    'kubeProxyVersion! operatingSystem! architecture!',
  ObjectFieldSelector: 'apiVersion fieldPath!',
  ObjectMeta:
    'name generateName namespace selfLink uid resourceVersion generation:int64 creationTimestamp:Time ' +
    'deletionTimestamp:Time deletionGracePeriodSeconds:int64 labels:map[string]string ' +
    'annotations:map[string]string ownerReferences:[]OwnerReference finalizers:[]string ' +
    'managedFields:[]ManagedFieldsEntry',
  ObjectReference: 'kind namespace name uid apiVersion resourceVersion fieldPath',
  OwnerReference: 'apiVersion! kind! name! uid! controller:bool blockOwnerDeletion:bool',
  PersistentVolumeClaimSpec:
    'accessModes:[]v1.PersistentVolumeAccessMode=ReadOnlyMany|ReadWriteMany|ReadWriteOnce|ReadWriteOncePod ' +
    'selector:LabelSelector resources:VolumeResourceRequirements volumeName storageClassName ' +
    'volumeMode:v1.PersistentVolumeMode=Block|Filesystem dataSource:TypedLocalObjectReference ' +
    'dataSourceRef:TypedObjectReference volumeAttributesClassName',
  PersistentVolumeClaimTemplate: 'metadata:ObjectMeta spec:PersistentVolumeClaimSpec!',
  PersistentVolumeClaimVolumeSource: 'claimName! readOnly:bool',
  PhotonPersistentDiskVolumeSource: 'pdID! fsType',
  Pod: 'apiVersion kind metadata:ObjectMeta spec:PodSpec status:PodStatus',
  PodAffinity:
    'requiredDuringSchedulingIgnoredDuringExecution:[]PodAffinityTerm ' +
    'preferredDuringSchedulingIgnoredDuringExecution:[]WeightedPodAffinityTerm',
  PodAffinityTerm:
    'labelSelector:LabelSelector namespaces:[]string topologyKey! namespaceSelector:LabelSelector ' +
    'matchLabelKeys:[]string mismatchLabelKeys:[]string',
  PodAntiAffinity:
    'requiredDuringSchedulingIgnoredDuringExecution:[]PodAffinityTerm ' +
    'preferredDuringSchedulingIgnoredDuringExecution:[]WeightedPodAffinityTerm',
  PodCondition: 'type! status! lastProbeTime:Time lastTransitionTime:Time reason message',
  PodDNSConfig: 'nameservers:[]string searches:[]string options:[]PodDNSConfigOption',
  PodDNSConfigOption: 'name value',
  PodIP: 'ip!',
  PodOS: 'name:v1.OSName!',
  PodReadinessGate: 'conditionType:v1.PodConditionType!',
  PodResourceClaim: 'name! resourceClaimName resourceClaimTemplateName',
  PodResourceClaimStatus: 'name! resourceClaimName',
  PodSchedulingGate: 'name!',
  PodSecurityContext:
    'seLinuxOptions:SELinuxOptions windowsOptions:WindowsSecurityContextOptions runAsUser:int64 ' +
    'runAsGroup:int64 runAsNonRoot:bool supplementalGroups:[]int64 ' +
    'supplementalGroupsPolicy:v1.SupplementalGroupsPolicy=Merge|Strict fsGroup:int64 sysctls:[]Sysctl ' +
    'fsGroupChangePolicy:v1.PodFSGroupChangePolicy=Always|OnRootMismatch seccompProfile:SeccompProfile ' +
    'appArmorProfile:AppArmorProfile seLinuxChangePolicy:v1.PodSELinuxChangePolicy',
  PodSpec:
    'volumes:[]Volume initContainers:[]Container containers:[]Container! ' +
    'ephemeralContainers:[]EphemeralContainer restartPolicy:v1.RestartPolicy=Always|Never|OnFailure ' +
    'terminationGracePeriodSeconds:int64 activeDeadlineSeconds:int64 ' +
    'dnsPolicy:v1.DNSPolicy=ClusterFirst|ClusterFirstWithHostNet|Default|None ' +
    'nodeSelector:map[string]string serviceAccountName serviceAccount automountServiceAccountToken:bool ' +
    'nodeName hostNetwork:bool hostPID:bool hostIPC:bool shareProcessNamespace:bool ' +
    'securityContext:PodSecurityContext imagePullSecrets:[]LocalObjectReference hostname subdomain ' +
    'affinity:Affinity schedulerName tolerations:[]Toleration hostAliases:[]HostAlias priorityClassName ' +
    'priority:int32 dnsConfig:PodDNSConfig readinessGates:[]PodReadinessGate runtimeClassName ' +
    'enableServiceLinks:bool preemptionPolicy:v1.PreemptionPolicy=Never|PreemptLowerPriority ' +
    'overhead:v1.ResourceList topologySpreadConstraints:[]TopologySpreadConstraint setHostnameAsFQDN:bool ' +
    'os:PodOS hostUsers:bool schedulingGates:[]PodSchedulingGate resourceClaims:[]PodResourceClaim ' +
    'resources:ResourceRequirements',
  PodStatus:
    'phase=Failed|Pending|Running|Succeeded|Unknown conditions:[]PodCondition message reason ' +
    'nominatedNodeName hostIP hostIPs:[]HostIP podIP podIPs:[]PodIP startTime:Time ' +
    'initContainerStatuses:[]ContainerStatus containerStatuses:[]ContainerStatus ' +
    'qosClass=BestEffort|Burstable|Guaranteed ephemeralContainerStatuses:[]ContainerStatus resize ' +
    'resourceClaimStatuses:[]PodResourceClaimStatus',
  PodTemplateSpec: 'metadata:ObjectMeta spec:PodSpec',
  PortStatus: 'port:int32! protocol!=SCTP|TCP|UDP error',
  PortworxVolumeSource: 'volumeID! fsType readOnly:bool',
  PreferredSchedulingTerm: 'weight:int32! preference:NodeSelectorTerm!',
  Probe:
    'exec:ExecAction httpGet:HTTPGetAction tcpSocket:TCPSocketAction grpc:GRPCAction ' +
    'initialDelaySeconds:int32 timeoutSeconds:int32 periodSeconds:int32 successThreshold:int32 ' +
    'failureThreshold:int32 terminationGracePeriodSeconds:int64',
  ProjectedVolumeSource: 'sources:[]VolumeProjection defaultMode:int32',
  QuobyteVolumeSource: 'registry! volume! readOnly:bool user group tenant',
  RBDVolumeSource:
    'monitors:[]string! image! fsType pool user keyring secretRef:LocalObjectReference readOnly:bool',
  ReplicaSet: 'apiVersion kind metadata:ObjectMeta spec:ReplicaSetSpec status:ReplicaSetStatus',
  ReplicaSetCondition: 'type! status! lastTransitionTime:Time reason message',
  ReplicaSetSpec: 'replicas:int32 minReadySeconds:int32 selector:LabelSelector! template:PodTemplateSpec',
  ReplicaSetStatus:
    'replicas:int32! fullyLabeledReplicas:int32 readyReplicas:int32 availableReplicas:int32 ' +
    'observedGeneration:int64 conditions:[]ReplicaSetCondition',
  ResourceClaim: 'name! request',
  ResourceFieldSelector: 'containerName resource! divisor:Quantity',
  ResourceHealth: 'resourceID! health',
  ResourceRequirements: 'limits:v1.ResourceList requests:v1.ResourceList claims:[]ResourceClaim',
  ResourceStatus: 'name! resources:[]ResourceHealth',
  RollingUpdateDaemonSet: 'maxUnavailable:IntOrString maxSurge:IntOrString',
  RollingUpdateDeployment: 'maxUnavailable:IntOrString maxSurge:IntOrString',
  ScaleIOVolumeSource:
    'gateway! system! secretRef:LocalObjectReference! sslEnabled:bool protectionDomain storagePool ' +
    'storageMode volumeName fsType readOnly:bool',
  SeccompProfile: 'type:v1.SeccompProfileType!=Localhost|RuntimeDefault|Unconfined localhostProfile',
  Secret:
    'apiVersion kind metadata:ObjectMeta immutable:bool data:map[string][]byte ' +
    'stringData:map[string]string type:v1.SecretType',
  SecretEnvSource: 'name optional:bool',
  SecretKeySelector: 'name key! optional:bool',
  SecretProjection: 'name items:[]KeyToPath optional:bool',
  SecretVolumeSource: 'secretName items:[]KeyToPath defaultMode:int32 optional:bool',
  SecurityContext:
    'capabilities:Capabilities privileged:bool seLinuxOptions:SELinuxOptions ' +
    'windowsOptions:WindowsSecurityContextOptions runAsUser:int64 runAsGroup:int64 runAsNonRoot:bool ' +
    'readOnlyRootFilesystem:bool allowPrivilegeEscalation:bool ' +
    'procMount:v1.ProcMountType=Default|Unmasked seccompProfile:SeccompProfile ' +
    'appArmorProfile:AppArmorProfile',
  SELinuxOptions: 'user role type level',
  Service: 'apiVersion kind metadata:ObjectMeta spec:ServiceSpec status:ServiceStatus',
  ServiceAccount:
    'apiVersion kind metadata:ObjectMeta secrets:[]ObjectReference ' +
    'imagePullSecrets:[]LocalObjectReference automountServiceAccountToken:bool',
  ServiceAccountTokenProjection: 'audience expirationSeconds:int64 path!',
  ServiceBackendPort: 'name number:int32',
  ServicePort:
    'name protocol:v1.Protocol=SCTP|TCP|UDP appProtocol port:int32! targetPort:IntOrString nodePort:int32',
  ServiceSpec:
    'ports:[]ServicePort selector:map[string]string clusterIP clusterIPs:[]string ' +
    'type:v1.ServiceType=ClusterIP|ExternalName|LoadBalancer|NodePort externalIPs:[]string ' +
    'sessionAffinity:v1.ServiceAffinity=ClientIP|None loadBalancerIP loadBalancerSourceRanges:[]string ' +
    'externalName externalTrafficPolicy:v1.ServiceExternalTrafficPolicy=Cluster|Local ' +
    'healthCheckNodePort:int32 publishNotReadyAddresses:bool sessionAffinityConfig:SessionAffinityConfig ' +
    'ipFamilies:[]v1.IPFamily=""|IPv4|IPv6 ' +
    'ipFamilyPolicy:v1.IPFamilyPolicy=PreferDualStack|RequireDualStack|SingleStack ' +
    'allocateLoadBalancerNodePorts:bool loadBalancerClass ' +
    'internalTrafficPolicy:v1.ServiceInternalTrafficPolicy=Cluster|Local trafficDistribution',
  ServiceStatus: 'loadBalancer:LoadBalancerStatus conditions:[]Condition',
  SessionAffinityConfig: 'clientIP:ClientIPConfig',
  SleepAction: 'seconds:int64!',
  StorageOSVolumeSource: 'volumeName volumeNamespace fsType readOnly:bool secretRef:LocalObjectReference',
  Sysctl: 'name! value!',
  Taint: 'key! value effect:v1.TaintEffect!=NoExecute|NoSchedule|PreferNoSchedule timeAdded:Time',
  TCPSocketAction: 'port:IntOrString! host',
  Toleration:
    'key operator:v1.TolerationOperator=Equal|Exists value ' +
    'effect:v1.TaintEffect=NoExecute|NoSchedule|PreferNoSchedule tolerationSeconds:int64',
  TopologySpreadConstraint:
    'maxSkew:int32! topologyKey! ' +
    'whenUnsatisfiable:v1.UnsatisfiableConstraintAction!=DoNotSchedule|ScheduleAnyway ' +
    'labelSelector:LabelSelector minDomains:int32 nodeAffinityPolicy:v1.NodeInclusionPolicy=Honor|Ignore ' +
    'nodeTaintsPolicy:v1.NodeInclusionPolicy=Honor|Ignore matchLabelKeys:[]string',
  TypedLocalObjectReference: 'apiGroup kind! name!',
  TypedObjectReference: 'apiGroup kind! name! namespace',
  Volume:
    'name! hostPath:HostPathVolumeSource emptyDir:EmptyDirVolumeSource ' +
    'gcePersistentDisk:GCEPersistentDiskVolumeSource ' +
    'awsElasticBlockStore:AWSElasticBlockStoreVolumeSource gitRepo:GitRepoVolumeSource ' +
    'secret:SecretVolumeSource nfs:NFSVolumeSource iscsi:ISCSIVolumeSource ' +
    'glusterfs:GlusterfsVolumeSource persistentVolumeClaim:PersistentVolumeClaimVolumeSource ' +
    'rbd:RBDVolumeSource flexVolume:FlexVolumeSource cinder:CinderVolumeSource cephfs:CephFSVolumeSource ' +
    'flocker:FlockerVolumeSource downwardAPI:DownwardAPIVolumeSource fc:FCVolumeSource ' +
    'azureFile:AzureFileVolumeSource configMap:ConfigMapVolumeSource ' +
    'vsphereVolume:VsphereVirtualDiskVolumeSource quobyte:QuobyteVolumeSource ' +
    'azureDisk:AzureDiskVolumeSource photonPersistentDisk:PhotonPersistentDiskVolumeSource ' +
    'projected:ProjectedVolumeSource portworxVolume:PortworxVolumeSource scaleIO:ScaleIOVolumeSource ' +
    'storageos:StorageOSVolumeSource csi:CSIVolumeSource ephemeral:EphemeralVolumeSource ' +
    'image:ImageVolumeSource',
  VolumeDevice: 'name! devicePath!',
  VolumeMount:
    'name! readOnly:bool recursiveReadOnly:v1.RecursiveReadOnlyMode mountPath! subPath ' +
    'mountPropagation:v1.MountPropagationMode=Bidirectional|HostToContainer|None subPathExpr',
  VolumeMountStatus: 'name! mountPath! readOnly:bool recursiveReadOnly',
  VolumeProjection:
    'secret:SecretProjection downwardAPI:DownwardAPIProjection configMap:ConfigMapProjection ' +
    'serviceAccountToken:ServiceAccountTokenProjection clusterTrustBundle:ClusterTrustBundleProjection',
  VolumeResourceRequirements: 'limits:v1.ResourceList requests:v1.ResourceList',
  VsphereVirtualDiskVolumeSource: 'volumePath! fsType storagePolicyName storagePolicyID',
  WeightedPodAffinityTerm: 'weight:int32! podAffinityTerm:PodAffinityTerm!',
  WindowsSecurityContextOptions: 'gmsaCredentialSpecName gmsaCredentialSpec runAsUserName hostProcess:bool',
};

/** Kind → the struct of its objects, for the kinds `kubectl explain` describes. */
export const KIND_STRUCTS: Readonly<Record<string, string>> = {
  'ConfigMap': 'ConfigMap',
  'Deployment': 'Deployment',
  'EndpointSlice': 'EndpointSlice',
  'Endpoints': 'Endpoints',
  'Event': 'Event',
  'Ingress': 'Ingress',
  'Namespace': 'Namespace',
  'NetworkPolicy': 'NetworkPolicy',
  'Node': 'Node',
  'Pod': 'Pod',
  'ReplicaSet': 'ReplicaSet',
  'Secret': 'Secret',
  'Service': 'Service',
  'ServiceAccount': 'ServiceAccount',
};

/** Kind → the struct of its objects, for every kind the API server decodes strictly (explain's, and DaemonSet). */
export const DECODED_KIND_STRUCTS: Readonly<Record<string, string>> = { ...KIND_STRUCTS, DaemonSet: 'DaemonSet' };
