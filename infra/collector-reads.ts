/**
 * What the collectors read from AWS, as grants: per service, what a ref's re-read sends and what
 * the sweep adds, scoped to this account's ARNs where AWS allows (the Service Authorization
 * Reference), `*` where it does not. `infra/permissions.ts` gives them to the functions that read.
 */

import type { Service } from '@customs/core';

/**
 * A resource of a grant: one of the deployed resources by name, an ARN pattern in which
 * `{partition}` and `{account}` are replaced at deploy time, or `*`.
 */
export type GrantResource =
  | 'findings-table'
  | 'findings-table-indexes'
  | 'findings-table-stream'
  | 'default-bus'
  | 'dead-letter-queue'
  | 'sweep-function'
  | 'sweep-queue'
  | `arn:{partition}:${string}`
  | '*';

export interface Grant {
  actions: readonly string[];
  resources: readonly GrantResource[];
  /**
   * Who calls with the function's role: its code (absent), or Lambda itself, which sends the
   * failed asynchronous invocations to the DLQ and polls the table's stream and the sweep queue
   * with it.
   */
  caller?: 'lambda-service';
}

const ECR_REPOSITORY = 'arn:{partition}:ecr:*:{account}:repository/*';
const EKS = 'arn:{partition}:eks:*:{account}';
const IAM_USER = 'arn:{partition}:iam::{account}:user/*';

/**
 * ECR reads of a repository and its images (scoped to repositories). ListImageReferrers is
 * authorized by `ecr:BatchGetImage` (API_ListImageReferrers.html: "The IAM principal invoking this
 * operation must have the ecr:BatchGetImage permission").
 */
const ECR_REPOSITORY_READS: Grant = {
  actions: [
    'ecr:DescribeRepositories',
    'ecr:GetRepositoryPolicy',
    'ecr:GetLifecyclePolicy',
    'ecr:DescribeImages',
    'ecr:BatchGetRepositoryScanningConfiguration',
    'ecr:DescribeImageSigningStatus',
    'ecr:BatchGetImage',
  ],
  resources: [ECR_REPOSITORY],
};

/** ECR registry-wide reads: no resource-level permissions. */
const ECR_REGISTRY_READS: Grant = {
  actions: [
    'ecr:DescribeRegistry',
    'ecr:GetRegistryScanningConfiguration',
    'ecr:DescribePullThroughCacheRules',
  ],
  resources: ['*'],
};

/**
 * Amazon Inspector's view of the ECR images' use (issue 14): the registry's scan type, and when it
 * is ENHANCED, ListCoverage of each repository's images (`inUseCount`, `lastInUseAt`). The
 * Service Authorization Reference gives neither a resource type: `*`.
 */
const IMAGE_COVERAGE_READS: Grant = {
  actions: ['ecr:GetRegistryScanningConfiguration', 'inspector2:ListCoverage'],
  resources: ['*'],
};

/**
 * The collector learns its account from ECR DescribeRegistry's `registryId` when it opens, in
 * every handler, the EKS and IAM ones too.
 */
const ACCOUNT_LOOKUP: Grant = { actions: ['ecr:DescribeRegistry'], resources: ['*'] };

/** What an EKS event re-reads: the cluster, nodegroup, Fargate profile or access entry it names. */
const EKS_REF_READS: readonly Grant[] = [
  {
    actions: ['eks:DescribeCluster', 'eks:ListNodegroups', 'eks:ListFargateProfiles'],
    resources: [`${EKS}:cluster/*`],
  },
  { actions: ['eks:DescribeNodegroup'], resources: [`${EKS}:nodegroup/*`] },
  { actions: ['eks:DescribeFargateProfile'], resources: [`${EKS}:fargateprofile/*`] },
  {
    actions: ['eks:DescribeAccessEntry', 'eks:ListAssociatedAccessPolicies'],
    resources: [`${EKS}:access-entry/*`],
  },
  // Launch templates, subnets and security groups of nodegroups: EC2 Describe* take no resource.
  {
    actions: ['ec2:DescribeLaunchTemplateVersions', 'ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups'],
    resources: ['*'],
  },
];

/** The sweep also lists the clusters and each cluster's access entries. */
const EKS_SWEEP_READS: readonly Grant[] = [
  { actions: ['eks:ListClusters'], resources: ['*'] },
  { actions: ['eks:ListAccessEntries'], resources: [`${EKS}:cluster/*`] },
  ...EKS_REF_READS,
];

const ECS = 'arn:{partition}:ecs:*:{account}';

/**
 * The ECS reads of a cluster, its services and capacity providers, task definition revisions and
 * running tasks (ecs-common contract), resource-scoped where the Service Authorization Reference
 * for Amazon ECS gives the action a resource type: DescribeClusters (cluster), DescribeServices
 * (service), DescribeTasks (task), DescribeCapacityProviders (capacity-provider). The list calls
 * and DescribeTaskDefinition have no resource type; ListServices and ListTasks are scoped by the
 * `ecs:cluster` condition key, not by a resource, in the reference's own examples.
 */
const ECS_SCOPED_READS: readonly Grant[] = [
  { actions: ['ecs:DescribeClusters'], resources: [`${ECS}:cluster/*`] },
  { actions: ['ecs:DescribeServices'], resources: [`${ECS}:service/*`] },
  { actions: ['ecs:DescribeTasks'], resources: [`${ECS}:task/*`] },
  { actions: ['ecs:DescribeCapacityProviders'], resources: [`${ECS}:capacity-provider/*`] },
];

/**
 * The reads of what a task definition's roles grant (judged by the policy evaluator): the role,
 * its attached and inline policies, each managed policy's default version (customer managed in
 * this account, or AWS managed).
 */
