import { AssumeRoleCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import {
  AccountRouter,
  ALL_READERS,
  accountDirectory,
  createAwsClients,
  LiveCollector,
  MemberCredentials,
  type Scope,
} from '@customs/aws';
import { DEFAULT_CONFIG } from '@customs/core';
import { localLambdaContext } from '@customs/local';
import { useDynamoDbLocal } from '@customs/local/testing';
import { type AccountSweepMessage, type PipelineDependencies, processEvent } from '@customs/pipeline';
import { FindingsRepository, type StoredFinding } from '@customs/store';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type MockedAws, mockAws } from '../../packages/aws/test/live/helpers/mock-aws.js';
import { organizationCollector } from '../src/runtime/lambda-dependencies.js';
import { createSweepHandler } from '../src/sweep-handler.js';
import { createSweepWorker } from '../src/sweep-worker.js';
import {
  BROKEN,
  filesOf,
  HOME,
  MEMBER,
  pushIn,
  REGION,
  sqsEvent,
  T0,
} from './helpers/organization-fixtures.js';

async function allFindings(repository: FindingsRepository): Promise<StoredFinding[]> {
  const found: StoredFinding[] = [];
  let cursor: string | undefined;
  do {
    const page = await repository.listFindings({ limit: 1000, ...(cursor ? { cursor } : {}) });
    found.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return found;
}

/**
 * Three accounts: the home (the demo), a member (the demo's copy), and a member whose role
 * cannot be assumed. STS and each account's clients are mocked (aws-sdk-client-mock); the store
 * is DynamoDB Local.
 */
describe('an organisation: events and the sweep across three accounts', () => {
  const dynamo = useDynamoDbLocal();
  const sts = mockClient(STSClient);
  const mocks: MockedAws[] = [];
  let dependencies: PipelineDependencies;
  let members: MemberCredentials;
  const saved = { ...process.env };

  beforeAll(() => {
    Object.assign(process.env, {
      AWS_REGION: REGION,
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
    });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    sts.on(AssumeRoleCommand).callsFake(async (input: { RoleArn: string }) => {
      if (input.RoleArn.includes(BROKEN)) {
        throw new STSServiceException({
          name: 'AccessDenied',
          $fault: 'client',
          $metadata: { httpStatusCode: 403 },
          message: `User: arn:aws:sts::${HOME}:assumed-role/customs-sweep-worker/x is not authorized to perform: sts:AssumeRole on resource: ${input.RoleArn}`,
        });
      }
      return {
        Credentials: {
          AccessKeyId: 'ASIAIOSFODNN7EXAMPLE',
          SecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY',
          SessionToken: 'AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQW',
          Expiration: new Date(T0 + 3_600_000),
        },
        AssumedRoleUser: {
          Arn: `${input.RoleArn}/customs-sweep-worker`,
          AssumedRoleId: 'ARO123EXAMPLE123:customs',
        },
      };
    });
    members = new MemberCredentials({
      roleName: 'CustomsReadOnly',
      functionName: 'sweep-worker',
      sts: new STSClient({}),
    });
    const directory = accountDirectory([MEMBER, BROKEN]);
    const open = async (scope: Scope) => {
      const home = scope.accountId === HOME;
      if (!home) await members.credentials(scope.accountId);
      const made = createAwsClients({
        region: scope.region,
        ...(home ? {} : { credentials: members.provider(scope.accountId) }),
      });
      const mock = mockAws(filesOf(scope.accountId), { clients: made });
      mocks.push(mock);
      // each cluster's Kubernetes API answered from the same files (no network)
      const { ecr, eks, ec2, iam, ecs, inspector2 } = made;
      const clients = {
        ecr,
        eks,
        ec2,
        iam,
        ecs,
        inspector2,
        kubernetes: mock.clients(scope.region).kubernetes,
      };
      return LiveCollector.open({ readers: ALL_READERS, clients, ...scope });
    };
    const collector = new AccountRouter({
      home: { accountId: HOME, region: REGION },
      isMember: (id) => directory.isMember(id),
      members: () => directory.members(),
      open,
    });
    dependencies = {
      collector,
      repository: new FindingsRepository({ client: dynamo.client, tableName: dynamo.tableName }),
      config: DEFAULT_CONFIG,
      clock: () => new Date(),
    };
  });
  afterAll(async () => {
    vi.useRealTimers();
    for (const mock of mocks) await mock.restore();
    sts.restore();
    process.env = saved;
  });

  it('assesses an event of each account under its own account, and ignores a non-member with the reason', {
    timeout: 120_000,
  }, async () => {
    // Act
    const home = await processEvent(pushIn(HOME), dependencies);
    const member = await processEvent(pushIn(MEMBER), dependencies);
    const broken = await processEvent(pushIn(BROKEN), dependencies);
    const outsider = await processEvent(pushIn('123456789012'), dependencies);
    // Assess
    const stored = await allFindings(dependencies.repository);
    const accounts = new Set(stored.map((finding) => finding.accountId));
    expect([...accounts].sort()).toEqual([HOME, MEMBER]);
    expect(home.changes.length).toBeGreaterThan(0);
    expect(member.changes.length).toBe(home.changes.length);
    expect(member.changes.every((change) => change.resourceId.includes(`:${MEMBER}:`))).toBe(true);
    expect(broken.changes).toEqual([]);
    expect(broken.warnings.join('\n')).toMatch(
      /account 777788889999 in eu-west-1 could not be read: MemberRoleError/,
    );
    expect(outsider.warnings).toContain(
      'account 123456789012 is not in the organisation: ignored (2 ref(s))',
    );
    expect(JSON.stringify([broken, outsider])).not.toContain('wJalrXUtnFEMI');
  });

  it('sweeps every account × region over the queue: the broken account reported, the others stored', {
    timeout: 240_000,
  }, async () => {
    // Prepare
    const queued: (AccountSweepMessage | object)[] = [];
    const enqueuer = () => async (units: readonly object[]) => {
      queued.push(...units);
    };
    const coordinator = createSweepHandler(async () => dependencies, enqueuer);
    const worker = createSweepWorker(async () => dependencies, enqueuer);
    const before = members.calls;
    // Act
    const planned = await coordinator({}, localLambdaContext('sweep'));
    const messages = queued.splice(0).map((message) => JSON.stringify(message));
    const result = await worker(sqsEvent(messages), localLambdaContext('sweep-worker'));
    // Assess
    expect(planned).toMatchObject({ split: true, enqueued: 3 });
    expect(messages.map((message) => JSON.parse(message))).toEqual(
      [HOME, MEMBER, BROKEN].map((accountId) => ({ service: 'account', accountId, region: REGION })),
    );
    expect(result).toEqual({ batchItemFailures: [] });
    const stored = await allFindings(dependencies.repository);
    const byAccount = (id: string) => stored.filter((finding) => finding.accountId === id);
    expect(byAccount(HOME).length).toBeGreaterThan(30);
    // (the member's copy has no access entries: their snapshot files are keyed by the home's principal ARNs)
    expect(byAccount(MEMBER).length).toBeGreaterThan(30);
    const types = (id: string) =>
      new Set(
        byAccount(id)
          .map((finding) => finding.resourceType)
          .filter((type) => type !== 'eks-access-entry'),
      );
    expect([...types(MEMBER)].sort()).toEqual([...types(HOME)].sort());
    expect(byAccount(BROKEN)).toEqual([]);
    // the member's credentials were cached since the events: no AssumeRole but the broken account's
    expect(members.calls - before).toBe(1);
  });
});

describe('organizationCollector (the Lambda wiring)', () => {
  it('routes over the configured accounts and regions, the home account from CUSTOMS_ACCOUNT_ID', async () => {
    // Prepare
    const organization = {
      memberRoleName: 'CustomsReadOnly',
      accounts: [MEMBER, BROKEN],
      regions: [REGION, 'us-east-2'],
    };
    // Act
    const collector = await organizationCollector(ALL_READERS, organization, REGION, {
      CUSTOMS_ACCOUNT_ID: HOME,
    });
    // Assess
    expect(collector).toBeInstanceOf(AccountRouter);
    expect(collector.scope).toEqual({ accountId: HOME, region: REGION });
    const scopes = await (collector as AccountRouter).scopes();
    expect(scopes.map((scope) => `${scope.accountId} ${scope.region}`)).toEqual(
      [HOME, MEMBER, BROKEN].flatMap((accountId) => [`${accountId} ${REGION}`, `${accountId} us-east-2`]),
    );
    const ignored = await collector.collect([
      { type: 'ecr-repository', name: 'app', accountId: '123456789012' },
    ]);
    expect(ignored.warnings).toEqual(['account 123456789012 is not in the organisation: ignored (1 ref(s))']);
  });
});
