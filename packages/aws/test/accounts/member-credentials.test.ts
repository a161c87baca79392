import { AssumeRoleCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AccountRouter,
  ECR_READER,
  type LiveCollector,
  MemberCredentials,
  MemberRoleError,
  memberOpener,
} from '../../src/index.js';

const HOME = '111122223333';
const MEMBER = '444455556666';
const BROKEN = '777788889999';
const REGION = 'us-east-2';
const HOUR = 3_600_000;
const T0 = Date.parse('2026-12-01T12:00:00Z');

/** STS AssumeRole's documented answer (API reference example), expiring in an hour. */
function assumed(accountId: string, at = T0) {
  return {
    Credentials: {
      AccessKeyId: `ASIAIOSFODNN7${accountId.slice(0, 7)}`,
      SecretAccessKey: `wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY${accountId}`,
      SessionToken: `AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQW${accountId}`,
      Expiration: new Date(at + HOUR),
    },
    AssumedRoleUser: {
      Arn: `arn:aws:sts::${accountId}:assumed-role/CustomsReadOnly/customs-sweep-worker`,
      AssumedRoleId: 'ARO123EXAMPLE123:customs-sweep-worker',
    },
    PackedPolicySize: 8,
  };
}

/** STS's error answers: the role missing or not trusting the caller (403 AccessDenied), throttling (400). */
function stsError(name: string, message: string, status = 400): STSServiceException {
  return new STSServiceException({ name, $fault: 'client', $metadata: { httpStatusCode: status }, message });
}

const sts = mockClient(STSClient);
afterEach(() => sts.reset());

function members(clock = { now: T0 }, externalId?: string) {
  sts.on(AssumeRoleCommand).callsFake(async (input: { RoleArn: string }) => {
    const accountId = input.RoleArn.split(':')[4] ?? '';
    if (accountId === BROKEN) {
      throw stsError(
        'AccessDenied',
        `User: arn:aws:sts::${HOME}:assumed-role/customs-sweep-worker/x is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${BROKEN}:role/CustomsReadOnly\u001b[31m`,
        403,
      );
    }
    return assumed(accountId, clock.now);
  });
  return new MemberCredentials({
    roleName: 'CustomsReadOnly',
    functionName: 'sweep-worker',
    sts: new STSClient({ region: REGION }),
    now: () => clock.now,
    sleep: async () => {},
    ...(externalId ? { externalId } : {}),
  });
}

