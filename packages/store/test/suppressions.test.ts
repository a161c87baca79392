import { useDynamoDbLocal } from '@customs/local/testing';
import { describe, expect, it } from 'vitest';
import { type NewSuppression, resourcePatternMatches, SuppressionsRepository } from '../src/index.js';
import { at, CHECKS, cluster, finding, repository, user } from './helpers/findings.js';
import { repositoryOn } from './helpers/repository.js';

const dynamo = useDynamoDbLocal();

/** A findings and a suppressions repository on one client, its clock set by the test. */
function storesAt(minutes: number) {
  const clock = { now: new Date(at(minutes)) };
  const store = repositoryOn(dynamo, { clock: () => clock.now });
  const suppressions = new SuppressionsRepository({
    client: store.client,
    tableName: dynamo.tableName,
    clock: () => clock.now,
  });
  return { ...store, suppressions, clock };
}

const rule = (overrides: Partial<NewSuppression>): NewSuppression => ({
  reason: 'Accepted risk',
  owner: 'platform-team',
  expiresAt: at(600),
  ...overrides,
});

describe('resourcePatternMatches', () => {
  const arn = 'arn:aws:ecr:eu-west-1:111122223333:repository/team/app';

  it('matches a whole id, * spanning / and :, other characters literally', () => {
    expect(resourcePatternMatches('arn:aws:ecr:*:repository/team/*', arn)).toBe(true);
    expect(resourcePatternMatches('*', arn)).toBe(true);
    expect(resourcePatternMatches('arn:aws:ecr:*:repository/team', arn)).toBe(false);
    expect(
      resourcePatternMatches(
        'arn:aws:ecr:eu-west-1:111122223333:repository/team.app',
        arn.replace('/app', '/xapp'),
      ),
    ).toBe(false);
    expect(resourcePatternMatches('repository/(team)+', 'repository/(team)+')).toBe(true);
  });

  it('keeps the suppression semantics it always had: `?` is itself and case matters', () => {
    expect(resourcePatternMatches('*repository/te?m/app', arn)).toBe(false);
    expect(resourcePatternMatches('*repository/te?m/app', arn.replace('team', 'te?m'))).toBe(true);
    expect(resourcePatternMatches('*REPOSITORY/team/app', arn)).toBe(false);
  });

  it('answers a pathological pattern against a long id (the old RegExp took over 60 s)', () => {
    const pattern = `${'*a'.repeat(45)}b`;
    const longId = `arn:aws:ecr:eu-west-1:111122223333:repository/${'a'.repeat(10_000)}`;
    expect(resourcePatternMatches(pattern, longId)).toBe(false);
    expect(resourcePatternMatches(pattern, `${longId}b`)).toBe(true);
  });
});

