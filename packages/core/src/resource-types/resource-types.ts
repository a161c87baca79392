import type { Service } from './services.js';

/** What Customs knows of a resource type, before any I/O: its service, its parent, how it is named. */
export interface ResourceTypeInfo {
  service: Service;
  /** A short title for messages and docs: `ECR image`. */
  title: string;
  /** The type a ref must name as its `parent` (an image's repository, a nodegroup's cluster). */
  parent?: string;
  /**
   * One per account (and region, for a regional service): the account's settings of the service,
   * not something one creates (the ECR registry, IAM's account settings). Not counted when a sweep
   * is sized by its number of resources.
   */
  singleton?: true;
  /** What a ref's `name` holds (ResourceRef's table). */
  refName: string;
  /** What a ref's `parent` holds, for types that may name one. */
  refParent?: string;
  /**
   * The lengths AWS allows the ref's `name`, when it is a name AWS issues for this type (not an
   * ARN, a digest or an account id), with how to word it: an event naming one AWS could not have
   * issued is refused (packages/events, AWS_NAME_LIMITS).
   */
  nameLimit?: { what: string; min: number; max: number };
  /**
   * The `name` of the normalised resource a ref names, when it is not the ref's `name`
   * (`repo@digest`, `cluster/nodegroup`), so that the findings of a deleted resource can be found.
   * Takes a ResourceRef's `name` and `parent` (not the type itself: the ref's type derives from this registry).
   */
  resourceName?: (ref: { name: string; parent?: string }) => string;
  /**
   * Not read by a collector's readers: assessed from whether Customs could open and read an
   * account × region scope of an organisation (`aws-account`). Its resources carry the scope's
   * region whatever the service's scope, and no sweep resolves its findings as unseen: every
   * sweep of the scope assesses it again.
   */
  scopeLevel?: true;
}

const lastSegment = (value: string) => value.split('/').pop() ?? value;

/**
 * The registry of resource types (Cloud Custodian's `TypeInfo`): one descriptor each. A new type is
 * added here first; the type names, the service of a type, "is it global", "does its ref need a
 * parent" and a ref's resource name all derive from it.
 * @example RESOURCE_TYPE_INFO['ecr-image'].parent // 'ecr-repository'
 */
