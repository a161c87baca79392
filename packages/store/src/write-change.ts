import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { changeMarks } from './change-marks.js';
import type { StoreContext } from './context.js';
import { type CounterUpdate, counterUpdates } from './counters.js';
import { findingKey, historyKey, indexKeys } from './keys.js';
import type { Decision } from './lifecycle.js';
import type { StoredFinding } from './model.js';
import { readFinding } from './read-findings.js';
import { FINDINGS_TABLE } from './table-definition.js';

/** One action of a TransactWriteItems request. */
export type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

/** The outcome of one finding's decision, with the stored finding it was taken against. */
export interface Applied {
  decision: Decision;
  previous: StoredFinding | undefined;
}

/** Cancellation reasons after which a re-read and a new attempt can succeed. */
const RETRYABLE_REASONS = new Set([
  'None',
  'ConditionalCheckFailed',
  'TransactionConflict',
  'ThrottlingError',
]);

/**
 * Decides and writes the change of one finding; when another writer got there first (version
 * condition failed, transaction conflict) it re-reads and decides again, at most
 * `maxConflictAttempts` times. Throws the last error when every attempt failed.
 */
export async function applyDecision(
  context: StoreContext,
  findingId: string,
  initial: StoredFinding | undefined,
  decide: (stored: StoredFinding | undefined) => Decision,
): Promise<Applied> {
  let previous = initial;
  for (let attempt = 1; ; attempt++) {
    const decision = decide(previous);
    if (!decision.next) return { decision, previous };
    try {
      await writeChange(context, previous, decision.next, decision);
      return { decision, previous };
    } catch (error) {
      if (!isWriteConflict(error) || attempt >= context.maxConflictAttempts) throw error;
      await new Promise((wake) => setTimeout(wake, Math.random() * 10 * 2 ** Math.min(attempt, 6)));
      previous = await readFinding(context, findingId);
    }
  }
}

/** One TransactWriteItems: the finding (conditional on the version read), its history entry, the counters. */
async function writeChange(
  context: StoreContext,
  previous: StoredFinding | undefined,
  next: StoredFinding,
  decision: Decision,
): Promise<void> {
  const counters = counterItems(context, counterUpdates(previous, next));
  await context.doc.send(
    new TransactWriteCommand({
      TransactItems: [...findingWriteItems(context, previous, next, decision), ...counters],
    }),
  );
}

/**
 * The two Puts of one finding's change: the finding (conditional on the version read, or on not
 * existing yet), marked with the change that wrote it (`transition`, and `notify` when the fan-out
 * announces it: change-marks.ts), and its immutable history entry (conditional on not existing).
 * `expiresAt` (a removal: its resource is gone) is the finding's TTL; a Put without it (any other
 * write) replaces the item, so the TTL is cleared when the resource comes back.
 */
export function findingWriteItems(
  context: StoreContext,
  previous: StoredFinding | undefined,
  next: StoredFinding,
  decision: Decision,
  expiresAt?: number,
): TransactItem[] {
  const TableName = context.tableName;
  const findingPut: TransactItem = {
    Put: {
      TableName,
      Item: {
        ...next,
        ...findingKey(next.id),
        type: 'finding',
        ...indexKeys(next),
        ...changeMarks(previous, next, decision.transition, decision.quietInUse === true),
        ...(context.sweepRun === undefined ? {} : { sweepRun: context.sweepRun }),
        ...(expiresAt === undefined ? {} : { [FINDINGS_TABLE.ttl]: expiresAt }),
      },
      ...(previous
        ? {
            ConditionExpression: '#version = :version',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':version': previous.version },
          }
        : { ConditionExpression: 'attribute_not_exists(PK)' }),
    },
  };
  const historyPut: TransactItem = {
    Put: {
      TableName,
      Item: {
        ...historyKey(next.id, next.version),
        type: 'history',
        ...historyEntry(context, previous, next, decision),
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
  return [findingPut, historyPut];
}

/** The summary counters' ADDs, one Update per counter item. */
export function counterItems(context: StoreContext, updates: readonly CounterUpdate[]): TransactItem[] {
  return updates.map(function counterUpdate(update) {
    const statuses = Object.entries(update.deltas);
    const adds = statuses.map((_, index) => `#s${index} :d${index}`).join(', ');
    return {
      Update: {
        TableName: context.tableName,
        Key: update.key,
        UpdateExpression: `SET #dimension = :dimension, #value = :value ADD ${adds}`,
        ExpressionAttributeNames: {
          '#dimension': 'dimension',
          '#value': 'value',
          ...Object.fromEntries(statuses.map(([status], index) => [`#s${index}`, status])),
        },
        ExpressionAttributeValues: {
          ':dimension': update.dimension,
          ':value': update.value,
          ...Object.fromEntries(statuses.map(([, delta], index) => [`:d${index}`, delta])),
        },
      },
    };
  });
}

function historyEntry(
  context: StoreContext,
  previous: StoredFinding | undefined,
  next: StoredFinding,
  decision: Decision,
): Record<string, unknown> {
  return {
    findingId: next.id,
    checkId: next.checkId,
    resourceId: next.resourceId,
    version: next.version,
    transition: decision.transition,
    state: next.state,
    status: next.status,
    severity: next.severity,
    message: next.message,
    evaluatedAt: next.lastEvaluatedAt,
    previousState: previous?.state,
    previousStatus: previous?.status,
    reason: decision.reason,
    suppressionId: decision.suppressionId,
    actor: decision.actor,
    changedAt: decision.at,
    expiresAt: Math.floor(context.clock().getTime() / 1000) + context.historyTtlSeconds,
  };
}

/**
 * Whether a write lost to another writer (a condition on a version failed, a transaction
 * conflicted), so that a re-read and a new decision can succeed.
 */
export function isWriteConflict(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'ConditionalCheckFailedException') return true;
  if (error.name === 'TransactionConflictException') return true;
  if (error.name !== 'TransactionCanceledException') return false;
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.length > 0 && reasons.every((reason) => RETRYABLE_REASONS.has(reason.Code ?? 'None'));
}
