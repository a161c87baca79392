import type { FindingState } from '@customs/store';

/**
 * The Lambda event filters on the findings table's stream (NEW_AND_OLD_IMAGES): only real
 * transitions of finding items reach on-finding-change. A finding item has `SK = FINDING` and a
 * `state` (packages/store, keys.ts and model.ts); history entries (`SK = H#…`) and summary
 * counters (`PK = SUMMARY`) never pass, nor does a rewrite that keeps the state (a new message).
 *
 * Lambda ORs the filters and allows five per event source mapping, and a pattern cannot compare
 * two attributes, so a state change is spelled per state: a finding enters OPEN, RESOLVED or
 * ERROR, or leaves ERROR. Left out: PASSING ↔ NOT_APPLICABLE, a finding that never failed changing
 * which of the two it is, which nobody is told about.
 */
const FINDING_KEYS = { Keys: { SK: { S: ['FINDING'] } } };

function entering(state: FindingState) {
  return {
    eventName: ['MODIFY'],
    dynamodb: {
      ...FINDING_KEYS,
      NewImage: { state: { S: [state] } },
      OldImage: { state: { S: [{ 'anything-but': [state] }] } },
    },
  };
}

function leaving(state: FindingState) {
  return {
    eventName: ['MODIFY'],
    dynamodb: {
      ...FINDING_KEYS,
      OldImage: { state: { S: [state] } },
      NewImage: { state: { S: [{ 'anything-but': [state] }] } },
    },
  };
}

/**
 * The filters, in the shape of `sst.aws.Dynamo.subscribe`'s `filters` (each one a pattern).
 * @example table.subscribe('FindingChanges', fn.arn, { filters: [...FINDING_TRANSITION_FILTERS] });
 */
export const FINDING_TRANSITION_FILTERS = [
  { eventName: ['INSERT'], dynamodb: FINDING_KEYS },
  entering('OPEN'),
  entering('RESOLVED'),
  entering('ERROR'),
  leaving('ERROR'),
];