describe('suppressions in the store', () => {
  it('suppresses the open failures a new suppression covers, and nothing else', async () => {
    // Prepare
    const { repository: store, suppressions, log } = storesAt(5);
    const covered = finding(CHECKS.userMfa, user('svc-covered'), 'FAIL', at(0));
    const passing = finding(CHECKS.userMfa, user('svc-passing'), 'PASS', at(0));
    const other = finding(CHECKS.endpointNotPublic, cluster('svc-other'), 'FAIL', at(0));
    await store.applyEvaluation([covered, passing, other]);
    const before = await store.summary();
    log.clear();
    // Act
    const { suppression, changes } = await suppressions.create(
      rule({ checkId: CHECKS.userMfa.checkId, resourcePattern: '*:user/svc-*' }),
      'alice',
    );
    // Assess
    expect(changes).toEqual([
      expect.objectContaining({ findingId: covered.id, transition: 'suppressed', state: 'SUPPRESSED' }),
    ]);
    expect(await store.getFinding(covered.id)).toMatchObject({
      state: 'SUPPRESSED',
      status: 'FAIL',
      suppressionId: suppression.id,
      suppressedUntil: at(600),
      version: 2,
      lastEvaluatedAt: at(0),
    });
    expect((await store.getFinding(other.id))?.state).toBe('OPEN');
    const { items } = await store.history(covered.id);
    expect(items[0]).toMatchObject({
      transition: 'suppressed',
      suppressionId: suppression.id,
      actor: 'alice',
      changedAt: at(5),
    });
    expect(items[0]?.reason).toContain('owner platform-team');
    // The verdicts' counts do not move; the covered failure is counted SUPPRESSED (still a FAIL).
    const after = await store.summary();
    expect(after.total).toEqual({ ...before.total, SUPPRESSED: before.total.SUPPRESSED + 1 });
    expect(after.resourceType['eks-cluster']).toEqual(before.resourceType['eks-cluster']);
    expect(log.names()).not.toContain('ScanCommand');
  });

  it('costs no finding write (and no suppression read) when a suppressed failure is re-evaluated unchanged', async () => {
    // Prepare
    const { repository: store, suppressions, log } = storesAt(5);
    const failing = finding(CHECKS.scanOnPush, repository('unchanged/app'), 'FAIL', at(0));
    await store.applyEvaluation([failing]);
    await suppressions.create(rule({ resourcePattern: '*repository/unchanged/*' }), 'alice');
    log.clear();
    // Act
    const changes = await store.applyEvaluation([{ ...failing, evaluatedAt: at(10) }]);
    // Assess
    expect(changes.map((change) => change.transition)).toEqual(['unchanged']);
    // The evaluation record and the finding in one read; only the record's time moves.
    expect(log.names()).toEqual(['BatchGetItemCommand', 'UpdateItemCommand']);
    expect(log.writes()[0]?.input.Key).toEqual({ PK: `RES#${failing.resourceId}`, SK: 'EVALUATION' });
  });

  it('suppresses a new failure on evaluation, resolves it when it passes, suppresses it again', async () => {
    // Prepare
    const { repository: store, suppressions } = storesAt(5);
    await suppressions.create(rule({ resourcePattern: '*repository/evaluated/*' }), 'alice');
    const fresh = finding(CHECKS.tagImmutability, repository('evaluated/app'), 'FAIL', at(10));
    // Act
    const transitions = [];
    for (const [status, minutes] of [
      ['FAIL', 10],
      ['PASS', 20],
      ['FAIL', 30],
    ] as const) {
      const [change] = await store.applyEvaluation([
        { ...fresh, status, message: status, evaluatedAt: at(minutes) },
      ]);
      transitions.push([change?.transition, change?.state]);
    }
    // Assess
    expect(transitions).toEqual([
      ['suppressed', 'SUPPRESSED'],
      ['resolved', 'RESOLVED'],
      ['suppressed', 'SUPPRESSED'],
    ]);
  });

  it('reopens on the first evaluation after the suppression expired, or on expire() without one', async () => {
    // Prepare
    const { repository: store, suppressions, clock } = storesAt(5);
    const evaluated = finding(CHECKS.scanOnPush, repository('expiring/evaluated'), 'FAIL', at(0));
    const idle = finding(CHECKS.scanOnPush, repository('expiring/idle'), 'FAIL', at(0));
    await store.applyEvaluation([evaluated, idle]);
    const { suppression } = await suppressions.create(
      rule({ resourcePattern: '*repository/expiring/*', expiresAt: at(60) }),
      'alice',
    );
    // Act
    const [byEvaluation] = await store.applyEvaluation([{ ...evaluated, evaluatedAt: at(61) }]);
    clock.now = new Date(at(70));
    const byExpiry = await suppressions.expire('customs-sweep');
    const again = await suppressions.expire('customs-sweep');
    // Assess
    expect(byEvaluation).toMatchObject({ transition: 'reopened', state: 'OPEN' });
    expect(byExpiry).toEqual([
      expect.objectContaining({ findingId: idle.id, transition: 'reopened', state: 'OPEN' }),
    ]);
    expect(again).toEqual([]);
    const [entry] = (await store.history(idle.id)).items;
    expect(entry).toMatchObject({
      actor: 'customs-sweep',
      reason: `Suppression ${suppression.id} expired at ${at(60)}`,
    });
    expect(await store.getFinding(evaluated.id)).not.toHaveProperty('suppressionId');
  });

  it('hands a finding to another suppression that still covers it when one is deleted', async () => {
    // Prepare
    const { repository: store, suppressions } = storesAt(5);
    const failing = finding(CHECKS.endpointNotPublic, cluster('overlap'), 'FAIL', at(0));
    await store.applyEvaluation([failing]);
    const first = await suppressions.create(rule({ resourcePattern: '*cluster/overlap' }), 'alice');
    const second = await suppressions.create(
      rule({ checkId: CHECKS.endpointNotPublic.checkId, resourcePattern: '*/overlap', expiresAt: at(300) }),
      'bob',
    );
    // Act
    const handed = await suppressions.delete(first.suppression.id, 'carol');
    const reopened = await suppressions.delete(second.suppression.id, 'carol');
    const missing = await suppressions.delete(second.suppression.id, 'carol');
    // Assess
    expect(second.changes).toEqual([]);
    expect(handed?.changes).toEqual([
      expect.objectContaining({ transition: 'updated', state: 'SUPPRESSED' }),
    ]);
    expect(reopened?.changes).toEqual([expect.objectContaining({ transition: 'reopened', state: 'OPEN' })]);
    expect(missing).toBeUndefined();
    expect(await suppressions.get(first.suppression.id)).toBeUndefined();
  });

  it('resolves a suppressed finding whose resource is deleted', async () => {
    const { repository: store, suppressions } = storesAt(5);
    const failing = finding(CHECKS.endpointNotPublic, cluster('deleted-later'), 'FAIL', at(0));
    await store.applyEvaluation([failing]);
    await suppressions.create(rule({ resourcePattern: '*cluster/deleted-later' }), 'alice');
    const [change] = await store.resolveResource(cluster('deleted-later').id, 'Cluster deleted', {
      at: at(20),
    });
    expect(change).toMatchObject({ transition: 'resolved', state: 'RESOLVED' });
    expect(await store.getFinding(failing.id)).not.toHaveProperty('suppressionId');
  });

  it('rejects a suppression that names nothing or has expired', async () => {
    const { suppressions } = storesAt(5);
    await expect(suppressions.create(rule({}), 'alice')).rejects.toThrow(
      /checkId, a resourcePattern or both/,
    );
    await expect(
      suppressions.create(rule({ checkId: CHECKS.userMfa.checkId, expiresAt: at(1) }), 'alice'),
    ).rejects.toThrow(/future/);
  });

  it('validates a resource pattern before storing anything', async () => {
    const { suppressions } = storesAt(5);
    const before = (await suppressions.list()).length;
    await expect(
      suppressions.create(rule({ resourcePattern: `arn:aws:ecr:*${'*a'.repeat(600)}` }), 'alice'),
    ).rejects.toThrow('resourcePattern: is 1213 characters long; at most 1024');
    await expect(
      suppressions.create(rule({ resourcePattern: 'arn:aws:ecr:*\u001b[2J' }), 'alice'),
    ).rejects.toThrow('resourcePattern: holds the control character U+001B at 14');
    expect(await suppressions.list()).toHaveLength(before);
  });
});
