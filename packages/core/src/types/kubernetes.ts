import type { DeployedImageState } from './deployed-image.js';
import type { ResourceBase } from './resource-base.js';

/**
 * Kubernetes workloads on EKS, normalised from the Kubernetes API's objects (`kubectl get … -o json`
 * shapes: core/v1 Pod, PodTemplateSpec, Namespace, ServiceAccount; apps/v1 Deployment, StatefulSet,
 * DaemonSet; batch/v1 Job, CronJob; rbac.authorization.k8s.io/v1 bindings and roles). As for ECS,
 * an absent optional field is what the API left out (`securityContext: null` included): the checks
 * decide what absence means (the Pod Security Standards do), the normaliser never fills in a default.
 */

/** `seLinuxOptions` of a pod or a container. */
export interface K8sSeLinuxOptions {
  type?: string;
  user?: string;
  role?: string;
  level?: string;
}

/** The fields of a security context that both a pod and a container may set (a container's win). */
export interface K8sSharedSecurityContext {
  runAsNonRoot?: boolean;
  runAsUser?: number;
  runAsGroup?: number;
  /** `seccompProfile.type`: `RuntimeDefault`, `Localhost`, `Unconfined`. */
  seccompProfileType?: string;
  /** `appArmorProfile.type`: `RuntimeDefault`, `Localhost`, `Unconfined`. */
  appArmorProfileType?: string;
  seLinuxOptions?: K8sSeLinuxOptions;
  /** `windowsOptions.hostProcess`. */
  windowsHostProcess?: boolean;
}

/** A container's `securityContext`. */
export interface K8sContainerSecurityContext extends K8sSharedSecurityContext {
  privileged?: boolean;
  allowPrivilegeEscalation?: boolean;
  readOnlyRootFilesystem?: boolean;
  /** `Default` or `Unmasked`. */
  procMount?: string;
  /** `capabilities`, when set: `add` and `drop` as written (no `CAP_` stripping). */
  capabilities?: { add: string[]; drop: string[] };
}

/** A pod's `spec.securityContext`. */
export interface K8sPodSecurityContext extends K8sSharedSecurityContext {
  fsGroup?: number;
  sysctls: { name: string; value?: string }[];
}

/** Which list of the pod spec a container is in. */
export type K8sContainerKind = 'container' | 'initContainer' | 'ephemeralContainer';

/** One entry of `containers`, `initContainers` or `ephemeralContainers`. */
export interface K8sContainer {
  kind: K8sContainerKind;
  name: string;
  /** The image reference as written; absent when the spec has none (a hostile snapshot). */
  image?: string;
  imagePullPolicy?: string;
  /**
   * When `image` is in an ECR repository of this account and region, that repository's
   * `imageTagMutability`, as the reader found it (as EcsContainer's); absent otherwise.
   */
  ecrTagMutability?: string;
  /**
   * The image ids the container runs with in the workload's pods (`status.containerStatuses[].imageID`,
   * `docker-pullable://…@sha256:…` or `…@sha256:…`), as written; empty when no pod was read.
   */
  runningImageIds: string[];
  /** ECR state of each image this container runs (running digests, else the spec's digest or its tag's target). */
  deployedImages: DeployedImageState[];
  /** Absent when the container has none (or `null`). */
  securityContext?: K8sContainerSecurityContext;
  /** `ports[]`: `hostPort` is absent when not set. */
  ports: { containerPort?: number; hostPort?: number; protocol?: string }[];
  /**
   * The `host` fields set in its probes (liveness, readiness, startup: `httpGet`/`tcpSocket`) and
   * lifecycle hooks (`postStart`/`preStop`), as `<where>=<host>` (`livenessProbe.httpGet=10.0.0.1`).
   */
  probeHosts: string[];
  /** Names of the `env[]` variables taken from a Secret (`valueFrom.secretKeyRef`). */
  secretEnv: string[];
  /** `resources.limits` / `resources.requests` as written (`cpu: "500m"`). */
  resources: { limits: Record<string, string>; requests: Record<string, string> };
}

/** One `spec.volumes[]` entry. */
export interface K8sVolume {
  name: string;
  /**
   * The volume source it sets (`hostPath`, `emptyDir`, `configMap`, `persistentVolumeClaim`, …: the
   * key besides `name`); `unknown` when it sets none.
   */
  source: string;
  /** `hostPath.path`, for a hostPath volume. */
  hostPath?: string;
}

/** One `requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[].matchExpressions[]` entry. */
export interface K8sNodeSelectorRequirement {
  key: string;
  /** `In`, `NotIn`, `Exists`, `DoesNotExist`, `Gt`, `Lt`. */
  operator: string;
  values: string[];
}

