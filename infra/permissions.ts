/**
 * Every Lambda function's IAM permissions, in one place, as plain data (no SST runtime needed, so
 * tests read it); what the collectors read is `infra/collector-reads.ts`. `infra/grants.ts` resolves
 * the named resources to ARNs at deploy time.
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

import { EVENT_HANDLER_NAMES, type EventHandlerName, SERVICE_NAMES, SERVICES } from '@customs/core';
import { EVENT_READS, type Grant, SWEEP_READS } from './collector-reads.js';

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

export type { Grant, GrantResource } from './collector-reads.js';

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
 * The day's posture record (packages/store README, "Daily posture"), written at the end of each
 * sweep (and unit) and after an event that changed a finding: a consistent Query of the summary
 * items on the table, then a conditional PutItem (granted with the findings' writes).
 */
const POSTURE_RECORD: Grant = { actions: ['dynamodb:Query'], resources: ['findings-table'] };

/**
 * ECR images' per-image reads (packages/store, image reads): each repository's recorded facts are
 * one Query of its partition on the table (granted with the posture record's Query), the facts
 * read and the digests gone one BatchWriteItem of puts and deletes, so that a sweep re-reads only
 * images that are new or due. Made by whatever re-reads images: the sweep, its worker, the ECR handler,
 * and the ECS and Kubernetes audit handlers, which re-read the images whose running digests moved.
 */
const IMAGE_READS: Grant = {
  actions: ['dynamodb:Query', 'dynamodb:BatchWriteItem'],
  resources: ['findings-table'],
};

/** The services whose event handlers re-read ECR images (and so record their image reads). */
const REREADS_IMAGES: ReadonlySet<string> = new Set(['ecr', 'ecs', 'k8s']);

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

/** Each service's event handler: its reads, then it writes findings; its failed invocations go to its DLQ. */
const EVENT_HANDLER_PERMISSIONS = Object.fromEntries(
  SERVICE_NAMES.map((service): [EventHandlerName, readonly Grant[]] => [
    SERVICES[service].handler,
    [
      ...EVENT_READS[service],
      ...FINDINGS_WRITES,
      POSTURE_RECORD,
      ...(REREADS_IMAGES.has(service) ? [IMAGE_READS] : []),
      DEAD_LETTERS,
    ],
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
  sweep: [
    ...SWEEP_READS,
    ...FINDINGS_WRITES,
    SWEEP_PLANNING,
    POSTURE_RECORD,
    IMAGE_READS,
    SWEEP_ENQUEUE,
    DEAD_LETTERS,
  ],
  // One unit of a split sweep at a time (iam, ecr-registry, eks, ecs, ecr-repositories), fed by the queue.
  'sweep-worker': [...SWEEP_READS, ...FINDINGS_WRITES, POSTURE_RECORD, IMAGE_READS, SWEEP_QUEUE_POLLING],
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
    // Reads (GetItem, Query: history, summary, the daily posture records; BatchGetItem: a
    // resource's findings, listed keys-only by byResource); suppressions: PutItem, DeleteItem, and each
    // finding they suppress or reopen one TransactWriteItems of PutItems (its status unchanged)
    // with an UpdateItem of the summary's SUPPRESSED counter; then the day's posture record (a
    // Query of the summary items, a conditional PutItem) when it changed findings.
    {
      actions: [
        'dynamodb:GetItem',
        'dynamodb:BatchGetItem',
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
  /**
   * Several accounts (issue 18; the `organization` configuration key): the member role the readers
   * assume, and whether the member accounts come from Organizations ListAccounts.
   */
  organization?: { memberRoleName: string; listAccounts: boolean };
}

/** The functions that read the member accounts: the event handlers, the sweep and its worker. */
const READERS_OF_MEMBERS: ReadonlySet<FunctionName> = new Set([
  ...EVENT_HANDLER_NAMES,
  'sweep',
  'sweep-worker',
]);

/**
 * The grants of reading member accounts: `sts:AssumeRole` on the member role's name in any account
 * (the member role's trust names the organisation), `organizations:ListAccounts` (which takes no
 * resource: `*`) only when the accounts come from Organizations; the worker queues the units of the
 * account it plans (SendMessageBatch on the sweep queue).
 * @example organizationGrants('sweep', { memberRoleName: 'CustomsReadOnly', listAccounts: false })
 */
export function organizationGrants(
  name: FunctionName,
  organization: NonNullable<DeployOptions['organization']>,
): readonly Grant[] {
  if (!READERS_OF_MEMBERS.has(name)) return [];
  return [
    {
      actions: ['sts:AssumeRole'],
      resources: [`arn:{partition}:iam::*:role/${organization.memberRoleName}`],
    },
    ...(organization.listAccounts
      ? [{ actions: ['organizations:ListAccounts'], resources: ['*' as const] }]
      : []),
    ...(name === 'sweep-worker' ? [SWEEP_ENQUEUE] : []),
  ];
}

/**
 * A function's grants for a deployment: its own, on-finding-change's Security Hub target when
 * the deployment enables it, and the readers' member-account grants for an organisation.
 * @example grantsOf('on-finding-change', { securityHub: true })
 */
export function grantsOf(name: FunctionName, options: DeployOptions): readonly Grant[] {
  const own = FUNCTION_PERMISSIONS[name];
  const grants = name === 'on-finding-change' && options.securityHub ? [...own, ...SECURITY_HUB_TARGET] : own;
  return options.organization ? [...grants, ...organizationGrants(name, options.organization)] : grants;
}
