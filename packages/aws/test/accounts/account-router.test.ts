import { STSServiceException } from '@aws-sdk/client-sts';
import type { ResourceRef } from '@customs/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AccountRouter,
  type Collector,
  createAwsClients,
  ECR_READER,
  LiveCollector,
  type Scope,
} from '../../src/index.js';
import { ACCOUNT, fixtureAccount, REGION, SLASHED } from '../live/helpers/fixture-account.js';
import { type MockedAws, mockAws } from '../live/helpers/mock-aws.js';
import { filesAs, type SnapshotFiles } from '../live/helpers/snapshot-files.js';

const HOME = ACCOUNT;
const MEMBER = '444455556666';
const BROKEN = '777788889999';
const OUTSIDER = '123456789012';

/** The fixture account's files (AWS's published CLI samples), as another account holds them. */
function filesOf(accountId: string): SnapshotFiles {
  return filesAs(fixtureAccount(), ACCOUNT, accountId);
}

/** STS AssumeRole's answer when the role does not exist or does not trust the caller (403 AccessDenied). */
function assumeRoleDenied(accountId: string): STSServiceException {
  return new STSServiceException({
    name: 'AccessDenied',
    $fault: 'client',
    $metadata: { httpStatusCode: 403 },
    message: `User: arn:aws:sts::${HOME}:assumed-role/customs-sweep/customs-sweep is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${accountId}:role/CustomsReadOnly`,
  });
}

const mocks: MockedAws[] = [];
afterEach(async () => {
  for (const mock of mocks.splice(0)) await mock.restore();
});

/** Three accounts, each with its own mocked clients; BROKEN's role cannot be assumed. */
function organisation(regions: string[] = [REGION]) {
  const opened: Scope[] = [];
  const byAccount = new Map<string, MockedAws>();
  const open = async (scope: Scope): Promise<Collector> => {
    opened.push(scope);
    if (scope.accountId === BROKEN) throw assumeRoleDenied(scope.accountId);
    const clients = createAwsClients({ region: scope.region });
    const mock = mockAws(filesOf(scope.accountId), { clients });
    mocks.push(mock);
    byAccount.set(scope.accountId, mock);
    return LiveCollector.open({ readers: { services: { ecr: ECR_READER } }, clients, ...scope });
  };
  const router = new AccountRouter({
    home: { accountId: HOME, region: REGION },
    isMember: (accountId) => [MEMBER, BROKEN].includes(accountId),
    members: () => [MEMBER, BROKEN],
    regions,
    open,
  });
  return { router, opened, byAccount };
}

const repositoryIn = (accountId?: string): ResourceRef => ({
  type: 'ecr-repository',
  name: SLASHED,
  ...(accountId ? { accountId, region: REGION } : {}),
});

