import type { DeadLetterQueues } from './queues.js';
import { FINDING_TRANSITION_FILTERS } from './stream-filter.js';
import { SWEEP_SUBSCRIPTION } from './sweep-queue-args.js';

/**
 * The daily sweep: every day at 03:00 UTC, by EventBridge Scheduler (`sst.aws.CronV2`; SST
 * deprecated `sst.aws.Cron`, an EventBridge rule). Scheduler retries an invocation it could not
 * deliver (throttled) twice; Lambda's own asynchronous retries follow a failed run as before.
 * @example scheduleSweep(fns.sweep);
 */
export function scheduleSweep(sweep: sst.aws.Function): sst.aws.CronV2 {
  return new sst.aws.CronV2('DailySweep', {
    function: sweep,
    schedule: 'cron(0 3 * * ? *)',
    retries: 2,
  });
}

/**
 * Every five minutes, on-finding-change with an empty stream batch (`{"Records": []}`): it
 * retries the outbox's pending deliveries (Slack down, rate-limited) even when no finding changes.
 * @example scheduleOutboxRetry(fns['on-finding-change']);
 */
export function scheduleOutboxRetry(onFindingChange: sst.aws.Function): sst.aws.CronV2 {
  return new sst.aws.CronV2('OutboxRetry', {
    function: onFindingChange,
    schedule: 'rate(5 minutes)',
    event: { Records: [] },
  });
}

/**
 * Subscribes on-finding-change to the table's stream, filtered to the changes it can notify. A record that
 * the handler reports in `batchItemFailures` is retried from there (the batch is bisected on
 * errors); after five attempts or a day, the failed batch's description goes to the DLQ.
 * @example subscribeFindingChanges(table, fns['on-finding-change'], queues['on-finding-change']);
 */
export function subscribeFindingChanges(
  table: sst.aws.Dynamo,
  onFindingChange: sst.aws.Function,
  deadLetterQueue: DeadLetterQueues['on-finding-change'],
) {
  return table.subscribe('FindingChanges', onFindingChange.arn, {
    filters: FINDING_TRANSITION_FILTERS,
    transform: {
      eventSourceMapping(args) {
        args.functionResponseTypes = ['ReportBatchItemFailures'];
        args.batchSize = 100;
        args.maximumBatchingWindowInSeconds = 5;
        args.bisectBatchOnFunctionError = true;
        args.maximumRetryAttempts = 5;
        args.maximumRecordAgeInSeconds = 24 * 60 * 60;
        args.destinationConfig = { onFailure: { destinationArn: deadLetterQueue.arn } };
      },
    },
  });
}

/**
 * Subscribes the sweep-worker to the sweep queue: one unit per invocation; `partialResponses`
 * sets the mapping's `ReportBatchItemFailures`, so the units it reports in `batchItemFailures`
 * are retried alone (until the queue's DLQ takes them).
 * @example subscribeSweepWorker(sweepQueue, fns['sweep-worker']);
 */
export function subscribeSweepWorker(sweepQueue: sst.aws.Queue, worker: sst.aws.Function) {
  return sweepQueue.subscribe(worker.arn, {
    batch: { size: SWEEP_SUBSCRIPTION.batchSize, partialResponses: SWEEP_SUBSCRIPTION.partialResponses },
  });
}
