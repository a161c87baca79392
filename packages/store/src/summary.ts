import { STATUSES, type Status } from '@customs/core';
import type { StoreContext } from './context.js';
import { SUMMARY_DIMENSIONS, type SummaryDimension } from './counters.js';
import { SUMMARY_PK } from './keys.js';
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

/**
 * Reads the counters kept by every finding write (one Query on the SUMMARY partition, a few
 * hundred small items at most) and adds up their shards; `consistent` reads them strongly
 * consistently (twice the read units), so that no write acknowledged before is missed.
 * @example (await readSummary(context)).recommendation['CSA-3']?.FAIL;
 */
export async function readSummary(
  context: StoreContext,
  options: { consistent?: boolean } = {},
): Promise<FindingsSummary> {
  const plan = { partitions: [{ pk: SUMMARY_PK }], filters: {}, consistentRead: options.consistent };
  const items = await queryAll(context, plan);
  const summary = {
    recommendation: {},
    severity: {},
    resourceType: {},
    total: emptyCounts(),
  } as FindingsSummary;
  for (const item of items) {
    const dimension = item.dimension as SummaryDimension;
    if (!SUMMARY_DIMENSIONS.includes(dimension)) continue;
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
  for (const counts of [
    summary.total,
    ...SUMMARY_DIMENSIONS.flatMap((name) => Object.values(summary[name])),
  ]) {
    finish(counts);
  }
  return summary;
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