describe('AccountRouter', () => {
  it('reads each ref in its own account, ignores a non-member with the reason, and a broken account blocks no other', async () => {
    // Prepare
    const { router, opened, byAccount } = organisation();
    const refs = [repositoryIn(), repositoryIn(MEMBER), repositoryIn(BROKEN), repositoryIn(OUTSIDER)];
    // Act
    const result = await router.collect(refs);
    // Assess
    const repositories = result.resources.filter((resource) => resource.type === 'ecr-repository');
    expect(repositories.map((resource) => resource.accountId).sort()).toEqual([HOME, MEMBER]);
    expect(repositories.map((resource) => resource.id).sort()).toEqual([
      `arn:aws:ecr:${REGION}:${HOME}:repository/${SLASHED}`,
      `arn:aws:ecr:${REGION}:${MEMBER}:repository/${SLASHED}`,
    ]);
    expect(result.warnings).toContain(`account ${OUTSIDER} is not in the organisation: ignored (1 ref(s))`);
    expect(opened.map((scope) => scope.accountId)).not.toContain(OUTSIDER);
    expect(result.missing).toEqual([]);
    expect(result.failures).toEqual([
      {
        scope: { accountId: BROKEN, region: REGION },
        reason: expect.stringMatching(/^AccessDenied: .*sts:AssumeRole/),
      },
    ]);
    expect(
      result.warnings.some((warning) =>
        warning.startsWith(`account ${BROKEN} in ${REGION} could not be read: AccessDenied`),
      ),
    ).toBe(true);
    expect(byAccount.get(MEMBER)?.actions()).toContain('ecr:DescribeRepositories');
  });

  it('opens each account and region once over several calls, and tries a failed one again', async () => {
    // Prepare
    const { router, opened } = organisation();
    // Act
    await router.collect([repositoryIn(MEMBER), repositoryIn(BROKEN)]);
    await router.collect([repositoryIn(MEMBER), repositoryIn(BROKEN)]);
    // Assess
    expect(opened.filter((scope) => scope.accountId === MEMBER)).toHaveLength(1);
    expect(opened.filter((scope) => scope.accountId === BROKEN)).toHaveLength(2);
  });

  it('sweeps every member account × region, leaving out the one it cannot read', async () => {
    // Prepare
    const regions = [REGION, 'eu-west-1'];
    const { router, opened } = organisation(regions);
    // Act
    const result = await router.collectAll();
    // Assess
    expect(opened).toHaveLength(6);
    // (the describe-repositories sample also names a repository of its own sample account)
    const scopes = new Set(result.resources.map((resource) => `${resource.accountId} ${resource.region}`));
    for (const accountId of [HOME, MEMBER]) {
      for (const region of regions) expect(scopes).toContain(`${accountId} ${region}`);
    }
    expect(result.resources.some((resource) => resource.accountId === BROKEN)).toBe(false);
    expect(result.failures.map((failure) => failure.scope)).toEqual(
      regions.map((region) => ({ accountId: BROKEN, region })),
    );
    expect(result.incomplete).toBeUndefined();
  });

  it('never reads a ref whose account is not an account id, and escapes it in the warning', async () => {
    // Prepare
    const { router, opened } = organisation();
    const hostile = { ...repositoryIn(MEMBER), accountId: '\u001b[2J../../x' };
    // Act
    const result = await router.collect([hostile]);
    // Assess
    expect(opened).toEqual([]);
    expect(result.resources).toEqual([]);
    expect(result.warnings).toEqual([
      'account \\u001b[2J../../x is not an AWS account id: ignored (1 ref(s))',
    ]);
  });

  it('throws an error that is not an account failure once every scope has settled', async () => {
    // Prepare
    const settled: string[] = [];
    const router = new AccountRouter({
      home: { accountId: HOME, region: REGION },
      isMember: () => true,
      open: async (scope) => {
        if (scope.accountId === BROKEN) throw new Error('socket hang up');
        return {
          scope,
          collectAll: async () => ({ resources: [], missing: [], warnings: [] }),
          collect: async () => {
            settled.push(scope.accountId);
            return { resources: [], missing: [], warnings: [] };
          },
        };
      },
    });
    // Act
    const read = router.collect([repositoryIn(BROKEN), repositoryIn(MEMBER)]);
    // Assess
    await expect(read).rejects.toThrow('socket hang up');
    expect(settled).toEqual([MEMBER]);
  });

  it("keeps the home account's findings when a sweep cannot read it (incomplete)", async () => {
    // Prepare
    const router = new AccountRouter({
      home: { accountId: BROKEN, region: REGION },
      isMember: () => true,
      open: async (scope) => {
        throw assumeRoleDenied(scope.accountId);
      },
    });
    // Act
    const result = await router.collectAll();
    // Assess
    expect(result.resources).toEqual([]);
    expect(result.incomplete).toEqual([
      expect.objectContaining({
        idPrefix: '',
        resourceTypes: expect.arrayContaining(['ecr-repository', 'iam-role']),
      }),
    ]);
  });
});
