import { STATUSES, type Status } from '@customs/core';
import type { StoreContext } from './context.js';
import {
  ACCOUNTS_PK,
  IN_USE_PREFIX,
  SUMMARY_DIMENSIONS,
  type SummaryDimension,
  summaryPartition,
} from './counters.js';
import { queryAll } from './run-query.js';

/** Counts of current findings by status, and the posture score PASS / (PASS + FAIL). */
export interface StatusCounts {
  PASS: number;
  FAIL: number;
  NOT_APPLICABLE: number;
  ERROR: number;
  /** Of FAIL, how many are SUPPRESSED (counted since this counter exists: older tables count from 0). */
  SUPPRESSED: number;
  total: number;
  /** Between 0 and 1; null when nothing passed or failed. */
  score: number | null;
}

/** The summary of every stored finding, by CSA recommendation, severity and resource type. */
export type FindingsSummary = Record<SummaryDimension, Record<string, StatusCounts>> & {
  total: StatusCounts;
};

/** Which findings a summary counts: every account's or one's, every finding or the in-use images' only. */
export interface SummaryScope {
  /** One account's findings only (12 digits) [every account's]. */
  accountId?: string;
  /** Only ECR image findings whose image runs (`isImageInUse`: `inUse.running` or Inspector's count above 0) [every finding]. */
  inUse?: boolean;
  /** A strongly consistent read (twice the read units), so that no write acknowledged before is missed. */
  consistent?: boolean;
}

/** One account present in the store, with the counts of its findings. */
export interface AccountCounts {
  accountId: string;
  counts: StatusCounts;
}

/**
 * Reads the counters kept by every finding write (one Query on the scope's summary partition — a
 * few hundred small items at most, `SUMMARY` for every account, `SUMMARY#A#<account>` for one —
 * and only its in-use items with `inUse`) and adds up their shards.
 * @example (await readSummary(context, { accountId: '111122223333', inUse: true })).recommendation['CSA-3']?.FAIL;
 */
export async function readSummary(context: StoreContext, scope: SummaryScope = {}): Promise<FindingsSummary> {
  const { all, inUse } = await readSummaries(context, { ...scope, inUse: scope.inUse === true });
  return scope.inUse === true ? inUse : all;
}

/**
 * Both summaries of a partition from one Query: of every finding and of the in-use images only
 * (`inUse` in the scope reads the in-use items alone, and `all` is then empty).
 * @example const { all, inUse } = await readSummaries(context, { accountId, consistent: true });
 */
export async function readSummaries(
  context: StoreContext,
  scope: SummaryScope,
): Promise<{ all: FindingsSummary; inUse: FindingsSummary }> {
  const pk = summaryPartition(scope.accountId);
  const partition = scope.inUse === true ? { pk, prefix: IN_USE_PREFIX } : { pk };
  const plan = { partitions: [partition], filters: {}, consistentRead: scope.consistent };
  const items = await queryAll(context, plan);
  const all = emptySummary();
  const inUse = emptySummary();
  for (const item of items) {
    const summary = String(item.SK).startsWith(IN_USE_PREFIX) ? inUse : all;
    addItem(summary, item);
  }
  for (const summary of [all, inUse]) {
    for (const counts of [
      summary.total,
      ...SUMMARY_DIMENSIONS.flatMap((name) => Object.values(summary[name])),
    ]) {
      finish(counts);
    }
  }
  return { all, inUse };
}

/**
 * The accounts that hold current findings, in id order, each with its counts: one Query on the
 * accounts partition (8 shards of one item per account); an account whose findings are all gone
 * (counts back to 0) is absent.
 * @example (await readAccounts(context)).map((account) => account.accountId); // ['111122223333', '444455556666']
 */
export async function readAccounts(context: StoreContext): Promise<AccountCounts[]> {
  const items = await queryAll(context, { partitions: [{ pk: ACCOUNTS_PK }], filters: {} });
  const accounts = new Map<string, StatusCounts>();
  for (const item of items) {
    if (item.dimension !== 'accountId') continue;
    const accountId = String(item.value);
    const counts = accounts.get(accountId) ?? emptyCounts();
    accounts.set(accountId, counts);
    for (const status of STATUSES) counts[status] += Number(item[status] ?? 0);
    counts.SUPPRESSED += Number(item.SUPPRESSED ?? 0);
  }
  return [...accounts]
    .map(([accountId, counts]) => {
      finish(counts);
      return { accountId, counts };
    })
    .filter((account) => account.counts.total > 0)
    .sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
}

function emptySummary(): FindingsSummary {
  return { recommendation: {}, severity: {}, resourceType: {}, total: emptyCounts() } as FindingsSummary;
}

/** Adds one counter item (one shard of one dimension value) to a summary. */
function addItem(summary: FindingsSummary, item: Record<string, unknown>): void {
  const dimension = item.dimension as SummaryDimension;
  if (!SUMMARY_DIMENSIONS.includes(dimension)) return;
  const value = String(item.value);
  const counts = summary[dimension][value] ?? emptyCounts();
  summary[dimension][value] = counts;
  for (const status of STATUSES) {
    const count = Number(item[status] ?? 0);
    counts[status] += count;
    if (dimension === 'severity') summary.total[status] += count;
  }
  const suppressed = Number(item.SUPPRESSED ?? 0);
  counts.SUPPRESSED += suppressed;
  if (dimension === 'severity') summary.total.SUPPRESSED += suppressed;
}

function emptyCounts(): StatusCounts {
  return { PASS: 0, FAIL: 0, NOT_APPLICABLE: 0, ERROR: 0, SUPPRESSED: 0, total: 0, score: null };
}

function finish(counts: StatusCounts): void {
  const statuses: Status[] = [...STATUSES];
  counts.total = statuses.reduce((sum, status) => sum + counts[status], 0);
  const judged = counts.PASS + counts.FAIL;
  counts.score = judged === 0 ? null : counts.PASS / judged;
}