/** One `tolerations[]` entry. */
export interface K8sToleration {
  key?: string;
  /** `Exists` or `Equal` (the default when absent). */
  operator?: string;
  value?: string;
  /** `NoSchedule`, `PreferNoSchedule`, `NoExecute`; absent matches every effect. */
  effect?: string;
}

/** A pod template (a controller's `spec.template`, a CronJob's `spec.jobTemplate.spec.template`, a bare pod). */
export interface K8sPodTemplate {
  /** `metadata.labels` of the template (the pods'). */
  labels: Record<string, string>;
  /** `metadata.annotations` (AppArmor's legacy `container.apparmor.security.beta.kubernetes.io/*`). */
  annotations: Record<string, string>;
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  /** `hostUsers` (false: a user namespace). */
  hostUsers?: boolean;
  /** `spec.os.name`: `linux` or `windows`. */
  osName?: string;
  serviceAccountName?: string;
  automountServiceAccountToken?: boolean;
  securityContext?: K8sPodSecurityContext;
  /** Every container, init container and ephemeral container, in the spec's order. */
  containers: K8sContainer[];
  volumes: K8sVolume[];
  nodeSelector: Record<string, string>;
  /** The required node affinity: any term (OR) whose every requirement (AND) holds. */
  requiredNodeAffinity: K8sNodeSelectorRequirement[][];
  tolerations: K8sToleration[];
}

/** The controllers Customs assesses, and bare pods (pods without an owner). */
export type K8sWorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob' | 'Pod';

/** Where a resource lives in Kubernetes: the EKS cluster it belongs to. */
export interface K8sClusterScoped {
  clusterName: string;
  clusterArn: string;
}

/**
 * One controller or bare pod, assessed by its pod template. Its id is
 * `<cluster ARN>/<namespace>/<kind>/<name>`, its name `<cluster>/<namespace>/<kind>/<name>`.
 */
export interface K8sWorkload extends ResourceBase<'k8s-workload'>, K8sClusterScoped {
  namespace: string;
  kind: K8sWorkloadKind;
  workloadName: string;
  /** `metadata.labels` of the controller (or pod). */
  labels: Record<string, string>;
  template: K8sPodTemplate;
  /**
   * The ServiceAccount the pods run as (`serviceAccountName`, `default` when absent), with its own
   * `automountServiceAccountToken`; `found: false` when the namespace has no such account.
   */
  serviceAccount: { name: string; found: boolean; automountServiceAccountToken?: boolean };
  /** Pods of the workload the reader saw running (status.phase Running). */
  runningPods: number;
  /**
   * Never set: the key under which `unreadable` says why the ECR state of an image a container
   * runs could not be read (as EcsTaskDefinition's), which makes the deployed-image checks ERROR;
   * each container's state is its `deployedImages`.
   */
  deployedImages?: never;
}

/** A namespace (`<cluster ARN>/namespace/<name>`). */
export interface K8sNamespace extends ResourceBase<'k8s-namespace'>, K8sClusterScoped {
  namespaceName: string;
  labels: Record<string, string>;
  /** `status.phase`: `Active` or `Terminating`. */
  phase?: string;
}

/** A subject of a binding. */
export interface K8sSubject {
  /** `User`, `Group` or `ServiceAccount`. */
  kind: string;
  name: string;
  namespace?: string;
}

/** One `rules[]` entry of a Role or ClusterRole. */
export interface K8sPolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

/** A ClusterRoleBinding, or a RoleBinding (with its namespace). */
export interface K8sBinding {
  name: string;
  /** A RoleBinding's namespace; absent for a ClusterRoleBinding. */
  namespace?: string;
  roleRef: { kind: string; name: string };
  subjects: K8sSubject[];
}

/** A ClusterRole, or a Role (with its namespace). */
export interface K8sRole {
  name: string;
  namespace?: string;
  rules: K8sPolicyRule[];
}

/**
 * A cluster's Kubernetes API as Customs reads it (`<cluster ARN>/kubernetes`): whether it could be
 * read (else `unreadable.api` says why and what to do), and its RBAC.
 */
export interface K8sCluster extends ResourceBase<'k8s-cluster'>, K8sClusterScoped {
  /** The API server endpoint (DescribeCluster `endpoint`), when known. */
  endpoint?: string;
  /**
   * The API as read (`GET /version`'s `gitVersion`). When the API could not be read (a private
   * endpoint, no access entry, 401/403, not JSON), `unreadable.api` says why and what to do, and
   * every other property is unreadable too.
   */
  api: { gitVersion?: string };
  clusterRoleBindings: K8sBinding[];
  roleBindings: K8sBinding[];
  clusterRoles: K8sRole[];
  roles: K8sRole[];
  /** How many workloads and namespaces were read, for the readable check's message. */
  counts: { namespaces: number; workloads: number };
}
