import { createHash } from 'node:crypto';
import { snapshotPath } from '@customs/aws';
import { createAnswerer } from '../../../packages/aws/test/live/helpers/mock-aws.js';
import type { SnapshotFiles } from '../../../packages/aws/test/live/helpers/snapshot-files.js';
import type { Answer } from './intercept-aws.js';

const COLLECTOR_CLIENTS = {
  ECRClient: 'ecr',
  EKSClient: 'eks',
  EC2Client: 'ec2',
  IAMClient: 'iam',
  ECSClient: 'ecs',
  Inspector2Client: 'inspector2',
} as const;

/**
 * AWS as the handlers meet it offline: the collector's reads answered from a snapshot's recorded
 * responses (packages/aws/test/live/helpers/mock-aws.ts), EventBridge PutEvents accepting every
 * entry, Security Hub importing and updating every finding, Lambda Invoke accepting an asynchronous invocation and SQS SendMessageBatch queuing every
 * message, as AWS documents their answers;
 * DynamoDB goes through (to DynamoDB Local). Anything else is refused, after it was recorded.
 * @example const aws = interceptAws(offlineAws(readSnapshotDir(DEMO)));
 */
export function offlineAws(files: SnapshotFiles): Answer {
  const collector = createAnswerer(files, { logInputs: false });
  return function answer({ client, operation, input }) {
    if (client === 'DynamoDBClient') return undefined;
    const service = COLLECTOR_CLIENTS[client as keyof typeof COLLECTOR_CLIENTS];
    if (service) {
      return collector.answer(service, `${operation}Command`, input) as Promise<Record<string, unknown>>;
    }
    if (client === 'EventBridgeClient' && operation === 'PutEvents') {
      const entries = (input.Entries ?? []) as unknown[];
      return Promise.resolve({
        FailedEntryCount: 0,
        Entries: entries.map((_, index) => ({ EventId: `11710aed-b79e-4468-a20b-bb3c0c3b4860-${index}` })),
      });
    }
    if (client === 'SecurityHubClient' && operation === 'BatchImportFindings') {
      const findings = (input.Findings ?? []) as unknown[];
      return Promise.resolve({ SuccessCount: findings.length, FailedCount: 0, FailedFindings: [] });
    }
    if (client === 'SecurityHubClient' && operation === 'BatchUpdateFindings') {
      return Promise.resolve({ ProcessedFindings: input.FindingIdentifiers ?? [], UnprocessedFindings: [] });
    }
    if (client === 'LambdaClient' && operation === 'Invoke') {
      return Promise.resolve({
        StatusCode: 202,
        $metadata: { httpStatusCode: 202, requestId: 'e0c2c4c8-req' },
      });
    }
    if (client === 'SQSClient' && operation === 'SendMessageBatch') {
      const entries = (input.Entries ?? []) as { Id: string; MessageBody: string }[];
      return Promise.resolve({
        Successful: entries.map((entry, index) => ({
          Id: entry.Id,
          MessageId: `5fea7756-0ea4-451a-a703-a558b933e2${String(index).padStart(2, '0')}`,
          MD5OfMessageBody: createHash('md5').update(entry.MessageBody).digest('hex'),
        })),
        Failed: [],
      });
    }
    return Promise.reject(new Error(`${client} ${operation} is not answered offline`));
  };
}

/**
 * The snapshot with one more IAM user, created after IAM generated the credential report: the
 * report has no row for it, so the collector reads its credentials with the per-user calls.
 * @example const files = withUserAfterCredentialReport(readSnapshotDir(DEMO), 'new.hire');
 */
export function withUserAfterCredentialReport(files: SnapshotFiles, userName: string): SnapshotFiles {
  const path = 'iam/GetAccountAuthorizationDetails.json';
  const details = files.get(path) as { UserDetailList: Record<string, unknown>[] };
  const created = {
    Path: '/',
    UserName: userName,
    UserId: 'AIDACKCEVSQ6C2NEWHIRE',
    Arn: `arn:aws:iam::111122223333:user/${userName}`,
    CreateDate: '2026-11-28T09:12:44Z',
    UserPolicyList: [],
    GroupList: ['developers'],
    AttachedManagedPolicies: [],
    Tags: [],
  };
  return new Map(files).set(path, { ...details, UserDetailList: [...details.UserDetailList, created] });
}

