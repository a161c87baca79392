import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Finding } from '@customs/core';
import { useDynamoDbLocal } from '@customs/local/testing';
import { describe, expect, it } from 'vitest';
import { POSTURE_TTL_DAYS } from '../src/index.js';
import { at, CHECKS, cluster, finding, repository, user } from './helpers/findings.js';
import { holdFirst, repositoryOn } from './helpers/repository.js';

const dynamo = useDynamoDbLocal();

const FIRST: Finding[] = [
  finding(CHECKS.scanOnPush, repository('team/app'), 'FAIL', at(0)),
  finding(CHECKS.tagImmutability, repository('team/app'), 'PASS', at(0)),
  finding(CHECKS.endpointNotPublic, cluster('prod'), 'FAIL', at(0)),
  finding(
    CHECKS.userMfa,
    user('alice'),
    'ERROR',
    at(0),
    'Could not read alice: credentialReport (AccessDenied)',
  ),
];
/** Later: the prod endpoint is closed. */
const LATER: Finding[] = [finding(CHECKS.endpointNotPublic, cluster('prod'), 'PASS', at(10))];

/** A repository whose clock the test moves. */
function storeAt(time: string) {
  const clock = { now: new Date(time) };
  const store = repositoryOn(dynamo, { clock: () => clock.now });
  return { ...store, clock };
}

describe('the daily posture record', () => {
  it("stores the day's counters, overall, per recommendation and severity, kept 400 days", async () => {
    // Prepare
    const store = storeAt('2026-11-21T10:00:00.000Z');
    await store.repository.applyEvaluation(FIRST);
    const summary = await store.repository.summary();
    store.log.clear();
    // Act
    const recorded = await store.repository.recordDailyPosture();
    const days = await store.repository.postureDays('2026-11-21', '2026-11-21');
    // Assess
    expect(recorded).toEqual({ date: '2026-11-21', asOf: '2026-11-21T10:00:00.000Z', written: true });
    expect(days).toEqual([
      {
        date: '2026-11-21',
        asOf: '2026-11-21T10:00:00.000Z',
        total: summary.total,
        recommendation: summary.recommendation,
        severity: summary.severity,
      },
    ]);
    expect(days[0]?.total).toMatchObject({ PASS: 1, FAIL: 2, ERROR: 1, total: 4 });
    expect(days[0]?.severity.high).toMatchObject({ FAIL: 2, ERROR: 1 });
    // One consistent Query of the counters, one PutItem, one Query to read the days back.
    expect(store.log.names()).toEqual(['QueryCommand', 'PutItemCommand', 'QueryCommand']);
    expect(store.log.sent[0]?.input.ConsistentRead).toBe(true);
    const { Item } = await dynamo.client.send(
      new GetCommand({ TableName: dynamo.tableName, Key: { PK: 'POSTURE', SK: 'DAY#2026-11-21' } }),
    );
    const asOfSeconds = Date.parse('2026-11-21T10:00:00.000Z') / 1000;
    expect(Item?.expiresAt).toBe(asOfSeconds + POSTURE_TTL_DAYS * 86_400);
  });

  it("keeps the day's latest reading: a later one replaces it, an older or repeated one never does", async () => {
    // Prepare: a morning reading, then the endpoint is closed and the evening reads it.
    const morning = storeAt('2026-11-22T08:00:00.000Z');
    await morning.repository.recordDailyPosture();
    await morning.repository.applyEvaluation(LATER);
    const evening = storeAt('2026-11-22T20:00:00.000Z');
    await evening.repository.recordDailyPosture();
    // Act: a late writer whose clock read noon, and the evening's reading again.
    const noon = await storeAt('2026-11-22T12:00:00.000Z').repository.recordDailyPosture();
    const again = await evening.repository.recordDailyPosture();
    const [day] = await evening.repository.postureDays('2026-11-22', '2026-11-22');
    // Assess
    expect(noon.written).toBe(false);
    expect(again.written).toBe(false);
    expect(day?.asOf).toBe('2026-11-22T20:00:00.000Z');
    expect(day?.recommendation['CSA-4']).toMatchObject({ PASS: 1, FAIL: 0 });
  });

  it('keeps the later reading when an older one is written after it (the writers interleaved)', async () => {
    // Prepare: the 09:00 writer read the counters but its PutItem is held.
    const early = storeAt('2026-11-23T09:00:00.000Z');
    const held = holdFirst(early.client, 'PutItemCommand');
    const earlyWrite = early.repository.recordDailyPosture();
    await held.arrived;
    // Act: the 10:00 writer goes first, then the 09:00 one is let through.
    const late = await storeAt('2026-11-23T10:00:00.000Z').repository.recordDailyPosture();
    held.release();
    const early9 = await earlyWrite;
    // Assess
    expect(late.written).toBe(true);
    expect(early9.written).toBe(false);
    const days = await early.repository.postureDays('2026-11-23', '2026-11-23');
    expect(days.map((day) => day.asOf)).toEqual(['2026-11-23T10:00:00.000Z']);
  });

  it('reads a range of days oldest first, days without a record absent', async () => {
    // Prepare: records on the 1st, 3rd and 6th of December, none between.
    for (const time of ['2026-12-06T10:00:00.000Z', '2026-12-01T10:00:00.000Z', '2026-12-03T23:59:59.999Z']) {
      await storeAt(time).repository.recordDailyPosture();
    }
    const store = storeAt('2026-12-06T12:00:00.000Z');
    // Act
    const range = await store.repository.postureDays('2026-12-01', '2026-12-05');
    // Assess
    expect(range.map((day) => day.date)).toEqual(['2026-12-01', '2026-12-03']);
    expect(await store.repository.postureDays('2026-12-07', '2026-12-31')).toEqual([]);
  });

  it('refuses a day that is not YYYY-MM-DD before it reads', async () => {
    // Prepare
    const store = storeAt('2026-12-06T12:00:00.000Z');
    store.log.clear();
    // Act and assess
    await expect(store.repository.postureDays('2026-12-01', '2026-12-01T00:00')).rejects.toThrow(
      /YYYY-MM-DD/,
    );
    expect(store.log.names()).toEqual([]);
  });
});
