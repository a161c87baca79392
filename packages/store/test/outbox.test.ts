import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { useDynamoDbLocal } from '@customs/local/testing';
import { describe, expect, it } from 'vitest';
import { OutboxRepository } from '../src/index.js';

const dynamo = useDynamoDbLocal();

function delivery(findingId: string, version: number, target = 'slack:3f2a9c1d0b4e') {
  return { findingId, version, target, payload: { transition: { kind: 'opened', version } } };
}

describe('OutboxRepository', () => {
  it('claims a delivery once: a second claim of the same key finds it held, then delivered', async () => {
    // Prepare
    const outbox = new OutboxRepository({ client: dynamo.client, tableName: dynamo.tableName });
    const first = delivery('claim-once', 1);
    // Act
    const [claimed] = await outbox.claim([first]);
    const [whileHeld] = await outbox.claim([first]);
    await outbox.markDelivered([first], 'message');
    const [afterwards] = await outbox.claim([first]);
    // Assess
    expect(claimed).toMatchObject({
      outcome: 'claimed',
      entry: { key: 'claim-once#1#slack:3f2a9c1d0b4e', status: 'PENDING' },
    });
    expect(whileHeld?.outcome).toBe('busy');
    expect(afterwards).toMatchObject({
      outcome: 'delivered',
      entry: { status: 'DELIVERED', via: 'message' },
    });
    expect(afterwards?.entry.payload).toEqual(first.payload);
  });

  it('lets exactly one of many racing senders claim a delivery', async () => {
    const outbox = new OutboxRepository({ client: dynamo.client, tableName: dynamo.tableName });
    const results = await Promise.all(Array.from({ length: 8 }, () => outbox.claim([delivery('race', 1)])));
    expect(results.flat().filter((result) => result.outcome === 'claimed')).toHaveLength(1);
  });

  it('keeps a failed delivery pending, listed oldest first, claimable again, until it is delivered', async () => {
    // Prepare
    let now = new Date('2026-11-28T12:00:00.000Z');
    const outbox = new OutboxRepository({
      client: dynamo.client,
      tableName: dynamo.tableName,
      clock: () => now,
    });
    const older = delivery('pending-a', 1);
    const newer = delivery('pending-b', 1, 'eventbridge:default');
    await outbox.claim([older]);
    now = new Date('2026-11-28T12:00:01.000Z');
    await outbox.claim([newer]);
    // Act
    await outbox.release([older, newer], 'HTTP 500 error');
    const mine = async () =>
      (await outbox.listPending()).items.filter((entry) => entry.findingId.startsWith('pending-'));
    const listed = await mine();
    const again = await outbox.claimPending(listed);
    await outbox.markDelivered([older]);
    await outbox.release([newer], 'HTTP 503 error');
    // Assess
    expect(listed.map((entry) => [entry.key, entry.attempts, entry.lastError])).toEqual([
      ['pending-a#1#slack:3f2a9c1d0b4e', 1, 'HTTP 500 error'],
      ['pending-b#1#eventbridge:default', 1, 'HTTP 500 error'],
    ]);
    expect(again.map((result) => result.outcome)).toEqual(['claimed', 'claimed']);
    const remaining = await mine();
    expect(remaining.map((entry) => [entry.key, entry.attempts])).toEqual([
      ['pending-b#1#eventbridge:default', 2],
    ]);
  });

  it('takes over a claim whose lease ran out (a sender that died), not one still held', async () => {
    let now = new Date('2026-11-28T13:00:00.000Z');
    const outbox = new OutboxRepository({
      client: dynamo.client,
      tableName: dynamo.tableName,
      clock: () => now,
      leaseMs: 60_000,
    });
    const [held] = await outbox.claim([delivery('lease', 1)]);
    expect((await outbox.claimPending(held ? [held.entry] : []))[0]?.outcome).toBe('busy');
    now = new Date('2026-11-28T13:01:01.000Z');
    const [takenOver] = await outbox.claimPending(held ? [held.entry] : []);
    expect(takenOver).toMatchObject({ outcome: 'claimed', takenOver: true });
    // A released delivery is claimed again without a takeover: nobody may have sent it.
    await outbox.release([delivery('lease', 1)], 'HTTP 500');
    const [again] = await outbox.claim([delivery('lease', 1)]);
    expect(again?.outcome).toBe('claimed');
    expect(again?.takenOver).toBeUndefined();
  });

  it("keeps a target's hold-off for every sender: the later hold wins, a backoff counts failed runs, a delivery clears it", async () => {
    // Prepare
    let now = new Date('2026-11-28T14:00:00.000Z');
    const options = { client: dynamo.client, tableName: dynamo.tableName, clock: () => now };
    const one = new OutboxRepository(options);
    const other = new OutboxRepository(options);
    const target = 'slack:4b1d0e2f3a5c';
    const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
    // Act
    const none = await other.targetHold(target);
    await one.holdTarget(target, {
      until: at(30),
      reason: 'Slack answered 429 with Retry-After: 30',
      failed: false,
    });
    const shorter = await other.holdTarget(target, { until: at(5), reason: 'Retry-After: 5', failed: false });
    const seen = await other.targetHold(target);
    now = at(31);
    const failed = await other.holdTarget(target, { until: at(10), reason: 'HTTP 503', failed: true });
    const failedAgain = await one.holdTarget(target, { until: at(20), reason: 'HTTP 503', failed: true });
    await one.clearTargetHold(target);
    const whileHeld = await other.targetHold(target);
    now = at(21);
    await one.clearTargetHold(target);
    // Assess
    expect(none).toBeUndefined();
    expect(shorter).toMatchObject({ holdUntil: '2026-11-28T14:00:30.000Z', failures: 0 });
    expect(seen).toMatchObject({
      target,
      holdUntil: '2026-11-28T14:00:30.000Z',
      reason: 'Slack answered 429 with Retry-After: 30',
    });
    expect([failed?.failures, failedAgain?.failures, failedAgain?.holdUntil]).toEqual([
      1,
      2,
      '2026-11-28T14:00:51.000Z',
    ]);
    expect(whileHeld?.failures).toBe(2);
    expect(await other.targetHold(target)).toBeUndefined();
  });

  it('finds the pending older versions of a finding for one target, so they go out first', async () => {
    // Prepare
    const outbox = new OutboxRepository({ client: dynamo.client, tableName: dynamo.tableName });
    const versions = [1, 2, 3, 4].map((version) => delivery('ordered', version));
    await outbox.claim([...versions, delivery('ordered', 2, 'eventbridge:default')]);
    await outbox.markDelivered([versions[0] ?? delivery('ordered', 1)]);
    // Act
    const before = await outbox.pendingBefore('ordered', 'slack:3f2a9c1d0b4e', 4);
    // Assess
    expect(before.map((entry) => entry.version)).toEqual([2, 3]);
    expect(await outbox.pendingBefore('ordered', 'slack:3f2a9c1d0b4e', 1)).toEqual([]);
  });

  it('lists pending deliveries with a Query on the byStatus index, which holds no delivered ones', async () => {
    const outbox = new OutboxRepository({ client: dynamo.client, tableName: dynamo.tableName });
    await outbox.claim([delivery('indexed', 1)]);
    await outbox.markDelivered([delivery('indexed', 1)]);
    const { Items } = await dynamo.client.send(
      new QueryCommand({
        TableName: dynamo.tableName,
        IndexName: 'byStatus',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': { S: 'OUTBOX#PENDING' } },
      }),
    );
    expect((Items ?? []).map((item) => item.findingId?.S)).not.toContain('indexed');
  });
});
