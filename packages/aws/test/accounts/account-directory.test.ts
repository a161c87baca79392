import { type Account, ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { accountDirectory, homeAccountId } from '../../src/index.js';

/** An account as ListAccounts answers it (Organizations API reference example), in `o-exampleorgid`. */
function account(id: string, name: string, state: Pick<Account, 'State' | 'Status'>): Account {
  return {
    Arn: `arn:aws:organizations::111111111111:account/o-exampleorgid/${id}`,
    Email: `${name}@example.com`,
    Id: id,
    JoinedMethod: 'INVITED' as const,
    JoinedTimestamp: new Date('2016-11-21T23:20:46Z'),
    Name: name,
    ...state,
  };
}

const organizations = mockClient(OrganizationsClient);
const sts = mockClient(STSClient);
afterEach(() => {
  organizations.reset();
  sts.reset();
});

describe('accountDirectory', () => {
  it("reads the organisation's ACTIVE accounts over every page, once for concurrent callers", async () => {
    // Prepare
    organizations
      .on(ListAccountsCommand, {})
      .resolves({
        Accounts: [
          account('111111111111', 'master', { Status: 'ACTIVE' }),
          account('222222222222', 'old', { Status: 'SUSPENDED' }),
        ],
        NextToken: 'page-2',
      })
      .on(ListAccountsCommand, { NextToken: 'page-2' })
      .resolves({
        Accounts: [
          account('333333333333', 'developer', { State: 'ACTIVE', Status: 'ACTIVE' }),
          account('444444444444', 'leaving', { State: 'PENDING_CLOSURE', Status: 'ACTIVE' }),
        ],
      });
    const directory = accountDirectory('organization', {
      organizations: new OrganizationsClient({ region: 'us-east-1' }),
    });
    // Act
    const answers = await Promise.all(
      ['111111111111', '222222222222', '333333333333', '444444444444'].map((id) => directory.isMember(id)),
    );
    const members = await directory.members();
    // Assess
    expect(answers).toEqual([true, false, true, false]);
    expect(members).toEqual(['111111111111', '333333333333']);
    expect(organizations.commandCalls(ListAccountsCommand)).toHaveLength(2);
  });

  it('reads ListAccounts again once its answer is older than the TTL, and after a failed read', async () => {
    // Prepare
    const clock = { now: 0 };
    organizations
      .on(ListAccountsCommand)
      .rejectsOnce(new Error('throttled'))
      .resolves({ Accounts: [account('111111111111', 'a', { State: 'ACTIVE' })] });
    const directory = accountDirectory('organization', {
      organizations: new OrganizationsClient({ region: 'us-east-1' }),
      now: () => clock.now,
      ttlMs: 1000,
    });
    // Act
    const failed = await directory.isMember('111111111111').catch(() => 'failed');
    const first = await directory.isMember('111111111111');
    clock.now = 999;
    await directory.isMember('111111111111');
    const callsWithinTtl = organizations.commandCalls(ListAccountsCommand).length;
    clock.now = 1000;
    await directory.isMember('111111111111');
    // Assess
    expect([failed, first]).toEqual(['failed', true]);
    expect(callsWithinTtl).toBe(2);
    expect(organizations.commandCalls(ListAccountsCommand)).toHaveLength(3);
  });

  it('takes a configured list as it is, asking AWS nothing', async () => {
    // Prepare
    const directory = accountDirectory(['444455556666', '111122223333']);
    // Act
    const members = await directory.members();
    // Assess
    expect(members).toEqual(['111122223333', '444455556666']);
    expect(await directory.isMember('777788889999')).toBe(false);
    expect(organizations.calls()).toHaveLength(0);
  });
});

describe('homeAccountId', () => {
  it('takes CUSTOMS_ACCOUNT_ID, else asks STS GetCallerIdentity', async () => {
    // Prepare
    sts.on(GetCallerIdentityCommand).resolves({
      UserId: 'AROAJ3ZW4EXAMPLE:customs-sweep',
      Account: '123456789012',
      Arn: 'arn:aws:sts::123456789012:assumed-role/customs-sweep/customs-sweep',
    });
    const client = new STSClient({ region: 'us-east-1' });
    // Act
    const fromEnv = await homeAccountId({ CUSTOMS_ACCOUNT_ID: '111122223333' }, client);
    const fromSts = await homeAccountId({}, client);
    // Assess
    expect([fromEnv, fromSts]).toEqual(['111122223333', '123456789012']);
    expect(sts.commandCalls(GetCallerIdentityCommand)).toHaveLength(1);
  });
});
