/**
 * The shape of every API struct reachable from the kinds kubesim serves (spec and status), as facts
 * transcribed from k8s.io/api and k8s.io/apimachinery v0.32.4 `types.go`: JSON field names in
 * declaration order, their OpenAPI types, whether the generated OpenAPI schema lists them as required
 * (no `omitempty` and no `+optional`), and the values of `+enum` string types.
 *
 * Notation, one space-separated token per field: `name[:type][!][=v1|v2|…]`
 *   type   string when absent; integer, number, boolean, Quantity, IntOrString, Time, MicroTime,
 *          FieldsV1, []T, map[string]T, or a struct name below (discovery.k8s.io's EndpointPort is
 *          `discovery.EndpointPort`; its display name is the part after the dot)
 *   !      required
 *   =…     the enum values (`""` is the empty string)
 */

/** Struct name → its fields (embedded structs already inlined). */
export const STRUCT_FIELDS: Readonly<Record<string, string>> = {
  Affinity: 'nodeAffinity:NodeAffinity podAffinity:PodAffinity podAntiAffinity:PodAntiAffinity',
  AppArmorProfile: 'type!=Localhost|RuntimeDefault|Unconfined localhostProfile',
  AttachedVolume: 'name! devicePath!',
  AWSElasticBlockStoreVolumeSource: 'volumeID! fsType partition:integer readOnly:boolean',
  AzureDiskVolumeSource:
    'diskName! diskURI! cachingMode=None|ReadOnly|ReadWrite fsType readOnly:boolean ' +
    'kind=Dedicated|Managed|Shared',
  AzureFileVolumeSource: 'secretName! shareName! readOnly:boolean',
  Capabilities: 'add:[]string drop:[]string',
  CephFSVolumeSource: 'monitors:[]string! path user secretFile secretRef:LocalObjectReference readOnly:boolean',
  CinderVolumeSource: 'volumeID! fsType readOnly:boolean secretRef:LocalObjectReference',
  ClientIPConfig: 'timeoutSeconds:integer',
  ClusterTrustBundleProjection: 'name signerName labelSelector:LabelSelector optional:boolean path!',
  Condition: 'type! status! observedGeneration:integer lastTransitionTime:Time! reason! message!',
  ConfigMap:
    'apiVersion kind metadata:ObjectMeta immutable:boolean data:map[string]string ' +
    'binaryData:map[string]string',
  ConfigMapEnvSource: 'name optional:boolean',
  ConfigMapKeySelector: 'name key! optional:boolean',
  ConfigMapNodeConfigSource: 'namespace! name! uid resourceVersion kubeletConfigKey!',
  ConfigMapProjection: 'name items:[]KeyToPath optional:boolean',
  ConfigMapVolumeSource: 'name items:[]KeyToPath defaultMode:integer optional:boolean',
  Container:
    'name! image command:[]string args:[]string workingDir ports:[]ContainerPort ' +
    'envFrom:[]EnvFromSource env:[]EnvVar resources:ResourceRequirements ' +
    'resizePolicy:[]ContainerResizePolicy restartPolicy volumeMounts:[]VolumeMount ' +
    'volumeDevices:[]VolumeDevice livenessProbe:Probe readinessProbe:Probe startupProbe:Probe ' +
    'lifecycle:Lifecycle terminationMessagePath terminationMessagePolicy=FallbackToLogsOnError|File ' +
    'imagePullPolicy=Always|IfNotPresent|Never securityContext:SecurityContext stdin:boolean ' +
    'stdinOnce:boolean tty:boolean',
  ContainerImage: 'names:[]string sizeBytes:integer',
  ContainerPort: 'name hostPort:integer containerPort:integer! protocol=SCTP|TCP|UDP hostIP',
  ContainerResizePolicy: 'resourceName! restartPolicy!',
  ContainerState: 'waiting:ContainerStateWaiting running:ContainerStateRunning terminated:ContainerStateTerminated',
  ContainerStateRunning: 'startedAt:Time',
  ContainerStateTerminated: 'exitCode:integer! signal:integer reason message startedAt:Time finishedAt:Time containerID',
  ContainerStateWaiting: 'reason message',
  ContainerStatus:
    'name! state:ContainerState lastState:ContainerState ready:boolean! restartCount:integer! image! ' +
    'imageID! containerID started:boolean allocatedResources:map[string]Quantity ' +
    'resources:ResourceRequirements volumeMounts:[]VolumeMountStatus user:ContainerUser ' +
    'allocatedResourcesStatus:[]ResourceStatus',
  ContainerUser: 'linux:LinuxContainerUser',
  CSIVolumeSource:
    'driver! readOnly:boolean fsType volumeAttributes:map[string]string ' +
    'nodePublishSecretRef:LocalObjectReference',
  DaemonEndpoint: 'Port:integer!',
  Deployment: 'apiVersion kind metadata:ObjectMeta spec:DeploymentSpec status:DeploymentStatus',
  DeploymentCondition: 'type! status! lastUpdateTime:Time lastTransitionTime:Time reason message',
  DeploymentSpec:
    'replicas:integer selector:LabelSelector! template:PodTemplateSpec! strategy:DeploymentStrategy ' +
    'minReadySeconds:integer revisionHistoryLimit:integer paused:boolean ' +
    'progressDeadlineSeconds:integer',
  DeploymentStatus:
    'observedGeneration:integer replicas:integer updatedReplicas:integer readyReplicas:integer ' +
    'availableReplicas:integer unavailableReplicas:integer conditions:[]DeploymentCondition ' +
    'collisionCount:integer',
  DeploymentStrategy: 'type=Recreate|RollingUpdate rollingUpdate:RollingUpdateDeployment',
  'discovery.EndpointPort': 'name protocol=SCTP|TCP|UDP port:integer appProtocol',
  DownwardAPIProjection: 'items:[]DownwardAPIVolumeFile',
  DownwardAPIVolumeFile: 'path! fieldRef:ObjectFieldSelector resourceFieldRef:ResourceFieldSelector mode:integer',
  DownwardAPIVolumeSource: 'items:[]DownwardAPIVolumeFile defaultMode:integer',
  EmptyDirVolumeSource: 'medium sizeLimit:Quantity',
  Endpoint:
    'addresses:[]string! conditions:EndpointConditions hostname targetRef:ObjectReference ' +
    'deprecatedTopology:map[string]string nodeName zone hints:EndpointHints',
  EndpointAddress: 'ip! hostname nodeName targetRef:ObjectReference',
  EndpointConditions: 'ready:boolean serving:boolean terminating:boolean',
  EndpointHints: 'forZones:[]ForZone',
  EndpointPort: 'name port:integer! protocol=SCTP|TCP|UDP appProtocol',
  Endpoints: 'apiVersion kind metadata:ObjectMeta subsets:[]EndpointSubset',
  EndpointSlice:
    'apiVersion kind metadata:ObjectMeta addressType!=FQDN|IPv4|IPv6 endpoints:[]Endpoint! ' +
    'ports:[]discovery.EndpointPort',
  EndpointSubset: 'addresses:[]EndpointAddress notReadyAddresses:[]EndpointAddress ports:[]EndpointPort',
  EnvFromSource: 'prefix configMapRef:ConfigMapEnvSource secretRef:SecretEnvSource',
  EnvVar: 'name! value valueFrom:EnvVarSource',
  EnvVarSource:
    'fieldRef:ObjectFieldSelector resourceFieldRef:ResourceFieldSelector ' +
    'configMapKeyRef:ConfigMapKeySelector secretKeyRef:SecretKeySelector',
  EphemeralContainer:
    'name! image command:[]string args:[]string workingDir ports:[]ContainerPort ' +
    'envFrom:[]EnvFromSource env:[]EnvVar resources:ResourceRequirements ' +
    'resizePolicy:[]ContainerResizePolicy restartPolicy volumeMounts:[]VolumeMount ' +
    'volumeDevices:[]VolumeDevice livenessProbe:Probe readinessProbe:Probe startupProbe:Probe ' +
    'lifecycle:Lifecycle terminationMessagePath terminationMessagePolicy=FallbackToLogsOnError|File ' +
    'imagePullPolicy=Always|IfNotPresent|Never securityContext:SecurityContext stdin:boolean ' +
    'stdinOnce:boolean tty:boolean targetContainerName',
  EphemeralVolumeSource: 'volumeClaimTemplate:PersistentVolumeClaimTemplate',
  Event:
    'apiVersion kind metadata:ObjectMeta! involvedObject:ObjectReference! reason message ' +
    'source:EventSource firstTimestamp:Time lastTimestamp:Time count:integer type eventTime:MicroTime ' +
    'series:EventSeries action related:ObjectReference reportingComponent reportingInstance',
  EventSeries: 'count:integer lastObservedTime:MicroTime',
  EventSource: 'component host',
  ExecAction: 'command:[]string',
  FCVolumeSource: 'targetWWNs:[]string lun:integer fsType readOnly:boolean wwids:[]string',
  FlexVolumeSource: 'driver! fsType secretRef:LocalObjectReference readOnly:boolean options:map[string]string',
  FlockerVolumeSource: 'datasetName datasetUUID',
  ForZone: 'name!',
  GCEPersistentDiskVolumeSource: 'pdName! fsType partition:integer readOnly:boolean',
  GitRepoVolumeSource: 'repository! revision directory',
  GlusterfsVolumeSource: 'endpoints! path! readOnly:boolean',
  GRPCAction: 'port:integer! service',
  HostAlias: 'ip! hostnames:[]string',
  HostIP: 'ip!',
  HostPathVolumeSource: 'path! type=""|BlockDevice|CharDevice|Directory|DirectoryOrCreate|File|FileOrCreate|Socket',
  HTTPGetAction: 'path port:IntOrString! host scheme=HTTP|HTTPS httpHeaders:[]HTTPHeader',
  HTTPHeader: 'name! value!',
  HTTPIngressPath: 'path pathType!=Exact|ImplementationSpecific|Prefix backend:IngressBackend!',
  HTTPIngressRuleValue: 'paths:[]HTTPIngressPath!',
  ImageVolumeSource: 'reference pullPolicy=Always|IfNotPresent|Never',
  Ingress: 'apiVersion kind metadata:ObjectMeta spec:IngressSpec status:IngressStatus',
  IngressBackend: 'service:IngressServiceBackend resource:TypedLocalObjectReference',
  IngressLoadBalancerIngress: 'ip hostname ports:[]IngressPortStatus',
  IngressLoadBalancerStatus: 'ingress:[]IngressLoadBalancerIngress',
  IngressPortStatus: 'port:integer! protocol!=SCTP|TCP|UDP error',
  IngressRule: 'host http:HTTPIngressRuleValue',
  IngressServiceBackend: 'name! port:ServiceBackendPort',
  IngressSpec: 'ingressClassName defaultBackend:IngressBackend tls:[]IngressTLS rules:[]IngressRule',
  IngressStatus: 'loadBalancer:IngressLoadBalancerStatus',
  IngressTLS: 'hosts:[]string secretName',
  IPBlock: 'cidr! except:[]string',
  ISCSIVolumeSource:
    'targetPortal! iqn! lun:integer! iscsiInterface fsType readOnly:boolean portals:[]string ' +
    'chapAuthDiscovery:boolean chapAuthSession:boolean secretRef:LocalObjectReference initiatorName',
  KeyToPath: 'key! path! mode:integer',
  LabelSelector: 'matchLabels:map[string]string matchExpressions:[]LabelSelectorRequirement',
  LabelSelectorRequirement: 'key! operator! values:[]string',
  Lifecycle: 'postStart:LifecycleHandler preStop:LifecycleHandler',
  LifecycleHandler: 'exec:ExecAction httpGet:HTTPGetAction tcpSocket:TCPSocketAction sleep:SleepAction',
  LinuxContainerUser: 'uid:integer! gid:integer! supplementalGroups:[]integer',
  LoadBalancerIngress: 'ip hostname ipMode ports:[]PortStatus',
  LoadBalancerStatus: 'ingress:[]LoadBalancerIngress',
  LocalObjectReference: 'name',
  ManagedFieldsEntry: 'manager operation apiVersion time:Time fieldsType fieldsV1:FieldsV1 subresource',
  Namespace: 'apiVersion kind metadata:ObjectMeta spec:NamespaceSpec status:NamespaceStatus',
  NamespaceCondition: 'type! status! lastTransitionTime:Time reason message',
  NamespaceSpec: 'finalizers:[]string',
  NamespaceStatus: 'phase=Active|Terminating conditions:[]NamespaceCondition',
  NetworkPolicy: 'apiVersion kind metadata:ObjectMeta spec:NetworkPolicySpec',
  NetworkPolicyEgressRule: 'ports:[]NetworkPolicyPort to:[]NetworkPolicyPeer',
  NetworkPolicyIngressRule: 'ports:[]NetworkPolicyPort from:[]NetworkPolicyPeer',
  NetworkPolicyPeer: 'podSelector:LabelSelector namespaceSelector:LabelSelector ipBlock:IPBlock',
  NetworkPolicyPort: 'protocol=SCTP|TCP|UDP port:IntOrString endPort:integer',
  NetworkPolicySpec:
    'podSelector:LabelSelector! ingress:[]NetworkPolicyIngressRule egress:[]NetworkPolicyEgressRule ' +
    'policyTypes:[]string=Egress|Ingress',
  NFSVolumeSource: 'server! path! readOnly:boolean',
  Node: 'apiVersion kind metadata:ObjectMeta spec:NodeSpec status:NodeStatus',
  NodeAddress: 'type! address!',
  NodeAffinity:
    'requiredDuringSchedulingIgnoredDuringExecution:NodeSelector ' +
    'preferredDuringSchedulingIgnoredDuringExecution:[]PreferredSchedulingTerm',
  NodeCondition: 'type! status! lastHeartbeatTime:Time lastTransitionTime:Time reason message',
  NodeConfigSource: 'configMap:ConfigMapNodeConfigSource',
  NodeConfigStatus: 'assigned:NodeConfigSource active:NodeConfigSource lastKnownGood:NodeConfigSource error',
  NodeDaemonEndpoints: 'kubeletEndpoint:DaemonEndpoint',
  NodeFeatures: 'supplementalGroupsPolicy:boolean',
  NodeRuntimeHandler: 'name features:NodeRuntimeHandlerFeatures',
  NodeRuntimeHandlerFeatures: 'recursiveReadOnlyMounts:boolean userNamespaces:boolean',
  NodeSelector: 'nodeSelectorTerms:[]NodeSelectorTerm!',
  NodeSelectorRequirement: 'key! operator!=DoesNotExist|Exists|Gt|In|Lt|NotIn values:[]string',
  NodeSelectorTerm: 'matchExpressions:[]NodeSelectorRequirement matchFields:[]NodeSelectorRequirement',
  NodeSpec:
    'podCIDR podCIDRs:[]string providerID unschedulable:boolean taints:[]Taint ' +
    'configSource:NodeConfigSource externalID',
  NodeStatus:
    'capacity:map[string]Quantity allocatable:map[string]Quantity phase=Pending|Running|Terminated ' +
    'conditions:[]NodeCondition addresses:[]NodeAddress daemonEndpoints:NodeDaemonEndpoints ' +
    'nodeInfo:NodeSystemInfo images:[]ContainerImage volumesInUse:[]string ' +
    'volumesAttached:[]AttachedVolume config:NodeConfigStatus runtimeHandlers:[]NodeRuntimeHandler ' +
    'features:NodeFeatures',
  NodeSystemInfo:
    'machineID! systemUUID! bootID! kernelVersion! osImage! containerRuntimeVersion! kubeletVersion! ' +
    'kubeProxyVersion! operatingSystem! architecture!',
  ObjectFieldSelector: 'apiVersion fieldPath!',
  ObjectMeta:
    'name generateName namespace selfLink uid resourceVersion generation:integer ' +
    'creationTimestamp:Time deletionTimestamp:Time deletionGracePeriodSeconds:integer ' +
    'labels:map[string]string annotations:map[string]string ownerReferences:[]OwnerReference ' +
    'finalizers:[]string managedFields:[]ManagedFieldsEntry',
  ObjectReference: 'kind namespace name uid apiVersion resourceVersion fieldPath',
  OwnerReference: 'apiVersion! kind! name! uid! controller:boolean blockOwnerDeletion:boolean',
  PersistentVolumeClaimSpec:
    'accessModes:[]string=ReadOnlyMany|ReadWriteMany|ReadWriteOnce|ReadWriteOncePod ' +
    'selector:LabelSelector resources:VolumeResourceRequirements volumeName storageClassName ' +
    'volumeMode=Block|Filesystem dataSource:TypedLocalObjectReference ' +
    'dataSourceRef:TypedObjectReference volumeAttributesClassName',
  PersistentVolumeClaimTemplate: 'metadata:ObjectMeta spec:PersistentVolumeClaimSpec!',
  PersistentVolumeClaimVolumeSource: 'claimName! readOnly:boolean',
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
  PodOS: 'name!',
  PodReadinessGate: 'conditionType!',
  PodResourceClaim: 'name! resourceClaimName resourceClaimTemplateName',
  PodResourceClaimStatus: 'name! resourceClaimName',
  PodSchedulingGate: 'name!',
  PodSecurityContext:
    'seLinuxOptions:SELinuxOptions windowsOptions:WindowsSecurityContextOptions runAsUser:integer ' +
    'runAsGroup:integer runAsNonRoot:boolean supplementalGroups:[]integer ' +
    'supplementalGroupsPolicy=Merge|Strict fsGroup:integer sysctls:[]Sysctl ' +
    'fsGroupChangePolicy=Always|OnRootMismatch seccompProfile:SeccompProfile ' +
    'appArmorProfile:AppArmorProfile seLinuxChangePolicy',
  PodSpec:
    'volumes:[]Volume initContainers:[]Container containers:[]Container! ' +
    'ephemeralContainers:[]EphemeralContainer restartPolicy=Always|Never|OnFailure ' +
    'terminationGracePeriodSeconds:integer activeDeadlineSeconds:integer ' +
    'dnsPolicy=ClusterFirst|ClusterFirstWithHostNet|Default|None nodeSelector:map[string]string ' +
    'serviceAccountName serviceAccount automountServiceAccountToken:boolean nodeName ' +
    'hostNetwork:boolean hostPID:boolean hostIPC:boolean shareProcessNamespace:boolean ' +
    'securityContext:PodSecurityContext imagePullSecrets:[]LocalObjectReference hostname subdomain ' +
    'affinity:Affinity schedulerName tolerations:[]Toleration hostAliases:[]HostAlias ' +
    'priorityClassName priority:integer dnsConfig:PodDNSConfig readinessGates:[]PodReadinessGate ' +
    'runtimeClassName enableServiceLinks:boolean preemptionPolicy=Never|PreemptLowerPriority ' +
    'overhead:map[string]Quantity topologySpreadConstraints:[]TopologySpreadConstraint ' +
    'setHostnameAsFQDN:boolean os:PodOS hostUsers:boolean schedulingGates:[]PodSchedulingGate ' +
    'resourceClaims:[]PodResourceClaim resources:ResourceRequirements',
  PodStatus:
    'phase=Failed|Pending|Running|Succeeded|Unknown conditions:[]PodCondition message reason ' +
    'nominatedNodeName hostIP hostIPs:[]HostIP podIP podIPs:[]PodIP startTime:Time ' +
    'initContainerStatuses:[]ContainerStatus containerStatuses:[]ContainerStatus ' +
    'qosClass=BestEffort|Burstable|Guaranteed ephemeralContainerStatuses:[]ContainerStatus resize ' +
    'resourceClaimStatuses:[]PodResourceClaimStatus',
  PodTemplateSpec: 'metadata:ObjectMeta spec:PodSpec',
  PortStatus: 'port:integer! protocol!=SCTP|TCP|UDP error',
  PortworxVolumeSource: 'volumeID! fsType readOnly:boolean',
  PreferredSchedulingTerm: 'weight:integer! preference:NodeSelectorTerm!',
  Probe:
    'exec:ExecAction httpGet:HTTPGetAction tcpSocket:TCPSocketAction grpc:GRPCAction ' +
    'initialDelaySeconds:integer timeoutSeconds:integer periodSeconds:integer ' +
    'successThreshold:integer failureThreshold:integer terminationGracePeriodSeconds:integer',
  ProjectedVolumeSource: 'sources:[]VolumeProjection defaultMode:integer',
  QuobyteVolumeSource: 'registry! volume! readOnly:boolean user group tenant',
  RBDVolumeSource:
    'monitors:[]string! image! fsType pool user keyring secretRef:LocalObjectReference ' +
    'readOnly:boolean',
  ReplicaSet: 'apiVersion kind metadata:ObjectMeta spec:ReplicaSetSpec status:ReplicaSetStatus',
  ReplicaSetCondition: 'type! status! lastTransitionTime:Time reason message',
  ReplicaSetSpec: 'replicas:integer minReadySeconds:integer selector:LabelSelector! template:PodTemplateSpec',
  ReplicaSetStatus:
    'replicas:integer! fullyLabeledReplicas:integer readyReplicas:integer availableReplicas:integer ' +
    'observedGeneration:integer conditions:[]ReplicaSetCondition',
  ResourceClaim: 'name! request',
  ResourceFieldSelector: 'containerName resource! divisor:Quantity',
  ResourceHealth: 'resourceID! health',
  ResourceRequirements: 'limits:map[string]Quantity requests:map[string]Quantity claims:[]ResourceClaim',
  ResourceStatus: 'name! resources:[]ResourceHealth',
  RollingUpdateDeployment: 'maxUnavailable:IntOrString maxSurge:IntOrString',
  ScaleIOVolumeSource:
    'gateway! system! secretRef:LocalObjectReference! sslEnabled:boolean protectionDomain storagePool ' +
    'storageMode volumeName fsType readOnly:boolean',
  SeccompProfile: 'type!=Localhost|RuntimeDefault|Unconfined localhostProfile',
  Secret:
    'apiVersion kind metadata:ObjectMeta immutable:boolean data:map[string]string ' +
    'stringData:map[string]string type',
  SecretEnvSource: 'name optional:boolean',
  SecretKeySelector: 'name key! optional:boolean',
  SecretProjection: 'name items:[]KeyToPath optional:boolean',
  SecretVolumeSource: 'secretName items:[]KeyToPath defaultMode:integer optional:boolean',
  SecurityContext:
    'capabilities:Capabilities privileged:boolean seLinuxOptions:SELinuxOptions ' +
    'windowsOptions:WindowsSecurityContextOptions runAsUser:integer runAsGroup:integer ' +
    'runAsNonRoot:boolean readOnlyRootFilesystem:boolean allowPrivilegeEscalation:boolean ' +
    'procMount=Default|Unmasked seccompProfile:SeccompProfile appArmorProfile:AppArmorProfile',
  SELinuxOptions: 'user role type level',
  Service: 'apiVersion kind metadata:ObjectMeta spec:ServiceSpec status:ServiceStatus',
  ServiceAccount:
    'apiVersion kind metadata:ObjectMeta secrets:[]ObjectReference ' +
    'imagePullSecrets:[]LocalObjectReference automountServiceAccountToken:boolean',
  ServiceAccountTokenProjection: 'audience expirationSeconds:integer path!',
  ServiceBackendPort: 'name number:integer',
  ServicePort: 'name protocol=SCTP|TCP|UDP appProtocol port:integer! targetPort:IntOrString nodePort:integer',
  ServiceSpec:
    'ports:[]ServicePort selector:map[string]string clusterIP clusterIPs:[]string ' +
    'type=ClusterIP|ExternalName|LoadBalancer|NodePort externalIPs:[]string ' +
    'sessionAffinity=ClientIP|None loadBalancerIP loadBalancerSourceRanges:[]string externalName ' +
    'externalTrafficPolicy=Cluster|Local healthCheckNodePort:integer publishNotReadyAddresses:boolean ' +
    'sessionAffinityConfig:SessionAffinityConfig ipFamilies:[]string=""|IPv4|IPv6 ' +
    'ipFamilyPolicy=PreferDualStack|RequireDualStack|SingleStack ' +
    'allocateLoadBalancerNodePorts:boolean loadBalancerClass internalTrafficPolicy=Cluster|Local ' +
    'trafficDistribution',
  ServiceStatus: 'loadBalancer:LoadBalancerStatus conditions:[]Condition',
  SessionAffinityConfig: 'clientIP:ClientIPConfig',
  SleepAction: 'seconds:integer!',
  StorageOSVolumeSource: 'volumeName volumeNamespace fsType readOnly:boolean secretRef:LocalObjectReference',
  Sysctl: 'name! value!',
  Taint: 'key! value effect!=NoExecute|NoSchedule|PreferNoSchedule timeAdded:Time',
  TCPSocketAction: 'port:IntOrString! host',
  Toleration:
    'key operator=Equal|Exists value effect=NoExecute|NoSchedule|PreferNoSchedule ' +
    'tolerationSeconds:integer',
  TopologySpreadConstraint:
    'maxSkew:integer! topologyKey! whenUnsatisfiable!=DoNotSchedule|ScheduleAnyway ' +
    'labelSelector:LabelSelector minDomains:integer nodeAffinityPolicy=Honor|Ignore ' +
    'nodeTaintsPolicy=Honor|Ignore matchLabelKeys:[]string',
  TypedLocalObjectReference: 'apiGroup kind! name!',
  TypedObjectReference: 'apiGroup kind! name! namespace',
  Volume:
    'name! hostPath:HostPathVolumeSource emptyDir:EmptyDirVolumeSource ' +
    'gcePersistentDisk:GCEPersistentDiskVolumeSource ' +
    'awsElasticBlockStore:AWSElasticBlockStoreVolumeSource gitRepo:GitRepoVolumeSource ' +
    'secret:SecretVolumeSource nfs:NFSVolumeSource iscsi:ISCSIVolumeSource ' +
    'glusterfs:GlusterfsVolumeSource persistentVolumeClaim:PersistentVolumeClaimVolumeSource ' +
    'rbd:RBDVolumeSource flexVolume:FlexVolumeSource cinder:CinderVolumeSource ' +
    'cephfs:CephFSVolumeSource flocker:FlockerVolumeSource downwardAPI:DownwardAPIVolumeSource ' +
    'fc:FCVolumeSource azureFile:AzureFileVolumeSource configMap:ConfigMapVolumeSource ' +
    'vsphereVolume:VsphereVirtualDiskVolumeSource quobyte:QuobyteVolumeSource ' +
    'azureDisk:AzureDiskVolumeSource photonPersistentDisk:PhotonPersistentDiskVolumeSource ' +
    'projected:ProjectedVolumeSource portworxVolume:PortworxVolumeSource scaleIO:ScaleIOVolumeSource ' +
    'storageos:StorageOSVolumeSource csi:CSIVolumeSource ephemeral:EphemeralVolumeSource ' +
    'image:ImageVolumeSource',
  VolumeDevice: 'name! devicePath!',
  VolumeMount:
    'name! readOnly:boolean recursiveReadOnly mountPath! subPath ' +
    'mountPropagation=Bidirectional|HostToContainer|None subPathExpr',
  VolumeMountStatus: 'name! mountPath! readOnly:boolean recursiveReadOnly',
  VolumeProjection:
    'secret:SecretProjection downwardAPI:DownwardAPIProjection configMap:ConfigMapProjection ' +
    'serviceAccountToken:ServiceAccountTokenProjection ' +
    'clusterTrustBundle:ClusterTrustBundleProjection',
  VolumeResourceRequirements: 'limits:map[string]Quantity requests:map[string]Quantity',
  VsphereVirtualDiskVolumeSource: 'volumePath! fsType storagePolicyName storagePolicyID',
  WeightedPodAffinityTerm: 'weight:integer! podAffinityTerm:PodAffinityTerm!',
  WindowsSecurityContextOptions: 'gmsaCredentialSpecName gmsaCredentialSpec runAsUserName hostProcess:boolean',
};

/** Kind → the struct of its objects. */
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
