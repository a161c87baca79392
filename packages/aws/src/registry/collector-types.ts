import type { ResourceType } from '@customs/core';
import type { CollectUnit } from '../collector/collector.js';
import { type ApiService, type CallName, callInfo } from './calls.js';

/**
 * The collector side of a resource type (core's RESOURCE_TYPE_INFO holds the rest): how the sweep
 * finds its resources, which calls read one, and so which IAM actions and snapshot files it needs.
 */
export interface CollectorTypeInfo {
  /** The unit of a split sweep that reads the type (`planSweep`). */
  unit: CollectUnit['service'];
  /**
   * How the sweep enumerates it: the call that lists it (per parent, `of`), or `one` a region or
   * an account.
   */
  enumerate: { list: CallName; of?: ResourceType } | { one: 'region' | 'account' };
  /** The calls that read one resource once listed (its details, the parts it is judged with). */
  reads: readonly CallName[];
  /** Calls only a snapshot holds (the live readers never make them). */
  stored?: readonly CallName[];
}

/**
 * Every resource type's collector descriptor. A new type adds its entry here, its normaliser and
 * its reader (and the schemas of any new call in CALLS); the IAM policy, the snapshot files and
 * the sweep's units derive from it.
 * @example COLLECTOR_TYPES['ecr-image'].enumerate // { list: 'ecr:DescribeImages', of: 'ecr-repository' }
 */
export const COLLECTOR_TYPES = {
  'ecr-registry': {
    unit: 'ecr-registry',
    enumerate: { one: 'region' },
    reads: ['ecr:GetRegistryScanningConfiguration', 'ecr:DescribePullThroughCacheRules'],
  },
  'ecr-repository': {
    unit: 'ecr-repositories',
    enumerate: { list: 'ecr:DescribeRepositories' },
    reads: [
      'ecr:BatchGetRepositoryScanningConfiguration',
      'ecr:GetRepositoryPolicy',
      'ecr:GetLifecyclePolicy',
    ],
  },
  'ecr-image': {
    unit: 'ecr-repositories',
    enumerate: { list: 'ecr:DescribeImages', of: 'ecr-repository' },
    reads: [
      'ecr:DescribeImageSigningStatus',
      'ecr:ListImageReferrers',
      // Inspector's inUseCount/lastInUseAt, only when the registry's scan type is ENHANCED
      'ecr:GetRegistryScanningConfiguration',
      'inspector2:ListCoverage',
    ],
    stored: ['ecr:DescribeImageScanFindings'],
  },
  'eks-cluster': {
    unit: 'eks',
    enumerate: { list: 'eks:ListClusters' },
    reads: [
      'eks:DescribeCluster',
      'eks:ListNodegroups',
      'eks:DescribeNodegroup',
      'eks:ListFargateProfiles',
      'eks:DescribeFargateProfile',
      'ec2:DescribeSecurityGroups',
    ],
  },
  'eks-nodegroup': {
    unit: 'eks',
    enumerate: { list: 'eks:ListNodegroups', of: 'eks-cluster' },
    reads: ['eks:DescribeNodegroup', 'ec2:DescribeSubnets', 'ec2:DescribeLaunchTemplateVersions'],
  },
  'eks-access-entry': {
    unit: 'eks',
    enumerate: { list: 'eks:ListAccessEntries', of: 'eks-cluster' },
    reads: ['eks:DescribeAccessEntry', 'eks:ListAssociatedAccessPolicies'],
  },
  'ecs-cluster': {
    unit: 'ecs',
    enumerate: { list: 'ecs:ListClusters' },
    reads: [
      'ecs:DescribeClusters',
      'ecs:DescribeCapacityProviders',
      'ecs:ListServices',
      'ecs:DescribeServices',
    ],
  },
  'ecs-service': {
    unit: 'ecs',
    enumerate: { list: 'ecs:ListServices', of: 'ecs-cluster' },
    reads: ['ecs:DescribeServices'],
  },
  'ecs-task-definition': {
    unit: 'ecs',
    // the latest ACTIVE revision of each family, and those the services and running tasks use
    enumerate: { list: 'ecs:ListTaskDefinitions' },
    reads: [
      'ecs:ListClusters',
      'ecs:ListServices',
      'ecs:DescribeServices',
      'ecs:ListTasks',
      'ecs:DescribeTasks',
      'ecs:DescribeTaskDefinition',
      'iam:ListAttachedRolePolicies',
      'iam:ListRolePolicies',
      'iam:GetRolePolicy',
      'iam:GetPolicy',
      'iam:GetPolicyVersion',
      'ecr:DescribeRepositories',
      // the ECR state of the images its containers run (deployed-image checks)
      'ecr:DescribeImages',
      'ecr:DescribeImageSigningStatus',
      'ecr:ListImageReferrers',
    ],
    stored: ['ecr:DescribeImageScanFindings'],
  },
  // The Kubernetes types: every k8s call is keyed by cluster, from the cluster's DescribeCluster
  // (endpoint and CA); the k8s calls have no IAM action (CALLS' `inCluster`)
  'k8s-cluster': {
    unit: 'k8s-clusters',
    enumerate: { list: 'eks:ListClusters' },
    reads: [
      'eks:DescribeCluster',
      'k8s:GetVersion',
      'k8s:ListClusterRoleBindings',
      'k8s:ListRoleBindings',
      'k8s:ListClusterRoles',
      'k8s:ListRoles',
      // the counts of its readable check's message
      'k8s:ListNamespaces',
      'k8s:ListDeployments',
      'k8s:ListStatefulSets',
      'k8s:ListDaemonSets',
      'k8s:ListJobs',
      'k8s:ListCronJobs',
      'k8s:ListPods',
    ],
  },
  'k8s-namespace': {
    unit: 'k8s-clusters',
    enumerate: { list: 'k8s:ListNamespaces', of: 'k8s-cluster' },
    reads: ['eks:DescribeCluster'],
  },
  'k8s-workload': {
    unit: 'k8s-clusters',
    // one per controller and bare pod, from the lists of each kind
    enumerate: { list: 'k8s:ListDeployments', of: 'k8s-cluster' },
    reads: [
      'eks:DescribeCluster',
      'k8s:ListStatefulSets',
      'k8s:ListDaemonSets',
      'k8s:ListJobs',
      'k8s:ListCronJobs',
      'k8s:ListPods',
      'k8s:ListReplicaSets',
      'k8s:ListServiceAccounts',
      'ecr:DescribeRepositories',
      // the ECR state of the images its containers run (deployed-image checks)
      'ecr:DescribeImages',
      'ecr:DescribeImageSigningStatus',
      'ecr:ListImageReferrers',
    ],
    stored: ['ecr:DescribeImageScanFindings'],
  },
  'iam-user': {
    unit: 'iam',
    enumerate: { list: 'iam:GetAccountAuthorizationDetails' },
    reads: [
      'iam:GenerateCredentialReport',
      'iam:GetCredentialReport',
      'iam:GetLoginProfile',
      'iam:ListMFADevices',
      'iam:ListAccessKeys',
    ],
  },
  'iam-role': { unit: 'iam', enumerate: { list: 'iam:GetAccountAuthorizationDetails' }, reads: [] },
  'iam-policy': { unit: 'iam', enumerate: { list: 'iam:GetAccountAuthorizationDetails' }, reads: [] },
  'iam-account': {
    unit: 'iam',
    enumerate: { one: 'account' },
    reads: ['iam:GenerateCredentialReport', 'iam:GetCredentialReport', 'iam:GetAccountSummary'],
  },
  // Not read by a unit's readers: the AccountRouter assesses each account × region scope of an
  // organisation from whether it could open and read it (`accountResource`), in the scope's
  // `account` sweep message and on the event path; its one call, sts:AssumeRole, is the central
  // functions' own (infra's organizationGrants), never a member's read.
  'aws-account': { unit: 'iam', enumerate: { one: 'account' }, reads: [] },
} as const satisfies Record<ResourceType, CollectorTypeInfo>;