const ECS_ROLE_READS: readonly Grant[] = [
  {
    actions: ['iam:ListAttachedRolePolicies', 'iam:ListRolePolicies', 'iam:GetRolePolicy'],
    resources: ['arn:{partition}:iam::{account}:role/*'],
  },
  {
    actions: ['iam:GetPolicy', 'iam:GetPolicyVersion'],
    resources: ['arn:{partition}:iam::{account}:policy/*', 'arn:{partition}:iam::aws:policy/*'],
  },
];

/**
 * The ECR repositories and images a task definition's (or workload's) containers run, in this
 * account's ECR: the repositories' tag mutability, and each running image's details (scan, push
 * time, where its tag points), signing status and referrers (ListImageReferrers is authorized by
 * ecr:BatchGetImage), for the deployed-image checks.
 */
const ECS_IMAGE_READS: Grant = {
  actions: [
    'ecr:DescribeRepositories',
    'ecr:DescribeImages',
    'ecr:DescribeImageSigningStatus',
    'ecr:BatchGetImage',
  ],
  resources: [ECR_REPOSITORY],
};

/**
 * What an ECS event re-reads: a cluster with its services' placement, a service, a revision with
 * what uses it (the family's revisions, the services and running tasks of the region's clusters),
 * its roles and images.
 */
const ECS_REF_READS: readonly Grant[] = [
  ...ECS_SCOPED_READS,
  {
    actions: [
      'ecs:ListClusters',
      'ecs:ListServices',
      'ecs:ListTaskDefinitions',
      'ecs:ListTasks',
      'ecs:DescribeTaskDefinition',
    ],
    resources: ['*'],
  },
  ...ECS_ROLE_READS,
  ECS_IMAGE_READS,
];

/**
 * The sweep reads what an event re-reads: it finds each family's latest ACTIVE revision in one
 * ListTaskDefinitions listing (packages/aws README), so it needs no ListTaskDefinitionFamilies.
 */
const ECS_SWEEP_READS: readonly Grant[] = ECS_REF_READS;

/**
 * What an audit-log payload re-reads (k8s-common's contract): the cluster's endpoint and CA from
 * DescribeCluster, then the Kubernetes API, whose calls no IAM action authorizes (CallInfo's
 * `inCluster` marker: the cluster authorizes them, by the function role's access entry,
 * docs/deploy.md); the bearer token is a presigned sts:GetCallerIdentity, which needs no
 * permission. The workloads' ECR images (tag mutability, deployed-image state), as for ECS task definitions.
 */
const K8S_REF_READS: readonly Grant[] = [
  { actions: ['eks:DescribeCluster'], resources: [`${EKS}:cluster/*`] },
  ECS_IMAGE_READS,
];

/** The sweep reads every cluster's Kubernetes API after the EKS reads it already makes (ListClusters, DescribeCluster). */
const K8S_SWEEP_READS: readonly Grant[] = K8S_REF_READS;

/** IAM reads; a user missing from the credential report is read with the per-user calls. */
const IAM_READS: readonly Grant[] = [
  {
    actions: [
      'iam:GetAccountAuthorizationDetails',
      'iam:GetAccountSummary',
      'iam:GenerateCredentialReport',
      'iam:GetCredentialReport',
    ],
    resources: ['*'],
  },
  { actions: ['iam:GetLoginProfile', 'iam:ListAccessKeys', 'iam:ListMFADevices'], resources: [IAM_USER] },
];

/** What a sweep reads: every collector read of the account, the region's and IAM's. */
export const SWEEP_READS: readonly Grant[] = [
  ECR_REPOSITORY_READS,
  ECR_REGISTRY_READS,
  IMAGE_COVERAGE_READS,
  ...EKS_SWEEP_READS,
  ...ECS_SWEEP_READS,
  ...K8S_SWEEP_READS,
  ...IAM_READS,
];

/**
 * What re-reading an ECS task definition revision sends: the revision refs' reads without the
 * cluster and capacity provider reads (those are the cluster refs'). The ECR handler's follow of
 * an image to the revisions that run it.
 */
const ECS_REVISION_READS: readonly Grant[] = ECS_REF_READS.map((grant) => ({
  ...grant,
  actions: grant.actions.filter(
    (action) => action !== 'ecs:DescribeClusters' && action !== 'ecs:DescribeCapacityProviders',
  ),
})).filter((grant) => grant.actions.length > 0);

/**
 * What each service's event handler reads from AWS: the reads of the refs its events name, and of
 * the refs the digest → deployments index follows from them (docs/DESIGN.md, "Deployed images"):
 * an ECR image's change re-reads the ECS revisions and EKS workloads running it; a deployment's
 * change re-reads the ECR images whose digests started or stopped running, with the image reads
 * its own deployed-image state already makes.
 */
export const EVENT_READS: Readonly<Record<Service, readonly Grant[]>> = {
  ecr: [
    ECR_REPOSITORY_READS,
    ECR_REGISTRY_READS,
    IMAGE_COVERAGE_READS,
    ...ECS_REVISION_READS,
    ...K8S_REF_READS,
  ],
  eks: [ACCOUNT_LOOKUP, ...EKS_REF_READS],
  // the ECR images whose digests started or stopped running are re-read with Inspector's view
  ecs: [ACCOUNT_LOOKUP, ...ECS_REF_READS, IMAGE_COVERAGE_READS],
  k8s: [ACCOUNT_LOOKUP, ...K8S_REF_READS, IMAGE_COVERAGE_READS],
  iam: [ACCOUNT_LOOKUP, ...IAM_READS],
};
