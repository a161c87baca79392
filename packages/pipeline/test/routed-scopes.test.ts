import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AccountRouter, type RoutedResult, SnapshotCollector } from '@customs/aws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routedSweepScopes } from '../src/routed-scopes.js';

const STAGING = fileURLToPath(new URL('../../local/snapshots/demo-staging/', import.meta.url));
const HOME = '555566667777';
/** A member whose snapshot is of another region (its account.json's): us-east-2. */
const MEMBER = '444455556666';
/** A member whose role cannot be assumed. */
const BROKEN = '777788889999';

class AccessDenied extends Error {
  override name = 'AccessDenied';
}

const setup = { root: '', router: undefined as unknown as AccountRouter, read: {} as RoutedResult };
beforeAll(async () => {
  setup.root = await mkdtemp(join(tmpdir(), 'customs-routed-scopes-'));
  const member = join(setup.root, 'member');
  await cp(STAGING, member, { recursive: true });
  await writeFile(
    join(member, 'account.json'),
    JSON.stringify({ accountId: MEMBER, region: 'us-east-2', capturedAt: '2026-11-28T12:00:00Z' }),
  );
  const collectors = new Map([
    [HOME, await SnapshotCollector.open(STAGING)],
    [MEMBER, await SnapshotCollector.open(member)],
  ]);
  setup.router = new AccountRouter({
    home: { accountId: HOME, region: 'eu-west-1' },
    isMember: () => true,
    open: async ({ accountId }) => {
      const collector = collectors.get(accountId);
      if (!collector)
        throw new AccessDenied(`User is not authorized to perform sts:AssumeRole in ${accountId}`);
      return collector;
    },
    members: () => [MEMBER, BROKEN],
  });
  setup.read = await setup.router.collectAll();
});
afterAll(async () => {
  if (setup.root) await rm(setup.root, { recursive: true, force: true });
});

describe('routedSweepScopes: what a sweep through an AccountRouter resolves', () => {
  it("gives each account read its own scopes, in its collector's region, its IAM once; none of an account it could not read", async () => {
    // Act
    const scopes = await routedSweepScopes(setup.router, setup.read.resources, setup.read.failures);
    // Assess
    expect(setup.read.failures.map((failure) => failure.scope.accountId)).toEqual([BROKEN]);
    const where = scopes.map((scope) => `${scope.accountId} ${scope.region}`);
    expect(where).toEqual([
      `${HOME} eu-west-1`,
      `${HOME} us-east-1`,
      `${MEMBER} us-east-2`,
      `${MEMBER} us-east-1`,
    ]);
    const memberRegional = scopes[2];
    expect(memberRegional?.resourceTypes).toEqual(expect.arrayContaining(['ecr-repository', 'ecs-service']));
    expect(scopes[3]?.resourceTypes).toEqual(expect.arrayContaining(['iam-role', 'iam-account']));
  });

  it("leaves an account's global services out when nothing of them was read (a sweep that read no IAM says nothing of it)", async () => {
    // Act: the home account's resources only
    const homeOnly = setup.read.resources.filter((resource) => resource.accountId === HOME);
    const scopes = await routedSweepScopes(setup.router, homeOnly, setup.read.failures);
    // Assess: the member keeps its regional scope (its resources all gone), not its IAM one
    expect(scopes.map((scope) => `${scope.accountId} ${scope.region}`)).toEqual([
      `${HOME} eu-west-1`,
      `${HOME} us-east-1`,
      `${MEMBER} us-east-2`,
    ]);
  });
});