/**
 * The snapshot with `count` more ECR repositories listed (DescribeRepositories), each like the
 * first one: an account too large for one sweep, as its coordinator counts it.
 * @example const files = withMoreRepositories(readSnapshotDir(DEMO), 200);
 */
export function withMoreRepositories(files: SnapshotFiles, count: number): SnapshotFiles {
  const path = 'ecr/DescribeRepositories.json';
  const listed = files.get(path) as { repositories: Record<string, unknown>[] };
  const [first] = listed.repositories;
  if (!first) throw new Error(`${path} lists no repository to copy`);
  const added = Array.from({ length: count }, function repositoryAt(_, index) {
    const repositoryName = `services/svc-${String(index).padStart(4, '0')}`;
    return {
      ...first,
      repositoryName,
      repositoryArn: `arn:aws:ecr:eu-west-1:111122223333:repository/${repositoryName}`,
      repositoryUri: `111122223333.dkr.ecr.eu-west-1.amazonaws.com/${repositoryName}`,
    };
  });
  return new Map(files).set(path, { ...listed, repositories: [...listed.repositories, ...added] });
}

/** AWS's managed AmazonECSTaskExecutionRolePolicy, as get-policy and get-policy-version print it. */
const EXECUTION_ROLE_POLICY_ARN = 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy';
const EXECUTION_ROLE_POLICY = {
  Policy: {
    PolicyName: 'AmazonECSTaskExecutionRolePolicy',
    PolicyId: 'ANPAJG4T4G4PV56DE72PY',
    Arn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
    Path: '/service-role/',
    DefaultVersionId: 'v1',
    AttachmentCount: 1,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    Description: 'Provides access to other AWS service resources that are required to run Amazon ECS tasks',
    CreateDate: '2017-11-16T18:48:22Z',
    UpdateDate: '2017-11-16T18:48:22Z',
    Tags: [],
  },
};
const EXECUTION_ROLE_POLICY_VERSION = {
  PolicyVersion: {
    Document: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: [
            'ecr:GetAuthorizationToken',
            'ecr:BatchCheckLayerAvailability',
            'ecr:GetDownloadUrlForLayer',
            'ecr:BatchGetImage',
            'logs:CreateLogStream',
            'logs:PutLogEvents',
          ],
          Resource: '*',
        },
      ],
    },
    VersionId: 'v1',
    IsDefaultVersion: true,
    CreateDate: '2017-11-16T18:48:22Z',
  },
};

/**
 * The snapshot with AWS's AmazonECSTaskExecutionRolePolicy attached to the demo's
 * `ecs-task-execution` role (in GetAccountAuthorizationDetails and the role's own calls), as
 * execution roles usually have it: the ECS reader then reads a managed policy of a role
 * (GetPolicy, GetPolicyVersion), which the demo's roles, with inline policies only, never make it do.
 * @example const files = withManagedExecutionRolePolicy(readSnapshotDir(DEMO));
 */
export function withManagedExecutionRolePolicy(files: SnapshotFiles): SnapshotFiles {
  const attached = [{ PolicyName: 'AmazonECSTaskExecutionRolePolicy', PolicyArn: EXECUTION_ROLE_POLICY_ARN }];
  const path = 'iam/GetAccountAuthorizationDetails.json';
  const details = files.get(path) as {
    RoleDetailList: Record<string, unknown>[];
    Policies: Record<string, unknown>[];
  };
  const version = EXECUTION_ROLE_POLICY_VERSION.PolicyVersion;
  return new Map(files)
    .set(path, {
      ...details,
      RoleDetailList: details.RoleDetailList.map((role) =>
        role.RoleName === 'ecs-task-execution' ? { ...role, AttachedManagedPolicies: attached } : role,
      ),
      Policies: [
        ...details.Policies,
        { ...EXECUTION_ROLE_POLICY.Policy, PolicyVersionList: [{ ...version }] },
      ],
    })
    .set(snapshotPath('iam', 'ListAttachedRolePolicies', 'ecs-task-execution'), {
      AttachedPolicies: attached,
      IsTruncated: false,
    })
    .set(snapshotPath('iam', 'GetPolicy', EXECUTION_ROLE_POLICY_ARN), EXECUTION_ROLE_POLICY)
    .set(
      snapshotPath('iam', 'GetPolicyVersion', EXECUTION_ROLE_POLICY_ARN, 'v1'),
      EXECUTION_ROLE_POLICY_VERSION,
    );
}
