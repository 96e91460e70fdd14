/**
 * The field names and Go types of every API struct reachable from the kinds kubesim serves (status
 * types excluded), transcribed as data from k8s.io/api and k8s.io/apimachinery v0.32 `types.go`.
 *
 * Notation, one space-separated token per JSON field:
 *   `name`            a string field
 *   `name:T`          a field of type T: int32, int64, bool, float64, IntOrString, Quantity, Time, any,
 *                     []byte, []T, map[string]T, a struct name below, or `v1.X` — a named string type
 *                     (except `v1.ResourceList`, a map of quantities)
 *   `...Struct`       Struct's fields inlined (Go embedding with `json:",inline"`)
 */

/** Struct name → field list. discovery.k8s.io structs that clash with core names carry a `discovery.` prefix. */
export const STRUCTS: Readonly<Record<string, string>> = {
  AWSElasticBlockStoreVolumeSource: 'volumeID fsType partition:int32 readOnly:bool',
  Affinity: 'nodeAffinity:NodeAffinity podAffinity:PodAffinity podAntiAffinity:PodAntiAffinity',
  AppArmorProfile: 'type:v1.AppArmorProfileType localhostProfile',
  AzureDiskVolumeSource:
    'diskName diskURI cachingMode:v1.AzureDataDiskCachingMode fsType readOnly:bool ' +
    'kind:v1.AzureDataDiskKind',
  AzureFileVolumeSource: 'secretName shareName readOnly:bool',
  CSIVolumeSource:
    'driver readOnly:bool fsType volumeAttributes:map[string]string ' +
    'nodePublishSecretRef:LocalObjectReference',
  Capabilities: 'add:[]v1.Capability drop:[]v1.Capability',
  CephFSVolumeSource: 'monitors:[]string path user secretFile secretRef:LocalObjectReference readOnly:bool',
  CinderVolumeSource: 'volumeID fsType readOnly:bool secretRef:LocalObjectReference',
  ClientIPConfig: 'timeoutSeconds:int32',
  ClusterTrustBundleProjection: 'name signerName labelSelector:LabelSelector optional:bool path',
  ConfigMapEnvSource: '...LocalObjectReference optional:bool',
  ConfigMapKeySelector: '...LocalObjectReference key optional:bool',
  ConfigMapNodeConfigSource: 'namespace name uid resourceVersion kubeletConfigKey',
  ConfigMapProjection: '...LocalObjectReference items:[]KeyToPath optional:bool',
  ConfigMapVolumeSource: '...LocalObjectReference items:[]KeyToPath defaultMode:int32 optional:bool',
  Container:
    'name image command:[]string args:[]string workingDir ports:[]ContainerPort ' +
    'envFrom:[]EnvFromSource env:[]EnvVar resources:ResourceRequirements ' +
    'resizePolicy:[]ContainerResizePolicy restartPolicy:v1.ContainerRestartPolicy ' +
    'volumeMounts:[]VolumeMount volumeDevices:[]VolumeDevice livenessProbe:Probe readinessProbe:Probe ' +
    'startupProbe:Probe lifecycle:Lifecycle terminationMessagePath ' +
    'terminationMessagePolicy:v1.TerminationMessagePolicy imagePullPolicy:v1.PullPolicy ' +
    'securityContext:SecurityContext stdin:bool stdinOnce:bool tty:bool',
  ContainerPort: 'name hostPort:int32 containerPort:int32 protocol:v1.Protocol hostIP',
  ContainerResizePolicy: 'resourceName:v1.ResourceName restartPolicy:v1.ResourceResizeRestartPolicy',
  DaemonSetSpec:
    'selector:LabelSelector template:PodTemplateSpec updateStrategy:DaemonSetUpdateStrategy ' +
    'minReadySeconds:int32 revisionHistoryLimit:int32',
  DaemonSetUpdateStrategy: 'type:v1.DaemonSetUpdateStrategyType rollingUpdate:RollingUpdateDaemonSet',
  DeploymentSpec:
    'replicas:int32 selector:LabelSelector template:PodTemplateSpec strategy:DeploymentStrategy ' +
    'minReadySeconds:int32 revisionHistoryLimit:int32 paused:bool progressDeadlineSeconds:int32',
  DeploymentStrategy: 'type:v1.DeploymentStrategyType rollingUpdate:RollingUpdateDeployment',
  DownwardAPIProjection: 'items:[]DownwardAPIVolumeFile',
  DownwardAPIVolumeFile: 'path fieldRef:ObjectFieldSelector resourceFieldRef:ResourceFieldSelector mode:int32',
  DownwardAPIVolumeSource: 'items:[]DownwardAPIVolumeFile defaultMode:int32',
  EmptyDirVolumeSource: 'medium:v1.StorageMedium sizeLimit:Quantity',
  EndpointAddress: 'ip hostname nodeName targetRef:ObjectReference',
  EndpointConditions: 'ready:bool serving:bool terminating:bool',
  EndpointHints: 'forZones:[]ForZone',
  EndpointPort: 'name port:int32 protocol:v1.Protocol appProtocol',
  EndpointSubset: 'addresses:[]EndpointAddress notReadyAddresses:[]EndpointAddress ports:[]EndpointPort',
  EnvFromSource: 'prefix configMapRef:ConfigMapEnvSource secretRef:SecretEnvSource',
  EnvVar: 'name value valueFrom:EnvVarSource',
  EnvVarSource:
    'fieldRef:ObjectFieldSelector resourceFieldRef:ResourceFieldSelector ' +
    'configMapKeyRef:ConfigMapKeySelector secretKeyRef:SecretKeySelector',
  EphemeralContainer: '...EphemeralContainerCommon targetContainerName',
  EphemeralContainerCommon:
    'name image command:[]string args:[]string workingDir ports:[]ContainerPort ' +
    'envFrom:[]EnvFromSource env:[]EnvVar resources:ResourceRequirements ' +
    'resizePolicy:[]ContainerResizePolicy restartPolicy:v1.ContainerRestartPolicy ' +
    'volumeMounts:[]VolumeMount volumeDevices:[]VolumeDevice livenessProbe:Probe readinessProbe:Probe ' +
    'startupProbe:Probe lifecycle:Lifecycle terminationMessagePath ' +
    'terminationMessagePolicy:v1.TerminationMessagePolicy imagePullPolicy:v1.PullPolicy ' +
    'securityContext:SecurityContext stdin:bool stdinOnce:bool tty:bool',
  EphemeralVolumeSource: 'volumeClaimTemplate:PersistentVolumeClaimTemplate',
  EventSeries: 'count:int32 lastObservedTime:Time',
  EventSource: 'component host',
  ExecAction: 'command:[]string',
  FCVolumeSource: 'targetWWNs:[]string lun:int32 fsType readOnly:bool wwids:[]string',
  FlexVolumeSource: 'driver fsType secretRef:LocalObjectReference readOnly:bool options:map[string]string',
  FlockerVolumeSource: 'datasetName datasetUUID',
  ForZone: 'name',
  GCEPersistentDiskVolumeSource: 'pdName fsType partition:int32 readOnly:bool',
  GRPCAction: 'port:int32 service',
  GitRepoVolumeSource: 'repository revision directory',
  GlusterfsVolumeSource: 'endpoints path readOnly:bool',
  HTTPGetAction: 'path port:IntOrString host scheme:v1.URIScheme httpHeaders:[]HTTPHeader',
  HTTPHeader: 'name value',
  HTTPIngressPath: 'path pathType:v1.PathType backend:IngressBackend',
  HTTPIngressRuleValue: 'paths:[]HTTPIngressPath',
  HostAlias: 'ip hostnames:[]string',
  HostPathVolumeSource: 'path type:v1.HostPathType',
  IPBlock: 'cidr except:[]string',
  ISCSIVolumeSource:
    'targetPortal iqn lun:int32 iscsiInterface fsType readOnly:bool portals:[]string ' +
    'chapAuthDiscovery:bool chapAuthSession:bool secretRef:LocalObjectReference initiatorName',
  ImageVolumeSource: 'reference pullPolicy:v1.PullPolicy',
  IngressBackend: 'service:IngressServiceBackend resource:TypedLocalObjectReference',
  IngressRule: 'host ...IngressRuleValue',
  IngressRuleValue: 'http:HTTPIngressRuleValue',
  IngressServiceBackend: 'name port:ServiceBackendPort',
  IngressSpec: 'ingressClassName defaultBackend:IngressBackend tls:[]IngressTLS rules:[]IngressRule',
  IngressTLS: 'hosts:[]string secretName',
  KeyToPath: 'key path mode:int32',
  LabelSelector: 'matchLabels:map[string]string matchExpressions:[]LabelSelectorRequirement',
  LabelSelectorRequirement: 'key operator:v1.LabelSelectorOperator values:[]string',
  Lifecycle: 'postStart:LifecycleHandler preStop:LifecycleHandler',
  LifecycleHandler: 'exec:ExecAction httpGet:HTTPGetAction tcpSocket:TCPSocketAction sleep:SleepAction',
  LocalObjectReference: 'name',
  ManagedFieldsEntry: 'manager operation apiVersion time:Time fieldsType fieldsV1:any subresource',
  NFSVolumeSource: 'server path readOnly:bool',
  NamespaceSpec: 'finalizers:[]v1.FinalizerName',
  NetworkPolicyEgressRule: 'ports:[]NetworkPolicyPort to:[]NetworkPolicyPeer',
  NetworkPolicyIngressRule: 'ports:[]NetworkPolicyPort from:[]NetworkPolicyPeer',
  NetworkPolicyPeer: 'podSelector:LabelSelector namespaceSelector:LabelSelector ipBlock:IPBlock',
  NetworkPolicyPort: 'protocol:v1.Protocol port:IntOrString endPort:int32',
  NetworkPolicySpec:
    'podSelector:LabelSelector ingress:[]NetworkPolicyIngressRule egress:[]NetworkPolicyEgressRule ' +
    'policyTypes:[]v1.PolicyType',
  NodeAffinity:
    'requiredDuringSchedulingIgnoredDuringExecution:NodeSelector ' +
    'preferredDuringSchedulingIgnoredDuringExecution:[]PreferredSchedulingTerm',
  NodeConfigSource: 'configMap:ConfigMapNodeConfigSource',
  NodeSelector: 'nodeSelectorTerms:[]NodeSelectorTerm',
  NodeSelectorRequirement: 'key operator:v1.NodeSelectorOperator values:[]string',
  NodeSelectorTerm: 'matchExpressions:[]NodeSelectorRequirement matchFields:[]NodeSelectorRequirement',
  NodeSpec:
    'podCIDR podCIDRs:[]string providerID unschedulable:bool taints:[]Taint ' +
    'configSource:NodeConfigSource externalID',
  ObjectFieldSelector: 'apiVersion fieldPath',
  ObjectMeta:
    'name generateName namespace selfLink uid resourceVersion generation:int64 creationTimestamp:Time ' +
    'deletionTimestamp:Time deletionGracePeriodSeconds:int64 labels:map[string]string ' +
    'annotations:map[string]string ownerReferences:[]OwnerReference finalizers:[]string ' +
    'managedFields:[]ManagedFieldsEntry',
  ObjectReference: 'kind namespace name uid apiVersion resourceVersion fieldPath',
  OwnerReference: 'apiVersion kind name uid controller:bool blockOwnerDeletion:bool',
  PersistentVolumeClaimSpec:
    'accessModes:[]v1.PersistentVolumeAccessMode selector:LabelSelector ' +
    'resources:VolumeResourceRequirements volumeName storageClassName ' +
    'volumeMode:v1.PersistentVolumeMode dataSource:TypedLocalObjectReference ' +
    'dataSourceRef:TypedObjectReference volumeAttributesClassName',
  PersistentVolumeClaimTemplate: 'metadata:ObjectMeta spec:PersistentVolumeClaimSpec',
  PersistentVolumeClaimVolumeSource: 'claimName readOnly:bool',
  PhotonPersistentDiskVolumeSource: 'pdID fsType',
  PodAffinity:
    'requiredDuringSchedulingIgnoredDuringExecution:[]PodAffinityTerm ' +
    'preferredDuringSchedulingIgnoredDuringExecution:[]WeightedPodAffinityTerm',
  PodAffinityTerm:
    'labelSelector:LabelSelector namespaces:[]string topologyKey namespaceSelector:LabelSelector ' +
    'matchLabelKeys:[]string mismatchLabelKeys:[]string',
  PodAntiAffinity:
    'requiredDuringSchedulingIgnoredDuringExecution:[]PodAffinityTerm ' +
    'preferredDuringSchedulingIgnoredDuringExecution:[]WeightedPodAffinityTerm',
  PodDNSConfig: 'nameservers:[]string searches:[]string options:[]PodDNSConfigOption',
  PodDNSConfigOption: 'name value',
  PodOS: 'name:v1.OSName',
  PodReadinessGate: 'conditionType:v1.PodConditionType',
  PodResourceClaim: 'name resourceClaimName resourceClaimTemplateName',
  PodSchedulingGate: 'name',
  PodSecurityContext:
    'seLinuxOptions:SELinuxOptions windowsOptions:WindowsSecurityContextOptions runAsUser:int64 ' +
    'runAsGroup:int64 runAsNonRoot:bool supplementalGroups:[]int64 ' +
    'supplementalGroupsPolicy:v1.SupplementalGroupsPolicy fsGroup:int64 sysctls:[]Sysctl ' +
    'fsGroupChangePolicy:v1.PodFSGroupChangePolicy seccompProfile:SeccompProfile ' +
    'appArmorProfile:AppArmorProfile seLinuxChangePolicy:v1.PodSELinuxChangePolicy',
  PodSpec:
    'volumes:[]Volume initContainers:[]Container containers:[]Container ' +
    'ephemeralContainers:[]EphemeralContainer restartPolicy:v1.RestartPolicy ' +
    'terminationGracePeriodSeconds:int64 activeDeadlineSeconds:int64 dnsPolicy:v1.DNSPolicy ' +
    'nodeSelector:map[string]string serviceAccountName serviceAccount ' +
    'automountServiceAccountToken:bool nodeName hostNetwork:bool hostPID:bool hostIPC:bool ' +
    'shareProcessNamespace:bool securityContext:PodSecurityContext ' +
    'imagePullSecrets:[]LocalObjectReference hostname subdomain affinity:Affinity schedulerName ' +
    'tolerations:[]Toleration hostAliases:[]HostAlias priorityClassName priority:int32 ' +
    'dnsConfig:PodDNSConfig readinessGates:[]PodReadinessGate runtimeClassName ' +
    'enableServiceLinks:bool preemptionPolicy:v1.PreemptionPolicy overhead:v1.ResourceList ' +
    'topologySpreadConstraints:[]TopologySpreadConstraint setHostnameAsFQDN:bool os:PodOS ' +
    'hostUsers:bool schedulingGates:[]PodSchedulingGate resourceClaims:[]PodResourceClaim ' +
    'resources:ResourceRequirements',
  PodTemplateSpec: 'metadata:ObjectMeta spec:PodSpec',
  PortworxVolumeSource: 'volumeID fsType readOnly:bool',
  PreferredSchedulingTerm: 'weight:int32 preference:NodeSelectorTerm',
  Probe:
    '...ProbeHandler initialDelaySeconds:int32 timeoutSeconds:int32 periodSeconds:int32 ' +
    'successThreshold:int32 failureThreshold:int32 terminationGracePeriodSeconds:int64',
  ProbeHandler: 'exec:ExecAction httpGet:HTTPGetAction tcpSocket:TCPSocketAction grpc:GRPCAction',
  ProjectedVolumeSource: 'sources:[]VolumeProjection defaultMode:int32',
  QuobyteVolumeSource: 'registry volume readOnly:bool user group tenant',
  RBDVolumeSource: 'monitors:[]string image fsType pool user keyring secretRef:LocalObjectReference readOnly:bool',
  ReplicaSetSpec: 'replicas:int32 minReadySeconds:int32 selector:LabelSelector template:PodTemplateSpec',
  ResourceClaim: 'name request',
  ResourceFieldSelector: 'containerName resource divisor:Quantity',
  ResourceRequirements: 'limits:v1.ResourceList requests:v1.ResourceList claims:[]ResourceClaim',
  RollingUpdateDaemonSet: 'maxUnavailable:IntOrString maxSurge:IntOrString',
  RollingUpdateDeployment: 'maxUnavailable:IntOrString maxSurge:IntOrString',
  SELinuxOptions: 'user role type level',
  ScaleIOVolumeSource:
    'gateway system secretRef:LocalObjectReference sslEnabled:bool protectionDomain storagePool ' +
    'storageMode volumeName fsType readOnly:bool',
  SeccompProfile: 'type:v1.SeccompProfileType localhostProfile',
  SecretEnvSource: '...LocalObjectReference optional:bool',
  SecretKeySelector: '...LocalObjectReference key optional:bool',
  SecretProjection: '...LocalObjectReference items:[]KeyToPath optional:bool',
  SecretVolumeSource: 'secretName items:[]KeyToPath defaultMode:int32 optional:bool',
  SecurityContext:
    'capabilities:Capabilities privileged:bool seLinuxOptions:SELinuxOptions ' +
    'windowsOptions:WindowsSecurityContextOptions runAsUser:int64 runAsGroup:int64 runAsNonRoot:bool ' +
    'readOnlyRootFilesystem:bool allowPrivilegeEscalation:bool procMount:v1.ProcMountType ' +
    'seccompProfile:SeccompProfile appArmorProfile:AppArmorProfile',
  ServiceAccountTokenProjection: 'audience expirationSeconds:int64 path',
  ServiceBackendPort: 'name number:int32',
  ServicePort: 'name protocol:v1.Protocol appProtocol port:int32 targetPort:IntOrString nodePort:int32',
  ServiceSpec:
    'ports:[]ServicePort selector:map[string]string clusterIP clusterIPs:[]string type:v1.ServiceType ' +
    'externalIPs:[]string sessionAffinity:v1.ServiceAffinity loadBalancerIP ' +
    'loadBalancerSourceRanges:[]string externalName ' +
    'externalTrafficPolicy:v1.ServiceExternalTrafficPolicy healthCheckNodePort:int32 ' +
    'publishNotReadyAddresses:bool sessionAffinityConfig:SessionAffinityConfig ' +
    'ipFamilies:[]v1.IPFamily ipFamilyPolicy:v1.IPFamilyPolicy allocateLoadBalancerNodePorts:bool ' +
    'loadBalancerClass internalTrafficPolicy:v1.ServiceInternalTrafficPolicy trafficDistribution',
  SessionAffinityConfig: 'clientIP:ClientIPConfig',
  SleepAction: 'seconds:int64',
  StorageOSVolumeSource: 'volumeName volumeNamespace fsType readOnly:bool secretRef:LocalObjectReference',
  Sysctl: 'name value',
  TCPSocketAction: 'port:IntOrString host',
  Taint: 'key value effect:v1.TaintEffect timeAdded:Time',
  Toleration: 'key operator:v1.TolerationOperator value effect:v1.TaintEffect tolerationSeconds:int64',
  TopologySpreadConstraint:
    'maxSkew:int32 topologyKey whenUnsatisfiable:v1.UnsatisfiableConstraintAction ' +
    'labelSelector:LabelSelector minDomains:int32 nodeAffinityPolicy:v1.NodeInclusionPolicy ' +
    'nodeTaintsPolicy:v1.NodeInclusionPolicy matchLabelKeys:[]string',
  TypedLocalObjectReference: 'apiGroup kind name',
  TypedObjectReference: 'apiGroup kind name namespace',
  Volume: 'name ...VolumeSource',
  VolumeDevice: 'name devicePath',
  VolumeMount:
    'name readOnly:bool recursiveReadOnly:v1.RecursiveReadOnlyMode mountPath subPath ' +
    'mountPropagation:v1.MountPropagationMode subPathExpr',
  VolumeProjection:
    'secret:SecretProjection downwardAPI:DownwardAPIProjection configMap:ConfigMapProjection ' +
    'serviceAccountToken:ServiceAccountTokenProjection ' +
    'clusterTrustBundle:ClusterTrustBundleProjection',
  VolumeResourceRequirements: 'limits:v1.ResourceList requests:v1.ResourceList',
  VolumeSource:
    'hostPath:HostPathVolumeSource emptyDir:EmptyDirVolumeSource ' +
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
  VsphereVirtualDiskVolumeSource: 'volumePath fsType storagePolicyName storagePolicyID',
  WeightedPodAffinityTerm: 'weight:int32 podAffinityTerm:PodAffinityTerm',
  WindowsSecurityContextOptions: 'gmsaCredentialSpecName gmsaCredentialSpec runAsUserName hostProcess:bool',
  'discovery.Endpoint':
    'addresses:[]string conditions:EndpointConditions hostname targetRef:ObjectReference ' +
    'deprecatedTopology:map[string]string nodeName zone hints:EndpointHints',
  'discovery.EndpointPort': 'name protocol:v1.Protocol port:int32 appProtocol',
};