/**
 * Calls the collector makes for itself rather than for a type: the account id of a live
 * collector (ECR DescribeRegistry `registryId`) unless it is given.
 */
export const ACCOUNT_CALLS: readonly CallName[] = ['ecr:DescribeRegistry'];

/**
 * The calls that list and read a type, in order, without repeats (the stored-only ones apart).
 * @example callsOfType('eks-access-entry') // ['eks:ListAccessEntries', 'eks:DescribeAccessEntry', 'eks:ListAssociatedAccessPolicies']
 */
export function callsOfType(type: ResourceType): CallName[] {
  const info: CollectorTypeInfo = COLLECTOR_TYPES[type];
  const list = 'list' in info.enumerate ? [info.enumerate.list] : [];
  return [...new Set([...list, ...info.reads])];
}

/**
 * The snapshot files a type is read from, as docs/snapshot.md names them (`ecr/DescribeImages/<repo>.json`).
 * @example snapshotFilesOfType('ecr-repository')[0] // 'ecr/DescribeRepositories.json'
 */
export function snapshotFilesOfType(type: ResourceType): string[] {
  const info: CollectorTypeInfo = COLLECTOR_TYPES[type];
  return [...callsOfType(type), ...(info.stored ?? [])].flatMap(function fileOf(name) {
    const [service, operation] = name.split(':') as [ApiService, string];
    const call = callInfo(service, operation);
    if (!call?.schema) return [];
    const keys = call.keys.map((key) => `<${key}>`);
    return [`${service}/${operation}${keys.length > 0 ? `/${keys.join('/')}` : ''}.json`];
  });
}

/**
 * The resource types a unit of a split sweep reads.
 * @example typesOfUnit('eks') // ['eks-cluster', 'eks-nodegroup', 'eks-access-entry']
 */
export function typesOfUnit(unit: CollectUnit['service']): ResourceType[] {
  return (Object.keys(COLLECTOR_TYPES) as ResourceType[]).filter(
    (type) => COLLECTOR_TYPES[type].unit === unit,
  );
}
