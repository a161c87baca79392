/**
 * Every Lambda function's IAM permissions, in one place, as plain data (no SST runtime needed, so
 * tests read it). `infra/grants.ts` resolves the named resources to ARNs at deploy time.
 *
 * Rules: no `*` in an action; table, index, stream, bus, queue and function resources are the
 * deployed ones; `*` as a resource only for read-only collector calls that AWS does not scope to a
 * resource (registry-, account- and region-wide reads); per-resource reads are scoped to this
 * account's ARNs (any region: the sweep reads the regions of its configuration).
 *
 * The collector lists are the read-only calls of issue 6 (item 1) as the collectors send them;
 * a least-privilege test (issue 7, item 2) derives the SDK commands from each handler's code path
 * and compares them with these lists, so a handler that starts sending a new command fails it.
 */

import {
  EVENT_HANDLER_NAMES,
  type EventHandlerName,
  SERVICE_NAMES,
  SERVICES,
  type Service,
} from '@customs/core';

/**
 * The deployed functions, named as their handler files in functions/src: an event handler per
 * service (SERVICES in @customs/core), then the sweep, its worker, the stream subscriber, the API.
 */
export const FUNCTION_NAMES = [
  ...EVENT_HANDLER_NAMES,
  'sweep',
  'sweep-worker',
  'on-finding-change',
  'api',
] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

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

/** The tag mutability of the ECR repositories a task definition's images are in (this account's ECR). */
const ECS_IMAGE_READS: Grant = { actions: ['ecr:DescribeRepositories'], resources: [ECR_REPOSITORY] };

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
 * permission. The tag mutability of the workloads' ECR images, as for ECS task definitions.
 */
