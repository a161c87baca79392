import { isImageInUse, type Status } from '@customs/core';
import { counterShard, SUMMARY_PK } from './keys.js';
import type { StoredFinding } from './model.js';

/** The dimensions that the summary counts findings by. */
export const SUMMARY_DIMENSIONS = ['recommendation', 'severity', 'resourceType'] as const;
export type SummaryDimension = (typeof SUMMARY_DIMENSIONS)[number];

/** The partition of the accounts' counters: one `accountId` counter per account (the accounts present). */
export const ACCOUNTS_PK = `${SUMMARY_PK}#ACCOUNTS`;
/** The sort key prefix of the in-use counters (ECR image findings whose image runs) in a summary partition. */
export const IN_USE_PREFIX = 'inUse#';

type Counted = Pick<StoredFinding, 'resourceId' | 'status' | 'accountId' | SummaryDimension> & {
  state?: string;
  inUse?: StoredFinding['inUse'];
};

/** A counter's fields: a status, or `SUPPRESSED` (the FAIL findings a suppression covers). */
export type CounterField = Status | 'SUPPRESSED';

/** An ADD of +1/-1 per status on one counter item. */
export interface CounterUpdate {
  key: { PK: string; SK: string };
  dimension: SummaryDimension | 'accountId';
  value: string;
  deltas: Partial<Record<CounterField, number>>;
}

/**
 * The summary partition of one account's counters, or of every account's (no account).
 * @example summaryPartition('111122223333'); // 'SUMMARY#A#111122223333'
 */
export function summaryPartition(accountId?: string): string {
  return accountId === undefined ? SUMMARY_PK : `${SUMMARY_PK}#A#${accountId}`;
}

/**
 * Whether a finding counts as in use: an ECR image finding whose image runs somewhere Customs
 * sees, or that Inspector counts in use (`isImageInUse`).
 */
function inUse(finding: Counted): boolean {
  return isImageInUse(finding.inUse);
}

/**
 * The counter items a finding counts in: each dimension's value in the summary of every account and
 * in its account's summary — again under {@link IN_USE_PREFIX} when its image runs — and its account
 * in the accounts partition.
 */
function counterKeys(finding: Counted, shard: number): Omit<CounterUpdate, 'deltas'>[] {
  const partitions = [summaryPartition(), summaryPartition(finding.accountId)];
  const prefixes = inUse(finding) ? ['', IN_USE_PREFIX] : [''];
  const keys: Omit<CounterUpdate, 'deltas'>[] = [];
  for (const PK of partitions) {
    for (const prefix of prefixes) {
      for (const dimension of SUMMARY_DIMENSIONS) {
        const value = finding[dimension];
        keys.push({ key: { PK, SK: `${prefix}${dimension}#${value}#${shard}` }, dimension, value });
      }
    }
  }
  const account = { PK: ACCOUNTS_PK, SK: `${finding.accountId}#${shard}` };
  keys.push({ key: account, dimension: 'accountId', value: finding.accountId });
  return keys;
}

/**
 * The counter changes that turn the counts of `before` into those of `after` (either may be absent):
 * nothing when status, account, in-use and dimensions are unchanged, one update per touched counter
 * item otherwise.
 * @example counterUpdates(open, resolved); // FAIL -1, PASS +1 on the recommendation, severity, type and account counters
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
    for (const counter of counterKeys(finding, counterShard(finding.resourceId))) {
      const id = `${counter.key.PK}|${counter.key.SK}`;
      const update = updates.get(id) ?? { ...counter, deltas: {} };
      update.deltas[finding.status] = (update.deltas[finding.status] ?? 0) + delta;
      if (finding.state === 'SUPPRESSED') update.deltas.SUPPRESSED = (update.deltas.SUPPRESSED ?? 0) + delta;
      updates.set(id, update);
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
