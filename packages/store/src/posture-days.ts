import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { StoreContext } from './context.js';
import { readSummaries, type StatusCounts } from './summary.js';
import { FINDINGS_TABLE } from './table-definition.js';

/**
 * The partition of the daily posture records of every account (`POSTURE`) or of one
 * (`POSTURE#A#<account>`): one item per UTC day, `DAY#<YYYY-MM-DD>`.
 */
const POSTURE_PK = 'POSTURE';
const ACCOUNT_ID = /^\d{12}$/;

function posturePartition(accountId: string | undefined): string {
  return accountId === undefined ? POSTURE_PK : `${POSTURE_PK}#A#${accountId}`;
}
const DAY_PREFIX = 'DAY#';
/** Days a daily posture record is kept before DynamoDB's TTL deletes it. */
export const POSTURE_TTL_DAYS = 400;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The counts of a record, as stored: the day's `inUse` counts (the in-use images' only) beside them. */
type Counts = Pick<DailyPosture, 'total' | 'recommendation' | 'severity'>;

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
  /** The account's own records written with it (`recordDailyPosture`'s `accounts`), in that order. */
  accounts?: (PostureRecorded & { accountId: string })[];
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
 * Each account of `accounts` gets its own day's record the same way (its summary partition's Query
 * and a PutItem on `POSTURE#A#<account>`): the accounts the caller's writes touched.
 * @example const { date, written } = await recordDailyPosture(context, { accounts: ['111122223333'] }); // { date: '2026-11-21', written: true }
 */
export async function recordDailyPosture(
  context: StoreContext,
  options: { accounts?: readonly string[] } = {},
): Promise<PostureRecorded> {
  // The time before the read: a reading taken later saw at least every write this one saw.
  const now = context.clock();
  const recorded = await recordScope(context, now, undefined);
  // Findings carry the account ids of what was read; anything else names no account partition.
  const accounts = [...new Set(options.accounts ?? [])].filter((accountId) => ACCOUNT_ID.test(accountId));
  if (accounts.length === 0) return recorded;
  const each: (PostureRecorded & { accountId: string })[] = [];
  for (const accountId of accounts) {
    each.push({ ...(await recordScope(context, now, accountId)), accountId });
  }
  return { ...recorded, accounts: each };
}

async function recordScope(
  context: StoreContext,
  now: Date,
  accountId: string | undefined,
): Promise<PostureRecorded> {
  const asOf = now.toISOString();
  const date = utcDay(now);
  const { all, inUse } = await readSummaries(context, { accountId, consistent: true });
  const inUseCounts: Counts = {
    total: inUse.total,
    recommendation: inUse.recommendation,
    severity: inUse.severity,
  };
  const record: DailyPosture & { inUse: Counts } = {
    date,
    asOf,
    total: all.total,
    recommendation: all.recommendation,
    severity: all.severity,
    inUse: inUseCounts,
  };
  try {
    await context.doc.send(
      new PutCommand({
        TableName: context.tableName,
        Item: {
          PK: posturePartition(accountId),
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
 * first; a day without a record is absent. One Query on the POSTURE partition (`SK BETWEEN`), or
 * on one account's (`accountId`), about 1 KB per day, so 90 days are one call. With `inUse`, the
 * counts are the in-use images' only (a record written before they were kept is absent).
 * @example const days = await readPostureDays(context, '2026-11-15', '2026-11-21', { accountId: '111122223333' });
 */
export async function readPostureDays(
  context: StoreContext,
  from: string,
  to: string,
  options: { accountId?: string; inUse?: boolean } = {},
): Promise<DailyPosture[]> {
  if (!DAY.test(from) || !DAY.test(to)) throw new RangeError(`days are YYYY-MM-DD, got ${from} and ${to}`);
  const { accountId } = options;
  if (accountId !== undefined && !ACCOUNT_ID.test(accountId)) {
    throw new RangeError(`an account id is 12 digits, got ${accountId.slice(0, 40)}`);
  }
  const days: DailyPosture[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const response = await context.doc.send(
      new QueryCommand({
        TableName: context.tableName,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': posturePartition(accountId),
          ':from': `${DAY_PREFIX}${from}`,
          ':to': `${DAY_PREFIX}${to}`,
        },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of response.Items ?? []) {
      if (options.inUse === true && item.inUse === undefined) continue;
      days.push(postureOfItem(item, options.inUse === true));
    }
    startKey = response.LastEvaluatedKey;
  } while (startKey !== undefined);
  return days;
}

function postureOfItem(item: Record<string, unknown>, inUse: boolean): DailyPosture {
  const counts = (inUse ? item.inUse : item) as Record<string, unknown>;
  return {
    date: String(item.date),
    asOf: String(item.asOf),
    total: counts.total as StatusCounts,
    recommendation: (counts.recommendation ?? {}) as Record<string, StatusCounts>,
    severity: (counts.severity ?? {}) as Record<string, StatusCounts>,
  };
}