const K8S_REF_READS: readonly Grant[] = [
  { actions: ['eks:DescribeCluster'], resources: [`${EKS}:cluster/*`] },
  { actions: ['ecr:DescribeRepositories'], resources: [ECR_REPOSITORY] },
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

/**
 * Read, decide and write findings: BatchGetItem of the resources' evaluation records, then of the
 * stored findings (and again after losing a conditional write to a concurrent writer); an
 * unchanged evaluation one UpdateItem of its resource's record; each resource's changes one
 * TransactWriteItems (PutItem of the findings and their history, UpdateItem of the counters and
 * the record); Queries on the indexes (suppressions, the findings of a resource gone).
 */
const FINDINGS_WRITES: readonly Grant[] = [
  {
    actions: ['dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
    resources: ['findings-table'],
  },
  { actions: ['dynamodb:Query'], resources: ['findings-table-indexes'] },
];

/**
 * Lambda sends events it could not process (after its async retries) to the handler's DLQ: the
 * EventBridge handlers' events, and the audit handler's subscription payloads (CloudWatch Logs
 * invokes it asynchronously).
 */
const DEAD_LETTERS: Grant = {
  actions: ['sqs:SendMessage'],
  resources: ['dead-letter-queue'],
  caller: 'lambda-service',
};

/** The sweep plans with the last sweep's counts: the summary items (Query on the table). */
const SWEEP_PLANNING: Grant = { actions: ['dynamodb:Query'], resources: ['findings-table'] };

/**
 * The units of a split sweep are queued by the sweep (SendMessageBatch, authorized by
 * `sqs:SendMessage`: sqs-batch-api.html, "You cannot set permissions explicitly for
 * SendMessageBatch") on the sweep queue.
 */
const SWEEP_ENQUEUE: Grant = { actions: ['sqs:SendMessage'], resources: ['sweep-queue'] };

/**
 * Lambda's SQS event source polls the sweep queue with the worker's role, and deletes each
 * message the worker did not report failed: the actions of the AWS managed policy
 * AWSLambdaSQSQueueExecutionRole (the queue is encrypted with SQS's own keys, no KMS; the DLQ
 * redrive is SQS's own).
 */
const SWEEP_QUEUE_POLLING: Grant = {
  actions: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
  resources: ['sweep-queue'],
  caller: 'lambda-service',
};

/** What a sweep reads: every collector read of the account, the region's and IAM's. */
const SWEEP_READS: readonly Grant[] = [
  ECR_REPOSITORY_READS,
  ECR_REGISTRY_READS,
  ...EKS_SWEEP_READS,
  ...ECS_SWEEP_READS,
  ...K8S_SWEEP_READS,
  ...IAM_READS,
];

/** What each service's event handler reads from AWS: the reads of the refs its events name. */
const EVENT_READS: Readonly<Record<Service, readonly Grant[]>> = {
  ecr: [ECR_REPOSITORY_READS, ECR_REGISTRY_READS],
  eks: [ACCOUNT_LOOKUP, ...EKS_REF_READS],
  ecs: [ACCOUNT_LOOKUP, ...ECS_REF_READS],
  k8s: [ACCOUNT_LOOKUP, ...K8S_REF_READS],
  iam: [ACCOUNT_LOOKUP, ...IAM_READS],
};

/** Each service's event handler: its reads, then it writes findings; its failed invocations go to its DLQ. */
const EVENT_HANDLER_PERMISSIONS = Object.fromEntries(
  SERVICE_NAMES.map((service): [EventHandlerName, readonly Grant[]] => [
    SERVICES[service].handler,
    [...EVENT_READS[service], ...FINDINGS_WRITES, DEAD_LETTERS],
  ]),
) as Record<EventHandlerName, readonly Grant[]>;

/**
 * The permissions of each function.
 * @example FUNCTION_PERMISSIONS['on-eks-event'].flatMap((grant) => grant.actions)
 */
export const FUNCTION_PERMISSIONS: Readonly<Record<FunctionName, readonly Grant[]>> = {
  ...EVENT_HANDLER_PERMISSIONS,
  // The whole sweep, or (too large for one invocation) the deleted repositories and the units
  // queued; the cron's failed asynchronous invocations go to its DLQ.
  sweep: [...SWEEP_READS, ...FINDINGS_WRITES, SWEEP_PLANNING, SWEEP_ENQUEUE, DEAD_LETTERS],
  // One unit of a split sweep at a time (iam, ecr-registry, eks, ecs, ecr-repositories), fed by the queue.
  'sweep-worker': [...SWEEP_READS, ...FINDINGS_WRITES, SWEEP_QUEUE_POLLING],
  'on-finding-change': [
    {
      actions: [
        'dynamodb:DescribeStream',
        'dynamodb:GetRecords',
        'dynamodb:GetShardIterator',
        'dynamodb:ListStreams',
      ],
      resources: ['findings-table-stream'],
      caller: 'lambda-service',
    },
    // The outbox: claim (conditional PutItem), lease, release and mark delivered (UpdateItem),
    // a finding's earlier pending deliveries (Query), the pending ones to retry (Query on byStatus);
    // a webhook's hold-off: read before each message (GetItem), set on a 429 or a failed run
    // (UpdateItem), ended after a delivery (conditional DeleteItem).
    {
      actions: [
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:Query',
        'dynamodb:GetItem',
        'dynamodb:DeleteItem',
      ],
      resources: ['findings-table'],
    },
    { actions: ['dynamodb:Query'], resources: ['findings-table-indexes'] },
    { actions: ['events:PutEvents'], resources: ['default-bus'] },
    // Stream batches that still fail after the mapping's retries go to its on-failure queue.
    DEAD_LETTERS,
  ],
  api: [
    // Reads (GetItem, Query: history, summary); suppressions: PutItem, DeleteItem, and each
    // finding they suppress or reopen one TransactWriteItems of PutItems (its status unchanged)
    // with an UpdateItem of the summary's SUPPRESSED counter.
    {
      actions: [
        'dynamodb:GetItem',
        'dynamodb:Query',
        'dynamodb:PutItem',
        'dynamodb:DeleteItem',
        'dynamodb:UpdateItem',
      ],
      resources: ['findings-table'],
    },
    { actions: ['dynamodb:Query'], resources: ['findings-table-indexes'] },
    // POST /sweeps starts the sweep function asynchronously.
    { actions: ['lambda:InvokeFunction'], resources: ['sweep-function'] },
  ],
};

/**
 * The Security Hub target of the fan-out, when the app is deployed with it (docs/deploy.md): import
 * the findings under the account's default product (BatchImportFindings, authorized on the product
 * ARN) and move their workflow status (BatchUpdateFindings, authorized on the hub), since
 * BatchImportFindings cannot change `Workflow` once a finding exists.
 */
export const SECURITY_HUB_TARGET: readonly Grant[] = [
  {
    actions: ['securityhub:BatchImportFindings'],
    resources: ['arn:{partition}:securityhub:*:{account}:product/{account}/default'],
  },
  {
    actions: ['securityhub:BatchUpdateFindings'],
    resources: ['arn:{partition}:securityhub:*:{account}:hub/default'],
  },
];

/** What the deployment may opt in to. */
export interface DeployOptions {
  /** Import the findings into Security Hub (the fan-out's Security Hub target). */
  securityHub: boolean;
}

/**
 * A function's grants for a deployment: its own, and on-finding-change's Security Hub target when
 * the deployment enables it.
 * @example grantsOf('on-finding-change', { securityHub: true })
 */
export function grantsOf(name: FunctionName, options: DeployOptions): readonly Grant[] {
  const grants = FUNCTION_PERMISSIONS[name];
  return name === 'on-finding-change' && options.securityHub ? [...grants, ...SECURITY_HUB_TARGET] : grants;
}
