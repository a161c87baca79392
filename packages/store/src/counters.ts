import type { Status } from '@customs/core';
import { counterShard, SUMMARY_PK } from './keys.js';
import type { StoredFinding } from './model.js';

/** The dimensions that the summary counts findings by. */
export const SUMMARY_DIMENSIONS = ['recommendation', 'severity', 'resourceType'] as const;
export type SummaryDimension = (typeof SUMMARY_DIMENSIONS)[number];

type Counted = Pick<StoredFinding, 'resourceId' | 'status' | SummaryDimension> & { state?: string };

/** A counter's fields: a status, or `SUPPRESSED` (the FAIL findings a suppression covers). */
export type CounterField = Status | 'SUPPRESSED';

/** An ADD of +1/-1 per status on one counter item. */
export interface CounterUpdate {
  key: { PK: string; SK: string };
  dimension: SummaryDimension;
  value: string;
  deltas: Partial<Record<CounterField, number>>;
}

/**
 * The counter changes that turn the counts of `before` into those of `after` (either may be absent):
 * nothing when status and dimensions are unchanged, one update per touched counter item otherwise.
 * @example counterUpdates(open, resolved); // FAIL -1, PASS +1 on the recommendation, severity and type counters
 */
export function counterUpdates(before: Counted | undefined, after: Counted | undefined): CounterUpdate[] {
  return mergedCounterUpdates([[before, after]]);
}

/**
 * The counter changes of several findings' changes at once, one update per counter item (a
 * transaction may touch an item only once), without the ones that cancel out.
 * @example mergedCounterUpdates([[open, resolved], [undefined, created]]);
 */
export function mergedCounterUpdates(
  changes: readonly (readonly [Counted | undefined, Counted | undefined])[],
): CounterUpdate[] {
  const updates = new Map<string, CounterUpdate>();
  const count = function countFinding(finding: Counted | undefined, delta: number) {
    if (!finding) return;
    const shard = counterShard(finding.resourceId);
    for (const dimension of SUMMARY_DIMENSIONS) {
      const value = finding[dimension];
      const SK = `${dimension}#${value}#${shard}`;
      const update = updates.get(SK) ?? { key: { PK: SUMMARY_PK, SK }, dimension, value, deltas: {} };
      update.deltas[finding.status] = (update.deltas[finding.status] ?? 0) + delta;
      if (finding.state === 'SUPPRESSED') update.deltas.SUPPRESSED = (update.deltas.SUPPRESSED ?? 0) + delta;
      updates.set(SK, update);
    }
  };
  for (const [before, after] of changes) {
    count(before, -1);
    count(after, +1);
  }
  return [...updates.values()]
    .map(function dropZeros(update) {
      const deltas = Object.fromEntries(Object.entries(update.deltas).filter(([, delta]) => delta !== 0));
      return { ...update, deltas };
    })
    .filter((update) => Object.keys(update.deltas).length > 0);
}
