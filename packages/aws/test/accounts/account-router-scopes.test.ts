import { STSServiceException } from '@aws-sdk/client-sts';
import { evaluateAll, type Resource, type ResourceRef } from '@customs/core';
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
/** The documentation's example credentials (STS AssumeRole's sample answer). */
const KEY_ID = 'ASIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY';

/** The fixture account's files (AWS's published CLI samples), as another account holds them. */
function filesOf(accountId: string): SnapshotFiles {
  return filesAs(fixtureAccount(), ACCOUNT, accountId);
}

/** STS AssumeRole's 403 AccessDenied, with a message that (hostile) carries key material. */
function assumeRoleDenied(accountId: string): STSServiceException {
  return new STSServiceException({
    name: 'AccessDenied',
    $fault: 'client',
    $metadata: { httpStatusCode: 403 },
    message: `User: arn:aws:sts::${HOME}:assumed-role/customs-sweep/customs-sweep is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${accountId}:role/CustomsReadOnly (${KEY_ID} ${SECRET})\u001b[31m`,
  });
}

const mocks: MockedAws[] = [];
afterEach(async () => {
  for (const mock of mocks.splice(0)) await mock.restore();
});

/** Three accounts assessed as scopes; BROKEN's role cannot be assumed until `fixed`. */
function organisation(assess: boolean, regions: string[] = [REGION]) {
  const state = { fixed: false };
  const open = async (scope: Scope): Promise<Collector> => {
    if (scope.accountId === BROKEN && !state.fixed) throw assumeRoleDenied(scope.accountId);
    const clients = createAwsClients({ region: scope.region });
    const mock = mockAws(filesOf(scope.accountId), { clients });
    mocks.push(mock);
    return LiveCollector.open({ readers: { services: { ecr: ECR_READER } }, clients, ...scope });
  };
  const router = new AccountRouter({
    home: { accountId: HOME, region: REGION },
    isMember: (accountId) => [MEMBER, BROKEN].includes(accountId),
    members: () => [MEMBER, BROKEN],
    regions,
    open,
    ...(assess ? { assessScopes: { memberRoleName: 'CustomsReadOnly' } } : {}),
  });
  return { router, state };
}

const repositoryIn = (accountId: string): ResourceRef => ({
  type: 'ecr-repository',
  name: SLASHED,
  accountId,
  region: REGION,
});

const accounts = (resources: Resource[]) =>
  resources
    .filter((resource) => resource.type === 'aws-account')
    .flatMap((resource) => evaluateAll([resource]))
    .map((finding) => `${finding.accountId} ${finding.region} ${finding.status}`)
    .sort();

describe('AccountRouter assessing its scopes (aws-account)', () => {
  it('gives a broken scope an ERROR resource with the reason, without key material, and the opened ones a PASS', async () => {
    // Prepare
    const { router } = organisation(true);
    // Act
    const result = await router.collect([repositoryIn(HOME), repositoryIn(MEMBER), repositoryIn(BROKEN)]);
    // Assess
    expect(accounts(result.resources)).toEqual(
      [`${HOME} ${REGION} PASS`, `${MEMBER} ${REGION} PASS`, `${BROKEN} ${REGION} ERROR`].sort(),
    );
    const broken = result.resources
      .flatMap((resource) => evaluateAll([resource]))
      .find((f) => f.accountId === BROKEN);
    expect(broken).toMatchObject({
      checkId: 'aws-account-reachable',
      resourceId: `arn:aws:sts:${REGION}:${BROKEN}:account/${BROKEN}`,
      message: expect.stringMatching(
        new RegExp(
          `^Could not read ${BROKEN}/${REGION}: access \\(AccessDenied: .*not authorized to perform: sts:AssumeRole`,
        ),
      ),
    });
    expect(broken?.message).not.toContain(SECRET);
    expect(broken?.message).not.toContain(KEY_ID);
    expect(broken?.message).not.toContain('\u001b');
    expect(result.failures.map((failure) => failure.scope.accountId)).toEqual([BROKEN]);
  });

  it('assesses a kept scope again only once it is opened anew: a fixed role gives PASS', async () => {
    // Prepare
    const { router, state } = organisation(true);
    await router.collect([repositoryIn(MEMBER), repositoryIn(BROKEN)]);
    // Act
    const again = await router.collect([repositoryIn(MEMBER), repositoryIn(BROKEN)]);
    state.fixed = true;
    const fixed = await router.collect([repositoryIn(MEMBER), repositoryIn(BROKEN)]);
    // Assess
    expect(accounts(again.resources)).toEqual([`${BROKEN} ${REGION} ERROR`]);
    expect(accounts(fixed.resources)).toEqual([`${BROKEN} ${REGION} PASS`]);
    expect(fixed.failures).toEqual([]);
  });

  it('assesses every scope of a sweep (collectAll), one resource per account × region', async () => {
    // Prepare
    const regions = [REGION, 'eu-west-1'];
    const { router } = organisation(true, regions);
    // Act
    const result = await router.collectAll();
    // Assess
    expect(accounts(result.resources)).toEqual(
      [HOME, MEMBER, BROKEN]
        .flatMap((account) =>
          regions.map((region) => `${account} ${region} ${account === BROKEN ? 'ERROR' : 'PASS'}`),
        )
        .sort(),
    );
  });

  it('assesses no scope unless asked (a single account, or local snapshots)', async () => {
    // Prepare
    const { router } = organisation(false);
    // Act
    const result = await router.collect([repositoryIn(MEMBER), repositoryIn(BROKEN)]);
    // Assess
    expect(accounts(result.resources)).toEqual([]);
    expect(result.failures).toHaveLength(1);
  });
});
