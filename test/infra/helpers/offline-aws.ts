import { createHash } from 'node:crypto';
import { createAnswerer } from '../../../packages/aws/test/live/helpers/mock-aws.js';
import type { SnapshotFiles } from '../../../packages/aws/test/live/helpers/snapshot-files.js';
import type { Answer } from './intercept-aws.js';

const COLLECTOR_CLIENTS = {
  ECRClient: 'ecr',
  EKSClient: 'eks',
  EC2Client: 'ec2',
  IAMClient: 'iam',
  ECSClient: 'ecs',
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
