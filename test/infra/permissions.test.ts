import { everyCall } from '@customs/aws';
import { EVENT_RULES } from '@customs/events';
import { describe, expect, it } from 'vitest';
import { FUNCTION_NAMES, FUNCTION_PERMISSIONS, type FunctionName } from '../../infra/permissions.js';

const COLLECTOR_SERVICES = new Set(['ecr', 'eks', 'ecs', 'iam', 'ec2', 'inspector2']);
/** Read-only verbs (IAM's GenerateCredentialReport only prepares the report that GetCredentialReport reads). */
const READ_ONLY = /^(Describe|List|Get|BatchGet)[A-Z]|^GenerateCredentialReport$/;

/** What every event handler does with the findings, and Lambda with its DLQ. */
const FINDINGS_ACTIONS = [
  'dynamodb:BatchGetItem',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:UpdateItem',
  'sqs:SendMessage',
];

function actionsOf(name: FunctionName): string[] {
  return FUNCTION_PERMISSIONS[name].flatMap((grant) => [...grant.actions]);
}

function allGrants() {
  return FUNCTION_NAMES.flatMap((name) => FUNCTION_PERMISSIONS[name].map((grant) => ({ name, grant })));
}

/**
 * What ECS revisions and Kubernetes workloads read of the ECR images their containers run: the
 * repositories' tag mutability, and the deployed images' details, signing status and referrers
 * (ListImageReferrers is authorized by ecr:BatchGetImage).
 */
const DEPLOYED_IMAGE_READS = [
  'ecr:BatchGetImage',
  'ecr:DescribeImageSigningStatus',
  'ecr:DescribeImages',
  'ecr:DescribeRepositories',
];

