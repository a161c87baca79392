import { type Finding, summarize } from '@customs/core';
import { useDynamoDbLocal } from '@customs/local/testing';
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT,
  at,
  CHECKS,
  cluster,
  finding,
  inUseImageFinding,
  MEMBER,
  repository,
} from './helpers/findings.js';
import { repositoryOn } from './helpers/repository.js';

const dynamo = useDynamoDbLocal();

const HOME: Finding[] = [
  finding(CHECKS.scanOnPush, repository('team/app'), 'FAIL', at(0)),
  finding(CHECKS.tagImmutability, repository('team/app'), 'PASS', at(0)),
  finding(CHECKS.endpointNotPublic, cluster('prod'), 'FAIL', at(0)),
  inUseImageFinding(ACCOUNT, 0, 0),
];
const MEMBERS: Finding[] = [
  finding(CHECKS.scanOnPush, repository('payments-api', MEMBER), 'PASS', at(0)),
  finding(CHECKS.tagImmutability, repository('payments-api', MEMBER), 'FAIL', at(0)),
  inUseImageFinding(MEMBER, 3, 0),
];

const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('the counters per account and of the images in use', () => {
  it("counts each account's findings apart, and lists the accounts present", async () => {
    // Prepare
    const { repository: store } = repositoryOn(dynamo);
    // Act
    await store.applyEvaluation(HOME);
    await store.applyEvaluation(MEMBERS);
    await store.applyEvaluation(MEMBERS); // delivered twice: counted once
    const [all, home, member, accounts] = await Promise.all([
      store.summary(),
      store.summary({ accountId: ACCOUNT }),
      store.summary({ accountId: MEMBER }),
      store.accounts(),
    ]);
    // Assess
    expect(all.total).toMatchObject({ PASS: 2, FAIL: 5, total: 7 });
    expect(home.total).toMatchObject({ PASS: 1, FAIL: 3, total: 4 });
    expect(member.total).toMatchObject({ PASS: 1, FAIL: 2, total: 3 });
    expect(member.resourceType['eks-cluster']).toBeUndefined();
    expect(home.recommendation['CSA-4']).toMatchObject({ FAIL: 1, score: 0 });
    expect(accounts.map((account) => [account.accountId, account.counts.total])).toEqual([
      [ACCOUNT, 4],
      [MEMBER, 3],
    ]);
    // The account's summary is the one core's `summarize` gives for its findings alone.
    expect(member.total.FAIL).toBe(summarize(MEMBERS).overall.failed);
    expect(member.total.PASS).toBe(summarize(MEMBERS).overall.passed);
  });

  it('counts only the images in use with inUse, and follows inUse as re-assessments change it', async () => {
    // Prepare: the member's image runs (3 tasks), the home account's runs nowhere (first test).
    const { repository: store } = repositoryOn(dynamo);
    const before = await store.summary({ inUse: true });
    const memberBefore = await store.summary({ accountId: MEMBER, inUse: true });
    // Act: the deployment rolls the fix out (the member's image runs nowhere), the home's image starts.
    await store.applyEvaluation([inUseImageFinding(MEMBER, 0, 10)]);
    await store.applyEvaluation([inUseImageFinding(ACCOUNT, 2, 10)]);
    await store.applyEvaluation([inUseImageFinding(ACCOUNT, 2, 10)]); // the same assessment again
    const after = await store.summary({ inUse: true });
    const [home, member, all] = await Promise.all([
      store.summary({ accountId: ACCOUNT, inUse: true }),
      store.summary({ accountId: MEMBER, inUse: true }),
      store.summary(),
    ]);
    // Assess
    expect(before.total).toMatchObject({ FAIL: 1, total: 1 });
    expect(before.resourceType).toEqual({ 'ecr-image': expect.objectContaining({ FAIL: 1 }) });
    expect(memberBefore.severity.critical).toMatchObject({ FAIL: 1 });
    expect(after.total).toMatchObject({ FAIL: 1, total: 1 });
    expect(plain(home.total)).toEqual(plain(after.total));
    expect(member.total).toMatchObject({ FAIL: 0, total: 0 });
    // Every finding is still counted once in the summary of every finding.
    expect(all.total).toMatchObject({ PASS: 2, FAIL: 5, total: 7 });
  });

  it("records each account's day with the overall one, and reads the in-use counts back", async () => {
    // Prepare
    const clock = { now: new Date('2026-11-21T10:00:00.000Z') };
    const { repository: store, log } = repositoryOn(dynamo, { clock: () => clock.now });
    const member = await store.summary({ accountId: MEMBER });
    log.clear();
    // Act
    const recorded = await store.recordDailyPosture({ accounts: [MEMBER, MEMBER, 'not-an-account'] });
    const calls = log.names();
    const [overall, members, inUse, inUseMember] = await Promise.all([
      store.postureDays('2026-11-21', '2026-11-21'),
      store.postureDays('2026-11-21', '2026-11-21', { accountId: MEMBER }),
      store.postureDays('2026-11-21', '2026-11-21', { inUse: true }),
      store.postureDays('2026-11-21', '2026-11-21', { accountId: MEMBER, inUse: true }),
    ]);
    // Assess
    expect(recorded).toMatchObject({
      date: '2026-11-21',
      written: true,
      accounts: [{ accountId: MEMBER, date: '2026-11-21', written: true }],
    });
    // Per scope: one consistent Query of its counters, one PutItem (the invalid id names none).
    expect(calls).toEqual(['QueryCommand', 'PutItemCommand', 'QueryCommand', 'PutItemCommand']);
    expect(overall[0]?.total).toMatchObject({ PASS: 2, FAIL: 5, total: 7 });
    expect(members).toEqual([
      {
        date: '2026-11-21',
        asOf: '2026-11-21T10:00:00.000Z',
        total: member.total,
        recommendation: member.recommendation,
        severity: member.severity,
      },
    ]);
    expect(inUse[0]?.total).toMatchObject({ FAIL: 1, total: 1 });
    expect(inUse[0]?.severity.critical).toMatchObject({ FAIL: 1 });
    expect(inUseMember[0]?.total).toMatchObject({ total: 0 });
  });

  it('refuses to read the days of something that is not an account id', async () => {
    // Prepare
    const { repository: store } = repositoryOn(dynamo);
    // Act + Assess
    await expect(store.postureDays('2026-11-21', '2026-11-21', { accountId: '4444' })).rejects.toThrow(
      /account id is 12 digits, got 4444/,
    );
  });
});
