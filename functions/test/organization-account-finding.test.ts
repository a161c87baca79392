import { randomBytes } from 'node:crypto';
import { AssumeRoleCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import { createApiHandler } from '@customs/api';
import {
  AccountRouter,
  ALL_READERS,
  accountDirectory,
  createAwsClients,
  LiveCollector,
  MemberCredentials,
  type Scope,
} from '@customs/aws';
import { DEFAULT_CONFIG, evaluateAll } from '@customs/core';
import { type ApiServer, findFreePort, localLambdaContext, startApiServer } from '@customs/local';
import { useDynamoDbLocal } from '@customs/local/testing';
import { type PipelineDependencies, processEvent } from '@customs/pipeline';
import { FindingsRepository, SuppressionsRepository } from '@customs/store';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type MockedAws, mockAws } from '../../packages/aws/test/live/helpers/mock-aws.js';
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

const TOKEN = 'organisation-token-7c21';
/** STS's documented sample credentials: they must never reach a finding. */
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY';

interface ApiFinding {
  id: string;
  checkId: string;
  resourceType: string;
  resourceId: string;
  accountId: string;
  region: string;
  status: string;
  message: string;
}

/**
 * Three accounts (the home, a member, a member whose role cannot be assumed until it is
 * deployed), STS and each account's clients mocked, the store DynamoDB Local, the findings read
 * through the HTTP API: the broken account's aws-account finding, its resolution, the others'.
 */
describe('an organisation: the account-level finding (aws-account-reachable)', () => {
  const dynamo = useDynamoDbLocal();
  const sts = mockClient(STSClient);
  const mocks: MockedAws[] = [];
  const role = { deployed: false };
  let dependencies: PipelineDependencies;
  let router: AccountRouter;
  let api: ApiServer;
  const saved = { ...process.env };

  async function findings(query: string): Promise<ApiFinding[]> {
    const response = await fetch(`${api.url}/findings?${query}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { findings: ApiFinding[] }).findings;
  }

  /** The sweep as Lambda runs it: the coordinator's messages, then the worker on them (or on `only`). */
  async function sweep(only?: string) {
    const queued: object[] = [];
    const enqueuer = () => async (units: readonly object[]) => {
      queued.push(...units);
    };
    await createSweepHandler(async () => dependencies, enqueuer)({}, localLambdaContext('sweep'));
    const messages = queued
      .splice(0)
      .map((message) => JSON.stringify(message))
      .filter((message) => only === undefined || message.includes(only));
    const worker = createSweepWorker(async () => dependencies, enqueuer);
    return worker(sqsEvent(messages), localLambdaContext('sweep-worker'));
  }

  beforeAll(async () => {
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
      if (input.RoleArn.includes(BROKEN) && !role.deployed) {
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
          SecretAccessKey: SECRET,
          SessionToken: 'AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQW',
          Expiration: new Date(T0 + 3_600_000),
        },
        AssumedRoleUser: { Arn: `${input.RoleArn}/customs`, AssumedRoleId: 'ARO123EXAMPLE123:customs' },
      };
    });
    const members = new MemberCredentials({
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
    router = new AccountRouter({
      home: { accountId: HOME, region: REGION },
      isMember: (id) => directory.isMember(id),
      members: () => directory.members(),
      open,
      assessScopes: { memberRoleName: 'CustomsReadOnly' },
    });
    const options = { client: dynamo.client, tableName: dynamo.tableName };
    const repository = new FindingsRepository(options);
    dependencies = { collector: router, repository, config: DEFAULT_CONFIG, clock: () => new Date() };
    api = await startApiServer({
      port: await findFreePort(),
      token: TOKEN,
      handler: createApiHandler({
        findings: repository,
        suppressions: new SuppressionsRepository(options),
        cursorKey: randomBytes(32),
        maxSuppressionDays: 90,
        startSweep: () => Promise.reject(new Error('not in this test')),
      }),
    });
  });
  afterAll(async () => {
    vi.useRealTimers();
    await api?.close();
    for (const mock of mocks) await mock.restore();
    sts.restore();
    process.env = saved;
  });

  it("an event of the broken account writes its ERROR finding, naming STS's answer, never credentials", {
    timeout: 120_000,
  }, async () => {
    // Act
    const outcome = await processEvent(pushIn(BROKEN), dependencies);
    // Assess
    const stored = await findings(`accountId=${BROKEN}`);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      checkId: 'aws-account-reachable',
      resourceType: 'aws-account',
      resourceId: `arn:aws:sts:${REGION}:${BROKEN}:account/${BROKEN}`,
      accountId: BROKEN,
      region: REGION,
      status: 'ERROR',
      message: expect.stringContaining('AccessDenied: User: arn:aws:sts::111122223333:assumed-role/'),
    });
    expect(stored[0]?.message).toContain(`cannot assume arn:aws:iam::${BROKEN}:role/CustomsReadOnly`);
    // a transition like any other: the fan-out announces it
    expect(outcome.changes.map((change) => change.transition)).toEqual(['errored']);
    expect(JSON.stringify(stored)).not.toContain('wJalrXUtnFEMI');
  });

  it('the sweep: the broken account stays ERROR, every other account and region is read and PASS', {
    timeout: 240_000,
  }, async () => {
    // Prepare
    vi.setSystemTime(T0 + 60_000);
    // Act
    const result = await sweep();
    // Assess
    expect(result).toEqual({ batchItemFailures: [] });
    const scopes = await findings('resourceType=aws-account');
    expect(scopes.map((finding) => `${finding.accountId} ${finding.status}`).sort()).toEqual([
      `${HOME} PASS`,
      `${MEMBER} PASS`,
      `${BROKEN} ERROR`,
    ]);
    expect((await findings(`accountId=${MEMBER}&limit=500`)).length).toBeGreaterThan(30);
    expect((await findings(`accountId=${HOME}&limit=500`)).length).toBeGreaterThan(30);
    expect(await findings(`accountId=${BROKEN}`)).toHaveLength(1);
  });

  it('the role deployed, the next sweep of the account resolves it (PASS), and a late, older ERROR never wins', {
    timeout: 240_000,
  }, async () => {
    // Prepare
    role.deployed = true;
    vi.setSystemTime(T0 + 120_000);
    const [before] = await findings(`accountId=${BROKEN}&resourceType=aws-account`);
    // Act
    const result = await sweep(BROKEN);
    const late = evaluateAll(
      [router.accountResource({ accountId: BROKEN, region: REGION }, 'AccessDenied: late')],
      {
        evaluatedAt: new Date(T0 + 90_000),
      },
    );
    const lateChanges = await dependencies.repository.applyEvaluation(late);
    // Assess
    expect(result).toEqual({ batchItemFailures: [] });
    const [after] = await findings(`accountId=${BROKEN}&resourceType=aws-account`);
    expect(after).toMatchObject({ id: before?.id, status: 'PASS' });
    expect(after?.message).toBe(`Account ${BROKEN} in ${REGION}: read through its role CustomsReadOnly`);
    expect(lateChanges.map((change) => change.transition)).toEqual(['stale']);
    expect((await findings(`accountId=${BROKEN}&limit=500`)).length).toBeGreaterThan(30);
    expect(await findings('resourceType=aws-account&status=ERROR')).toEqual([]);
  });
});