export const RESOURCE_TYPE_INFO = {
  'ecr-registry': {
    service: 'ecr',
    title: 'ECR registry',
    refName: 'registry (account) id',
    singleton: true,
  },
  'ecr-repository': {
    service: 'ecr',
    title: 'ECR repository',
    refName: 'repository name',
    // ECR API reference, `repositoryName`.
    nameLimit: { what: 'an ECR repository name', min: 2, max: 256 },
  },
  'ecr-image': {
    service: 'ecr',
    title: 'ECR image',
    parent: 'ecr-repository',
    refName: 'image digest',
    refParent: 'repository name',
    resourceName: (ref) => `${ref.parent}@${ref.name}`,
  },
  'eks-cluster': {
    service: 'eks',
    title: 'EKS cluster',
    refName: 'cluster name',
    // EKS API reference, CreateCluster `name`.
    nameLimit: { what: 'an EKS cluster name', min: 1, max: 100 },
  },
  'eks-nodegroup': {
    service: 'eks',
    title: 'EKS nodegroup',
    parent: 'eks-cluster',
    refName: 'nodegroup name',
    refParent: 'cluster name',
    // EKS user guide, managed node groups.
    nameLimit: { what: 'an EKS nodegroup name', min: 1, max: 63 },
    resourceName: (ref) => `${ref.parent}/${ref.name}`,
  },
  'eks-access-entry': {
    service: 'eks',
    title: 'EKS access entry',
    parent: 'eks-cluster',
    refName: 'principal ARN',
    refParent: 'cluster name',
    resourceName: (ref) => `${ref.parent}/${ref.name}`,
  },
  'ecs-cluster': {
    service: 'ecs',
    title: 'ECS cluster',
    refName: 'cluster name',
    // ECS API reference, CreateCluster `clusterName`: up to 255 letters, numbers, underscores and hyphens.
    nameLimit: { what: 'an ECS cluster name', min: 1, max: 255 },
  },
  'ecs-service': {
    service: 'ecs',
    title: 'ECS service',
    parent: 'ecs-cluster',
    refName: 'service name',
    refParent: 'cluster name',
    // ECS API reference, CreateService `serviceName`: up to 255 letters, numbers, underscores and hyphens.
    nameLimit: { what: 'an ECS service name', min: 1, max: 255 },
    resourceName: (ref) => `${ref.parent}/${ref.name}`,
  },
  'ecs-task-definition': {
    service: 'ecs',
    title: 'ECS task definition revision',
    refName: 'family:revision',
    // ECS API reference, RegisterTaskDefinition `family` (up to 255) and its `:revision`.
    nameLimit: { what: 'an ECS task definition family:revision', min: 3, max: 266 },
  },
  'k8s-cluster': {
    service: 'k8s',
    title: 'Kubernetes API of an EKS cluster',
    refName: 'cluster name',
    // The EKS cluster's name; one per cluster: whether its API could be read, and its RBAC.
    nameLimit: { what: 'an EKS cluster name', min: 1, max: 100 },
  },
  'k8s-namespace': {
    service: 'k8s',
    title: 'Kubernetes namespace',
    parent: 'k8s-cluster',
    refName: 'namespace name',
    refParent: 'cluster name',
    // Kubernetes: a namespace name is a DNS label (RFC 1123), up to 63 characters.
    nameLimit: { what: 'a Kubernetes namespace name', min: 1, max: 63 },
    resourceName: (ref) => `${ref.parent}/${ref.name}`,
  },
  'k8s-workload': {
    service: 'k8s',
    title: 'Kubernetes workload',
    parent: 'k8s-cluster',
    refName:
      '<namespace>/<Kind>/<name> (Deployment, StatefulSet, DaemonSet, Job, CronJob, or a bare Pod), or <namespace>/ServiceAccount/<name> (the workloads that run as it)',
    refParent: 'cluster name',
    resourceName: (ref) => `${ref.parent}/${ref.name}`,
  },
  'iam-user': {
    service: 'iam',
    title: 'IAM user',
    refName: 'user name',
    // IAM API reference, `UserName`.
    nameLimit: { what: 'an IAM user name', min: 1, max: 64 },
  },
  'iam-role': {
    service: 'iam',
    title: 'IAM role',
    refName: 'role name',
    // IAM API reference, `RoleName`.
    nameLimit: { what: 'an IAM role name', min: 1, max: 64 },
  },
  'iam-policy': {
    service: 'iam',
    title: 'IAM policy',
    refName: "managed policy ARN, or an inline policy's name",
    refParent: "the owning principal's ARN (inline policies)",
    resourceName: (ref) =>
      ref.parent === undefined ? lastSegment(ref.name) : `${lastSegment(ref.parent)}/${ref.name}`,
  },
  'iam-account': {
    service: 'iam',
    title: 'IAM account settings',
    refName: 'account id',
    singleton: true,
  },
  'aws-account': {
    // IAM's: what it judges is whether the member role (an IAM role) could be assumed (STS, IAM's
    // credentials service); one per account × region scope of an organisation (DESIGN.md).
    service: 'iam',
    title: 'AWS account and region read by Customs',
    refName: 'account id',
    singleton: true,
    scopeLevel: true,
  },
} as const satisfies Record<string, ResourceTypeInfo>;

/** The resource types whose refs are named by a name AWS issues (with a `nameLimit`). */
export type NamedResourceType = {
  [T in keyof typeof RESOURCE_TYPE_INFO]: (typeof RESOURCE_TYPE_INFO)[T] extends { nameLimit: object }
    ? T
    : never;
}[keyof typeof RESOURCE_TYPE_INFO];
