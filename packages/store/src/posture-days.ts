import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { StoreContext } from './context.js';
import { readSummary, type StatusCounts } from './summary.js';
import { FINDINGS_TABLE } from './table-definition.js';

/** The partition of the daily posture records: one item per UTC day, `DAY#<YYYY-MM-DD>`. */
const POSTURE_PK = 'POSTURE';
const DAY_PREFIX = 'DAY#';
/** Days a daily posture record is kept before DynamoDB's TTL deletes it. */
export const POSTURE_TTL_DAYS = 400;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The posture of one UTC day: the counts of the summary (README.md, "Summary") overall, per CSA
 * recommendation and per severity, as they were at `asOf`, the day's latest recorded reading.
 */
export interface DailyPosture {
  /** The UTC day, `YYYY-MM-DD`. */
  date: string;
  /** When the counters were read (ISO 8601): of two readings of a day, the later one is kept. */
  asOf: string;
  total: StatusCounts;
  recommendation: Record<string, StatusCounts>;
  severity: Record<string, StatusCounts>;
}

/** What `recordDailyPosture` did: `written` false when the day already held a later reading. */
export interface PostureRecorded {
  date: string;
  asOf: string;
  written: boolean;
}

/** `2026-11-21T23:59:59.999Z` → `2026-11-21`. */
export function utcDay(time: Date): string {
  return time.toISOString().slice(0, 10);
}

/**
 * Reads the summary counters (one strongly consistent Query on the SUMMARY partition) and writes
 * them as the day's posture record: one PutItem of about 1 KB, conditional on the day holding no
 * reading or an older one (`asOf`), so a late writer never replaces a newer reading and a repeated
 * write is idempotent. The record expires (TTL `expiresAt`) {@link POSTURE_TTL_DAYS} days later.
 * @example const { date, written } = await recordDailyPosture(context); // { date: '2026-11-21', written: true }
 */
export async function recordDailyPosture(context: StoreContext): Promise<PostureRecorded> {
  // The time before the read: a reading taken later saw at least every write this one saw.
  const now = context.clock();
  const asOf = now.toISOString();
  const date = utcDay(now);
  const summary = await readSummary(context, { consistent: true });
  const record: DailyPosture = {
    date,
    asOf,
    total: summary.total,
    recommendation: summary.recommendation,
    severity: summary.severity,
  };
  try {
    await context.doc.send(
      new PutCommand({
        TableName: context.tableName,
        Item: {
          PK: POSTURE_PK,
          SK: `${DAY_PREFIX}${date}`,
          type: 'posture-day',
          ...record,
          [FINDINGS_TABLE.ttl]: Math.floor(now.getTime() / 1000) + POSTURE_TTL_DAYS * 86_400,
        },
        ConditionExpression: 'attribute_not_exists(PK) OR asOf < :asOf',
        ExpressionAttributeValues: { ':asOf': asOf },
      }),
    );
    return { date, asOf, written: true };
  } catch (error) {
    if (error instanceof Error && error.name === 'ConditionalCheckFailedException') {
      return { date, asOf, written: false };
    }
    throw error;
  }
}

/**
 * The daily posture records from day `from` to day `to` (`YYYY-MM-DD`, both included), oldest
 * first; a day without a record is absent. One Query on the POSTURE partition (`SK BETWEEN`), about
 * 1 KB per day, so 90 days are one call.
 * @example const days = await readPostureDays(context, '2026-11-15', '2026-11-21');
 */
export async function readPostureDays(
  context: StoreContext,
  from: string,
  to: string,
): Promise<DailyPosture[]> {
  if (!DAY.test(from) || !DAY.test(to)) throw new RangeError(`days are YYYY-MM-DD, got ${from} and ${to}`);
  const days: DailyPosture[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const response = await context.doc.send(
      new QueryCommand({
        TableName: context.tableName,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': POSTURE_PK,
          ':from': `${DAY_PREFIX}${from}`,
          ':to': `${DAY_PREFIX}${to}`,
        },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of response.Items ?? []) days.push(postureOfItem(item));
    startKey = response.LastEvaluatedKey;
  } while (startKey !== undefined);
  return days;
}

function postureOfItem(item: Record<string, unknown>): DailyPosture {
  return {
    date: String(item.date),
    asOf: String(item.asOf),
    total: item.total as StatusCounts,
    recommendation: (item.recommendation ?? {}) as Record<string, StatusCounts>,
    severity: (item.severity ?? {}) as Record<string, StatusCounts>,
  };
}
