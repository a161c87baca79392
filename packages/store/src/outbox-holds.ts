import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { StoreContext } from './context.js';

/**
 * A target's hold-off (README.md, "Outbox"): nothing is sent to the target before `holdUntil`.
 * Set from Slack's `429 Retry-After`, or by the fan-out's backoff after a failed run; kept in the
 * table so that every invocation and poller honours it, not only the one that was told.
 */
export interface TargetHold {
  /** The outbox target, e.g. `slack:3f2a9c1d0b4e` (never a URL). */
  target: string;
  /** ISO time before which nothing goes to the target. */
  holdUntil: string;
  /** Why, e.g. `Slack answered 429 with Retry-After: 30`; never holds a webhook URL. */
  reason: string;
  /** Failed runs in a row (a 429 does not count): the backoff grows with them. */
  failures: number;
  updatedAt: string;
}

/** What to hold a target for. */
export interface HoldRequest {
  until: Date;
  reason: string;
  /** Count a failed run (the backoff's), as opposed to a 429 that only says when to come back. */
  failed: boolean;
}

/** The partition of the holds: one item per target, beside the deliveries' `OUTBOX#<findingId>`. */
const HOLDS_PK = 'OUTBOX#HOLD';
/** A hold item outlives its hold by a day, then TTL deletes it. */
const HOLD_TTL_SECONDS = 86_400;

function holdKey(target: string): { PK: string; SK: string } {
  return { PK: HOLDS_PK, SK: target };
}

function holdOf(item: Record<string, unknown> | undefined): TargetHold | undefined {
  if (!item || typeof item.holdUntil !== 'string') return undefined;
  return {
    target: String(item.target),
    holdUntil: item.holdUntil,
    reason: String(item.reason ?? ''),
    failures: Number(item.failures ?? 0),
    updatedAt: String(item.updatedAt ?? ''),
  };
}

function isConditionFailed(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/** The target's hold (a strongly consistent read), or undefined when it has none. */
export async function readHold(context: StoreContext, target: string): Promise<TargetHold | undefined> {
  const { Item } = await context.doc.send(
    new GetCommand({ TableName: context.tableName, Key: holdKey(target), ConsistentRead: true }),
  );
  return holdOf(Item);
}

/**
 * Holds a target until `until`, unless it is held longer already (a conditional write: the later
 * hold wins whatever the order of the writers). Returns the hold that applies.
 */
export async function writeHold(
  context: StoreContext,
  target: string,
  request: HoldRequest,
): Promise<TargetHold | undefined> {
  const until = request.until.toISOString();
  try {
    const { Attributes } = await context.doc.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: holdKey(target),
        UpdateExpression:
          'SET #type = :type, #target = :target, #until = :until, #reason = :reason, #updatedAt = :now, #expiresAt = :expires ADD #failures :failed',
        ConditionExpression: 'attribute_not_exists(#until) OR #until < :until',
        ExpressionAttributeNames: {
          '#type': 'type',
          '#target': 'target',
          '#until': 'holdUntil',
          '#reason': 'reason',
          '#updatedAt': 'updatedAt',
          '#expiresAt': 'expiresAt',
          '#failures': 'failures',
        },
        ExpressionAttributeValues: {
          ':type': 'outbox-hold',
          ':target': target,
          ':until': until,
          ':reason': request.reason.slice(0, 1000),
          ':now': context.clock().toISOString(),
          ':expires': Math.floor(request.until.getTime() / 1000) + HOLD_TTL_SECONDS,
          ':failed': request.failed ? 1 : 0,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return holdOf(Attributes);
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
    return readHold(context, target);
  }
}

/**
 * Ends a target's backoff after a delivery went through: deletes the hold unless a newer one
 * (e.g. a 429 another sender was just given) is still running.
 */
export async function clearHold(context: StoreContext, target: string): Promise<void> {
  try {
    await context.doc.send(
      new DeleteCommand({
        TableName: context.tableName,
        Key: holdKey(target),
        ConditionExpression: 'attribute_exists(PK) AND #until <= :now',
        ExpressionAttributeNames: { '#until': 'holdUntil' },
        ExpressionAttributeValues: { ':now': context.clock().toISOString() },
      }),
    );
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
  }
}