describe('MemberCredentials', () => {
  it("assumes the account's member role once, with the session name and the external id", async () => {
    // Prepare
    const credentials = members(undefined, 'customs-7f3a');
    // Act
    const first = await credentials.credentials(MEMBER);
    for (let call = 0; call < 20; call += 1) await credentials.provider(MEMBER)();
    // Assess
    expect(first.accessKeyId).toBe(assumed(MEMBER).Credentials.AccessKeyId);
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(1);
    expect(sts.commandCalls(AssumeRoleCommand)[0]?.args[0].input).toEqual({
      RoleArn: `arn:aws:iam::${MEMBER}:role/CustomsReadOnly`,
      RoleSessionName: 'customs-sweep-worker',
      ExternalId: 'customs-7f3a',
    });
  });

  it('shares one call in flight between concurrent callers', async () => {
    // Prepare
    const credentials = members();
    // Act
    const all = await Promise.all(Array.from({ length: 10 }, () => credentials.credentials(MEMBER)));
    // Assess
    expect(new Set(all.map((identity) => identity.sessionToken)).size).toBe(1);
    expect(credentials.calls).toBe(1);
  });

  it('renews the credentials 5 minutes before they expire, not before', async () => {
    // Prepare
    const clock = { now: T0 };
    const credentials = members(clock);
    await credentials.credentials(MEMBER);
    // Act
    clock.now = T0 + HOUR - 6 * 60_000;
    await credentials.credentials(MEMBER);
    const callsWhileFresh = credentials.calls;
    clock.now = T0 + HOUR - 4 * 60_000;
    const renewed = await credentials.credentials(MEMBER);
    // Assess
    expect(callsWhileFresh).toBe(1);
    expect(credentials.calls).toBe(2);
    expect(renewed.expiration.getTime()).toBe(clock.now + HOUR);
  });

  it('retries STS throttling, a bounded number of times', async () => {
    // Prepare
    const credentials = members();
    sts
      .on(AssumeRoleCommand)
      .rejectsOnce(stsError('Throttling', 'Rate exceeded'))
      .rejectsOnce(stsError('Throttling', 'Rate exceeded'))
      .resolves(assumed(MEMBER));
    const throttled = new MemberCredentials({
      roleName: 'CustomsReadOnly',
      functionName: 'on-ecr-event',
      sts: new STSClient({ region: REGION }),
      sleep: async () => {},
    });
    // Act
    const identity = await throttled.credentials(MEMBER);
    sts.on(AssumeRoleCommand).rejects(stsError('Throttling', 'Rate exceeded'));
    const always = throttled.credentials(HOME);
    // Assess
    expect(identity.accessKeyId).toBe(assumed(MEMBER).Credentials.AccessKeyId);
    await expect(always).rejects.toMatchObject({ kind: 'throttled' });
    expect(throttled.calls).toBe(3 + 4);
    expect(credentials.calls).toBe(0);
  });

  it("fails with STS's answer escaped and bounded, never with credentials", async () => {
    // Prepare
    const credentials = members();
    const secrets = Object.values(assumed(MEMBER).Credentials).filter((value) => typeof value === 'string');
    await credentials.credentials(MEMBER);
    // Act
    const error = await credentials.credentials(BROKEN).catch((caught: unknown) => caught);
    // Assess
    expect(error).toBeInstanceOf(MemberRoleError);
    expect(error).toMatchObject({ kind: 'access-denied', code: 'AccessDenied' });
    const message = (error as Error).message;
    expect(message).toMatch(
      new RegExp(
        `^cannot assume arn:aws:iam::${BROKEN}:role/CustomsReadOnly: AccessDenied: User: .*sts:AssumeRole`,
      ),
    );
    expect(message).toContain('\\u001b[31m');
    expect(message).not.toContain('\u001b');
    for (const secret of secrets) expect(message).not.toContain(secret);
    expect(credentials.calls).toBe(2);
  });
});

describe('memberOpener', () => {
  it("signs a member's reads with its role, the home account's with the function's own, and fails a broken account at open", async () => {
    // Prepare
    const credentials = members();
    const open = memberOpener({
      homeAccountId: HOME,
      members: credentials,
      collector: { readers: { services: { ecr: ECR_READER } } },
    });
    const router = new AccountRouter({
      home: { accountId: HOME, region: REGION },
      isMember: () => true,
      open,
    });
    // Act
    const member = (await router.collectorOf({ accountId: MEMBER, region: REGION })) as LiveCollector;
    const home = (await router.collectorOf({ accountId: HOME, region: REGION })) as LiveCollector;
    const broken = await router.collect([
      { type: 'ecr-repository', name: 'app', accountId: BROKEN, region: REGION },
    ]);
    // Assess
    const signing = await (
      member.clients.ecr.config.credentials as () => Promise<{ secretAccessKey: string }>
    )();
    expect(signing.secretAccessKey).toBe(assumed(MEMBER).Credentials.SecretAccessKey);
    expect(member.scope).toEqual({ accountId: MEMBER, region: REGION });
    expect(home.scope).toEqual({ accountId: HOME, region: REGION });
    expect(sts.commandCalls(AssumeRoleCommand).map((call) => call.args[0].input.RoleArn)).toEqual([
      `arn:aws:iam::${MEMBER}:role/CustomsReadOnly`,
      `arn:aws:iam::${BROKEN}:role/CustomsReadOnly`,
    ]);
    expect(broken.failures).toEqual([
      {
        scope: { accountId: BROKEN, region: REGION },
        reason: expect.stringMatching(
          /^MemberRoleError: cannot assume arn:aws:iam::777788889999:role\/CustomsReadOnly: AccessDenied/,
        ),
      },
    ]);
    expect(JSON.stringify(broken)).not.toContain(assumed(MEMBER).Credentials.SecretAccessKey);
  });
});
