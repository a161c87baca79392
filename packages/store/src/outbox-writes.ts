import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { StoreContext } from './context.js';
import {
  type ClaimResult,
  entryFromItem,
  type OutboxDelivery,
  type OutboxEntry,
  outboxItemKey,
  outboxKeyOf,
  pendingItem,
} from './outbox-model.js';

/** What the outbox writes need besides the store context. */
export interface OutboxContext extends StoreContext {
  /** How long a claim keeps other senders off a delivery. */
  leaseMs: number;
  /** Seconds a delivered item is kept (then TTL deletes it). */
  deliveredTtlSeconds: number;
}

type ConditionFailed = Error & { Item?: Record<string, AttributeValue> };

function isConditionFailed(error: unknown): error is ConditionFailed {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/** The item a failed condition returned (`ReturnValuesOnConditionCheckFailure`), in DynamoDB JSON. */
function itemOf(error: ConditionFailed): OutboxEntry | undefined {
  return error.Item ? entryFromItem(unmarshall(error.Item)) : undefined;
}

/**
 * Claims one delivery: creates it PENDING and leased to the caller (conditional on it not
 * existing); when it exists, reports it delivered, or takes over its lease if that has run out.
 */
export async function claimDelivery(context: OutboxContext, delivery: OutboxDelivery): Promise<ClaimResult> {
  const now = context.clock();
  const entry: OutboxEntry = {
    ...delivery,
    key: outboxKeyOf(delivery),
    status: 'PENDING',
    attempts: 0,
    createdAt: now.toISOString(),
    leaseUntil: new Date(now.getTime() + context.leaseMs).toISOString(),
  };
  try {
    await context.doc.send(
      new PutCommand({
        TableName: context.tableName,
        Item: pendingItem(entry),
        ConditionExpression: 'attribute_not_exists(PK)',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return { entry, outcome: 'claimed' };
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
    const existing = itemOf(error) ?? entry;
    if (existing.status === 'DELIVERED') return { entry: existing, outcome: 'delivered' };
    return claimExisting(context, existing);
  }
}

/**
 * Takes the lease of a pending delivery when nobody holds it (or the holder's lease ran out, which
 * the result tells as `takenOver`).
 */
export async function claimExisting(context: OutboxContext, entry: OutboxEntry): Promise<ClaimResult> {
  const now = context.clock();
  const leaseUntil = new Date(now.getTime() + context.leaseMs).toISOString();
  try {
    const { Attributes: before } = await context.doc.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: outboxItemKey(entry),
        UpdateExpression: 'SET #lease = :until',
        ConditionExpression: '#status = :pending AND (attribute_not_exists(#lease) OR #lease < :now)',
        ExpressionAttributeNames: { '#lease': 'leaseUntil', '#status': 'status' },
        ExpressionAttributeValues: { ':until': leaseUntil, ':pending': 'PENDING', ':now': now.toISOString() },
        ReturnValues: 'ALL_OLD',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    const previous = before ? entryFromItem(before) : entry;
    const claimed: ClaimResult = { entry: { ...previous, leaseUntil }, outcome: 'claimed' };
    return previous.leaseUntil === undefined ? claimed : { ...claimed, takenOver: true };
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
    const current = itemOf(error) ?? entry;
    return { entry: current, outcome: current.status === 'DELIVERED' ? 'delivered' : 'busy' };
  }
}

/** Marks a delivery sent: out of the pending index, kept for `deliveredTtlSeconds`. */
export async function markEntryDelivered(
  context: OutboxContext,
  entry: Pick<OutboxEntry, 'findingId' | 'version' | 'target'>,
  via: string,
): Promise<void> {
  const now = context.clock();
  await context.doc.send(
    new UpdateCommand({
      TableName: context.tableName,
      Key: outboxItemKey(entry),
      UpdateExpression:
        'SET #status = :delivered, #deliveredAt = :now, #via = :via, #expiresAt = :expires REMOVE #lease, GSI1PK, GSI1SK',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: {
        '#status': 'status',
        '#deliveredAt': 'deliveredAt',
        '#via': 'via',
        '#expiresAt': 'expiresAt',
        '#lease': 'leaseUntil',
      },
      ExpressionAttributeValues: {
        ':delivered': 'DELIVERED',
        ':now': now.toISOString(),
        ':via': via,
        ':expires': Math.floor(now.getTime() / 1000) + context.deliveredTtlSeconds,
      },
    }),
  );
}

/** How a delivery is given back. */
export interface ReleaseOptions {
  /** It was tried (its attempt counts); false for one not tried (held off, waiting); true by default. */
  attempted?: boolean;
  /** The target may have it already (the answer was lost); kept on the entry until it is delivered. */
  mayHaveGoneOut?: boolean;
}

/** Gives a claimed delivery back: still pending, its attempt counted when it was `attempted`. */
export async function releaseEntry(
  context: OutboxContext,
  entry: Pick<OutboxEntry, 'findingId' | 'version' | 'target'>,
  reason: string,
  options: ReleaseOptions = {},
): Promise<void> {
  const flag = options.mayHaveGoneOut ? ', #mayHaveGoneOut = :true' : '';
  try {
    await context.doc.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: outboxItemKey(entry),
        UpdateExpression: `SET #error = :error, #at = :now${flag} ADD #attempts :one REMOVE #lease`,
        ConditionExpression: '#status = :pending',
        ExpressionAttributeNames: {
          '#error': 'lastError',
          '#at': 'lastAttemptAt',
          '#attempts': 'attempts',
          '#lease': 'leaseUntil',
          '#status': 'status',
          ...(options.mayHaveGoneOut ? { '#mayHaveGoneOut': 'mayHaveGoneOut' } : {}),
        },
        ExpressionAttributeValues: {
          ':error': reason.slice(0, 1000),
          ':now': context.clock().toISOString(),
          ':one': (options.attempted ?? true) ? 1 : 0,
          ':pending': 'PENDING',
          ...(options.mayHaveGoneOut ? { ':true': true } : {}),
        },
      }),
    );
  } catch (error) {
    // Delivered in the meantime (by the holder of a later lease): nothing to give back.
    if (!isConditionFailed(error)) throw error;
  }
}
