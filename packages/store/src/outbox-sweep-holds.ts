import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  type ClaimResult,
  entryFromItem,
  type OutboxDelivery,
  type OutboxEntry,
  outboxItemKey,
  outboxKeyOf,
  pendingIndexKeys,
} from './outbox-model.js';
import type { OutboxContext } from './outbox-writes.js';
import { queryAll, queryPage } from './run-query.js';

/**
 * The partition of the byStatus index (GSI1) that lists the deliveries held for a sweep run's end,
 * sorted by run id (its start time first) then age: a run's held deliveries are one Query.
 */
const OUTBOX_HELD = 'OUTBOX#HELD';

/** What holding a delivery found: `held` (written now), or one that exists (`delivered`, or pending/held). */
export interface HoldResult {
  entry: OutboxEntry;
  outcome: 'held' | 'delivered' | 'exists';
}

function heldIndexKeys(entry: OutboxEntry, runId: string): { GSI1PK: string; GSI1SK: string } {
  const pending = pendingIndexKeys(entry).GSI1SK;
  return { GSI1PK: OUTBOX_HELD, GSI1SK: `${runId}#${pending}` };
}

function isConditionFailed(error: unknown): error is Error & { Item?: Record<string, never> } {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/**
 * Writes a delivery held for the end of a sweep run: an outbox item like a pending one, but listed
 * under the run (`OUTBOX#HELD`) and leased to nobody. Conditional on it not existing, so a replayed
 * stream record finds it (held, pending or delivered) and writes nothing.
 */
export async function holdDelivery(
  context: OutboxContext,
  delivery: OutboxDelivery,
  runId: string,
): Promise<HoldResult> {
  const entry: OutboxEntry = {
    ...delivery,
    key: outboxKeyOf(delivery),
    status: 'PENDING',
    attempts: 0,
    createdAt: context.clock().toISOString(),
    heldFor: runId,
  };
  try {
    await context.doc.send(
      new PutCommand({
        TableName: context.tableName,
        Item: { ...outboxItemKey(entry), type: 'outbox', ...entry, ...heldIndexKeys(entry, runId) },
        ConditionExpression: 'attribute_not_exists(PK)',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return { entry, outcome: 'held' };
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
    const existing = error.Item ? entryFromItem(unmarshall(error.Item)) : entry;
    return { entry: existing, outcome: existing.status === 'DELIVERED' ? 'delivered' : 'exists' };
  }
}

/** The deliveries held for a run, oldest first (Query on byStatus; eventually consistent). */
export async function heldOfRun(context: OutboxContext, runId: string): Promise<OutboxEntry[]> {
  const plan = {
    index: 'byStatus' as const,
    partitions: [{ pk: OUTBOX_HELD, prefix: `${runId}#` }],
    filters: {},
  };
  return (await queryAll(context, plan)).map(entryFromItem);
}

/** The runs of the oldest held deliveries (one Query of up to `limit` items), oldest run first. */
export async function heldRuns(context: OutboxContext, limit: number): Promise<string[]> {
  const plan = { index: 'byStatus' as const, partitions: [{ pk: OUTBOX_HELD }], filters: {} };
  const { items } = await queryPage(context, plan, limit);
  return [...new Set(items.map((item) => String(item.heldFor ?? '')).filter((run) => run !== ''))];
}

/**
 * Claims a held delivery for its run's digest: leases it to the caller and makes it an ordinary
 * pending delivery (listed by `listPending`), so that a failed or interrupted send is retried like
 * any other. Conditional on it being pending and leased to nobody (or its lease run out).
 */
export async function claimHeld(context: OutboxContext, entry: OutboxEntry): Promise<ClaimResult> {
  const now = context.clock();
  const leaseUntil = new Date(now.getTime() + context.leaseMs).toISOString();
  const { GSI1PK, GSI1SK } = pendingIndexKeys(entry);
  try {
    const { Attributes: before } = await context.doc.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: outboxItemKey(entry),
        UpdateExpression: 'SET #lease = :until, GSI1PK = :pk, GSI1SK = :sk REMOVE #held',
        ConditionExpression: '#status = :pending AND (attribute_not_exists(#lease) OR #lease < :now)',
        ExpressionAttributeNames: { '#lease': 'leaseUntil', '#status': 'status', '#held': 'heldFor' },
        ExpressionAttributeValues: {
          ':until': leaseUntil,
          ':pending': 'PENDING',
          ':now': now.toISOString(),
          ':pk': GSI1PK,
          ':sk': GSI1SK,
        },
        ReturnValues: 'ALL_OLD',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    const { heldFor: _held, ...previous } = before ? entryFromItem(before) : entry;
    const claimed: ClaimResult = { entry: { ...previous, leaseUntil }, outcome: 'claimed' };
    return previous.leaseUntil === undefined ? claimed : { ...claimed, takenOver: true };
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
    const current = error.Item ? entryFromItem(unmarshall(error.Item)) : entry;
    return { entry: current, outcome: current.status === 'DELIVERED' ? 'delivered' : 'busy' };
  }
}