describe('infra/permissions', () => {
  it('names every action exactly, as service:Action without wildcards', () => {
    // Act
    const actions = FUNCTION_NAMES.flatMap(actionsOf);

    // Assess
    expect(actions.filter((action) => action.includes('*'))).toEqual([]);
    expect(actions.filter((action) => !/^[a-z0-9]+:[A-Z][A-Za-z0-9]+$/.test(action))).toEqual([]);
  });

  it('has permissions for the handler of every EventBridge rule', () => {
    for (const rule of EVENT_RULES) {
      expect(FUNCTION_PERMISSIONS[rule.handler].length, rule.handler).toBeGreaterThan(0);
    }
  });

  it('grants a "*" resource only to read-only collector calls', () => {
    // Act
    const unscoped = allGrants()
      .filter(({ grant }) => grant.resources.includes('*'))
      .flatMap(({ name, grant }) => grant.actions.map((action) => ({ name, action })));

    // Assess
    expect(unscoped.length).toBeGreaterThan(0);
    for (const { name, action } of unscoped) {
      const [service = '', verb = ''] = action.split(':');
      expect(COLLECTOR_SERVICES.has(service) && READ_ONLY.test(verb), `${name}: ${action} on *`).toBe(true);
    }
  });

  it('lets no collector action write, and only the event handlers and the sweep (and its worker) read AWS resources', () => {
    // Act
    const collectorActions = allGrants().flatMap(({ name, grant }) =>
      grant.actions
        .filter((action) => COLLECTOR_SERVICES.has(action.split(':')[0] ?? ''))
        .map((action) => ({ name, action })),
    );

    // Assess
    expect(collectorActions.filter(({ action }) => !READ_ONLY.test(action.split(':')[1] ?? ''))).toEqual([]);
    expect(new Set(collectorActions.map(({ name }) => name))).toEqual(
      new Set([
        'on-ecr-event',
        'on-eks-event',
        'on-ecs-event',
        'on-k8s-audit',
        'on-iam-event',
        'sweep',
        'sweep-worker',
      ]),
    );
  });

  it('reads each handler its own service: ECR for on-ecr-event, EKS for on-eks-event, IAM for on-iam-event', () => {
    // Every collector learns its account from ECR DescribeRegistry when it opens.
    const ecrBeyondAccount = (name: FunctionName) =>
      actionsOf(name).filter((action) => action.startsWith('ecr:') && action !== 'ecr:DescribeRegistry');
    expect(actionsOf('on-ecr-event')).toContain('ecr:DescribeImages');
    // …and of EKS only the cluster's endpoint and CA, to re-read the workloads running an image
    expect(actionsOf('on-ecr-event').filter((action) => action.startsWith('eks:'))).toEqual([
      'eks:DescribeCluster',
    ]);
    expect(actionsOf('on-eks-event')).toContain('eks:DescribeCluster');
    expect(actionsOf('on-eks-event').some((action) => action.startsWith('iam:'))).toBe(false);
    expect(ecrBeyondAccount('on-eks-event')).toEqual([]);
    expect(actionsOf('on-iam-event')).toContain('iam:GetAccountAuthorizationDetails');
    expect(ecrBeyondAccount('on-iam-event')).toEqual([]);
  });

  it('grants the ECS handler and the sweep exactly the ECS reads of the collection contract', () => {
    // Prepare: the calls packages/aws makes for ECS (issue 12's contract between collection and events)
    const contract = [
      'ecs:ListClusters',
      'ecs:DescribeClusters',
      'ecs:DescribeCapacityProviders',
      'ecs:ListServices',
      'ecs:DescribeServices',
      'ecs:ListTaskDefinitions',
      'ecs:DescribeTaskDefinition',
      'ecs:ListTasks',
      'ecs:DescribeTasks',
    ];
    const roleReads = [
      'iam:GetPolicy',
      'iam:GetPolicyVersion',
      'iam:GetRolePolicy',
      'iam:ListAttachedRolePolicies',
      'iam:ListRolePolicies',
    ];
    const ecsActions = (name: FunctionName) => actionsOf(name).filter((action) => action.startsWith('ecs:'));

    // Act & Assess: the sweep and an event make the same ECS calls (the sweep lists every ACTIVE revision once)
    expect(new Set(ecsActions('on-ecs-event'))).toEqual(new Set(contract));
    expect(new Set(ecsActions('sweep'))).toEqual(new Set(contract));
    expect([...new Set(actionsOf('on-ecs-event').filter((a) => a.startsWith('iam:')))].sort()).toEqual(
      roleReads,
    );
    expect(
      actionsOf('on-ecs-event')
        .filter((a) => a.startsWith('ecr:'))
        .sort(),
      // the registry's scan type, for Inspector's view of the images whose digests moved
    ).toEqual(
      [...DEPLOYED_IMAGE_READS, 'ecr:DescribeRegistry', 'ecr:GetRegistryScanningConfiguration'].sort(),
    );
    expect(actionsOf('on-ecs-event').some((action) => action.startsWith('eks:'))).toBe(false);
  });

  it('scopes the ECS reads that take a resource type to this account’s ECS resources', () => {
    // Act
    const scoped = Object.fromEntries(
      FUNCTION_PERMISSIONS['on-ecs-event']
        .flatMap((grant) => grant.actions.map((action) => [action, grant.resources] as const))
        .filter(([action]) => action.startsWith('ecs:Describe')),
    );

    // Assess
    expect(scoped).toEqual({
      'ecs:DescribeClusters': ['arn:{partition}:ecs:*:{account}:cluster/*'],
      'ecs:DescribeServices': ['arn:{partition}:ecs:*:{account}:service/*'],
      'ecs:DescribeTasks': ['arn:{partition}:ecs:*:{account}:task/*'],
      'ecs:DescribeCapacityProviders': ['arn:{partition}:ecs:*:{account}:capacity-provider/*'],
      // No resource type in the Service Authorization Reference.
      'ecs:DescribeTaskDefinition': ['*'],
    });
  });

  it('grants the audit handler the Kubernetes re-read of the contract: DescribeCluster (endpoint and CA) and the images’ tag mutability and ECR state, no Kubernetes call', () => {
    // Prepare: the calls CallInfo marks `inCluster` are authorized inside the cluster (access entry), not by IAM
    const kubernetes = everyCall()
      .filter(({ info }) => info.inCluster !== undefined)
      .map(({ name }) => name);
    const granted = FUNCTION_NAMES.flatMap(actionsOf);

    // Act & Assess
    expect([...new Set(actionsOf('on-k8s-audit'))].sort()).toEqual(
      [
        'ecr:DescribeRegistry',
        ...DEPLOYED_IMAGE_READS,
        'eks:DescribeCluster',
        ...FINDINGS_ACTIONS,
        // what it read of each image, recorded for the incremental sweep
        'dynamodb:BatchWriteItem',
        // Inspector's view of the images whose digests moved (enhanced scanning)
        'ecr:GetRegistryScanningConfiguration',
        'inspector2:ListCoverage',
      ].sort(),
    );
    expect(
      granted.filter((action) => kubernetes.includes(action as never) || action.startsWith('k8s:')),
    ).toEqual([]);
  });

  it("leaves to Lambda's own calls only the DLQ of asynchronous invocations, the table's stream and the sweep queue", () => {
    // Act
    const byLambda = Object.fromEntries(
      FUNCTION_NAMES.map((name) => [
        name,
        FUNCTION_PERMISSIONS[name]
          .filter((grant) => grant.caller === 'lambda-service')
          .flatMap((grant) =>
            grant.resources.flatMap((resource) => grant.actions.map((a) => `${a} on ${resource}`)),
          )
          .sort(),
      ]),
    );

    // Assess
    const deadLetters = ['sqs:SendMessage on dead-letter-queue'];
    expect(byLambda).toEqual({
      'on-ecr-event': deadLetters,
      'on-eks-event': deadLetters,
      'on-ecs-event': deadLetters,
      'on-k8s-audit': deadLetters,
      'on-iam-event': deadLetters,
      sweep: deadLetters,
      'sweep-worker': [
        'sqs:DeleteMessage on sweep-queue',
        'sqs:GetQueueAttributes on sweep-queue',
        'sqs:ReceiveMessage on sweep-queue',
      ],
      'on-finding-change': [
        'dynamodb:DescribeStream on findings-table-stream',
        'dynamodb:GetRecords on findings-table-stream',
        'dynamodb:GetShardIterator on findings-table-stream',
        'dynamodb:ListStreams on findings-table-stream',
        ...deadLetters,
      ],
      api: [],
    });
  });

  it('scopes table, bus, queue and function access to the deployed resources', () => {
    // Act
    const misplaced = allGrants().filter(({ grant }) => {
      const services = new Set(grant.actions.map((action) => action.split(':')[0]));
      const scoped = ['dynamodb', 'events', 'sqs', 'lambda'].some((service) => services.has(service));
      return scoped && grant.resources.some((resource) => resource === '*' || resource.startsWith('arn:'));
    });

    // Assess
    expect(misplaced).toEqual([]);
  });

  it('lets only on-finding-change publish to the bus and read the table stream', () => {
    // Act
    const publishers = FUNCTION_NAMES.filter((name) => actionsOf(name).includes('events:PutEvents'));
    const streamReaders = FUNCTION_NAMES.filter((name) => actionsOf(name).includes('dynamodb:GetRecords'));

    // Assess
    expect(publishers).toEqual(['on-finding-change']);
    expect(streamReaders).toEqual(['on-finding-change']);
  });

  it("lets only the sweep's code send to the sweep queue, and only Lambda read it, for the worker", () => {
    // Act
    const onQueue = allGrants()
      .filter(({ grant }) => grant.resources.includes('sweep-queue'))
      .flatMap(({ name, grant }) =>
        grant.actions.map((action) => `${name} ${grant.caller ?? 'code'} ${action}`),
      );

    // Assess
    expect(onQueue.sort()).toEqual([
      'sweep code sqs:SendMessage',
      'sweep-worker lambda-service sqs:DeleteMessage',
      'sweep-worker lambda-service sqs:GetQueueAttributes',
      'sweep-worker lambda-service sqs:ReceiveMessage',
    ]);
  });

  it('lets the sweep worker read what the sweep reads, and nothing more', () => {
    // Act
    const collectorActions = (name: FunctionName) =>
      new Set(actionsOf(name).filter((action) => COLLECTOR_SERVICES.has(action.split(':')[0] ?? '')));

    // Assess
    expect(collectorActions('sweep-worker')).toEqual(collectorActions('sweep'));
  });
});
