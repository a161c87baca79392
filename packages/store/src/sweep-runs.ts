import { randomBytes } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { StoreContext } from './context.js';

/**
 * A sweep run (docs/DESIGN.md, "Fan-out of a sweep"): the sweep marks every finding it writes
 * with its run id (`sweepRun`), and writes the run's end marker once it has stored everything, so
 * that the fan-out holds the run's Slack messages in the outbox and sends one digest per webhook
 * at its end, however many stream batches carried them.
 */
export interface SweepRunEnd {
  runId: string;
  endedAt: string;
}

/** The end marker's sort key; its partition is `SWEEP#<runId>`. */
const RUN_SK = 'SWEEP_RUN';
/** An end marker is kept a week (its holds are flushed long before), then TTL deletes it. */
const RUN_TTL_SECONDS = 7 * 86_400;

function runKey(runId: string): { PK: string; SK: string } {
  return { PK: `SWEEP#${runId}`, SK: RUN_SK };
}

/**
 * A new run id: the run's start time (ISO, so run ids sort by age) and 8 random hex digits.
 * @example sweepRunId(new Date('2026-12-01T02:00:00Z')); // '2026-12-01T02:00:00.000Z#3f2a9c1d'
 */
export function sweepRunId(startedAt: Date): string {
  return `${startedAt.toISOString()}#${randomBytes(4).toString('hex')}`;
}

/** Writes the run's end marker (idempotent: a second end keeps the first time). */
export async function writeSweepRunEnd(context: StoreContext, runId: string): Promise<SweepRunEnd> {
  const now = context.clock();
  const endedAt = now.toISOString();
  try {
    await context.doc.send(
      new PutCommand({
        TableName: context.tableName,
        Item: {
          ...runKey(runId),
          type: 'sweep-run',
          runId,
          status: 'ended',
          endedAt,
          expiresAt: Math.floor(now.getTime() / 1000) + RUN_TTL_SECONDS,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  } catch (error) {
    if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
  }
  return { runId, endedAt };
}

/** Whether the run's end marker is written (a strongly consistent GetItem). */
export async function sweepRunHasEnded(context: StoreContext, runId: string): Promise<boolean> {
  const { Item } = await context.doc.send(
    new GetCommand({ TableName: context.tableName, Key: runKey(runId), ConsistentRead: true }),
  );
  return Item?.status === 'ended';
}

/**
 * The stream-record pattern (EventBridge/Lambda filter syntax) of a sweep run's end marker: it
 * invokes the fan-out, which then sends the run's held messages. Used beside
 * `ANNOUNCED_FINDING_WRITES` by the deployed stream filter and `customs start`'s poller.
 */
export const SWEEP_RUN_ENDS = {
  eventName: ['INSERT'],
  dynamodb: {
    Keys: { SK: { S: [RUN_SK] } },
    NewImage: { status: { S: ['ended'] } },
  },
};

/**
 * The run id of a stream record that is a sweep run's end marker (DynamoDB JSON), else undefined.
 * @example sweepRunEndOf(record); // '2026-12-01T02:00:00.000Z#3f2a9c1d'
 */
export function sweepRunEndOf(record: {
  eventName?: string | undefined;
  dynamodb?: { NewImage?: Record<string, { S?: string | undefined } | undefined> | undefined } | undefined;
}): string | undefined {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || image?.SK?.S !== RUN_SK || image.status?.S !== 'ended')
    return undefined;
  const runId = image.runId?.S;
  return typeof runId === 'string' && runId.length > 0 && runId.length <= 100 ? runId : undefined;
}
