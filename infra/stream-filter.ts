import { ANNOUNCED_FINDING_WRITES, SWEEP_RUN_ENDS } from '@customs/store';

/**
 * The Lambda event filter on the findings table's stream (NEW_AND_OLD_IMAGES): only the writes
 * of finding items that the fan-out announces reach on-finding-change. The store decides that
 * when it writes the finding (core's `announcementOf`: opened, reopened, suppressed, resolved, a
 * severity change while open) and marks the item with it, `notify`; the filter only reads the
 * mark (`ANNOUNCED_FINDING_WRITES`, packages/store, change-marks.ts, which the local poller uses
 * too). So a new message of an open finding, a passing finding stored, an error over an open
 * failure at the same severity invoke nothing. A finding item has `SK = FINDING`; history entries
 * (`SK = H#…`, whose `transition` is their own), summary counters (`PK = SUMMARY`), outbox and
 * suppression items and the resources' evaluation records (`SK = EVALUATION`, written by every
 * evaluation) carry no `notify` and never pass; nor does a removal (REMOVE has no new image).
 * A sweep run's end marker (`SWEEP_RUN_ENDS`, packages/store, sweep-runs.ts) passes too: the fan-out
 * then sends the Slack messages it held for the run, one digest per webhook.
 *
 * @example table.subscribe('FindingChanges', fn.arn, { filters: [...FINDING_TRANSITION_FILTERS] });
 */
export const FINDING_TRANSITION_FILTERS = [ANNOUNCED_FINDING_WRITES, SWEEP_RUN_ENDS];
