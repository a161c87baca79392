import type { FindingState } from '@customs/store';

/**
 * The Lambda event filters on the findings table's stream (NEW_AND_OLD_IMAGES): only the changes
 * of finding items that on-finding-change can turn into a notification reach it (packages/notify,
 * `deriveTransition`): entering OPEN (opened, reopened), entering SUPPRESSED, entering RESOLVED
 * from OPEN or SUPPRESSED, and a severity change while OPEN. An ERROR is seen through (the state
 * before it decides), so changes out of ERROR pass, and changes into it from OPEN or ERROR (where
 * an open failure's severity may change with it). A finding item has `SK = FINDING` and a `state` (packages/store,
 * keys.ts and model.ts); history entries (`SK = H#…`), summary counters (`PK = SUMMARY`), outbox
 * and suppression items and the resources' evaluation records (`SK = EVALUATION`, written by every
 * evaluation, unchanged ones included) never pass.
 *
 * Lambda ORs the filters and allows five per event source mapping by default; its filter syntax
 * has value arrays (OR within a field) and `anything-but`, but no `$or` across fields, and no
 * comparison of two attributes. So a pattern pairs old states with new states, and a severity
 * change cannot be told from a new message: every rewrite of an open finding passes, and the
 * handler drops those whose severity did not change.
 */
const FINDING_KEYS = { Keys: { SK: { S: ['FINDING'] } } };

function states(...values: FindingState[]) {
  return { S: values };
}

/** A finding item changing from one of `before` to one of `after`. */
function changing(before: FindingState[], after: FindingState[]) {
  return {
    eventName: ['MODIFY'],
    dynamodb: {
      ...FINDING_KEYS,
      OldImage: { state: states(...before) },
      NewImage: { state: states(...after) },
    },
  };
}

/**
 * The filters, in the shape of `sst.aws.Dynamo.subscribe`'s `filters` (each one a pattern).
 * @example table.subscribe('FindingChanges', fn.arn, { filters: [...FINDING_TRANSITION_FILTERS] });
 */
export const FINDING_TRANSITION_FILTERS = [
  // A new finding that fails: opened, or suppressed from the start.
  { eventName: ['INSERT'], dynamodb: { ...FINDING_KEYS, NewImage: { state: states('OPEN', 'SUPPRESSED') } } },
  // Failing again after passing, resolving or an error: opened, reopened or suppressed.
  changing(['PASSING', 'NOT_APPLICABLE', 'RESOLVED', 'ERROR'], ['OPEN', 'SUPPRESSED']),
  // A suppression ended (reopened) or the suppressed failure passes (resolved).
  changing(['SUPPRESSED'], ['OPEN', 'RESOLVED']),
  // An open failure suppressed or resolved, or rewritten (its severity may have changed); out of
  // an ERROR into the same states (the state before the error decides).
  changing(['OPEN', 'ERROR'], ['OPEN', 'SUPPRESSED', 'RESOLVED']),
  // An open failure whose check errs, or errs again: its severity may change with it.
  changing(['OPEN', 'ERROR'], ['ERROR']),
];
